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
        AtomicFile.pending.insert(tempPath)
    }

    /// Temporary files not yet committed or abandoned, for ``removePendingFiles()``.
    static let pending = PendingFiles()

    /// Removes every temporary file this process has not yet committed: for a signal handler, so that Ctrl-C or
    /// `kill` leaves no temporary files behind (the targets stay as they were).
    public static func removePendingFiles() { pending.removeAll() }

    /// Removes temporary files left beside `path` by processes that no longer run (after `kill -9`).
    public static func removeStale(besides path: String) {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        let prefix = "." + url.lastPathComponent + ".tmp-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(dir + "/" + name) }
        }
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

    /// Flushes (to the disk unless `sync` is false), closes and renames the file into place.
    public func commit(sync: Bool = true) throws {
        do {
            if sync { try handle.synchronize() }
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
        AtomicFile.pending.remove(tempPath)
    }

    /// Removes the temporary file; the target is left as it was.
    public func abandon() {
        guard !done else { return }
        done = true
        try? handle.close()
        unlink(tempPath)
        AtomicFile.pending.remove(tempPath)
    }

    deinit { abandon() }
}

/// A locked set of paths.
final class PendingFiles: @unchecked Sendable {
    private var paths: Set<String> = []
    private let lock = NSLock()
    func insert(_ p: String) { lock.lock(); paths.insert(p); lock.unlock() }
    func remove(_ p: String) { lock.lock(); paths.remove(p); lock.unlock() }
    func removeAll() {
        lock.lock()
        for p in paths { unlink(p) }
        paths.removeAll()
        lock.unlock()
    }
}
