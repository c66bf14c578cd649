import Crypto
import Foundation

/// The stages of `pipeline.json`, built once and checked, then run on each document.
public struct Pipeline: Sendable {
    struct Step: Sendable {
        let name: String
        let requires: Set<Layer>
        let provides: Set<Layer>
        let run: @Sendable (inout Document) throws -> Void
    }

    let steps: [Step]
    public let config: PipelineConfig
    /// SHA-256 over what decides the output: the generator version, the pipeline.json bytes and every resource
    /// the stages read. Two runs with the same fingerprint give the same document for the same input; the resume
    /// cache is keyed by it.
    public let fingerprint: String
    /// The largest input the pipeline accepts (`normalize.max_bytes`): readers never load more than this (plus
    /// one byte, to tell that an input is over it).
    public let maxInputBytes: Int

    /// The stage names in run order.
    public var stageNames: [String] { steps.map(\.name) }

    /// Builds every stage from its section and checks the chain of requirements before any article is read.
    ///
    /// - Throws: ``HearsayError`` `config.order` naming the stage and the missing layer, or a stage's own
    ///   configuration error.
    public init(config: PipelineConfig, file: String = "pipeline.json") throws {
        self.config = config
        let resources = ResourceLoader(baseDirectory: config.baseDirectory)
        var steps: [Step] = []
        var available: Set<Layer> = [.source]
        for name in config.stages {
            guard let entry = StageRegistry.entry(name) else {
                throw HearsayError(code: "config.unknown-stage", message: "unknown stage '\(name)'", file: file)
            }
            let step = try entry.make(config, resources, file)
            let missing = step.requires.subtracting(available)
            if !missing.isEmpty {
                let providers = missing.map { layer -> String in
                    let who = StageRegistry.entries.first { $0.provides.contains(layer) }?.name ?? "?"
                    return "'\(layer.rawValue)' (provided by '\(who)')"
                }.sorted()
                throw HearsayError(
                    code: "config.order",
                    message:
                        ".stages: stage '\(name)' requires \(providers.joined(separator: ", ")), which no earlier stage provides",
                    file: file)
            }
            available.formUnion(step.provides)
            steps.append(step)
        }
        self.steps = steps
        let basis = [KnowledgeEncoding.generatorVersion, config.sha256, resources.log.summary].joined(separator: "\n")
        fingerprint = SHA256.hash(data: Data(basis.utf8)).map { String(format: "%02x", $0) }.joined()
        self.maxInputBytes =
            config.stages.contains(TextNormalizer.name)
            ? try config.section(TextNormalizer.name, as: TextNormalizer.Config.self, file: file).maxBytes
            : TextNormalizer.Config().maxBytes
    }

    static func make<S: Stage>(_ type: S.Type, _ config: PipelineConfig, _ resources: ResourceLoader, _ file: String)
        throws -> Step
    {
        let section = try config.section(S.name, as: S.Config.self, file: file)
        let stage: S
        do {
            stage = try S(config: section, resources: resources)
        } catch var e as HearsayError {
            e.stage = S.name
            if e.file == nil { e.file = file }
            throw e
        }
        return Step(name: S.name, requires: S.requires, provides: S.provides) { doc in
            try stage.run(&doc)
            doc.provided.formUnion(S.provides)
        }
    }

    /// Runs every stage on one document.
    ///
    /// - Throws: ``HearsayError`` naming the document and the stage that failed.
    public func process(_ document: inout Document) throws {
        var ignored: [Double]? = nil
        try process(&document, timings: &ignored)
    }

    /// Runs every stage, adding each stage's wall-clock seconds to `timings` (indexed like ``stageNames``) when
    /// given; for benchmarks.
    public func process(_ document: inout Document, timings: inout [Double]?) throws {
        for (index, step) in steps.enumerated() {
            let started = timings == nil ? 0 : DispatchTime.now().uptimeNanoseconds
            defer {
                if timings != nil {
                    if timings!.count < steps.count { timings = Array(repeating: 0, count: steps.count) }
                    timings![index] += Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                }
            }
            do {
                try step.run(&document)
            } catch var e as HearsayError {
                if e.stage == nil { e.stage = step.name }
                if e.file == nil { e.file = document.source.path }
                throw e.located(in: document.original)
            } catch {
                throw HearsayError(
                    code: "internal", message: "stage '\(step.name)' failed", file: document.source.path,
                    stage: step.name, cause: "\(error)")
            }
        }
    }
}

extension Pipeline {
    /// A complete `pipeline.json` with every stage and every key at its default, for editors to copy and tune.
    public static func defaultsJSON() throws -> Data {
        var top: [String: Any] = ["version": PipelineConfig.supportedVersion, "stages": PipelineConfig.stageNames]
        for entry in StageRegistry.entries { top[entry.name] = try entry.defaults() }
        return try JSONSerialization.data(
            withJSONObject: top, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }
}
