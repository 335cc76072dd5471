import Foundation

/// What team members write and change about a candidate by hand: notes, tags,
/// following, and contact details.
extension Workspace {
    /// A note by `member` (anyone on the team), on the timeline with them as author.
    public mutating func addNote(_ candidateID: CandidateID, text: String, job: JobID? = nil, by member: MemberID, now: Date) throws {
        try requireMember(member)
        guard candidates[candidateID] != nil else { throw StagehandError.notFound(kind: "candidate", name: candidateID.rawValue) }
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw StagehandError.invalidAction("A note needs some text.") }
        try TextLimit.check(text, "A note", limit: TextLimit.body)
        let activityID: ActivityID = makeID("act")
        candidates.modify(candidateID) {
            $0.timeline.append(Activity(id: activityID, at: now, kind: .note, author: member, automatic: false, text: text, job: job))
        }
    }

    /// Adds and removes tags (anyone on the team); each tag is checked (`Tag.check`).
    /// - Returns: the tags added and the tags removed.
    @discardableResult
    public mutating func tag(
        _ candidateID: CandidateID, adding: [String], removing: [String], by member: MemberID, now: Date
    ) throws -> (added: [String], removed: [String]) {
        try requireMember(member)
        guard let candidate = candidates[candidateID] else { throw StagehandError.notFound(kind: "candidate", name: candidateID.rawValue) }
        let adding = spellingsInUse(of: try adding.map(Tag.check))
        let removing = try removing.map(Tag.check)
        guard !adding.isEmpty || !removing.isEmpty else { throw StagehandError.invalidAction("Name a tag to add or to remove.") }
        if let both = adding.first(where: { tag in removing.contains { Tag.same($0, tag) } }) {
            throw StagehandError.invalidAction("'\(both)' is both to add and to remove: say one of them.")
        }
        var removed: [String] = []
        for tag in removing {
            guard let kept = candidate.tags.first(where: { Tag.same($0, tag) }) else {
                throw StagehandError.invalidAction("\(candidate.name) has no tag '\(tag)': nothing to remove.")
            }
            if !removed.contains(kept) { removed.append(kept) }
        }
        var added: [String] = []
        candidates.modify(candidateID) {
            $0.tags.removeAll { removed.contains($0) }
            added = $0.addTags(adding)
        }
        removed.removeAll { tag in added.contains { Tag.same($0, tag) } }
        if !added.isEmpty { record(.tagged, candidateID, by: member, now: now, text: "Tagged \(added.joined(separator: ", "))") }
        if !removed.isEmpty { record(.untagged, candidateID, by: member, now: now, text: "Untagged \(removed.joined(separator: ", "))") }
        return (added, removed)
    }

    /// Each tag as it is already spelled on some candidate ("relocation" for a typed
    /// "Relocation"), so that one tag does not show in two spellings; a new tag as typed.
    func spellingsInUse(of tags: [String]) -> [String] {
        var spelled = tags
        var missing = Set(tags.indices)
        for candidate in candidates where !missing.isEmpty {
            for tag in candidate.tags {
                for index in missing where Tag.same(tag, tags[index]) {
                    spelled[index] = tag
                    missing.remove(index)
                }
            }
        }
        return spelled
    }

    /// `member` follows the candidate: news about them shows in My work. Following
    /// someone already followed changes nothing.
    /// - Returns: whether it changed anything.
    @discardableResult
    public mutating func follow(_ candidateID: CandidateID, by member: MemberID, now: Date) throws -> Bool {
        try requireMember(member)
        guard candidates[candidateID] != nil else { throw StagehandError.notFound(kind: "candidate", name: candidateID.rawValue) }
        var added: [MemberID] = []
        candidates.modify(candidateID) { added = $0.addFollowers([member]) }
        guard !added.isEmpty else { return false }
        record(.followed, candidateID, by: member, now: now, text: "Started following")
        return true
    }

    /// - Returns: whether it changed anything.
    @discardableResult
    public mutating func unfollow(_ candidateID: CandidateID, by member: MemberID, now: Date) throws -> Bool {
        try requireMember(member)
        guard let candidate = candidates[candidateID] else { throw StagehandError.notFound(kind: "candidate", name: candidateID.rawValue) }
        guard candidate.followers.contains(member) else { return false }
        candidates.modify(candidateID) { $0.followers.removeAll { $0 == member } }
        record(.unfollowed, candidateID, by: member, now: now, text: "Stopped following")
        return true
    }

    /// Changes a candidate's name, email address (an empty one removes it) or
    /// do-not-email flag; `nil` keeps a part. Needs the permission for moving candidates.
    public mutating func editContact(
        _ candidateID: CandidateID, name: String? = nil, email: String? = nil, doNotEmail: Bool? = nil, by member: MemberID,
        now: Date
    ) throws {
        try requireMember(member)
        try require([.moveCandidates], of: member, toDo: "change candidates' contact details")
        guard let candidate = candidates[candidateID] else { throw StagehandError.notFound(kind: "candidate", name: candidateID.rawValue) }
        var changes: [String] = []
        var newName = candidate.name
        if let name {
            newName = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !newName.isEmpty else { throw StagehandError.invalidAction("A candidate needs a name.") }
            try TextLimit.check(newName, "A candidate's name", limit: TextLimit.name)
            if newName != candidate.name { changes.append("name \(candidate.name) → \(newName)") }
        }
        var newEmail = candidate.email
        if let email {
            let address = email.trimmingCharacters(in: .whitespacesAndNewlines)
            if !address.isEmpty, !Self.looksLikeEmail(address) {
                throw StagehandError.invalidAction("'\(address)' is not an email address: use the form name@example.com.")
            }
            if !address.isEmpty,
                let other = candidates.first(where: { $0.id != candidateID && $0.email?.caseInsensitiveCompare(address) == .orderedSame })
            {
                throw StagehandError.invalidAction("\(other.name) has the address \(address) already: one address belongs to one candidate.")
            }
            newEmail = address.isEmpty ? nil : address
            if newEmail != candidate.email { changes.append("email \(candidate.email ?? "none") → \(newEmail ?? "none")") }
        }
        if let doNotEmail, doNotEmail != candidate.doNotEmail {
            changes.append(doNotEmail ? "marked do not email" : "emails allowed again")
        }
        guard !changes.isEmpty else { throw StagehandError.invalidAction("Nothing to change: the details are as given.") }
        candidates.modify(candidateID) {
            $0.name = newName
            $0.email = newEmail
            if let doNotEmail { $0.doNotEmail = doNotEmail }
        }
        record(.contactEdited, candidateID, by: member, now: now, text: "Contact details: " + changes.joined(separator: "; "))
    }

    /// A timeline entry for something a team member did by hand.
    private mutating func record(_ kind: ActivityKind, _ candidateID: CandidateID, by member: MemberID, now: Date, text: String) {
        let activityID: ActivityID = makeID("act")
        candidates.modify(candidateID) {
            $0.timeline.append(Activity(id: activityID, at: now, kind: kind, author: member, automatic: false, text: text))
        }
    }
}

/// A tag is one word-ish token: `senior`, `take-home`, `relocation_ok`.
public enum Tag {
    /// The tag as it is kept, or a refusal that says what is wrong with it.
    public static func check(_ text: String) throws -> String {
        let tag = text.trimmingCharacters(in: .whitespaces)
        guard !tag.isEmpty else { throw StagehandError.invalidAction("A tag cannot be empty.") }
        try TextLimit.check(tag, "A tag", limit: TextLimit.name)
        if tag.contains("#") {
            throw StagehandError.invalidAction("'\(tag)' holds a #: write the tag without it (the board shows the # itself).")
        }
        if tag.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) {
            throw StagehandError.invalidAction("'\(tag)' holds a space or a control character: a tag is one word, such as take-home.")
        }
        return tag
    }

    /// Tags differ only in letters' case are one tag: `Senior` is `senior`.
    public static func same(_ one: String, _ other: String) -> Bool {
        one.compare(other, options: .caseInsensitive) == .orderedSame
    }
}
