/* libpq, PostgreSQL's own client: its connection strings, PGPASSWORD,
   ~/.pgpass, sslmode and Unix sockets come with it. Debian keeps the header
   under postgresql/. */
#include <postgresql/libpq-fe.h>
