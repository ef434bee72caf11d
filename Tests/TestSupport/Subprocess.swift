import Foundation

/// Runs the built `parley` executable as a user would, and captures what it prints.
public enum Subprocess {
    public struct Output {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// The `parley` executable next to the test bundle (or $PARLEY_BIN).
    public static var parley: String {
        if let path = ProcessInfo.processInfo.environment["PARLEY_BIN"] { return path }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("parley").path) && directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        let candidate = directory.appendingPathComponent("parley").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        return Fixtures.packageRoot.appendingPathComponent(".build/debug/parley").path
    }

    /// Runs parley with `arguments`. With `fileBlocks`, the files it writes may hold at most that
    /// many blocks (`ulimit -f`, SIGXFSZ ignored), so that writing more fails as on a full disk.
    public static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                           in directory: String? = nil, fileBlocks: Int? = nil) throws -> Output {
        let process = Process()
        if let fileBlocks {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "trap '' XFSZ; ulimit -f \(fileBlocks); exec \"$0\" \"$@\"", parley] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: parley)
            process.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes fully before waiting, so a large output cannot block the child.
        final class Collected: @unchecked Sendable { var data = Data() }
        let errData = Collected()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errData.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData.data, as: UTF8.self))
    }
}
