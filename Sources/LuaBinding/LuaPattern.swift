import LuaShims

/// A Lua pattern asked of many texts outside Lua: what `string.find(text, pattern)` answers in the
/// sandbox, on any thread (see `parley_pattern_find`). Immutable once made, so it is shared by
/// the threads that search.
public final class LuaPattern: @unchecked Sendable {
    private let prepared: OpaquePointer
    /// The state whose stop (Ctrl-C, the time limit) ends a search: read, never run, from the
    /// searching threads while its own thread waits.
    private let watch: OpaquePointer?

    /// `watching`: the state whose script a search is for, so that its stop ends the search. Nil
    /// when there is no memory for the prepared pattern.
    public init?(_ pattern: [UInt8], watching lua: Lua? = nil) {
        watch = lua?.L
        let made = pattern.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { parley_pattern_new($0.baseAddress, $0.count) }
        }
        guard let made else { return nil }
        prepared = made
    }

    deinit { parley_pattern_free(prepared) }

    /// Whether the pattern occurs in `text`; nil where the string library would raise an error
    /// instead (a malformed pattern, one too complex for the text, a capture left open), or when
    /// the watched script must stop (`Lua.mustStop` tells which).
    public func occurs(in text: UnsafeBufferPointer<UInt8>) -> Bool? {
        let found = text.withMemoryRebound(to: CChar.self) { parley_pattern_find(prepared, $0.baseAddress, $0.count, watch) }
        return found < 0 ? nil : found == 1
    }
}
