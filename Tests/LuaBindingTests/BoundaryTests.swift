import CLua
import LuaBinding
import Testing

/// Errors, strings, ownership and memory across the Swift ↔ Lua boundary.
@Suite struct BoundaryTests {
    @Test func aSwiftErrorBecomesALuaErrorWithThePosition() throws {
        let state = try LuaState()
        state.lua.pushFunction(named: "check") { _ in throw LuaFunctionError("the value is wrong") }
        try state.lua.setGlobal("check")
        let error = #expect(throws: LuaError.self) { try state.run("\ncheck()", chunkName: "@script.lua") }
        #expect(error?.message.hasPrefix("script.lua:2: check: the value is wrong") == true)
        #expect(error?.message.contains("stack traceback") == true)
    }

    @Test func argumentErrorsReadAsLuaDoes() throws {
        let state = try LuaState()
        state.lua.pushFunction(named: "need") { _ in throw LuaArgumentError(2, "number expected, got nil") }
        try state.lua.setGlobal("need")
        let error = #expect(throws: LuaError.self) { try state.run("need()", chunkName: "=t") }
        #expect(error?.message.hasPrefix("t:1: bad argument #2 to 'need' (number expected, got nil)") == true)
    }

    @Test func aLuaErrorInsideACallbackReachesTheOuterCallerUnchanged() throws {
        let state = try LuaState()
        try state.lua.openStandardLibraries()
        state.lua.pushFunction(named: "call") { lua in
            lua.pushValue(at: 1)
            try lua.callFromHost(arguments: 0, results: 0)
            return 0
        }
        try state.lua.setGlobal("call")
        try state.run("""
            local ok, err = pcall(call, function() error({code = 7}) end)
            assert(not ok and type(err) == "table" and err.code == 7, "the error object must come back as it was")
            local ok2, msg = pcall(call, function() error("inner") end)
            assert(not ok2 and msg:find("inner"), msg)
            """, chunkName: "=t")
    }

    @Test func yieldingAcrossASwiftFunctionIsAnError() throws {
        let state = try LuaState()
        try state.lua.openStandardLibraries()
        state.lua.pushFunction(named: "call") { lua in
            lua.pushValue(at: 1)
            try lua.callFromHost(arguments: 0, results: 0)
            return 0
        }
        try state.lua.setGlobal("call")
        try state.run("""
            local co = coroutine.create(function() call(function() coroutine.yield(1) end) end)
            local ok, err = coroutine.resume(co)
            assert(not ok and err:find("yield across"), tostring(err))
            """, chunkName: "=t")
    }

    @Test func stringsKeepNULBytesAndInvalidUTF8() throws {
        let state = try LuaState()
        let lua = state.lua
        lua.push("a\u{0}b")
        #expect(lua.rawLength(at: -1) == 3)
        #expect(lua.string(at: -1) == "a\u{0}b")
        try state.run("return 'x\\255y'", chunkName: "=t", results: 1)
        #expect(lua.bytes(at: -1) == [0x78, 0xFF, 0x79])
        #expect(lua.string(at: -1) == nil, "invalid UTF-8 is reported, not repaired")
        lua.push(10)
        #expect(lua.bytes(at: -1) == nil, "numbers are not converted in place")
        #expect(lua.type(at: -1) == .number)
    }

    @Test func collectingABoxReleasesTheSwiftObject() throws {
        final class Tracked {
            let onDeinit: () -> Void
            init(_ onDeinit: @escaping () -> Void) { self.onDeinit = onDeinit }
            deinit { onDeinit() }
        }
        var released = 0
        let state = try LuaState()
        try state.lua.openStandardLibraries()
        state.lua.registerMetatable("test.Tracked", ownsObjects: true)
        state.lua.pushBox(Tracked { released += 1 }, metatable: "test.Tracked")
        try state.lua.setGlobal("tracked")
        try state.run("collectgarbage()", chunkName: "=t")
        #expect(released == 0, "still referenced")
        try state.run("tracked = nil; collectgarbage(); collectgarbage()", chunkName: "=t")
        #expect(released == 1, "released exactly once")
    }

    /// What a box's object holds counts as memory used until the box is collected; boxes made in a
    /// loop, each holding more than Lua's own memory, are collected as they go (Lua's collector
    /// alone would not run: it sees boxes of a few bytes); past the cap, the host function's caller
    /// gets the memory error, and the memory comes back.
    @Test func whatABoxHoldsCountsTowardTheCap() throws {
        final class Held { let bytes: [UInt8]; init(_ n: Int) { bytes = [UInt8](repeating: 1, count: n) } }
        let state = try LuaState(memoryLimit: 256 << 20)
        try state.lua.openStandardLibraries()
        state.lua.registerMetatable("test.Held", ownsObjects: true)
        let base = state.lua.memoryUsed
        state.lua.pushFunction(named: "hold") { lua in
            let n = Int(lua.integer(at: 1) ?? 0)
            lua.pushBox(Held(n), metatable: "test.Held", holding: n)
            return 1
        }
        try state.lua.setGlobal("hold")
        try state.run("kept = hold(100 * 1024 * 1024)", chunkName: "=t")
        #expect(state.lua.memoryUsed >= base + (100 << 20))
        // Forty garbage boxes of 32 MiB each: 1.25 GiB if none were collected before the cap.
        var peak = 0
        state.lua.pushFunction(named: "peak") { lua in peak = max(peak, lua.memoryUsed); return 0 }
        try state.lua.setGlobal("peak")
        try state.run("for i = 1, 40 do local x = hold(32 * 1024 * 1024) peak() end", chunkName: "=t")
        #expect(peak < 256 << 20, "\(peak >> 20) MiB")
        let error = #expect(throws: LuaError.self) { try state.run("local a, b = hold(100 * 1024 * 1024), hold(100 * 1024 * 1024)", chunkName: "=t") }
        #expect(error?.message.contains("memory limit") == true, "\(error?.message ?? "")")
        try state.run("kept = nil collectgarbage() collectgarbage()", chunkName: "=t")
        #expect(state.lua.memoryUsed < base + (1 << 20), "\(state.lua.memoryUsed - base) bytes still counted")
    }

    @Test func closingTheStateReleasesSwiftFunctions() throws {
        final class Token {}
        weak var weakToken: Token?
        do {
            let state = try LuaState()
            let token = Token()
            weakToken = token
            state.lua.pushFunction(named: "f") { _ in _ = token; return 0 }
            try state.lua.setGlobal("f")
        }
        #expect(weakToken == nil)
    }

    @Test func memoryPastTheCapWhileSwiftRunsIsRaisedAfterItReturns() throws {
        let state = try LuaState(memoryLimit: 8 << 20)
        try state.lua.openStandardLibraries()
        state.lua.pushFunction(named: "grow") { lua in
            // 16 MiB of strings while Swift is on the stack: the allocator must not fail here.
            lua.newTable()
            for i in 1...16 {
                lua.push(String(repeating: Character(UnicodeScalar(64 + i)!), count: 1 << 20))
                lua.rawSetIndex(i, in: -2)
            }
            return 1
        }
        try state.lua.setGlobal("grow")
        let error = #expect(throws: LuaError.self) { try state.run("local t = grow()", chunkName: "=t") }
        #expect(error?.message.contains("memory limit") == true)
        try state.run("collectgarbage()", chunkName: "=t")
        #expect(state.lua.memoryUsed < 8 << 20)
        try state.run("local x = {} for i = 1, 100 do x[i] = i end", chunkName: "=t")   // still usable
    }

    @Test func plainLuaPastTheCapGetsAMemoryError() throws {
        let state = try LuaState(memoryLimit: 4 << 20)
        try state.lua.openStandardLibraries()
        let error = #expect(throws: LuaError.self) {
            try state.run("local t = {} for i = 1, 1e8 do t[i] = ('x'):rep(100) .. i end", chunkName: "=t")
        }
        #expect(error?.kind == .memory)
        try state.run("collectgarbage(); local ok = 1 + 1", chunkName: "=t")
    }

    @Test func syntaxErrorsAreReportedAsSuch() throws {
        let state = try LuaState()
        let error = #expect(throws: LuaError.self) { try state.run("for i = 1 do", chunkName: "@s.lua") }
        #expect(error?.kind == .syntax)
        #expect(error?.message.hasPrefix("s.lua:1:") == true)
    }

    @Test func anInterruptStopsRunningCode() throws {
        let state = try LuaState()
        state.lua.interrupt()
        let error = #expect(throws: LuaError.self) { try state.run("while true do end", chunkName: "=t") }
        #expect(error?.message.contains("interrupted") == true)
        state.lua.clearStop()
        try state.run("local a = 1", chunkName: "=t")   // runs again once the stop is cleared
    }

    @Test func binaryChunksAreRefused() throws {
        let state = try LuaState()
        #expect(throws: LuaError.self) { try state.lua.load("\u{1B}Lua", chunkName: "=t") }
    }
}
