/// A parsed JSON value that remembers where it stood in its file, so that every problem found later
/// can be reported with a line and column.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number written without fraction or exponent that fits in 64 bits.
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])

    /// The name used in messages: "a string", "a list", …
    public var typeDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var doubleValue: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .number(let d): d
        default: nil
        }
    }
}

/// A value and the byte offset where it starts. Two nodes are equal when their values are: the
/// offsets only serve messages.
public struct JSONNode: Sendable, Equatable {
    public static func == (a: JSONNode, b: JSONNode) -> Bool { a.value == b.value }

    public var value: JSONValue
    public var offset: Int
    public init(_ value: JSONValue, offset: Int) {
        self.value = value
        self.offset = offset
    }
}

/// One `"key": value` pair of an object, with the key's offset (not part of equality).
public struct JSONMember: Sendable, Equatable {
    public static func == (a: JSONMember, b: JSONMember) -> Bool { a.key == b.key && a.value == b.value }

    public var key: String
    public var keyOffset: Int
    public var value: JSONNode
}
