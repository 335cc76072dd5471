#if canImport(Glibc)
    import Glibc
#endif
import Foundation
import Testing
@testable import StagehandCore

/// Found by a newcomer trying stagehand-serve: a command run as root on a state
/// that the server's boards write as `nobody` left files the boards could not write.
@Suite struct StateFileOwnershipTests {
    @Test func filesCreatedInAnotherUsersFolderBelongToThatUser() throws {
        let folder = try ScratchFolder()
        // As root (CI) the folder is first given to nobody; anyone else simply owns what they create.
        var owner = geteuid()
        if owner == 0, let nobody = getpwnam("nobody") {
            owner = nobody.pointee.pw_uid
            #expect(chown(folder.url.path, nobody.pointee.pw_uid, nobody.pointee.pw_gid) == 0)
        }
        let file = StateFile(path: folder.statePath)
        try file.create(StoreFixtures.workspace, replacing: false)
        try file.update { $0.counter += 1 }
        try file.compact()
        try file.update { $0.counter += 1 }
        for name in ["state.json", "state.json.journal"] {
            var status = stat()
            #expect(stat(folder.url.appendingPathComponent(name).path, &status) == 0)
            #expect(status.st_uid == owner, "\(name) belongs to uid \(status.st_uid)")
        }
    }
}
