import Foundation
import LineEditing

/// Where the REPL's lines come from: a terminal with line editing, or a pipe.
protocol LineSource {
    mutating func read(prompt: String) -> LineInput
}

enum LineInput: Equatable {
    case line(String)
    case endOfInput
    /// Ctrl-C at the prompt: the line is abandoned.
    case interrupted
}

/// A terminal: libedit with history and completion.
struct EditedLines: LineSource {
    mutating func read(prompt: String) -> LineInput {
        var pointer: UnsafeMutablePointer<CChar>?
        switch parley_edit_read(prompt, &pointer) {
        case Int32(PARLEY_LINE):
            guard let pointer else { return .endOfInput }
            defer { free(pointer) }
            return .line(String(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self))
        case Int32(PARLEY_INTERRUPTED): return .interrupted
        default: return .endOfInput
        }
    }
}

/// A pipe or a file: plain lines, no prompt.
struct PipedLines: LineSource {
    mutating func read(prompt: String) -> LineInput {
        guard let line = readLine(strippingNewline: true) else { return .endOfInput }
        return .line(line)
    }
}
