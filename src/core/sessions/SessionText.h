#pragma once

#include <QString>

#include "preflight/BlockingSession.h"

namespace strata {

/// How the Sessions view words a session: ages, waits, and the question asked before it is cancelled or
/// ended, which names the session so that the operator cannot pick the wrong one by its pid alone.
class SessionText
{
public:
    /// "850 ms", "40.0 s", "3 min 20 s", "2 h 05 min"; empty for -1.
    static QString duration(qint64 ms);
    /// "Lock: transactionid", "Client: ClientRead"; empty when it waits for nothing.
    static QString wait(const BlockingSession& s);
    /// "pid 4242 · user trader · risk-daemon · on fills".
    static QString who(const BlockingSession& s);
    /// The question before a cancel (`end` false) or an end: who, what it runs and for how long, and what
    /// the action does to its transaction and locks.
    static QString question(const BlockingSession& s, bool end);
};

} // namespace strata
