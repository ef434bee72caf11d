import Foundation

/// The files of a folder that a command reads: a corpus's parts, or articles to ingest.
public enum FolderFiles {
    /// The regular files in `folder` and its subfolders that `accepts` takes, sorted by path.
    /// Hidden files and folders (.git, a build's .build) are left out, as `ls` would not show
    /// them, and so are pipes and devices, which would block a read or never end.
    public static func files(in folder: String, accepting accepts: (URL) -> Bool) throws(CorpusLoadError) -> [String] {
        let url = URL(fileURLWithPath: folder)
        guard let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) else {
            throw CorpusLoadError(file: folder, message: "cannot read the folder")
        }
        var files: [String] = []
        for case let file as URL in enumerator where PathKind.regularFileSize(file.path) != nil && accepts(file) {
            files.append(file.path)
        }
        return files.sorted()
    }
}
