import Foundation
import Testing

@testable import Hearsay

/// Writes predictions for a numbers dev set in the scorer's format, for measuring only.
///
/// Runs when `HEARSAY_CLAIMS_EVAL=GOLD.jsonl:PRED.jsonl` is set; otherwise disabled.
@Suite struct ClaimsEvalTests {
    static let spec = ProcessInfo.processInfo.environment["HEARSAY_CLAIMS_EVAL"]

    @Test(.enabled(if: spec != nil)) func writePredictions() throws {
        let parts = Self.spec!.split(separator: ":").map(String.init)
        #expect(parts.count == 2)
        var config = ClaimExtractor.Config()
        if let r = ProcessInfo.processInfo.environment["HEARSAY_CLAIMS_RESOLVE"] { config.resolvePartialDates = r == "1" }
        let stage = try ClaimExtractor(config: config, resources: ResourceLoader())
        let text = try String(contentsOfFile: parts[0], encoding: .utf8)
        var out = ""
        var n = 0
        for line in text.split(separator: "\n") {
            let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            if ProcessInfo.processInfo.environment["HEARSAY_CLAIMS_TRACE"] != nil { FileHandle.standardError.write(Data(((obj["id"] as! String) + "\n").utf8)) }
            var doc = Document.fromCleanText(obj["text"] as! String, id: obj["id"] as! String)
            if let r = obj["reference_datetime"] as? String { doc.metadata.published = String(r.prefix(10)) }
            try stage.run(&doc)
            var qs: [[String: Any]] = []
            let enc = JSONEncoder()
            for c in doc.claims {
                let data = try enc.encode(c)
                var d = try JSONSerialization.jsonObject(with: data) as! [String: Any]
                let s = d["span"] as! [Int]
                d["start"] = s[0]
                d["end"] = s[1]
                d["surface"] = c.text
                qs.append(d)
                for e in c.equivalents {
                    qs.append([
                        "surface": e.text, "start": e.span.start, "end": e.span.end, "unit": e.unit as Any,
                        "value": e.value.number as Any, "kind": c.kind.rawValue,
                    ])
                }
            }
            let rec: [String: Any] = ["id": obj["id"]!, "quantities": qs]
            out += String(data: try JSONSerialization.data(withJSONObject: rec), encoding: .utf8)! + "\n"
            n += 1
        }
        try out.write(toFile: parts[1], atomically: true, encoding: .utf8)
        #expect(n > 0)
    }
}
