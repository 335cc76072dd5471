import ArgumentParser
import Foundation
import StagehandCore

/// Runs a command body, turning the core's errors into one line on stderr and their exit code.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as UserFacingError {
        printError("stagehand: \(error.sentence)")
        throw ExitCode(error.exitCode)
    } catch let error as CocoaError where error.code == .fileWriteNoPermission || error.code == .fileWriteUnknown {
        printError("stagehand: \(error.localizedDescription) Check the folder's permissions.")
        throw ExitCode(1)
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((TextOutput.visible(text) + "\n").utf8))
}
