// swift-tools-version: 6.0
// Parley: script a corpus of statements in embedded Lua 5.4.
// Layers depend one way: CLua → LuaShims → LuaBinding → (CorpusScan, CSQLite, CCompression → Corpus) → Scripting → parley.
import PackageDescription

let package = Package(
    name: "Parley",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "parley", targets: ["parley"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.6.0"),
        // Tests only: reading back the CSV that reports write, with a parser that is not ours.
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        // The system Lua 5.4 (Debian: liblua5.4-dev), plus inline functions for the C macros Swift cannot import.
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        // C code that must run on the C side of the boundary: the trampoline, protected helpers, the allocator.
        .target(name: "LuaShims", dependencies: ["CLua"]),
        // A Swift binding to Lua with no knowledge of corpora.
        .target(name: "LuaBinding", dependencies: ["CLua", "LuaShims"]),
        // libedit (Debian: libedit-dev), through its readline-compatible interface.
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // C glue for line editing: a poll loop around libedit's callback interface, completion, history.
        .target(name: "LineEditing", dependencies: ["CEditLine"]),
        // The hot loops of loading in C: finding a plain statement's fields, hashing and looking up values.
        .target(name: "CorpusScan"),
        // The system SQLite 3 (Debian: libsqlite3-dev), for the SQLite corpus form.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // zlib and libbzip2 (Debian: zlib1g-dev, libbz2-dev), for compressed corpora (.gz, .bz2).
        .systemLibrary(name: "CCompression", providers: [.apt(["zlib1g-dev", "libbz2-dev"])]),
        // The corpus model and its loaders, in Swift (with CorpusScan's loops): no Lua here.
        .target(name: "Corpus", dependencies: ["CorpusScan", "CSQLite", "CCompression"]),
        // The Lua API that exposes a corpus to scripts.
        .target(name: "Scripting", dependencies: ["LuaBinding", "Corpus"]),
        // The interactive REPL: reading chunks, printing values, dot-commands, completion.
        .target(name: "REPL", dependencies: ["Scripting", "LuaBinding", "Corpus", "LineEditing"]),
        // The command-line front: argument parsing and rendering of diagnostics.
        .executableTarget(
            name: "parley",
            dependencies: ["Scripting", "Corpus", "REPL", "LuaBinding", "LineEditing", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .target(name: "TestSupport", dependencies: ["Corpus"], path: "Tests/TestSupport"),
        .testTarget(name: "LuaBindingTests", dependencies: ["LuaBinding", "LuaShims", "CLua"]),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus", "TestSupport"]),
        .testTarget(name: "ScriptingTests", dependencies: ["Scripting", "Corpus", "LuaBinding", "TestSupport", "SwiftCSV"]),
        .testTarget(name: "REPLTests", dependencies: ["REPL", "Scripting", "Corpus", "TestSupport"]),
        .testTarget(name: "ParleyCLITests", dependencies: ["TestSupport", "Scripting"]),
    ],
    swiftLanguageModes: [.v6]
)
