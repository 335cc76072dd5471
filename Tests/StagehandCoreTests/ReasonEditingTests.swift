import Foundation
import Testing
@testable import StagehandCore

/// Spec §1 and §3.6: disqualification reasons are added, renamed and removed, and
/// their actions — run when a candidate is disqualified with them — are edited
/// exactly like a stage's, through `ActionOwner.reason`.
@Suite struct ReasonEditingTests {
    typealias T = TestWorkspace

    static let tagRejected = AutomaticAction.addTags(.init(tags: ["rejected"]))

    @Test func aNewReasonHasNoActionsAndCanBeChosenAtOnce() throws {
        var ws = T.make()
        let id = try ws.addReason(named: "  Salary expectations ", by: T.ada)
        #expect(ws.setup.disqualificationReasons.map(\.name) == ["Skills mismatch", "Withdrew", "Salary expectations"])
        #expect(ws.reason(id) == DisqualificationReason(id: id, name: "Salary expectations"))
        #expect(try ws.findReason("salary").id == id)

        let outcome = try ws.disqualify(T.alice, from: T.backend, reason: id, by: T.rita, now: T.now)
        #expect(outcome.run == nil)
        #expect(ws.timeline(of: T.alice, .disqualified).last?.text == "Disqualified from Backend Engineer: Salary expectations")
    }

    @Test("A reason's name is needed and unique, ignoring case and accents", arguments: [
        ("", T.withdrew, "A reason needs a name."),
        ("  withdrew ", T.skillsMismatch, "There is already a reason called Withdrew: choose another name."),
        ("SKÎLLS MISMATCH", T.withdrew, "There is already a reason called Skills mismatch: choose another name."),
    ])
    func namesAreChecked(name: String, renaming other: ReasonID, refusal: String) {
        var ws = T.make()
        let before = ws
        #expect(throws: StagehandError.invalidAction(refusal)) { try ws.addReason(named: name, by: T.ada) }
        #expect(throws: StagehandError.invalidAction(refusal)) { try ws.renameReason(other, to: name, by: T.ada) }
        #expect(ws == before)
    }

    @Test func renamingKeepsItsActionsAndWhoWasDisqualifiedWithIt() throws {
        var ws = T.make()
        try ws.disqualify(T.alice, from: T.backend, reason: T.skillsMismatch, by: T.rita, now: T.now)
        try ws.renameReason(T.skillsMismatch, to: " Not a fit ", by: T.ada)
        #expect(ws.reason(T.skillsMismatch) == DisqualificationReason(id: T.skillsMismatch, name: "Not a fit", actions: [T.sendRejection]))
        #expect(ws.placement(of: T.alice)?.disqualification?.reason == T.skillsMismatch)
        #expect(ws.ownerName(.reason(T.skillsMismatch)) == "the reason Not a fit")
        try ws.renameReason(T.withdrew, to: "WITHDREW", by: T.ada)
        #expect(ws.reason(T.withdrew)?.name == "WITHDREW", "its own name in another case is not a clash")
    }

    @Test func aReasonNobodyWasDisqualifiedWithIsRemovedWithItsActions() throws {
        var ws = T.make()
        try ws.removeReason(T.skillsMismatch, by: T.ada)
        #expect(ws.setup.disqualificationReasons.map(\.id) == [T.withdrew])
        #expect(ws.owners(sending: T.rejection) == [], "nothing sends the rejection any more")
        #expect(ws.actions(of: .reason(T.skillsMismatch)) == nil)
    }

    @Test func aReasonSomeoneWasDisqualifiedWithIsKeptOnRecord() throws {
        var ws = T.make()
        try ws.disqualify(T.alice, from: T.backend, reason: T.withdrew, by: T.rita, now: T.now)
        var before = ws
        #expect(throws: StagehandError.invalidAction("1 candidate was disqualified as 'Withdrew': rename the reason instead of removing it.")) {
            try ws.removeReason(T.withdrew, by: T.ada)
        }
        #expect(ws == before)

        try ws.disqualify(T.eve, from: T.platform, reason: T.withdrew, by: T.rita, now: T.now)
        before = ws
        #expect(throws: StagehandError.invalidAction("2 candidates were disqualified as 'Withdrew': rename the reason instead of removing it.")) {
            try ws.removeReason(T.withdrew, by: T.ada)
        }
        #expect(ws == before)
    }

    @Test func aReasonThatIsNotThereIsNamed() {
        var ws = T.make()
        let before = ws
        let missing = StagehandError.notFound(kind: "disqualification reason", name: "reason-nope")
        #expect(throws: missing) { try ws.renameReason("reason-nope", to: "Anything", by: T.ada) }
        #expect(throws: missing) { try ws.removeReason("reason-nope", by: T.ada) }
        #expect(throws: missing) { try ws.addAction(Self.tagRejected, to: .reason("reason-nope"), by: T.ada) }
        #expect(throws: missing) { try ws.removeAction(at: 0, of: .reason("reason-nope"), by: T.ada) }
        #expect(ws == before)
    }

    // MARK: A reason's actions

    @Test func aReasonsActionsAreListedAndEditedLikeAStages() throws {
        var ws = T.make()
        let owner = ActionOwner.reason(T.skillsMismatch)
        #expect(ws.actions(of: owner) == [T.sendRejection])
        #expect(ws.actions(of: .reason(T.withdrew)) == [])
        #expect(ws.ownerName(owner) == "the reason Skills mismatch")

        try ws.addAction(Self.tagRejected, to: owner, at: 0, by: T.ada)
        #expect(ws.actions(of: owner) == [Self.tagRejected, T.sendRejection])
        try ws.moveAction(from: 0, to: 1, of: owner, by: T.ada)
        #expect(ws.actions(of: owner) == [T.sendRejection, Self.tagRejected])
        try ws.replaceAction(at: 1, with: .addNote(.init(text: "Rejected")), of: owner, by: T.ada)
        #expect(ws.actions(of: owner) == [T.sendRejection, .addNote(.init(text: "Rejected"))])
        try ws.removeAction(at: 0, of: owner, by: T.ada)
        #expect(ws.actions(of: owner) == [.addNote(.init(text: "Rejected"))])
        #expect(throws: StagehandError.invalidAction("Skills mismatch has 1 action; there is no number 2.")) {
            try ws.removeAction(at: 1, of: owner, by: T.ada)
        }
        #expect(ws.job(T.backend)?.pipeline == T.make().job(T.backend)?.pipeline, "no stage changed")
    }

    @Test func aReasonMayAssignToAnyJobSinceItIsNotAStageOfOne() throws {
        var ws = T.make()
        try ws.addAction(.assign(.init(job: T.backend)), to: .reason(T.withdrew), by: T.ada)
        #expect(ws.actions(of: .reason(T.withdrew)) == [.assign(.init(job: T.backend))])
    }

    @Test func disqualifyingRunsActionsAddedToAReason() throws {
        var ws = T.make()
        try ws.addAction(Self.tagRejected, to: .reason(T.withdrew), by: T.ada)
        try ws.addAction(.addFollowers(.init(members: [T.hugo])), to: .reason(T.withdrew), by: T.ada)

        let outcome = try ws.disqualify(T.alice, from: T.backend, reason: T.withdrew, by: T.rita, now: T.now, grace: 3)
        let run = try #require(outcome.run.flatMap { ws.actionRuns[$0] })
        #expect(run.trigger == .disqualify)
        #expect(run.reason == T.withdrew)
        #expect(run.steps.map(\.action) == [Self.tagRejected, .addFollowers(.init(members: [T.hugo]))])

        ws.advanceRuns(now: T.now.addingTimeInterval(3))
        #expect(ws.actionRuns[run.id]?.steps.map(\.state) == [.done, .done])
        #expect(ws.candidates[T.alice]?.tags == ["rejected"])
        #expect(ws.candidates[T.alice]?.followers == [T.hugo])
        #expect(ws.timeline(of: T.alice, .tagged).last?.automatic == true)
    }

    @Test func aRejectionEmailSavedFromAFormGoesOutTwoBusinessDaysAfterDisqualifying() throws {
        var ws = T.make()
        let id = try ws.addReason(named: "Position filled", by: T.ada)
        var draft = ActionDraft(kind: .sendEmail, in: ws)
        draft.useTemplate(nil, in: ws)
        draft.templateName = "Position filled"
        draft.subject = "{{job.title}} at {{company.name}}"
        draft.body = "Dear {{candidate.first_name}}, the position has been filled."
        draft.delay = "2bd"
        let saved = try ws.save(draft, to: .reason(id), by: T.ada)
        #expect(ws.summary(of: saved, forDisqualification: true) == "Email 'Position filled' from the mover, 2 business days after disqualification")

        // Wednesday 25 November + 2 business days = Friday 27 November, same time.
        try ws.disqualify(T.bruno, from: T.backend, reason: id, by: T.rita, now: T.now)
        ws.advanceRuns(now: T.now)
        let email = try #require(ws.emails(of: T.bruno).first)
        #expect(email.dueAt == T.date("2026-11-27T09:00:00Z"))
        #expect(email.status == .scheduled)
        #expect(email.subject == "Backend Engineer at Acme Robotics")
        #expect(email.body == "Dear Bruno, the position has been filled.")
        #expect(email.sender == T.rita, "the mover is whoever disqualified")
    }

    @Test func theReasonsActionsAreTheOnesAtTheMomentOfDisqualifying() throws {
        var ws = T.make()
        let run = try #require(try ws.disqualify(T.alice, from: T.backend, reason: T.skillsMismatch, by: T.rita, now: T.now).run)
        try ws.addAction(Self.tagRejected, to: .reason(T.skillsMismatch), by: T.ada)
        ws.advanceRuns(now: T.now)
        #expect(ws.actionRuns[run]?.steps.map(\.action) == [T.sendRejection])
        #expect(ws.candidates[T.alice]?.tags == [])
    }

    // MARK: Permissions

    static let refusals: [(MemberID, String, [Permission])] = [
        (T.rita, "Rita Recruiter", [.manageAutomations]),
        (T.hugo, "Hugo Hiring", [.manageAutomations, .editJobs]),
    ]

    @Test("Reasons and their actions need both permissions", arguments: refusals)
    func reasonChangesNeedBothPermissions(member: MemberID, name: String, missing: [Permission]) {
        var ws = T.make()
        let before = ws
        let reasons = StagehandError.missingPermission(member: name, missing: missing, doing: "change disqualification reasons")
        let actions = StagehandError.missingPermission(member: name, missing: missing, doing: "change automatic actions")
        #expect(throws: reasons) { try ws.addReason(named: "No show", by: member) }
        #expect(throws: reasons) { try ws.renameReason(T.withdrew, to: "Withdrawn", by: member) }
        #expect(throws: reasons) { try ws.removeReason(T.withdrew, by: member) }
        #expect(throws: actions) { try ws.addAction(Self.tagRejected, to: .reason(T.withdrew), by: member) }
        #expect(throws: actions) { try ws.removeAction(at: 0, of: .reason(T.skillsMismatch), by: member) }
        #expect(throws: actions) {
            try ws.save(ActionDraft(Self.tagRejected, in: ws), to: .reason(T.withdrew), by: member)
        }
        #expect(ws == before)
    }
}
