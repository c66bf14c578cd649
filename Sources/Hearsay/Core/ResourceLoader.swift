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

    /// Where `builtin:` resources are read from when `HEARSAY_RESOURCES` names a folder; nil (the usual case) reads
    /// the copies compiled into the library from `Sources/Hearsay/Resources` at build time, so that a copied or
    /// installed `hearsay` needs nothing beside it.
    static let builtinDirectory: URL? = {
        guard let env = ProcessInfo.processInfo.environment["HEARSAY_RESOURCES"], !env.isEmpty else { return nil }
        return URL(fileURLWithPath: env)
    }()

    /// The names of the built-in resources compiled into the library, sorted.
    public static var builtinNames: [String] { EmbeddedResources.base64.keys.sorted() }

    /// The bytes of the built-in resource `name` as compiled into the library (`HEARSAY_RESOURCES` not consulted),
    /// nil for an unknown name.
    public static func embedded(_ name: String) -> Data? {
        EmbeddedResources.base64[name].flatMap { Data(base64Encoded: $0) }
    }

    public init(baseDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.baseDirectory = baseDirectory
    }

    /// The URL of a resource reference; nil for a `builtin:` reference read from the compiled-in copies.
    public func url(_ reference: String) -> URL? {
        if reference.hasPrefix("builtin:") {
            let name = String(reference.dropFirst("builtin:".count))
            return ResourceLoader.builtinDirectory?.appendingPathComponent(name)
        }
        if reference.hasPrefix("/") { return URL(fileURLWithPath: reference) }
        return baseDirectory.appendingPathComponent(reference)
    }

    public func data(_ reference: String) throws -> Data {
        guard let u = url(reference) else {
            let name = String(reference.dropFirst("builtin:".count))
            guard let d = ResourceLoader.embedded(name) else {
                throw HearsayError(
                    code: "resource.unreadable", message: "cannot read resource '\(reference)'",
                    cause: "no built-in resource is named '\(name)'; the built-in ones are "
                        + ResourceLoader.builtinNames.joined(separator: ", "))
            }
            log.record(reference, d)
            return d
        }
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
