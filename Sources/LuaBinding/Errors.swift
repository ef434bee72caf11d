/// A Lua error as the host sees it: the message (with traceback when one was asked for) and the
/// kind of failure (`lua_pcall`'s status).
public struct LuaError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable { case syntax, runtime, memory, handler, other }
    public let kind: Kind
    public let message: String
    public var description: String { message }

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }
}

/// Thrown by a Swift function to report a bad argument: rendered as Lua does,
/// "bad argument #N to 'name' (message)".
public struct LuaArgumentError: Error, Sendable {
    public let position: Int
    public let message: String
    public init(_ position: Int, _ message: String) {
        self.position = position
        self.message = message
    }
}

/// Thrown by a Swift function with a message in the user's terms; rendered as "name: message".
public struct LuaFunctionError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Thrown by a Swift function that found, during long work of its own, that the script must stop
/// (Ctrl-C, the time limit): raised with the stop's own message, as the watch hook raises it.
public struct LuaStop: Error, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// Thrown when Lua code called from a Swift function failed: the original error value is kept in
/// the registry and raised again, unchanged, once the Swift frame has returned.
public struct LuaRethrow: Error, @unchecked Sendable {
    let reference: Int32
}
