// The system SQLite 3 (Debian: libsqlite3-dev), for the SQLite corpus form.
#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro Swift cannot import: SQLite copies the bytes it is given.
static inline sqlite3_destructor_type parley_sqlite_transient(void) { return SQLITE_TRANSIENT; }
