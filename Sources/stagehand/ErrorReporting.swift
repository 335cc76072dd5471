import ArgumentParser
import Foundation
import StagehandCore
import StagehandTerminal

/// How the command line reports what went wrong, once, for every command: one
/// line on stderr in the core's words — with the command line's own advice where
/// a flag is the way out — and the exit status the README's table documents.
enum ErrorReporting {
    /// The line for a refusal or failure Stagehand knows; nil for anything else.
    static func message(for error: any Error) -> String? {
        if let error = error as? StagehandError, let advice = commandLineAdvice(for: error) {
            return "stagehand: \(error.problem): \(advice)."
        }
        if let error = error as? any UserFacingError { return "stagehand: \(error.sentence)" }
        if let error = error as? CocoaError, error.code == .fileWriteNoPermission || error.code == .fileWriteUnknown {
            return "stagehand: \(error.localizedDescription) Check the folder's permissions."
        }
        return nil
    }

    /// What to do about a refusal with this command line's flags and commands,
    /// where that differs from the core's words for every client.
    static func commandLineAdvice(for error: StagehandError) -> String? {
        switch error {
        case .notFound(let kind, _):
            return listing(kind).map { "check the spelling, or list them with '\($0)'" }
        case .notAMember: return "pass --as MEMBER, or ask an admin to add you"
        case .candidateNotInJob: return "pick another job with --job"
        case .candidateInSeveralJobs: return "say which with --job"
        case .revisitNeedsChoice:
            return "choose --run-actions to run its actions again or --without-actions to move without them"
        case .bulkNeedsChoice: return "add --run-actions or --without-actions"
        case .emailNotWaiting(_, .failed), .emailNotWaiting(_, .unknown): return "retry it with 'stagehand scheduled retry'"
        default: return nil
        }
    }

    /// Where the names of a kind of thing can be read.
    private static func listing(_ kind: String) -> String? {
        switch kind {
        case "candidate", "talent pool": "stagehand board"
        case "job": "stagehand jobs list"
        case "email template": "stagehand templates list"
        case "email": "stagehand scheduled"
        case "task": "stagehand tasks --all"
        case "disqualification reason": "stagehand reasons list"
        case "stage of the default pipeline": "stagehand pipeline list --default"
        case _ where kind.hasPrefix("stage of "):
            "stagehand pipeline list --job \(quotedForShell(String(kind.dropFirst("stage of ".count))))"
        case _ where kind.hasPrefix("stage"): "stagehand pipeline list --job JOB"
        default: nil
        }
    }

    /// A word as a shell takes it: as it is when plain, else in double quotes (the
    /// sentence around it already uses single ones).
    private static func quotedForShell(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) }
        guard !plain else { return text }
        let escaped = text.reduce(into: "") { out, character in
            if "\"\\$`".contains(character) { out.append("\\") }
            out.append(character)
        }
        return "\"" + escaped + "\""
    }

    /// The exit status for an error the README documents; nil for anything else.
    static func exitStatus(for error: any Error) -> Int32? {
        switch error {
        case let error as StagehandError:
            switch error {
            case .missingPermission, .notAMember: 3
            case .revisitNeedsChoice, .bulkNeedsChoice: 4
            default: 1
            }
        case let error as StateFileError: error.sysexitsClass
        case let error as DatabaseError: error.sysexitsClass
        case is ClockError, is MailSetupError, is TerminalError: 2
        case is DeliveryFailure: 5
        case is any UserFacingError, is CocoaError: 1
        default: nil
        }
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((TextOutput.visible(text) + "\n").utf8))
}
