import Foundation

/// A file written to a temporary name beside its target and renamed over the target only when complete, so a
/// reader never sees it half-written and an interrupted run leaves the target as it was.
public final class AtomicFile {
    public let path: String
    let tempPath: String
    let handle: FileHandle
    private var done = false

    /// - Throws: ``HearsayError`` `output.unwritable` when the directory cannot be written.
    public init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        tempPath = url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: tempPath, contents: nil),
            let h = FileHandle(forWritingAtPath: tempPath)
        else {
            throw HearsayError(
                code: "output.unwritable", message: "cannot create the output file (is the directory writable?)",
                file: path)
        }
        handle = h
    }

    /// - Throws: ``HearsayError`` `output.write-failed` (the temporary file is removed).
    public func write(_ data: Data) throws {
        do {
            try handle.write(contentsOf: data)
        } catch {
            abandon()
            throw HearsayError(
                code: "output.write-failed", message: "writing the output failed (disk full?)", file: path,
                cause: "\(error)")
        }
    }

    public func write(_ text: String) throws { try write(Data(text.utf8)) }

    /// Flushes, closes and renames the file into place.
    public func commit() throws {
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            abandon()
            throw HearsayError(code: "output.write-failed", message: "closing the output failed", file: path)
        }
        if rename(tempPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            abandon()
            throw HearsayError(
                code: "output.rename-failed", message: "cannot move the output into place: \(reason)", file: path)
        }
        done = true
    }

    /// Removes the temporary file; the target is left as it was.
    public func abandon() {
        guard !done else { return }
        done = true
        try? handle.close()
        unlink(tempPath)
    }

    deinit { abandon() }
}
