/// Placeholder until the stage lands; throws so that no output pretends to be done.
public struct SentenceSegmenter: Stage {
    public struct Config: StageConfig {
        public init() {}
        public static let keys: [String] = []
    }
    public static let name = "segment"
    public static let requires: Set<Layer> = [.text, .paragraphs]
    public static let provides: Set<Layer> = [.sentences]
    public init(config: Config, resources: ResourceLoader) throws {}
    public func run(_ document: inout Document) throws {
        throw HearsayError(code: "not-implemented", message: "stage 'segment' is not implemented yet")
    }
}
