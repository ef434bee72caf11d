import Corpus
import Foundation

/// Where recipes are found: ./recipes, the bundled Examples/recipes, the folders in
/// $PARLEY_RECIPES (separated by ':'), and the user's data folder (XDG).
public struct RecipeCatalog {
    public let folders: [String]

    public init(bundled: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        var folders = ["recipes"]
        if let bundled { folders.append(bundled) }
        if let extra = environment["PARLEY_RECIPES"] { folders += extra.split(separator: ":").map(String.init) }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            folders.append(data + "/parley/recipes")
        } else if let home = environment["HOME"] {
            folders.append(home + "/.local/share/parley/recipes")
        }
        var seen = Set<String>()
        self.folders = folders.filter { seen.insert(URL(fileURLWithPath: $0).standardized.path).inserted }
    }

    /// The .lua files of the recipe folders, in folder order then by name.
    public var files: [String] {
        folders.flatMap { folder -> [String] in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            // Files only: a named pipe on the path would block the listing.
            return names.filter { $0.hasSuffix(".lua") }.sorted().map { folder + "/" + $0 }.filter { PathKind.regularFileSize($0) != nil }
        }
    }

    /// The name of the recipe most like `name` (a slip of two letters at most), for a message.
    public func name(like name: String) -> String? {
        let names = files.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
        return Field.suggestion(for: name, among: names)
    }

    /// The file of the recipe called `name`: `name.lua` in the first folder that has it.
    public func file(named name: String) -> String? {
        folders.map { $0 + "/" + name + ".lua" }.first { PathKind.regularFileSize($0) != nil }
    }
}
