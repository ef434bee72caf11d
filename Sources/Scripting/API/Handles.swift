import Corpus

/// A statement or a document as Lua holds it: a row number and the generation of the corpus it
/// came from, checked on every access (a corpus replaced by another invalidates old handles).
struct RowHandle: BitwiseCopyable {
    var generation: UInt32
    var row: Int32

    init(generation: UInt32, row: Int32) {
        self.generation = generation
        self.row = row
    }

    /// As a light handle holds it (`parley_pushlighthandle`): the generation, then the row.
    init(bits: UInt64) {
        generation = UInt32(truncatingIfNeeded: bits >> 32)
        row = Int32(bitPattern: UInt32(truncatingIfNeeded: bits))
    }

    var bits: UInt64 { UInt64(generation) << 32 | UInt64(UInt32(bitPattern: row)) }
}

/// Names of the metatables, prefixed so they cannot clash in the registry.
enum Metatable {
    static let selection = "parley.Selection"
    static let statement = "parley.Statement"
    static let document = "parley.Document"
    static let counts = "parley.Counts"
    /// The list that stands for a row's key in counts by several fields.
    static let countsKey = "parley.CountsKey"
    static let corpus = "parley.Corpus"
}

/// A selection boxed into a Lua userdata.
final class SelectionBox {
    let selection: Selection
    /// How it was made from the whole corpus, for reports' provenance: `where{kind = "direct"}`…
    let filters: [String]
    /// Said when it is shown: why a `where` found nothing ("no statement has speaker …").
    let note: String?
    init(_ selection: Selection, filters: [String] = [], note: String? = nil) {
        self.selection = selection
        self.filters = filters
        self.note = note
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
