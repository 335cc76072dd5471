import ArgumentParser

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The state file to use (default: $STAGEHAND_STATE, else $XDG_DATA_HOME/stagehand/state.json).")
    var state: String?

    @Option(name: .customLong("as"), help: "Act as this team member (id, login or name) instead of the one whose login is yours.")
    var member: String?
}
