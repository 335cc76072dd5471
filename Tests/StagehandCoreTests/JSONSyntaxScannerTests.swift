import Foundation
import Testing
@testable import StagehandCore

@Suite struct JSONSyntaxScannerTests {
    private func firstError(_ text: String) -> (line: Int, column: Int, problem: String)? {
        let data = Data(text.utf8)
        guard let error = JSONSyntaxScanner.firstError(in: data) else { return nil }
        let location = JSONSyntaxScanner.location(of: error.offset, in: data)
        return (location.line, location.column, error.problem)
    }

    @Test func validTextHasNoError() {
        #expect(firstError(#"{"a": [1, -2.5e3, true, false, null, "x\n\u00e9\ud83d\ude00"], "b": {}}"#) == nil)
        #expect(firstError("  [ ]\n") == nil)
    }

    @Test func invalidUTF8InAStringIsAnError() throws {
        let data = Data("[\"ok\", \"é".utf8) + Data([0xE9, 0x22, 0x5D])
        let error = try #require(JSONSyntaxScanner.firstError(in: data))
        #expect(JSONSyntaxScanner.location(of: error.offset, in: data) == TextLocation(line: 1, column: 10))
        #expect(error.problem == "the text is not valid UTF-8 here; save the file as UTF-8")
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 8, "a comma stands before '}', which JSON does not allow"),
        ("[1, 2\n 3]", 2, 2, "expected ',' or ']' after an array element but found '3'"),
        ("{\"a\" 1}", 1, 6, "expected ':' after the property name \"a\" but found '1'"),
        ("{a: 1}", 1, 2, "expected a property name in double quotes but found 'a'"),
        ("{\"a\": tru}", 1, 7, "expected a value (an object, array, string, number, true, false or null) but found 'tru'"),
        ("[01]", 1, 3, "a number starts with 0 followed by more digits, which JSON does not allow"),
        ("[1.]", 1, 4, "expected a digit after the decimal point but found ']'"),
        ("[\"é\\q\"]", 1, 4, "'\\q' is not a valid escape in a string"),
        ("[\"a\nb\"]", 1, 4, "a string contains a line break; write it as an escape such as \\n"),
        ("{\"a\": [1, 2", 1, 12, "expected ',' or ']' after an array element but found the end of the file"),
        ("{\"a\": \"open", 1, 12, "the file ends inside a string (a closing '\"' is missing)"),
        ("{} {}", 1, 4, "there is more text after the end of the JSON document"),
        ("", 1, 1, "the file ends where a value was expected"),
    ])
    func findsTheFirstError(text: String, line: Int, column: Int, problem: String) throws {
        let error = try #require(firstError(text))
        #expect(error.line == line)
        #expect(error.column == column)
        #expect(error.problem == problem)
    }

    @Test func locatesACodingPath() throws {
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int?
            init(stringValue: String) { self.stringValue = stringValue }
            init(intValue: Int) {
                stringValue = "Index \(intValue)"
                self.intValue = intValue
            }
        }
        let text = """
            {"skip": {"x": [1, {"y": 2}]},
             "list": [
               {"name": "a"},
               {"na\\u006de": "b", "stage": 42}
             ]}
            """
        let data = Data(text.utf8)
        let path: [any CodingKey] = [Key(stringValue: "list"), Key(intValue: 1), Key(stringValue: "stage")]
        let offset = try #require(JSONSyntaxScanner.offset(of: path, in: data))
        #expect(JSONSyntaxScanner.location(of: offset, in: data) == TextLocation(line: 4, column: 32))
        #expect(JSONSyntaxScanner.kindOfValue(at: offset, in: data) == "a number")
        #expect(JSONSyntaxScanner.offset(of: [Key(stringValue: "missing")], in: data) == nil)
    }
}
