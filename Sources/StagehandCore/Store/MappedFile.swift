#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A file mapped read-only into memory, so a 50 MB snapshot is read where it
/// lies instead of being copied into the heap, and the parts already read can
/// be handed back while reading goes on: the whole file never needs to be in
/// memory at once, only the objects made from it.
///
/// The store never changes a snapshot in place — a new one is renamed over it —
/// so the mapping stays valid while it is read. (Another program truncating the
/// file in place at that moment would end this process with SIGBUS: the price
/// of not copying.) Sharing one between threads is safe: the memory is
/// read-only, and a page handed back is read from the file again if touched.
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer

    init(_ file: borrowing OpenFile) throws {
        let size = try file.size()
        guard size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, file.descriptor, 0), address != MAP_FAILED else {
            throw StateFileError.failure(path: file.path, writing: false, code: errno)
        }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    deinit {
        if let address = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: address), bytes.count) }
    }

    /// The bytes as Data without a copy; the Data keeps the mapping alive.
    var data: Data {
        guard let address = bytes.baseAddress else { return Data() }
        return Data(
            bytesNoCopy: UnsafeMutableRawPointer(mutating: address), count: bytes.count,
            deallocator: .custom { [self] _, _ in withExtendedLifetime(self) {} })
    }

    /// Hands back the whole pages within `range`: resident memory shrinks, and
    /// the bytes read the same if they are needed again.
    func release(_ range: Range<Int>) {
        guard let address = bytes.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page
        let end = range.upperBound / page * page
        guard start < end else { return }
        madvise(UnsafeMutableRawPointer(mutating: address + start), end - start, MADV_DONTNEED)
    }
}

extension MappedFile {
    /// Hands back every page, once the readers are done: each leaves up to a large
    /// page-cache folio (2 MB) mapped around where it started and ended, which its
    /// own `PagesRead` does not reach.
    func releaseAll() {
        release(0..<bytes.count)
    }
}

/// Hands the pages a reader has passed back to the system, 4 MB at a time: each
/// time costs the other reading thread's core an interrupt (its TLB), and at a
/// quarter megabyte those were a tenth of reading 100,000 candidates.
struct PagesRead {
    private let text: MappedFile
    private var start: Int

    init(of text: MappedFile, from start: Int) {
        self.text = text
        self.start = start
    }

    mutating func passed(_ offset: Int) {
        guard offset - start >= 1 << 22 else { return }
        text.release(start..<offset)
        start = offset
    }
}
