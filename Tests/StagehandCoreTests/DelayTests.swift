import Foundation
import Testing
@testable import StagehandCore

/// Spec §2: delay presets and custom durations such as `90m`, `36h`, `10d` or
/// `3bd` (business days skip Saturday and Sunday).
@Suite struct DelayTests {
    typealias T = TestWorkspace

    @Test("Durations people type", arguments: [
        ("90m", RelativeDuration(90, .minutes)),
        ("36h", RelativeDuration(36, .hours)),
        ("10d", RelativeDuration(10, .days)),
        ("1w", RelativeDuration(1, .weeks)),
        ("3bd", RelativeDuration(3, .businessDays)),
        ("2 business days", RelativeDuration(2, .businessDays)),
        ("1 business day", RelativeDuration(1, .businessDays)),
        ("1 hour", RelativeDuration(1, .hours)),
        ("30 minutes", RelativeDuration(30, .minutes)),
        ("  4H ", RelativeDuration(4, .hours)),
        ("2 weeks", RelativeDuration(2, .weeks)),
    ])
    func parses(text: String, expected: RelativeDuration) throws {
        #expect(try RelativeDuration(parsing: text) == expected)
    }

    @Test("Text that is no duration is refused with what was typed", arguments: [
        "-1h", "abc", "10x", "", "   ", "d", "1.5h", "2 business", "3 bds", "100001d",
    ])
    func refuses(text: String) {
        #expect(throws: StagehandError.invalidDuration(text)) { try RelativeDuration(parsing: text) }
    }

    @Test("Nothing at all is refused as such, not as a missing number or unit", arguments: ["0d", "0 bd", "00h"])
    func refusesZero(text: String) {
        let sentence = "'\(text)' is no time at all: a duration is at least 1 of its unit, such as 1d or 30m."
        #expect(throws: StagehandError.invalidAction(sentence)) { try RelativeDuration(parsing: text) }
    }

    @Test func anEmptyDueDayAsksForOne() {
        #expect(
            throws: StagehandError.invalidAction(
                "A task needs a due day: write a day such as 2026-12-01, or a time such as 3d, 36h or 2bd (business days).")
        ) { try TaskDue(parsing: " ") }
    }

    @Test func theRefusalSaysWhatToType() {
        let sentence = StagehandError.invalidDuration("10x").sentence
        #expect(sentence.contains("'10x'"))
        #expect(sentence.contains("3bd"))
    }

    @Test("Written and spelled out", arguments: [
        (RelativeDuration(30, .minutes), "30m", "30 minutes"),
        (RelativeDuration(1, .hours), "1h", "1 hour"),
        (RelativeDuration(1, .weeks), "1w", "1 week"),
        (RelativeDuration(2, .businessDays), "2bd", "2 business days"),
    ])
    func descriptions(duration: RelativeDuration, short: String, long: String) throws {
        #expect(duration.description == short)
        #expect(duration.spelledOut == long)
        #expect(try RelativeDuration(parsing: short) == duration)
    }

    @Test func thePresetsAreTheOnesTheSpecNames() {
        #expect(RelativeDuration.presets.map(\.spelledOut) == [
            "30 minutes", "1 hour", "4 hours", "1 day", "2 days", "3 days", "1 week", "2 business days",
        ])
    }

    // 2026-11-27 is a Friday, 2026-11-28 a Saturday, 2026-11-29 a Sunday.
    @Test("Business days skip Saturday and Sunday", arguments: [
        ("2026-11-27T10:00:00Z", 1, "2026-11-30T10:00:00Z"),  // Friday + 1 → Monday
        ("2026-11-27T10:00:00Z", 2, "2026-12-01T10:00:00Z"),  // Friday + 2 → Tuesday
        ("2026-11-28T10:00:00Z", 1, "2026-11-30T10:00:00Z"),  // Saturday + 1 → Monday
        ("2026-11-28T10:00:00Z", 2, "2026-12-01T10:00:00Z"),  // Saturday + 2 → Tuesday
        ("2026-11-29T10:00:00Z", 1, "2026-11-30T10:00:00Z"),  // Sunday + 1 → Monday
        ("2026-11-25T09:00:00Z", 3, "2026-11-30T09:00:00Z"),  // Wednesday + 3 → Monday
        ("2026-11-23T09:00:00Z", 5, "2026-11-30T09:00:00Z"),  // Monday + 5 → next Monday
        ("2026-11-26T09:00:00Z", 2, "2026-11-30T09:00:00Z"),  // Thursday + 2 → Monday
    ])
    func businessDays(start: String, amount: Int, expected: String) {
        let calendar = Settings().calendar
        #expect(RelativeDuration(amount, .businessDays).after(T.date(start), calendar: calendar) == T.date(expected))
    }

    @Test("Other units", arguments: [
        (RelativeDuration(90, .minutes), "2026-11-27T11:30:00Z"),
        (RelativeDuration(36, .hours), "2026-11-28T22:00:00Z"),
        (RelativeDuration(10, .days), "2026-12-07T10:00:00Z"),
        (RelativeDuration(1, .weeks), "2026-12-04T10:00:00Z"),
        (RelativeDuration(2, .days), "2026-11-29T10:00:00Z"),  // calendar days do not skip weekends
    ])
    func otherUnits(duration: RelativeDuration, expected: String) {
        let friday = T.date("2026-11-27T10:00:00Z")
        #expect(duration.after(friday, calendar: Settings().calendar) == T.date(expected))
    }

    @Test func businessDaysAreCountedInTheWorkspaceTimeZone() {
        // Friday 23:30 in New York is already Saturday in UTC.
        let settings = Settings(timeZone: "America/New_York")
        let fridayEvening = T.date("2026-11-28T04:30:00Z")
        #expect(
            RelativeDuration(1, .businessDays).after(fridayEvening, calendar: settings.calendar)
                == T.date("2026-12-01T04:30:00Z"))
    }

    @Test("Delayed emails wait from the stage entry", arguments: [
        // An Interview reminder is due 1 hour after entry; an Offer follow-up 2 business days after.
        (T.interview, "2026-11-27T16:00:00Z", "2026-11-27T17:00:00Z"),
        (T.offer, "2026-11-27T16:00:00Z", "2026-12-01T16:00:00Z"),
        (T.offer, "2026-11-25T09:00:00Z", "2026-11-27T09:00:00Z"),
    ])
    func delayedEmailsAreDueAtEntryPlusDelay(stage: StageID, entered: String, due: String) throws {
        var ws = T.make()
        let entry = T.date(entered)
        try ws.moveTo(stage, T.alice, grace: 3, now: entry)
        // The board was closed for a while: the run only starts ten minutes later.
        ws.advanceRuns(now: entry.addingTimeInterval(600))
        let delayed = try #require(ws.emails(of: T.alice).first { $0.dueAt != entry.addingTimeInterval(600) })
        #expect(delayed.dueAt == T.date(due))
    }

    @Test func aDelayIsStoredAsItsShortForm() throws {
        let data = try JSONEncoder().encode([RelativeDuration(2, .businessDays)])
        #expect(String(decoding: data, as: UTF8.self) == #"["2bd"]"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([RelativeDuration].self, from: Data(#"["2x"]"#.utf8)) }
    }
}
