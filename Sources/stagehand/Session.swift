import Foundation
import StagehandCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What every command needs: the store, the clock, who is acting, how mail goes out.
struct Session {
    let location: StoreLocation
    let store: any WorkspaceStore
    let clock: Clock
    let memberName: String?

    init(_ options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        location = StoreLocation.from(option: options.state, environment: environment)
        store = try location.open()
        clock = try Clock.fromEnvironment(environment)
        memberName = options.member
    }

    /// The OS login of whoever runs this process.
    static var osLogin: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }

    /// The full name from the account's GECOS field ("Jane Doe,,,"), if it has one.
    static var osFullName: String? {
        guard let entry = getpwuid(geteuid()), let gecos = entry.pointee.pw_gecos else { return nil }
        let name = String(cString: gecos).split(separator: ",").first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
        return name.isEmpty || name == osLogin ? nil : name
    }

    /// The workspace, once an `--as` is known to name someone: a command that only
    /// reads acts as nobody, but a mistyped name must not pass unnoticed there either.
    func load(everyTimeline: Bool = false) throws -> Workspace {
        try checkingMember(everyTimeline ? store.loadEveryTimeline() : store.load())
    }

    /// The workspace as far as a command about these candidates needs it (the
    /// setup, them, and what belongs to them), once an `--as` is known to name someone.
    func load(candidatesNamed texts: [String]) throws -> Workspace {
        try checkingMember(store.load(candidatesNamed: texts))
    }

    private func checkingMember(_ workspace: Workspace) throws -> Workspace {
        if let memberName { _ = try workspace.findMember(memberName) }
        return workspace
    }

    /// The acting member: `--as`, else the member whose login is the OS login.
    func member(in workspace: Workspace) throws -> Member {
        if let memberName { return try workspace.findMember(memberName) }
        return try workspace.member(login: Self.osLogin)
    }

    /// Writes the sample workspace; returns where the one it replaced is kept, if it replaced one.
    @discardableResult
    func writeSample(replacing: Bool) throws -> String? {
        if case .file(let path) = location {
            try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        var sample = SampleWorkspace.make(now: clock.now, currentLogin: Self.osLogin)
        // Emails go out in this person's name: use their full name when the system knows it.
        if let index = sample.setup.members.firstIndex(where: { $0.login == Self.osLogin && $0.name == Self.osLogin }),
            let fullName = Self.osFullName
        {
            sample.setup.members[index].name = fullName
        }
        let kept = replacing && store.exists ? store.keptWhenReplaced : nil
        try store.create(sample, replacing: replacing)
        return kept
    }

    /// Transports as the workspace's mail settings name them, in this process's environment.
    var transports: MailTransports {
        let environment = ProcessInfo.processInfo.environment
        return MailTransports(stateFolder: location.folder(environment: environment), environment: environment)
    }

    var dispatcher: Dispatcher {
        Dispatcher(store: store, transports: transports, clock: clock)
    }

    /// The core's door for changes to candidates: what they make due is sent from
    /// this process before the command ends.
    var engine: Engine {
        Engine(store: store, clock: clock, delivery: .sendHere(dispatcher))
    }

    /// Makes a change as the acting member; a mail problem (the change is saved, its
    /// emails wait) is said on stderr.
    @discardableResult
    func perform(_ change: CandidateChange, by member: MemberID, grace: TimeInterval? = nil) throws -> CandidateChangeOutcome {
        let outcome = try engine.perform(change, by: member, grace: grace)
        if let problem = outcome.mailProblem { printError("stagehand: \(problem)") }
        return outcome
    }
}
