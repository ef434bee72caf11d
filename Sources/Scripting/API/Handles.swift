import Corpus

/// A statement or a document as Lua holds it: a row number and the generation of the corpus it
/// came from, checked on every access (a corpus replaced by another invalidates old handles).
struct RowHandle: BitwiseCopyable {
    var generation: UInt32
    var row: Int32
}

/// Names of the metatables, prefixed so they cannot clash in the registry.
enum Metatable {
    static let selection = "parley.Selection"
    static let statement = "parley.Statement"
    static let document = "parley.Document"
    static let counts = "parley.Counts"
    static let corpus = "parley.Corpus"
}

/// A selection boxed into a Lua userdata.
final class SelectionBox {
    let selection: Selection
    /// How it was made from the whole corpus, for reports' provenance: `where{kind = "direct"}`…
    let filters: [String]
    init(_ selection: Selection, filters: [String] = []) {
        self.selection = selection
        self.filters = filters
    }
}

/// A counts table boxed into a Lua userdata.
final class CountsBox {
    let counts: Counts
    let filters: [String]
    init(_ counts: Counts, filters: [String] = []) {
        self.counts = counts
        self.filters = filters
    }
}
