#include "console/ConsolePage.h"

namespace strata {

ConsolePage::ConsolePage(QWidget* parent) : QWidget(parent) {}

void ConsolePage::load(const ConnectionUrl& url)
{
    m_url = url;
}

void ConsolePage::clear()
{
    m_url.reset();
}

} // namespace strata
