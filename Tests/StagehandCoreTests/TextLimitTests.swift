import Foundation
import Testing
@testable import StagehandCore

/// Found by `stagehand-bench fuzz-text`: a template of twenty thousand
/// placeholders filled with a twenty-thousand-character name took minutes and
/// gigabytes to render. Pasted text now has a length limit with a sentence.
@Suite struct TextLimitTests {
    typealias T = TestWorkspace

    @Test func aNameLongerThanTheLimitIsRefusedAndNothingIsAdded() throws {
        var ws = T.make()
        let before = ws.candidates.count
        let pasted = NewCandidate(name: String(repeating: "Ana ", count: 60), email: nil, source: "CV")
        #expect(throws: StagehandError.invalidAction("A candidate's name may be at most 200 characters long: shorten it.")) {
            try ws.addCandidate(pasted, to: T.backend, origin: .manualAdd, by: T.rita, now: T.now)
        }
        #expect(ws.candidates.count == before)
    }

    @Test func aNameAtTheLimitIsKeptWhole() throws {
        var ws = T.make()
        let name = String(repeating: "é", count: TextLimit.name)
        let outcome = try ws.addCandidate(NewCandidate(name: name, email: nil, source: "CV"), to: T.backend, origin: .manualAdd, by: T.rita, now: T.now)
        #expect(ws.candidates[outcome.candidate]?.name == name)
    }

    @Test func aHugeTemplateIsRefusedBeforeAnyEmailIsFilledIn() {
        var ws = T.make()
        let body = String(repeating: "{{candidate.name}}", count: 20_000)
        #expect(throws: StagehandError.invalidAction("An email's text may be at most 50000 characters long: shorten it.")) {
            try ws.saveTemplate(nil, name: "Huge", subject: "Hi", body: body, by: T.ada)
        }
        #expect(throws: StagehandError.self) {
            try ws.saveTemplate(nil, name: "Long subject", subject: String(repeating: "x", count: 301), body: "", by: T.ada)
        }
    }

    @Test func longTagsTitlesAndStageNamesAreRefusedToo() {
        var ws = T.make()
        let long = String(repeating: "漢", count: 201)
        #expect(throws: StagehandError.self) {
            try ws.addCandidate(NewCandidate(name: "Ana", email: nil, source: "CV", tags: [long]), to: T.backend, origin: .manualAdd, by: T.rita, now: T.now)
        }
        #expect(throws: StagehandError.self) { try ws.createJob(title: long, by: T.ada) }
    }
}
