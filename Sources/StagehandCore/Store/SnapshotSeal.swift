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
/// The seal is only ever a reason to read less: losing it, or failing to
/// write it, costs time, never data.
enum SnapshotSeal {
    static func path(of snapshotPath: String) -> String { snapshotPath + ".written" }

    /// Whether `stamp` is the snapshot the seal at `snapshotPath` names.
    static func matches(_ stamp: FileStamp, at snapshotPath: String) -> Bool {
        guard let file = try? OpenFile(ifPresent: path(of: snapshotPath), flags: O_RDONLY),
            let text = try? String(decoding: file.read(from: 0), as: UTF8.self)
        else { return false }
        return text == line(for: stamp)
    }

    /// Records `stamp` as the snapshot just written, replacing the seal whole; on
    /// any failure the old seal is removed instead. True when it was recorded.
    static func record(_ stamp: FileStamp, at snapshotPath: String) -> Bool {
        let seal = path(of: snapshotPath)
        let temporary = seal + ".tmp"
        do {
            let file = try OpenFile(temporary, flags: O_WRONLY | O_CREAT | O_TRUNC)
            // Whoever may read the snapshot may read its seal, or they would read it all.
            try file.setPermissions(stamp.permissions & 0o666)
            file.giveToFolderOwner()
            try file.write(Data(line(for: stamp).utf8), at: 0)
            try FileSystem.rename(temporary, to: seal)
            return true
        } catch {
            try? FileSystem.removeIfPresent(temporary)
            try? FileSystem.removeIfPresent(seal)
            return false
        }
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
