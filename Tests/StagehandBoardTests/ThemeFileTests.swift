import Foundation
import Testing
@testable import StagehandBoard

@Suite struct ThemeFileTests {
    static let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Themes")

    @Test(arguments: ["dark", "light", "high-contrast", "monochrome"])
    func everyShippedThemeLoadsAndStylesEveryRole(_ name: String) throws {
        let theme = try ThemeFile.load(named: name, from: [Self.themes])
        #expect(theme.name == name)
        #expect(Set(theme.styles.keys) == Set(Theme.Role.allCases), "\(name) leaves roles to the default")
    }

    @Test(arguments: ["light", "high-contrast", "monochrome"])
    func everyShippedThemeIsBuiltInAsItsFileReads(_ name: String) throws {
        let file = try String(contentsOf: Self.themes.appendingPathComponent("\(name).json"), encoding: .utf8)
        #expect(ShippedThemes.texts[name] == file, "Themes/\(name).json and ShippedThemes differ: copy the file's text into it")
    }

    @Test func anInstalledBinaryWithoutThemeFoldersStillOffersTheShippedThemes() throws {
        let nowhere = [URL(fileURLWithPath: "/nonexistent/Themes")]
        #expect(ThemeFile.available(in: nowhere) == ["dark", "high-contrast", "light", "monochrome"])
        #expect(try ThemeFile.load(named: "light", from: nowhere) == ThemeFile.load(named: "light", from: [Self.themes]))
    }

    @Test func aThemeFileInAFolderWinsOverTheShippedOneOfTheSameName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{"name": "light", "styles": {"card": {"fg": 1}}}"#.utf8).write(to: folder.appendingPathComponent("light.json"))
        #expect(try ThemeFile.load(named: "light", from: [folder]).styles.count == 1)
    }

    @Test func theDarkFileMatchesTheBuiltInDefault() throws {
        let data = try Data(contentsOf: Self.themes.appendingPathComponent("dark.json"))
        #expect(try ThemeFile.parse(data, file: "dark.json") == Theme.defaultDark)
    }

    @Test(arguments: [
        (#"{"name": "x", "styles": {"header": {"fg": "purple"}}}"#, "styles.header.fg"),
        (#"{"name": "x", "styles": {"header": {"fg": 300}}}"#, "styles.header.fg"),
        (#"{"name": "x", "styles": {"heading": {}}}"#, "styles.heading"),
        (#"{"name": "x", "styles": {"card": {"bold": "yes"}}}"#, "styles.card.bold"),
        (#"{"name": "x", "styles": {"card": {"blink": true}}}"#, "styles.card.blink"),
        (#"{"styles": {}}"#, "name"),
    ])
    func aBadThemeNamesTheFileAndTheField(_ json: String, _ field: String) {
        do {
            _ = try ThemeFile.parse(Data(json.utf8), file: "Themes/x.json")
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.field == field)
            #expect(error.description.contains("Themes/x.json") && error.description.contains(field))
            #expect(error.description.contains("default theme"))
        }
    }

    @Test func anUnknownThemeListsTheKnownOnes() {
        do {
            _ = try ThemeFile.load(named: "neon", from: [Self.themes])
            Issue.record("found a theme called neon")
        } catch {
            #expect(error.description.contains("light") && error.description.contains("monochrome"))
        }
    }

    @Test func monochromeKeepsFocusVisibleWithoutColour() {
        let plain = Theme.defaultDark.monochrome
        for role in Theme.Role.allCases {
            #expect(plain[role].foreground == .terminalDefault && plain[role].background == .terminalDefault)
        }
        #expect(Theme.defaultDark[.cardFocused].reverse || Theme.defaultDark[.cardFocused].bold)
    }
}
