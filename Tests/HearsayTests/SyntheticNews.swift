import Foundation

/// Made-up news articles in our own words, as many as a test needs, the same every time: a seeded generator picks
/// speakers from a pool of invented names, topics and numbers, and writes each article as a few paragraphs of
/// quotes (direct, split by their cue, reported), amounts of money, percentages, counts and dates. For tests of scale
/// (the report of a thousand articles), not of accuracy.
struct SyntheticNews {
    static let firstNames = [
        "Ines", "Tomas", "Aiko", "Ravi", "Mara", "Jonas", "Leila", "Pavel", "Nora", "Emeka", "Sofia", "Karim",
        "Hanna", "Diego", "Yuki", "Amara", "Felix", "Zainab", "Oskar", "Priya",
    ]
    static let lastNames = [
        "Okoro", "Lindqvist", "Tanaka", "Varga", "Moreau", "Castillo", "Haddad", "Novak", "Brandt", "Osei",
        "Ferreira", "Kowalski", "Nakamura", "Adeyemi", "Sorensen", "Quispe", "Marchetti", "Dubois", "Ivanova", "Mensah",
    ]
    static let titles = ["Mayor", "Councillor", "Minister", "Professor", "Judge", "Senator"]
    static let roles = [
        "the head of the port authority", "a spokeswoman for the water board", "the union's chief negotiator",
        "the city's finance officer", "a researcher at the harbour institute", "the chair of the transport committee",
    ]
    static let things = [
        "the old bridge", "the tram line", "the flood barrier", "the school roofs", "the ferry terminal",
        "the night buses", "the river wall", "the market hall", "the cycle lanes", "the pumping station",
    ]
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
    static let places = ["Harbourton", "Eastmere", "Kellford", "Brightwater", "Old Quay", "Marlow Heath"]
    /// Quotes are put together from three parts, so that articles seldom repeat one another word for word (a
    /// quote copied into every article would make one quote group of a thousand members).
    static let openers = [
        "We will reopen THING before the winter", "Nobody in PLACE wants another summer without THING",
        "The money for THING is already in the budget", "We have asked the engineers to look at THING again",
        "Residents deserve a straight answer about THING", "The repairs to THING cannot wait another year",
        "I walked along THING last week with the inspectors", "Every family in PLACE depends on THING",
        "The drawings for THING were finished in the spring", "We could have fixed THING ten years ago",
        "Our members built THING and they can mend it", "The tender for THING closes at the end of the month",
    ]
    static let middles = [
        "and we will not ask residents to pay for it twice", "but the contractors keep changing their prices",
        "because the last survey found cracks in every section", "while the region is still deciding what to pay",
        "so the work starts as soon as the water drops", "although the insurers have not said a word",
        "and the steel has been ordered from two suppliers", "even if the ministry sends nobody to help",
        "unless the weather turns against us in the autumn", "because the old plans were lost in a flood",
        "and the night shifts will keep the noise down", "but the lawyers want another month to read it",
    ]
    static let closers = [
        "That is my promise.", "I have said so from the start.", "The council agrees with me on this.",
        "Anyone who says otherwise has not read the report.", "One company has already walked away from the tender.",
        "We owe that to the people who use it every day.", "The numbers speak for themselves.",
        "I would rather be late than wrong.", "Nobody should be surprised by that.",
        "We will keep the public informed.",
        "The next meeting will settle it.", "There is no plan B and there never was.",
    ]

    /// A small deterministic generator (SplitMix64).
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.count))
        }
        mutating func pick<T>(_ list: [T]) -> T { list[int(0...(list.count - 1))] }
    }

    var random: Random

    init(seed: UInt64 = 20_261_207) { random = Random(state: seed) }

    /// Speakers are drawn with a skew, so that a few are quoted often and many rarely, as in news.
    mutating func person() -> (first: String, last: String) {
        let a = random.int(0...(Self.firstNames.count - 1))
        let b = random.int(0...(Self.lastNames.count - 1))
        let skew = random.int(0...3) == 0 ? 0 : 1
        return (Self.firstNames[a * skew], Self.lastNames[b * skew + (1 - skew) * (a % 3)])
    }

    /// A part of a quote, about this article's place and thing.
    mutating func part(_ list: [String], _ place: String, _ thing: String) -> String {
        random.pick(list).replacingOccurrences(of: "PLACE", with: place).replacingOccurrences(of: "THING", with: thing)
    }

    /// Article `n`: a title line and paragraphs, about 1.5 to 3 KB.
    mutating func article(_ n: Int) -> (title: String, text: String) {
        let place = random.pick(Self.places)
        let thing = random.pick(Self.things)
        let o = (0..<3).map { _ in part(Self.openers, place, thing) }
        let m = (0..<3).map { _ in part(Self.middles, place, thing) }
        let c = (0..<3).map { _ in part(Self.closers, place, thing) }
        let a = person()
        var b = person()
        if b == a { b = (a.first, a.last == "Okoro" ? "Varga" : "Okoro") }
        let title = "\(place) votes on \(thing) (\(n))"
        let month = random.pick(Self.months)
        let million = random.int(2...900)
        let share = Double(random.int(1...290)) / 3
        let jobs = random.int(2...40) * 50
        let years = random.int(2...9)
        let paragraphs = [
            "\(place) council met on Tuesday to decide the future of \(thing), which has been closed since \(month).",
            "‘\(o[0]),’ said \(random.pick(Self.titles)) \(a.first) \(a.last), ‘\(m[0]). \(c[0])’",
            "\(b.first) \(b.last), \(random.pick(Self.roles)), said the works would cost $\(million) million over "
                + "\(years) years and that \(String(format: "%.2f", share))% of the money would come from the region.",
            "“Prices for steel rose \(random.int(3...40))% in \(month) alone, \(m[1]),” \(b.last) told reporters. "
                + "“\(c[1])”",
            "\(a.last) said about \(jobs) people work on the site on a normal day, and that a five-year plan for "
                + "repairs would be published in \(random.pick(Self.months)).",
            "According to \(a.last), the council has set aside €\(random.int(5...95)).\(random.int(1...9)) million "
                + "for flood defences, up \(random.int(2...30)) percent on last year.",
            "“\(o[1]) \(m[2]),” \(a.last) said. “We have waited \(random.int(2...14)) months already. \(c[2])”",
            "\(b.last) added that \(random.int(2...12)) of the \(random.int(13...30)) councillors had asked for an "
                + "independent review, which is expected to cost about £\(random.int(100...900)),000.",
        ]
        return (title, title + "\n\n" + paragraphs.joined(separator: "\n\n") + "\n")
    }

    /// `count` articles as JSON Lines for `hearsay stream`: `{"id", "text", "published"}` per line.
    mutating func jsonLines(count: Int) throws -> Data {
        var out = Data()
        for n in 1...count {
            let a = article(n)
            let line: [String: String] = [
                "id": String(format: "news/%04d.txt", n), "text": a.text,
                "published": String(format: "2026-%02d-%02d", (n % 12) + 1, (n % 28) + 1),
            ]
            out.append(try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]))
            out.append(0x0A)
        }
        return out
    }
}
