import Foundation
import Testing
@testable import StagehandCore

@Suite struct ChunkedArrayTests {
    @Test func readsChangesAndRemovesLikeAnArrayAcrossChunkBoundaries() {
        var plain = Array(0..<3_000)
        var chunked = ChunkedArray(plain)
        #expect(Array(chunked) == plain)
        for value in 3_000..<3_100 {
            plain.append(value)
            chunked.append(value)
        }
        plain[1_023] = -1
        chunked[1_023] = -1
        plain[1_024] = -2
        chunked[1_024] = -2
        #expect(plain.remove(at: 500) == chunked.remove(at: 500))
        plain.insert(7, at: 2_048)
        chunked.insert(7, at: 2_048)
        #expect(plain.removeLast() == chunked.removeLast())
        #expect(chunked.count == plain.count && Array(chunked) == plain)
        #expect(chunked == ChunkedArray(plain))
        var emptied = ChunkedArray([1])
        _ = emptied.removeLast()
        emptied.append(2)
        #expect(Array(emptied) == [2])
    }

    @Test func aCopyChangedInOneChunkSharesEveryOtherChunkWithItsOriginal() {
        let original = ChunkedArray(Array(0..<5_000))
        var copy = original
        #expect(copy.positionsNotShared(with: original).isEmpty, "a copy shares everything")
        copy[2_500] = -1
        #expect(copy.positionsNotShared(with: original) == [2_048..<3_072])
        #expect(original[2_500] == 2_500, "the original is untouched")
        copy.append(5_000)
        #expect(copy.positionsNotShared(with: original) == [2_048..<3_072, 4_096..<5_001])
    }

    @Test func aTableEncodesAsThePlainArrayItAlwaysWas() throws {
        let candidates = (0..<1_500).map { Candidate(id: CandidateID("cand-\($0)"), name: "Person \($0)", email: nil, source: "test") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(EntityTable(candidates)) == encoder.encode(candidates))
    }
}
