import Foundation
import Testing
@testable import StagehandCore

/// Spec §1: roles and what they allow.
@Suite struct PermissionTests {
    typealias T = TestWorkspace

    @Test func theShippedRoles() {
        #expect(Role.admin.permissions == Permission.allCases)
        #expect(Role.recruiter.permissions == [.moveCandidates, .editJobs, .evaluate])
        #expect(!Role.recruiter.allows(.manageAutomations))
        #expect(Role.hiringManager.permissions == [.evaluate])
        #expect(Set(Permission.allCases) == [.moveCandidates, .editJobs, .manageAutomations, .evaluate])
    }

    @Test("Who may do what", arguments: [
        (T.ada, [true, true, true, true]),
        (T.rita, [true, true, false, true]),
        (T.hugo, [false, false, false, true]),
        (T.cora, [true, false, false, false]),
        (MemberID("nobody"), [false, false, false, false]),
    ])
    func allows(member: MemberID, expected: [Bool]) {
        let ws = T.make()
        #expect(Permission.allCases.map { ws.allows(member, $0) } == expected)
    }

    @Test func aHiringManagerCannotMoveCandidates() throws {
        var ws = T.make()
        let before = ws
        let refusal = StagehandError.missingPermission(member: "Hugo Hiring", missing: [.moveCandidates], doing: "move candidates")
        #expect(throws: refusal) { try ws.planTo(T.screen, T.alice, by: T.hugo) }
        #expect(throws: refusal) { try ws.moveTo(T.screen, T.alice, by: T.hugo) }
        #expect(throws: refusal) { try ws.moveTo(T.screen, T.alice, T.bruno, by: T.hugo, choice: .withoutActions) }
        #expect(ws == before)
    }

    @Test func requireNamesEveryMissingPermission() throws {
        let ws = T.make()
        try ws.require([.moveCandidates, .evaluate], of: T.rita, toDo: "do it")
        #expect(throws: StagehandError.missingPermission(member: "Rita Recruiter", missing: [.manageAutomations], doing: "do it")) {
            try ws.require(Workspace.automationPermissions, of: T.rita, toDo: "do it")
        }
        #expect(throws: StagehandError.missingPermission(member: "Hugo Hiring", missing: [.manageAutomations, .editJobs], doing: "do it")) {
            try ws.require(Workspace.automationPermissions, of: T.hugo, toDo: "do it")
        }
        #expect(throws: StagehandError.missingPermission(member: "ghost", missing: [.evaluate], doing: "do it")) {
            try ws.require([.evaluate], of: "ghost", toDo: "do it")
        }
        #expect(Workspace.automationPermissions == [.manageAutomations, .editJobs])
    }

    @Test func whoIsRunningStagehand() throws {
        let ws = T.make()
        #expect(try ws.member(login: "rita").id == T.rita)
        #expect(throws: StagehandError.notAMember(login: "mallory")) { try ws.member(login: "mallory") }
    }

    @Test("What each action needs from the mover", arguments: [
        (T.sendThanks, Permission.moveCandidates),
        (T.screenNote, .moveCandidates),
        (T.screenTask, .moveCandidates),
        (T.tagApplicant, .moveCandidates),
        (T.ritaFollows, .moveCandidates),
        (T.askHugo, .evaluate),
        (T.assignToPlatform, .editJobs),
        (T.addToSilver, .moveCandidates),
    ])
    func requiredPermission(action: AutomaticAction, permission: Permission) {
        #expect(action.requiredPermission == permission)
    }
}
