import Foundation

/// Inputs named other than as paths: one article on standard input (`hearsay extract -`), a file listing paths
/// (`--input-file LIST`), and a publication date for inputs that state none (`--published DATE`). Hearsay reads
/// no URLs: every input is a local file or standard input, and nothing touches the network.
extension Batch {
    /// The path that means standard input.
    public static let standardInputPath = "-"

    /// Like ``collect(_:)``, with `-` read as one article from standard input under the id `stdinID` (at most
    /// `limit` bytes: a longer input becomes a `too-large` error item, read no further).
    public static func collect(_ paths: [String], stdinID: String, limit: Int) -> (
        items: [InputItem], errors: [HearsayError]
    ) {
        var (items, errors) = collect(paths.filter { $0 != standardInputPath })
        guard paths.contains(standardInputPath) else { return (items, errors) }
        items.append(standardInput(id: stdinID, handle: .standardInput, limit: limit))
        items.sort { $0.sortKey == $1.sortKey ? ($0.path ?? "") < ($1.path ?? "") : $0.sortKey < $1.sortKey }
        return (items, errors)
    }

    /// One article read from `handle` to its end (or to `limit` + 1 bytes), HTML or text decided by content.
    public static func standardInput(id: String, handle: FileHandle, limit: Int) -> InputItem {
        var item = InputItem(id: id)
        var bytes: [UInt8] = []
        while bytes.count <= limit {
            let chunk: Data
            do { chunk = try handle.read(upToCount: min(1 << 20, limit + 1 - bytes.count)) ?? Data() } catch {
                item.failure = HearsayError(
                    code: "input.unreadable", message: "cannot read standard input", file: id, cause: "\(error)")
                return item
            }
            if chunk.isEmpty { break }
            bytes.append(contentsOf: chunk)
        }
        if bytes.count > limit {
            item.failure = HearsayError(
                code: "too-large", message: "standard input is over the cap of \(limit) bytes (normalize.max_bytes)",
                file: id, byteOffset: limit)
            return item
        }
        item.bytes = bytes
        item.size = bytes.count
        return item
    }

    /// The paths listed in `list`, one a line (`-`: standard input); blank lines are skipped, a carriage return
    /// before the line feed is dropped, and nothing else is interpreted (a path may hold spaces or start with #).
    /// A listed `-` is a file of that name (`./-`), never standard input.
    /// - Throws: ``HearsayError`` `input.unreadable` when the list cannot be read.
    public static func pathList(_ list: String) throws -> [String] {
        let data: Data
        do {
            if list == standardInputPath {
                data = try FileHandle.standardInput.readToEnd() ?? Data()
            } else {
                data = try Data(contentsOf: URL(fileURLWithPath: list))
            }
        } catch {
            throw HearsayError(
                code: "input.unreadable", message: "cannot read the list of inputs", file: list, cause: "\(error)")
        }
        return data.split(separator: 0x0A).compactMap { raw in
            var line = raw
            if line.last == 0x0D { line = line.dropLast() }
            guard !line.isEmpty else { return nil }
            let path = String(decoding: line, as: UTF8.self)
            return path == standardInputPath ? "./-" : path
        }
    }

    /// The items with `date` as the publication date of every one that states none of its own (see
    /// ``InputItem/fallbackPublished``), applied as they are pulled.
    public static func assumingPublished<S: Sequence>(_ date: String?, _ items: S) -> AnySequence<InputItem>
    where S.Element == InputItem {
        guard let date else { return AnySequence(items) }
        return AnySequence(
            items.lazy.map { item in
                var copy = item
                copy.fallbackPublished = date
                return copy
            })
    }
}
