import Foundation

/// Paths and files the tests share.
public enum Fixtures {
    /// The package's root folder.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    public static var exampleCorpus: String {
        packageRoot.appendingPathComponent("Examples/corpus/pak-afghan-talks-2025.json").path
    }

    public static func examplePath(_ relative: String) -> String {
        packageRoot.appendingPathComponent(relative).path
    }

    /// A new empty folder, removed when the process ends is not guaranteed: tests keep them small.
    public static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parley-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to a new file named `name` in a fresh folder and returns its path.
    public static func write(_ text: String, named name: String) -> String {
        let url = temporaryDirectory().appendingPathComponent(name)
        try! Data(text.utf8).write(to: url)
        return url.path
    }
}
