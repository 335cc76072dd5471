import Foundation
import SwiftCSV

public struct CandidateImportError: UserFacingError, Equatable {
    public var file: String
    public var row: Int?
    public var problem: String

    public init(file: String, row: Int?, problem: String) {
        self.file = file
        self.row = row
        self.problem = problem
    }

    public var sentence: String {
        let place = row.map { "\(file), row \($0)" } ?? file
        return "Cannot import \(place): \(problem). Nothing was imported."
    }
}

extension Workspace {
    /// Adds every row of a CSV file (columns `name`, `email`, optional `source` and
    /// `tags` separated by `;`) to a job's first stage. Imports never fire actions.
    /// All rows are checked first: one bad row imports nothing.
    public mutating func importCandidates(
        csv text: String, file: String, to job: JobID, by member: MemberID, now: Date
    ) throws -> [ArrivalOutcome] {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CandidateImportError(file: file, row: nil, problem: "the file is empty (expected a header line: name,email,source,tags)")
        }
        let table: CSV<Named>
        do {
            table = try CSV<Named>(string: text, delimiter: .comma, loadColumns: false)
        } catch {
            throw CandidateImportError(file: file, row: nil, problem: "it is not readable CSV (\(error))")
        }
        let columns = Dictionary(
            table.header.map { ($0.trimmingCharacters(in: .whitespaces).lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        guard let nameColumn = columns["name"] else {
            throw CandidateImportError(file: file, row: 1, problem: "the header has no 'name' column (expected name,email,source,tags)")
        }
        var people: [NewCandidate] = []
        for (index, row) in table.rows.enumerated() {
            let rowNumber = index + 2
            let name = row[nameColumn, default: ""].trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { throw CandidateImportError(file: file, row: rowNumber, problem: "the name is empty") }
            let email = columns["email"].flatMap { row[$0] }?.trimmingCharacters(in: .whitespaces)
            if let email, !email.isEmpty, !Self.looksLikeEmail(email) {
                throw CandidateImportError(file: file, row: rowNumber, problem: "'\(email)' is not an email address")
            }
            let source = columns["source"].flatMap { row[$0] }?.trimmingCharacters(in: .whitespaces)
            let tags = (columns["tags"].flatMap { row[$0] } ?? "").split(separator: ";")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            people.append(
                NewCandidate(
                    name: name, email: email?.isEmpty == false ? email : nil,
                    source: source?.isEmpty == false ? source! : "Import", tags: tags))
        }
        var trial = self
        var outcomes: [ArrivalOutcome] = []
        var known: KnownEmails? = KnownEmails(candidates)
        for (index, person) in people.enumerated() {
            do {
                outcomes.append(try trial.addCandidate(person, to: job, origin: .csvImport, by: member, now: now, known: &known))
            } catch let error as StagehandError {
                // A refused permission is about who imports, not about a row.
                if case .missingPermission = error { throw error }
                throw CandidateImportError(file: file, row: index + 2, problem: error.sentence.trimmingCharacters(in: ["."]))
            }
        }
        self = trial
        return outcomes
    }
}
