#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Which snapshot the store itself last wrote, kept beside it as
/// `state.json.written`: one line with the file's device, inode, size and
/// modification time. A snapshot that still matches it is byte for byte what
/// Stagehand wrote and checked, so its timelines may be left unread until
/// needed (`StoredTimelines`). Any other — edited by hand, restored from a
/// backup, written by an older Stagehand, or with no seal at all — is read and
/// checked whole, and a damaged one refused at once, as before.
///
/// A second line names the snapshot's index (`SnapshotIndex`) the same way, so
/// an index changed since it was written is not believed either.
///
/// The seal is only ever a reason to read less: losing it, or failing to
/// write it, costs time, never data.
enum SnapshotSeal {
    static func path(of snapshotPath: String) -> String { snapshotPath + ".written" }

    /// Whether `stamp` is the snapshot the seal at `snapshotPath` names.
    static func matches(_ stamp: FileStamp, at snapshotPath: String) -> Bool {
        lines(at: snapshotPath).first == line(for: stamp)
    }

    /// Whether `stamp` is the snapshot, and `index` its index, that the seal names.
    static func matches(_ stamp: FileStamp, index: FileStamp, at snapshotPath: String) -> Bool {
        lines(at: snapshotPath) == [line(for: stamp), line(for: index)]
    }

    private static func lines(at snapshotPath: String) -> [String] {
        guard let file = try? OpenFile(ifPresent: path(of: snapshotPath), flags: O_RDONLY),
            let text = try? String(decoding: file.read(from: 0), as: UTF8.self)
        else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { $0 + "\n" }
    }

    /// Records `stamp` as the snapshot just written, and `index` as its index,
    /// replacing the seal whole; on any failure the old seal is removed instead.
    /// True when it was recorded.
    static func record(_ stamp: FileStamp, index: FileStamp?, at snapshotPath: String) -> Bool {
        // Whoever may read the snapshot may read its seal, or they would read it all.
        let text = line(for: stamp) + (index.map(line(for:)) ?? "")
        return FileSystem.replaceWhole(path(of: snapshotPath), with: Data(text.utf8), permissions: stamp.permissions) != nil
    }

    /// Removes the seal if it still names `stamp`: that file is not to be trusted.
    static func revoke(_ stamp: FileStamp, at snapshotPath: String) {
        guard matches(stamp, at: snapshotPath) else { return }
        try? FileSystem.removeIfPresent(path(of: snapshotPath))
    }

    static func line(for stamp: FileStamp) -> String {
        "\(stamp.device) \(stamp.inode) \(stamp.size) \(stamp.modifiedSeconds).\(stamp.modifiedNanoseconds)\n"
    }
}
