import CCrypto
import CCurl
import CPostgres
import Testing
@testable import StagehandCore

/// The libraries opened on first use are found where Debian installs them, and
/// where they are missing the sentence says which package to install.
@Suite struct LibrariesOnDemandTests {
    @Test func libcurlLibpqAndLibcryptoOpenWhenFirstNeeded() {
        #expect(stagehand_curl_unavailable() == nil)
        #expect(stagehand_pq_unavailable() == nil)
        #expect(stagehand_crypto_unavailable() == nil)
        #expect(curl_easy_strerror(CURLE_OK).map { String(cString: $0) } == "No error")
    }

    @Test func aMissingLibrarySaysWhichPackageToInstall() {
        #expect(
            MailSetupError.libcurlMissing(detail: "libcurl.so.4: cannot open shared object file").sentence
                == "Sending by SMTP needs libcurl, which could not be loaded here (libcurl.so.4: cannot open shared object file): install it (Debian: apt install libcurl4), or send through a sendmail program with 'stagehand mail set sendmail'.")
        let missing = DatabaseError.libpqMissing(shown: "postgresql:///stagehand", detail: "libpq.so.5: cannot open shared object file")
        #expect(
            missing.sentence
                == "Reaching the database postgresql:///stagehand needs libpq, PostgreSQL's client library, which could not be loaded here (libpq.so.5: cannot open shared object file): install it (Debian: apt install libpq5), then try again.")
        #expect(missing.sysexitsClass == 69)
    }
}
