/// How long a name or a text typed into Stagehand may be: far above anything
/// real, low enough that a paste gone wrong (a whole CV as a name, a template
/// pasted twenty thousand times) is refused with a sentence instead of making
/// every screen slow and every email it fills in enormous.
public enum TextLimit {
    /// Candidates, jobs, stages, reasons, templates, tags, sources, task titles.
    public static let name = 200
    public static let subject = 300
    /// Template bodies and notes.
    public static let body = 50_000

    /// Refuses `text` longer than `limit` characters; `what` starts the sentence ("A candidate's name").
    static func check(_ text: String, _ what: String, limit: Int) throws {
        // Counting stops early: a huge paste is refused without walking all of it.
        let count = text.prefix(limit + 1).count
        guard count > limit else { return }
        throw StagehandError.invalidAction("\(what) may be at most \(limit) characters long: shorten it.")
    }
}
