import Foundation

/// A file written to a temporary name beside its target and renamed over the target only when complete, so a
/// reader never sees it half-written and an interrupted run leaves the target as it was.
///
/// What is not a regular file is written in place instead: `-` (standard output), a character device
/// (`/dev/null`, a terminal), a FIFO or a socket, and a link to one (`/dev/stdout`). A rename would replace the
/// device node or the link with a regular file. A link to a regular file is followed: the temporary file goes
/// beside the file it names, and the rename replaces that file, never the link.
public final class AtomicFile {
    public let path: String
    /// The temporary file ("" when the output is written in place).
    let tempPath: String
    /// What the temporary file is renamed to: `path` with its links resolved.
    let target: String
    let handle: FileHandle
    /// Written in place (no temporary file, no rename).
    public let inPlace: Bool
    private var done = false

    /// How an output path is written: atomically to `target` (the path with links resolved), or in place.
    public enum Placement: Equatable {
        case atomic(target: String)
        case inPlace
    }

    /// Where a write to `path` goes: `-`, or a path that exists and is not a regular file (after links), or a
    /// link that cannot be resolved, is written in place; anything else atomically beside its resolved target.
    public static func placement(_ path: String) -> Placement {
        if path == "-" { return .inPlace }
        var st = stat()
        guard lstat(path, &st) == 0 else { return .atomic(target: path) }
        var target = path
        if st.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = realpath(path, nil) else { return .inPlace }
            target = String(cString: resolved)
            free(resolved)
            guard stat(target, &st) == 0 else { return .inPlace }
        }
        return st.st_mode & S_IFMT == S_IFREG ? .atomic(target: target) : .inPlace
    }

    /// Whether writing `path` goes in place (a device, FIFO, socket or standard output): then nothing (no
    /// temporary file, no resume cache) may be created beside it.
    public static func writesInPlace(_ path: String) -> Bool { placement(path) == .inPlace }

    /// - Throws: ``HearsayError`` `output.unwritable` when the directory cannot be written.
    public init(path: String) throws {
        self.path = path
        switch AtomicFile.placement(path) {
        case .inPlace:
            inPlace = true
            tempPath = ""
            target = path
            if path == "-" {
                handle = FileHandle.standardOutput
                return
            }
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOCTTY | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw HearsayError(
                    code: "output.unwritable", message: "cannot open the output: \(String(cString: strerror(errno)))",
                    file: path)
            }
            handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        case .atomic(let target):
            inPlace = false
            self.target = target
            let url = URL(fileURLWithPath: target)
            // The process id (for clearing leftovers of killed runs) and a per-process number (two writers of one
            // target in one run never share a temporary file).
            tempPath =
                url.deletingLastPathComponent().path + "/." + url.lastPathComponent
                + ".tmp-\(getpid())-\(AtomicFile.pending.nextNumber())"
            // Created and registered under one lock, so that a signal handler's cleanup never misses a file.
            guard let h = AtomicFile.pending.create(tempPath) else {
                throw HearsayError(
                    code: "output.unwritable", message: "cannot create the output file (is the directory writable?)",
                    file: path)
            }
            handle = h
        }
    }

    /// A scratch file in the system's temporary directory (for data to copy into an output written in place).
    public static func scratch(_ name: String) throws -> AtomicFile {
        try AtomicFile(path: FileManager.default.temporaryDirectory.path + "/hearsay-\(getpid())-\(name)")
    }

    /// Temporary files not yet committed or abandoned, for ``removePendingFiles()``.
    static let pending = PendingFiles()

    /// Removes every temporary file this process has not yet committed: for a signal handler, so that Ctrl-C or
    /// `kill` leaves no temporary files behind (the targets stay as they were).
    public static func removePendingFiles() { pending.removeAll() }

    /// Removes temporary files left beside `path` by processes that no longer run (after `kill -9`). Nothing is
    /// listed beside an output written in place.
    public static func removeStale(besides path: String) {
        guard case .atomic(let target) = placement(path) else { return }
        let url = URL(fileURLWithPath: target)
        let dir = url.deletingLastPathComponent().path
        let prefix = "." + url.lastPathComponent + ".tmp-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let pid = Int32(rest.prefix { $0 != "-" }), pid != getpid() else { continue }
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
        if inPlace {
            done = true
            if path != "-" { try? handle.close() }
            return
        }
        do {
            if sync { try handle.synchronize() }
            try handle.close()
        } catch {
            abandon()
            throw HearsayError(code: "output.write-failed", message: "closing the output failed", file: path)
        }
        if rename(tempPath, target) != 0 {
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
        if inPlace {
            if path != "-" { try? handle.close() }
            return
        }
        try? handle.close()
        unlink(tempPath)
        AtomicFile.pending.remove(tempPath)
    }

    deinit { abandon() }
}

/// A locked set of paths.
final class PendingFiles: @unchecked Sendable {
    private var paths: Set<String> = []
    private var closed = false
    private var counter = 0
    private let lock = NSLock()

    func nextNumber() -> Int {
        lock.lock()
        defer { lock.unlock() }
        counter += 1
        return counter
    }

    /// Creates an empty file at `p` and registers it; nil when it cannot be created or the process is being
    /// interrupted (after ``removeAll()`` no new temporary file appears).
    func create(_ p: String) -> FileHandle? {
        lock.lock()
        defer { lock.unlock() }
        guard !closed, FileManager.default.createFile(atPath: p, contents: nil),
            let h = FileHandle(forWritingAtPath: p)
        else { return nil }
        paths.insert(p)
        return h
    }

    func remove(_ p: String) {
        lock.lock()
        paths.remove(p)
        lock.unlock()
    }

    /// Removes every registered file and refuses new ones.
    func removeAll() {
        lock.lock()
        closed = true
        for p in paths { unlink(p) }
        paths.removeAll()
        lock.unlock()
    }
}
