import Foundation

// A dispatcher only: the first argument names a subcommand, each in its own file.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "store-writer": exit(StoreWriter.run(Array(arguments.dropFirst())))
case "store-timing": exit(StoreTiming.run(Array(arguments.dropFirst())))
case "core": exit(CoreTiming.run(Array(arguments.dropFirst())))
case "core-memory": exit(CoreTiming.loadAndMove(Array(arguments.dropFirst())))
case "board": exit(BoardTiming.run(Array(arguments.dropFirst())))
case "work": exit(WorkTiming.run(Array(arguments.dropFirst())))
case "timed": exit(TimedTiming.run(Array(arguments.dropFirst())))
case "generate": exit(Generate.run(Array(arguments.dropFirst())))
case "scale": exit(MainActor.assumeIsolated { ScaleTiming.run(Array(arguments.dropFirst())) })
case "insights": exit(InsightsTiming.run(Array(arguments.dropFirst())))
case "writers": exit(ConcurrentWriters.run(Array(arguments.dropFirst())))
case "writer-changes": exit(ConcurrentWriters.writer(Array(arguments.dropFirst())))
case "crash": exit(CrashSafety.run(Array(arguments.dropFirst())))
case "crash-writer": exit(CrashWriter.run(Array(arguments.dropFirst())))
case "live-boards": exit(LiveBoards.run(Array(arguments.dropFirst())))
case "live-board": exit(MainActor.assumeIsolated { LiveBoards.board(Array(arguments.dropFirst())) })
case "db-kill": exit(DatabaseKills.run(Array(arguments.dropFirst())))
case "fuzz-state": exit(StateFileFuzz.run(Array(arguments.dropFirst())))
case "fuzz-text": exit(MainActor.assumeIsolated { TextFuzz.run(Array(arguments.dropFirst())) })
case "fuzz-board": exit(MainActor.assumeIsolated { BoardFuzz.run(Array(arguments.dropFirst())) })
default:
    print(
        """
        usage: stagehand-bench SUBCOMMAND [--name value …]
        core, board, writers and live-boards measure a state file, or a database with
        --store postgresql (a throwaway cluster the bench starts) or --store postgresql://…
          core          load, durable move, bulk move, save and peak memory on 10,000 candidates
          board         first frame, key to frame and bytes per focus move on 10,000 candidates
          work          My work, a task done, a note, a tag, an evaluation, the finder on 10,000 candidates
          timed         a dispatch pass over 10,000 actions waiting for their time in stage, none due
          insights      pipeline insights, the insights page, report as a process, frame cost with expected times
          generate      write the benchmarks' large workspace to a state file (--candidates N --state PATH)
          scale         issue 19's operations at 1k, 10k and 100k candidates and their growth exponents
          store-timing  the state file alone: create, load, update, poll, compaction
          store-writer  a writer process for the store's crash and concurrency tests
          writers       8 processes × 250 moves and notes on one store: all present, throughput, worst wait
          live-boards   a move seen on 20 other boards, each running the board's loop
          live-board    one of those boards
          crash         a writer killed at random instants 500 times on a plain, a full and a read-only folder
          crash-writer  the process crash kills (and db-kill's writers)
          db-kill       the PostgreSQL server killed with SIGKILL 20 times amid writers: every acknowledged change kept
          fuzz-state    load thousands of mutated state files: each loads or is refused clearly
          fuzz-text     odd text in templates, CSV imports, board cards and command-line arguments
          fuzz-board    random keys, mouse, resizes and ticks through update with real effects; invariants hold
        """)
    exit(arguments.isEmpty ? 0 : 64)
}
