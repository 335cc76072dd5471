#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import StagehandCore

/// A small workspace and a scratch folder for the store's tests.
enum StoreFixtures {
    static let start = Date(timeIntervalSince1970: 1_714_550_400)

    static var workspace: Workspace {
        let stages = [
            Stage(id: "applied", name: "Applied"),
            Stage(id: "screen", name: "Phone screen", actions: [.addNote(.init(text: "Screen booked"))]),
            Stage(id: "interview", name: "Interview"),
        ]
        let setup = WorkspaceSetup(
            companyName: "Acme",
            members: [Member(id: "ana", login: "ana", name: "Ana Lima", email: "ana@acme.test", role: "recruiter")],
            defaultPipeline: stages,
            jobs: [Job(id: "job-1", title: "Backend engineer", pipeline: stages)],
            disqualificationReasons: [DisqualificationReason(id: "not-a-fit", name: "Not a fit")],
            emailTemplates: [EmailTemplate(id: "welcome", name: "Welcome", subject: "Hi {{name}}", body: "Thanks.")])
        return Workspace(
            setup: setup, counter: 3,
            candidates: [candidate("cand-1", "Bea Costa"), candidate("cand-2", "Caio Reis")],
            tasks: [
                CandidateTask(
                    id: "task-3", title: "Prepare kit", assignee: "ana", due: start.addingTimeInterval(86_400),
                    candidate: "cand-1", job: "job-1", automatic: true)
            ],
            emails: [
                OutgoingEmail(
                    id: "email-1", candidate: "cand-2", job: "job-1", stage: "applied", template: "welcome", entry: 1,
                    sender: "ana", fromName: "Ana Lima", fromAddress: "ana@acme.test", toName: "Caio Reis",
                    toAddress: "caio@example.com", subject: "Hi Caio", body: "Thanks.", createdAt: start,
                    dueAt: start.addingTimeInterval(3600))
            ])
    }

    static func candidate(_ id: CandidateID, _ name: String, stage: StageID = "applied") -> Candidate {
        Candidate(
            id: id, name: name, email: "\(id)@example.com", source: "Referral",
            placements: [Placement(job: "job-1", stage: stage, enteredAt: start)],
            timeline: [
                Activity(
                    id: ActivityID("act-\(id)"), at: start, kind: .applied, author: nil, automatic: false,
                    text: "Applied")
            ])
    }

    static func note(_ text: String, id: ActivityID) -> Activity {
        Activity(id: id, at: start.addingTimeInterval(60), kind: .note, author: "ana", automatic: false, text: text)
    }
}

/// A folder of its own for one test, removed afterwards.
final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("stagehand-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var statePath: URL { url.appendingPathComponent("state.json") }

    func bytes(_ name: String) -> Data? { FileManager.default.contents(atPath: url.appendingPathComponent(name).path) }

    func write(_ text: String, to name: String) throws {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path) }

    /// The journal's lines, without their newlines.
    func journalLines() -> [String] {
        guard let data = bytes("state.json.journal") else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}

extension ScratchFolder {
    /// Replaces text in the snapshot without a new file, as only another program
    /// would; with `keepingModificationTime` the seal still matches afterwards.
    func rewriteSnapshotInPlace(_ old: String, with new: String, keepingModificationTime: Bool = false) throws {
        let path = statePath.path
        let text = String(decoding: try #require(bytes("state.json")), as: UTF8.self)
        let edited = text.replacingOccurrences(of: old, with: new)
        try #require(edited != text && edited.utf8.count == text.utf8.count)
        let descriptor = open(path, O_WRONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var before = stat()
        fstat(descriptor, &before)
        let written = Array(edited.utf8).withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        try #require(written == edited.utf8.count)
        if keepingModificationTime {
            #if canImport(Darwin)
            var times = [before.st_atimespec, before.st_mtimespec]
            #else
            var times = [before.st_atim, before.st_mtim]
            #endif
            try #require(futimens(descriptor, &times) == 0)
        }
    }
}
