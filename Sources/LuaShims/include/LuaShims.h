// The C side of Parley's Swift <-> Lua boundary (see shared/design/lua-boundary.md).
// Everything that may longjmp (lua_error, raising API calls) happens in these C functions,
// never in a Swift frame.
#ifndef PARLEY_LUA_SHIMS_H
#define PARLEY_LUA_SHIMS_H

#include <stddef.h>
#include <stdint.h>
#include <lua.h>

/// What a Swift function reached through the trampoline returns besides a result count.
enum {
    /// The message on top of the stack is a new error: the trampoline prefixes the caller's position.
    PARLEY_RAISE = -1,
    /// The value on top of the stack is an error raised by Lua code the function called: raised as it is.
    PARLEY_RETHROW = -2,
};

typedef int (*parley_dispatch_fn)(lua_State *L, void *context);
typedef void (*parley_release_fn)(void *context);

/// Creates a state with Parley's allocator (memory cap `cap` bytes for Lua code, 0 = none) and a panic handler.
lua_State *parley_newstate(size_t cap);
/// Closes a state made by parley_newstate and frees its allocator record.
void parley_close(lua_State *L);
/// Bytes currently allocated by the state, and held by the host objects its values keep alive.
size_t parley_memory_used(lua_State *L);
/// [-0, +0, -] Counts `bytes` that a host object kept alive by a Lua value holds toward the memory
/// cap (host code only: past it, the trampoline raises the memory error once Swift has returned),
/// first collecting garbage when such bytes have grown as much as Lua's collector lets its own grow.
void parley_hold(lua_State *L, size_t bytes);
/// [-0, +0, -] `bytes` counted by parley_hold are free again.
void parley_unhold(lua_State *L, size_t bytes);
/// The memory cap for Lua code (0 = none).
size_t parley_memory_cap(lua_State *L);
void parley_set_memory_cap(lua_State *L, size_t cap);
/// Frames of the chunk named `name` (as given to lua_load, e.g. "=(prelude)") are passed over when
/// an error from the host names where the script called it: that chunk is the host's, not the user's.
void parley_hide_chunk(lua_State *L, const char *name);

/// [-0, +1, m] Pushes a C closure that calls `call(L, context)`; `release(context)` runs when Lua collects it.
void parley_pushfunction(lua_State *L, parley_dispatch_fn call, void *context, parley_release_fn release);

/// [-0, +1, m] Pushes a userdata that owns `object`, with the metatable registered as `tname` (which must exist).
/// `release(object)` runs exactly once, from the metatable's __gc (parley_box_gc). The object holds
/// `held` bytes (parley_hold), free again when the box is collected.
void parley_pushbox(lua_State *L, void *object, parley_release_fn release, const char *tname, size_t held);
/// [-0, +0, -] The object of the box at `idx` (a box the caller has checked) has grown by `bytes`.
void parley_box_hold_more(lua_State *L, int idx, size_t bytes);
/// [-0, +0, m] The object owned by the box at `idx` if it has metatable `tname`, else NULL.
void *parley_tobox(lua_State *L, int idx, const char *tname);
/// [-0, +0, -] The object owned by the box at `idx`, whose metatable the caller has checked.
void *parley_tobox_unchecked(lua_State *L, int idx);
/// The __gc metamethod for boxes: releases the object, never calls Lua.
int parley_box_gc(lua_State *L);

/// [-(nargs+1), +(nresults|1), -] lua_pcall with the host flag cleared while Lua runs, so the memory cap
/// applies to Lua code only. With `traceback`, the error message gets a traceback (lua.c's msghandler).
int parley_pcall(lua_State *L, int nargs, int nresults, int traceback);

/// [-0, +1, -] Protected luaL_tolstring: pushes the string (or the error message) and returns the status.
int parley_tolstring_p(lua_State *L, int idx);
/// [-0, +1, -] Protected lua_getglobal: pushes the value (or the error message).
int parley_getglobal_p(lua_State *L, const char *name);
/// [-1, +0|1, -] Protected lua_setglobal of the value on top; on error, pushes the message.
int parley_setglobal_p(lua_State *L, const char *name);
/// [-0, +0|1, -] Protected luaL_openlibs; on error, pushes the message.
int parley_openlibs_p(lua_State *L);
/// [-0, +1, -] Protected lua_getfield on the value at idx (metamethods may run); pushes value or message.
int parley_getfield_p(lua_State *L, int idx, const char *key);

/// Installs the watch hook on L (done for the main thread at creation; coroutines inherit it).
void parley_watch(lua_State *L);
/// Asks the running script to stop with "interrupted" within a thousand instructions.
void parley_interrupt(lua_State *L);
/// Scripts stop with `message` once `seconds` have passed from now (0: no deadline).
void parley_set_deadline(lua_State *L, double seconds, const char *message);
/// Non-zero once the running script must stop (interrupted, or past its deadline).
int parley_stopped(lua_State *L);
/// The same question asked from another thread while the script's thread waits for it (work
/// spread over cores): reads the stop without setting it.
int parley_stop_requested(lua_State *L);
/// Why the script must stop (as the hook raises it), or NULL when it need not.
const char *parley_stop_message(lua_State *L);
/// Forgets an interrupt and the deadline (after a run, before the next).
void parley_clear_stop(lua_State *L);

/// Ctrl-C: installs the SIGINT handler; while armed with a state, a Ctrl-C interrupts its script.
void parley_sigint_install(void);
void parley_sigint_arm(lua_State *L);
/// Stops interrupting `L` and removes any pending interrupt hook.
void parley_sigint_disarm(lua_State *L);
/// Non-zero if Ctrl-C was pressed since the last call (and clears it).
int parley_sigint_take(void);
/// Whether Ctrl-C was pressed since the last take, leaving it to be taken.
int parley_sigint_pending(void);

/// A handle to one row of host data: a userdata of exactly this layout.
typedef struct {
    uint32_t generation;
    int32_t row;
} parley_row_handle;

/// [-0, +1, m] Pushes a handle to `row` of `generation` with the metatable at index `metatable`.
void parley_pushrowhandle(lua_State *L, uint32_t generation, int32_t row, int metatable);

/// [-0, +1, -] Pushes a light handle to `row` of `generation`: a light userdata holding both in
/// its one word, so that nothing is allocated or collected (a loop makes one per row). Every light
/// userdata has the same metatable in Lua, so one kind of row only has light handles: statements.
void parley_pushlighthandle(lua_State *L, uint32_t generation, int32_t row);

/// [-0, +0, -] The generation and row of the handle at `index`, light or not; 0 if it is neither.
/// (Which table's row it is, its metatable says.)
int parley_tohandle(lua_State *L, int index, parley_row_handle *handle);

/// What `parley_filter_rows` loops over: `rows[0..<count]` (or 0..<count when NULL); the rows
/// whose predicate returns true are written to `kept` (room for `count`), `kept_count` of them.
typedef struct {
    const int32_t *rows;
    int64_t count;
    uint32_t generation;
    int32_t *kept;
    int64_t kept_count;
} parley_filter;

/// [-0, +(0|1), -] Calls the function at `predicate` with a light handle (statements' rows)
/// for every row of `f`, protected: LUA_OK, an error status with the error value on top, or
/// PARLEY_NO_STACK (nothing pushed) when the Lua stack has no room left.
int parley_filter_rows(lua_State *L, int predicate, parley_filter *f);
#define PARLEY_NO_STACK (-1)

/// What `parley_tally_rows` loops over: `rows[0..<count]` (or 0..<count when NULL). After it,
/// `nan_count` is how many keys were NaN (not counted in the table), and `bad_type` the Lua type
/// of the first key that was not a string, number, boolean or nil (LUA_TNONE if none; the loop
/// stopped there).
typedef struct {
    const int32_t *rows;
    int64_t count;
    uint32_t generation;
    int64_t nan_count;
    int bad_type;
} parley_tally;

/// [-0, +1, -] Calls the function at `function` with a light handle (statements' rows) for
/// every row of `t`, protected, counting what it returns in a new table (key → count), which is
/// left on top: LUA_OK with that table, an error status with the error value on top instead, or
/// PARLEY_NO_STACK (nothing pushed).
int parley_tally_rows(lua_State *L, int function, parley_tally *t);

enum { PARLEY_VIEW_HOST = 0, PARLEY_VIEW_CODES = 1, PARLEY_VIEW_TEXT = 2, PARLEY_VIEW_HANDLE = 3, PARLEY_VIEW_LIST = 4,
       PARLEY_VIEW_EMPTY_LIST = 5, PARLEY_VIEW_CODES_SUFFIXED = 6 };

/// At most this many bytes are written by a SUFFIXED column's `format_suffix`.
#define PARLEY_VIEW_SUFFIX_CAPACITY 64

/// One field of a row view: read by the host (HOST), an interned string (CODES: `codes[row]`, -1 for
/// none, whose Lua string the host caches at `caches[cache][code + 1]`), a handle to a row of
/// another table (HANDLE: row `codes[row]`, -1 for none, of the view's generation, with the
/// metatable at `caches[cache]`), a list of interned strings (LIST: the codes
/// `codes[list_starts[r] .. list_starts[r + 1])`, cached as CODES are, a new table each time), a
/// list the host makes unless it is empty (EMPTY_LIST: row r is empty when `list_starts[r] ==
/// list_starts[r + 1]`; a new empty table then), text (TEXT: row r is `bytes[starts[r] .. starts[r + 1])`),
/// or an interned string as CODES followed by what `format_suffix(suffixes[r], out)` writes, when
/// `suffixes[r]` is not negative (CODES_SUFFIXED). The memory must stay unchanged while the view lives.
typedef struct {
    int kind;
    int cache;
    const int32_t *codes;
    const uint8_t *bytes;
    const int64_t *starts;
    const int32_t *list_starts;
    const int64_t *suffixes;
    size_t (*format_suffix)(int64_t suffix, uint8_t *out);
} parley_view_column;

/// [-0, +1, m] Pushes a row view over `rows` rows of handles of `generation`, with `ncolumns` columns
/// (all HOST) for the caller to fill; `release(owner)` runs when Lua collects the view.
parley_view_column *parley_pushrowview(lua_State *L, uint32_t generation, int64_t rows, int ncolumns,
                                       void *owner, parley_release_fn release);
/// [-5, +1, m] Pops the view, a table of field numbers by name, the table of string caches, the host's
/// __index function and the handles' metatable; pushes an __index function that reads the view's
/// columns in C and calls the host's __index for anything else.
void parley_pushrowindex(lua_State *L);

/// [-0, +1, m] Pushes a box (as parley_pushbox) that also holds a list of rows: `rows[0..count)`, or
/// 0..count-1 when `rows` is NULL (memory unchanged while the box lives), of `generation`.
void parley_pushlistbox(lua_State *L, void *object, parley_release_fn release, const char *tname,
                        const int32_t *rows, int64_t count, uint32_t generation, size_t held);
/// [-3, +1, m] Pops the host's __index, the lists' metatable and the current generation; pushes an
/// __index for list boxes that makes light handles for integer keys in C and calls the host's
/// __index for anything else.
void parley_pushlistindex(lua_State *L);

// [-0, +1, m] Pushes an `ipairs` that iterates the lists whose metatable is at `list_metatable` (of
// the corpus loaded now) without an __index call per step, and anything else as Lua's ipairs does.
void parley_pushipairs(lua_State *L, int list_metatable);

/// Writes bytes to standard output through C stdio, as Lua's print does, so the two never interleave out of order.
void parley_write_stdout(const char *bytes, size_t length);
void parley_flush_stdout(void);
// At exit, standard output is flushed; if any of it could not be written, the process says why on
// standard error and exits with status 1.
void parley_check_stdout_at_exit(void);
/// The same for standard error.
void parley_write_stderr(const char *bytes, size_t length);

/// Pushes `guard(function, name, plain argument, refuse)`, which makes a string function that
/// refuses a pattern with several repetitions over a long text (calling `refuse(name, text,
/// pattern, repetitions)`, which raises the error) and otherwise runs `function` directly.
void parley_push_pattern_guard(lua_State *L);

/// A Lua pattern prepared for asking many texts, on any thread and without Lua, what
/// `string.find(text, pattern)` would answer in the sandbox (see pattern_find.c). It keeps its own
/// copy of the pattern; NULL if there is no memory for it.
typedef struct parley_pattern parley_pattern;
parley_pattern *parley_pattern_new(const char *p, size_t n);
void parley_pattern_free(parley_pattern *pattern);

/// 1 if the pattern occurs in the text, 0 if not, -1 if string.find would raise an error instead
/// (a malformed pattern, one too complex, a capture left open, or a search the sandbox refuses),
/// -2 if the script of `watch` (which may be NULL) must stop: asked every so often while searching.
int parley_pattern_find(const parley_pattern *pattern, const char *text, size_t n, lua_State *watch);

/// [-0, +1, m] Pushes a table of `lower` and `upper`: string.lower and string.upper as they are in
/// the C and UTF-8 locales (only ASCII letters change), without a C library call per byte.
void parley_push_ascii_case(lua_State *L);

#endif
