import Foundation

/// Claim values written for people, the same bytes on every machine (no locale, no `NumberFormatter`).
///
/// Rules, in the order a value meets them (settings: the `numbers` section of `report.json`):
/// - `date`: a date or time is shown as the knowledge file writes it (`2020-07-10`, `2020-W28`), read through
///   ``timex(_:)`` only.
/// - `money`: the currency symbol before the amount (`$`, `€`, `£`: `currency_symbols`), else the ISO code and a
///   space (`CHF 23 million`); a whole amount of at least a `scale_words` value in words when that needs at most
///   `scale_decimals` decimals (`$1.25 billion`), else in full (`$1,234,567`); an amount with cents with exactly
///   `money_decimals` decimals (`$4.99`).
/// - `percent`: at most `percent_decimals` decimals, trailing zeros dropped (`66.7%`, `12%`).
/// - `count`: the number alone (`800 million`): the counted noun is in the words just before the badge.
/// - `number`: other amounts with their unit after them (`3.5 km`, `4 days`: `unit_plurals`), scale words as for
///   money, at most `decimals` decimals.
/// Every number below 1 keeps `min_significant` significant digits (`0.04%`); thousands are grouped with commas;
/// a negative number starts with U+2212 (−).
struct ReportNumbers: Sendable {
    let style: ReportSettings.Numbers

    // MARK: Reading a claim

    /// A claim's amount, nil for a date or time. The one place that reads an amount out of a claim value.
    static func amount(_ v: ClaimValue?) -> Double? { v?.number }

    /// The date or time of a claim as the knowledge file writes it (`timex`; a range as `start/end`), nil for an
    /// amount. The one place that reads date strings out of a claim.
    static func timex(_ c: Claim) -> String? {
        guard let s = c.timex else { return nil }
        if let e = c.valueMax?.timex { return s + "/" + e }
        return s
    }

    // MARK: Labels

    /// "more than $75 billion", "10,000–100,000", "66.7%", "4 days", "2020-07-10".
    func label(_ c: Claim) -> String {
        var s: String
        if let t = Self.timex(c) {
            s = t
        } else if let v = Self.amount(c.value) {
            let unit = c.kind == .count ? nil : c.unit
            if let m = Self.amount(c.valueMax) {
                // The unit once, after the upper end, unless it is a currency written before each amount.
                s =
                    amount(v, unit: c.kind == .money ? unit : nil, kind: c.kind) + "–"
                    + amount(m, unit: unit, kind: c.kind)
            } else {
                s = amount(v, unit: unit, kind: c.kind)
            }
        } else {
            s = c.text
        }
        if let q = c.qualifier { s = q + " " + s }
        return s
    }

    /// An equivalent amount ("£58 billion" beside "$75 billion"), with the claim's kind.
    func label(_ e: Equivalent, kind: Claim.Kind) -> String {
        guard let v = Self.amount(e.value) else {
            if case .text(let s) = e.value { return s }
            return e.text
        }
        return amount(v, unit: e.unit, kind: kind)
    }

    /// An amount with its unit.
    func amount(_ v: Double, unit: String?, kind: Claim.Kind) -> String {
        if kind == .money, let code = unit { return money(v, currency: code) }
        if unit == "%" { return decimal(v, maxDecimals: style.percentDecimals) + "%" }
        let number = scaled(v, maxDecimals: style.decimals, trim: true)
        guard let unit else { return number }
        return number + " " + (abs(v) == 1 ? unit : style.unitPlurals[unit] ?? unit)
    }

    /// `$23 million`, `CHF 1,250.50`, `−€5,000`.
    func money(_ v: Double, currency: String) -> String {
        let symbol = style.currencySymbols[currency] ?? currency + " "
        let body = scaled(abs(v), maxDecimals: style.moneyDecimals, trim: false)
        return (v < 0 ? "−" : "") + symbol + body
    }

    /// The value in a scale word when it is whole and reads exactly with few decimals, else ``decimal(_:maxDecimals:)``.
    /// `trim`: drop trailing zeros of the decimals (not for money, where `$4.50` keeps its cents).
    func scaled(_ v: Double, maxDecimals: Int, trim: Bool) -> String {
        let a = abs(v)
        if a.isFinite, a == a.rounded() {
            for s in style.scaleWords.sorted(by: { $0.value > $1.value }) where a >= s.value {
                let x = a / s.value
                let p = pow(10, Double(style.scaleDecimals))
                guard abs((x * p).rounded() - x * p) <= 1e-6 * max(1, x * p) else { break }
                return (v < 0 ? "−" : "") + fixed(x, decimals: style.scaleDecimals, trim: true) + " " + s.word
            }
            return (v < 0 ? "−" : "") + fixed(a, decimals: 0, trim: true)
        }
        if trim { return decimal(v, maxDecimals: maxDecimals) }
        return (v < 0 ? "−" : "") + fixed(a, decimals: maxDecimals, trim: false)
    }

    /// At most `maxDecimals` decimals, trailing zeros dropped; below 1, at least `min_significant` significant digits.
    func decimal(_ v: Double, maxDecimals: Int) -> String {
        let a = abs(v)
        var k = maxDecimals
        if a > 0, a < 1 { k = max(k, min(6, Int((-log10(a)).rounded(.down)) + style.minSignificant)) }
        let s = fixed(a, decimals: k, trim: true)
        return v < 0 && s != "0" ? "−" + s : s
    }

    /// A non-negative number with `decimals` decimals, rounded half away from zero, thousands grouped with commas;
    /// with `trim` trailing zeros (and a bare point) dropped. Beyond exact integers, Swift's shortest form.
    func fixed(_ a: Double, decimals: Int, trim: Bool) -> String {
        let p = pow(10, Double(decimals))
        let n = (a * p).rounded()
        guard a.isFinite, n < 9.0e15 else { return "\(a)" }
        let whole = Int64(n) / Int64(p)
        var out = Self.grouped(whole)
        guard decimals > 0 else { return out }
        var frac = String(Int64(n) % Int64(p))
        frac = String(repeating: "0", count: decimals - frac.count) + frac
        if trim { while frac.hasSuffix("0") { frac.removeLast() } }
        if !frac.isEmpty { out += "." + frac }
        return out
    }

    /// Digits with a comma every three from the right.
    static func grouped(_ n: Int64) -> String {
        let digits = String(n)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return out
    }
}

/// Whether a claim gets a badge in the report (its value in a label after the words): the claims an editor would
/// check. Every claim stays underlined and listed; the badge draws the eye to the few worth a call.
///
/// Rules in order, the first that applies decides (settings: the `badges` section of `report.json`):
/// 1. `badge.kind` — the claim's kind has no entry in `min_confidence` (dates, times, ordinals by default): none.
/// 2. `badge.confidence` — the claim's confidence is below its kind's `min_confidence`: none.
/// 3. `badge.vague` — found by one of `vague_rules` ("a few hours", "tens of thousands"): the number is a
///    convention, not a figure: none.
/// 4. `badge.small-amount` — a kind listed in `min_value`, written with no qualifier and not a change, whose amount
///    (the upper end of a range) is below that value: none ("one company", "a five-year plan").
/// 5. `badge.check` — a badge.
struct ClaimBadge: Sendable {
    let settings: ReportSettings.Badges

    struct Decision: Equatable {
        var shown: Bool
        /// The rule id that decided.
        var rule: String
        /// Why, in words, for the details panel.
        var reason: String
    }

    func decide(_ c: Claim) -> Decision {
        let kind = c.kind.rawValue
        let confidence = c.provenance.confidence
        guard let least = settings.minConfidence[kind] else {
            return Decision(shown: false, rule: "badge.kind", reason: "\(kind) claims get no badge")
        }
        if confidence < least {
            return Decision(
                shown: false, rule: "badge.confidence",
                reason: "confidence \(ReportPage.number(confidence)) is below \(ReportPage.number(least)) for \(kind)")
        }
        if settings.vagueRules.contains(c.provenance.rule) {
            return Decision(shown: false, rule: "badge.vague", reason: "a vague amount (\(c.provenance.rule))")
        }
        if let floor = settings.minValue[kind], c.qualifier == nil, c.change == nil,
            let v = ReportNumbers.amount(c.valueMax) ?? ReportNumbers.amount(c.value), abs(v) < floor
        {
            return Decision(
                shown: false, rule: "badge.small-amount",
                reason: "a plain \(kind) below \(ReportPage.number(floor))")
        }
        return Decision(shown: true, rule: "badge.check", reason: "worth checking")
    }
}
