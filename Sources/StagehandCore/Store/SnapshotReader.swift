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
    static func snapshot(
        in text: MappedFile, schemaVersion: Int, decoder: JSONDecoder, storedTimelines: StoredTimelines? = nil
    ) -> Snapshot? {
        var json = JSONReader(text.bytes, decoder: decoder)
        json.storedTimelines = storedTimelines
        var generation: String?, version: Int?, workspace: Workspace?
        do {
            try json.readObject { key, json in
                switch key {
                case "generation": generation = try json.read()
                case "schemaVersion":
                    version = try json.read()
                    // Before the workspace, as the keys are sorted: no time is spent on a file to upgrade.
                    guard version == schemaVersion else { throw JSONReader.Unreadable() }
                case "workspace": workspace = try readWorkspace(&json, in: text)
                default: throw JSONReader.Unreadable()
                }
            }
        } catch {
            return nil
        }
        guard json.isAtEnd(), let generation, let version, let workspace else { return nil }
        return Snapshot(schemaVersion: version, generation: generation, workspace: workspace)
    }

    private static func readWorkspace(_ json: inout JSONReader, in text: MappedFile) throws -> Workspace {
        var setup: WorkspaceSetup?, counter: Int?, candidateHead: ArrayHead<Candidate>?, candidates: [Candidate]?
        var tasks: [CandidateTask]?, evaluationRequests: [EvaluationRequest]?, emails: [OutgoingEmail]?
        var actionRuns: [ActionRun]?
        // A snapshot refused after the head started must not return while that thread
        // still reads the file: someone may rewrite it in place next (a SIGBUS then).
        defer { _ = try? candidateHead?.elements() }
        try json.readObject { key, json in
            switch key {
            case "actionRuns": actionRuns = try read(&json, in: text)
            case "candidates": (candidateHead, candidates) = try readSplitting(&json, in: text)
            case "counter": counter = try json.read()
            case "emails": emails = try read(&json, in: text)
            case "evaluationRequests": evaluationRequests = try read(&json, in: text)
            case "setup": setup = try json.decode(WorkspaceSetup.self)
            case "tasks": tasks = try read(&json, in: text)
            default: throw JSONReader.Unreadable()
            }
        }
        guard let setup, let counter, var candidates, let tasks, let evaluationRequests, let emails, let actionRuns
        else { throw JSONReader.Unreadable() }
        if let candidateHead { candidates = try candidateHead.elements() + candidates }
        return Workspace(
            setup: setup, counter: counter, candidates: candidates, tasks: tasks,
            evaluationRequests: evaluationRequests, emails: emails, actionRuns: actionRuns)
    }

    /// An array's elements, read here.
    private static func read<Element: JSONReadable>(_ json: inout JSONReader, in text: MappedFile) throws
        -> [Element]
    {
        var elements: [Element] = []
        var pages = PagesRead(of: text, from: json.offset)
        try json.readArray { json in
            elements.append(try Element(json: &json))
            pages.passed(json.offset)
        }
        return elements
    }

    /// An array's elements: its head started on another thread when the array is
    /// large and pretty-printed, and the rest read here.
    private static func readSplitting<Element: JSONReadable & Sendable>(
        _ json: inout JSONReader, in text: MappedFile
    ) throws -> (head: ArrayHead<Element>?, rest: [Element]) {
        let start = json.offset
        try json.openArray()
        guard let middle = ArrayHead<Element>.middle(of: json) else {
            json.offset = start
            return (nil, try read(&json, in: text))
        }
        let head = ArrayHead<Element>(of: text, from: json.offset, to: middle, storedTimelines: json.storedTimelines)
        json.offset = middle
        var rest: [Element] = []
        var pages = PagesRead(of: text, from: middle)
        do {
            try json.readElements { json in
                rest.append(try Element(json: &json))
                pages.passed(json.offset)
            }
        } catch {
            _ = try? head.elements()
            // The guess at the middle can fall past a small array's end, into the next
            // table: then the array is read here, whole. Text that is truly not in the
            // store's shape fails again and goes to JSONDecoder.
            json.offset = start
            return (nil, try read(&json, in: text))
        }
        return (head, rest)
    }
}
