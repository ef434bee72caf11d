import LuaBinding

/// Parley's sandbox: only base, string, table, math, utf8, coroutine and a few of os's functions;
/// read-only library tables; text-only `load`; no finalisers; bounded patterns; capped output.
/// `--trust` adds io and the rest of os.
extension ScriptSession {
    func installSandbox() throws(LuaError) {
        try lua.load(SandboxPrelude.source, chunkName: SandboxPrelude.chunkName)
        state.hideChunk(named: SandboxPrelude.chunkName)
        lua.push(limits.trusted)
        lua.push(limits.memory)
        lua.push(limits.output)
        lua.pushFunction(named: "must_stop") { lua in
            lua.push(lua.mustStop)
            return 1
        }
        lua.pushFunction(named: "print") { [unowned self] lua in
            // The line's bytes as they are (a script may print any bytes).
            if let bytes = lua.bytes(at: 1) { writeBytes(bytes) }
            return 0
        }
        lua.pushFunction(named: "show") { [unowned self] lua in
            if let shown = shownInPrint(at: 1) { lua.push(shown) } else { lua.pushNil() }
            return 1
        }
        lua.pushPatternGuard()
        lua.pushASCIICase()
        pushTextWidthFunctions()
        try lua.pcall(arguments: 9, results: 1)          // [internals]
        lua.rawGetField("find", in: -1)                  // [internals, find]
        stringFind = LuaReference(popping: state)
        lua.rawGetField("freeze", in: -1)                // [internals, freeze]
        freeze = LuaReference(popping: state)
        lua.rawGetField("new_environment", in: -1)       // [internals, new_environment]
        newEnvironment = LuaReference(popping: state)
        lua.pop()
    }

    /// Makes the global table `name` read-only as the libraries are (Parley's own: `report`,
    /// `recipes`), so that one line cannot take a function away from the next.
    func freezeGlobal(_ name: String) throws(LuaError) {
        freeze.push(onto: lua)                           // [freeze]
        lua.push(name + " table")
        try lua.getGlobal(name)                          // [freeze, name, table]
        try lua.pcall(arguments: 2, results: 1)          // [proxy]
        try lua.setGlobal(name)
    }
}
