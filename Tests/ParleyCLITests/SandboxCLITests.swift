import Foundation
import Testing
import TestSupport

/// The sandbox's limits as a user meets them on the command line.
@Suite struct SandboxCLITests {
    @Test func theTimeLimitEndsARunWithStatusOne() throws {
        let out = try Subprocess.run(["-e", "while true do end", "--timeout", "0.5"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("the time limit of 0.5 s is reached (raise it with --timeout SECONDS)"))
    }

    @Test func aScriptStuckOutsideLuaIsEndedByTheWatchdog() throws {
        let start = Date()
        let out = try Subprocess.run(["-e", "return (('a'):rep(300000)):find('a-b')", "--timeout", "0.5"],
                                     environment: ["PARLEY_WATCHDOG_GRACE": "0.5"])
        #expect(out.status == 3)
        #expect(out.stderr.contains("did not stop at its time limit"))
        #expect(Date().timeIntervalSince(start) < 20)
    }

    @Test func theMemoryLimitIsNamedAndAdjustable() throws {
        var out = try Subprocess.run(["-e", "local t = {} for i = 1, 1e9 do t[i] = i end", "--memory", "32M"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("not enough memory: the script went past its memory limit of 32 MiB (raise it with --memory SIZE)"))
        out = try Subprocess.run(["-e", "print(#(('x'):rep(40 * 2^20)))", "--memory", "32M"])
        #expect(out.stderr.contains("over the memory limit of 32 MiB (raise it with --memory)"))
        out = try Subprocess.run(["-e", "print(#(('x'):rep(40 * 2^20)))", "--memory", "128M"])
        #expect(out.stdout == "41943040\n")
        out = try Subprocess.run(["-e", "print(1)", "--memory", "lots"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("--memory takes a size such as 512M or 2G"))
        // A negative value is refused for what it is, not taken for a missing one.
        out = try Subprocess.run(["-e", "print(1)", "--timeout", "-3"])
        #expect(out.status == 2)
        #expect(out.stderr.hasPrefix("Error: --timeout takes a number of seconds, 0 or more"), "\(out.stderr)")
        out = try Subprocess.run(["-e", "print(1)", "--memory", "-1G"])
        #expect(out.stderr.hasPrefix("Error: --memory takes a size such as 512M or 2G, not '-1G'"), "\(out.stderr)")
        // A bare number is bytes: too few to run anything, and most likely meant as megabytes.
        out = try Subprocess.run(["-e", "print(1)", "--memory", "200"])
        #expect(out.status == 2)
        #expect(out.stderr.hasPrefix("Error: --memory 200 is less than 1M, too little to run a script; did you mean 200M?"), "\(out.stderr)")
        out = try Subprocess.run(["-e", "print(1)", "--memory", "1M"])
        #expect(out.stdout == "1\n")
    }

    @Test func theOutputLimitIsNamed() throws {
        let out = try Subprocess.run(["-e", "while true do print(('x'):rep(100)) end", "--max-output", "10K"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("output limit"))
        #expect(out.stdout.utf8.count <= 10 * 1024 + 200)
    }

    @Test func filesAndCommandsNeedTrust() throws {
        let file = Fixtures.temporaryDirectory().appendingPathComponent("secret.txt").path
        try Data("secret".utf8).write(to: URL(fileURLWithPath: file))
        let code = "print(io.open('\(file)'):read('a'))"
        var out = try Subprocess.run(["-e", code])
        #expect(out.status == 1)
        #expect(out.stderr.contains("global 'io'"))
        out = try Subprocess.run(["-e", code, "--trust"])
        #expect(out.status == 0)
        #expect(out.stdout == "secret\n")
    }
}
