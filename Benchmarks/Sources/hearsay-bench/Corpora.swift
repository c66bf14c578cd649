import Foundation

/// A named set of documents held in memory.
struct Corpus {
    typealias Item = (id: String, bytes: [UInt8], media: String?, published: String?)
    var name: String
    var items: [Item]
    var bytes: Int { items.reduce(0) { $0 + $1.bytes.count } }
    var megabytes: Double { Double(bytes) / 1_000_000 }

    /// This corpus repeated, in order, at least once and until it holds at least `minBytes`; copy `k` prefixes each
    /// id with `kN/`.
    /// The copies share their byte arrays, so memory holds the base corpus once whatever the size.
    func repeated(toAtLeast minBytes: Int) -> Corpus {
        guard bytes > 0 else { return self }
        var out = Corpus(name: name, items: [])
        var k = 0
        repeat {
            for item in items { out.items.append(("k\(k)/" + item.id, item.bytes, item.media, item.published)) }
            k += 1
        } while out.bytes < minBytes
        return out
    }
}

/// The `text` field of every line of a JSON Lines file, as plain-text documents (`published`, or a gold file's
/// `reference_datetime`, as the publication date).
func jsonl(_ path: String, name: String, textKey: String = "text", limit: Int = .max) -> Corpus? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    var c = Corpus(name: name, items: [])
    for line in data.split(separator: 0x0A) where c.items.count < limit {
        guard let o = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
            let text = o[textKey] as? String
        else { continue }
        let published = (o["published"] as? String ?? o["reference_datetime"] as? String).map { String($0.prefix(10)) }
        c.items.append((o["id"] as? String ?? "?", Array(text.utf8), "text/plain", published))
    }
    return c
}

/// The files of `dir` whose names end in one of `suffixes`, sorted by name; `.gz` files are unpacked by the system's
/// gzip (which cannot be started under valgrind: profile.sh unpacks them first).
func files(_ dir: String, suffixes: [String], name: String, media: String?) -> Corpus? {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return nil }
    var c = Corpus(name: name, items: [])
    for n in names.sorted() where suffixes.contains(where: { n.hasSuffix($0) }) {
        let path = dir + "/" + n
        if n.hasSuffix(".gz") {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/gzip")
            p.arguments = ["-dc", path]
            let pipe = Pipe()
            p.standardOutput = pipe
            guard (try? p.run()) != nil else { return nil }
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            c.items.append((n, [UInt8](data), media, nil))
        } else if let data = FileManager.default.contents(atPath: path) {
            c.items.append((n, [UInt8](data), media, nil))
        }
    }
    return c.items.isEmpty ? nil : c
}
