import StagehandCore

extension Board {
    /// A page's cursor stays on the task, request or candidate it was on when the
    /// workspace changes under it: a line added above would otherwise shift it onto
    /// another one. When its item is gone (a task marked done in My work), it stays
    /// on the same line, which is now the next one — or the nearest line that holds
    /// something, rather than a blank or a heading. Screens waiting behind a form,
    /// a question or help keep theirs too.
    static func anchoringPageCursors(_ mode: Mode, before: BoardState, after: BoardState) -> Mode {
        func anchored(_ cursor: PageCursor, _ old: [PageLine], _ new: [PageLine]) -> PageCursor {
            var moved = cursor
            if old.indices.contains(cursor.line), let item = old[cursor.line].item {
                let line = new.firstIndex { $0.item == item } ?? nearestItem(to: cursor.line, in: new, like: item) ?? cursor.line
                moved.top += line - cursor.line
                moved.line = line
            }
            return moved.keptInView(lines: new, width: pageWidth(after), room: pageRoom(after))
        }
        func behind(_ mode: Mode) -> Mode { anchoringPageCursors(mode, before: before, after: after) }
        switch mode {
        case .profile(let id, let cursor, let back):
            return .profile(id, anchored(cursor, profileLines(id, before), profileLines(id, after)), back: behind(back))
        case .myWork(let cursor):
            return .myWork(anchored(cursor, myWorkLines(before), myWorkLines(after)))
        case .form(let form, let over): return .form(form, over: behind(over))
        case .question(let question, let over): return .question(question, over: behind(over))
        case .help(let scroll, let over): return .help(scroll: scroll, over: behind(over))
        case .runList(let batches, let top, let back): return .runList(batches, top: top, back: behind(back))
        case .moveDialog(let dialog, let over): return .moveDialog(dialog, over: behind(over))
        case .disqualifying(let candidate, let selected, let over): return .disqualifying(candidate, selected: selected, over: behind(over))
        default: return mode
        }
    }

    /// The line at `line` when it holds something of the same kind as `gone` (another
    /// request for a request), else the next one that does, else the one before; failing
    /// those, the nearest that holds anything.
    private static func nearestItem(to line: Int, in lines: [PageLine], like gone: PageItem) -> Int? {
        let start = min(max(line, 0), lines.count)
        func nearest(_ wanted: (PageItem) -> Bool) -> Int? {
            lines.indices[start...].first { lines[$0].item.map(wanted) == true }
                ?? lines.indices[..<start].last { lines[$0].item.map(wanted) == true }
        }
        return nearest { $0.isSameKind(as: gone) } ?? nearest { _ in true }
    }
}
