import Foundation

/// `parley script.lua …` as `parley run script.lua …` (and `parley RECIPE …` as `parley run RECIPE …`):
/// lua and python take a script as their first plain argument, and an analyst used to them types it
/// that way.
enum ScriptShorthand {
    /// The root options that take a value (the word after them is not a script).
    static let optionsWithValues: Set<String> = ["-e", "--corpus", "--memory", "--timeout", "--max-output", "--out"]
    /// The commands, as the argument parser knows them (a word added there is a command here too).
    static let commandNames = Parley.configuration.subcommands.map { $0._commandName }
    static let subcommands = Set(commandNames + ["help"])

    /// `words` with `run` put before the first plain word when that word names a Lua script (a
    /// `.lua` name, a file that exists, or `-` for standard input) or a recipe (`isRecipe`) rather than a subcommand.
    /// Unchanged with `-e`, which runs code of its own.
    static func expand(_ words: [String], isRecipe: (String) -> Bool) -> [String] {
        guard let i = firstPlainWord(words), !subcommands.contains(words[i]), isScript(words[i]) || isRecipe(words[i]) else { return words }
        return Array(words[..<i]) + ["run"] + words[i...]
    }

    /// What to say of a first plain word that is neither a subcommand, a script nor a recipe (the
    /// argument parser's "Unexpected argument" does not say what was expected).
    static func complaint(_ words: [String]) -> String? {
        guard let i = firstPlainWord(words), !subcommands.contains(words[i]) else { return nil }
        return "parley: '\(words[i])' is not a command, a script or a recipe: the commands are \(subcommandList); scripts are "
            + "files (name.lua); `parley recipes` lists the recipes"
    }

    private static let subcommandList = commandNames.joined(separator: ", ")

    /// The index of the first word that is neither an option nor an option's value; nil after `--`
    /// or `-e` (whose code is what runs).
    private static func firstPlainWord(_ words: [String]) -> Int? {
        var i = 0
        while i < words.count {
            let word = words[i]
            if word == "--" || word == "-e" { return nil }
            if optionsWithValues.contains(word) {
                i += 2
                continue
            }
            if word.hasPrefix("-") && word != "-" {     // `-` alone is the script on standard input, as for lua
                i += 1
                continue
            }
            return i
        }
        return nil
    }

    private static func isScript(_ word: String) -> Bool {
        if word == "-" || word.hasSuffix(".lua") { return true }
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: word, isDirectory: &isFolder) && !isFolder.boolValue
    }
}
