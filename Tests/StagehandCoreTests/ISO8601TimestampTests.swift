import Foundation
import Testing
@testable import StagehandCore

/// Timestamps in the state file are read without a formatter; where it reads
/// one, it must agree with the general parser JSONDecoder uses.
@Suite struct ISO8601TimestampTests {
    private static let general = Date.ISO8601FormatStyle()

    private static func date(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { ISO8601Timestamp.date(UnsafeRawBufferPointer($0)) }
    }

    @Test func roundTripsAndAgreesWithTheGeneralParser() throws {
        var random = SplitMix64(seed: 42)
        let fixed: [Double] = [
            0, -1, 951_782_400, 4_107_542_399, -2_208_988_800, -12_212_553_600, 253_402_300_799, 1_709_164_800,
        ]
        let drawn = (0..<2_000).map { _ in Double(random.int(-5_000_000_000...8_000_000_000)) }
        for seconds in fixed + drawn {
            let date = Date(timeIntervalSince1970: seconds)
            let text = Self.general.format(date)
            #expect(Self.date(text) == date, "\(text)")
            #expect(Self.date(text) == (try Self.general.parse(text)), "\(text)")
        }
    }

    @Test("Anything but exactly yyyy-MM-ddTHH:mm:ssZ in range is left to the general parser", arguments: [
        "", "2026-11-13T21:44:21", "2026-11-13T21:44:21z", "2026-11-13t21:44:21Z", "2026-11-13 21:44:21Z",
        "2026-11-13T21:44:21+00:00", "2026-11-13T21:44:21.000Z", "2026-1x-13T21:44:21Z", "+026-11-13T21:44:21Z",
        "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-02-29T00:00:00Z", "2100-02-29T00:00:00Z",
        "2026-04-31T00:00:00Z", "2026-11-00T00:00:00Z", "2026-11-13T24:00:00Z", "2026-11-13T23:60:00Z",
        "2026-11-13T23:59:60Z", "0000-01-01T00:00:00Z", "1582-10-14T00:00:00Z", "2026-11-13T21:44:21Z ",
        "２０２６-11-13T21:44:21Z",
    ])
    func junkIsRefused(text: String) {
        #expect(Self.date(text) == nil)
    }

    @Test func leapDaysAreRead() {
        #expect(Self.date("2024-02-29T12:00:00Z") == Date(timeIntervalSince1970: 1_709_208_000))
        #expect(Self.date("2000-02-29T00:00:00Z") == Date(timeIntervalSince1970: 951_782_400))
    }

    @Test("A date the general parser reads reads the same through JSONReader", arguments: [
        "2026-11-13T21:44:21Z", "2026-11-13T21:44:21+01:00", "2026-11-13T21:44:21.5Z", "2026-02-30T00:00:00Z",
    ])
    func otherFormsGoToTheGeneralParser(text: String) throws {
        let json = "[\"\(text)\"]"
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let expected = try decoder.decode([Date].self, from: Data(json.utf8))
        var copy = json
        let read = try copy.withUTF8 { buffer in
            var reader = JSONReader(UnsafeRawBufferPointer(buffer))
            return try reader.read([Date].self)
        }
        #expect(read == expected)
    }
}
