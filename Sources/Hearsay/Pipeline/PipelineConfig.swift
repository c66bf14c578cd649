import Crypto
import Foundation

/// `pipeline.json`: a version, the ordered stages, and one section per stage.
public struct PipelineConfig: Sendable {
    /// The newest `version` this build understands.
    public static let supportedVersion = 1

    public var version: Int
    public var stages: [String]
    /// Each stage's section, as raw JSON (an object).
    public var sections: [String: Data]
    /// SHA-256 of the bytes the configuration was read from (of the canonical default when none was given).
    public var sha256: String
    /// Directory that relative resource paths resolve against.
    public var baseDirectory: URL

    /// The configuration used when no `pipeline.json` is given: every stage in order, every default.
    public static func defaultConfig() -> PipelineConfig {
        let text = """
            {"version": 1, "stages": ["normalize", "segment", "attribute", "claims", "emit"]}
            """
        // Cannot fail: the literal above is valid.
        return try! PipelineConfig(
            data: Data(text.utf8), file: "<default>",
            baseDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    /// Reads a configuration file.
    ///
    /// - Throws: ``HearsayError`` with code `config.*` naming the file and key path.
    public static func load(path: String) throws -> PipelineConfig {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw HearsayError(code: "config.unreadable", message: "cannot read pipeline file", file: path)
        }
        return try PipelineConfig(data: data, file: path, baseDirectory: url.deletingLastPathComponent())
    }

    public init(data: Data, file: String, baseDirectory: URL) throws {
        self.baseDirectory = baseDirectory
        self.sha256 = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            let nsError = error as NSError
            let offset = (nsError.userInfo["NSJSONSerializationErrorIndex"] as? Int)
            throw HearsayError(
                code: "config.malformed", message: "pipeline file is not valid JSON", file: file, byteOffset: offset
            ).located(in: [UInt8](data))
        }
        guard let top = object as? [String: Any] else {
            throw HearsayError(code: "config.malformed", message: "pipeline file must hold a JSON object", file: file)
        }
        let allowed = Set(["version", "stages", "$comment"] + PipelineConfig.stageNames)
        for key in top.keys.sorted() where !allowed.contains(key) {
            throw HearsayError(
                code: "config.unknown-key",
                message: ".\(key): unknown key (known: \(allowed.sorted().joined(separator: ", ")))", file: file)
        }
        guard let version = top["version"] as? Int else {
            throw HearsayError(code: "config.bad-value", message: ".version: required integer missing", file: file)
        }
        if version > PipelineConfig.supportedVersion {
            throw HearsayError(
                code: "config.version",
                message:
                    ".version: \(version) is newer than this hearsay supports (\(PipelineConfig.supportedVersion))",
                file: file)
        }
        if version < 1 {
            throw HearsayError(code: "config.bad-value", message: ".version: must be 1 or more", file: file)
        }
        self.version = version
        // Every section is optional, `stages` too: without it every stage runs, in the natural order.
        guard let stages = top["stages"] == nil ? PipelineConfig.stageNames : top["stages"] as? [String],
            !stages.isEmpty
        else {
            throw HearsayError(
                code: "config.bad-value", message: ".stages: must be a non-empty list of stage names", file: file)
        }
        for (i, s) in stages.enumerated() where !PipelineConfig.stageNames.contains(s) {
            throw HearsayError(
                code: "config.unknown-stage",
                message:
                    ".stages[\(i)]: unknown stage '\(s)' (known: \(PipelineConfig.stageNames.joined(separator: ", ")))",
                file: file)
        }
        self.stages = stages
        var sections: [String: Data] = [:]
        for name in PipelineConfig.stageNames {
            guard let raw = top[name] else { continue }
            guard let section = raw as? [String: Any] else {
                throw HearsayError(code: "config.bad-value", message: ".\(name): must be an object", file: file)
            }
            sections[name] = try JSONSerialization.data(withJSONObject: section)
        }
        self.sections = sections
    }

    /// Every stage this build knows, in their natural order (from ``StageRegistry``).
    public static let stageNames = StageRegistry.entries.map(\.name)

    /// Decodes one stage's section, refusing unknown keys and naming the key path of a bad value.
    func section<C: StageConfig>(_ name: String, as type: C.Type, file: String) throws -> C {
        guard let data = sections[name] else { return C() }
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        let known = Set(C.keys + ["$comment"])
        for key in object.keys.sorted() where !known.contains(key) {
            throw HearsayError(
                code: "config.unknown-key",
                message: ".\(name).\(key): unknown key (known: \(C.keys.sorted().joined(separator: ", ")))",
                file: file)
        }
        do {
            return try JSONDecoder().decode(C.self, from: data)
        } catch let e as DecodingError {
            throw HearsayError(code: "config.bad-value", message: ".\(name)\(ConfigError.describe(e))", file: file)
        }
    }
}
