import CNcursesw
import StagehandBoard

@testable import StagehandTerminal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real driver and the real ncurses, writing to a file instead of a
/// terminal and reading from /dev/null (which reads as a closed terminal). What
/// ncurses holds can be read back, and the file's size is what would have gone
/// over ssh.
@MainActor
final class HeadlessTerminal {
    let screen: NcursesScreen
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>

    init(width: Int, height: Int, unicode: Bool = true, term: String = "xterm-256color", environment: [String: String] = [:]) throws {
        _ = UnicodeLocale.activate(for: ["LANG": "C.UTF-8"])
        output = tmpfile()
        input = fopen("/dev/null", "r")
        do {
            screen = try NcursesScreen(term: term, output: output, input: input, environment: environment, supportsUnicode: unicode)
        } catch {
            fclose(output)
            fclose(input)
            throw error
        }
        resizeterm(Int32(height), Int32(width))
        // resizeterm queues a KEY_RESIZE as a real resize would; take it now.
        _ = screen.nextEvent(timeout: 0)
    }

    isolated deinit {
        screen.stop()
        fclose(output)
        fclose(input)
    }

    /// Bytes ncurses has written so far.
    var bytesSent: Int {
        fflush(output)
        var status = stat()
        fstat(fileno(output), &status)
        return Int(status.st_size)
    }

    /// A row as ncurses holds it, trailing blanks trimmed.
    func row(_ y: Int) -> String {
        var buffer = [wchar_t](repeating: 0, count: screen.size.width + 1)
        let count = mvwinnwstr(screen.window, Int32(y), 0, &buffer, Int32(screen.size.width))
        let scalars = buffer.prefix(max(0, Int(count))).compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
        var text = String(String.UnicodeScalarView(scalars))
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The attributes and colours ncurses holds for one cell.
    func look(x: Int, y: Int) -> (attributes: attr_t, foreground: Int16, background: Int16) {
        var cell = cchar_t()
        mvwin_wch(screen.window, Int32(y), Int32(x), &cell)
        var characters = [wchar_t](repeating: 0, count: 8)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        getcchar(&cell, &characters, &attributes, &pair, nil)
        var foreground: Int16 = 0
        var background: Int16 = 0
        pair_content(pair, &foreground, &background)
        return (attributes & ~attr_t(stagehand_color_pair(0xFF)), foreground, background)
    }
}
