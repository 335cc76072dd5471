/// An array kept in chunks of 1,024, each shared between copies until one of them
/// changes it. A board and its store each hold the workspace; with one flat array
/// per table, the store's first change after the board took its copy duplicated all
/// 100,000 candidates. In chunks, it duplicates the one chunk the change touches.
struct ChunkedArray<Element>: RandomAccessCollection {
    private static var chunkShift: Int { 10 }
    private static var chunkSize: Int { 1 << chunkShift }
    private static var chunkMask: Int { chunkSize - 1 }

    private var chunks: [[Element]] = []
    private(set) var count = 0

    init() {}

    init(_ elements: some Collection<Element>) {
        var chunk: [Element] = []
        chunk.reserveCapacity(Swift.min(Self.chunkSize, elements.count))
        for element in elements {
            chunk.append(element)
            if chunk.count == Self.chunkSize {
                chunks.append(chunk)
                chunk = []
                chunk.reserveCapacity(Self.chunkSize)
            }
        }
        if !chunk.isEmpty { chunks.append(chunk) }
        count = elements.count
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> Element {
        get { chunks[position >> Self.chunkShift][position & Self.chunkMask] }
        set { chunks[position >> Self.chunkShift][position & Self.chunkMask] = newValue }
    }

    /// Hands `body` each element where it lies, with its position: iterating
    /// would copy each one (every string and list in it retained and released).
    func forEachInPlace(_ body: (Int, Element) throws -> Void) rethrows {
        for (index, chunk) in chunks.enumerated() {
            try chunk.withUnsafeBufferPointer { elements in
                for offset in elements.indices { try body(index << Self.chunkShift + offset, elements[offset]) }
            }
        }
    }

    /// The positions of the chunks this array does not share with `other` — by
    /// storage, not by value: where anything can differ from a copy it was made from
    /// or that was made from it. The rest is the same memory, so the same elements.
    func positionsNotShared(with other: ChunkedArray) -> [Range<Int>] {
        chunks.indices.compactMap { index in
            let shared = other.chunks.indices.contains(index) && chunks[index].withUnsafeBufferPointer { mine in
                other.chunks[index].withUnsafeBufferPointer { theirs in mine.baseAddress == theirs.baseAddress && mine.count == theirs.count }
            }
            return shared ? nil : (index << Self.chunkShift)..<Swift.min(count, (index + 1) << Self.chunkShift)
        }
    }

    mutating func append(_ element: Element) {
        if count & Self.chunkMask == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }

    /// Appends `other`'s elements and leaves it empty, handing back each of its
    /// chunks once copied: the two halves of a table read on two threads never
    /// take twice its memory.
    mutating func append(emptying other: inout ChunkedArray) {
        var taken = other.chunks
        other = ChunkedArray()
        for index in taken.indices {
            for element in taken[index] { append(element) }
            taken[index] = []
        }
    }

    mutating func removeLast() -> Element {
        let element = chunks[chunks.count - 1].removeLast()
        if chunks[chunks.count - 1].isEmpty { chunks.removeLast() }
        count -= 1
        return element
    }

    /// Everything after `position` moves down: rare (a removal), so the chunks are made anew.
    mutating func remove(at position: Int) -> Element {
        var all = Array(self)
        let element = all.remove(at: position)
        self = ChunkedArray(all)
        return element
    }

    /// Everything from `position` on moves up: rare (undoing a removal), so the chunks are made anew.
    mutating func insert(_ element: Element, at position: Int) {
        var all = Array(self)
        all.insert(element, at: position)
        self = ChunkedArray(all)
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}

extension ChunkedArray: Equatable where Element: Equatable {
    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }
}
