/// Placeholder until the stage lands; throws so that no output pretends to be done.
public struct TextNormalizer: Stage {
    public struct Config: StageConfig {
        public init() {}
        public static let keys: [String] = []
    }
    public static let name = "normalize"
    public static let requires: Set<Layer> = [.source]
    public static let provides: Set<Layer> = [.text, .paragraphs]
    public init(config: Config, resources: ResourceLoader) throws {}
    public func run(_ document: inout Document) throws {
        throw HearsayError(code: "not-implemented", message: "stage 'normalize' is not implemented yet")
    }
}
