import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A real OpenSSH server on 127.0.0.1 with a key of its own, started for one test.
final class SSHServer {
    private(set) var port = 0
    let folder: URL
    let clientKey: URL
    let user: String
    private var process = Process()

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(in folder: URL) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") else {
            throw Failure(description: "sshd is not installed: install openssh-server (apt-get install openssh-server); .ci/run does this.")
        }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh") else {
            throw Failure(description: "ssh is not installed: install openssh-client; .ci/run does this.")
        }
        self.folder = folder
        user = String(cString: getpwuid(geteuid()).pointee.pw_name)
        let hostKey = folder.appendingPathComponent("host_ed25519")
        clientKey = folder.appendingPathComponent("client_ed25519")
        try Self.shell("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", hostKey.path])
        try Self.shell("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", clientKey.path])
        let authorized = folder.appendingPathComponent("authorized_keys")
        try FileManager.default.copyItem(at: clientKey.appendingPathExtension("pub"), to: authorized)
        // sshd refuses to start without its privilege-separation folder.
        try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        // A port picked at random can be taken meanwhile (tests beside this one open
        // connections, whose local ports come from the same range): another is tried.
        for attempt in 1...5 {
            port = Int.random(in: 20_000..<32_000)
            let config = folder.appendingPathComponent("sshd_config")
            try """
                Port \(port)
                ListenAddress 127.0.0.1
                HostKey \(hostKey.path)
                PidFile \(folder.appendingPathComponent("sshd.pid").path)
                AuthorizedKeysFile \(authorized.path)
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                PubkeyAuthentication yes
                PermitRootLogin prohibit-password
                StrictModes no
                UsePAM no
                PrintMotd no
                """.write(to: config, atomically: true, encoding: .utf8)
            let log = folder.appendingPathComponent("sshd-\(attempt).log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/sshd")
            process.arguments = ["-D", "-e", "-f", config.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: log)
            try process.run()
            do {
                try waitUntilListening()
                return
            } catch is Failure where attempt < 5 && !process.isRunning {
                continue
            } catch let failure as Failure {
                let said = (try? String(contentsOf: log, encoding: .utf8))?.split(separator: "\n").last.map(String.init) ?? ""
                throw Failure(description: "\(failure.description) sshd said: \(said)")
            }
        }
    }

    deinit { process.terminate() }

    /// The ssh command that logs in and runs `command` on a terminal.
    func login(running command: [String]) -> [String] {
        [
            "/usr/bin/ssh", "-tt", "-p", "\(port)", "-i", clientKey.path, "-o", "StrictHostKeyChecking=no",
            "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "BatchMode=yes", "\(user)@127.0.0.1",
        ] + command
    }

    private func waitUntilListening() throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let socket = OpenSSHTools.connection(to: port) {
                close(socket)
                return
            }
            guard process.isRunning else { throw Failure(description: "sshd exited at start on port \(port).") }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure(description: "sshd did not listen on 127.0.0.1:\(port) within 10 s.")
    }

    private static func shell(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(tool) \(arguments.joined(separator: " ")) failed")
        }
    }
}
