import Crypto
import Foundation

/// Finished documents kept on disk, so that a run interrupted by Ctrl-C, `kill -9` or a crash, or rerun after files
/// were added, redoes only the documents it has not finished.
///
/// An entry is keyed by SHA-256 over the pipeline's fingerprint (generator, pipeline.json, every resource), the
/// caller's extra fingerprint (the CLI adds its executable's hash), the output form, the document's id, path and
/// hints, and the SHA-256 of its bytes: a changed input, pipeline.json, lexicon or build misses the cache. Entries
/// are written atomically (temporary file and rename), so a killed run leaves whole entries or none.
public final class ResultCache: @unchecked Sendable {
    /// One finished document: the bytes the writer appends, and its counts for the summary line.
    public struct Entry: Sendable {
        public var body: Data
        public var speakers: Int
        public var quotes: Int
        public var claims: Int
        /// The document's warning diagnostics (a short main text, a fallback decoding...), for the summary line.
        public var warnings: Int
        /// The document's speakers and quotes for the corpus index, when it was just processed (not stored: an
        /// entry read from the cache is decoded instead).
        public var summary: CorpusDocumentSummary?

        public init(
            body: Data, speakers: Int, quotes: Int, claims: Int, warnings: Int = 0, summary: CorpusDocumentSummary? = nil
        ) {
            self.body = body
            self.speakers = speakers
            self.quotes = quotes
            self.claims = claims
            self.warnings = warnings
            self.summary = summary
        }
    }

    public let directory: String
    let basis: String
    private let lock = NSLock()
    private var writeFailure: HearsayError?

    /// - Parameters:
    ///   - fingerprint: ``Pipeline/fingerprint`` plus anything else that decides the output.
    ///   - form: the output form the entries hold (`knowledge`, `jsonl`): entries of one form never serve another.
    /// - Throws: ``HearsayError`` `cache.unwritable` when the directory cannot be created.
    public init(directory: String, fingerprint: String, form: String) throws {
        self.directory = directory
        basis = fingerprint + "\n" + form + "\n"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw HearsayError(
                code: "cache.unwritable", message: "cannot create the resume cache directory", file: directory,
                cause: "\(error)")
        }
    }

    /// The key of an item with these bytes.
    public func key(for item: InputItem, bytes: [UInt8]) -> String {
        var h = SHA256()
        let fields = [item.id, item.path ?? "", item.declaredMediaType ?? "", item.published ?? "", item.url ?? "",
            item.crawled ?? ""] + (item.fallbackPublished.map { ["fallback-published", $0] } ?? [])
        h.update(data: Data((basis + fields.joined(separator: "\u{0}") + "\u{0}").utf8))
        h.update(data: Data(SHA256.hash(data: bytes)))
        return h.finalize().map { String(format: "%02x", $0) }.joined()
    }

    func path(_ key: String) -> String { directory + "/" + key.prefix(2) + "/" + key + ".entry" }

    /// The entry stored under `key`, or nil (also when it cannot be read: the document is then simply redone).
    public func load(_ key: String) -> Entry? {
        guard let data = FileManager.default.contents(atPath: path(key)),
            let nl = data.firstIndex(of: 0x0A),
            let head = try? JSONDecoder().decode([String: Int].self, from: data[data.startIndex..<nl]),
            let s = head["speakers"], let q = head["quotes"], let c = head["claims"], let n = head["bytes"],
            data.count - (nl + 1 - data.startIndex) == n
        else { return nil }
        return Entry(body: Data(data[(nl + 1)...]), speakers: s, quotes: q, claims: c, warnings: head["warnings"] ?? 0)
    }

    /// Stores an entry. The cache is an optimisation: a failure to write it is remembered (see ``failure``), not
    /// thrown, and the run goes on.
    public func store(_ key: String, _ entry: Entry) {
        let dir = directory + "/" + key.prefix(2)
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let file = try AtomicFile(path: path(key))
            try file.write(
                "{\"bytes\":\(entry.body.count),\"claims\":\(entry.claims),\"quotes\":\(entry.quotes),\"speakers\":\(entry.speakers),\"warnings\":\(entry.warnings)}\n")
            try file.write(entry.body)
            try file.commit(sync: false)
        } catch {
            lock.lock()
            if writeFailure == nil {
                writeFailure = (error as? HearsayError)
                    ?? HearsayError(code: "cache.unwritable", message: "\(error)", file: directory)
            }
            lock.unlock()
        }
    }

    /// The first failure to store an entry, if any.
    public var failure: HearsayError? {
        lock.lock()
        defer { lock.unlock() }
        return writeFailure
    }
}
