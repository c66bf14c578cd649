import Foundation
import Testing

@testable import Hearsay

/// Every character of the normalized text maps back to the bytes it came from: the property behind every
/// `source_span`. Checked on the repository's fixtures and seeds, and on the development pages of the HTML
/// benchmark when `../shared/eval` is beside the repository (as in CI).
@Suite struct SourceMapTests {
    /// Inputs: (id, bytes, declared media type).
    static func inputs() -> [(String, [UInt8], String?)] {
        var out: [(String, [UInt8], String?)] = []
        let fm = FileManager.default
        for dir in ["seeds", "Fixtures/normalize/html", "Fixtures/normalize/text"] {
            let base = repositoryRoot.appendingPathComponent(dir)
            for name in ((try? fm.contentsOfDirectory(atPath: base.path)) ?? []).sorted()
            where name.hasSuffix(".txt") || name.hasSuffix(".html") {
                if let d = fm.contents(atPath: base.appendingPathComponent(name).path) {
                    out.append((dir + "/" + name, [UInt8](d), name.hasSuffix(".html") ? "text/html" : nil))
                }
            }
        }
        let pages = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/eval/boilerplate/html")
        for name in ((try? fm.contentsOfDirectory(atPath: pages.path)) ?? []).sorted() where name.hasSuffix(".html.gz")
        {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/gzip")
            p.arguments = ["-dc", pages.appendingPathComponent(name).path]
            let pipe = Pipe()
            p.standardOutput = pipe
            guard (try? p.run()) != nil else { continue }
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            out.append(("aeb/" + name, [UInt8](data), "text/html"))
        }
        return out
    }

    @Test func everyCharacterMapsBackToItsBytes() throws {
        let pipeline = try makePipeline(["normalize"])
        var checked = 0
        var documents = 0
        for (id, bytes, media) in Self.inputs() {
            var doc = Document(id: id, path: id, bytes: bytes, declaredMediaType: media)
            do { try pipeline.process(&doc) } catch { continue }  // refused inputs are tested elsewhere
            documents += 1
            let decision = Decoding.Decision(encoding: doc.source.encoding, evidence: "", bomLength: 0)
            var bad: [String] = []
            for p in doc.paragraphs {
                #expect(doc.sourceSpan(p.span) == p.sourceSpan, "\(id): paragraph \(p.id) source span")
                for i in p.span.start..<p.span.end {
                    let s = doc.scalars[i]
                    if s.properties.isWhitespace { continue }
                    let a = Int(doc.sourceStart[i])
                    let b = Int(doc.sourceEnd[i])
                    guard a >= 0, b <= bytes.count, a < b else {
                        bad.append("\(i): empty or outside [\(a), \(b))")
                        continue
                    }
                    let raw = Array(bytes[a..<b])
                    let decoded = Decoding.decode(raw, decision).map(\.scalar)
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: decoded)
                    let text = String(view)
                    let ok =
                        decoded == [s] || (raw.first == UInt8(ascii: "&") && raw.last == UInt8(ascii: ";"))
                        || text.precomposedStringWithCanonicalMapping.unicodeScalars.contains(s)
                        || doc.source.encoding != "utf-8" && doc.source.encoding != "windows-1252"
                    if !ok { bad.append("\(i): \(s) <- \(text.debugDescription)") }
                    checked += 1
                }
            }
            for r in doc.removed {
                #expect(r.sourceSpan.start >= 0 && r.sourceSpan.end <= bytes.count, "\(id): removal \(r.rule)")
            }
            #expect(bad.isEmpty, "\(id): \(bad.count) characters do not map back, e.g. \(bad.prefix(3))")
        }
        #expect(documents >= 4)
        let shared = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/eval/boilerplate/html")
        if FileManager.default.fileExists(atPath: shared.path) {
            #expect(documents >= 60, "the 62 dev pages were not all read")
        }
        #expect(checked > 10_000)
    }
}
