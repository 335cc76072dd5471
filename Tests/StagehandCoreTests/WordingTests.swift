import Foundation
import Testing
@testable import StagehandCore

@Suite struct CountedTests {
    @Test func oneIsSingularAndEveryOtherCountPlural() {
        #expect(counted(1, "email") == "1 email")
        #expect(counted(0, "email") == "0 emails" && counted(3, "email") == "3 emails")
        #expect(counted(2, "person", plural: "people") == "2 people")
    }

    @Test func aSentenceContinuedDoesNotDoubleItsPunctuation() {
        #expect(withoutFinalStop("The server closed the connection.") + "; trying again" == "The server closed the connection; trying again")
        #expect(withoutFinalStop("no stop") == "no stop")
    }

    @Test func aSentenceContinuedAfterAColonStartsSmallUnlessItStartsWithAnAcronym() {
        #expect("Not ready here: " + continuing("The SMTP password is not set.") == "Not ready here: the SMTP password is not set.")
        #expect(continuing("SMTP refused the login.") == "SMTP refused the login.")
        #expect(continuing("A CA file") == "a CA file")
        #expect(continuing("nothing answers") == "nothing answers")
    }
}

@Suite struct TimeWordingTests {
    @Test func aShortMomentNamesTheWeekdayAndTheMonthInTheWorkspacesTimeZone() throws {
        let ws = TestWorkspace.make()
        let date = try #require(ISO8601DateFormatter().date(from: "2026-12-03T09:01:00Z"))
        var utc = ws
        utc.setup.settings.timeZone = "UTC"
        #expect(utc.shortMoment(date) == "Thu 3 Dec 09:01")
        #expect(utc.moment(date) == "2026-12-03 09:01")
    }
}
