import Foundation
import Testing
@testable import StagehandCore

/// JSONReader reads a strict subset of JSON and gives JSONDecoder's values for it.
@Suite struct JSONReaderTests {
    private static func read<Value: JSONReadable>(_ text: String, as type: Value.Type) throws -> Value {
        var text = text
        return try text.withUTF8 { buffer in
            var reader = JSONReader(UnsafeRawBufferPointer(buffer))
            let value = try reader.read(type)
            guard reader.isAtEnd() else { throw JSONReader.Unreadable() }
            return value
        }
    }

    private static func decoded<Value: Decodable>(_ text: String, as type: Value.Type) throws -> Value {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    @Test("Strings read as JSONDecoder reads them", arguments: [
        #""plain""#, #""""#, #""Zoë Müller""#, #""tab\tline\nreturn\r""#, #""\"quoted\" back\\slash \/""#,
        #""\u00e9\u0000\u001F \ud83d\ude00 \b\f""#, "\"😀 – “quoted”\"",
    ])
    func strings(text: String) throws {
        #expect(try Self.read(text, as: String.self) == (try Self.decoded(text, as: String.self)))
    }

    /// A stored timeline is stepped over to its own closing bracket: not one inside
    /// a string, nor one of an array within it, nor one indented differently.
    @Test("A written array is stepped over to its own closing bracket", arguments: [
        "  \"timeline\" : [\n\n  ],\n  \"next\" : 1",
        "  \"timeline\" : [\n    {\n      \"text\" : \"a ] b \\n  ] c\"\n    }\n  ],\n  \"next\" : 1",
        "  \"timeline\" : [\n    {\n      \"tags\" : [\n        \"x\"\n      ]\n    },\n    [\n\n    ]\n  ],\n  \"next\" : 1",
    ])
    func writtenArrays(text: String) throws {
        var text = text
        let expected = try #require(text.range(of: "  ],")).lowerBound
        let end = text.utf8.distance(from: text.utf8.startIndex, to: expected) + 3
        let start = text.utf8.distance(from: text.utf8.startIndex, to: try #require(text.firstIndex(of: "[")))
        let skipped = try text.withUTF8 { buffer in
            var reader = JSONReader(UnsafeRawBufferPointer(buffer), from: start)
            return try reader.skipWrittenArray()
        }
        #expect(skipped == start..<end)
    }

    @Test func aWrittenArrayWithoutItsClosingLineIsRefused() throws {
        var text = "  \"timeline\" : [\n    {\n      \"text\" : \"]\"\n    }\n    ]"
        #expect(throws: JSONReader.Unreadable.self) {
            try text.withUTF8 { buffer in
                var reader = JSONReader(UnsafeRawBufferPointer(buffer), from: 15)
                _ = try reader.skipWrittenArray()
            }
        }
    }

    @Test("Strings JSON forbids are refused", arguments: [
        "\"raw\nnewline\"", "\"unterminated", #""\x41""#, #""\ud83d alone""#, #""\ude00 alone""#, #""\u12g4""#,
    ])
    func badStrings(text: String) {
        #expect(throws: JSONReader.Unreadable.self) { try Self.read(text, as: String.self) }
    }

    @Test func invalidUTF8IsRefused() {
        let bytes: [UInt8] = [0x22, 0x61, 0xFF, 0x62, 0x22]
        var text = bytes
        #expect(throws: JSONReader.Unreadable.self) {
            try text.withUnsafeMutableBytes { buffer in
                var reader = JSONReader(UnsafeRawBufferPointer(buffer))
                return try reader.read(String.self)
            }
        }
    }

    @Test("Whole numbers read as JSONDecoder reads them", arguments: ["0", "7", "-12", "9223372036854775807", " 42 "])
    func integers(text: String) throws {
        #expect(try Self.read(text, as: Int.self) == (try Self.decoded(text, as: Int.self)))
    }

    @Test("Numbers JSON forbids, or that JSONDecoder should judge, are refused", arguments: [
        "01", "-", "1.0", "1e2", "2E1", "9223372036854775808", "+1", "", "x",
    ])
    func otherNumbers(text: String) {
        #expect(throws: JSONReader.Unreadable.self) { try Self.read(text, as: Int.self) }
    }

    @Test func literalsAndOptionals() throws {
        #expect(try Self.read("true", as: Bool.self) == true)
        #expect(try Self.read("false", as: Bool.self) == false)
        #expect(try Self.read("null", as: String?.self) == nil)
        #expect(try Self.read(#""x""#, as: String?.self) == "x")
        #expect(try Self.read(#"[ "a" , null ]"#, as: [String?].self) == ["a", nil])
        #expect(throws: JSONReader.Unreadable.self) { try Self.read("tru", as: Bool.self) }
        #expect(throws: JSONReader.Unreadable.self) { try Self.read("nul", as: String?.self) }
    }

    @Test func objectKeysMustAscendAndBeKnown() throws {
        let activity = #"{"at":"2026-11-13T21:44:21Z","automatic":false,"id":"act-1","kind":"note","text":"Hi"}"#
        let decoded = try CodableTests.decoder().decode(Activity.self, from: Data(activity.utf8))
        #expect(try Self.read(activity, as: Activity.self) == decoded)
        let swapped = #"{"automatic":false,"at":"2026-11-13T21:44:21Z","id":"act-1","kind":"note","text":"Hi"}"#
        #expect(throws: JSONReader.Unreadable.self) { try Self.read(swapped, as: Activity.self) }
        let twice = #"{"at":"2026-11-13T21:44:21Z","automatic":false,"id":"act-1","id":"act-2","kind":"note","text":"Hi"}"#
        #expect(throws: JSONReader.Unreadable.self) { try Self.read(twice, as: Activity.self) }
        let unknown = #"{"at":"2026-11-13T21:44:21Z","automatic":false,"id":"act-1","kind":"note","mood":"ok","text":"Hi"}"#
        #expect(throws: JSONReader.Unreadable.self) { try Self.read(unknown, as: Activity.self) }
        let missing = #"{"at":"2026-11-13T21:44:21Z","id":"act-1","kind":"note","text":"Hi"}"#
        #expect(throws: JSONReader.Unreadable.self) { try Self.read(missing, as: Activity.self) }
    }

    @Test func skippingAValueAnswersWhereItStands() throws {
        var text = #"{"a" : [1, {"b": "]}\""}, null] , "c" : "d", "e" : 12}"#
        try text.withUTF8 { buffer in
            var reader = JSONReader(UnsafeRawBufferPointer(buffer))
            var skipped: [String] = []
            try reader.readObject { _, json in
                let range = try json.skipValue()
                skipped.append(String(decoding: UnsafeRawBufferPointer(rebasing: json.text[range]), as: UTF8.self))
            }
            #expect(skipped == [#"[1, {"b": "]}\""}, null]"#, #""d""#, "12"])
        }
    }
}
