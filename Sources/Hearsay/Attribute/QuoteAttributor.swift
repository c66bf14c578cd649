/// Placeholder until the stage lands; throws so that no output pretends to be done.
public struct QuoteAttributor: Stage {
    public struct Config: StageConfig {
        public init() {}
        public static let keys: [String] = []
    }
    public static let name = "attribute"
    public static let requires: Set<Layer> = [.text, .sentences]
    public static let provides: Set<Layer> = [.quotes, .speakers]
    public init(config: Config, resources: ResourceLoader) throws {}
    public func run(_ document: inout Document) throws {
        throw HearsayError(code: "not-implemented", message: "stage 'attribute' is not implemented yet")
    }
}
