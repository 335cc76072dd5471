#if canImport(Glibc)
    import Glibc
#endif
import Foundation

/// The bits of OpenSSH and of plain TCP the SSH tests share.
enum OpenSSHTools {
    /// Runs the real `ssh-keygen` and answers what it printed; fails, naming the
    /// package, when it is missing, and when it fails.
    @discardableResult
    static func keygen(_ arguments: [String]) throws -> String {
        let tool = "/usr/bin/ssh-keygen"
        guard FileManager.default.isExecutableFile(atPath: tool) else {
            throw TmuxSession.Failure(description: "ssh-keygen is missing: install openssh-client (.ci/run does).")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TmuxSession.Failure(description: "ssh-keygen \(arguments) failed") }
        return text
    }

    /// A plain TCP connection to 127.0.0.1:`port`, or nil when it was refused.
    static func connection(to port: Int) -> Int32? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            return nil
        }
        return socket
    }
}
