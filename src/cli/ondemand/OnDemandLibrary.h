#pragma once

#include <QString>

namespace strata::cli {

/// A shared library strata-cli opens the first time it is needed rather than at start: libpq and what it
/// pulls in (Kerberos, LDAP, GnuTLS: twenty libraries) cost every command 2.3 ms before main(), a tenth of
/// `status` on a SQLite database, which never uses them. The functions the core calls are defined by
/// strata-cli itself (LibPqCalls.cpp) and forward to the library, so the core is written against libpq's
/// own header and does not know. The desktop app and the tests link libpq as usual.
class OnDemandLibrary
{
public:
    /// libpq (libpq.so.5, Debian's libpq5).
    static OnDemandLibrary& libpq();

    /// Opens the library if it is not open yet; false with the loader's message when it cannot be.
    bool load(QString* error = nullptr);
    /// The address of `name` in the library (opened if needed). A missing library or symbol ends the
    /// process with a message that names them: strata-cli was built against this library, and nothing else
    /// can stand in for it.
    void* symbol(const char* name);

private:
    OnDemandLibrary(const char* soname, const char* package);

    const char* m_soname;
    const char* m_package;
    void* m_handle = nullptr;
    QString m_error;
    bool m_tried = false;
};

} // namespace strata::cli
