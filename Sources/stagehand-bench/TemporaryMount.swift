#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A small tmpfs on a folder of the bench's private mount namespace: a disk that
/// can be filled up or made read-only without touching the machine's own.
struct TemporaryMount {
    let folder: URL
    private var filler: URL { folder.appendingPathComponent("filler") }

    init(at folder: URL, bytes: Int) throws {
        self.folder = folder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.mount(["-t", "tmpfs", "-o", "size=\(bytes),mode=0755", "tmpfs", folder.path])
    }

    /// Takes all the free space but `free` bytes (rounded to pages), with one file.
    func fill(leaving free: Int) throws {
        try? FileManager.default.removeItem(at: filler)
        var status = statvfs()
        guard statvfs(folder.path, &status) == 0 else { throw BenchUsageError(description: "Cannot measure \(folder.path).") }
        let available = Int(status.f_bavail) * Int(status.f_frsize)
        guard FileManager.default.createFile(atPath: filler.path, contents: Data(count: max(0, available - free))) else {
            throw BenchUsageError(description: "Cannot fill \(folder.path).")
        }
    }

    func empty() { try? FileManager.default.removeItem(at: filler) }

    /// Remounts read-only or read-write. A remount to read-only is refused while
    /// a file is open for writing, so it is tried again for up to 30 seconds.
    func setReadOnly(_ readOnly: Bool) throws {
        let deadline = Date().addingTimeInterval(30)
        while true {
            do {
                return try Self.mount(["-o", readOnly ? "remount,ro" : "remount,rw", folder.path])
            } catch where Date() < deadline {
                continue
            }
        }
    }

    func unmount() { _ = try? Self.run("/bin/umount", [folder.path]) }

    private static func mount(_ arguments: [String]) throws { try run("/bin/mount", arguments) }

    private static func run(_ program: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchUsageError(description: "\(program) \(arguments.joined(separator: " ")) failed: \(text)")
        }
    }
}
