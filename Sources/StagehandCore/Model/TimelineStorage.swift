/// How a candidate holds their timeline: the entries, or where they lie in the
/// snapshot the candidate was loaded from (see `StoredTimelines`), read the
/// first time they are asked for.
///
/// If a stored timeline can no longer be read (the file was changed in place
/// behind Stagehand's back), it reads as empty, and a change to it keeps it
/// unreadable so that writing it throws: the change is refused, and the history
/// on disk is never replaced by an empty one.
struct TimelineStorage: Sendable, Equatable {
    private enum Form: Sendable {
        case entries([Activity])
        case stored(StoredTimelines, Range<Int>)
        case unreadable(StoredTimelines)
    }

    private var form: Form

    init(_ entries: [Activity]) {
        form = .entries(entries)
    }

    init(stored timelines: StoredTimelines, at range: Range<Int>) {
        form = .stored(timelines, range)
    }

    /// Where the entries lie, while they have not been read into this value.
    var stored: (timelines: StoredTimelines, range: Range<Int>)? {
        if case .stored(let timelines, let range) = form { (timelines, range) } else { nil }
    }

    var entries: [Activity] {
        get {
            switch form {
            case .entries(let entries): entries
            case .stored(let timelines, let range): timelines.activities(at: range) ?? []
            case .unreadable: []
            }
        }
        set {
            switch form {
            case .entries: form = .entries(newValue)
            case .stored(let timelines, let range):
                form = timelines.activities(at: range) == nil ? .unreadable(timelines) : .entries(newValue)
            case .unreadable: break
            }
        }
    }

    /// The entries, or why they cannot be read: to show (kept) or to write to a
    /// file (not kept), where an empty history must not stand in for one unread.
    func readableEntries(of candidate: String, keeping: Bool = true) throws -> [Activity] {
        switch form {
        case .entries(let entries): return entries
        case .stored(let timelines, let range):
            guard let entries = timelines.activities(at: range, keeping: keeping) else {
                throw StateFileError.changedUnderneath(path: timelines.path, candidate: candidate)
            }
            return entries
        case .unreadable(let timelines): throw StateFileError.changedUnderneath(path: timelines.path, candidate: candidate)
        }
    }

    /// Writes the entries; a stored timeline that would be written as it stands
    /// in the snapshot is copied from it, neither read nor written entry by entry.
    func write(to json: inout JSONWriter, of candidate: String) throws {
        if case .stored(let timelines, let range) = form, let indentation = json.indentation,
            let text = timelines.text(at: range, indentedBy: indentation)
        {
            return json.verbatim(text)
        }
        try json.array(readableEntries(of: candidate, keeping: false)) { try $1.write(to: &$0) }
    }

    /// Same entries; two timelines stored at one place are the same without reading them.
    static func == (lhs: Self, rhs: Self) -> Bool {
        if case .stored(let left, let leftRange) = lhs.form, case .stored(let right, let rightRange) = rhs.form,
            left === right, leftRange == rightRange
        {
            return true
        }
        return lhs.entries == rhs.entries
    }
}
