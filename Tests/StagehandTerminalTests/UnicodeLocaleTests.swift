import Testing

@testable import StagehandTerminal

/// Spec §6: fall back to ASCII when the locale is not UTF-8 — but not when it merely has a foreign name.
@Suite struct UnicodeLocaleTests {
    @Test("UTF-8 asked for by any spelling", arguments: [
        ["LANG": "en_US.UTF-8"], ["LC_CTYPE": "UTF-8"], ["LC_ALL": "C.utf8"], ["LANG": "de_DE.utf-8"],
    ])
    func requested(environment: [String: String]) {
        #expect(UnicodeLocale.isRequested(by: environment))
    }

    @Test("Not asked for", arguments: [
        [:], ["LANG": "C"], ["LANG": "POSIX"], ["LANG": "en_US.ISO-8859-1"],
    ])
    func notRequested(environment: [String: String]) {
        #expect(!UnicodeLocale.isRequested(by: environment))
    }

    @Test("LC_ALL outranks LC_CTYPE, which outranks LANG; empty values do not count")
    func precedence() {
        #expect(!UnicodeLocale.isRequested(by: ["LC_ALL": "C", "LANG": "en_US.UTF-8"]))
        #expect(UnicodeLocale.isRequested(by: ["LC_ALL": "", "LC_CTYPE": "UTF-8", "LANG": "C"]))
        #expect(!UnicodeLocale.isRequested(by: ["LC_CTYPE": "C", "LANG": "en_US.UTF-8"]))
    }

    @Test func codesets() {
        #expect(UnicodeLocale.isUTF8(codeset: "UTF-8"))
        #expect(UnicodeLocale.isUTF8(codeset: "utf8"))
        #expect(!UnicodeLocale.isUTF8(codeset: "ANSI_X3.4-1968"))
    }
}
