import Foundation
import Testing

/// A long journal is folded into the snapshot by whatever runs while nobody waits.
@Suite struct JournalFoldingTests {
    @Test func aDispatchFromCronFoldsAJournalThatOutgrewAQuarterOfTheSnapshot() throws {
        let cli = try StagehandCLI()
        #expect(try cli.run(["demo"]).status == 0)
        let stages = try #require((try cli.json(["board", "--job", "ios"])["jobs"] as? [[String: Any]])?.first?["stages"] as? [[String: Any]])
        // Back and forth between two stages, starting from every other one.
        let (here, there) = (try #require(stages[1]["name"] as? String), try #require(stages[2]["name"] as? String))
        let ids = stages.filter { ![here, there].contains($0["name"] as? String) }.flatMap { $0["candidates"] as? [[String: Any]] ?? [] }
            .filter { $0["disqualified"] as? Bool == false }.compactMap { $0["id"] as? String }
        let journal = cli.statePath + ".journal"
        func journalSize() -> Int { (try? FileManager.default.attributesOfItem(atPath: journal)[.size] as? Int) ?? 0 }
        let quarter = max(256 << 10, ((try? FileManager.default.attributesOfItem(atPath: cli.statePath)[.size] as? Int) ?? 0) / 4)
        var round = 0
        while journalSize() <= quarter, round < 200 {
            let moved = try cli.run(["move"] + ids + ["--job", "ios", "--to", round % 2 == 0 ? here : there, "--without-actions"])
            try #require(moved.status == 0, "\(moved.errors)")
            round += 1
        }
        try #require(journalSize() > quarter, "the journal grew past a quarter of the snapshot (and 256 KB)")
        let history = try cli.run(["show", ids[0]]).output

        let dispatched = try cli.run(["dispatch"])

        #expect(dispatched.status == 0, "\(dispatched.errors)")
        #expect(journalSize() == 0, "folded into a new snapshot")
        #expect(try cli.run(["show", ids[0]]).output == history, "nothing lost on the way")
        #expect(try cli.run(["check"]).status == 0)
    }
}
