import Foundation
import Testing
@testable import Hearsay

@Suite struct ConfigTests {
    func load(_ json: String) throws -> Pipeline {
        let config = try PipelineConfig(data: Data(json.utf8), file: "p.json", baseDirectory: repositoryRoot)
        return try Pipeline(config: config, file: "p.json")
    }

    func error(_ json: String) -> HearsayError? {
        do {
            _ = try load(json)
            return nil
        } catch let e as HearsayError {
            return e
        } catch {
            return nil
        }
    }

    @Test func repositoryPipelineLoadsWithEveryStageInOrder() throws {
        let config = try PipelineConfig.load(path: repositoryRoot.appendingPathComponent("pipeline.json").path)
        let pipeline = try Pipeline(config: config)
        #expect(pipeline.stageNames == ["normalize", "segment", "attribute", "claims", "emit"])
        #expect(config.sha256.count == 64)
    }

    @Test func malformedJSONNamesTheFileAndPosition() {
        let e = error("{\"version\": 1, \"stages\": [")
        #expect(e?.code == "config.malformed")
        #expect(e?.file == "p.json")
        #expect(e?.description.hasPrefix("p.json:") == true)
    }

    @Test func newerVersionIsRefused() {
        let e = error(#"{"version": 99, "stages": ["normalize"]}"#)
        #expect(e?.code == "config.version")
        #expect(e?.message.contains("99") == true)
    }

    @Test func unknownTopLevelKeyPrintsItsPath() {
        let e = error(#"{"version": 1, "stages": ["normalize"], "normalise": {}}"#)
        #expect(e?.code == "config.unknown-key")
        #expect(e?.message.hasPrefix(".normalise") == true)
    }

    @Test func unknownStageKeyPrintsItsPath() {
        let e = error(#"{"version": 1, "stages": ["normalize"], "normalize": {"max_byte": 10}}"#)
        #expect(e?.code == "config.unknown-key")
        #expect(e?.message.hasPrefix(".normalize.max_byte") == true)
    }

    @Test func badValuePrintsItsPath() {
        let e = error(#"{"version": 1, "stages": ["normalize"], "normalize": {"max_bytes": "big"}}"#)
        #expect(e?.code == "config.bad-value")
        #expect(e?.message.contains(".normalize.max_bytes") == true)
        let neg = error(#"{"version": 1, "stages": ["normalize"], "normalize": {"max_bytes": -1}}"#)
        #expect(neg?.code == "config.bad-value")
    }

    @Test func wrongOrderNamesTheStageAndTheMissingLayer() {
        let e = error(#"{"version": 1, "stages": ["normalize", "attribute", "segment"]}"#)
        #expect(e?.code == "config.order")
        #expect(e?.message.contains("'attribute'") == true)
        #expect(e?.message.contains("'sentences'") == true)
        #expect(e?.message.contains("'segment'") == true)
    }

    @Test func unknownStageIsRefused() {
        let e = error(#"{"version": 1, "stages": ["normalize", "translate"]}"#)
        #expect(e?.code == "config.unknown-stage")
        #expect(e?.message.contains("translate") == true)
    }

    @Test func missingResourceFileIsAConfigError() {
        let e = error(#"{"version": 1, "stages": ["normalize"], "normalize": {"text_rules": "no/such/rules.json"}}"#)
        #expect(e?.code == "resource.unreadable")
        #expect(e?.stage == "normalize")
    }
}
