import Foundation
import Testing
@testable import StagehandCore

@Suite struct IdentifierTests {
    @Test func encodesAsPlainString() throws {
        let data = try JSONEncoder().encode([CandidateID("cand-1")])
        #expect(String(decoding: data, as: UTF8.self) == #"["cand-1"]"#)
    }
}
