import CNcursesw

/// Whether the user's environment asks for UTF-8. Over ssh from a Mac the
/// locale often arrives as `LC_CTYPE=UTF-8`, a name Linux does not have; the
/// request still counts, and `C.UTF-8` can honour it.
enum UnicodeLocale {
    static func isRequested(by environment: [String: String]) -> Bool {
        let name = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return normalized(name).contains("UTF8")
    }

    /// Whether a codeset name (`nl_langinfo(CODESET)`) is UTF-8.
    static func isUTF8(codeset: String) -> Bool {
        normalized(codeset) == "UTF8"
    }

    /// `utf-8`, `UTF8` and `UTF-8` are the same codeset.
    private static func normalized(_ name: String) -> String {
        name.uppercased().filter { $0 != "-" }
    }
}

extension UnicodeLocale {
    /// Sets the process locale from the environment, as ncurses needs before it
    /// starts, and says whether the terminal can be sent UTF-8. Under a
    /// non-UTF-8 locale ncurses blanks every non-ASCII character, so the answer
    /// decides whether the board draws ASCII only.
    static func activate(for environment: [String: String]) -> Bool {
        setlocale(LC_ALL, "")
        if isUTF8(codeset: String(cString: stagehand_codeset())) { return true }
        guard isRequested(by: environment), setlocale(LC_CTYPE, "C.UTF-8") != nil else { return false }
        return isUTF8(codeset: String(cString: stagehand_codeset()))
    }
}
