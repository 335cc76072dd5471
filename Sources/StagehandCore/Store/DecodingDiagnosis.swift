import Foundation

/// What is wrong with a document that failed to decode, and where: the first
/// syntax error if there is one, else the coding path of the value that has
/// the wrong shape (located in the text when it can be found).
struct DecodingDiagnosis {
    var location: TextLocation?
    var codingPath: String?
    var problem: String

    /// `text` is what was decoded, or nil when it was rewritten first (by a
    /// schema upgrade) so that offsets into it would mean nothing to the user.
    init(_ error: any Error, text: Data?) {
        if let text, let syntax = JSONSyntaxScanner.firstError(in: text) {
            location = JSONSyntaxScanner.location(of: syntax.offset, in: text)
            problem = syntax.problem
            return
        }
        guard let error = error as? DecodingError else {
            problem = "\(error)"
            return
        }
        let valuePath: [any CodingKey]
        var fieldPath: [any CodingKey]? = nil
        switch error {
        case .typeMismatch(let type, let context):
            valuePath = context.codingPath
            let found = text.flatMap { text in
                JSONSyntaxScanner.offset(of: valuePath, in: text).flatMap {
                    JSONSyntaxScanner.kindOfValue(at: $0, in: text)
                }
            }
            problem = "expected \(Self.phrase(for: type))" + (found.map { " but found \($0)" } ?? "")
        case .valueNotFound(let type, let context):
            valuePath = context.codingPath
            problem = "expected \(Self.phrase(for: type)) but found null"
        case .keyNotFound(let key, let context):
            // Points at the object that lacks the field.
            valuePath = context.codingPath
            problem = "the required field \"\(key.stringValue)\" is missing"
            fieldPath = valuePath + [key]
        case .dataCorrupted(let context):
            valuePath = context.codingPath
            problem = Self.sentenceFragment(context.debugDescription)
        @unknown default:
            valuePath = []
            problem = "\(error)"
        }
        let path = fieldPath ?? valuePath
        codingPath = path.isEmpty ? nil : Self.text(of: path)
        if let text, let offset = JSONSyntaxScanner.offset(of: valuePath, in: text) {
            location = JSONSyntaxScanner.location(of: offset, in: text)
        }
    }

    /// `workspace.candidates[12].placements[0].stage`
    static func text(of path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    private static func phrase(for type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is any BinaryInteger.Type: "a whole number"
        case is any BinaryFloatingPoint.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        case is [String: Any].Type: "an object"
        default: "a \(type)"
        }
    }

    /// Foundation's descriptions are whole sentences; ours embed them.
    private static func sentenceFragment(_ description: String) -> String {
        // An enum's unknown case, said in Swift's words ("Cannot initialize ActivityKind
        // from invalid String value wibble"): said as what it is to someone editing the file.
        let unknownCase = /Cannot initialize \w+ from invalid String value (.*)/
        if let match = description.wholeMatch(of: unknownCase) {
            return "\"\(match.1)\" is not one of the values this field takes"
        }
        var text = description.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix(".") { text.removeLast() }
        guard let first = text.first else { return "the value is not valid" }
        return first.lowercased() + text.dropFirst()
    }
}
