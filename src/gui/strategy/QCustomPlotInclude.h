#pragma once

// Debian's qcustomplot.h uses Qt's lowercase keywords (`signals`, `foreach`), which Strata switches off with
// QT_NO_KEYWORDS so that no Strata source depends on them. They are defined here for that one header only.
#ifndef signals
#define signals Q_SIGNALS
#define STRATA_QCP_DEFINED_SIGNALS
#endif
#ifndef slots
#define slots Q_SLOTS
#define STRATA_QCP_DEFINED_SLOTS
#endif
#ifndef foreach
#define foreach Q_FOREACH
#define STRATA_QCP_DEFINED_FOREACH
#endif
#ifndef emit
#define emit Q_EMIT
#define STRATA_QCP_DEFINED_EMIT
#endif

#include <qcustomplot.h>

#ifdef STRATA_QCP_DEFINED_SIGNALS
#undef signals
#undef STRATA_QCP_DEFINED_SIGNALS
#endif
#ifdef STRATA_QCP_DEFINED_SLOTS
#undef slots
#undef STRATA_QCP_DEFINED_SLOTS
#endif
#ifdef STRATA_QCP_DEFINED_FOREACH
#undef foreach
#undef STRATA_QCP_DEFINED_FOREACH
#endif
#ifdef STRATA_QCP_DEFINED_EMIT
#undef emit
#undef STRATA_QCP_DEFINED_EMIT
#endif
