import StagehandCore

extension Board {
    /// The finder over the board: what was typed, and every job's candidates it finds,
    /// each with where they are.
    static func drawFinder(_ finder: Finder, _ state: BoardState, on frame: inout Frame) {
        let workspace = state.workspace
        let theme = state.theme
        let found = state.found(finder)
        let width = min(frame.width - 4, 90)
        let rows = max(1, min(found.count, frame.height - 8))
        let box = Box.centred(width: width, height: rows + 4, in: frame)
        box.draw(
            on: &frame, symbols: state.symbols, style: theme[.dialog], border: theme[.dialogBorder], title: "Find a candidate in any job",
            right: found.isEmpty ? "" : "\(found.count) found")
        box.line(0, "> ", on: &frame, style: theme[.dialogHighlight])
        drawTypedLine(finder.typed, x: box.innerX + 2, y: box.y + 1, style: theme[.dialogHighlight], maxWidth: box.innerWidth - 2, on: &frame)
        if found.isEmpty {
            box.line(1, finder.text.isEmpty ? "Type part of a name, an email, a tag or a source." : "Nobody matches.", on: &frame, style: theme[.muted])
            return
        }
        let first = max(0, finder.selected - rows + 1)
        for (offset, candidate) in found.dropFirst(first).prefix(rows).enumerated() {
            let places = candidate.placements.map { placement in
                let job = workspace.job(placement.job)
                let stage = job?.stage(placement.stage)?.name ?? ""
                return "\(job?.title ?? ""): \(stage)\(placement.disqualification == nil ? "" : " (dq)")"
            }
            let text = "\(candidate.name) — " + (places.isEmpty ? "talent pool only" : places.joined(separator: "; "))
            let selected = first + offset == finder.selected
            box.line(offset + 1, text, on: &frame, style: selected ? theme[.dialogHighlight] : theme[.dialog])
        }
    }
}
