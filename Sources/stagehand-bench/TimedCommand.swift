#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Runs a command to its end for timing: posix_spawn and waitpid, nothing in
/// between. Not Foundation's `Process`, whose `waitUntilExit()` on Linux looks
/// for the child's end every 50 ms: it added 50–60 ms to every command the
/// bench timed (a 16 ms `stagehand help` measured 73 ms).
enum TimedCommand {
    /// Runs `arguments` with `executable`, output discarded; throws with the
    /// command's own error output when it exits other than 0.
    static func run(_ executable: String, _ arguments: [String]) throws {
        var errors: [Int32] = [0, 0]
        guard pipe(&errors) == 0 else { throw BenchUsageError(description: "Cannot make a pipe: \(String(cString: strerror(errno))).") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        posix_spawn_file_actions_addclose(&actions, errors[0])
        posix_spawn_file_actions_addclose(&actions, errors[1])
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, executable, &actions, nil, argv, environ)
        close(errors[1])
        defer { close(errors[0]) }
        guard spawned == 0 else {
            throw BenchUsageError(description: "Cannot start \(executable): \(String(cString: strerror(spawned))).")
        }
        var said = Data()
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = read(errors[0], &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            said.append(contentsOf: buffer[0..<count])
        }
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0, errno == EINTR {}
        let exited = status & 0x7f == 0
        let code = (status >> 8) & 0xff
        guard exited, code == 0 else {
            let how = exited ? "exited \(code)" : "was killed by signal \(status & 0x7f)"
            throw BenchUsageError(
                description: "\(([executable] + arguments).joined(separator: " ")) \(how): \(String(decoding: said, as: UTF8.self))")
        }
    }
}
