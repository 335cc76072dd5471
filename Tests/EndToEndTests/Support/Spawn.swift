#if canImport(Glibc)
    import Glibc
#endif
import Foundation

/// Runs a program and waits for it, its output in a file rather than a pipe, and
/// not through Foundation's `Process`: a daemon the program leaves behind (the
/// tmux server `new-session` forks, the PostgreSQL server `pg_ctl` starts)
/// inherits what `Process` watches for the child's exit, so `waitUntilExit` would
/// wait for the daemon. The test runner blocks some signals in its threads; the
/// mask and handlers are reset, so a daemon that inherited them still reaps its
/// children and hears its signals; and it inherits no file but its output.
func spawnAndWait(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let outputPath = NSTemporaryDirectory() + "stagehand-spawn-\(UUID().uuidString)"
    defer { unlink(outputPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    // Nothing else of the test process's: a daemon that kept another test's pipe or
    // Process's exit socket open would leave that test waiting for an end that never comes.
    guard let closeFrom = closeFromAction else {
        throw TmuxSession.Failure(description: "This C library lacks posix_spawn_file_actions_addclosefrom_np (glibc 2.34 or later has it).")
    }
    _ = closeFrom(&actions, 3)
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid = pid_t()
    let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
    guard spawned == 0 else { throw TmuxSession.Failure(description: "could not start \(path): \(String(cString: strerror(spawned)))") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (code, text)
}

/// glibc's `posix_spawn_file_actions_addclosefrom_np`, which Swift's Glibc module does not show.
private let closeFromAction: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
}()
