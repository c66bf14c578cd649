import CZlib
import Foundation

/// Reads a web archive (WARC 1.0/1.1, ISO 28500), plain or gzip-compressed (one member per record, as crawlers
/// write them, or one member for the whole file), one record at a time: memory holds one record, never the archive.
final class WARCReader {
    struct Record {
        var headers: [String: String]  // names lower-cased
        var block: [UInt8]
        /// Byte offset of the record in the uncompressed archive stream.
        var offset: Int
    }

    let path: String
    private let source: ByteSource
    /// Records larger than this are skipped with an error (the document byte cap applies later anyway).
    let maxRecordBytes: Int

    init(path: String, maxRecordBytes: Int = 64 << 20) throws {
        self.path = path
        self.maxRecordBytes = maxRecordBytes
        source = try ByteSource(path: path)
    }

    /// The next record, or nil at the end of the archive.
    ///
    /// - Throws: ``HearsayError`` `warc.malformed` (with the stream offset) when the archive cannot be read on;
    ///   `warc.record-too-large` for one record, after which reading goes on.
    func next() throws -> Record? {
        // Skip blank lines between records.
        var line: [UInt8]
        repeat {
            guard let l = try source.line(max: 1 << 16) else { return nil }
            line = l
        } while line.allSatisfy { $0 == 0x0D || $0 == 0x0A }
        let offset = source.consumed - line.count
        guard line.starts(with: Array("WARC/".utf8)) else {
            throw fail("warc.malformed", "expected a WARC record header ('WARC/1.x')", at: offset)
        }
        var headers: [String: String] = [:]
        while true {
            guard let l = try source.line(max: 1 << 16) else {
                throw fail("warc.malformed", "the archive ends inside a record header", at: source.consumed)
            }
            let text = String(decoding: l, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { break }
            if let colon = text.firstIndex(of: ":") {
                headers[text[..<colon].lowercased()] = text[text.index(after: colon)...].trimmingCharacters(
                    in: .whitespaces)
            }
        }
        guard let lengthText = headers["content-length"], let length = Int(lengthText), length >= 0 else {
            throw fail("warc.malformed", "the record has no valid Content-Length", at: offset)
        }
        if length > maxRecordBytes {
            try source.skip(length)
            throw fail(
                "warc.record-too-large", "the record's \(length) bytes exceed the cap of \(maxRecordBytes)", at: offset)
        }
        let block = try source.bytes(length)
        guard block.count == length else {
            throw fail("warc.malformed", "the archive ends inside a record (truncated?)", at: source.consumed)
        }
        return Record(headers: headers, block: block, offset: offset)
    }

    func fail(_ code: String, _ message: String, at offset: Int) -> HearsayError {
        var e = HearsayError(code: code, message: message + " (uncompressed offset \(offset))", file: path)
        if !source.compressed { e.byteOffset = offset }
        return e
    }
}

/// Buffered bytes of a file, inflated on the fly when the file is gzip-compressed (any number of members).
final class ByteSource {
    private let handle: FileHandle
    private(set) var compressed = false
    private var stream = z_stream()
    private var inflating = false
    /// Inside a gzip member: input ending here means the file was cut short.
    private var midMember = false
    private var raw: [UInt8] = []  // compressed input not yet consumed
    private var rawEOF = false
    private var buffer: [UInt8] = []
    private var position = 0
    /// Uncompressed bytes handed out so far.
    private(set) var consumed = 0

    /// Opens a regular file only: a FIFO, device or socket named like an archive would block or never end.
    convenience init(path: String) throws {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            throw HearsayError(
                code: "input.unreadable", message: "cannot open the file: \(String(cString: strerror(errno)))",
                file: path)
        }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw HearsayError(
                code: "input.not-a-file", message: "not a regular file (a FIFO, device or socket is never read)",
                file: path)
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        try self.init(handle: FileHandle(fileDescriptor: fd, closeOnDealloc: true))
    }

    /// Reads from an open handle (a file, a pipe, standard input); it is closed when the source is released.
    init(handle h: FileHandle) throws {
        handle = h
        let head = try readRaw()
        compressed = head.count >= 2 && head[0] == 0x1F && head[1] == 0x8B
        if compressed {
            raw = head
            guard hearsay_inflate_init(&stream, 15 + 32) == Z_OK else {
                throw HearsayError(code: "internal", message: "zlib could not start")
            }
            inflating = true
        } else {
            buffer = head
        }
    }

    deinit {
        if inflating { inflateEnd(&stream) }
        try? handle.close()
    }

    /// One read(2): whatever is available, up to 64 KiB (a pipe's reader gets each line as it arrives, not
    /// after 64 KiB of them).
    private func readRaw() throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 1 << 16)
        let fd = handle.fileDescriptor
        while true {
            let n = out.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw HearsayError(
                    code: "input.unreadable", message: "reading failed: \(String(cString: strerror(errno)))")
            }
            if n == 0 { rawEOF = true }
            out.removeLast(out.count - n)
            return out
        }
    }

    /// Adds more bytes to the buffer; false at the end of input.
    private func fill() throws -> Bool {
        if position > 0 && position >= buffer.count / 2 {
            buffer.removeFirst(position)
            position = 0
        }
        if !compressed {
            let more = try readRaw()
            buffer.append(contentsOf: more)
            return !more.isEmpty
        }
        var out = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if raw.isEmpty {
                if !rawEOF { raw = try readRaw() }
                if raw.isEmpty {
                    if midMember {
                        throw HearsayError(
                            code: "warc.malformed",
                            message:
                                "the gzip data ends inside a member (truncated?) after \(consumed + buffer.count - position) bytes"
                        )
                    }
                    return false
                }
            }
            midMember = true
            var produced = 0
            var status: Int32 = Z_OK
            let inCount = raw.count
            raw.withUnsafeMutableBufferPointer { inp in
                out.withUnsafeMutableBufferPointer { outp in
                    stream.next_in = inp.baseAddress
                    stream.avail_in = uInt(inCount)
                    stream.next_out = outp.baseAddress
                    stream.avail_out = uInt(outp.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    produced = outp.count - Int(stream.avail_out)
                }
            }
            raw.removeFirst(inCount - Int(stream.avail_in))
            if status == Z_STREAM_END {
                // The next gzip member (crawlers compress each record on its own).
                inflateReset(&stream)
                midMember = false
            } else if status != Z_OK && status != Z_BUF_ERROR {
                throw HearsayError(
                    code: "warc.malformed",
                    message:
                        "the gzip data is corrupt (zlib status \(status)) after \(consumed + buffer.count - position) bytes"
                )
            }
            if produced > 0 {
                buffer.append(contentsOf: out[0..<produced])
                return true
            }
        }
    }

    /// The next line including its LF (a last line without one is returned as is), or nil at the end.
    func line(max: Int) throws -> [UInt8]? {
        var searched = 0  // bytes after `position` already searched (`fill` may move `position`, not this)
        while true {
            if let nl = buffer[(position + searched)...].firstIndex(of: 0x0A) {
                let l = Array(buffer[position...nl])
                consumed += l.count
                position = nl + 1
                return l
            }
            searched = buffer.count - position
            if searched > max {
                throw HearsayError(code: "warc.malformed", message: "a header line is longer than \(max) bytes")
            }
            if try !fill() {
                guard position < buffer.count else { return nil }
                let l = Array(buffer[position...])
                consumed += l.count
                position = buffer.count
                return l
            }
        }
    }

    /// The next bytes available (what is buffered, else one more read), or nil at the end of input.
    func chunk() throws -> ArraySlice<UInt8>? {
        if position >= buffer.count, try !fill() { return nil }
        let out = buffer[position...]
        consumed += out.count
        position = buffer.count
        return out
    }

    /// Up to `n` bytes (fewer only at the end of input).
    func bytes(_ n: Int) throws -> [UInt8] {
        while buffer.count - position < n {
            if try !fill() { break }
        }
        let take = min(n, buffer.count - position)
        let out = Array(buffer[position..<position + take])
        position += take
        consumed += take
        return out
    }

    func skip(_ n: Int) throws {
        var left = n
        while left > 0 {
            if position >= buffer.count, try !fill() { return }
            let take = min(left, buffer.count - position)
            position += take
            consumed += take
            left -= take
        }
    }
}

/// The articles of one archive as input items: HTTP responses (and resource records) with an HTML or plain-text
/// payload and a 2xx status; other records (requests, metadata, images, redirects) are passed over. Each item's id
/// is the archive's id and the record's number (`crawl.warc.gz/000012`), its bytes the HTTP payload (de-chunked
/// and decompressed), with the record's target URI as `url` and its date as `crawled`.
final class WARCItems {
    let archiveID: String
    let path: String
    private var reader: WARCReader?
    private var number = 0
    private var failed: HearsayError?

    init(archiveID: String, path: String) {
        self.archiveID = archiveID
        self.path = path
        do { reader = try WARCReader(path: path) } catch let e as HearsayError { failed = e } catch {
            failed = HearsayError(code: "input.unreadable", message: "\(error)", file: path)
        }
    }

    /// The next article, an item carrying the error that stopped the archive, or nil.
    func next() -> InputItem? {
        if let f = failed {
            failed = nil
            var item = InputItem(id: archiveID, path: path)
            item.failure = f
            return item
        }
        guard let r = reader else { return nil }
        while true {
            let record: WARCReader.Record
            do {
                guard let rec = try r.next() else {
                    reader = nil
                    return nil
                }
                record = rec
                number += 1
            } catch var e as HearsayError {
                number += 1
                if e.file == nil { e.file = path }
                var item = InputItem(id: recordID(), path: path)
                item.failure = e
                if e.code != "warc.record-too-large" { reader = nil }  // the stream cannot be followed further
                return item
            } catch {
                reader = nil
                var item = InputItem(id: recordID(), path: path)
                item.failure = HearsayError(code: "input.unreadable", message: "\(error)", file: path)
                return item
            }
            if let item = article(record) { return item }
        }
    }

    func recordID() -> String {
        let n = String(number)
        return archiveID + "/" + String(repeating: "0", count: max(0, 6 - n.count)) + n
    }

    func article(_ record: WARCReader.Record) -> InputItem? {
        let type = record.headers["warc-type"]?.lowercased() ?? ""
        let contentType = record.headers["content-type"]?.lowercased() ?? ""
        var payload: [UInt8]
        var media: String
        if type == "response" && contentType.hasPrefix("application/http") {
            guard let http = HTTPMessage(record.block), (200..<300).contains(http.status),
                let m = WARCItems.mediaType(http.headers["content-type"] ?? "")
            else { return nil }
            media = m
            payload = http.body
            if http.headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
                payload = HTTPMessage.dechunk(payload)
            }
            if let enc = http.headers["content-encoding"]?.lowercased(), enc.contains("gzip") || enc.contains("deflate")
            {
                var item = InputItem(id: recordID(), path: path)
                // "deflate" is often raw deflate without the zlib header.
                guard
                    let inflated = payload.isEmpty
                        ? payload
                        : Inflate.all(payload, limit: 64 << 20)
                            ?? (enc.contains("deflate") ? Inflate.all(payload, limit: 64 << 20, windowBits: -15) : nil)
                else {
                    item.failure = HearsayError(
                        code: "warc.bad-content-encoding", message: "the payload's \(enc) encoding cannot be decoded",
                        file: path)
                    return item
                }
                payload = inflated
            }
        } else if type == "resource", let m = WARCItems.mediaType(contentType) {
            media = m
            payload = record.block
        } else {
            return nil
        }
        var item = InputItem(id: recordID(), path: path, bytes: payload, declaredMediaType: media)
        item.url = record.headers["warc-target-uri"]?.trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
        item.crawled = record.headers["warc-date"]
        item.size = payload.count
        return item
    }

    static func mediaType(_ contentType: String) -> String? {
        let t = contentType.lowercased()
        if t.contains("text/html") || t.contains("application/xhtml") { return "text/html" }
        if t.hasPrefix("text/plain") { return "text/plain" }
        return nil
    }
}

/// An HTTP/1.x response as a crawler stored it.
struct HTTPMessage {
    var status: Int
    var headers: [String: String]  // names lower-cased
    var body: [UInt8]

    init?(_ bytes: [UInt8]) {
        // Header end: CRLF CRLF, or LF LF from lenient servers.
        var end: Int? = nil
        var bodyStart = 0
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == 0x0A {
                if bytes[i + 1] == 0x0A {
                    end = i
                    bodyStart = i + 2
                    break
                }
                if bytes[i + 1] == 0x0D, i + 2 < bytes.count, bytes[i + 2] == 0x0A {
                    end = i
                    bodyStart = i + 3
                    break
                }
            }
            i += 1
        }
        guard let headerEnd = end else { return nil }
        let head = String(decoding: bytes[0..<headerEnd], as: UTF8.self)
        var lines = head.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard !lines.isEmpty, lines[0].hasPrefix("HTTP/") else { return nil }
        let parts = lines.removeFirst().split(separator: " ")
        guard parts.count >= 2, let code = Int(parts[1]) else { return nil }
        status = code
        headers = [:]
        for l in lines {
            guard let colon = l.firstIndex(of: ":") else { continue }
            headers[l[..<colon].lowercased()] = l[l.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        body = Array(bytes[bodyStart...])
    }

    /// The body of a `Transfer-Encoding: chunked` message; a malformed tail is kept as it is.
    static func dechunk(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            guard let nl = bytes[i...].firstIndex(of: 0x0A) else { break }
            let sizeText =
                String(decoding: bytes[i..<nl], as: UTF8.self)
                .split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            guard let size = Int(sizeText, radix: 16), size >= 0 else { return out.isEmpty ? bytes : out }
            if size == 0 { break }
            let start = nl + 1
            let end = size >= bytes.count - start ? bytes.count : start + size
            out.append(contentsOf: bytes[start..<end])
            i = end
            // The CRLF after the chunk.
            while i < bytes.count, bytes[i] == 0x0D || bytes[i] == 0x0A { i += 1 }
        }
        return out
    }
}

/// Decompresses a whole gzip or zlib buffer, or nil when it is corrupt or larger than `limit`.
enum Inflate {
    /// `windowBits` 15 + 32 reads gzip or zlib streams, -15 raw deflate.
    static func all(_ input: [UInt8], limit: Int, windowBits: Int32 = 15 + 32) -> [UInt8]? {
        var stream = z_stream()
        guard hearsay_inflate_init(&stream, windowBits) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = input
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { inp in
            stream.next_in = inp.baseAddress
            stream.avail_in = uInt(inp.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { outp in
                    stream.next_out = outp.baseAddress
                    stream.avail_out = uInt(outp.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    out.append(contentsOf: outp[0..<(outp.count - Int(stream.avail_out))])
                }
            } while status == Z_OK && out.count <= limit && (stream.avail_in > 0 || stream.avail_out == 0)
        }
        guard status == Z_STREAM_END || (status == Z_OK && out.count <= limit && stream.avail_in == 0),
            out.count <= limit
        else { return nil }
        return out
    }
}
