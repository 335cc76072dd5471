import Foundation

/// Reads the timestamps the state file is full of, `2026-11-28T09:30:00Z`,
/// without a formatter: a 10,000-candidate snapshot holds over 100,000 of them,
/// and the general ISO 8601 parser spent a tenth of the load on them.
enum ISO8601Timestamp {
    /// The date of exactly `yyyy-MM-ddTHH:mm:ssZ` with every field in range, else
    /// nil: the caller asks the general parser, which knows the other forms and
    /// decides what out-of-range fields mean. So do years before 1583: there
    /// Foundation's Gregorian calendar turns Julian.
    static func date(_ text: UnsafeRawBufferPointer) -> Date? {
        guard text.count == 20, text[4] == dash, text[7] == dash, text[10] == letterT, text[13] == colon,
            text[16] == colon, text[19] == letterZ,
            let year = number(text, 0, 4), let month = number(text, 5, 2), let day = number(text, 8, 2),
            let hour = number(text, 11, 2), let minute = number(text, 14, 2), let second = number(text, 17, 2),
            year >= 1583, (1...12).contains(month), day >= 1, day <= days(inMonth: month, of: year),
            hour < 24, minute < 60, second < 60
        else { return nil }
        let seconds = daysSince1970(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
        return Date(timeIntervalSince1970: Double(seconds))
    }

    private static let dash = UInt8(ascii: "-")
    private static let colon = UInt8(ascii: ":")
    private static let letterT = UInt8(ascii: "T")
    private static let letterZ = UInt8(ascii: "Z")

    private static func number(_ text: UnsafeRawBufferPointer, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for offset in start..<start + count {
            let digit = Int(text[offset]) - 48
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    private static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's
    /// `days_from_civil`): years counted from March, so the leap day comes last.
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let marchYear = month <= 2 ? year - 1 : year
        let era = marchYear / 400
        let yearOfEra = marchYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
