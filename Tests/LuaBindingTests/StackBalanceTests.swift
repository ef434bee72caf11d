import CLua
import LuaBinding
import Testing

/// Every wrapper's stack effect is the one its documentation states.
@Suite struct StackBalanceTests {
    let state: LuaState = {
        let state = try! LuaState()
        try! state.lua.openStandardLibraries()
        return state
    }()
    var lua: Lua { state.lua }

    /// Runs `body` and returns how much the stack grew.
    func growth(_ body: () throws -> Void) rethrows -> Int32 {
        let before = lua.top
        try body()
        return lua.top - before
    }

    @Test func pushesAddOneValue() throws {
        #expect(growth { lua.pushNil() } == 1)
        #expect(growth { lua.push(true) } == 1)
        #expect(growth { lua.push(42) } == 1)
        #expect(growth { lua.push(4.5) } == 1)
        #expect(growth { lua.push("text") } == 1)
        #expect(growth { lua.push(strings: ["a", "b"]) } == 1)
        #expect(growth { lua.newTable() } == 1)
        #expect(growth { lua.pushFunction(named: "f") { _ in 0 } } == 1)
        #expect(growth { lua.pushValue(at: -1) } == 1)
    }

    @Test func rawAccessorsKeepTheBalance() throws {
        lua.newTable()
        #expect(growth { lua.push(1); lua.rawSetField("a", in: -2) } == 0)
        #expect(growth { lua.push(2); lua.rawSetIndex(1, in: -2) } == 0)
        #expect(growth { lua.rawGetField("a", in: -1) } == 1)
        #expect(lua.integer(at: -1) == 1)
        lua.pop()
        #expect(growth { lua.rawGetIndex(1, in: -1) } == 1)
        #expect(lua.integer(at: -1) == 2)
        lua.pop()
        var pairs = 0
        #expect(growth { lua.forEachPair(in: -1) { pairs += 1 } } == 0)
        #expect(pairs == 2)
    }

    @Test func readersDoNotTouchTheStack() throws {
        lua.push("x")
        #expect(growth {
            _ = lua.bytes(at: -1); _ = lua.string(at: -1); _ = lua.integer(at: -1); _ = lua.number(at: -1)
            _ = lua.boolean(at: -1); _ = lua.type(at: -1); _ = lua.describe(at: -1); _ = lua.errorMessage(at: -1)
        } == 0)
    }

    @Test func protectedCallsBalanceOnSuccessAndFailure() throws {
        #expect(try growth { try lua.load("return 1, 2", chunkName: "=t") } == 1)
        #expect(try growth { try lua.pcall(arguments: 0, results: 2) } == 1)   // function replaced by 2 results
        lua.top = 0
        #expect(growth { #expect(throws: LuaError.self) { try state.run("error('x')", chunkName: "=t") } } == 0)
        #expect(growth { #expect(throws: LuaError.self) { try lua.load("if", chunkName: "=t") } } == 0)
        #expect(try growth { try lua.getGlobal("print") } == 1)
        #expect(try growth { lua.push(1); try lua.setGlobal("g") } == 0)
    }

    @Test func swiftFunctionsLeaveTheCallerBalanced() throws {
        lua.pushFunction(named: "two") { lua in lua.push(1); lua.push(2); return 2 }
        try lua.setGlobal("two")
        lua.pushFunction(named: "fails") { _ in throw LuaFunctionError("no") }
        try lua.setGlobal("fails")
        #expect(try growth { try state.run("local a, b = two(); assert(a + b == 3); assert(not pcall(fails))", chunkName: "=t") } == 0)
    }

    @Test func userdataWrappersBalance() throws {
        lua.registerMetatable("test.Box", ownsObjects: true)
        lua.registerMetatable("test.Handle")
        final class Thing {}
        #expect(growth { lua.pushBox(Thing(), metatable: "test.Box") } == 1)
        #expect(growth { _ = lua.box(at: -1, metatable: "test.Box", as: Thing.self) } == 0)
        #expect(growth { lua.pushHandle(Int64(7), metatable: "test.Handle") } == 1)
        #expect(growth { _ = lua.handle(at: -1, metatable: "test.Handle", as: Int64.self) } == 0)
        #expect(growth { lua.pushMetatable(named: "test.Box") } == 1)
        #expect(growth { _ = lua.registerMetatable("test.Box") } == 0)
    }
}
