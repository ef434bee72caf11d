import Foundation

/// The last line of defence in batch mode: if a run has not ended `grace` seconds after its time
/// limit (stuck in C code the time limit cannot reach), the process ends with a message and exit
/// status 3 rather than hang.
public final class Watchdog: @unchecked Sendable {
    public static let exitStatus: Int32 = 3
    private let done = DispatchSemaphore(value: 0)

    /// Seconds past the time limit before the process is ended: 10, or $PARLEY_WATCHDOG_GRACE (for tests).
    public static var grace: Double {
        ProcessInfo.processInfo.environment["PARLEY_WATCHDOG_GRACE"].flatMap(Double.init).map { max($0, 0.1) } ?? 10
    }

    /// Starts watching; call `finish()` when the run ends.
    public init(limit seconds: Double, grace: Double = Watchdog.grace) {
        let done = self.done
        let message = "parley: the script did not stop at its time limit of \(ScriptSession.format(seconds: seconds)) (stuck outside Lua); ended after \(Int(grace)) s more\n"
        Thread.detachNewThread {
            if done.wait(timeout: .now() + seconds + grace) == .timedOut {
                message.withCString { _ = write(STDERR_FILENO, $0, strlen($0)) }
                _exit(Watchdog.exitStatus)
            }
        }
    }

    public func finish() { done.signal() }
}
