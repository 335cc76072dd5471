import Foundation
import StagehandCore

/// An email template of odd text, previewed for a candidate with an odd name and
/// turned into the message a transport would send.
enum OddTemplate {
    static let headerNames = ["Date", "From", "To", "Subject", "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding"]

    static func check(_ workspace: inout Workspace, now: Date, random: inout SplitMix64, tally: inout TextFuzzTally) -> String? {
        let name = OddText.make(using: &random)
        let subject = OddText.make(using: &random)
        let body = OddText.make(using: &random)
        let person = OddText.make(using: &random)
        return acceptedOrRefusedClearly("templates", tally: &tally) {
            try workspace.saveTemplate(nil, name: name, subject: subject, body: body, by: "ana")
            let candidate = try workspace.addCandidate(
                NewCandidate(name: person, email: "odd@example.com", source: "fuzz"), to: "ios", origin: .csvImport, by: "ana", now: now
            ).candidate
            let filled = try workspace.preview(subject: subject, body: body, for: candidate, in: "ios", sender: "ana")
            let message = MailMessage(
                fromName: person, fromAddress: "ana@northwind.example", toName: person, toAddress: "odd@example.com",
                subject: filled.subject, body: filled.body, date: now, messageID: MailMessage.makeMessageID(domain: "northwind.example"))
            return problem(in: message.rfc5322())
        }
    }

    /// Nil when the bytes are a well-formed 7-bit message with exactly its own headers.
    static func problem(in wire: Data) -> String? {
        if let byte = wire.first(where: { $0 >= 0x80 }) { return "the message holds the 8-bit byte \(byte)" }
        let text = String(decoding: wire, as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        if let bare = lines.first(where: { $0.contains("\r") || $0.contains("\n") }) {
            return "a bare CR or LF in the line '\(bare.prefix(60))'"
        }
        if let long = lines.first(where: { $0.utf8.count > 998 }) { return "a line of \(long.utf8.count) bytes" }
        let header = lines.prefix { !$0.isEmpty }
        let names = header.filter { !$0.hasPrefix(" ") && !$0.hasPrefix("\t") }.map { String($0.prefix { $0 != ":" }) }
        return names == headerNames ? nil : "the headers are \(names), not \(headerNames)"
    }
}
