import Foundation

/// Reads a theme file. The format (documented in the README):
///
///     { "name": "light",
///       "styles": { "header": { "fg": "white", "bg": 24, "bold": true }, … } }
///
/// Colours are a name (`black`, `red`, …, `bright-white`), a number 0–255 or `default`.
public enum ThemeFile {
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public var file: String
        public var field: String?
        public var detail: String

        public var description: String {
            let place = field.map { "\(file), field \($0)" } ?? file
            return "Theme \(place): \(detail); using the default theme."
        }
    }

    /// A theme by name: `NAME.json` in the first of `folders` that has one, else
    /// one shipped with Stagehand.
    public static func load(named name: String, from folders: [URL]) throws(Problem) -> Theme {
        if name == Theme.defaultDark.name { return .defaultDark }
        for folder in folders {
            let url = folder.appendingPathComponent("\(name).json")
            if let data = FileManager.default.contents(atPath: url.path) {
                return try parse(data, file: url.path)
            }
        }
        if let shipped = ShippedThemes.texts[name] { return try parse(Data(shipped.utf8), file: "Themes/\(name).json") }
        throw Problem(file: name, field: nil, detail: "no such theme (known: \(available(in: folders).joined(separator: ", ")))")
    }

    /// The theme names found in `folders` and shipped, each once (the same folder
    /// may be reached two ways).
    public static func available(in folders: [URL]) -> [String] {
        let names = folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }
        }
        return Set(names + ShippedThemes.texts.keys + [Theme.defaultDark.name]).sorted()
    }

    public static func parse(_ data: Data, file: String) throws(Problem) -> Theme {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Problem(file: file, field: nil, detail: "it is not a JSON object")
        }
        guard let name = object["name"] as? String else {
            throw Problem(file: file, field: "name", detail: "a theme needs a name")
        }
        guard let styles = object["styles"] as? [String: Any] else {
            throw Problem(file: file, field: "styles", detail: "expected an object of styles by role")
        }
        var theme = Theme(name: name, styles: [:])
        for (key, value) in styles {
            guard let role = Theme.Role(rawValue: key) else {
                throw Problem(file: file, field: "styles.\(key)", detail: "unknown role; roles are \(Theme.Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let fields = value as? [String: Any] else {
                throw Problem(file: file, field: "styles.\(key)", detail: "expected an object such as {\"fg\": \"white\"}")
            }
            theme.styles[role] = try style(fields, field: "styles.\(key)", file: file)
        }
        return theme
    }

    private static func style(_ fields: [String: Any], field: String, file: String) throws(Problem) -> Style {
        var style = Style()
        for (key, value) in fields {
            switch key {
            case "fg": style.foreground = try color(value, field: "\(field).fg", file: file)
            case "bg": style.background = try color(value, field: "\(field).bg", file: file)
            case "bold", "reverse", "underline", "dim":
                guard let flag = value as? Bool else {
                    throw Problem(file: file, field: "\(field).\(key)", detail: "expected true or false")
                }
                switch key {
                case "bold": style.bold = flag
                case "reverse": style.reverse = flag
                case "underline": style.underline = flag
                default: style.dim = flag
                }
            default:
                throw Problem(file: file, field: "\(field).\(key)", detail: "unknown field; use fg, bg, bold, reverse, underline, dim")
            }
        }
        return style
    }

    static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    private static func color(_ value: Any, field: String, file: String) throws(Problem) -> ThemeColor {
        if let number = value as? Int {
            guard (0...255).contains(number) else { throw Problem(file: file, field: field, detail: "\(number) is not a colour 0–255") }
            return number < 16 ? .ansi(number) : .indexed(number)
        }
        if let name = value as? String {
            if name == "default" { return .terminalDefault }
            if let index = colorNames.firstIndex(of: name) { return .ansi(index) }
            if name.hasPrefix("bright-"), let index = colorNames.firstIndex(of: String(name.dropFirst(7))) {
                return .ansi(index + 8)
            }
        }
        throw Problem(file: file, field: field, detail: "'\(value)' is not a colour: use a name such as red or bright-blue, a number 0–255, or default")
    }
}
