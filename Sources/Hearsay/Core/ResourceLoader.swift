import Crypto
import Foundation

/// Finds the lexicons and rule files that `pipeline.json` names.
///
/// A reference `builtin:NAME` is a file shipped in the library's resources (`Sources/Hearsay/Resources/NAME`);
/// anything else is a path, relative to the directory of the `pipeline.json` that names it.
public struct ResourceLoader: Sendable {
    /// Directory that relative paths are resolved against.
    public var baseDirectory: URL
    /// Records every resource read, so that a pipeline's fingerprint covers the lexicons it was built from.
    let log = ResourceLog()

    /// Where `builtin:` resources live, first found of: `HEARSAY_RESOURCES`; the resource bundle beside the
    /// executable (SwiftPM's layout, also for `swift run` and the tests); the source tree this library was built
    /// from. A copied binary without its bundle gets a clear error instead of a crash.
    static let builtinDirectory: URL? = {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["HEARSAY_RESOURCES"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env))
        }
        // The bundle holds the `Resources` folder copied as is.
        for base in [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.executableURL?.deletingLastPathComponent()].compactMap({ $0 }) {
            candidates.append(base.appendingPathComponent("Hearsay_Hearsay.resources").appendingPathComponent("Resources"))
        }
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources"))
        return candidates.first { fm.fileExists(atPath: $0.appendingPathComponent("attribute-cues.txt").path) }
    }()

    public init(baseDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.baseDirectory = baseDirectory
    }

    /// The URL of a resource reference.
    public func url(_ reference: String) throws -> URL {
        if reference.hasPrefix("builtin:") {
            let name = String(reference.dropFirst("builtin:".count))
            guard let dir = ResourceLoader.builtinDirectory else {
                throw HearsayError(
                    code: "resource.missing",
                    message: "the built-in resources were not found beside the executable; set HEARSAY_RESOURCES to "
                        + "the Resources folder (Sources/Hearsay/Resources in the source tree)")
            }
            return dir.appendingPathComponent(name)
        }
        if reference.hasPrefix("/") { return URL(fileURLWithPath: reference) }
        return baseDirectory.appendingPathComponent(reference)
    }

    public func data(_ reference: String) throws -> Data {
        let u = try url(reference)
        do {
            let d = try Data(contentsOf: u)
            log.record(reference, d)
            return d
        } catch {
            throw HearsayError(
                code: "resource.unreadable", message: "cannot read resource '\(reference)'", file: u.path,
                cause: "\(error)")
        }
    }

    /// The entries of a line-based lexicon: one per line, `#` starts a comment, blank lines skipped.
    public func lines(_ reference: String) throws -> [String] {
        let d = try data(reference)
        guard let s = String(data: d, encoding: .utf8) else {
            throw HearsayError(code: "resource.encoding", message: "resource '\(reference)' is not UTF-8")
        }
        var out: [String] = []
        for raw in s.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(raw)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let t = line.trimmingCharacters(in: .whitespaces)
            if !t.isEmpty { out.append(t) }
        }
        return out
    }

    /// A JSON resource decoded into `T`; a bad value names its key path.
    public func json<T: Decodable>(_ type: T.Type, _ reference: String) throws -> T {
        let d = try data(reference)
        do {
            return try JSONDecoder().decode(T.self, from: d)
        } catch let e as DecodingError {
            throw HearsayError(
                code: "resource.invalid", message: "resource '\(reference)': \(ConfigError.describe(e))")
        }
    }
}

/// The resources a pipeline read, each with the SHA-256 of its bytes.
final class ResourceLog: @unchecked Sendable {
    private var entries: [String: String] = [:]
    private let lock = NSLock()

    func record(_ reference: String, _ data: Data) {
        let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        lock.lock()
        entries[reference] = digest
        lock.unlock()
    }

    /// `reference sha256` lines, sorted.
    var summary: String {
        lock.lock()
        defer { lock.unlock() }
        return entries.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "\n")
    }
}
