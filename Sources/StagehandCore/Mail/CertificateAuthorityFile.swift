import Foundation

/// The file `--ca-file` names. libcurl reads it at each connection and fails the same way
/// every time when it is missing or holds no certificate (a private key given by mistake),
/// so that is found before any email is claimed.
enum CertificateAuthorityFile {
    /// The PEM labels OpenSSL takes trusted certificates from.
    static let certificateLabels = ["-----BEGIN CERTIFICATE-----", "-----BEGIN TRUSTED CERTIFICATE-----", "-----BEGIN X509 CERTIFICATE-----"]

    static func check(_ path: String) throws {
        guard FileManager.default.isReadableFile(atPath: path), let data = FileManager.default.contents(atPath: path) else {
            throw MailSetupError.certificateFileUnreadable(path: path)
        }
        let text = String(decoding: data, as: UTF8.self)
        guard certificateLabels.contains(where: text.contains) else {
            throw MailSetupError.certificateFileHoldsNoCertificate(path: path)
        }
    }
}
