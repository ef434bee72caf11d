// Output through C stdio, shared with Lua's print and io.write.
#include "LuaShims.h"
#include <stdio.h>

void parley_write_stdout(const char *bytes, size_t length) {
    fwrite(bytes, 1, length, stdout);
}

void parley_write_stderr(const char *bytes, size_t length) {
    fflush(stdout);
    fwrite(bytes, 1, length, stderr);
    fflush(stderr);
}
void parley_flush_stdout(void) { fflush(stdout); }
