import Foundation

/// Every stage this build knows, in their natural order: the one list that ``Pipeline`` builds stages from, checks
/// the chain against and writes the defaults of, and that ``PipelineConfig`` takes the known stage names from.
///
/// A new stage is added here and nowhere else.
enum StageRegistry {
    /// One known stage: its name, what it requires, reads when present and provides, and how to build it.
    struct Entry: Sendable {
        let name: String
        let requires: Set<Layer>
        /// Optional inputs (``Stage/uses``): read when an earlier stage provided them, not checked.
        let uses: Set<Layer>
        let provides: Set<Layer>
        /// Builds the stage from its section of `pipeline.json` (`file` names that file in errors).
        let make:
            @Sendable (_ config: PipelineConfig, _ resources: ResourceLoader, _ file: String) throws -> Pipeline.Step
        /// The stage's section with every key at its default, as a JSON object.
        let defaults: @Sendable () throws -> Any

        init<S: Stage>(_ type: S.Type) {
            name = S.name
            requires = S.requires
            uses = S.uses
            provides = S.provides
            make = { config, resources, file in try Pipeline.make(S.self, config, resources, file) }
            defaults = { try JSONSerialization.jsonObject(with: JSONEncoder().encode(S.Config())) }
        }
    }

    static let entries: [Entry] = [
        Entry(TextNormalizer.self), Entry(SentenceSegmenter.self), Entry(QuoteAttributor.self),
        Entry(ClaimExtractor.self), Entry(KnowledgeEmitter.self),
    ]

    /// The known stage of that name.
    static func entry(_ name: String) -> Entry? { entries.first { $0.name == name } }
}
