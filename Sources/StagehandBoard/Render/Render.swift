import Foundation
import StagehandCore

extension Board {
    /// Draws the whole screen for a state. Pure: the same state gives the same frame.
    public static func render(_ state: BoardState) -> Frame {
        var frame = Frame(width: state.width, height: state.height, asciiOnly: !state.symbols.isUnicode)
        let layout = state.layout
        if layout.isTooSmall {
            drawTooSmall(state, on: &frame)
            return frame
        }
        drawHeader(state, on: &frame)
        switch state.mode {
        case .profile(let id, let scroll):
            drawProfile(id, scroll: scroll, state, on: &frame)
        case .myWork(let scroll):
            drawMyWork(scroll: scroll, state, on: &frame)
        case .scheduled(let selected):
            drawScheduled(selected: selected, state, on: &frame)
        case .editing(let screens):
            drawEditor(screens, state, on: &frame)
        default:
            drawColumns(state, layout: layout, on: &frame)
        }
        drawProgressPane(state, on: &frame)
        switch state.mode {
        case .dialog(let dialog): drawDialog(dialog, state, on: &frame)
        case .help(let scroll): drawHelp(scroll: scroll, state, on: &frame)
        case .disqualifying(let id, let selected): drawReasons(id, selected: selected, state, on: &frame)
        default: break
        }
        drawBottomBar(state, on: &frame)
        return frame
    }

    static func drawTooSmall(_ state: BoardState, on frame: inout Frame) {
        let times = state.symbols.isUnicode ? "×" : "x"
        let lines = [
            "Terminal too small (need \(Layout.minimumWidth)\(times)\(Layout.minimumHeight),",
            "have \(state.width)\(times)\(state.height)): enlarge the window.",
            "q quits.",
        ]
        for (index, line) in lines.enumerated() {
            let text = DisplayWidth.truncate(line, to: frame.width)
            let x = max(0, (frame.width - DisplayWidth.of(text)) / 2)
            frame.put(text, x: x, y: max(0, frame.height / 2 - 1) + index, style: state.theme[.statusError])
        }
    }

    static func drawHeader(_ state: BoardState, on frame: inout Frame) {
        let theme = state.theme
        frame.fill(x: 0, y: 0, width: frame.width, height: 1, style: theme[.header])
        let jobs = state.workspace.setup.jobs
        var left = " \(state.workspace.setup.companyName)"
        if let job = state.job {
            left += " · \(job.title)\(job.status == .closed ? " (closed)" : "") [\(state.jobIndex + 1)/\(jobs.count)]"
        }
        var right = ""
        if !state.filter.isEmpty || state.mode == .filtering { right += "/\(state.filter)\(state.mode == .filtering ? "_" : "")  " }
        if !state.selection.isEmpty { right += "\(state.selection.count) selected  " }
        if let me = state.me, let member = state.workspace.member(me) {
            let role = state.workspace.role(of: me)?.name ?? ""
            right += "\(member.name) (\(role)) "
        } else {
            right += "guest: read-only "
        }
        if !state.symbols.isUnicode { left = left.replacingOccurrences(of: "·", with: "-") }
        let rightWidth = DisplayWidth.of(right)
        frame.put(DisplayWidth.truncate(left, to: frame.width - rightWidth - 1), x: 0, y: 0, style: theme[.header])
        frame.put(right, x: max(0, frame.width - rightWidth), y: 0, style: theme[.headerAccent])
    }

    static func drawBottomBar(_ state: BoardState, on frame: inout Frame) {
        let y = frame.height - 1
        let theme = state.theme
        frame.fill(x: 0, y: y, width: frame.width - 1, height: 1, style: theme[.bottomBar])
        if let status = state.status {
            let style = status.kind == .error ? theme[.statusError] : theme[.statusInfo]
            frame.put(" " + DisplayWidth.truncate(status.text, to: frame.width - 3), x: 0, y: y, style: style, maxWidth: frame.width - 1)
            return
        }
        if let progress = state.bulkProgress {
            frame.put(" Moving \(progress.total) candidates\(state.symbols.ellipsis) \(progress.done)/\(progress.total)", x: 0, y: y, style: theme[.statusInfo])
            return
        }
        var x = 1
        var readOnlyEditor = false
        if case .editing = state.mode { readOnlyEditor = state.workspace.readOnlyNotice(for: state.me) != nil }
        // A read-only editor offers only the keys that work for its reader.
        for binding in KeyMap.bindings(for: state.mode) where binding.inBar && !(readOnlyEditor && binding.command.edits) {
            let label = state.symbols.isUnicode ? binding.label : binding.label.asciiKeys
            let words = shortHelp(binding.command, binding.help)
            let needed = DisplayWidth.of(label) + DisplayWidth.of(words) + 3
            guard x + needed < frame.width - 1 else { break }
            x += frame.put(label, x: x, y: y, style: theme[.bottomKey])
            x += frame.put(" \(words)  ", x: x, y: y, style: theme[.bottomBar])
        }
    }

    /// The bottom bar is short on room: two words per key at most.
    static func shortHelp(_ command: Command, _ help: String) -> String {
        switch command {
        case .nextJob: "job"
        case .toggleSelection: "select"
        case .pickUp: "move"
        case .cancelRun: "cancel run"
        case .openProfile: "profile"
        case .filter: "filter"
        case .help: "help"
        case .quit: "quit"
        case .carryLeft, .carryRight: "carry"
        case .drop: "drop"
        case .putBack: "put back"
        case .runActions: "run actions"
        case .withoutActions: "without"
        case .choose: "choose"
        case .back: help.hasPrefix("cancel") ? "cancel" : "back"
        case .sendNow: "send now"
        case .cancelEmail: "cancel email"
        case .addItem: "add"
        case .editItem: "open"
        case .renameItem: "rename"
        case .openAutomations: "automations"
        case .removeItem: "remove"
        case .moveItemUp: "earlier"
        case .moveItemDown: "later"
        case .openItemActions: "actions"
        case .switchPipeline: "job/template"
        case .nextField: "next field"
        case .nextOption: "choose"
        case .save: "save"
        case .confirmYes: "yes"
        case .confirmNo: "no"
        default: help
        }
    }
}

extension String {
    /// Key labels for terminals without UTF-8 arrows.
    var asciiKeys: String {
        replacingOccurrences(of: "←", with: "Left").replacingOccurrences(of: "→", with: "Right")
            .replacingOccurrences(of: "↑", with: "Up").replacingOccurrences(of: "↓", with: "Down")
    }
}
