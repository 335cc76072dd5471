import Foundation
import Testing
@testable import StagehandCore

@Suite struct ExpectedTimeTests {
    @Test func aStageWrittenBeforeExpectedTimesHasNoneAndOneWithItKeepsIt() throws {
        let old = try JSONDecoder().decode(Stage.self, from: Data(#"{"id": "s", "name": "Screen", "actions": []}"#.utf8))
        #expect(old.expected == nil)
        let stage = Stage(id: "s", name: "Screen", expected: RelativeDuration(3, .businessDays))
        let json = String(decoding: try JSONEncoder().encode(stage), as: UTF8.self)
        #expect(json.contains(#""expected":"3bd""#))
        #expect(try JSONDecoder().decode(Stage.self, from: Data(json.utf8)) == stage)
        #expect(!String(decoding: try JSONEncoder().encode(old), as: UTF8.self).contains("expected"))
    }

    @Test func settingItNeedsTheSetupPermissionsAndSaysWhatItDid() throws {
        var workspace = TestWorkspace.make()
        let ref = PipelineRef.job(TestWorkspace.backend)
        #expect(throws: StagehandError.self) {
            try workspace.apply(.setExpectedTime(ref, TestWorkspace.screen, RelativeDuration(2, .days)), by: TestWorkspace.rita, now: TestWorkspace.now)
        }
        let said = try workspace.apply(
            .setExpectedTime(ref, TestWorkspace.screen, RelativeDuration(2, .businessDays)), by: TestWorkspace.ada, now: TestWorkspace.now)
        #expect(said == "Candidates are expected to stay in Phone screen for 2 business days (Backend Engineer)")
        #expect(workspace.job(TestWorkspace.backend)?.stage(TestWorkspace.screen)?.expected == RelativeDuration(2, .businessDays))
        let cleared = try workspace.apply(.setExpectedTime(ref, TestWorkspace.screen, nil), by: TestWorkspace.ada, now: TestWorkspace.now)
        #expect(cleared == "Phone screen has no expected time any more (Backend Engineer)")
        #expect(workspace.job(TestWorkspace.backend)?.stage(TestWorkspace.screen)?.expected == nil)
    }
}
