// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Stagehand",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "stagehand", targets: ["stagehand"]),
        .executable(name: "stagehand-bench", targets: ["stagehand-bench"]),
        // Separate, so that `swift run stagehand` never builds the SSH server and its crypto.
        .executable(name: "stagehand-serve", targets: ["stagehand-serve"]),
        .library(name: "StagehandCore", targets: ["StagehandCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-ssh.git", from: "0.15.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        .target(
            name: "StagehandCore",
            dependencies: [
                "CCurl",
                "CCrypto",
                "CPostgres",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ]
        ),
        // SMTP goes through libcurl, and workspaces past one host live in PostgreSQL
        // through libpq: like libcrypto, opened when first used (CLibraryOnDemand), not linked.
        .target(name: "CCurl", dependencies: ["CLibraryOnDemand"]),
        .target(name: "CPostgres", dependencies: ["CLibraryOnDemand"]),
        .target(name: "CLibraryOnDemand"),
        // SHA-256 for SSH key fingerprints, from the OpenSSL that libcurl already uses.
        .target(name: "CCrypto", dependencies: ["CLibraryOnDemand"]),
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "StagehandBoard", dependencies: ["StagehandCore"]),
        .target(name: "StagehandTerminal", dependencies: ["StagehandBoard", "StagehandCore", "CNcursesw"]),
        .executableTarget(
            name: "stagehand",
            dependencies: [
                "StagehandCore",
                "StagehandBoard",
                "StagehandTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: compactRelocations + startupOrder
        ),
        // posix_openpt and a posix_spawn into a new session on that pty, which Glibc does not import.
        .target(name: "CPseudoTerminal"),
        .target(
            name: "StagehandServe",
            dependencies: [
                "StagehandCore",
                "CPseudoTerminal",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "stagehand-serve",
            dependencies: ["StagehandServe", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            linkerSettings: compactRelocations
        ),
        .executableTarget(
            name: "stagehand-bench",
            dependencies: ["StagehandCore", "StagehandBoard"]
        ),
        .testTarget(name: "StagehandCoreTests", dependencies: ["StagehandCore"]),
        .testTarget(
            name: "StagehandBoardTests", dependencies: ["StagehandBoard", "StagehandCore"], exclude: ["Snapshots"]),
        .testTarget(name: "StagehandTerminalTests", dependencies: ["StagehandTerminal", "StagehandBoard"]),
        // Reads the sources' import lines: the layering rules of docs/ARCHITECTURE.md.
        .testTarget(name: "ArchitectureTests"),
        // Depends on the executables only so they are built: the tests run them as processes.
        .testTarget(
            name: "EndToEndTests", dependencies: ["StagehandCore", "CNcursesw", "stagehand", "stagehand-bench", "stagehand-serve"],
            exclude: ["Support/smtp_server.py"]),
    ],
    swiftLanguageModes: [.v6]
)

/// The binaries every session starts are linked by lld with packed relative
/// relocations (DT_RELR, glibc 2.36 or later: Debian 12): gold's 2 MB table of
/// 123,000 relocations was read at every start and stayed resident, 2.8 MB of
/// every process's RSS (a board on the sample: 31.6 → 28.7 MB).
var compactRelocations: [LinkerSetting] {
    [.unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"], .when(platforms: [.linux]))]
}

/// The functions a board and the everyday commands run (recorded with callgrind
/// by `Linker/record-startup-order`) are laid out together at the front of the
/// text: scattered, they made 13.5 MB of the 19 MB of code resident in every
/// board (the kernel maps 64 KB around each page touched), for 2 MB actually
/// run. A name the file lists that a build no longer has is passed over.
var startupOrder: [LinkerSetting] {
    let order = Context.packageDirectory + "/Linker/startup-order.txt"
    return [
        .unsafeFlags(
            ["-Xlinker", "--symbol-ordering-file=\(order)", "-Xlinker", "--no-warn-symbol-ordering"],
            .when(platforms: [.linux], configuration: .release))
    ]
}
