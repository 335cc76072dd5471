import Foundation
import Testing

/// libcurl, libpq and libcrypto are opened when mail goes out by SMTP, a workspace
/// lives in PostgreSQL or a key's fingerprint is shown, not by the dynamic linker
/// at every start: linked, they brought 31 shared libraries and about 5 MB into
/// every board and command.
@Suite struct LibrariesOnDemandTests {
    @Test func aBoardOrACommandStartsWithoutLibcurlLibpqOrLibcrypto() throws {
        let binary = try BuiltBinary.url("stagehand")
        let ldd = URL(fileURLWithPath: "/usr/bin/ldd")
        try #require(
            FileManager.default.isExecutableFile(atPath: ldd.path),
            "ldd is missing: install libc-bin (Debian) to run this test")
        let process = Process()
        process.executableURL = ldd
        process.arguments = [binary.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains("libc.so"))
        #expect(!text.contains("libcurl"), "\(text)")
        #expect(!text.contains("libpq"), "\(text)")
        #expect(!text.contains("libcrypto"), "\(text)")
    }
}
