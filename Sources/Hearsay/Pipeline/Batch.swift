import Foundation

/// An article to read: a file under an input root, a record of a web archive, or a stream line.
public struct InputItem: Sendable {
    /// Document id: the path relative to the input root (or the file name when a file was named directly); for an
    /// archive record, the archive's id, a slash and the record's number (`crawl.warc.gz/000012`).
    public var id: String
    /// The path to read, or nil when `bytes` are given.
    public var path: String?
    public var bytes: [UInt8]?
    public var declaredMediaType: String?
    public var published: String?
    /// The publication date to assume when the input states none of its own (`extract --published`).
    public var fallbackPublished: String?
    public var url: String?
    /// When a crawler fetched the page (an archive record's date), ISO 8601.
    public var crawled: String?
    /// 1-based line number for stream input.
    public var line: Int?
    /// Size in bytes when known before reading (files), for progress.
    public var size: Int?
    /// The item is a container to expand into articles (see ``Batch/expand(_:)``).
    public var container: Container?
    public var isContainer: Bool { container != nil }
    /// An error found while reading the item's container (an archive record or line that cannot be read); processing the
    /// item returns it.
    public var failure: HearsayError?
    /// The path's bytes, when they are not UTF-8 (then `path` spells the odd bytes as `%XX`).
    public var rawPath: [UInt8]?

    public init(
        id: String, path: String? = nil, bytes: [UInt8]? = nil, declaredMediaType: String? = nil,
        published: String? = nil, url: String? = nil, line: Int? = nil
    ) {
        self.id = id
        self.path = path
        self.bytes = bytes
        self.declaredMediaType = declaredMediaType
        self.published = published
        self.url = url
        self.line = line
    }

    /// The key that orders items: an archive sorts where its records' ids (`id/...`) do.
    var sortKey: String { isContainer ? id + "/" : id }
}

/// A file that holds many articles.
public enum Container: Sendable {
    /// A web archive: its HTTP responses with HTML or text payloads.
    case warc
    /// JSON Lines in the `hearsay stream` input format: one article per line.
    case jsonLines
}

/// Finds inputs and runs the pipeline over them, in parallel, returning results in input order.
public enum Batch {
    /// File extensions read from directories as articles.
    public static let extensions: Set<String> = ["txt", "text", "md", "html", "htm", "xhtml"]
    /// File name endings read as containers of articles: web archives (WARC, optionally gzip-compressed) and
    /// JSON Lines corpora in the `hearsay stream` input format (optionally gzip-compressed).
    public static let containerSuffixes: [(suffix: String, kind: Container)] = [
        (".warc", .warc), (".warc.gz", .warc), (".jsonl", .jsonLines), (".jsonl.gz", .jsonLines),
    ]

    /// The ending of a gzip-compressed article (`page.html.gz`, `story.txt.gz`): read inflated, as the article
    /// before the ending (see ``readFile(_:raw:limit:)``).
    public static let compressedSuffix = ".gz"

    static func container(_ path: String) -> Container? {
        let lower = path.lowercased()
        return containerSuffixes.first { lower.hasSuffix($0.suffix) }?.kind
    }

    /// Files under `paths`, sorted by id; paths that do not exist or cannot be listed become errors. Archives and
    /// JSON Lines files are listed as one item each, to be expanded lazily by ``expand(_:)``.
    ///
    /// Directories are walked with the system calls themselves (see ``walk(_:id:root:ancestors:walk:)``): a link
    /// to a directory is followed unless it leads back into the walk (a loop is an error, not a hang); each
    /// directory is listed once, keyed by device and inode, so links that reach one directory by many paths (a
    /// DAG of links) cost one visit each, and the files in it are listed under the first path in walk order; a
    /// link whose target resolves outside the directory named is refused (`input.outside-tree`) unless
    /// `followLinks`; a link to nothing or an unlistable directory is an error, and a file name that is not UTF-8
    /// is still read (by its bytes) under an id that spells the odd bytes as `%XX`. A file named directly is read
    /// even when it is a link: naming it is consent.
    public static func collect(_ paths: [String], followLinks: Bool = false)
        -> (items: [InputItem], errors: [HearsayError])
    {
        var items: [InputItem] = []
        var errors: [HearsayError] = []
        for path in paths {
            var st = stat()
            guard stat(path, &st) == 0 else {
                let code = errno == ENOENT ? "input.missing" : "input.unreadable"
                let message = errno == ENOENT ? "no such file or directory" : String(cString: strerror(errno))
                errors.append(HearsayError(code: code, message: message, file: path))
                continue
            }
            if st.st_mode & S_IFMT != S_IFDIR {
                items.append(item(forFile: path, id: (path as NSString).lastPathComponent))
                continue
            }
            var state = WalkState(followLinks: followLinks)
            let root = resolvedPath(Array(path.utf8)) ?? Array(path.utf8)
            walk(Array(path.utf8), id: [], root: root, ancestors: [], walk: &state)
            items.append(contentsOf: state.items)
            errors.append(contentsOf: state.errors)
        }
        items.sort { $0.sortKey == $1.sortKey ? ($0.path ?? "") < ($1.path ?? "") : $0.sortKey < $1.sortKey }
        return (items, errors)
    }

    /// A directory's identity, to notice a link that leads back into the walk.
    struct DirectoryKey: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// What one directory walk has found so far, and which directories it has listed.
    struct WalkState {
        var followLinks: Bool
        var visited: Set<DirectoryKey> = []
        var items: [InputItem] = []
        var errors: [HearsayError] = []
    }

    /// Lists `dir` (raw path bytes) and its subdirectories; `id` is the relative path so far (raw bytes); `root` is
    /// the walk's root with every link resolved, to tell a link that leaves the tree.
    static func walk(
        _ dir: [UInt8], id: [UInt8], root: [UInt8], ancestors: Set<DirectoryKey>, walk state: inout WalkState
    ) {
        let shown = displayName(dir)
        var st = stat()
        guard cPath(dir, { stat($0, &st) }) == 0 else {
            state.errors.append(
                HearsayError(code: "input.unreadable", message: String(cString: strerror(errno)), file: shown))
            return
        }
        let key = DirectoryKey(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
        if ancestors.contains(key) {
            state.errors.append(
                HearsayError(
                    code: "input.link-loop", message: "a link leads back into a directory being read; not followed",
                    file: shown))
            return
        }
        // Reached before by another path (links forming a DAG): its files are already listed.
        guard state.visited.insert(key).inserted else { return }
        guard let handle = cPath(dir, { opendir($0) }) else {
            state.errors.append(
                HearsayError(
                    code: "input.unreadable", message: "cannot list the directory: \(String(cString: strerror(errno)))",
                    file: shown))
            return
        }
        var names: [[UInt8]] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> [UInt8] in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        closedir(handle)
        let inside = ancestors.union([key])
        for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let full = dir + [0x2F] + name
            let rel = id.isEmpty ? name : id + [0x2F] + name
            var target = stat()
            if cPath(full, { stat($0, &target) }) != 0 {
                let ext = articleExtension(name)
                if extensions.contains(ext) {
                    state.errors.append(
                        HearsayError(
                            code: "input.unreadable",
                            message: "cannot read the file (\(String(cString: strerror(errno))); dangling link?)",
                            file: displayName(full)))
                }
                continue
            }
            let isDirectory = target.st_mode & S_IFMT == S_IFDIR
            let isArticle = extensions.contains(articleExtension(name)) || container(displayName(name)) != nil
            guard isDirectory || isArticle else { continue }
            if !state.followLinks, isLink(full), !isInside(full, root: root) {
                state.errors.append(
                    HearsayError(
                        code: "input.outside-tree",
                        message: "a link leads outside the directory given; not followed (--follow-links to allow)",
                        file: displayName(full)))
                continue
            }
            if isDirectory {
                walk(full, id: rel, root: root, ancestors: inside, walk: &state)
            } else {
                var it = item(forFile: displayName(full), id: displayName(rel))
                if String(validatingUTF8: full.map { CChar(bitPattern: $0) } + [0]) == nil { it.rawPath = full }
                state.items.append(it)
            }
        }
    }

    /// Whether `path` itself is a symbolic link.
    static func isLink(_ path: [UInt8]) -> Bool {
        var st = stat()
        return cPath(path, { lstat($0, &st) }) == 0 && st.st_mode & S_IFMT == S_IFLNK
    }

    /// `path` with every link resolved (`realpath`), or nil when it cannot be resolved.
    static func resolvedPath(_ path: [UInt8]) -> [UInt8]? {
        guard let resolved = cPath(path, { realpath($0, nil) }) else { return nil }
        defer { free(resolved) }
        return Array(UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)))
    }

    /// Whether `path`, its links resolved, is `root` or lies under it (`root` already resolved).
    static func isInside(_ path: [UInt8], root: [UInt8]) -> Bool {
        guard let resolved = resolvedPath(path) else { return false }
        if resolved == root || root == [0x2F] { return true }
        return resolved.count > root.count && resolved.starts(with: root) && resolved[root.count] == 0x2F
    }

    /// Calls `body` with a NUL-terminated copy of a raw path.
    static func cPath<R>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        (path.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// A raw path as text: valid UTF-8 as is, every byte of an invalid sequence as `%XX`.
    static func displayName(_ raw: [UInt8]) -> String {
        var out = ""
        var i = 0
        while i < raw.count {
            var j = i + 1
            while j < raw.count, raw[j] & 0xC0 == 0x80, j - i < 4 { j += 1 }
            if let s = String(validating: raw[i..<j], as: UTF8.self) {
                out += s
            } else {
                for b in raw[i..<j] { out += "%" + String(b, radix: 16, uppercase: true).leftPadded(to: 2) }
            }
            i = j
        }
        return out
    }

    static func pathExtension(_ name: [UInt8]) -> String {
        guard let dot = name.lastIndex(of: 0x2E), dot > 0 else { return "" }
        return String(decoding: name[(dot + 1)...], as: UTF8.self).lowercased()
    }

    /// The extension of an article's name, lower case, under a `.gz` ending ("html" for `page.HTML.gz`).
    static func articleExtension(_ name: [UInt8]) -> String {
        let gz = Array(compressedSuffix.utf8)
        guard name.count > gz.count, name.suffix(gz.count).map({ $0 | 0x20 }) == gz else { return pathExtension(name) }
        return pathExtension(Array(name.dropLast(gz.count)))
    }

    static func item(forFile path: String, id: String) -> InputItem {
        let ext = articleExtension(Array((path as NSString).lastPathComponent.utf8))
        let media: String? = ["html", "htm", "xhtml"].contains(ext) ? "text/html" : nil
        var item = InputItem(id: id, path: path, declaredMediaType: media)
        var st = stat()
        if stat(path, &st) == 0 { item.size = Int(st.st_size) }
        item.container = container(path)
        return item
    }

    /// The items with every archive replaced by its records, read one at a time as the sequence is consumed, so
    /// an archive of any size is never held in memory.
    /// - Parameter maxLineBytes: the longest JSON Lines line read (4 × `normalize.max_bytes`, see
    ///   ``Pipeline/maxInputBytes``); a longer one becomes a `too-large` error item.
    public static func expand<S: Sequence>(_ items: S, maxLineBytes: Int = JSONLinesItems.defaultMaxLine)
        -> AnySequence<InputItem> where S.Element == InputItem
    {
        AnySequence { () -> AnyIterator<InputItem> in
            var outer = items.makeIterator()
            var records: (() -> InputItem?)? = nil
            return AnyIterator {
                while true {
                    if let r = records {
                        if let next = r() { return next }
                        records = nil
                    }
                    guard let item = outer.next() else { return nil }
                    guard let kind = item.container, let path = item.path else { return item }
                    switch kind {
                    case .warc: records = WARCItems(archiveID: item.id, path: path).next
                    case .jsonLines: records = JSONLinesItems(path: path, maxLineBytes: maxLineBytes).next
                    }
                }
            }
        }
    }

    /// Reads an item's bytes: its own, or its file's through ``readFile(_:raw:limit:)`` (at most `limit` bytes).
    public static func read(_ item: InputItem, limit: Int) -> Result<(bytes: [UInt8], changed: Bool), HearsayError> {
        if let failure = item.failure { return .failure(failure) }
        if let b = item.bytes { return .success((b, false)) }
        guard let path = item.path else { return .success(([], false)) }
        return readFile(path, raw: item.rawPath, limit: limit)
    }

    /// Reads a file for the pipeline: only a regular file (a FIFO, device or socket would block or never end), at
    /// most `limit` bytes (a larger file is refused unread, one that grows past the cap while read is refused
    /// too), in one pass. The bytes read are the document: hash and byte spans refer to them even when the file
    /// changes meanwhile, and such a change is reported (`changed` is true). A file whose name ends in `.gz` is
    /// gzip-compressed: its bytes inflated (at most `limit` of them) are the document, so the hash and the byte
    /// spans refer to the article, not to the compressed file; data that does not inflate is an `input.unreadable`.
    public static func readFile(_ path: String, raw: [UInt8]? = nil, limit: Int) -> Result<
        (bytes: [UInt8], changed: Bool), HearsayError
    > {
        func fail(_ code: String, _ message: String, offset: Int? = nil) -> Result<
            (bytes: [UInt8], changed: Bool), HearsayError
        > {
            .failure(HearsayError(code: code, message: message, file: path, byteOffset: offset))
        }
        let fd = cPath(raw ?? Array(path.utf8)) { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        guard fd >= 0 else {
            return fail("input.unreadable", "cannot open the file: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var before = stat()
        guard fstat(fd, &before) == 0 else { return fail("input.unreadable", String(cString: strerror(errno))) }
        guard before.st_mode & S_IFMT == S_IFREG else {
            return fail("input.not-a-file", "not a regular file (a FIFO, device or socket is never read)")
        }
        if Int(before.st_size) > limit {
            return fail(
                "too-large", "input is \(before.st_size) bytes, over the cap of \(limit) (normalize.max_bytes)",
                offset: limit)
        }
        var bytes = [UInt8](repeating: 0, count: min(Int(before.st_size), limit) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                if count > limit {
                    return fail(
                        "too-large", "input grew past the cap of \(limit) bytes while being read", offset: limit)
                }
                bytes.append(contentsOf: repeatElement(0, count: min(max(count, 4096), limit + 1 - count)))
            }
            let n = bytes.withUnsafeMutableBufferPointer { buf in
                Glibc.read(fd, buf.baseAddress! + count, buf.count - count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return fail("input.unreadable", "reading the file failed: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            count += n
        }
        bytes.removeLast(bytes.count - count)
        if path.lowercased().hasSuffix(compressedSuffix) {
            guard let inflated = Inflate.all(bytes, limit: limit) else {
                return fail(
                    "input.unreadable",
                    "the gzip data is corrupt, cut short, or inflates to more than \(limit) bytes (normalize.max_bytes)"
                )
            }
            bytes = inflated
        }
        var after = stat()
        let changed =
            fstat(fd, &after) != 0 || after.st_size != before.st_size || Int(after.st_size) != count
            || after.st_mtim.tv_sec != before.st_mtim.tv_sec || after.st_mtim.tv_nsec != before.st_mtim.tv_nsec
        return .success((bytes, changed))
    }

    /// Reads and processes one item; never throws past the item.
    public static func process(_ item: InputItem, with pipeline: Pipeline) -> Result<Document, HearsayError> {
        read(item, limit: pipeline.maxInputBytes).flatMap {
            process(item, bytes: $0.bytes, changed: $0.changed, with: pipeline)
        }
    }

    /// Processes one item whose bytes were already read (`changed`: the file changed while it was read).
    public static func process(
        _ item: InputItem, bytes: [UInt8], changed: Bool = false, with pipeline: Pipeline
    ) -> Result<Document, HearsayError> {
        process(item, bytes: bytes, changed: changed, digest: nil, with: pipeline)
    }

    /// ``process(_:bytes:changed:with:)`` with the bytes' SHA-256 digest when the caller has it already.
    static func process(
        _ item: InputItem, bytes: [UInt8], changed: Bool = false, digest: [UInt8]?, with pipeline: Pipeline
    ) -> Result<Document, HearsayError> {
        var doc = Document(
            id: item.id, path: item.path ?? item.id, bytes: bytes, declaredMediaType: item.declaredMediaType,
            sha256: digest ?? Document.sha256(bytes))
        if let p = item.published { doc.metadata.published = p }
        doc.fallbackPublished = item.fallbackPublished
        if let u = item.url { doc.metadata.url = u }
        if let c = item.crawled { doc.metadata.crawled = c }
        if changed {
            doc.diagnostics.append(
                Diagnostic(
                    severity: .warning, code: "input.changed-while-read",
                    message: "the file changed while it was read; this document is the \(bytes.count) bytes read",
                    stage: TextNormalizer.name))
        }
        do {
            try pipeline.process(&doc)
            return .success(doc)
        } catch var e as HearsayError {
            if item.line != nil { e.line = e.line ?? item.line }
            return .failure(e)
        } catch {
            return .failure(HearsayError(code: "internal", message: "\(error)", file: item.path ?? item.id))
        }
    }

    /// Processes items on `jobs` threads, in chunks, handing results to `sink` in input order.
    public static func run<S: Sequence>(
        _ items: S, with pipeline: Pipeline, jobs: Int,
        sink: (Int, InputItem, Result<Document, HearsayError>) throws -> Void
    ) rethrows where S.Element == InputItem {
        try map(items, jobs: jobs, { process($0, with: pipeline) }, sink: sink)
    }

    /// Applies `work` to items on `jobs` threads and hands the results to `sink` in input order, on the calling
    /// thread. Workers pull the next item as soon as they are free (no barrier between chunks, so one slow document
    /// does not idle the other cores), and never run more than `jobs × 8` items ahead of `sink`: memory stays flat
    /// however many items the sequence yields. When `sink` throws, the workers stop and the error is rethrown.
    /// The most worker threads a batch starts, whatever `--jobs` asks (a thread each; `--jobs 50000000` spent
    /// 49 s starting them, and a window of `jobs × 8` results overflowed for the largest values).
    public static let maxJobs = 256

    public static func map<S: Sequence, T>(
        _ items: S, jobs: Int, _ work: (InputItem) -> Result<T, HearsayError>,
        sink: (Int, InputItem, Result<T, HearsayError>) throws -> Void
    ) rethrows where S.Element == InputItem {
        let jobs = min(jobs, maxJobs)
        if jobs <= 1 {
            for (index, item) in items.enumerated() { try sink(index, item, work(item)) }
            return
        }
        let state = OrderedWork<S.Iterator, T>(items.makeIterator(), window: jobs * 8)
        try withoutActuallyEscaping(work) { work in
            let shared = UnsafeSendable(work)
            let group = DispatchGroup()
            for _ in 0..<jobs {
                DispatchQueue.global().async(group: group) {
                    while let (index, item) = state.take() { state.put(index, item, shared.value(item)) }
                }
            }
            defer {
                state.stop()
                group.wait()
            }
            while let (index, item, result) = state.nextInOrder() { try sink(index, item, result) }
        }
    }
}

/// The shared state of ``Batch/map(_:jobs:_:sink:)``: the input iterator, the finished results waiting for their
/// turn, and the window that bounds how far workers run ahead.
final class OrderedWork<I: IteratorProtocol, T>: @unchecked Sendable where I.Element == InputItem {
    private var iterator: I
    private let window: Int
    private let cond = NSCondition()
    private var taken = 0
    private var emitted = 0
    private var exhausted = false
    private var stopped = false
    private var done: [Int: (InputItem, Result<T, HearsayError>)] = [:]

    init(_ iterator: I, window: Int) {
        self.iterator = iterator
        self.window = window
    }

    /// Serializes pulling from the iterator, which may block (reading standard input, inflating an archive record)
    /// without holding `cond`, so that finished results still reach the output meanwhile.
    private let pull = NSLock()

    /// The next item to work on, or nil when there is none or the run stopped.
    func take() -> (Int, InputItem)? {
        pull.lock()
        defer { pull.unlock() }
        cond.lock()
        while taken - emitted >= window && !stopped { cond.wait() }
        let go = !stopped && !exhausted
        cond.unlock()
        let item = go ? iterator.next() : nil
        cond.lock()
        defer { cond.unlock() }
        guard let item else {
            exhausted = true
            cond.broadcast()
            return nil
        }
        taken += 1
        return (taken - 1, item)
    }

    func put(_ index: Int, _ item: InputItem, _ result: Result<T, HearsayError>) {
        cond.lock()
        done[index] = (item, result)
        cond.broadcast()
        cond.unlock()
    }

    /// The next result in input order, waiting for it; nil when all are handed out.
    func nextInOrder() -> (Int, InputItem, Result<T, HearsayError>)? {
        cond.lock()
        defer { cond.unlock() }
        while done[emitted] == nil && !(exhausted && emitted == taken) { cond.wait() }
        guard let (item, result) = done.removeValue(forKey: emitted) else { return nil }
        emitted += 1
        cond.broadcast()
        return (emitted - 1, item, result)
    }

    func stop() {
        cond.lock()
        stopped = true
        cond.broadcast()
        cond.unlock()
    }
}

/// A closure handed to worker threads; `work` must be safe to call concurrently (the pipeline is immutable).
struct UnsafeSendable<V>: @unchecked Sendable {
    let value: V
    init(_ value: V) { self.value = value }
}

extension String {
    fileprivate func leftPadded(to n: Int) -> String {
        count >= n ? self : String(repeating: "0", count: n - count) + self
    }
}
