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
}

/// A selection boxed into a Lua userdata.
final class SelectionBox {
    let selection: Selection
    init(_ selection: Selection) { self.selection = selection }
}

/// A counts table boxed into a Lua userdata.
final class CountsBox {
    let counts: Counts
    init(_ counts: Counts) { self.counts = counts }
}
