#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// The candidates' histories in a snapshot the store wrote, read from the file
/// when first needed: they are over half of a large snapshot, and a board shows
/// one only when a profile opens, a command only for the candidates it touches.
///
/// It keeps the snapshot open, so it reads the file it was loaded from even
/// after a newer snapshot was renamed over it. Histories read for showing are
/// kept; those read only to be written again (a compaction) are not, so
/// compacting does not bring the whole workspace back into memory.
final class StoredTimelines: Sendable {
    private let file: OpenFile
    private let kept = Mutex<[Int: [Activity]]>([:])

    init(_ file: consuming OpenFile) {
        self.file = file
    }

    var path: String { file.path }

    /// The entries stored at `range`, or nil when the bytes there are no longer
    /// a history: the file was changed in place, not by Stagehand, after it was
    /// loaded.
    func activities(at range: Range<Int>, keeping: Bool = true) -> [Activity]? {
        if let activities = kept.withLock({ $0[range.lowerBound] }) { return activities }
        guard let activities = read(range) else { return nil }
        if keeping { kept.withLock { $0[range.lowerBound] = activities } }
        return activities
    }

    private func read(_ range: Range<Int>) -> [Activity]? {
        var bytes = [UInt8](repeating: 0, count: range.count)
        let count = bytes.withUnsafeMutableBytes { buffer -> Int in
            var done = 0
            while done < buffer.count {
                let got = pread(file.descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(range.lowerBound + done))
                if got < 0, errno == EINTR { continue }
                if got <= 0 { break }
                done += got
            }
            return done
        }
        guard count == range.count else { return nil }
        return bytes.withUnsafeBytes { text in
            var json = JSONReader(text)
            guard let activities = try? json.read([Activity].self), json.isAtEnd() else { return nil }
            return activities
        }
    }
}
