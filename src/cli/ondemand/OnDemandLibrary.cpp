#include "ondemand/OnDemandLibrary.h"

#include <cstdio>
#include <cstdlib>
#include <mutex>

#include <dlfcn.h>

namespace strata::cli {

namespace {

std::mutex& opening()
{
    static std::mutex mutex;
    return mutex;
}

} // namespace

OnDemandLibrary::OnDemandLibrary(const char* soname, const char* package)
    : m_soname(soname), m_package(package)
{}

OnDemandLibrary& OnDemandLibrary::libpq()
{
    static OnDemandLibrary library("libpq.so.5", "libpq5");
    return library;
}

bool OnDemandLibrary::load(QString* error)
{
    const std::lock_guard<std::mutex> lock(opening());
    if (!m_tried) {
        m_tried = true;
        m_handle = dlopen(m_soname, RTLD_NOW | RTLD_LOCAL);
        if (!m_handle)
            m_error = QString::fromLocal8Bit(dlerror());
    }
    if (!m_handle && error)
        *error = QStringLiteral("%1 cannot be loaded (%2); it comes with the %3 package")
                     .arg(QString::fromLatin1(m_soname), m_error, QString::fromLatin1(m_package));
    return m_handle != nullptr;
}

void* OnDemandLibrary::symbol(const char* name)
{
    QString error;
    if (!load(&error)) {
        std::fprintf(stderr, "strata-cli: %s. Install it (apt install %s) and run the command again.\n",
                     error.toLocal8Bit().constData(), m_package);
        std::exit(1);
    }
    void* address = dlsym(m_handle, name);
    if (!address) {
        std::fprintf(stderr,
                     "strata-cli: %s has no %s: it is older than the one strata-cli was built with.\n",
                     m_soname, name);
        std::exit(1);
    }
    return address;
}

} // namespace strata::cli
