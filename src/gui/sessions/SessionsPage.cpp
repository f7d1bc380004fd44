#include "sessions/SessionsPage.h"

namespace strata {

SessionsPage::SessionsPage(QWidget* parent) : QWidget(parent) {}

void SessionsPage::load(const ConnectionUrl& url)
{
    m_url = url;
}

void SessionsPage::clear()
{
    m_url.reset();
}

} // namespace strata
