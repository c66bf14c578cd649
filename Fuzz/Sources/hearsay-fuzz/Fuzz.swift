import Foundation
import Hearsay

/// One libFuzzer entry point for every target of ``FuzzHarness``, chosen by `HEARSAY_FUZZ_TARGET`
/// (`normalize-html`, `normalize-text`, `segment`, `attribute`, `claims`, `stream`). A problem the harness
/// reports is turned into a crash, so that libFuzzer saves the input.
enum Fuzz {
    static let target: FuzzHarness.Target = {
        let name = ProcessInfo.processInfo.environment["HEARSAY_FUZZ_TARGET"] ?? "normalize-html"
        guard let t = FuzzHarness.Target(rawValue: name) else {
            let all = FuzzHarness.Target.allCases.map(\.rawValue).joined(separator: ", ")
            fatalError("HEARSAY_FUZZ_TARGET must be one of \(all), not '\(name)'")
        }
        return t
    }()
    static let harness: FuzzHarness = {
        do { return try FuzzHarness() } catch { fatalError("fuzz harness: \(error)") }
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func hearsayFuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let problems = Fuzz.harness.run(Fuzz.target, bytes)
    if !problems.isEmpty { fatalError("hearsay-fuzz \(Fuzz.target.rawValue): \(problems.joined(separator: "; "))") }
    return 0
}

/// Builds the harness (lexicons, compiled patterns) once before the first input, so that what it allocates for the
/// whole run is not counted against an input by libFuzzer's per-input leak check.
@_cdecl("LLVMFuzzerInitialize")
public func hearsayFuzzInitialize(
    _ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
) -> CInt {
    _ = Fuzz.target
    _ = Fuzz.harness
    return 0
}
