/// A layer of a ``Document`` that a stage reads or adds.
public enum Layer: String, Sendable, Hashable, Codable, CaseIterable {
    case source, text, paragraphs, sentences, speakers, quotes, claims, knowledge
}

/// One processor of the pipeline.
///
/// A stage is built once from its own section of `pipeline.json` and then run on each document. It declares what
/// it needs and what it adds; the pipeline refuses an order that leaves a requirement unmet before any article is
/// read.
public protocol Stage: Sendable {
    associatedtype Config: StageConfig
    /// The stage's name, as in `pipeline.json`'s `stages` list.
    static var name: String { get }
    static var requires: Set<Layer> { get }
    /// Layers the stage reads when an earlier stage provided them, and does without otherwise (optional inputs:
    /// not checked when the pipeline is built). Default: none.
    static var uses: Set<Layer> { get }
    static var provides: Set<Layer> { get }
    init(config: Config, resources: ResourceLoader) throws
    /// Runs the stage on one document.
    ///
    /// - Throws: ``HearsayError`` when the document cannot be processed; the batch goes on with the next one.
    func run(_ document: inout Document) throws
}

extension Stage {
    public static var uses: Set<Layer> { [] }
}

/// A stage's section of `pipeline.json`.
///
/// Every field has a default, so an empty section is valid; unknown keys are refused with their key path.
public protocol StageConfig: Codable, Sendable {
    init()
    /// The keys this section accepts.
    static var keys: [String] { get }
}

extension Decoder {
    /// Refuses a key of the object being decoded that is not one of `known` (a `$comment` is always allowed), with
    /// its key path, for a nested settings object whose stage section has already been checked by the pipeline.
    func refuseUnknownKeys(_ known: [String]) throws {
        let all = try container(keyedBy: AnySettingsKey.self)
        for k in all.allKeys where !known.contains(k.stringValue) && k.stringValue != "$comment" {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: all.codingPath + [k],
                    debugDescription: "unknown key (known: \(known.sorted().joined(separator: ", ")))"))
        }
    }
}

/// Any key of a settings object, for ``Swift/Decoder/refuseUnknownKeys(_:)``.
private struct AnySettingsKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
