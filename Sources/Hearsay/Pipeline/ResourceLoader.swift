import Foundation

/// Finds the lexicons and rule files that `pipeline.json` names.
///
/// A reference `builtin:NAME` is a file shipped in the library's resources (`Sources/Hearsay/Resources/NAME`);
/// anything else is a path, relative to the directory of the `pipeline.json` that names it.
public struct ResourceLoader: Sendable {
    /// Directory that relative paths are resolved against.
    public var baseDirectory: URL

    public init(baseDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.baseDirectory = baseDirectory
    }

    /// The URL of a resource reference.
    public func url(_ reference: String) throws -> URL {
        if reference.hasPrefix("builtin:") {
            let name = String(reference.dropFirst("builtin:".count))
            // The bundle holds the `Resources` folder copied as is.
            return Bundle.module.bundleURL.appendingPathComponent("Resources").appendingPathComponent(name)
        }
        if reference.hasPrefix("/") { return URL(fileURLWithPath: reference) }
        return baseDirectory.appendingPathComponent(reference)
    }

    public func data(_ reference: String) throws -> Data {
        let u = try url(reference)
        do {
            return try Data(contentsOf: u)
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
