#include "CPostgres.h"
#include "CLibraryOnDemand.h"

#ifdef __APPLE__
static struct stagehand_library pq = STAGEHAND_LIBRARY("libpq.5.dylib");
#else
static struct stagehand_library pq = STAGEHAND_LIBRARY("libpq.so.5");
#endif

static void open_pq(void) { stagehand_library_open(&pq); }

const char *stagehand_pq_unavailable(void) {
    return stagehand_library_handle(&pq, open_pq) ? 0 : pq.failure;
}

STAGEHAND_ON_DEMAND(pq, open_pq, PGconn *, PQconnectdb, (const char *conninfo), (conninfo), 0)
STAGEHAND_ON_DEMAND(pq, open_pq, ConnStatusType, PQstatus, (const PGconn *conn), (conn), CONNECTION_BAD)
STAGEHAND_ON_DEMAND(pq, open_pq, char *, PQerrorMessage, (const PGconn *conn), (conn), "libpq is not available")
STAGEHAND_ON_DEMAND(pq, open_pq, int, PQconnectionNeedsPassword, (const PGconn *conn), (conn), 0)
STAGEHAND_ON_DEMAND_VOID(pq, open_pq, PQfinish, (PGconn *conn), (conn))
STAGEHAND_ON_DEMAND_VOID(pq, open_pq, PQreset, (PGconn *conn), (conn))
STAGEHAND_ON_DEMAND(pq, open_pq, int, PQsocket, (const PGconn *conn), (conn), -1)
STAGEHAND_ON_DEMAND(pq, open_pq, int, PQconsumeInput, (PGconn *conn), (conn), 0)
STAGEHAND_ON_DEMAND(pq, open_pq, PGnotify *, PQnotifies, (PGconn *conn), (conn), 0)
STAGEHAND_ON_DEMAND_VOID(pq, open_pq, PQfreemem, (void *ptr), (ptr))
STAGEHAND_ON_DEMAND(
    pq, open_pq, PQnoticeProcessor, PQsetNoticeProcessor, (PGconn *conn, PQnoticeProcessor proc, void *arg),
    (conn, proc, arg), 0)
STAGEHAND_ON_DEMAND(pq, open_pq, PGresult *, PQexec, (PGconn *conn, const char *query), (conn, query), 0)
STAGEHAND_ON_DEMAND(
    pq, open_pq, PGresult *, PQexecParams,
    (PGconn *conn, const char *command, int nParams, const Oid *paramTypes, const char *const *paramValues,
        const int *paramLengths, const int *paramFormats, int resultFormat),
    (conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats, resultFormat), 0)
STAGEHAND_ON_DEMAND(
    pq, open_pq, int, PQsendQueryParams,
    (PGconn *conn, const char *command, int nParams, const Oid *paramTypes, const char *const *paramValues,
        const int *paramLengths, const int *paramFormats, int resultFormat),
    (conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats, resultFormat), 0)
STAGEHAND_ON_DEMAND(pq, open_pq, int, PQsetSingleRowMode, (PGconn *conn), (conn), 0)
STAGEHAND_ON_DEMAND(pq, open_pq, PGresult *, PQgetResult, (PGconn *conn), (conn), 0)
STAGEHAND_ON_DEMAND_VOID(pq, open_pq, PQclear, (PGresult *res), (res))
STAGEHAND_ON_DEMAND(pq, open_pq, ExecStatusType, PQresultStatus, (const PGresult *res), (res), PGRES_FATAL_ERROR)
STAGEHAND_ON_DEMAND(pq, open_pq, char *, PQresultErrorField, (const PGresult *res, int fieldcode), (res, fieldcode), 0)
STAGEHAND_ON_DEMAND(pq, open_pq, int, PQntuples, (const PGresult *res), (res), 0)
STAGEHAND_ON_DEMAND(pq, open_pq, int, PQnfields, (const PGresult *res), (res), 0)
STAGEHAND_ON_DEMAND(
    pq, open_pq, char *, PQgetvalue, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num), 0)
STAGEHAND_ON_DEMAND(
    pq, open_pq, int, PQgetlength, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num), 0)
STAGEHAND_ON_DEMAND(
    pq, open_pq, int, PQgetisnull, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num), 1)
