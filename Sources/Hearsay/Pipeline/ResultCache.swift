import CZlib
import Crypto
import Foundation

/// Finished documents kept on disk, so that a run interrupted by Ctrl-C, `kill -9` or a crash, or rerun after files
/// were added, redoes only the documents it has not finished.
///
/// An entry is keyed by SHA-256 over the pipeline's fingerprint (generator, pipeline.json, every resource), the
/// caller's extra fingerprint (the CLI adds its executable's hash), the output form, the document's id, path and
/// hints, and the SHA-256 of its bytes: a changed input, pipeline.json, lexicon or build misses the cache.
///
/// The entries live in one append-only file, `DIR/entries.log`, indexed in memory when the cache is opened (a file
/// per entry made 100,000 tiny documents cost 405 MB of 4 KB blocks and directories). A record is
/// `\nHSE1 {"bytes":N,"claims":C,"key":"K","quotes":Q,"raw":R,"speakers":S}\n` and N bytes of body, the document's
/// R bytes compressed with zlib (JSON shrinks about tenfold), appended with one write. A record cut short by
/// `kill -9` is skipped: the scan goes on at the next `\nHSE1 ` whose header decodes and whose body ends where the
/// next record (or the file) begins, so a killed run leaves whole entries or none that are read. Loading checks the
/// header against the key again, and the body must inflate to exactly its `raw` length.
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
            body: Data, speakers: Int, quotes: Int, claims: Int, warnings: Int = 0,
            summary: CorpusDocumentSummary? = nil
        ) {
            self.body = body
            self.speakers = speakers
            self.quotes = quotes
            self.claims = claims
            self.warnings = warnings
            self.summary = summary
        }
    }

    /// A record's header.
    struct Header: Codable {
        var bytes: Int
        var claims: Int
        var key: String
        var quotes: Int
        /// The body's length before compression.
        var raw: Int
        var speakers: Int
        /// The document's warning diagnostics (absent in records written before warnings were counted).
        var warnings: Int?
    }

    /// `data` compressed with zlib (level 1: fast; the cache is written as documents finish).
    static func deflate(_ data: Data) -> Data? {
        var size = compressBound(uLong(data.count))
        var out = Data(count: Int(size))
        let status = out.withUnsafeMutableBytes { o in
            data.withUnsafeBytes { i in
                compress2(
                    o.baseAddress!.assumingMemoryBound(to: Bytef.self), &size,
                    i.baseAddress?.assumingMemoryBound(to: Bytef.self), uLong(data.count), 1)
            }
        }
        guard status == Z_OK else { return nil }
        out.count = Int(size)
        return out
    }

    /// The `raw` bytes that `data` was compressed from, or nil when it does not inflate to exactly that many.
    static func inflate(_ data: Data, raw: Int) -> Data? {
        guard raw >= 0, raw <= 1 << 31 else { return nil }
        var size = uLongf(raw)
        var out = Data(count: raw)
        let status = out.withUnsafeMutableBytes { o in
            data.withUnsafeBytes { i in
                uncompress(
                    o.baseAddress?.assumingMemoryBound(to: Bytef.self), &size,
                    i.baseAddress?.assumingMemoryBound(to: Bytef.self), uLong(data.count))
            }
        }
        guard status == Z_OK, Int(size) == raw else { return nil }
        return out
    }

    public let directory: String
    /// The log file.
    public let logPath: String
    let basis: String
    private let lock = NSLock()
    private var writeFailure: HearsayError?
    /// Key → offset of its record (the `\n` that starts it) in the log.
    private var index: [String: Int] = [:]
    private var fd: Int32 = -1

    static let marker = Array("\nHSE1 ".utf8)
    /// The longest header read (a key is 64 hex digits; the counts are small).
    static let maxHeader = 512

    /// - Parameters:
    ///   - fingerprint: ``Pipeline/fingerprint`` plus anything else that decides the output.
    ///   - form: the output form the entries hold (`knowledge`, `jsonl`): entries of one form never serve another.
    /// - Throws: ``HearsayError`` `cache.unwritable` when the directory or its log cannot be created.
    public init(directory: String, fingerprint: String, form: String) throws {
        self.directory = directory
        logPath = directory + "/entries.log"
        basis = fingerprint + "\n" + form + "\n"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw HearsayError(
                code: "cache.unwritable", message: "cannot create the resume cache directory", file: directory,
                cause: "\(error)")
        }
        fd = open(logPath, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw HearsayError(
                code: "cache.unwritable", message: "cannot open the resume cache: \(String(cString: strerror(errno)))",
                file: logPath)
        }
        if let data = try? Data(contentsOf: URL(fileURLWithPath: logPath), options: .alwaysMapped) {
            index = Self.scan(data)
        }
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Whether the log holds no record at all (nothing was ever stored in this cache).
    public var isEmpty: Bool {
        lock.lock()
        defer { lock.unlock() }
        var st = stat()
        return index.isEmpty && fstat(fd, &st) == 0 && st.st_size == 0
    }

    /// Deletes the cache: its log, then its directory when nothing else is in it (a directory the user filled
    /// with other files is never emptied). The cache cannot be used afterwards. Called after a finished run: the
    /// cache exists only while a run is unfinished, for `--resume`.
    /// - Returns: whether the directory is gone.
    @discardableResult public func remove() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if fd >= 0 {
            close(fd)
            fd = -1
        }
        index = [:]
        unlink(logPath)
        return rmdir(directory) == 0 || errno == ENOENT
    }

    /// The records of a log: key → offset, a later record of one key winning. Damaged stretches are skipped.
    static func scan(_ data: Data) -> [String: Int] {
        var found: [String: Int] = [:]
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let n = raw.count
            var p = 0
            func next(after q: Int) -> Int? {
                var i = q
                while i + marker.count <= n {
                    if raw[i] == marker[0], (0..<marker.count).allSatisfy({ raw[i + $0] == marker[$0] }) { return i }
                    i += 1
                }
                return nil
            }
            guard var at = next(after: 0) else { return }
            while true {
                p = at
                if let (header, bodyStart) = Self.header(raw, at: p), bodyStart + header.bytes <= n,
                    bodyStart + header.bytes == n || next(after: bodyStart + header.bytes) == bodyStart + header.bytes
                {
                    found[header.key] = p
                    if bodyStart + header.bytes == n { return }
                    at = bodyStart + header.bytes
                } else {
                    guard let q = next(after: p + 1) else { return }
                    at = q
                }
            }
        }
        return found
    }

    /// The header of the record at `p` (its `\n` marker) and where its body starts, or nil when it is not one.
    static func header(_ raw: UnsafeRawBufferPointer, at p: Int) -> (Header, Int)? {
        let start = p + marker.count
        guard start <= raw.count, (0..<marker.count).allSatisfy({ raw[p + $0] == marker[$0] }) else { return nil }
        var nl = start
        while nl < raw.count, nl - start < maxHeader, raw[nl] != 0x0A { nl += 1 }
        guard nl < raw.count, raw[nl] == 0x0A,
            let h = try? JSONDecoder().decode(Header.self, from: Data(raw[start..<nl])), h.bytes >= 0
        else { return nil }
        return (h, nl + 1)
    }

    /// The key of an item with these bytes.
    public func key(for item: InputItem, bytes: [UInt8]) -> String {
        key(for: item, digest: Document.sha256(bytes))
    }

    /// The key of an item whose bytes have the SHA-256 digest `digest`.
    func key(for item: InputItem, digest: [UInt8]) -> String {
        var h = SHA256()
        let fields =
            [
                item.id, item.path ?? "", item.declaredMediaType ?? "", item.published ?? "", item.url ?? "",
                item.crawled ?? "",
            ] + (item.fallbackPublished.map { ["fallback-published", $0] } ?? [])
        h.update(data: Data((basis + fields.joined(separator: "\u{0}") + "\u{0}").utf8))
        h.update(data: Data(digest))
        return h.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The entry stored under `key`, or nil (also when it cannot be read: the document is then simply redone).
    public func load(_ key: String) -> Entry? {
        lock.lock()
        let at = index[key]
        lock.unlock()
        guard let at else { return nil }
        var head = [UInt8](repeating: 0, count: Self.marker.count + Self.maxHeader + 1)
        let got = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(at)) }
        guard got > 0 else { return nil }
        let parsed = head.withUnsafeBytes { Self.header(UnsafeRawBufferPointer(rebasing: $0[..<got]), at: 0) }
        guard let (h, bodyStart) = parsed, h.key == key else { return nil }
        var body = Data(count: h.bytes)
        let read = body.withUnsafeMutableBytes { pread(fd, $0.baseAddress, h.bytes, off_t(at + bodyStart)) }
        guard read == h.bytes, let plain = Self.inflate(body, raw: h.raw) else { return nil }
        return Entry(body: plain, speakers: h.speakers, quotes: h.quotes, claims: h.claims, warnings: h.warnings ?? 0)
    }

    /// Stores an entry: one record appended to the log with one write. The cache is an optimisation: a failure
    /// to write it is remembered (see ``failure``), not thrown, and the run goes on.
    public func store(_ key: String, _ entry: Entry) {
        guard let packed = Self.deflate(entry.body) else { return }
        let header = Header(
            bytes: packed.count, claims: entry.claims, key: key, quotes: entry.quotes, raw: entry.body.count,
            speakers: entry.speakers, warnings: entry.warnings)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let json = try? encoder.encode(header) else { return }
        let record = Data(Self.marker) + json + Data([0x0A]) + packed
        lock.lock()
        defer { lock.unlock() }
        guard fd >= 0 else { return }  // removed
        let end = lseek(fd, 0, SEEK_END)
        var written = 0
        let ok = record.withUnsafeBytes { raw -> Bool in
            while written < raw.count {
                let w = write(fd, raw.baseAddress! + written, raw.count - written)
                if w < 0 && errno == EINTR { continue }
                if w <= 0 { return false }
                written += w
            }
            return true
        }
        if ok, end >= 0 {
            index[key] = Int(end)  // checked again on load (another process may append too)
        } else if writeFailure == nil {
            writeFailure = HearsayError(
                code: "cache.unwritable",
                message: "cannot append to the resume cache: \(String(cString: strerror(errno)))",
                file: logPath)
        }
    }

    /// The first failure to store an entry, if any.
    public var failure: HearsayError? {
        lock.lock()
        defer { lock.unlock() }
        return writeFailure
    }
}
