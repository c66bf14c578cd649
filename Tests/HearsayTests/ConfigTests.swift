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

    @Test func unknownNestedKeyPrintsItsPath() {
        let html = error(#"{"version": 1, "stages": ["normalize"], "normalize": {"html": {"max_deep": 3}}}"#)
        #expect(html?.code == "config.bad-value")
        #expect(html?.message.contains("max_deep") == true)
        #expect(html?.message.contains("unknown key") == true)
        let check = error(
            #"{"version": 1, "stages": ["normalize"], "normalize": {"html": {"main_text_check": {"enable": false}}}}"#)
        #expect(check?.message.contains("main_text_check.enable") == true)
        #expect(check?.message.contains("unknown key") == true)
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

    @Test func everyStageComesFromTheOneRegistry() throws {
        #expect(PipelineConfig.stageNames == StageRegistry.entries.map(\.name))
        let defaults = try JSONSerialization.jsonObject(with: Pipeline.defaultsJSON()) as? [String: Any]
        for entry in StageRegistry.entries { #expect(defaults?[entry.name] is [String: Any], "\(entry.name)") }
        let claims = try #require(StageRegistry.entry(ClaimExtractor.name))
        #expect(claims.requires == ClaimExtractor.requires)
        #expect(claims.uses == [.quotes])
        #expect(!claims.requires.contains(.quotes))
    }

    @Test func anOptionalInputNeedsNoEarlierStage() throws {
        // claims uses quotes when attribute ran before it, and runs without them otherwise.
        let pipeline = try load(#"{"version": 1, "stages": ["normalize", "segment", "claims"]}"#)
        #expect(pipeline.stageNames == ["normalize", "segment", "claims"])
        var doc = Document(id: "t.txt", path: "t.txt", bytes: Array("“We lost 40 jobs,” said Ann Lee.".utf8))
        try pipeline.process(&doc)
        #expect(doc.claims.count == 1)
        #expect(doc.claims.first?.quote == nil)
        #expect(doc.claims.first?.speaker == nil)
        let full = try load(#"{"version": 1, "stages": ["normalize", "segment", "attribute", "claims"]}"#)
        var linked = Document(id: "t.txt", path: "t.txt", bytes: Array("“We lost 40 jobs,” said Ann Lee.".utf8))
        try full.process(&linked)
        #expect(linked.claims.first?.quote != nil)
        #expect(linked.claims.first?.speaker != nil)
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

@Suite struct PipelineFileTests {
    /// The repository's pipeline.json spells out every default, so editors see every setting they can tune; it must
    /// not drift from the code (`hearsay defaults > pipeline.json` rewrites it).
    @Test func repositoryPipelineSpellsOutTheDefaults() throws {
        let file = try JSONSerialization.jsonObject(
            with: Data(contentsOf: repositoryRoot.appendingPathComponent("pipeline.json")))
        let defaults = try JSONSerialization.jsonObject(with: Pipeline.defaultsJSON())
        #expect(
            NSDictionary(dictionary: file as! [String: Any]) == NSDictionary(dictionary: defaults as! [String: Any]))
    }
}
