// swift-tools-version:6.0
// libFuzzer targets for Hearsay, apart from the tests: `scripts/fuzz.sh` builds this package with
// `--sanitize=fuzzer --sanitize=address` and runs each target (HEARSAY_FUZZ_TARGET) on its seed corpus.
import PackageDescription

let package = Package(
    name: "HearsayFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Hearsay", path: "../")],
    targets: [
        .executableTarget(
            name: "hearsay-fuzz",
            dependencies: [.product(name: "Hearsay", package: "Hearsay")],
            // libFuzzer brings `main`; this module has none.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    ],
    swiftLanguageModes: [.v5]
)
