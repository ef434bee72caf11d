// Output through C stdio, shared with Lua's print and io.write.
#include "LuaShims.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int stdout_error;    // errno of the first write to standard output that failed

void parley_write_stdout(const char *bytes, size_t length) {
    if (fwrite(bytes, 1, length, stdout) < length && !stdout_error) stdout_error = errno;
}

void parley_write_stderr(const char *bytes, size_t length) {
    parley_flush_stdout();
    fwrite(bytes, 1, length, stderr);
    fflush(stderr);
}
void parley_flush_stdout(void) {
    if (fflush(stdout) != 0 && !stdout_error) stdout_error = errno;
}

// As GNU's close_stdout: output that could not be written (a full disk, a closed file) makes the
// process fail with a message, instead of a run that lost its results ending with status 0.
// A reader that went away (EPIPE) is not an error, as for cat.
static void check_stdout_at_exit(void) {
    int earlier = errno;    // a write that failed outside these functions (Swift's print) left it
    errno = 0;
    int flushed = fflush(stdout);
    int flush_error = errno;
    if (flushed == 0 && !ferror(stdout)) return;
    // The first failure's reason if it was seen, else the flush's, else the last system call's.
    int error = stdout_error ? stdout_error : flushed != 0 && flush_error ? flush_error : earlier ? earlier : EIO;
    if (error != EPIPE) {
        const char *start = "parley: cannot write to standard output: ";
        const char *reason = strerror(error);
        (void)!write(2, start, strlen(start));
        (void)!write(2, reason, strlen(reason));
        (void)!write(2, "\n", 1);
        _exit(1);
    }
}

void parley_check_stdout_at_exit(void) { atexit(check_stdout_at_exit); }
