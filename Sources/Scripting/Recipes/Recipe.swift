import Corpus

/// A recipe: a Lua file that returns a table saying what it does, what it takes and how to prove it
/// still works (sysdig chisels' description and args, Nmap NSE's structured metadata).
public struct Recipe: Sendable {
    public let name: String
    public let description: String
    public let parameters: [Parameter]
    public let examples: [Example]
    /// Libraries the recipe needs beyond the sandbox ("io", "os"): it runs only with --trust.
    public let needs: [String]
    /// The file it was read from.
    public let path: String

    public struct Parameter: Sendable, Equatable {
        public enum Kind: String, Sendable, CaseIterable {
            case string, integer, number, boolean, date, list, choice
        }
        public let name: String
        public let kind: Kind
        public let help: String
        public let optional: Bool
        public let defaultValue: Value?
        public let choices: [String]

        /// The option that sets it: `min_sources` → `--min-sources`.
        public var option: String { "--" + name.replacingOccurrences(of: "_", with: "-") }

        /// The options `parley run` takes for itself (`parley run --help`), before a recipe sees
        /// its arguments: a parameter named as one could never be given.
        public static let reservedOptions: Set<String> = ["--corpus", "--skip-bad", "--snapshot", "--timer", "--memory", "--timeout",
                                                          "--max-output", "--trust", "--out", "--no-history", "--version", "--help"]
        public var required: Bool { !optional && defaultValue == nil }
    }

    /// A parameter's value as the recipe receives it.
    public enum Value: Sendable, Equatable, CustomStringConvertible {
        case string(String)
        case integer(Int)
        case number(Double)
        case boolean(Bool)
        case list([String])

        public var description: String {
            switch self {
            case .string(let s): s
            case .integer(let i): String(i)
            case .number(let d): String(d)
            case .boolean(let b): String(b)
            case .list(let l): l.joined(separator: ",")
            }
        }
    }

    /// One example run: parameters, the corpus (default: the bundled example corpus) and the file
    /// holding the output it must give (paths relative to the recipe).
    public struct Example: Sendable {
        public let parameters: [String: Value]
        public let corpus: String?
        public let expect: String
    }
}

/// A recipe that cannot be used, said with the recipe's name and what to fix.
public struct RecipeError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
