import Foundation
import Testing

/// `hearsay quotes`, `claims`, `export` and the extract inputs `-`, `--input-file`, `--published`, through the
/// built binary.
@Suite struct ViewsCommandLineTests {
    let cli = CommandLineTests()

    func extractSeeds(into dir: URL, jsonl: Bool = false) throws -> URL {
        try CorpusCommandLineTests().extractSeeds(into: dir, jsonl: jsonl)
    }

    @Test func quotesAndClaimsFromKnowledgeFilesAndJSONLines() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        for k in [try extractSeeds(into: dir), try extractSeeds(into: dir, jsonl: true)] {
            let csv = try cli.run(["quotes", k.path, "--speaker", "pompeo", "--format", "csv"])
            #expect(csv.status == 0, "\(csv.stderr)")
            let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first?.hasPrefix("document,quote,speaker,speaker_name,speaker_type,cue,kind,text,") == true)
            #expect(lines.count >= 9)
            #expect(lines.dropFirst().allSatisfy { $0.contains(",Mike Pompeo,person,") })

            let money = try cli.run(["claims", k.path, "--kind", "money", "--min", "1e9", "--format", "jsonl"])
            #expect(money.status == 0, "\(money.stderr)")
            let rows = try money.stdout.split(separator: "\n").map {
                try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
            }
            #expect(!rows.isEmpty)
            #expect(rows.allSatisfy { $0["kind"] as? String == "money" && ($0["value"] as? Double ?? 0) >= 1e9 })
            #expect(rows.contains { $0["text"] as? String == "$75 billion" && $0["unit"] as? String == "USD" })

            // Dates never pass a numeric bound: --min over every claim gives no date row.
            let all = try cli.run(["claims", k.path, "--min", "1e9", "--format", "tsv"])
            #expect(!all.stdout.contains("\tdate\t"))
            let table = try cli.run(["claims", k.path, "--kind", "date"])
            #expect(table.status == 0)
            #expect(table.stdout.hasPrefix("document"))
        }
        let k = dir.appendingPathComponent("k.json").path
        let none = try cli.run(["quotes", k, "--speaker", "Nobody Atall"])
        #expect(none.status == 1)
        let badKind = try cli.run(["claims", k, "--kind", "monies"])
        #expect(badKind.status == 64)
        #expect(badKind.stderr.contains("unknown kind 'monies'"))
        let missing = try cli.run(["quotes", dir.appendingPathComponent("none.json").path])
        #expect(missing.status == 2)
    }

    /// The store gives the same rows as the knowledge file in every column it keeps, null in the others.
    @Test func quotesAndClaimsFromTheStore() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let k = try extractSeeds(into: dir)
        let db = dir.appendingPathComponent("h.sqlite").path
        #expect(try cli.run(["index", k.path, "--db", db, "--quiet"]).status == 0)
        func rows(_ args: [String]) throws -> [[String: Any]] {
            let r = try cli.run(args + ["--format", "jsonl"])
            #expect(r.status == 0, "\(args): \(r.stderr)")
            return try r.stdout.split(separator: "\n").map {
                try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
            }
        }
        func same(_ a: [[String: Any]], _ b: [[String: Any]], _ keys: [String]) {
            #expect(a.count == b.count)
            for (x, y) in zip(a, b) {
                for key in keys { #expect("\(x[key] ?? "-")" == "\(y[key] ?? "-")", "\(key)") }
            }
        }
        let fileQuotes = try rows(["quotes", k.path])
        let storeQuotes = try rows(["quotes", "--db", db])
        #expect(fileQuotes.count > 50)
        same(
            fileQuotes, storeQuotes,
            ["document", "quote", "speaker", "cue", "kind", "text", "confidence", "rule", "start", "end"])
        #expect(storeQuotes.allSatisfy { $0["source_start"] is NSNull })
        #expect(storeQuotes.contains { $0["cue"] as? String == "said" })
        let keys = [
            "document", "claim", "speaker", "quote", "kind", "text", "value", "value_max", "timex", "unit", "qualifier",
            "confidence", "rule", "start", "end",
        ]
        same(try rows(["claims", k.path]), try rows(["claims", "--db", db]), keys)
        same(
            try rows(["claims", k.path, "--kind", "money", "--min", "1e9"]),
            try rows(["claims", "--db", db, "--kind", "money", "--min", "1e9"]), keys)
        same(
            try rows(["quotes", k.path, "--speaker", "pompeo"]),
            try rows(["quotes", "--db", db, "--speaker", "pompeo"]), ["quote"])
        #expect(try cli.run(["quotes", "--db", db, k.path]).status == 64)
    }

    /// `export --db` reads the store through the flat views' reader and gives the file's annotations: the same ids,
    /// targets and bodies, except that a speaker is the store's (the name merged across documents).
    @Test func exportReadsTheStore() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let k = try extractSeeds(into: dir)
        let db = dir.appendingPathComponent("h.sqlite").path
        #expect(try cli.run(["index", k.path, "--db", db, "--quiet"]).status == 0)
        func items(_ args: [String]) throws -> (top: [String: Any], items: [[String: Any]]) {
            let r = try cli.run(["export", "--format", "web-annotation"] + args)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            let top = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            return (top, (top["first"] as? [String: Any])?["items"] as? [[String: Any]] ?? [])
        }
        let (fileTop, fromFile) = try items([k.path])
        let (storeTop, fromStore) = try items(["--db", db])
        #expect(fromFile.count > 50)
        #expect(fromStore.count == fromFile.count)
        #expect(storeTop["id"] as? String == fileTop["id"] as? String)
        func bodies(_ item: [String: Any], speaker: Bool) -> [String] {
            ((item["body"] as? [[String: Any]]) ?? []).compactMap { $0["value"] as? String }
                .filter { $0.hasPrefix("speaker: ") == speaker }
        }
        func json(_ x: Any?) throws -> Data {
            try JSONSerialization.data(withJSONObject: x ?? NSNull(), options: [.sortedKeys, .fragmentsAllowed])
        }
        var differentSpeakers = 0
        for (a, b) in zip(fromFile, fromStore) {
            #expect(a["id"] as? String == b["id"] as? String)
            #expect(try json(a["target"]) == json(b["target"]), "\(a["id"] ?? "")")
            #expect(bodies(a, speaker: false) == bodies(b, speaker: false), "\(a["id"] ?? "")")
            #expect(bodies(a, speaker: true).count == bodies(b, speaker: true).count, "\(a["id"] ?? "")")
            if bodies(a, speaker: true) != bodies(b, speaker: true) { differentSpeakers += 1 }
        }
        // Multi-fragment quotes keep one target per fragment; dates keep their TIMEX value.
        #expect(fromStore.contains { ($0["target"] as? [Any])?.count ?? 0 > 1 })
        #expect(fromStore.contains { bodies($0, speaker: false).contains("value: 2020-07-10") })
        #expect(differentSpeakers < fromFile.count / 4)
        #expect(try cli.run(["export", "--db", db, k.path, "--format", "web-annotation"]).status == 64)
        #expect(
            try cli.run([
                "export", "--db", dir.appendingPathComponent("none.sqlite").path, "--format", "web-annotation",
            ]).status == 2)
    }

    @Test func exportWritesAWebAnnotationCollection() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let k = try extractSeeds(into: dir)
        let out = dir.appendingPathComponent("a.jsonld")
        let r = try cli.run(["export", k.path, "--format", "web-annotation", "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try Data(contentsOf: out)
        let top = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(top?["@context"] as? String == "http://www.w3.org/ns/anno.jsonld")
        let items = (top?["first"] as? [String: Any])?["items"] as? [[String: Any]] ?? []
        #expect(items.count > 50)
        let again = try cli.run(["export", k.path, "--format", "web-annotation"])
        #expect(Data(again.stdout.utf8) == data)
        let bad = try cli.run(["export", k.path, "--format", "rdf"])
        #expect(bad.status == 64)
    }

    static let article = "Ferry fares will rise 5% on Monday, the harbour board said.\n"

    @Test func extractReadsOneArticleFromStandardInput() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("k.json")
        let r = try cli.run(
            [
                "extract", "-", "--id", "ferry.txt", "--published", "2021-03-03", "-o", out.path, "--quiet",
                "--no-cache",
            ],
            stdin: Self.article)
        #expect(r.status == 0, "\(r.stderr)")
        let file = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any]
        let doc = (file?["documents"] as? [[String: Any]])?.first
        #expect(doc?["id"] as? String == "ferry.txt")
        #expect((doc?["metadata"] as? [String: Any])?["published"] as? String == "2021-03-03")
        // "will rise … on Monday" resolved against the date given: the future tense asks for the Monday after
        // Wednesday 3 March 2021 (`weekday_future_words`); without a date the day stays unresolved.
        let claims = doc?["claims"] as? [[String: Any]] ?? []
        #expect(
            claims.contains {
                $0["kind"] as? String == "date" && $0["timex"] as? String == "2021-03-08" && $0["value"] is NSNull
            })
        let undated = try cli.run(["extract", "-", "-o", out.path, "--quiet", "--no-cache"], stdin: Self.article)
        #expect(undated.status == 0)
        let bare = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any]
        let bareDoc = (bare?["documents"] as? [[String: Any]])?.first
        #expect(bareDoc?["id"] as? String == "stdin")
        #expect((bareDoc?["claims"] as? [[String: Any]] ?? []).allSatisfy { $0["timex"] as? String != "2021-03-08" })

        // Standard input is read up to normalize.max_bytes and no further.
        let small = dir.appendingPathComponent("small.json")
        try Data(#"{"version": 1, "normalize": {"max_bytes": 100}}"#.utf8).write(to: small)
        let big = try cli.run(
            ["extract", "-", "--pipeline", small.path, "-o", out.path, "--quiet", "--no-cache"],
            stdin: String(repeating: Self.article, count: 40))
        #expect(big.status == 1)
        #expect(big.stderr.contains("stdin:@100: error: standard input is over the cap of 100 bytes"))

        let idWithoutStdin = try cli.run(["extract", "seeds", "--id", "x"], cwd: repositoryRoot)
        #expect(idWithoutStdin.status == 64)
        let twice = try cli.run(["extract", "-", "-"], stdin: Self.article)
        #expect(twice.status == 64)
        let badDate = try cli.run(["extract", "-", "--published", "March"], stdin: Self.article)
        #expect(badDate.status == 64)
    }

    @Test func publishedIsOnlyAFallbackAndInputFilesAreRead() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let own = dir.appendingPathComponent("own.txt")
        try Data(("date 2020-07-11 " + Self.article).utf8).write(to: own)
        let plain = dir.appendingPathComponent("plain name.txt")
        try Data(Self.article.utf8).write(to: plain)
        let list = dir.appendingPathComponent("list.txt")
        try Data("\(own.path)\r\n\n\(plain.path)\n".utf8).write(to: list)
        let out = dir.appendingPathComponent("k.jsonl")
        let r = try cli.run(
            [
                "extract", "--input-file", list.path, "--published", "2021-03-03", "--jsonl", "-o", out.path, "--quiet",
                "--no-cache",
            ])
        #expect(r.status == 0, "\(r.stderr)")
        let docs = try String(contentsOf: out, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        let published = Dictionary(
            uniqueKeysWithValues: docs.map {
                ($0["id"] as! String, ($0["metadata"] as? [String: Any])?["published"] as? String)
            })
        #expect(published == ["own.txt": "2020-07-11", "plain name.txt": "2021-03-03"])
    }

    @Test func aPipelineWithOnlyAVersionRunsEveryStage() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = dir.appendingPathComponent("p.json")
        try Data(#"{"version": 1}"#.utf8).write(to: p)
        let out = dir.appendingPathComponent("k.json")
        let r = try cli.run(
            ["extract", "-", "--pipeline", p.path, "-o", out.path, "--quiet", "--no-cache"], stdin: Self.article)
        #expect(r.status == 0, "\(r.stderr)")
        let file = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any]
        let doc = (file?["documents"] as? [[String: Any]])?.first
        #expect((doc?["claims"] as? [Any])?.isEmpty == false)
    }

    @Test func helpHasNoDoubledDefaultsAndUsageErrorsExit64() throws {
        let help = try cli.run(["extract", "--help"])
        #expect(help.status == 0)
        #expect(!help.stdout.contains("). (default:"))
        #expect(help.stdout.contains(".jsonl"))
        for command in ["extract", "stream", "report", "quotes", "claims", "export", "who", "index", "search"] {
            let h = try cli.run([command, "--help"])
            #expect(h.status == 0)
            // One default per option: never "(default: x). (default: y)".
            let doubled = h.stdout.range(of: #"\(default:[^)]*\)\.?\s+\(default:"#, options: .regularExpression)
            #expect(doubled == nil, "\(command): \(h.stdout)")
        }
        let usage = try cli.run(["extract", "--no-such-option"])
        #expect(usage.status == 64)
    }
}
