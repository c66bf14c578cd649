import Foundation
import Testing

@testable import Hearsay

/// Pathological inputs, each made at two sizes, N and 2N units.
enum Pathological: String, CaseIterable, CustomTestStringConvertible {
    case singleLine = "one long line"
    case quoteMarks = "quote marks"
    case nestedDivs = "nested <div>"
    case numbers = "numbers"
    case unclosedQuote = "a quote never closed"
    case mixedEncodings = "mixed encodings"

    var testDescription: String { rawValue }

    /// The input with `n` repetitions of the shape's unit, and whether it is HTML.
    func make(_ n: Int) -> (bytes: [UInt8], html: Bool) {
        switch self {
        case .singleLine:
            return (
                Array(String(repeating: "Officials said the plan, which costs more, would go ahead; ", count: n).utf8),
                false
            )
        case .quoteMarks:
            return (Array(String(repeating: "\"x “y ‘z ”' ", count: n).utf8), false)
        case .nestedDivs:
            let open = String(repeating: "<div class=\"c\">", count: n)
            let close = String(repeating: "</div>", count: n)
            return (
                Array(
                    "<html><body>\(open)<p>Text at the bottom of the nesting, long enough.</p>\(close)</body></html>"
                        .utf8), true
            )
        case .numbers:
            var s = ""
            for i in 0..<n { s += "\(i) \(i).5 $\(i),000 \(i)% " }
            return (Array(s.utf8), false)
        case .unclosedQuote:
            var s = "“"
            for i in 0..<n {
                s += "The words go on and on without an end. "
                if i % 7 == 6 { s += "\n\n" }
            }
            return (Array(s.utf8), false)
        case .mixedEncodings:
            var b: [UInt8] = []
            for i in 0..<n {
                b += Array("Café “quoted” ".utf8)
                b += [0x43, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x71, 0x94, 0x20]  // Windows-1252
                if i % 5 == 4 { b += [0xFE, 0xFF, 0x0A] }
            }
            return (b, false)
        }
    }
}

/// Time on each pathological input grows linearly with its size: measured as the ratio of two sizes in one run,
/// not as an absolute time, so a slow or busy machine does not fail it. A quadratic step would give about 4.
@Suite(.serialized) struct ScalingTests {
    static let pipeline = try! makePipeline()

    /// CPU time of this thread (the pipeline runs on it): other tests and processes running meanwhile do not count.
    static func cpuNow() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func seconds(_ input: (bytes: [UInt8], html: Bool)) -> Double {
        let item = InputItem(id: "p", bytes: input.bytes, declaredMediaType: input.html ? "text/html" : "text/plain")
        let started = cpuNow()
        _ = Batch.process(item, with: pipeline)
        return cpuNow() - started
    }

    @Test(arguments: Pathological.allCases) func timeGrowsLinearlyWithSize(_ shape: Pathological) {
        // Grow N until one run takes long enough to time (at least 80 ms of CPU), then compare N with 2N, three runs
        // each, interleaved, keeping the fastest of each.
        var n = 500
        var small = shape.make(n)
        var t = Self.seconds(small)
        while t < 0.08 && n < 400_000 {
            n *= 2
            small = shape.make(n)
            t = Self.seconds(small)
        }
        let large = shape.make(2 * n)
        var tSmall = t
        var tLarge = Double.infinity
        for _ in 0..<3 {
            tLarge = min(tLarge, Self.seconds(large))
            tSmall = min(tSmall, Self.seconds(small))
        }
        let ratio = tLarge / tSmall
        print(
            "scaling \(shape.rawValue): N=\(n) (\(small.bytes.count) bytes) \(String(format: "%.3f", tSmall)) s, 2N \(String(format: "%.3f", tLarge)) s, ratio \(String(format: "%.2f", ratio))"
        )
        #expect(ratio < 3, "\(shape.rawValue): 2N took \(ratio)× the time of N")
    }
}
