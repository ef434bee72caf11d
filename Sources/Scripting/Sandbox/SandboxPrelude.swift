/// The Lua code that turns a fresh state into Parley's sandbox. It runs once, before any script,
/// with the standard libraries open; everything it keeps is in local upvalues a script cannot reach.
///
/// Arguments: trusted (boolean), memory limit (bytes), output limit (bytes), must_stop(), the host's
/// print, how print shows a table (`show`), `guard` (`Lua.pushPatternGuard`), `ascii_case`
/// (`Lua.pushASCIICase`) and `text_width` (`pushTextWidthFunctions`).
/// Returns a table of the bounded functions the host uses itself (`find`).
enum SandboxPrelude {
    /// Its chunk's name: the host's code, never named as where a script's error is.
    static let chunkName = "=(sandbox)"

    static let source = #"""
    local trusted, memory_limit, output_limit, must_stop, host_write, show, guard, ascii_case, text_width = ...
    local error, type, select, tostring, rawget, rawset_ = error, type, select, tostring, rawget, rawset
    local setmetatable_, next, string_rep = setmetatable, next, string.rep
    local find, match, gmatch, gsub = string.find, string.match, string.gmatch, string.gsub
    local print_, collectgarbage_, load_ = print, collectgarbage, load
    local coroutine_close, coroutine_resume = coroutine.close, coroutine.resume
    local pcall_, xpcall_ = pcall, xpcall

    -- A stop (Ctrl-C, the time limit) cannot be caught: protected calls raise it again.
    local function unless_stopped(ok, ...)
      if not ok and must_stop() then error((...), 0) end
      return ok, ...
    end
    pcall = function(f, ...) return unless_stopped(pcall_(f, ...)) end
    -- Lua runs a message handler for an error raised by a hook with hooks off, so a handler that loops
    -- could never be stopped: once the script must stop, the handler is skipped.
    xpcall = function(f, handler, ...)
      local function guarded(message)
        if must_stop() then return message end
        return handler(message)
      end
      return unless_stopped(xpcall_(f, guarded, ...))
    end
    coroutine.resume = function(co, ...) return unless_stopped(coroutine_resume(co, ...)) end

    -- What a shared script must not reach. Removed functions of a library are stubs that say why
    -- (Lua's own "attempt to call a nil value (field 'execute')" does not); removed globals are
    -- nil, and the host adds the reason to Lua's message (SandboxHint).
    local function unavailable(name, reason)
      return function() error(name .. " is not available: " .. reason, 2) end
    end
    dofile, loadfile = nil, nil
    string.dump = unavailable("string.dump", "Parley loads no bytecode")
    if not trusted then
      io, package, require, debug = nil, nil, nil, nil
      local os_ = os
      os = {clock = os_.clock, time = os_.time, date = os_.date, difftime = os_.difftime}
      local sandboxed = "scripts run sandboxed, without files, commands or the environment (pass --trust to allow them)"
      for _, name in ipairs{"execute", "exit", "getenv", "remove", "rename", "tmpname", "setlocale"} do
        os[name] = unavailable("os." .. name, sandboxed)
      end
    end

    -- load: text only (bytecode can break the VM's invariants).
    load = function(chunk, name, mode, env)
      if mode ~= nil and mode ~= "t" then
        error("load: only text chunks can be loaded in Parley (mode \"t\")", 2)
      end
      if env == nil then return load_(chunk, name, "t") end
      return load_(chunk, name, "t", env)
    end

    -- Finalisers run where the time limit cannot reach them.
    setmetatable = function(t, mt)
      if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
        error("setmetatable: metatables with __gc (finalisers) are not allowed in Parley scripts", 2)
      end
      return setmetatable_(t, mt)
    end

    -- Scripts make short-lived strings by the million (`s.text:lower()` in a predicate) and keep
    -- little: the generational collector collects the young ones without going over the rest.
    collectgarbage_("generational")
    local allowed_gc = {count = true, collect = true, step = true, isrunning = true}
    collectgarbage = function(option, ...)
      option = option or "collect"
      if not allowed_gc[option] then
        error("collectgarbage: only \"count\", \"collect\", \"step\" and \"isrunning\" are allowed in Parley scripts", 2)
      end
      return collectgarbage_(option, ...)
    end

    -- Lua patterns backtrack inside C, where the time limit cannot stop them: a pattern with several
    -- repetitions (*, +, -) over a long text, or many optional items (?), is refused before it
    -- starts: when length ^ (repetitions + 1) * 3 ^ optional items > 1e11 (one power of the length
    -- less for a pattern anchored with ^). The check is in C (`guard`), so that a search in a predicate costs no Lua call.
    -- A long pattern is shown by its start: the message is read on a terminal.
    local function refuse(name, s, p, repetitions)
      local shown, cut = p, 60
      if #p > cut then
        while (p:byte(cut + 1) or 0) & 0xC0 == 0x80 do cut = cut - 1 end   -- not inside a character
        shown = p:sub(1, cut) .. "…"
      end
      error(("string.%s: the pattern %q (%d bytes) has %d repetitions and could run for a very long time on a text of %d bytes; use a simpler pattern or a shorter text"):format(name, shown, #p, repetitions, #s), 3)
    end
    string.find = guard(find, "find", 4, refuse)
    string.match = guard(match, "match", 0, refuse)
    string.gmatch = guard(gmatch, "gmatch", 0, refuse)
    string.gsub = guard(gsub, "gsub", 0, refuse)
    -- The same results as the library's, without a C library call per byte (see ascii_case.c).
    string.lower, string.upper = ascii_case.lower, ascii_case.upper
    -- Text measured and padded in terminal columns (string.format's "%-20s" counts bytes).
    string.width, string.ljust, string.rjust = text_width.width, text_width.ljust, text_width.rjust
    -- Bad arguments are named as the script wrote the call ('rep', at its line), not as this
    -- wrapper's upvalue at its own line; the library's call stays a tail call, so that running out
    -- of memory in it is still a memory error.
    local function bad_rep_argument(i, value, expected)
      error(("bad argument #%d to 'rep' (%s expected, got %s)"):format(i, expected, value == nil and "no value" or type(value)), 3)
    end
    string.rep = function(s, n, sep)
      if type(s) ~= "string" and type(s) ~= "number" then bad_rep_argument(1, s, "string") end
      local count = tonumber(n)
      if count == nil then bad_rep_argument(2, n, "number") end
      if count ~= count or count % 1 ~= 0 then error("bad argument #2 to 'rep' (number has no integer representation)", 2) end
      if sep ~= nil and type(sep) ~= "string" and type(sep) ~= "number" then bad_rep_argument(3, sep, "string") end
      if type(s) == "string" and count > 0 then
        local size = (#s + (type(sep) == "string" and #sep or 0)) * count
        if memory_limit > 0 and size > memory_limit then
          error(("string.rep: the result would take %.0f MiB, over the memory limit of %.0f MiB (raise it with --memory)"):format(size / 2^20, memory_limit / 2^20), 2)
        end
      end
      return string_rep(s, n, sep)
    end

    -- Debian's Lua 5.4.4 crashes on long chains of coroutine.close from <close> handlers.
    local closing = 0
    coroutine.close = function(co)
      if closing >= 50 then error("coroutine.close: too many nested closes", 2) end
      closing = closing + 1
      local ok, a, b = pcall_(coroutine_close, co)
      closing = closing - 1
      if not ok then error(a, 0) end
      return a, b
    end

    -- Output is capped so that a runaway loop cannot fill the disk or the terminal.
    local written = 0
    local concat = table.concat
    print = function(...)
      local n = select("#", ...)
      local parts = {}
      -- A table is shown as the REPL shows it (its items, not "table: 0x…"): analysts print lists.
      for i = 1, n do
        local v = (select(i, ...))
        parts[i] = type(v) == "table" and show(v) or tostring(v)   -- show: nil for a table with __tostring
      end
      local line = concat(parts, "\t")
      written = written + #line + 1
      if output_limit > 0 and written > output_limit then
        error(("print: the output limit of %.0f MiB is reached (raise it with --max-output)"):format(output_limit / 2^20), 2)
      end
      host_write(line)
    end

    -- Library tables are read-only: a script cannot change what the next one sees.
    local frozen = setmetatable_({}, {__mode = "k"})
    rawset = function(t, k, v)
      if frozen[t] then error("rawset: the " .. frozen[t] .. " is read-only", 2) end
      return rawset_(t, k, v)
    end
    local function freeze(label, t)
      local proxy = setmetatable_({}, {
        __index = t,
        __newindex = function() error("the " .. label .. " is read-only", 2) end,
        __pairs = function() return next, t, nil end,
        __metatable = false,
      })
      frozen[proxy] = label
      return proxy
    end
    local string_metatable = getmetatable("")
    for _, name in ipairs{"string", "table", "math", "utf8", "coroutine", "os", "io"} do
      if _G[name] then _G[name] = freeze(name .. " library", _G[name]) end
    end
    string_metatable.__metatable = false

    -- A recipe's own globals (`RecipeEnvironment`): reads fall through to the session's; _G and
    -- the chunks it loads are its own too, or `_G.print = nil` and `load("print = nil")()` would
    -- reach the session's.
    local load_text = load
    local function new_environment()
      local env = setmetatable_({}, {__index = _G})
      env._G = env
      env.load = function(chunk, name, mode, e)
        if e == nil then e = env end
        return load_text(chunk, name, mode, e)
      end
      return env
    end

    return {find = string.find, freeze = freeze, new_environment = new_environment}
    """#
}
