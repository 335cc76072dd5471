import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP port on 127.0.0.1 that takes connections and never says a word: the kernel
/// completes each connection into the listen queue, and nobody ever reads or writes
/// it. This is a mail server that has hung before its greeting.
final class SilentListener {
    let port: Int
    private let socket: Int32

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init() throws {
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else {
            close(descriptor)
            throw Failure(description: "Could not listen on 127.0.0.1: \(String(cString: strerror(errno))).")
        }
        var chosen = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &chosen) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        socket = descriptor
        port = Int(UInt16(bigEndian: chosen.sin_port))
    }

    /// A port nothing listens on any more: a mail server that is down.
    static func closedPort() throws -> Int {
        try SilentListener().port
    }

    deinit {
        close(socket)
    }
}
