import Foundation
import Testing

@testable import Hearsay

/// `docs/claims.md` lists every unit of `claims-units.json` and every rule id the claims stage can write, so an editor
/// reading a claim's `provenance.rule` or `unit` finds it explained.
@Suite struct ClaimDocsTests {
    static func doc() throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent("docs/claims.md"), encoding: .utf8)
    }

    /// The text between `<!-- name -->` and `<!-- /name -->`.
    static func section(_ name: String, of doc: String) -> String? {
        guard let a = doc.range(of: "<!-- \(name) -->"), let b = doc.range(of: "<!-- /\(name) -->"),
            a.upperBound <= b.lowerBound
        else { return nil }
        return String(doc[a.upperBound..<b.lowerBound])
    }

    @Test func everyUnitIsListed() throws {
        let units = try ResourceLoader().json(ClaimLexicon.UnitsFile.self, "builtin:claims-units.json").units
        let table = try #require(Self.section("units", of: try Self.doc()))
        let missing = Set(units.map(\.unit)).filter { !table.contains("`\($0)`") }.sorted()
        #expect(missing.isEmpty, "units missing from docs/claims.md (run scripts/claims-units-table.py): \(missing)")
        #expect(units.count > 50)
    }

    @Test func everyRuleIsExplained() throws {
        let dir = repositoryRoot.appendingPathComponent("Sources/Hearsay/Claims")
        var rules = Set<String>()
        for file in try FileManager.default.contentsOfDirectory(atPath: dir.path) where file.hasSuffix(".swift") {
            let source = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            // Rule ids are string literals "claims.<name>".
            var rest = source[...]
            while let r = rest.range(of: "\"claims.") {
                let tail = rest[r.upperBound...]
                let name = tail.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }
                if tail.dropFirst(name.count).first == "\"", !name.isEmpty { rules.insert("claims." + name) }
                rest = tail
            }
        }
        let doc = try Self.doc()
        let missing = rules.filter { !doc.contains("`\($0)`") }.sorted()
        #expect(missing.isEmpty, "rule ids missing from docs/claims.md: \(missing)")
        #expect(rules.count > 30)
    }
    /// Every confidence a rule asks for (`conf("claims.…")`) is in `rule_confidences`, and every key there is asked for.
    @Test func everyConfidenceIsData() throws {
        let lexicon = try ResourceLoader().json(ClaimLexicon.LexiconFile.self, "builtin:claims-lexicon.json")
        let table = try #require(lexicon.ruleConfidences)
        let dir = repositoryRoot.appendingPathComponent("Sources/Hearsay/Claims")
        var asked = Set<String>()
        for file in try FileManager.default.contentsOfDirectory(atPath: dir.path) where file.hasSuffix(".swift") {
            let source = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            var rest = source[...]
            while let r = rest.range(of: "conf(\"") {
                let tail = rest[r.upperBound...]
                let name = tail.prefix { $0 != "\"" }
                asked.insert(String(name))
                rest = tail
            }
        }
        #expect(asked.count > 20)
        let missing = asked.subtracting(table.keys).sorted()
        #expect(missing.isEmpty, "confidences missing from rule_confidences: \(missing)")
        let unused = Set(table.keys).subtracting(asked).sorted()
        #expect(unused.isEmpty, "rule_confidences never asked for: \(unused)")
        #expect(table.values.allSatisfy { $0 > 0 && $0 <= 1 })
    }
}
