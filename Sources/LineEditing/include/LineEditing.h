// Line editing for the REPL on top of libedit's readline interface: completion through a callback
// with a context, history written atomically, Ctrl-C at the prompt reported as such.
#ifndef PARLEY_LINE_EDITING_H
#define PARLEY_LINE_EDITING_H

#include <stddef.h>

/// Adds one completion candidate (called by the completer, any number of times).
typedef void (*parley_add_candidate_fn)(void *accumulator, const char *candidate);
/// Completes the word `line[start..<end]` (byte offsets) given the whole line.
typedef void (*parley_complete_fn)(void *context, const char *line, int start, int end,
                                   parley_add_candidate_fn add, void *accumulator);
/// Returns non-zero (and clears it) if Ctrl-C was pressed since the last call.
typedef int (*parley_take_interrupt_fn)(void);

enum { PARLEY_LINE = 1, PARLEY_EOF = 0, PARLEY_INTERRUPTED = -1 };

/// Prepares libedit: the word break characters, the completer, the UTF-8 locale. With `quiet`, the
/// terminal does not echo between reads (a trusted script may read the terminal itself: not then).
void parley_edit_setup(parley_complete_fn complete, void *context, parley_take_interrupt_fn take_interrupt, int quiet);
/// Reads one line with editing. Returns PARLEY_LINE with a malloc'd `*line` (free it), PARLEY_EOF on
/// Ctrl-D at an empty line, PARLEY_INTERRUPTED on Ctrl-C (the line is abandoned). After a line, the
/// terminal echoes nothing until the next read (see `parley_edit_restore_terminal`).
int parley_edit_read(const char *prompt, char **line);
/// Gives the terminal back as it was (echo on) when the REPL ends (also registered with atexit).
void parley_edit_restore_terminal(void);
/// History: add an entry; load and save (save writes a temporary file then renames it).
void parley_edit_add_history(const char *entry);
int parley_edit_load_history(const char *path);
int parley_edit_save_history(const char *path, int keep);
/// The number of history entries and the i-th (from 0); NULL past the end.
int parley_edit_history_length(void);
const char *parley_edit_history_entry(int i);
/// Terminal width and height (80x24 when unknown).
void parley_terminal_size(int fd, int *columns, int *rows);

#endif
