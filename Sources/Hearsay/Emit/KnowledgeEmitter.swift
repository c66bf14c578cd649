/// Placeholder until the stage lands; throws so that no output pretends to be done.
public struct KnowledgeEmitter: Stage {
    public struct Config: StageConfig {
        public init() {}
        public static let keys: [String] = []
    }
    public static let name = "emit"
    public static let requires: Set<Layer> = [.text]
    public static let provides: Set<Layer> = [.knowledge]
    public init(config: Config, resources: ResourceLoader) throws {}
    public func run(_ document: inout Document) throws {
        throw HearsayError(code: "not-implemented", message: "stage 'emit' is not implemented yet")
    }
}
