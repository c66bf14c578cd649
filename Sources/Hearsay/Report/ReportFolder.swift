import Foundation

/// Writes a folder report (``ReportRenderer/renderFolder(_:)``) as a whole: every file goes into a new folder beside
/// the target, which then takes the target's place in one rename, so a reader never sees half a report and a failed
/// run leaves the previous one as it was.
///
/// The folder holds a marker file, `.hearsay-report`. An existing target is replaced only when it is empty or holds
/// that marker (an earlier report): any other folder or file is left alone.
public enum ReportFolder {
    /// The name of the marker file in every report folder.
    public static let marker = ".hearsay-report"
    static let markerText = "A report written by hearsay report; the whole folder is replaced by the next one.\n"

    /// The folder a report written to `output` goes to: `output` without a `.html` or `.htm` ending
    /// (`-o report.html` → `report/`), else `output` itself.
    public static func directory(for output: String) -> String {
        for ext in [".html", ".htm"] where output.lowercased().hasSuffix(ext) && output.count > ext.count {
            let stem = String(output.dropLast(ext.count))
            if !stem.hasSuffix("/") { return stem }
        }
        return output
    }

    /// Writes `files` (paths relative to the folder) as the folder `directory`.
    /// - Throws: ``HearsayError`` `output.not-a-report` when `directory` exists and is neither empty nor an earlier
    ///   report, `output.is-input` when one of `inputs` lies inside it, `output.unwritable` when writing fails.
    public static func write(_ files: [ReportRenderer.File], to directory: String, inputs: [String] = []) throws {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: directory).standardizedFileURL
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: target.path, isDirectory: &isDirectory) {
            let entries = isDirectory.boolValue ? (try? fm.contentsOfDirectory(atPath: target.path)) : nil
            guard let entries, entries.isEmpty || entries.contains(marker) else {
                throw HearsayError(
                    code: "output.not-a-report",
                    message: "\(directory) exists and is not a report folder (no \(marker) in it); nothing written: "
                        + "name a new folder with -o", file: directory)
            }
            let resolved = target.resolvingSymlinksInPath().path + "/"
            for input in inputs
            where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path.hasPrefix(resolved) {
                throw HearsayError(
                    code: "output.is-input",
                    message: "the input \(input) is inside the report folder \(directory), which would be replaced",
                    file: input)
            }
        }
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        let temporary = parent.appendingPathComponent(".\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        func fail(_ what: String, _ error: Error) -> HearsayError {
            HearsayError(code: "output.unwritable", message: what, file: directory, cause: "\(error)")
        }
        do {
            try fm.createDirectory(at: temporary, withIntermediateDirectories: false)
            var made = Set<String>()
            for f in files + [ReportRenderer.File(path: marker, contents: markerText)] {
                let url = temporary.appendingPathComponent(f.path)
                let folder = url.deletingLastPathComponent().path
                if !made.contains(folder) {
                    try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    made.insert(folder)
                }
                try Data(f.contents.utf8).write(to: url)
            }
        } catch {
            try? fm.removeItem(at: temporary)
            throw fail("cannot write the report folder", error)
        }
        // Swap: the old report (if any) moves aside, the new one takes its name, the old one is removed.
        let old = parent.appendingPathComponent(".\(name).old-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let existed = fm.fileExists(atPath: target.path)
        do {
            if existed { try fm.moveItem(at: target, to: old) }
            do { try fm.moveItem(at: temporary, to: target) } catch {
                if existed { try? fm.moveItem(at: old, to: target) }
                throw error
            }
        } catch {
            try? fm.removeItem(at: temporary)
            throw fail("cannot put the report folder in place", error)
        }
        if existed { try? fm.removeItem(at: old) }
    }
}
