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
        drawScreen(state.mode, state, layout: layout, on: &frame)
        if state.keyMode != .runList { drawProgressPane(state, on: &frame) }
        drawOverlay(state.mode, state, on: &frame)
        drawBottomBar(state, on: &frame)
        return frame
    }

    /// What fills the screen in a mode: a page, an editor, a form, or the columns.
    static func drawScreen(_ mode: Mode, _ state: BoardState, layout: Layout, on frame: inout Frame) {
        switch mode {
        case .profile(let id, let cursor, _): drawProfile(id, cursor: cursor, state, on: &frame)
        case .myWork(let cursor): drawMyWork(cursor: cursor, state, on: &frame)
        case .scheduled(let selected): drawScheduled(selected: selected, state, on: &frame)
        case .editing(let screens): drawEditor(screens, state, on: &frame)
        case .form(let form, _): drawForm(form, state, on: &frame)
        case .runList(let batches, let top, _): drawRunList(batches, top: top, state, on: &frame)
        case .insights(let page): drawInsights(page, state, on: &frame)
        case .question(_, let over), .help(_, let over), .moveDialog(_, let over), .disqualifying(_, _, let over):
            drawScreen(over, state, layout: layout, on: &frame)
        default: drawColumns(state, layout: layout, on: &frame)
        }
    }

    /// What a mode draws over the screen: a dialog, help, a picker, a question, the finder.
    static func drawOverlay(_ mode: Mode, _ state: BoardState, on frame: inout Frame) {
        switch mode {
        case .moveDialog(let dialog, _): drawMoveDialog(dialog, state, on: &frame)
        case .help(let scroll, _): drawHelp(scroll: scroll, state, on: &frame)
        case .disqualifying(let id, let selected, _): drawDisqualifyPicker(id, selected: selected, state, on: &frame)
        case .question(let confirmation, let over):
            drawOverlay(over, state, on: &frame)
            drawConfirmation(confirmation, state, on: &frame)
        case .finding(let finder): drawFinder(finder, state, on: &frame)
        default: break
        }
    }

    static func drawTooSmall(_ state: BoardState, on frame: inout Frame) {
        let times = state.symbols.isUnicode ? "×" : "x"
        let sentences = [
            "Terminal too small (need \(Layout.minimumWidth)\(times)\(Layout.minimumHeight),",
            "have \(state.width)\(times)\(state.height)): enlarge the window.",
            state.isTypingText
                ? "What you are typing waits for it; Ctrl-C quits."
                : KeyMap.tooSmall.rows.map { "Press \($0.label(unicode: state.symbols.isUnicode)) to \($0.help)." }.joined(separator: " "),
        ]
        // Wrapped, not cut: on a very small window the size it needs is what matters most.
        let lines = sentences.flatMap { wrap($0, width: frame.width) }
        let top = max(0, (frame.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let x = max(0, (frame.width - DisplayWidth.of(line)) / 2)
            frame.put(line, x: x, y: top + index, style: state.theme[.statusError])
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
        let typingFilter = state.mode == .filtering
        let filterShown = !state.filter.isEmpty || typingFilter
        let filterTyped = TypedText(state.filter, cursor: state.filterCursor)
        // "/" before the filter, "_" after it while the cursor is at its end, two spaces after.
        let filterWidth = filterShown ? 1 + DisplayWidth.of(state.filter) + (typingFilter && filterTyped.isAtEnd ? 1 : 0) + 2 : 0
        var right = ""
        if !state.selection.isEmpty { right += "\(state.selection.count) selected  " }
        if let me = state.me, let member = state.workspace.member(me) {
            let role = state.workspace.role(of: me)?.name ?? ""
            right += "\(member.name) (\(role)) "
        } else {
            right += "guest: read-only "
        }
        if !state.symbols.isUnicode { left = left.replacingOccurrences(of: "·", with: "-") }
        let rightWidth = DisplayWidth.of(right) + filterWidth
        frame.put(DisplayWidth.truncate(left, to: frame.width - rightWidth - 1), x: 0, y: 0, style: theme[.header])
        let rightX = max(0, frame.width - rightWidth)
        if filterShown {
            frame.put("/", x: rightX, y: 0, style: theme[.headerAccent])
            if typingFilter {
                drawTypedLine(filterTyped, x: rightX + 1, y: 0, style: theme[.headerAccent], maxWidth: filterWidth - 1, on: &frame)
            } else {
                frame.put(state.filter, x: rightX + 1, y: 0, style: theme[.headerAccent])
            }
        }
        frame.put(right, x: rightX + filterWidth, y: 0, style: theme[.headerAccent])
    }
}
