#define _GNU_SOURCE
#include "LineEditing.h"
#include <stdio.h>
#include <editline/readline.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

// libedit's interface is process-global (one terminal); so is this small amount of state.
static parley_complete_fn completer;
static void *completer_context;
static parley_take_interrupt_fn take_interrupt;
static int quiet_between_reads;

struct candidates { char **items; size_t count, capacity; };

static void add_candidate(void *accumulator, const char *candidate) {
    struct candidates *c = accumulator;
    if (c->count + 2 > c->capacity) {
        size_t capacity = c->capacity ? c->capacity * 2 : 16;
        char **items = realloc(c->items, capacity * sizeof *items);
        if (!items) return;
        c->items = items;
        c->capacity = capacity;
    }
    char *copy = strdup(candidate);
    if (copy) c->items[c->count++] = copy;
}

// Whether a paste is arriving: at least two more bytes already waiting behind the key read now
// (libedit reads a byte at a time). A person's next key comes long after; a program that types
// "cou" Tab Tab at once, as tmux's send-keys does, leaves one.
static int paste_arriving(void) {
    int waiting = 0;
    return ioctl(STDIN_FILENO, FIONREAD, &waiting) == 0 && waiting >= 2;
}

// readline's contract: matches[0] is what replaces the word (the longest common prefix), then the
// candidates, then NULL.
static char **attempted_completion(const char *text, int start, int end) {
    rl_attempted_completion_over = 1;     // never fall back to file names
    // A Tab inside pasted text stays a tab: code pasted with tabs lost them, had the word before
    // a tab completed into another, or, indented two tabs deep, showed every global's name.
    if (paste_arriving()) {
        char **matches = malloc(2 * sizeof *matches);
        size_t length = strlen(text);
        if (!matches || !(matches[0] = malloc(length + 2))) { free(matches); return NULL; }
        memcpy(matches[0], text, length);
        memcpy(matches[0] + length, "\t", 2);
        matches[1] = NULL;
        rl_completion_append_character = '\0';
        return matches;
    }
    if (!completer) return NULL;
    struct candidates c = {0};
    completer(completer_context, rl_line_buffer, start, end, add_candidate, &c);
    if (c.count == 0) { free(c.items); return NULL; }
    size_t prefix = strlen(c.items[0]);
    for (size_t i = 1; i < c.count; i++) {
        size_t j = 0;
        while (j < prefix && c.items[i][j] == c.items[0][j]) j++;
        prefix = j;
    }
    // Keep the prefix on a UTF-8 character boundary.
    while (prefix > 0 && (c.items[0][prefix] & 0xC0) == 0x80) prefix--;
    char **matches = malloc((c.count + 2) * sizeof *matches);
    if (!matches) return NULL;
    if (c.count == 1) {
        matches[0] = c.items[0];
        matches[1] = NULL;
        free(c.items);
        rl_completion_append_character = '\0';
        return matches;
    }
    matches[0] = strndup(c.items[0], prefix);
    memcpy(matches + 1, c.items, c.count * sizeof *matches);
    matches[c.count + 1] = NULL;
    free(c.items);
    return matches;
}

void parley_edit_setup(parley_complete_fn complete, void *context, parley_take_interrupt_fn take, int quiet) {
    quiet_between_reads = quiet;
    completer = complete;
    completer_context = context;
    take_interrupt = take;
    setlocale(LC_CTYPE, "");
    if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0) setlocale(LC_CTYPE, "C.UTF-8");
    rl_readline_name = "parley";
    rl_basic_word_break_characters = " \t\n\"'`@$><=;|&{(,[.:+-*/%^~#";
    rl_attempted_completion_function = attempted_completion;
    rl_completion_append_character = '\0';
    using_history();
    atexit(parley_edit_restore_terminal);     // os.exit() in a trusted script ends the REPL too
}

// The terminal's settings when the REPL started, restored when it ends.
static struct termios original;
static int original_saved;

// While a line runs, the terminal does not echo what is typed: lines typed or pasted ahead would
// otherwise be echoed as they arrive, in the middle of the output, and shown again at their
// prompt. libedit turns echo back on after each read; it shows the lines when it reads them.
// The terminal's own line editing is off too, so keys typed ahead reach libedit as typed: in it,
// Ctrl-D was the terminal's end of input (libedit then read a NUL byte, not Ctrl-D) and Ctrl-R its
// "reprint". Signals stay on: Ctrl-C still stops the line.
static void quiet_until_next_read(void) {
    struct termios now;
    if (!quiet_between_reads || !isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &now) != 0) return;
    if (!original_saved) {
        original = now;
        original_saved = 1;
    }
    now.c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | IEXTEN);
    now.c_cc[VMIN] = 1;
    now.c_cc[VTIME] = 0;
    tcsetattr(STDIN_FILENO, TCSANOW, &now);
}

void parley_edit_restore_terminal(void) {
    if (original_saved) tcsetattr(STDIN_FILENO, TCSANOW, &original);
}

// A Ctrl-C while libedit reads makes read() fail with EINTR (our SIGINT handler has no SA_RESTART),
// and readline() then returns NULL: the interrupt flag tells that apart from Ctrl-D.
int parley_edit_read(const char *prompt, char **line) {
    fflush(stdout);
    if (take_interrupt) take_interrupt();
    char *text = readline(prompt);
    if (take_interrupt && take_interrupt()) {
        free(text);
        fputs("^C\n", stdout);
        fflush(stdout);
        return PARLEY_INTERRUPTED;
    }
    if (!text) return PARLEY_EOF;
    *line = text;
    quiet_until_next_read();
    return PARLEY_LINE;
}

void parley_edit_add_history(const char *entry) { add_history(entry); }

int parley_edit_load_history(const char *path) { return read_history(path); }

int parley_edit_save_history(const char *path, int keep) {
    size_t length = strlen(path);
    char *temporary = malloc(length + 16);
    if (!temporary) return -1;
    snprintf(temporary, length + 16, "%s.tmp%d", path, (int)getpid());
    int status = write_history(temporary);
    if (status == 0 && keep > 0) status = history_truncate_file(temporary, keep);
    if (status == 0) status = rename(temporary, path);
    if (status != 0) unlink(temporary);
    free(temporary);
    return status;
}

int parley_edit_history_length(void) { return history_length; }

const char *parley_edit_history_entry(int i) {
    HIST_ENTRY *entry = history_get(history_base + i);
    return entry ? entry->line : NULL;
}

void parley_terminal_size(int fd, int *columns, int *rows) {
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) == 0 && w.ws_col > 0 && w.ws_row > 0) {
        *columns = w.ws_col;
        *rows = w.ws_row;
    } else {
        *columns = 80;
        *rows = 24;
    }
}
