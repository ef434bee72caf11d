import Corpus
import LuaBinding

/// Converting corpus values to Lua values and back.
extension Lua {
    /// [-0, +1, m] A JSON value as the Lua value a script expects (objects become tables).
    func push(json: JSONValue, depth: Int = 0) {
        ensureStack(3)
        switch json {
        case .null: pushNil()
        case .bool(let b): push(b)
        case .integer(let i): push(Int(i))
        case .number(let d): push(d)
        case .string(let s): push(s)
        case .array(let items):
            newTable(array: items.count)
            for (i, item) in items.enumerated() {
                push(json: item.value, depth: depth + 1)
                rawSetIndex(i + 1, in: -2)
            }
        case .object(let members):
            newTable(record: members.count)
            for member in members {
                push(json: member.value.value, depth: depth + 1)
                rawSetField(member.key, in: -2)
            }
        }
    }

    /// [-0, +1, m]
    func push(fieldValue: FieldValue) {
        switch fieldValue {
        case .string(let s): push(s)
        case .number(let n): if n == n.rounded(), abs(n) < 9e15 { push(Int(n)) } else { push(n) }
        case .bool(let b): push(b)
        }
    }

    /// [-0, +1, m] Nil when absent.
    func push(optional value: String?) {
        if let value { push(value) } else { pushNil() }
    }

    /// The value at `index` as a field value (strings, numbers, booleans); nil for other types.
    func fieldValue(at index: Int32) -> FieldValue? {
        switch type(at: index) {
        case .string: string(at: index).map { .string($0) }
        case .number: number(at: index).map { .number($0) }
        case .boolean: .bool(boolean(at: index))
        default: nil
        }
    }
}
