// The libpq functions the core calls, defined here so that strata-cli does not load libpq before it connects
// to PostgreSQL (OnDemandLibrary says why). Each looks its function up once, then forwards to it. The
// declarations come from libpq-fe.h, so a signature that differs from libpq's does not compile. A function
// the core starts to use and this file does not forward links libpq as before: slower to start, not wrong.

#include <libpq-fe.h>

#include "ondemand/OnDemandLibrary.h"

using strata::cli::OnDemandLibrary;

#define STRATA_FORWARD(Ret, name, Params, Args)                                                              \
    extern "C" Ret name Params                                                                               \
    {                                                                                                        \
        static const auto call = reinterpret_cast<Ret(*) Params>(OnDemandLibrary::libpq().symbol(#name));    \
        return call Args;                                                                                    \
    }

// clang-format off
STRATA_FORWARD(PGconn*, PQconnectdbParams, (const char* const* keywords, const char* const* values, int expand_dbname), (keywords, values, expand_dbname))
STRATA_FORWARD(ConnStatusType, PQstatus, (const PGconn* conn), (conn))
STRATA_FORWARD(char*, PQerrorMessage, (const PGconn* conn), (conn))
STRATA_FORWARD(void, PQfinish, (PGconn* conn), (conn))
STRATA_FORWARD(int, PQserverVersion, (const PGconn* conn), (conn))
STRATA_FORWARD(PGTransactionStatusType, PQtransactionStatus, (const PGconn* conn), (conn))
STRATA_FORWARD(PQnoticeProcessor, PQsetNoticeProcessor, (PGconn* conn, PQnoticeProcessor proc, void* arg), (conn, proc, arg))
STRATA_FORWARD(PGresult*, PQexec, (PGconn* conn, const char* query), (conn, query))
STRATA_FORWARD(PGresult*, PQexecParams, (PGconn* conn, const char* command, int nParams, const Oid* paramTypes, const char* const* paramValues, const int* paramLengths, const int* paramFormats, int resultFormat), (conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats, resultFormat))
STRATA_FORWARD(PGresult*, PQgetResult, (PGconn* conn), (conn))
STRATA_FORWARD(ExecStatusType, PQresultStatus, (const PGresult* res), (res))
STRATA_FORWARD(char*, PQresultErrorMessage, (const PGresult* res), (res))
STRATA_FORWARD(char*, PQresultErrorField, (const PGresult* res, int fieldcode), (res, fieldcode))
STRATA_FORWARD(int, PQntuples, (const PGresult* res), (res))
STRATA_FORWARD(int, PQnfields, (const PGresult* res), (res))
STRATA_FORWARD(char*, PQfname, (const PGresult* res, int field_num), (res, field_num))
STRATA_FORWARD(char*, PQgetvalue, (const PGresult* res, int tup_num, int field_num), (res, tup_num, field_num))
STRATA_FORWARD(int, PQgetlength, (const PGresult* res, int tup_num, int field_num), (res, tup_num, field_num))
STRATA_FORWARD(int, PQgetisnull, (const PGresult* res, int tup_num, int field_num), (res, tup_num, field_num))
STRATA_FORWARD(char*, PQcmdTuples, (PGresult* res), (res))
STRATA_FORWARD(void, PQclear, (PGresult* res), (res))
STRATA_FORWARD(int, PQputCopyData, (PGconn* conn, const char* buffer, int nbytes), (conn, buffer, nbytes))
STRATA_FORWARD(int, PQputCopyEnd, (PGconn* conn, const char* errormsg), (conn, errormsg))
STRATA_FORWARD(PGcancel*, PQgetCancel, (PGconn* conn), (conn))
STRATA_FORWARD(void, PQfreeCancel, (PGcancel* cancel), (cancel))
STRATA_FORWARD(int, PQcancel, (PGcancel* cancel, char* errbuf, int errbufsize), (cancel, errbuf, errbufsize))
STRATA_FORWARD(int, PQsendQueryParams, (PGconn* conn, const char* command, int nParams, const Oid* paramTypes, const char* const* paramValues, const int* paramLengths, const int* paramFormats, int resultFormat), (conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats, resultFormat))
STRATA_FORWARD(int, PQsetSingleRowMode, (PGconn* conn), (conn))
STRATA_FORWARD(char*, PQcmdStatus, (PGresult* res), (res))
STRATA_FORWARD(Oid, PQftype, (const PGresult* res, int field_num), (res, field_num))
STRATA_FORWARD(unsigned char*, PQunescapeBytea, (const unsigned char* strtext, size_t* retbuflen), (strtext, retbuflen))
STRATA_FORWARD(void, PQfreemem, (void* ptr), (ptr))
STRATA_FORWARD(int, PQgetCopyData, (PGconn* conn, char** buffer, int async), (conn, buffer, async))
// clang-format on
