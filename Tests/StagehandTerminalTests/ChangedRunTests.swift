import StagehandBoard
import Testing

@testable import StagehandTerminal

/// Only what changed is sent, which keeps a focus move over ssh to a few hundred bytes.
@Suite struct ChangedRunTests {
    let focused = Style(reverse: true)

    func board() -> Frame {
        var frame = Frame(width: 20, height: 5)
        frame.put("Applied", x: 0, y: 0)
        frame.put("Ana Silva", x: 0, y: 1)
        frame.put("Bo Chen", x: 0, y: 2)
        return frame
    }

    @Test("The first frame is sent whole, except the bottom-right cell")
    func firstFrame() {
        let runs = ChangedRun.runs(from: nil, to: board(), screenSize: (20, 5))
        #expect(runs.map(\.row) == [0, 1, 2, 3, 4])
        #expect(runs.allSatisfy { $0.column == 0 })
        #expect(runs.map(\.cells.count) == [20, 20, 20, 20, 19])
    }

    @Test func sameFrameSendsNothing() {
        #expect(ChangedRun.runs(from: board(), to: board(), screenSize: (20, 5)).isEmpty)
    }

    @Test("Moving focus sends the two restyled cards and nothing else")
    func focusMove() {
        var before = board()
        before.restyle(x: 0, y: 1, width: 9) { $0 = focused }
        var after = board()
        after.restyle(x: 0, y: 2, width: 7) { $0 = focused }
        let runs = ChangedRun.runs(from: before, to: after, screenSize: (20, 5))
        #expect(runs.map(\.row) == [1, 2])
        #expect(runs.map(\.column) == [0, 0])
        #expect(runs.map(\.cells.count) == [9, 7])
        #expect(runs[1].cells.map(\.glyph).joined() == "Bo Chen")
    }

    @Test("Separate changes on one row are separate runs")
    func gapsSplitRuns() {
        var after = board()
        after.put("X", x: 2, y: 0)
        after.put("Y", x: 5, y: 0)
        let runs = ChangedRun.runs(from: board(), to: after, screenSize: (20, 5))
        #expect(runs == [
            ChangedRun(row: 0, column: 2, cells: [Cell(glyph: "X")]),
            ChangedRun(row: 0, column: 5, cells: [Cell(glyph: "Y")]),
        ])
    }

    @Test("A changed wide glyph is sent with its continuation cell")
    func wideGlyphChanged() {
        var before = board()
        before.put("⚡", x: 10, y: 0)
        var after = before
        after.restyle(x: 10, y: 0, width: 1) { $0 = focused }
        let runs = ChangedRun.runs(from: before, to: after, screenSize: (20, 5))
        #expect(runs.count == 1)
        #expect(runs[0].column == 10)
        #expect(runs[0].cells.map(\.isContinuation) == [false, true])
    }

    @Test("A change to only the continuation cell sends the glyph it belongs to")
    func continuationChanged() {
        var before = board()
        before.put("⚡", x: 10, y: 0)
        var after = before
        after.restyle(x: 11, y: 0, width: 1) { $0 = focused }
        let runs = ChangedRun.runs(from: before, to: after, screenSize: (20, 5))
        #expect(runs.map(\.column) == [10])
        #expect(runs[0].cells.first?.glyph == "⚡")
    }

    @Test("A frame of another size is sent whole")
    func otherSize() {
        let runs = ChangedRun.runs(from: Frame(width: 10, height: 5), to: board(), screenSize: (20, 5))
        #expect(runs.count == 5)
    }

    @Test("Cells beyond a smaller screen are left out, and so is its bottom-right cell")
    func clippedToScreen() {
        let runs = ChangedRun.runs(from: nil, to: board(), screenSize: (8, 3))
        #expect(runs.map(\.row) == [0, 1, 2])
        #expect(runs.map(\.cells.count) == [8, 8, 7])
        #expect(runs[1].cells.map(\.glyph).joined() == "Ana Silv")
    }

    @Test("A frame narrower than the screen never reaches the bottom-right cell")
    func narrowerFrame() {
        let runs = ChangedRun.runs(from: nil, to: board(), screenSize: (30, 5))
        #expect(runs.last?.cells.count == 20)
    }

    @Test func emptyScreen() {
        #expect(ChangedRun.runs(from: nil, to: board(), screenSize: (0, 0)).isEmpty)
    }
}
