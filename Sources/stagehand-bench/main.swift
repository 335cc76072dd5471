import Foundation

// A dispatcher only: the first argument names a subcommand, each in its own file.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "store-writer": exit(StoreWriter.run(Array(arguments.dropFirst())))
case "store-timing": exit(StoreTiming.run(Array(arguments.dropFirst())))
default: print("bench")
}
