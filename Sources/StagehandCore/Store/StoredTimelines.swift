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
    /// The file as it was loaded, when it matched its seal.
    private let sealed: FileStamp
    private let kept = Mutex<[Int: [Activity]]>([:])

    init(_ file: consuming OpenFile, sealed: FileStamp) {
        self.file = file
        self.sealed = sealed
    }

    var path: String { file.path }

    /// The entries stored at `range`, or nil when the bytes there are no longer
    /// a history: the file was changed in place, not by Stagehand, after it was
    /// loaded.
    func activities(at range: Range<Int>, keeping: Bool = true) -> [Activity]? {
        if let activities = kept.withLock({ $0[range.lowerBound] }) { return activities }
        guard let activities = read(range) else {
            // Sealed, the file would be trusted again at the next start: without the
            // seal it is read whole, and what is wrong in it said precisely.
            SnapshotSeal.revoke(sealed, at: file.path)
            return nil
        }
        if keeping { kept.withLock { $0[range.lowerBound] = activities } }
        return activities
    }

    /// Reads and keeps the histories at `ranges` not kept yet, on two cores at
    /// once, for a caller about to read them all (insights): one by one, a pread
    /// each, they take several times as long. The file is mapped only while it is
    /// still the one sealed; otherwise each is left to `activities(at:)`.
    func keep(_ ranges: [Range<Int>]) {
        let missing = kept.withLock { kept in ranges.filter { kept[$0.lowerBound] == nil } }
        guard !missing.isEmpty, isStillSealed, let text = try? MappedFile(file)
        else { return }
        let halves = [missing[..<(missing.count / 2)], missing[(missing.count / 2)...]]
        DispatchQueue.concurrentPerform(iterations: halves.count) { half in
            var read: [Int: [Activity]] = [:]
            for range in halves[half] where range.upperBound <= text.bytes.count {
                var json = JSONReader(text.bytes, from: range.lowerBound)
                guard let activities = try? json.read([Activity].self), json.offset == range.upperBound else { continue }
                read[range.lowerBound] = activities
            }
            kept.withLock { $0.merge(read) { old, _ in old } }
        }
    }

    /// The text at `range` when it may be copied into a snapshot being written
    /// at `indentation`: it stood at that indentation, and the file is still the
    /// one that was sealed (so the text is what Stagehand wrote and checked).
    func text(at range: Range<Int>, indentedBy indentation: Int) -> Data? {
        guard isStillSealed, let text = bytes(range), Self.closingIndentation(of: text) == indentation else { return nil }
        return text
    }

    /// Whether the file is still byte for byte the one that matched its seal at load.
    private var isStillSealed: Bool { (try? file.stamp()).map(sealed.isSameContent) == true }

    /// The spaces before the closing bracket, on the text's last line.
    private static func closingIndentation(of text: Data) -> Int? {
        guard let newline = text.lastIndex(of: UInt8(ascii: "\n")) else { return nil }
        return text.distance(from: newline, to: text.endIndex) - 2
    }

    private func read(_ range: Range<Int>) -> [Activity]? {
        guard let bytes = bytes(range) else { return nil }
        return bytes.withUnsafeBytes { text in
            var json = JSONReader(text)
            guard let activities = try? json.read([Activity].self), json.isAtEnd() else { return nil }
            return activities
        }
    }

    /// The bytes at `range`, or nil when they are not all there any more.
    private func bytes(_ range: Range<Int>) -> Data? {
        guard let bytes = try? file.read(range), bytes.count == range.count else { return nil }
        return bytes
    }
}
