#ifndef STAGEHAND_CPOSTGRES_H
#define STAGEHAND_CPOSTGRES_H

/* libpq, PostgreSQL's own client: its connection strings, PGPASSWORD,
   ~/.pgpass, sslmode and Unix sockets come with it. Debian keeps the header
   under postgresql/. Opened the first time a workspace lives in PostgreSQL
   (Postgres.c), not at every start, as libcurl is (see CCurl.h). */
#include <postgresql/libpq-fe.h>

/* Why libpq cannot be used here (the dynamic loader's words), or NULL when it can. */
const char *stagehand_pq_unavailable(void);

#endif
