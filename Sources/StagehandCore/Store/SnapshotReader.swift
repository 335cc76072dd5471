import Foundation

/// Reads a snapshot in the shape the store writes it, several times faster
/// than JSONDecoder: the tables with `JSONReader`, the head of the candidates —
/// most of the file — on a second thread, and the small but intricate setup
/// with JSONDecoder. The pages read are handed back as reading goes on.
enum SnapshotReader {
    /// The snapshot, or nil when the text is not in that shape: another schema,
    /// keys out of order or unknown, anything JSONReader leaves to JSONDecoder.
    /// The caller then decodes it the general way, which reads any valid file
    /// and says what is wrong with an invalid one.
    /// With `storedTimelines`, candidates' timelines are left in the file for it to read.
    /// With `arrays`, where the index says the large arrays stand: the candidates'
    /// are read on a second thread, all of them while this one reads the emails,
    /// or, when `leavingEmails`, half of them while this one reads the other half,
    /// and the emails are left out (an empty table) for `emails(in:at:)` to read.
    static func snapshot(
        in text: MappedFile, schemaVersion: Int, decoder: JSONDecoder, storedTimelines: StoredTimelines? = nil,
        arrays: SnapshotIndex.LargeArrays? = nil, leavingEmails: Bool = false
    ) -> Snapshot? {
        var json = JSONReader(text.bytes, decoder: decoder)
        json.storedTimelines = storedTimelines
        json.repeatedValues = RepeatedValues()
        var generation: String?, version: Int?, workspace: Workspace?
        do {
            try json.readObject { key, json in
                switch key {
                case "generation": generation = try json.read()
                case "schemaVersion":
                    version = try json.read()
                    // Before the workspace, as the keys are sorted: no time is spent on a file to upgrade.
                    guard version == schemaVersion else { throw JSONReader.Unreadable() }
                case "workspace":
                    workspace = try readWorkspace(&json, in: text, arrays: arrays, leavingEmails: leavingEmails)
                default: throw JSONReader.Unreadable()
                }
            }
        } catch {
            return nil
        }
        text.releaseAll()
        guard json.isAtEnd(), let generation, let version, let workspace else { return nil }
        return Snapshot(schemaVersion: version, generation: generation, workspace: workspace)
    }

    /// The emails' array at `range` (as the index gives it), read on two threads;
    /// nil when the text there is not that array in the store's shape.
    static func emails(in text: MappedFile, at range: Range<Int>) -> EntityTable<OutgoingEmail>? {
        guard range.upperBound <= text.bytes.count else { return nil }
        var json = JSONReader(text.bytes, from: range.lowerBound)
        json.repeatedValues = RepeatedValues()
        let emails: ReadOnAnotherThread<EntityTable<OutgoingEmail>>? = try? readSplit(&json, in: text, before: range.upperBound)
        defer { text.releaseAll() }
        guard json.offset == range.upperBound else {
            _ = try? emails?.value()
            return nil
        }
        return try? emails?.value()
    }

    private static func readWorkspace(
        _ json: inout JSONReader, in text: MappedFile, arrays: SnapshotIndex.LargeArrays?, leavingEmails: Bool
    ) throws -> Workspace {
        var setup: WorkspaceSetup?, counter: Int?, candidates: ReadOnAnotherThread<EntityTable<Candidate>>?
        var tasks: EntityTable<CandidateTask>?, evaluationRequests: EntityTable<EvaluationRequest>?
        var emails: EntityTable<OutgoingEmail>?, actionRuns: EntityTable<ActionRun>?
        // A snapshot refused after that thread started must not return while it still
        // reads the file: someone may rewrite it in place next (a SIGBUS then).
        defer { _ = try? candidates?.value() }
        try json.readObject { key, json in
            switch key {
            case "actionRuns": actionRuns = try table(&json, in: text)
            case "candidates":
                json.skipWhitespace()
                if let array = arrays?.candidates, array.lowerBound == json.offset, !leavingEmails {
                    candidates = readWhole(&json, in: text, array: array)
                } else {
                    let array = arrays?.candidates.flatMap { $0.lowerBound == json.offset ? $0 : nil }
                    candidates = try readSplit(&json, in: text, before: array?.upperBound)
                }
            case "counter": counter = try json.read()
            case "emails":
                json.skipWhitespace()
                if leavingEmails {
                    // Read later from where the index says: it must be where they are, or
                    // the emails read later would not be these (the whole read then reads them).
                    guard let array = arrays?.emails, array.lowerBound == json.offset, array.upperBound <= text.bytes.count
                    else { throw JSONReader.Unreadable() }
                    json.offset = array.upperBound
                    emails = EntityTable()
                } else {
                    emails = try table(&json, in: text)
                }
            case "evaluationRequests": evaluationRequests = try table(&json, in: text)
            case "setup": setup = try json.decode(WorkspaceSetup.self)
            case "tasks": tasks = try table(&json, in: text)
            default: throw JSONReader.Unreadable()
            }
        }
        guard let setup, let counter, let candidates, let tasks, let evaluationRequests, let emails, let actionRuns
        else { throw JSONReader.Unreadable() }
        return Workspace(
            setup: setup, counter: counter, candidates: try candidates.value(), tasks: tasks,
            evaluationRequests: evaluationRequests, emails: emails, actionRuns: actionRuns)
    }

    /// An array's elements, read here, as a table.
    private static func table<Element: JSONReadable>(_ json: inout JSONReader, in text: MappedFile) throws
        -> EntityTable<Element>
    {
        var elements = ChunkedArray<Element>()
        var pages = PagesRead(of: text, from: json.offset)
        try json.readArray { json in
            elements.append(try Element(json: &json))
            pages.passed(json.offset)
        }
        return EntityTable(elements)
    }

    /// The whole array at `array`, where `json` stands, read on another thread;
    /// this reader goes on from its end.
    private static func readWhole<Element: JSONReadable & Sendable>(
        _ json: inout JSONReader, in text: MappedFile, array: Range<Int>
    ) -> ReadOnAnotherThread<EntityTable<Element>> {
        let storedTimelines = json.storedTimelines
        json.offset = array.upperBound
        return ReadOnAnotherThread {
            var json = JSONReader(text.bytes, from: array.lowerBound)
            json.storedTimelines = storedTimelines
            json.repeatedValues = RepeatedValues()
            let elements: EntityTable<Element> = try table(&json, in: text)
            guard json.offset == array.upperBound, array.upperBound <= text.bytes.count else {
                throw JSONReader.Unreadable()
            }
            return elements
        }
    }

    /// A large array read in two halves when it is pretty-printed: the first on
    /// another thread, the second here; `end`, where the array ends when that is
    /// known, puts the split in its middle rather than in the rest of the text's.
    /// Its elements as a table, indexed on another thread while this reader goes on.
    private static func readSplit<Element: JSONReadable & Sendable>(
        _ json: inout JSONReader, in text: MappedFile, before end: Int?
    ) throws -> ReadOnAnotherThread<EntityTable<Element>> {
        json.skipWhitespace()
        let start = json.offset
        let storedTimelines = json.storedTimelines
        let repeatedValues = json.repeatedValues != nil
        try json.openArray()
        guard let middle = ArrayMiddle.middle(of: json, before: end) else {
            json.offset = start
            return ReadOnAnotherThread(finished: try table(&json, in: text))
        }
        let first = json.offset
        let head = ReadOnAnotherThread {
            var json = JSONReader(text.bytes, from: first)
            json.storedTimelines = storedTimelines
            if repeatedValues { json.repeatedValues = RepeatedValues() }
            var pages = PagesRead(of: text, from: json.offset)
            var elements = ChunkedArray<Element>()
            try json.readElements(before: middle) { json in
                elements.append(try Element(json: &json))
                pages.passed(json.offset)
            }
            return elements
        }
        json.offset = middle
        var pages = PagesRead(of: text, from: middle)
        do {
            var rest = ChunkedArray<Element>()
            try json.readElements { json in
                rest.append(try Element(json: &json))
                pages.passed(json.offset)
            }
            var elements = try head.value()
            elements.append(emptying: &rest)
            return ReadOnAnotherThread { [elements] in EntityTable(elements) }
        } catch {
            _ = try? head.value()
            // The guess at the middle can fall past a small array's end, into the next
            // table: then the array is read here, whole. Text that is truly not in the
            // store's shape fails again and goes to JSONDecoder.
            json.offset = start
            return ReadOnAnotherThread(finished: try table(&json, in: text))
        }
    }
}
