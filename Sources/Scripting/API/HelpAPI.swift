import Corpus
import Dispatch
import LuaBinding

/// `help()`: explains any API function, name or value, from `APIReference`.
extension ScriptSession {
    func installHelp() throws(LuaError) {
        pushDocumentedFunction("help") { [unowned self] lua in
            write(helpText(lua))
            return 0
        }
        try lua.setGlobal("help")
        let start = DispatchTime.now().uptimeNanoseconds
        pushDocumentedFunction("elapsed") { lua in
            lua.push(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            return 1
        }
        try lua.setGlobal("elapsed")
        // print is the sandbox's own (Lua code, installed before this): named so that help(print) finds it.
        documentedFunctions.push(onto: lua)              // [docs]
        try lua.getGlobal("print")                       // [docs, print]
        lua.push("print")
        lua.rawSet(in: -3)
        lua.pop()
    }

    private func helpText(_ lua: Lua) -> String {
        if lua.isNoneOrNil(at: 1) { return APIReference.overview(width: outputWidth) }
        var name: String?
        switch lua.type(at: 1) {
        case .string: name = lua.string(at: 1)
        case .function:
            documentedFunctions.push(onto: lua)
            lua.pushValue(at: 1)
            lua.rawGetTop(in: -2)
            name = lua.string(at: -1)
            lua.pop(2)
        case .userdata:
            if lua.userdata(at: 1, named: Metatable.selection) != nil { return section("Collections") }
            if lua.userdata(at: 1, named: Metatable.counts) != nil { return section("Counts") }
            if lua.userdata(at: 1, named: Metatable.document) != nil { return section("Documents") }
        case .lightUserdata:
            if isStatement(at: 1) { return section("Statements") }
        default: break
        }
        if let name, case let found = APIReference.entries(named: name), !found.isEmpty {
            return found.map { APIReference.text(of: $0, width: outputWidth) }.joined(separator: "\n")
        }
        if let name, APIReference.sections.contains(where: { $0.lowercased() == name.lowercased() }) {
            return section(APIReference.sections.first { $0.lowercased() == name.lowercased() }!)
        }
        let what = name.map { "'\(shown: $0)'" } ?? "this \(lua.typeName(at: 1))"
        return "no help for \(what); help() lists everything"
    }

    private func section(_ name: String) -> String {
        ([name + ":"] + APIReference.entries.filter { $0.section == name }.map { APIReference.text(of: $0, width: outputWidth) }).joined(separator: "\n")
    }
}
