import CLua
import LuaShims

/// How a row view reads one field (see `parley_view_column` in LuaShims.h).
public enum RowViewColumn {
    /// Read by the host's own `__index`.
    case host
    /// An interned string: `codes[row]` (-1 for none), whose Lua string the host caches in the
    /// cache table at `caches[cache]`.
    case codes(UnsafePointer<Int32>, cache: Int)
    /// A handle (`parley_row_handle` of the view's generation) to row `rows[row]` (-1 for none) of
    /// another table, whose metatable the host keeps at `caches[metatable]`.
    case handle(rows: UnsafePointer<Int32>, metatable: Int)
    /// A list of interned strings: row `r` has the codes `items[starts[r]..<starts[r + 1]]`, whose
    /// Lua strings the host caches in the cache table at `caches[cache]` (as for `codes`).
    case list(items: UnsafePointer<Int32>, starts: UnsafePointer<Int32>, cache: Int)
    /// A list the host makes, except an empty one (`starts[r] == starts[r + 1]`), made in C.
    case emptyList(starts: UnsafePointer<Int32>)
    /// Text: row `r` is `bytes[starts[r]..<starts[r + 1]]`.
    case text(bytes: UnsafePointer<UInt8>, starts: UnsafePointer<Int>)
    /// An interned string as for `codes`, followed, where `suffixes[row]` is not negative, by what
    /// `format` writes for it (at most `PARLEY_VIEW_SUFFIX_CAPACITY` bytes; returns how many).
    case codesWithSuffix(UnsafePointer<Int32>, suffixes: UnsafePointer<Int64>,
                         format: @convention(c) (Int64, UnsafeMutablePointer<UInt8>?) -> Int, cache: Int)
}

extension Lua {
    /// [-0, +0, m] Sets the `__index` of the metatable registered as `metatable` to a C function that
    /// reads row handles' fields straight from `columns` (indexed by the numbers `fieldNumbers` gives
    /// names) and calls the function at the metatable's `hostIndexField` for everything else.
    /// `owner` is kept alive while the view is: it must keep the columns' memory unchanged.
    public func installRowView(
        metatable: String, hostIndexField: String, generation: UInt32, rows: Int, columns: [RowViewColumn],
        fieldNumbers: LuaReference, caches: LuaReference, owner: AnyObject
    ) {
        _ = ensureStack(6)
        pushMetatable(named: metatable)                                            // [mt]
        let retained = Unmanaged.passRetained(owner).toOpaque()
        let slots = parley_pushrowview(L, generation, Int64(rows), Int32(columns.count), retained, releaseRetained)!   // [mt, view]
        for (i, column) in columns.enumerated() {
            switch column {
            case .host: break
            case .codes(let codes, let cache):
                slots[i] = Self.viewColumn(PARLEY_VIEW_CODES, cache: cache, codes: codes)
            case .codesWithSuffix(let codes, let suffixes, let format, let cache):
                slots[i] = Self.viewColumn(PARLEY_VIEW_CODES_SUFFIXED, cache: cache, codes: codes, suffixes: suffixes, format: format)
            case .handle(let rows, let metatable):
                slots[i] = Self.viewColumn(PARLEY_VIEW_HANDLE, cache: metatable, codes: rows)
            case .list(let items, let starts, let cache):
                slots[i] = Self.viewColumn(PARLEY_VIEW_LIST, cache: cache, codes: items, listStarts: starts)
            case .emptyList(let starts):
                slots[i] = Self.viewColumn(PARLEY_VIEW_EMPTY_LIST, listStarts: starts)
            case .text(let bytes, let starts):
                slots[i] = Self.viewColumn(PARLEY_VIEW_TEXT, bytes: bytes, starts: UnsafeRawPointer(starts).assumingMemoryBound(to: Int64.self))
            }
        }
        fieldNumbers.push(onto: self)                                              // [mt, view, fields]
        caches.push(onto: self)                                                    // [mt, view, fields, caches]
        _ = rawGetField(hostIndexField, in: -4)                                    // [mt, view, fields, caches, host]
        pushValue(at: -5)                                                          // [..., host, mt]
        parley_pushrowindex(L)                                                     // [mt, index]
        rawSetField("__index", in: -2)                                             // [mt]
        pop()
    }
}

extension Lua {
    /// [-0, +1, m] Pushes a box (as `pushBox`) for a list of rows: `rows[0..<count]`, or `0..<count`
    /// when `rows` is nil. The rows' memory must stay unchanged while `object` lives.
    public func pushListBox(_ object: AnyObject, metatable: String, rows: UnsafePointer<Int32>?, count: Int, generation: UInt32,
                            holding bytes: Int = 0) {
        let pointer = Unmanaged.passRetained(object).toOpaque()
        parley_pushlistbox(L, pointer, releaseRetained, metatable, rows, Int64(count), generation, max(bytes, 0))
    }

    /// [-0, +0, m] Sets the `__index` of the list metatable `metatable` to a C function that makes
    /// light handles (see `pushLightHandle`) for integer keys, and calls the function at the
    /// metatable's `hostIndexField` for everything else, and for lists of another generation.
    public func installListIndex(metatable: String, hostIndexField: String, generation: UInt32) {
        _ = ensureStack(5)
        pushMetatable(named: metatable)                    // [mt]
        _ = rawGetField(hostIndexField, in: -1)            // [mt, host]
        pushValue(at: -2)                                  // [mt, host, mt]
        push(Int(generation))                              // [mt, host, mt, generation]
        parley_pushlistindex(L)                            // [mt, index]
        rawSetField("__index", in: -2)                     // [mt]
        pop()
    }
}

extension Lua {
    /// [-0, +1, m] Pushes an `ipairs` for scripts: Lua's own, except that a list of the metatable
    /// `metatable` (of the generation its `installListIndex` set) is iterated without an `__index`
    /// call per step, since each step's handle is made in C.
    public func pushListIpairs(metatable: String) {
        _ = ensureStack(4)
        pushMetatable(named: metatable)                    // [mt]
        parley_pushipairs(L, -1)                           // [mt, ipairs]
        lua_rotate(L, -2, 1)
        pop()                                              // [ipairs]
    }
}

extension Lua {
    /// Calls the function at `predicate` with a light handle (`parley_pushlighthandle`) to each row
    /// of `rows[0..<count]` (`0..<count` when nil), and returns the rows for which it returned true.
    /// The loop runs in C under one protected call (`parley_filter_rows`); a Lua error in the
    /// predicate is rethrown as `callFromHost` does.
    public func filterRows(predicate: Int32, rows: UnsafePointer<Int32>?, count: Int, generation: UInt32) throws -> [Int32] {
        let predicate = lua_absindex(L, predicate)
        var filter = parley_filter(rows: rows, count: Int64(count), generation: generation, kept: nil, kept_count: 0)
        return try [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
            filter.kept = buffer.baseAddress
            defer { initialized = Int(filter.kept_count) }
            try runRowLoop { parley_filter_rows(L, predicate, &filter) }
        }
    }

    /// [-0, +1, -] Calls the function at `function` with a light handle to each row of `rows[0..<count]`
    /// (`0..<count` when nil), as `filterRows` does, and counts what it returns in a table left on
    /// top of the stack (value → count; nil is not counted). Returns how many values were NaN
    /// (which cannot be table keys) and the type name of the first value that was not a string,
    /// number, boolean or nil (the loop stopped there). A Lua error is rethrown as `callFromHost`
    /// does, with nothing left on the stack.
    public func tallyRows(function: Int32, rows: UnsafePointer<Int32>?, count: Int, generation: UInt32) throws -> (nanCount: Int, badType: String?) {
        let function = lua_absindex(L, function)
        var tally = parley_tally(rows: rows, count: Int64(count), generation: generation, nan_count: 0, bad_type: LUA_TNONE)
        try runRowLoop { parley_tally_rows(L, function, &tally) }
        let badType = tally.bad_type == LUA_TNONE ? nil : String(cString: lua_typename(L, tally.bad_type))
        return (Int(tally.nan_count), badType)
    }

    /// Runs one of the C loops over rows, which returns the loop's status. What the loop left on
    /// the stack stays; its error value is rethrown as `callFromHost` does.
    private func runRowLoop(_ loop: () -> Int32) throws {
        let status = loop()
        if status == PARLEY_NO_STACK { throw LuaFunctionError("stack overflow") }   // nothing was pushed
        if status != LUA_OK { throw LuaRethrow(reference: luaL_ref(L, CLUA_REGISTRYINDEX)) }
    }

    /// A view column of `kind`, its unused fields left empty.
    private static func viewColumn(
        _ kind: Int, cache: Int = 0, codes: UnsafePointer<Int32>? = nil, bytes: UnsafePointer<UInt8>? = nil,
        starts: UnsafePointer<Int64>? = nil, listStarts: UnsafePointer<Int32>? = nil, suffixes: UnsafePointer<Int64>? = nil,
        format: (@convention(c) (Int64, UnsafeMutablePointer<UInt8>?) -> Int)? = nil
    ) -> parley_view_column {
        parley_view_column(kind: Int32(kind), cache: Int32(cache), codes: codes, bytes: bytes, starts: starts, list_starts: listStarts,
                           suffixes: suffixes, format_suffix: format)
    }
}
