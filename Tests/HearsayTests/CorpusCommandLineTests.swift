import Foundation
import Testing

/// `hearsay who`, `index` and `search` through the built binary, on the seeds.
@Suite struct CorpusCommandLineTests {
    let cli = CommandLineTests()

    /// Extracts the seeds into `dir/k.json` (and `dir/k.jsonl` when asked).
    func extractSeeds(into dir: URL, jsonl: Bool = false) throws -> URL {
        let out = dir.appendingPathComponent(jsonl ? "k.jsonl" : "k.json")
        var args = ["extract", repositoryRoot.appendingPathComponent("seeds").path, "-o", out.path, "--quiet"]
        if jsonl { args.append("--jsonl") }
        let r = try cli.run(args)
        #expect(r.status == 0, "\(r.stderr)")
        return out
    }

    @Test func whoListsPompeosQuotesFromBothSeeds() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let k = try extractSeeds(into: dir)
        let table = try cli.run(["who", "Pompeo", k.path])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("Mike Pompeo (P"))
        #expect(table.stdout.contains("000_6efc6b7ecacdcf92.txt") && table.stdout.contains("002_04df36bdc83da559.txt"))
        #expect(table.stdout.contains("With respect to Chinese apps"))

        let r = try cli.run(["who", "pompeio", k.path, "--json"])
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let matches = json?["matches"] as? [[String: Any]]
        #expect(matches?.count == 1)
        let quotes = matches?.first?["quotes"] as? [[String: Any]] ?? []
        #expect(Set(quotes.compactMap { $0["document"] as? String }).count == 2)
        #expect(quotes.count >= 8)
        #expect(quotes.allSatisfy { ($0["speaker_name"] as? String) == "Mike Pompeo" })

        let none = try cli.run(["who", "Nobody Atall", k.path])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no speaker matches"))
    }

    @Test func indexThenSearchAndWhoFromTheStore() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let k = try extractSeeds(into: dir)
        let jsonl = try extractSeeds(into: dir, jsonl: true)
        let db = dir.appendingPathComponent("h.sqlite").path
        for input in [k, jsonl] {
            let r = try cli.run(["index", input.path, "--db", db])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.contains("2 documents"))

            let search = try cli.run(["search", "cold war", "--db", db, "--json"])
            #expect(search.status == 0, "\(search.stderr)")
            let hits = try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(hits.count == 1)
            #expect(hits.first?["speaker_name"] as? String == "Wang Yi")
            #expect((hits.first?["text"] as? String)?.contains("Cold War") == true)

            // A phrase found in both seeds comes back from both, with its quote group.
            let both = try cli.run(["search", "national security", "--db", db, "--json"])
            let bothHits = try JSONSerialization.jsonObject(with: Data(both.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(Set(bothHits.compactMap { $0["document"] as? String }).count == 2)
            #expect(bothHits.allSatisfy { $0["group"] is String })

            let who = try cli.run(["who", "pompeo", "--db", db, "--json"])
            #expect(who.status == 0, "\(who.stderr)")
            let answer = try JSONSerialization.jsonObject(with: Data(who.stdout.utf8)) as? [String: Any]
            let quotes = (answer?["matches"] as? [[String: Any]])?.first?["quotes"] as? [[String: Any]] ?? []
            #expect(Set(quotes.compactMap { $0["document"] as? String }).count == 2)
            #expect(quotes.count >= 8)
        }
        let missing = try cli.run(["search", "x", "--db", dir.appendingPathComponent("none.sqlite").path])
        #expect(missing.status == 2)
        // Only the outputs are left: no temporary store.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }.isEmpty)
    }
}
