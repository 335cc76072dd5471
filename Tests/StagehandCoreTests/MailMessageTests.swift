import Foundation
import Testing
@testable import StagehandCore

@Suite struct MailMessageTests {
    /// Wed, 25 Nov 2026 10:15:00 UTC.
    static let date = Date(timeIntervalSince1970: 1_795_601_700)

    static func message(
        fromName: String = "Sam Rivera", toName: String = "Ana Lopez", subject: String = "Your interview",
        body: String = "Hello Ana,\nSee you soon.\n"
    ) -> MailMessage {
        MailMessage(
            fromName: fromName, fromAddress: "sam@acme.example", toName: toName, toAddress: "ana@mail.example",
            subject: subject, body: body, date: date, messageID: "<20261125T101500.abc123@stagehand.local>")
    }

    @Test func writesAWellFormedPlainMessage() throws {
        let text = String(decoding: Self.message().rfc5322(), as: UTF8.self)
        #expect(text == [
            "Date: Wed, 25 Nov 2026 10:15:00 +0000",
            "From: Sam Rivera <sam@acme.example>",
            "To: Ana Lopez <ana@mail.example>",
            "Subject: Your interview",
            "Message-ID: <20261125T101500.abc123@stagehand.local>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "Hello Ana,",
            "See you soon.",
            "",
            "",
        ].joined(separator: "\r\n"))
    }

    @Test(arguments: [
        Self.message(),
        Self.message(fromName: "Zoë Ångström-Núñez", toName: "محمد الأحمد", subject: "مرحبا بك في المقابلة"),
        Self.message(toName: String(repeating: "Ana Lopez ", count: 12), subject: String(repeating: "week ", count: 40)),
        Self.message(subject: "👩‍👩‍👧‍👦🎉 " + String(repeating: "café ☕️ ", count: 30)),
        Self.message(body: "Line one\r\nline two\rline three\nline four"),
    ])
    func followsRFC5322Structure(message: MailMessage) throws {
        let data = message.rfc5322()
        let read = try ReadMessage(data)
        let bytes = Array(data)
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            #expect(index > 0 && bytes[index - 1] == 0x0D, "a bare LF at byte \(index)")
        }
        for (index, byte) in bytes.enumerated() where byte == 0x0D {
            #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A, "a bare CR at byte \(index)")
        }
        for name in ["Date", "From", "To", "Subject", "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding"] {
            #expect(read.values(of: name).count == 1, "\(name) should appear once")
        }
        #expect(read.values(of: "MIME-Version") == ["1.0"])
        #expect(read.values(of: "Content-Type") == ["text/plain; charset=utf-8"])
        #expect(read.values(of: "Content-Transfer-Encoding") == ["quoted-printable"])
        #expect(read.values(of: "Message-ID") == ["<20261125T101500.abc123@stagehand.local>"])
        for line in read.rawHeaderLines {
            #expect(line.utf8.count <= 78, "header line too long: \(line)")
            #expect(line.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }, "not ASCII: \(line)")
        }
        for line in read.rawBodyLines {
            #expect(line.utf8.count <= 76, "body line too long: \(line)")
            #expect(line.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) || $0 == "\t" })
        }
    }

    @Test(arguments: [
        "Your interview",
        "Entretien prévu — café ☕️ à 10h",
        "مرحبا بك في المقابلة يوم الأربعاء",
        "👩‍👩‍👧‍👦🎉 " + String(repeating: "Zoë ", count: 40),
        String(repeating: "A plain subject that needs folding ", count: 6),
        String(repeating: "x", count: 150),
        "Has =?UTF-8?B?YQ==?= in it",
        "Two  spaces",
        " leading and trailing ",
        "",
    ])
    func subjectsRoundTrip(subject: String) throws {
        let read = try ReadMessage(Self.message(subject: subject).rfc5322())
        #expect(try read.text(of: "Subject") == subject)
        #expect(read.rawHeaderLines.allSatisfy { $0.utf8.count <= 78 })
    }

    @Test func subjectsStayOnOneLine() throws {
        let read = try ReadMessage(Self.message(subject: "Hello\r\nBcc: everyone@example.com").rfc5322())
        #expect(try read.text(of: "Subject") == "Hello Bcc: everyone@example.com")
        #expect(read.values(of: "Bcc").isEmpty)
    }

    @Test(arguments: [
        ("Ana Lopez", "From: Sam Rivera <sam@acme.example>", "To: Ana Lopez <ana@mail.example>"),
        ("O'Brien & Co", nil, "To: O'Brien & Co <ana@mail.example>"),
        ("Lopez, Ana", nil, #"To: "Lopez, Ana" <ana@mail.example>"#),
        (#"Pat "PJ" O\Brien"#, nil, #"To: "Pat \"PJ\" O\\Brien" <ana@mail.example>"#),
        ("Ana M. Lopez", nil, #"To: "Ana M. Lopez" <ana@mail.example>"#),
        ("", nil, "To: ana@mail.example"),
    ] as [(String, String?, String)])
    func quotesDisplayNamesOnlyWhenNeeded(name: String, from: String?, to: String) throws {
        let read = try ReadMessage(Self.message(toName: name).rfc5322())
        #expect(read.rawHeaderLines.contains(to))
        if let from { #expect(read.rawHeaderLines.contains(from)) }
        #expect(try read.mailbox("To").name == name)
    }

    @Test(arguments: [
        "Zoë Ångström-Núñez",
        "محمد الأحمد",
        "שרה כהן",
        "李小龙",
        "Ana 🚀 Lopez",
        String(repeating: "Ana Lopez ", count: 12).trimmingCharacters(in: .whitespaces),
        String(repeating: "Zoë Ångström ", count: 12).trimmingCharacters(in: .whitespaces),
        String(repeating: "👩‍👩‍👧‍👦", count: 8),
    ])
    func displayNamesRoundTrip(name: String) throws {
        let read = try ReadMessage(Self.message(fromName: name, toName: name).rfc5322())
        for field in ["From", "To"] {
            #expect(try read.mailbox(field).name == name)
        }
        #expect(try read.mailbox("From").address == "sam@acme.example")
        #expect(try read.mailbox("To").address == "ana@mail.example")
        #expect(read.rawHeaderLines.allSatisfy { $0.utf8.count <= 78 })
    }

    @Test func encodedWordsNeverSplitACharacter() throws {
        let name = String(repeating: "é", count: 100)
        let text = String(decoding: Self.message(toName: name).rfc5322(), as: UTF8.self)
        let words = text.matches(of: /=\?UTF-8\?B\?([A-Za-z0-9+\/=]*)\?=/).map { String($0.output.1) }
        #expect(words.count > 1)
        for word in words {
            let bytes = try #require(Data(base64Encoded: word))
            #expect(String(data: bytes, encoding: .utf8) != nil, "a word holds part of a character")
            #expect(word.count + 12 <= 75)
        }
    }

    @Test(arguments: [
        "Hello Ana,\r\n\r\nSee you on Wednesday.\r\n",
        "Accents: àéîõü ÀÉÎÕÜ ç ñ ß — “quotes” …",
        "Emoji: 👩‍👩‍👧‍👦 🎉 ☕️ 🇫🇷 and a skin tone 👋🏽",
        "RTL: مرحبا بك في المقابلة — שלום לך",
        String(repeating: "A long line without any break at all. ", count: 12),
        String(repeating: "é", count: 200),
        String(repeating: "=", count: 100) + " equals",
        String(repeating: "x", count: 75) + "\r\n" + String(repeating: "y", count: 76) + "\r\n" + String(repeating: "z", count: 77),
        "Trailing spaces   \r\nand tabs\t\t\r\nkept",
        "   leading spaces and a dot line\r\n.\r\n",
        "",
    ])
    func bodiesRoundTrip(body: String) throws {
        let read = try ReadMessage(Self.message(body: body).rfc5322())
        #expect(read.body == body)
        #expect(read.rawBodyLines.allSatisfy { $0.utf8.count <= 76 })
        #expect(read.rawBodyLines.allSatisfy { !$0.hasSuffix(" ") && !$0.hasSuffix("\t") })
    }

    @Test(arguments: [("a\nb", "a\r\nb"), ("a\rb", "a\r\nb"), ("a\r\nb", "a\r\nb"), ("a\n\r\nb\r", "a\r\n\r\nb\r\n")])
    func bodiesAreNormalisedToCRLF(body: String, expected: String) throws {
        #expect(try ReadMessage(Self.message(body: body).rfc5322()).body == expected)
    }

    @Test func messageIDsAreUniqueAndWellFormed() {
        let ids = (0..<2000).map { _ in MailMessage.makeMessageID(domain: "acme.example") }
        #expect(Set(ids).count == ids.count)
        for id in ids.prefix(20) {
            #expect(id.wholeMatch(of: /<\d{8}T\d{6}\.[a-z0-9]{16}@acme\.example>/) != nil, "\(id)")
        }
    }

    @Test(arguments: [("", "stagehand.local"), ("bad domain\r\n<x>", "baddomainx"), ("ACME.example", "ACME.example")])
    func messageIDsKeepOnlyAValidDomain(domain: String, expected: String) {
        #expect(MailMessage.makeMessageID(domain: domain).hasSuffix("@\(expected)>"))
    }

    @Test func messageIDsGetTheirBrackets() throws {
        var message = Self.message()
        message.messageID = "20261125T101500.abc123@stagehand.local"
        #expect(try ReadMessage(message.rfc5322()).values(of: "Message-ID") == ["<20261125T101500.abc123@stagehand.local>"])
    }
}
