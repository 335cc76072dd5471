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
    /// With `candidatesArray`, where the index says the candidates' array stands,
    /// all of it is read on a second thread while this one reads the other tables.
    static func snapshot(
        in text: MappedFile, schemaVersion: Int, decoder: JSONDecoder, storedTimelines: StoredTimelines? = nil,
        candidatesArray: Range<Int>? = nil
    ) -> Snapshot? {
        var json = JSONReader(text.bytes, decoder: decoder)
        json.storedTimelines = storedTimelines
        json.repeatedTexts = RepeatedTexts()
        var generation: String?, version: Int?, workspace: Workspace?
        do {
            try json.readObject { key, json in
                switch key {
                case "generation": generation = try json.read()
                case "schemaVersion":
                    version = try json.read()
                    // Before the workspace, as the keys are sorted: no time is spent on a file to upgrade.
                    guard version == schemaVersion else { throw JSONReader.Unreadable() }
                case "workspace": workspace = try readWorkspace(&json, in: text, candidatesArray: candidatesArray)
                default: throw JSONReader.Unreadable()
                }
            }
        } catch {
            return nil
        }
        guard json.isAtEnd(), let generation, let version, let workspace else { return nil }
        return Snapshot(schemaVersion: version, generation: generation, workspace: workspace)
    }

    private static func readWorkspace(
        _ json: inout JSONReader, in text: MappedFile, candidatesArray: Range<Int>?
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
            case "candidates": candidates = try readElsewhere(&json, in: text, array: candidatesArray)
            case "counter": counter = try json.read()
            case "emails": emails = try table(&json, in: text)
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

    /// A large array read on another thread: all of it when `array` says where it
    /// ends (this reader goes on from there), or else its first half when it is
    /// pretty-printed (this reader reads the second). Its elements as a table.
    private static func readElsewhere<Element: JSONReadable & Sendable>(
        _ json: inout JSONReader, in text: MappedFile, array: Range<Int>?
    ) throws -> ReadOnAnotherThread<EntityTable<Element>> {
        json.skipWhitespace()
        let start = json.offset
        let storedTimelines = json.storedTimelines
        if let array, array.lowerBound == start, array.upperBound <= text.bytes.count {
            json.offset = array.upperBound
            return ReadOnAnotherThread {
                var json = JSONReader(text.bytes, from: start)
                json.storedTimelines = storedTimelines
                let elements: EntityTable<Element> = try table(&json, in: text)
                guard json.offset == array.upperBound else { throw JSONReader.Unreadable() }
                return elements
            }
        }
        try json.openArray()
        guard let middle = ArrayMiddle.middle(of: json) else {
            json.offset = start
            return ReadOnAnotherThread(finished: try table(&json, in: text))
        }
        let first = json.offset
        let head = ReadOnAnotherThread {
            var json = JSONReader(text.bytes, from: first)
            json.storedTimelines = storedTimelines
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
            for element in rest { elements.append(element) }
            // Indexed there, while this reader goes on to the next table.
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
