import Foundation
import StagehandCore

/// A CSV file of odd fields, quoted as RFC 4180 says or (sometimes) not at all.
enum OddImport {
    static func check(_ workspace: Workspace, now: Date, random: inout SplitMix64, tally: inout TextFuzzTally) -> String? {
        let quoted = Int.random(in: 0..<4, using: &random) > 0
        let rows = (0..<Int.random(in: 1...4, using: &random)).map { _ in
            [OddText.make(using: &random), Bool.random(using: &random) ? "odd@example.com" : OddText.make(using: &random),
             OddText.make(using: &random), OddText.make(using: &random)]
        }
        let csv = (["name,email,source,tags"] + rows.map { $0.map { quoted ? quote($0) : $0 }.joined(separator: ",") })
            .joined(separator: "\r\n") + "\r\n"
        var trial = workspace
        return acceptedOrRefusedClearly("CSV imports", tally: &tally) {
            let outcomes = try trial.importCandidates(csv: csv, file: "odd.csv", to: "ios", by: "ana", now: now)
            guard quoted else { return nil }
            let names = outcomes.compactMap { trial.candidates[$0.candidate]?.name }
            let expected = rows.map { $0[0].trimmingCharacters(in: .whitespacesAndNewlines) }
            // A name that matches an existing candidate's email joins that card instead.
            return outcomes.count == rows.count && names.allSatisfy(expected.contains)
                ? nil : "imported \(names.map { $0.debugDescription }) from the names \(expected.map { $0.debugDescription })"
        }
    }

    private static func quote(_ field: String) -> String {
        "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
