import Testing
import TestSupport

/// The REPL fed through a pipe: no prompt, no editing, results only.
@Suite struct PipedREPLTests {
    @Test func aPipedExpressionPrintsOnlyItsValue() throws {
        let out = try Subprocess.run(["repl"], stdin: "#statements\n")
        #expect(out.status == 0)
        #expect(out.stdout == "31\n")
        #expect(out.stderr.isEmpty)
    }

    @Test func pipedChunksSpanLinesAndKeepState() throws {
        let out = try Subprocess.run(["repl", "--corpus", Fixtures.exampleCorpus], stdin: """
            n = 0
            for _, s in ipairs(statements) do
              if s.kind == "direct" then n = n + 1 end
            end
            n
            .mode csv
            statements:count_by("kind"):top(2)
            """)
        #expect(out.stdout == "6\nkind,n\r\nindirect,19\r\ndirect,6\n")
    }

    @Test func errorsGoToStandardErrorAndTheExitStatusSaysSo() throws {
        let out = try Subprocess.run(["repl"], stdin: "error('first')\n1 + 1\n")
        #expect(out.stdout == "2\n")
        #expect(out.stderr.contains("stdin:1: first"))
        #expect(out.status == 1)
    }
}
