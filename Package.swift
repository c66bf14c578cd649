// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Hearsay",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Hearsay", targets: ["Hearsay"]),
        .executable(name: "hearsay", targets: ["hearsay"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "Hearsay",
            dependencies: [
                "CLibXML2",
                "CZlib",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // The files of Resources/ are compiled into the library (EmbedResources), so that a copied `hearsay`
            // works without a folder beside it; they are not a SwiftPM resource bundle.
            exclude: ["Resources"],
            plugins: ["EmbedResources"]
        ),
        // Build-time only: turns each file of a target's Resources/ into bytes in a generated Swift source.
        .plugin(name: "EmbedResources", capability: .buildTool()),
        // The SQLite corpus store (`hearsay index`, `search`, `who --db`); the core library does not use SQLite.
        .target(
            name: "HearsayStore",
            dependencies: [
                "Hearsay",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "hearsay",
            dependencies: [
                "Hearsay",
                "HearsayStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "HearsayTests",
            // The command line is a dependency so that its tests can run the built `hearsay`.
            dependencies: ["Hearsay", "hearsay"]
        ),
    ],
    swiftLanguageModes: [.v5]
)
