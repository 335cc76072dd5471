import Foundation
import StagehandCore
import Testing
@testable import StagehandBoard

/// One snapshot per setup editor screen, as Ana (an admin) sees it at 120×35
/// unless said otherwise. Each test also checks the line a person looks for first.
@Suite struct EditorSnapshotTests {
    func screen(_ keys: [Key], login: String = "ana", unicode: Bool = true) -> String {
        var state = BoardFixture.state(login: login, unicode: unicode)
        BoardFixture.press(keys, &state)
        return Board.render(state).text
    }

    @Test func automationsOfAStage() {
        // Interview holds four actions; the second is highlighted.
        let text = screen([.character("3"), .character("a"), .down])
        #expect(text.contains("Automations of Interview (Senior iOS Engineer)"))
        #expect(text.contains("4. ⚡"))
        #expect(!text.contains("Read-only"))
        expectSnapshot(text, named: "editor-automations")
    }

    @Test func emailActionFormWithPreview() {
        // A new action for Applied, focused on Peter Schmidt: the delay typed, the preview filled in for him.
        let text = screen([.character("a"), .character("n")] + Array(repeating: Key.tab, count: 6) + BoardFixture.keys("90m"))
        #expect(text.contains("New action for Applied (Senior iOS Engineer)"))
        #expect(text.contains("90 minutes after entry"))
        #expect(text.contains("Preview for Peter Schmidt:"))
        #expect(text.contains("Hi Peter,"))
        // The template is shared: the warning must be read to the end, however many stages send it.
        #expect(text.contains("edits change it there too"))
        expectSnapshot(text, named: "editor-email-form")
    }

    @Test func taskFormRefusingToSaveWithoutATitle() {
        let text = screen([.character("a"), .character("n"), .right, .right, .enter])
        #expect(text.contains("! A task needs a title."))
        #expect(text.contains("Not saved: A task needs a title."))
        expectSnapshot(text, named: "editor-task-form-error")
    }

    @Test func pipelineOfTheJob() {
        let text = screen([.character("p")])
        #expect(text.contains("Pipeline of Senior iOS Engineer (open)"))
        #expect(text.contains("7. Hired  (no actions"))
        expectSnapshot(text, named: "editor-pipeline-job")
    }

    @Test func defaultPipelineTemplate() {
        let text = screen([.character("p"), .tab])
        #expect(text.contains("Default pipeline template"))
        #expect(!text.contains("card"), "the template holds no candidates")
        expectSnapshot(text, named: "editor-pipeline-default")
    }

    @Test func removingAnOccupiedStageAsksWhereItsCandidatesGo() {
        let text = screen([.character("3"), .character("p"), .character("x")])
        #expect(text.contains("Remove Interview: 3 candidates are still there"))
        #expect(text.contains("‹ Phone screen ›"), "the stage before it is suggested")
        expectSnapshot(text, named: "editor-remove-stage")
    }

    @Test func emailTemplatesWithAPreview() {
        let text = screen([.character("e")])
        #expect(text.contains("Thanks for applying  (sent by"))
        #expect(text.contains("Subject: Thanks for applying to Northwind Robotics"))
        expectSnapshot(text, named: "editor-templates")
    }

    @Test func newTemplateForm() {
        let keys = [.character("e"), .character("n")] + BoardFixture.keys("Second interview") + [.tab]
            + BoardFixture.keys("See you again, {{candidate.first_name}}") + [.tab] + BoardFixture.keys("Hi {{candidate.nickname}},")
        let text = screen(keys)
        #expect(text.contains("New email template"))
        #expect(text.contains("candidate.nickname"), "the unknown placeholder is named")
        expectSnapshot(text, named: "editor-template-form")
    }

    @Test func disqualificationReasons() {
        let text = screen([.character("r")])
        #expect(text.contains("Not a fit for the role ⚡  (1 action)"))
        #expect(text.contains("Withdrew  (no actions)"))
        expectSnapshot(text, named: "editor-reasons")
    }

    @Test func aReasonsActions() {
        let text = screen([.character("r"), .enter])
        #expect(text.contains("Automations of the reason Not a fit for the role"))
        #expect(text.contains("after disqualification"))
        expectSnapshot(text, named: "editor-reason-actions")
    }

    @Test func confirmingARemoval() {
        let text = screen([.character("a"), .character("x")])
        #expect(text.contains("Are you sure?"))
        #expect(text.contains("Remove action 1 of Applied (Senior iOS Engineer)"))
        expectSnapshot(text, named: "editor-confirm")
    }

    @Test func automationsOnASmallTerminal() {
        var state = BoardFixture.state(width: 60, height: 16)
        BoardFixture.press([.character("3"), .character("a")], &state)
        let lines = BoardFixture.lines(state)
        // A row too long for the screen says it goes on rather than stopping mid-word.
        #expect(lines[3] == "  1. ⚡ Email 'Interview invitation' from Ben Okafor, 1 h…")
        expectSnapshot(lines.joined(separator: "\n"), named: "editor-automations-60x16")
    }

    @Test func templatesOnASmallTerminal() {
        var state = BoardFixture.state(width: 60, height: 16)
        BoardFixture.press([.character("e")], &state)
        let text = Board.render(state).text
        #expect(text.contains("… 1 more line\n"))
        expectSnapshot(text, named: "editor-templates-60x16")
    }

    @Test func aFormInASCII() {
        // The delay focused: its presets are offered with arrows spelled out.
        let text = screen([.character("a"), .character("n")] + Array(repeating: Key.tab, count: 6), unicode: false)
        let allASCII = text.allSatisfy { $0.isASCII }
        #expect(allASCII, "a terminal without UTF-8 gets ASCII only")
        #expect(text.contains("Left/Right presets: none 30m 1h"))
        expectSnapshot(text, named: "editor-form-ascii")
    }
}
