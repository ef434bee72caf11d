import Corpus
import Foundation

/// `parley recipes test`: runs every example of a recipe and compares its output with the file the
/// example names. This is how a shared recipe proves it still works on a new corpus or version.
public enum RecipeTesting {
    public struct Outcome: Sendable {
        public let recipe: String
        public let example: Int
        public let passed: Bool
        /// What went wrong: a diff, or the error.
        public let detail: String
    }

    /// Runs the examples of the recipe in `path`; `defaultCorpus` serves examples that name none.
    public static func run(path: String, defaultCorpus: String?, limits: ScriptSession.Limits) -> [Outcome] {
        let folder = (path as NSString).deletingLastPathComponent
        func resolve(_ relative: String) -> String { folder.isEmpty ? relative : folder + "/" + relative }
        let source: String
        do { source = try ScriptFile.read(path) } catch { return [Outcome(recipe: path, example: 0, passed: false, detail: error.description)] }
        let recipe: Recipe
        do {
            recipe = try ScriptSession(limits: limits).loadRecipe(path: path, source: source)
        } catch {
            return [Outcome(recipe: path, example: 0, passed: false, detail: "\(error)")]
        }
        return recipe.examples.enumerated().map { index, example in
            let number = index + 1
            func failed(_ detail: String) -> Outcome { Outcome(recipe: recipe.name, example: number, passed: false, detail: detail) }
            var output: [String] = []
            do {
                let session = try ScriptSession(limits: limits)
                session.write = { output.append($0) }
                if let corpusPath = example.corpus.map(resolve) ?? defaultCorpus {
                    try session.install(corpus: try CorpusLoader.load(path: corpusPath).corpus)
                }
                let loaded = try session.loadRecipe(path: path, source: source)
                var values = example.parameters
                for p in loaded.parameters where values[p.name] == nil {
                    if let value = p.defaultValue { values[p.name] = value } else if p.required {
                        return failed("the example does not set the required \(p.option)")
                    }
                }
                try session.runRecipe(loaded, parameters: values)
            } catch let error as CorpusLoadError {
                return failed(error.description)
            } catch {
                return failed("\(error)")
            }
            let actual = output.joined(separator: "\n") + (output.isEmpty ? "" : "\n")
            guard let expected = readExpected(resolve(example.expect)) else {
                return failed("the expected output \(resolve(example.expect)) cannot be read (it must be a file of at most 64 MiB); the output was:\n\(actual)")
            }
            if actual == expected { return Outcome(recipe: recipe.name, example: number, passed: true, detail: "") }
            return failed(diff(expected: expected, actual: actual, name: resolve(example.expect)))
        }
    }

    /// The text of an expected-output file: a regular file (through any link) of at most 64 MiB.
    static func readExpected(_ path: String) -> String? {
        guard let size = PathKind.regularFileSize(path), size <= 64 << 20,
              let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// A short unified-style diff: the lines around the first difference.
    static func diff(expected: String, actual: String, name: String) -> String {
        let a = expected.components(separatedBy: "\n"), b = actual.components(separatedBy: "\n")
        var first = 0
        while first < a.count && first < b.count && a[first] == b[first] { first += 1 }
        var lastA = a.count - 1, lastB = b.count - 1
        while lastA >= first && lastB >= first && a[lastA] == b[lastB] { lastA -= 1; lastB -= 1 }
        var lines = ["--- \(name) (expected)", "+++ output", "@@ line \(first + 1) @@"]
        for line in a[max(0, first - 2)..<first] { lines.append("  " + line) }
        if lastA >= first { for line in a[first...lastA].prefix(20) { lines.append("- " + line) } }
        if lastB >= first { for line in b[first...lastB].prefix(20) { lines.append("+ " + line) } }
        return lines.joined(separator: "\n")
    }
}
