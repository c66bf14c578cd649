// swift-tools-version:6.0
// Speed benchmarks, apart from the tests: `cd Benchmarks && swift run -c release hearsay-bench` (see
// docs/performance.md); `Benchmarks/profile.sh` profiles it under valgrind callgrind.
import PackageDescription

let package = Package(
    name: "HearsayBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Hearsay", path: "../")],
    targets: [
        .executableTarget(
            name: "hearsay-bench",
            dependencies: [.product(name: "Hearsay", package: "Hearsay")]
        )
    ],
    swiftLanguageModes: [.v5]
)
