import Foundation
import Testing
@testable import StagehandCore

/// The quick snapshot reader must give exactly what JSONDecoder gives, and leave
/// anything it does not know to JSONDecoder.
@Suite struct SnapshotReaderTests {
    /// Writes `workspace` as the store does and answers the snapshot's text.
    private static func snapshotText(of workspace: Workspace, in folder: ScratchFolder) throws -> String {
        try StateFile(path: folder.statePath).create(workspace, replacing: true)
        return String(decoding: folder.bytes("state.json") ?? Data(), as: UTF8.self)
    }

    private static func quickly(_ text: String, in folder: ScratchFolder) throws -> Snapshot? {
        try folder.write(text, to: "read.json")
        let file = try OpenFile(folder.url.appendingPathComponent("read.json").path, flags: O_RDONLY)
        return SnapshotReader.snapshot(in: try MappedFile(file), schemaVersion: StateFile.currentSchemaVersion, decoder: decoder)
    }

    /// Where the quick reader splits a snapshot's candidates between its two threads.
    private static func middleOfCandidates(in text: inout String) throws -> Int? {
        let start = try #require(text.utf8.firstRange(of: "\"candidates\" : [".utf8))
        let offset = text.utf8.distance(from: text.utf8.startIndex, to: start.upperBound)
        return text.withUTF8 { ArrayMiddle.middle(of: JSONReader(UnsafeRawBufferPointer($0), from: offset)) }
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    private static func decoded(_ text: String) throws -> Snapshot {
        try decoder.decode(Snapshot.self, from: Data(text.utf8))
    }

    private static func expectReadAsJSONDecoderDoes(_ workspace: Workspace) throws {
        let folder = try ScratchFolder()
        let text = try snapshotText(of: workspace, in: folder)
        let snapshot = try #require(try quickly(text, in: folder), "the store's own output must take the quick way")
        let expected = try decoded(text)
        #expect(snapshot.workspace == expected.workspace)
        #expect(snapshot.generation == expected.generation)
        #expect(snapshot.workspace == workspace)
    }

    @Test func theSampleWorkspaceReadsAsJSONDecoderReadsIt() throws {
        try Self.expectReadAsJSONDecoderDoes(SampleWorkspace.make(now: StoreFixtures.start, currentLogin: "ana"))
    }

    @Test func aWorkspaceWithEveryKindOfActionRunAndStepStateReadsAsJSONDecoderReadsIt() throws {
        try Self.expectReadAsJSONDecoderDoes(CodableTests.busyWorkspace())
    }

    /// A few candidates and many emails put the middle of the text in the emails, past
    /// the candidates' end: once read the general way (slowly, and silently), now the
    /// candidates are read whole by the quick reader.
    @Test func aSmallCandidateTableBeforeALargerOneIsStillReadTheQuickWay() throws {
        var workspace = TestWorkspace.make()
        for index in 0..<200 {
            workspace.emails.upsert(
                OutgoingEmail(
                    id: EmailID("email-\(index)"), candidate: TestWorkspace.alice, job: TestWorkspace.backend, stage: TestWorkspace.applied,
                    template: TestWorkspace.thanks, entry: 1, sender: nil, fromName: "Acme", fromAddress: "jobs@acme.test", toName: "Alice",
                    toAddress: "alice@example.com", subject: "Thanks", body: "We got your application.", createdAt: TestWorkspace.now,
                    dueAt: TestWorkspace.now, status: .sent, run: nil))
        }
        workspace.forgetChanges()
        try Self.expectReadAsJSONDecoderDoes(workspace)
    }

    @Test func aLargeWorkspaceIsReadInTwoPartsThatMeetExactly() throws {
        let workspace = SampleWorkspace.makeLarge(candidates: 300, now: StoreFixtures.start)
        let folder = try ScratchFolder()
        var text = try Self.snapshotText(of: workspace, in: folder)
        let middle = try Self.middleOfCandidates(in: &text)

        #expect(middle != nil)
        try Self.expectReadAsJSONDecoderDoes(workspace)
    }

    /// The index says where the candidates' array stands, so a whole read hands all
    /// of it to the second thread and reads the emails meanwhile; a range that is
    /// not the array's is never believed.
    @Test func theIndexHandsTheWholeCandidateArrayToTheSecondReader() throws {
        let workspace = SampleWorkspace.makeLarge(candidates: 300, now: StoreFixtures.start)
        let folder = try ScratchFolder()
        let text = try Self.snapshotText(of: workspace, in: folder)
        let file = try OpenFile(folder.statePath.path, flags: O_RDONLY)
        let arrays = try #require(SnapshotIndex.largeArrays(at: folder.statePath.path, for: try file.stamp()))
        let array = try #require(arrays.candidates)
        let emails = try #require(arrays.emails)
        let bytes = Array(text.utf8)
        for range in [array, emails] {
            #expect(bytes[range.lowerBound] == UInt8(ascii: "["))
            #expect(bytes[range.upperBound - 1] == UInt8(ascii: "]"))
        }
        let mapped = try MappedFile(file)
        func read(_ range: Range<Int>) -> Snapshot? {
            SnapshotReader.snapshot(
                in: mapped, schemaVersion: StateFile.currentSchemaVersion, decoder: Self.decoder,
                arrays: SnapshotIndex.LargeArrays(candidates: range, emails: emails))
        }
        #expect(read(array)?.workspace == workspace)
        // Starting elsewhere, it is ignored: the array is split in the middle as without an index.
        #expect(read(array.lowerBound + 1..<array.upperBound)?.workspace == workspace)
        // Ending short or long, the two readers do not meet: the general way reads it.
        #expect(read(array.lowerBound..<array.upperBound - 100) == nil)
        #expect(read(array.lowerBound..<array.upperBound + 1) == nil)

        // Left out, the emails are read on their own, in two halves, as the whole read reads them.
        let leaving = SnapshotReader.snapshot(
            in: mapped, schemaVersion: StateFile.currentSchemaVersion, decoder: Self.decoder,
            arrays: SnapshotIndex.LargeArrays(candidates: array, emails: emails), leavingEmails: true)
        #expect(leaving?.workspace.emails.isEmpty == true)
        #expect(leaving?.workspace.candidates == workspace.candidates)
        #expect(SnapshotReader.emails(in: mapped, at: emails) == workspace.emails)
        #expect(SnapshotReader.emails(in: mapped, at: emails.lowerBound..<emails.upperBound - 1) == nil)
        #expect(SnapshotReader.emails(in: mapped, at: array) == nil, "the candidates are no emails")
    }

    /// 200 emails from one recruiter to one candidate hold one copy of each
    /// address and subject, not 200; texts that differ stay apart.
    @Test func textsTheEmailsRepeatAreReadIntoOneString() throws {
        var workspace = TestWorkspace.make()
        for index in 0..<200 {
            workspace.emails.upsert(
                OutgoingEmail(
                    id: EmailID("email-\(index)"), candidate: TestWorkspace.alice, job: TestWorkspace.backend,
                    stage: TestWorkspace.applied, template: TestWorkspace.thanks, entry: 1, sender: nil,
                    fromName: "Acme Recruiting Team", fromAddress: "recruiting@acme-robotics.test", toName: "Alice",
                    toAddress: index.isMultiple(of: 2) ? "alice.anderson@example.com" : "alice.anderson.\(index)@example.com",
                    subject: "Thanks for applying to Acme Robotics", body: "Hi Alice,\n\nThank you (\(index)).",
                    createdAt: TestWorkspace.now, dueAt: TestWorkspace.now, status: .sent, run: nil))
        }
        workspace.forgetChanges()
        try Self.expectReadAsJSONDecoderDoes(workspace)
        let folder = try ScratchFolder()
        let read = try #require(try Self.quickly(try Self.snapshotText(of: workspace, in: folder), in: folder)).workspace
        func storage(_ text: String) -> UnsafePointer<UInt8>? {
            var text = text
            return text.withUTF8 { $0.baseAddress }
        }
        let first = read.emails[0], third = read.emails[2], second = read.emails[1]
        #expect(storage(first.fromAddress) == storage(third.fromAddress))
        #expect(storage(first.subject) == storage(third.subject))
        #expect(storage(first.toAddress) == storage(third.toAddress))
        #expect(second.toAddress == "alice.anderson.1@example.com")
        #expect(storage(first.body) != storage(third.body))
    }

    /// Candidates with the same tags, followers, talent pools and stages passed
    /// through hold one copy of each list between them for each of the two
    /// threads that read them.
    @Test func listsTheCandidatesRepeatAreReadIntoOneArray() throws {
        let workspace = SampleWorkspace.makeLarge(candidates: 300, now: StoreFixtures.start)
        try Self.expectReadAsJSONDecoderDoes(workspace)
        let folder = try ScratchFolder()
        let read = try #require(try Self.quickly(try Self.snapshotText(of: workspace, in: folder), in: folder)).workspace
        func storage<Element>(_ list: [Element]) -> UnsafeRawPointer? {
            list.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        }
        func expectShared<Element: Hashable>(_ list: (Candidate) -> [Element]?) throws {
            let byList = Dictionary(grouping: read.candidates.compactMap { candidate in list(candidate).map { (candidate, $0) } }) { $0.1 }
            let repeated = try #require(byList.values.filter { !$0[0].1.isEmpty }.max { $0.count < $1.count })
            try #require(repeated.count > 10)
            #expect(Set(repeated.map { storage($0.1) }).count <= 2)
        }
        try expectShared(\.tags)
        try expectShared(\.followers)
        try expectShared(\.talentPools)
        try expectShared { $0.placements.first?.passedThrough }
    }

    /// Found by `stagehand-bench fuzz-state`: a snapshot refused after its candidates'
    /// head had started on another thread returned while that thread still read the
    /// mapped file, and the next in-place rewrite of the file crashed it (SIGBUS).
    @Test func aRefusedSnapshotLeavesNoReaderBehind() throws {
        let workspace = SampleWorkspace.makeLarge(candidates: 3000, now: StoreFixtures.start)
        let folder = try ScratchFolder()
        var text = try Self.snapshotText(of: workspace, in: folder)
        let middle = try #require(try Self.middleOfCandidates(in: &text))
        let broken = text.utf8.index(text.utf8.startIndex, offsetBy: middle + 1)
        text.insert(contentsOf: "@@ not JSON @@", at: broken)
        #expect(try Self.quickly(text, in: folder) == nil)
        // Rewritten in place at once, as an editor or the fuzzer does: a reader still
        // running would now touch pages past the end of the file.
        let handle = try FileHandle(forWritingTo: folder.url.appendingPathComponent("read.json"))
        try handle.truncate(atOffset: 0)
        try handle.close()
        let settle = Date().addingTimeInterval(0.5)
        while Date() < settle { usleep(20_000) }
    }

    @Test("Text outside what the store writes is left to JSONDecoder, which reads it the same", arguments: [
        ("\"counter\" : 3", "\"counter\" : 3.0"),
        ("\"counter\" : 3", "\"counter\" : 3, \"remark\" : \"edited by hand\""),
        ("\"counter\" : 3", "\"counter\" : 3, \"counter\" : 4"),
        ("\"companyName\" : \"Acme\"", "\"companyName\" : \"Acme\", \"companyName\" : \"Other\""),
        ("\"counter\"", "\"\\u0063ounter\""),
        ("\"enteredAt\" : \"2024-05-01T08:00:00Z\"", "\"enteredAt\" : \"2024-05-01T10:00:00+02:00\""),
        ("\"enteredAt\" : \"2024-05-01T08:00:00Z\"", "\"enteredAt\" : \"2024-05-01T08:00:00.250Z\""),
    ])
    func unusualText(original: String, edited: String) throws {
        let folder = try ScratchFolder()
        let text = try Self.snapshotText(of: StoreFixtures.workspace, in: folder)
        #expect(text.contains(original))
        let changed = text.replacingOccurrences(of: original, with: edited)
        try changed.write(to: folder.statePath, atomically: true, encoding: .utf8)

        let loaded = try StateFile(path: folder.statePath).load()

        #expect(loaded == (try Self.decoded(changed)).workspace)
        if let quick = try Self.quickly(changed, in: folder) { #expect(quick.workspace == loaded) }
    }

    @Test func keysOutOfOrderOrUnknownAreLeftToJSONDecoder() throws {
        let folder = try ScratchFolder()
        let text = try Self.snapshotText(of: StoreFixtures.workspace, in: folder)
        let unknown = text.replacingOccurrences(
            of: "\"name\" : \"Bea Costa\"", with: "\"name\" : \"Bea Costa\", \"nickname\" : \"B\"")
        let reordered = text.replacingOccurrences(
            of: "\"doNotEmail\" : false,\n        \"email\" : \"cand-1@example.com\"",
            with: "\"email\" : \"cand-1@example.com\",\n        \"doNotEmail\" : false")
        #expect(unknown != text && reordered != text)

        #expect(try Self.quickly(unknown, in: folder) == nil)
        #expect(try Self.quickly(reordered, in: folder) == nil)
        #expect(try Self.decoded(reordered).workspace == StoreFixtures.workspace)
    }

    @Test func aNewerSchemaIsLeftToJSONDecoder() throws {
        let folder = try ScratchFolder()
        let text = try Self.snapshotText(of: StoreFixtures.workspace, in: folder)
        let current = StateFile.currentSchemaVersion
        let newer = text.replacingOccurrences(of: "\"schemaVersion\" : \(current)", with: "\"schemaVersion\" : \(current + 1)")
        #expect(try Self.quickly(newer, in: folder) == nil)
    }

    @Test func escapesAndNonASCIITextReadAsJSONDecoderReadsThem() throws {
        var workspace = StoreFixtures.workspace
        workspace.candidates.modify("cand-1") { candidate in
            candidate.name = "Zoë \"Z\" Müller \\ 😀"
            candidate.timeline[0].text = "Line one\nLine two\ttabbed\r\u{1}\u{7F} – “quoted” / slash"
        }
        for (index, body) in ["\n", "\"\"", "\\ends with a backslash\\", "Zoë\n\n“Hi” \u{1}😀\t\r", "plain"].enumerated() {
            workspace.emails.upsert(
                OutgoingEmail(
                    id: EmailID("email-\(index)"), candidate: "cand-1", job: workspace.setup.jobs[0].id, stage: nil,
                    template: "tpl", entry: 1, sender: nil, fromName: "Acme", fromAddress: "jobs@acme.test",
                    toName: "Zoë \"Z\"", toAddress: "z@example.com", subject: "Subject\twith a tab, long enough", body: body,
                    createdAt: StoreFixtures.start, dueAt: StoreFixtures.start, status: .sent, run: nil))
        }
        workspace.forgetChanges()
        try Self.expectReadAsJSONDecoderDoes(workspace)

        let folder = try ScratchFolder()
        let text = try Self.snapshotText(of: StoreFixtures.workspace, in: folder)
        let escaped = text.replacingOccurrences(of: "\"Bea Costa\"", with: "\"B\\u00e9a \\ud83d\\ude00 Costa\\/\"")
        let quick = try #require(try Self.quickly(escaped, in: folder))
        #expect(quick.workspace == (try Self.decoded(escaped)).workspace)
        #expect(quick.workspace.candidates["cand-1"]?.name == "Béa 😀 Costa/")
    }
}
