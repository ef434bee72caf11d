import LuaBinding

/// `string.width`, `string.ljust` and `string.rjust`: text measured and padded in terminal columns.
/// Lua's `("%-24s"):format(name)` pads by bytes, so "Erdoğan" or "王毅" came out short and the next
/// column out of line. The names are Python's (`str.ljust`) and Penlight's; the width is wcwidth's.
extension ScriptSession {
    /// Pushes a table {width, ljust, rjust} for the sandbox to put into `string`.
    func pushTextWidthFunctions() {
        lua.newTable(record: 3)
        pushDocumentedFunction("string.width") { lua in
            lua.push(try Self.text(lua).width)
            return 1
        }
        lua.rawSetField("width", in: -2)
        for (name, right) in [("ljust", false), ("rjust", true)] {
            pushDocumentedFunction("string." + name) { lua in
                let text = try Self.text(lua)
                guard let width = lua.integer(at: 2), width >= 0 else {
                    throw LuaFunctionError("a width in columns (a whole number, 0 or more) expected, got \(shown: lua.describe(at: 2) ?? lua.typeName(at: 2))")
                }
                guard width <= 1 << 20 else { throw LuaFunctionError("a width of \(width) columns is more than any line needs") }
                // The text's own bytes (a string that is not UTF-8 stays as it was), and the spaces.
                let pad = [UInt8](repeating: 0x20, count: max(0, width - text.width))
                let padded = right ? pad + text.bytes : text.bytes + pad
                padded.withUnsafeBufferPointer { lua.push(bytes: $0) }
                return 1
            }
            lua.rawSetField(name, in: -2)
        }
    }

    /// The text to measure, its bytes and columns: a string (a byte that is not UTF-8 counts as one
    /// column, as the replacement character it shows as) or a number, as Lua's string functions take one.
    private static func text(_ lua: Lua) throws -> (bytes: [UInt8], width: Int) {
        guard lua.type(at: 1) == .string || lua.type(at: 1) == .number, let bytes = lua.type(at: 1) == .string
                ? lua.bytes(at: 1) : lua.describe(at: 1).map({ Array($0.utf8) }) else {
            throw LuaFunctionError("a string expected, got \(lua.typeName(at: 1))")
        }
        return (bytes, String(decoding: bytes, as: UTF8.self).terminalWidth)
    }
}
