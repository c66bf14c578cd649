import Foundation
import Testing

@testable import Hearsay

/// Validates real output against `docs/knowledge.schema.json` with Python's `jsonschema` (Draft 2020-12), the
/// validator other tools are likely to use. `.ci/run` installs it when missing; `HEARSAY_PYTHON` picks the
/// interpreter.
@Suite struct SchemaTests {
    func validate(_ file: String, lines: Bool) throws -> (status: Int32, output: String) {
        let python = ProcessInfo.processInfo.environment["HEARSAY_PYTHON"] ?? "python3"
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            v = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
            if sys.argv[3] == "lines":
                doc_schema = dict(schema["$defs"]["document"]); doc_schema["$defs"] = schema["$defs"]
                v = jsonschema.Draft202012Validator(doc_schema)
                items = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
            else:
                items = [json.load(open(sys.argv[2], encoding="utf-8"))]
            bad = [e for it in items for e in v.iter_errors(it)]
            for e in bad[:20]: print(e.json_path, e.message[:300])
            # Spans lie inside the text and source spans inside the input.
            docs = items if sys.argv[3] == "lines" else items[0]["documents"]
            named = timex = 0
            for d in docs:
                n = len(d.get("text", "")); b = d["source"]["bytes"]
                for q in d["quotes"]:
                    for f in q["fragments"]:
                        assert 0 <= f["span"][0] <= f["span"][1] <= n, ("span", d["id"], q["id"])
                        assert 0 <= f["source_span"][0] <= f["source_span"][1] <= b, ("source_span", d["id"], q["id"])
                    assert q.get("speaker") is None or any(s["id"] == q["speaker"] for s in d["speakers"]), q["id"]
                # speaker_name is the name of the quote's speaker, null without one (nested quotes too).
                names = {s["id"]: s["name"] for s in d["speakers"]}
                for q in d["quotes"] + [m for q in d["quotes"] for m in q.get("nested", [])]:
                    assert q["speaker_name"] == (names[q["speaker"]] if q["speaker"] else None), ("name", q["id"])
                    named += q["speaker_name"] is not None
                for c in d["claims"]:
                    assert 0 <= c["span"][0] <= c["span"][1] <= n, ("claim span", d["id"], c["id"])
                    # Exactly one of value (an amount) and timex (a date or time).
                    assert (c["value"] is None) != (c["timex"] is None), ("value/timex", d["id"], c["id"])
                    timex += c["timex"] is not None
            assert sys.argv[3] == "lines" or items[0]["version"] == 2
            assert named > 0 and timex > 0, (named, timex)
            # The schema is not vacuous: a version 1 date (its TIMEX in value) and a quote without speaker_name fail.
            import copy
            for mutate in ("date-in-value", "no-speaker-name", "number-in-timex"):
                bad_item = copy.deepcopy(items[0])
                d = bad_item if sys.argv[3] == "lines" else bad_item["documents"][0]
                if mutate == "date-in-value":
                    c = next(c for c in d["claims"] if c["timex"] is not None); c["value"] = c.pop("timex")
                elif mutate == "no-speaker-name":
                    del d["quotes"][0]["speaker_name"]
                else:
                    c = next(c for c in d["claims"] if c["value"] is not None); c["timex"] = str(c["value"])
                assert any(True for _ in v.iter_errors(bad_item)), mutate
            print("ok" if not bad else "invalid", len(docs))
            sys.exit(1 if bad else 0)
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [
            python, "-c", script, repositoryRoot.appendingPathComponent("docs/knowledge.schema.json").path, file,
            lines ? "lines" : "file",
        ]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func seedKnowledgeFileMatchesTheSchema() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hearsay-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (items, _) = Batch.collect([repositoryRoot.appendingPathComponent("seeds").path])
        let pipeline = try makePipeline()
        let out = dir.appendingPathComponent("k.json").path
        let writer = try KnowledgeWriter(path: out)
        var lines = Data()
        var errors: [HearsayError] = [HearsayError(code: "input.missing", message: "example error", file: "x.txt")]
        try Batch.run(items, with: pipeline, jobs: 1) { _, _, r in
            switch r {
            case .success(let d):
                try writer.append(d)
                lines.append(try KnowledgeEncoding.line(d))
                lines.append(0x0A)
            case .failure(let e): errors.append(e)
            }
        }
        try writer.finish(errors: errors, pipelineSHA256: pipeline.config.sha256)
        let file = try validate(out, lines: false)
        #expect(file.status == 0, "\(file.output)")
        #expect(file.output.contains("ok 2"))
        let jsonl = dir.appendingPathComponent("k.jsonl")
        try lines.write(to: jsonl)
        let l = try validate(jsonl.path, lines: true)
        #expect(l.status == 0, "\(l.output)")
    }
}
