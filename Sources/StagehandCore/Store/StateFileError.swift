#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the state file could not be read or written. Each sentence names the
/// file and says what to do; a damaged or unreadable file is never rewritten.
///
/// Exit codes follow sysexits(3) so scripts can tell the cases apart:
/// - 65 (`EX_DATAERR`): the file is damaged, or its schema version is one this
///   Stagehand cannot read (newer, or unknown);
/// - 66 (`EX_NOINPUT`): there is no state file;
/// - 73 (`EX_CANTCREAT`): refused to replace an existing state file;
/// - 74 (`EX_IOERR`): the system refused a read, a write or a lock;
/// - 75 (`EX_TEMPFAIL`): another process kept the lock; trying again may work.
public enum StateFileError: UserFacingError, Equatable {
    case missing(path: String)
    case alreadyExists(path: String)
    /// The snapshot is not valid JSON, or not the shape of a workspace. `codingPath`
    /// reads like `workspace.candidates[12].placements[0].stage`.
    case damaged(path: String, location: TextLocation?, codingPath: String?, problem: String)
    /// A complete journal line (not a torn last one) cannot be read.
    case damagedJournal(path: String, line: Int, codingPath: String?, problem: String)
    case newerVersion(path: String, found: Int, supported: Int)
    case unsupportedVersion(path: String, found: Int, supported: Int)
    case unreadable(path: String, reason: String)
    /// `code` is the `errno` the system answered, which decides the advice.
    case unwritable(path: String, code: Int32)
    case lockTimeout(path: String)
    case lockUnavailable(path: String, reason: String)
    /// A history left in the snapshot to be read when needed is no longer there:
    /// another program rewrote the file in place after Stagehand loaded it.
    case changedUnderneath(path: String, candidate: String)

    public var sentence: String {
        switch self {
        case .missing(let path):
            return "There is no state file at \(path): run 'stagehand demo' to create a sample workspace, or point --state at an existing one."
        case .alreadyExists(let path):
            return "\(path) already exists: pass --force to replace it (the current one is kept as \(path).bak)."
        case .damaged(let path, let location, let codingPath, let problem):
            let place = location.map { " at line \($0.line), column \($0.column)" } ?? ""
            let field = codingPath.map { " (\($0))" } ?? ""
            return "The state file \(path) is damaged\(place)\(field): \(problem); fix it in an editor or restore a backup (Stagehand left it untouched)."
        case .damagedJournal(let path, let line, let codingPath, let problem):
            let field = codingPath.map { " (\($0))" } ?? ""
            return "Line \(line) of the journal \(path) is damaged\(field): \(problem); fix that line in an editor or restore a backup; deleting it would drop the change it records (Stagehand left it untouched)."
        case .newerVersion(let path, let found, let supported):
            return "\(path) was written by a newer Stagehand (schema \(found); this version reads \(supported)): upgrade Stagehand; the file was left untouched."
        case .unsupportedVersion(let path, let found, let supported):
            return "\(path) says it has schema \(found), which no Stagehand that reads schema \(supported) understands: restore a backup; the file was left untouched."
        case .unreadable(let path, let reason):
            return "Cannot read \(path) (\(reason)): check that you may read it and its folder, then try again."
        case .unwritable(let path, let code):
            return "Cannot write \(path) (\(Self.text(of: code))): \(Self.advice(forWriting: code)); what was saved before is intact."
        case .lockTimeout(let path):
            return "Another Stagehand process holds the lock \(path) and did not let go within 10 seconds: wait for it to finish or stop it, then try again."
        case .lockUnavailable(let path, let reason):
            return "Cannot lock \(path) (\(reason)): keep the state file on a local disk, where file locks work."
        case .changedUnderneath(let path, let candidate):
            return "\(candidate)'s history could not be read from \(path), which was changed since Stagehand read it, not by Stagehand: nothing was saved; start Stagehand again, and it reads the whole file and says what is wrong in it."
        }
    }

    /// The failure's class in <sysexits.h> — bad data, no input, cannot create, an
    /// I/O error, try again later — which programs that end on it report.
    public var sysexitsClass: Int32 {
        switch self {
        case .damaged, .damagedJournal, .newerVersion, .unsupportedVersion: 65
        case .missing: 66
        case .alreadyExists: 73
        case .unreadable, .unwritable, .lockUnavailable, .changedUnderneath: 74
        case .lockTimeout: 75
        }
    }

    static func failure(path: String, writing: Bool, code: Int32) -> StateFileError {
        writing ? .unwritable(path: path, code: code) : .unreadable(path: path, reason: text(of: code))
    }

    /// A full disk, a read-only mount and a missing permission are fixed in different places.
    private static func advice(forWriting code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: "the disk is full, so make room on it and try again"
        case EROFS: "the file system is mounted read-only, so remount it read-write or point --state at a writable folder"
        case EACCES, EPERM: "you may not write there, so ask for write permission on the file and its folder, or point --state elsewhere"
        default: "check the disk and the folder, then try again"
        }
    }

    static func text(of code: Int32) -> String { String(cString: strerror(code)) }
}

/// A place in a text file, counted from 1 as editors show it; columns count characters.
public struct TextLocation: Sendable, Equatable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
