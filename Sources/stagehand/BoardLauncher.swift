import Foundation
import StagehandBoard
import StagehandCore
import StagehandTerminal

/// Opens the full-screen board: the state file, the member, the theme, the terminal.
@MainActor
enum BoardLauncher {
    /// - Parameter jobName: the job to open on (id or part of its title), refused
    ///   before anything is drawn; without it, the one this member last had open.
    static func open(_ session: Session, themeName: String?, jobName: String? = nil, environment: [String: String]) throws {
        if !session.store.exists {
            try session.writeSample(replacing: false)
        }
        // The emails come after the first frame, which shows none of them.
        let staged = try session.store.loadInStages()
        let workspace = staged.withoutEmails
        let chosen = try jobName.map { try workspace.findJob($0).id }
        let me: Member?
        if session.memberName != nil {
            me = try session.member(in: workspace)
        } else {
            me = try? session.member(in: workspace)
        }
        let folders = themeFolders(environment)
        let monochrome = !(environment["NO_COLOR"] ?? "").isEmpty
        var problem: String?
        var theme = Theme.defaultDark
        if let name = themeName ?? workspace.setup.settings.theme {
            do {
                theme = try ThemeFile.load(named: name, from: folders)
            } catch {
                problem = error.description
            }
        }
        var themes = [Theme.defaultDark]
        for name in ThemeFile.available(in: folders).sorted() where name != Theme.defaultDark.name {
            if let loaded = try? ThemeFile.load(named: name, from: folders) { themes.append(loaded) }
        }
        if monochrome {
            theme = theme.monochrome
            themes = themes.map(\.monochrome)
        }
        let screen = try NcursesScreen(environment: environment)
        defer { screen.stop() }
        let (location, transports, clock) = (session.location, session.transports, session.clock)
        // The sender's thread has a store of its own; one it cannot open sends nothing, and says so.
        let sender = BackgroundSender { try Dispatcher(store: location.open(), transports: transports, clock: clock) }
        sender.start()
        let runner = EffectRunner(
            store: session.store, dispatcher: session.dispatcher, sender: sender, clock: session.clock, me: me?.id)
        let lastJobs = LastJobs(environment: environment)
        let who = me?.id.rawValue ?? "login:\(Session.osLogin)"
        let job = chosen ?? lastJobs.job(in: session.location, for: who)
        let guest = me == nil ? "You (\(Session.osLogin)) are not on this team: the board is read-only." : nil
        let ascii = screen.supportsUnicode ? nil : "Your locale is not UTF-8, so the board draws ASCII: set LANG=C.UTF-8 (or another UTF-8 locale) for the lightning marks and accents."
        let program = BoardProgram(
            screen: screen, runner: runner, clock: session.clock, me: me?.id, theme: theme, themes: themes,
            status: problem ?? guest ?? ascii, job: job, workspace: workspace)
        let rememberJob = {
            if let shown = program.jobOnScreen { lastJobs.remember(shown, in: session.location, for: who) }
        }
        // A closed terminal (SIGHUP) or a kill ends the board as q does, whichever the
        // process notices first, the signal or the terminal's end: the runs the user
        // did not cancel finish first.
        NcursesScreen.restoreTerminalOnSignals(screen) { _ in
            program.finishRuns()
            rememberJob()
        }
        do {
            try program.open(staged)
        } catch {
            screen.discardTypedKeys()
            throw error
        }
        program.run()
        rememberJob()
    }

    /// Where themes are looked up: $STAGEHAND_THEMES, ./Themes, and Themes/ beside
    /// the package the binary was built in.
    static func themeFolders(_ environment: [String: String]) -> [URL] {
        var folders: [URL] = []
        if let custom = environment["STAGEHAND_THEMES"], !custom.isEmpty { folders.append(URL(fileURLWithPath: custom)) }
        folders.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Themes"))
        // The executable's own path: argv[0] is a bare name when it was found through PATH.
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var directory = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            directory.deleteLastPathComponent()
            folders.append(directory.appendingPathComponent("Themes"))
        }
        return folders
    }
}
