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
    /// The input cannot be read (a folder, closed): why.
    case unreadable(String)
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

/// A pipe or a file: plain lines, no prompt. Read with read(2), so that standard input that is a
/// folder or closed is said (`readLine` ends quietly on a failed read, as if the input were empty).
struct PipedLines: LineSource {
    private var buffer: [UInt8] = []
    private var start = 0
    /// Bytes from `start` up to here hold no newline (a long line is not searched again per read).
    private var searched = 0
    private var ended = false
    /// Whether the start of the input was looked at for a byte order mark (Notepad writes one).
    private var begun = false
    private let file: Int32

    init(file: Int32 = STDIN_FILENO) { self.file = file }

    mutating func read(prompt: String) -> LineInput {
        while true {
            if !begun && (buffer.count >= 3 || ended || buffer.contains(0x0A)) {
                begun = true
                if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3; searched = 3 }
            }
            if let newline = buffer[max(start, searched)...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                defer { start = newline + 1; searched = start }
                return .line(String(decoding: buffer[start..<end], as: UTF8.self))
            }
            if ended {
                guard start < buffer.count else { return .endOfInput }
                defer { start = buffer.count }
                return .line(String(decoding: buffer[start...], as: UTF8.self))
            }
            buffer.removeFirst(start)
            start = 0
            searched = buffer.count
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = chunk.withUnsafeMutableBytes { Foundation.read(file, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let why = errno == EISDIR ? "it is a folder, not a file" : errno == EBADF ? "it is closed" : String(cString: strerror(errno))
                return .unreadable("parley: cannot read standard input: " + why)
            }
            if n == 0 { ended = true } else { buffer += chunk[0..<n] }
        }
    }
}
