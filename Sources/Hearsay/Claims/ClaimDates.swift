/// Proleptic Gregorian day arithmetic on day numbers (days since 1970-01-01).
enum ClaimCalendar {
    static func days(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let y2 = m <= 2 ? y - 1 : y
        let era = (y2 >= 0 ? y2 : y2 - 399) / 400
        let yoe = y2 - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(_ n: Int) -> (Int, Int, Int) {
        let z = n + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// ISO weekday, 1 = Monday ... 7 = Sunday.
    static func weekday(_ n: Int) -> Int { ((n % 7 + 7 + 3) % 7) + 1 }

    static func isoWeek(_ n: Int) -> (Int, Int) {
        let thursday = n - weekday(n) + 4
        let (ty, _, _) = civil(thursday)
        return (ty, (thursday - days(ty, 1, 1)) / 7 + 1)
    }

    static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        days(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - days(y, m, 1)
    }

    static func valid(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
    }

    /// Day number of a `YYYY-MM-DD` (or longer ISO) string.
    static func parse(_ s: String) -> Int? {
        let p = s.prefix(10).split(separator: "-")
        guard p.count == 3, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]), valid(y, m, d) else { return nil }
        return days(y, m, d)
    }

    /// Easter Sunday of year `y` (Gregorian computus).
    static func easter(_ y: Int) -> Int {
        let a = y % 19
        let b = y / 100
        let c = y % 100
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - b / 4 - g + 15) % 30
        let l = (32 + 2 * (b % 4) + 2 * (c / 4) - h - c % 4) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        return days(y, month, (h + l - 7 * m + 114) % 31 + 1)
    }

    /// The `n`th ISO weekday `wd` of a month (`n` = -1: the last one).
    static func nthWeekday(_ y: Int, _ m: Int, _ wd: Int, _ n: Int) -> Int {
        if n < 0 {
            let last = days(y, m, daysInMonth(y, m))
            return last - (weekday(last) - wd + 7) % 7 + 7 * (n + 1)
        }
        let first = days(y, m, 1)
        return first + (wd - weekday(first) + 7) % 7 + 7 * (n - 1)
    }

    static func pad(_ v: Int, _ w: Int) -> String {
        var s = String(v)
        while s.count < w { s = "0" + s }
        return s
    }

    static func string(_ n: Int) -> String {
        let (y, m, d) = civil(n)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }
}

/// Dates, times, durations counted from a date, and recurrences: the temporal rules of the claims grammar.
///
/// Works on the tokens of one sentence with bounded look-aheads (a date is a few tokens; ``futureBefore(_:)`` looks
/// back at most 64 tokens). The words are data: calendar words (`months`, `weekdays`, `relative_days`,
/// `relative_modifiers`, `calendar_units`, `offset_words`, `holidays`, `time_suffixes`, ...) and the `dates` section
/// of `claims-lexicon.json`, whose lists are named for the rule that reads them; this code holds no vocabulary of its
/// own. Each rule's confidence is in `rule_confidences`: `claims.present`, `claims.set`, `claims.date` (every
/// `claims.date-*` and year rule below), `claims.time-range`, `claims.time`.
///
/// Rules, tried in this order at a token by ``parseDateTime(_:)`` (each names itself in the claim's `rule`):
/// 0. no claim for a weekday inside a name (``weekdayName(_:)``, `dates.weekday_name_prefixes`: "Super Tuesday";
///    `dates.weekday_name_followers`: "Saturday Night Live");
///    `claims.date-event` (``eventDay(_:)``, `dates.event_days`): a day that names an event of a known year, in
///    figures or before an `event_day_nouns` word, with no year after it ("9/11", "the Sept. 11 attacks" =
///    2001-09-11).
/// 1. `claims.present`: a `present_words` phrase ("at the moment") → `PRESENT_REF`.
/// 2. `claims.set`: a recurrence (``temporalSet(_:)``): "daily" `P1D`, "every two weeks" `P2W`, "every night" `TNI`.
/// 3. `claims.daypart`, `claims.daypart+date`, `claims.daypart+time` (``dayPartFirst(_:)``): "in the afternoon", "in
///    the morning of this Tuesday", "afternoon at 7" (the part moves the hour, ``partTime(_:)``).
/// 4. Dates (``dateCore(_:)``), first match wins:
///    - `claims.date-relative-day-shift`: a `dates.relative_day_shifts` phrase and a relative day ("the day after
///      tomorrow" = tomorrow + 1);
///    - a relative modifier and what it moves: `claims.date-relative-weekday` ("next Friday"),
///      `claims.date-relative-week` / `-month` / `-year` / `-day` / `-quarter` ("last month"; not "last" after a
///      determiner and before "of" and a determiner: "the last week of the race"),
///      `claims.date-this-daypart` ("this morning");
///    - `claims.date-relative-day`: "yesterday", "tonight" (a `dates.night_days` word adds `TNI`); a capitalised one
///      beside a name is a title ("USA Today"); a day with its part takes the time after it ("tonight at 8");
///    - a weekday: `claims.date-weekday-date` ("Friday, May 5"), `claims.date-weekday-day` ("Wednesday the 31st"),
///      `claims.date-weekday`;
///    - `claims.date-period-part`: "the end of 2008";
///    - `claims.date-holiday` (``holiday(_:)``): "Christmas 2019", "Thanksgiving" (`dates.weekday_holidays`), "Good
///      Friday" (`dates.easter_holidays`), "last Easter", "Labor Day weekend"; `claims.date-holiday.unanchored`;
///    - `claims.date-season` (``season(_:)``): "the summer of 2019", "next spring";
///    - a period after next (``afterNext(_:)``, `dates.after_next`): "the week after next"
///      (`claims.date-relative-week`);
///    - `claims.date-day` (``dayAlone(_:)``): "on the 28th";
///    - ordinals of a period: `claims.date-ordinal-day` / `-week` / `-month` ("the third week of 2015", units in
///      `dates.ordinal_part_units`; "the 20th of next month"), `claims.date-ordinal-weekday` ("the second Tuesday of
///      May", ``nthWeekdayOf(_:_:_:)``), `claims.date-quarter` ("the 1st quarter of 2013", "Q3 2018", "H1 2020", "Q3
///      this year");
///    - a month name (``monthDay(_:)``): `claims.date-month-day`, `claims.date-month-year`, `claims.date-month`
///      (a `dates.verb_months` word such as "may" only when capitalised or after a `date_prepositions` word);
///    - `claims.date-day-month`: "5 May 2017", "the 15th of May", "twenty second of June";
///    - `claims.date-offset`: "3 days ago", "2 years 3 months and 10 days ago", "two weeks before Christmas", "in 2
///      weeks" after a future marker;
///    - `claims.date-within` ("within 5 days"), `claims.date-rest-of` ("the rest of the week");
///    - written in figures (``numericDate(_:)``, ``mixedDate(_:)``): `claims.date-dotted`, `claims.date-compact`,
///      `claims.date-iso`, `claims.year-range-short` ("2017-18"), `claims.date-iso-month`, `claims.date-month-year`,
///      `claims.date-numeric`, `claims.date-numeric-md`, `claims.date-mixed`, `claims.date-year` (a year that opens
///      or closes a range of years, also before a dated month or day), `claims.date-day-range` ("from 12 to 15
///      August", ``dayRange(_:)``), `claims.date-year-month` ("2016, Nov", ``yearMonth(_:)``).
///
///    A whole day then takes a time after it (`+time`, `+time-range`, `+hour` after a `dates.bare_hour_openers`
///    word, or a part of the day, also after a comma: "Tuesday, in the morning"), and a date a second date after a
///    range joiner (`claims.date-range`), also of a different granularity ("between 2015 and Feb 2018",
///    ``dateRange(_:_:)``).
/// 5. `claims.time-range`: "from 7 to 9pm", "between 7 and 9 last night" (a day after it joins the range); a bare
///    hour takes the half of the day that makes the shorter range ("from 9 am to 5").
/// 6. `claims.time`: "2pm", "half past seven", "noon", "mid-morning" (`time_words`; capitalised inside a sentence
///    after no `dates.time_word_prepositions` word, a name); a day after it joins (`claims.time+date`); "AM"/"PM"
///    glued to the next word of a scraped page is still the time's suffix (``gluedClockSuffix(_:)``,
///    `dates.glued_clock_suffixes`: "8:35PMChristie" = `T20:35`, the claim ending after "PM").
///
/// After the scan, ``joinedTemporalValue(_:_:gap:)`` joins neighbouring parts of one expression and
/// ``resolveDates()`` gives partial dates a year from the publication date: a month or a day without a year takes
/// the year its tense asks for (``tenseBefore(_:)``, `dates.tense`: "the Post asked about them in February" is the
/// last February, "he will campaign there in November" the next November), else the nearest.
extension ClaimScanner {
    /// The words of the date and time rules (the lexicon's `dates` section).
    @inline(__always) var dw: ClaimLexicon.DateWords { lx.dates }

    /// Token `k` is a word or a mark listed in `set`.
    @inline(__always) func isListed(_ k: Int, _ set: WordSet) -> Bool {
        k >= base && k < limit && (t[k].kind == .word || t[k].kind == .symbol) && set.contains(t[k].lower)
    }
    /// Token `k` is a `dates.determiners` word ("the 15th").
    @inline(__always) func isDeterminer(_ k: Int) -> Bool { word(k).map { dw.determiners.contains($0) } ?? false }
    /// Token `k` is a `dates.of_words` word ("the 15th of May").
    @inline(__always) func isOf(_ k: Int) -> Bool { word(k).map { dw.ofWords.contains($0) } ?? false }
    /// Token `k` opens a range joined by "and" (`range_starts_and`: "between 2 and 4pm").
    @inline(__always) func isRangeStartAnd(_ k: Int) -> Bool { word(k).map { lx.rangeStartsAnd.contains($0) } ?? false }

    struct DT {
        var end: Int
        var value: String
        var hasTime = false
        var rule: String
    }

    /// A date, a time, or both at token `i`.
    func parseDateTime(_ i: Int) -> FoundClaim? {
        if weekdayName(i) { return nil }
        if let ev = eventDay(i) { return ev }
        if let p = lx.presentWords.match(t, i, limit) {
            return FoundClaim(
                startTok: i, endTok: p.end, value: .text("PRESENT_REF"), valueMax: nil, unit: nil, kind: .time,
                qualifier: nil, rule: "claims.present", confidence: conf("claims.present"), evidence: nil)
        }
        if let s = temporalSet(i) {
            var c = FoundClaim(
                startTok: i, endTok: s.end, value: .text(s.value), valueMax: nil, unit: nil,
                kind: s.value.hasPrefix("T") ? .time : .date, qualifier: nil, rule: "claims.set",
                confidence: conf("claims.set"), evidence: nil)
            c.recurring = true
            if s.value.count == 10, let w = word(s.end), dw.bareHourOpeners.contains(w),
                let clock = dottedClock(s.end + 1)
            {
                // "Thursdays at 17.30"
                c.value = .text(s.value + clock)
                c.endTok = s.end + 2
                c.kind = .time
            }
            return c
        }
        if let dp = dayPartFirst(i) { return dp }
        if let d = dateCore(i) {
            if d.rule.hasSuffix("unanchored") {
                // a relative value takes no time, range or year: it is written as said
                return FoundClaim(
                    startTok: i, endTok: d.end, value: .text(d.value), valueMax: nil, unit: nil, kind: .date,
                    qualifier: dateQualifier(i), rule: d.rule, confidence: conf("claims.date.unanchored"),
                    evidence: nil)
            }
            var v = d.value
            var end = d.end
            var rule = d.rule
            var kind: Claim.Kind = d.hasTime ? .time : .date
            if d.hasTime, v.count == 13, v.dropFirst(11).allSatisfy(\.isLetter), let tm = partTime(end) {
                // "tonight at 7", "this morning at seven": the part of the day moves the hour
                v = Self.onDay(tm.value, v)
                end = tm.end
                rule += "+time"
            }
            if !d.hasTime {
                if v.count == 10, let (part, e) = dayPart(end) {
                    v += "T" + part
                    end = e
                    kind = .time
                } else if let o = dw.dayPartOpeners.match(t, end, limit), let (part, e) = dayPart(o.end) {
                    v += "T" + part
                    end = e
                    kind = .time
                } else if v.count == 10, isSym(end, ","), let o = dw.dayPartOpeners.match(t, end + 1, limit),
                    let (part, e) = dayPart(o.end)
                {
                    // "Tuesday, in the morning"
                    v += "T" + part
                    end = e
                    kind = .time
                } else {
                    var m = end
                    var bareHourOK = false
                    // a time of day belongs to a day, not to a month, a week or a year ("next month after 3pm")
                    let wholeDay = v.count == 10
                    if let w = word(m), dw.timeOpeners.contains(w) {
                        m += 1
                        bareHourOK = dw.bareHourOpeners.contains(w)
                    } else if isSym(m, ",") || isSym(m, "@") || isSym(m, "-") {
                        m += 1
                    }
                    if wholeDay, let tr = timeRange(m, prefix: v) {
                        v = tr.value
                        end = tr.end
                        kind = .time
                        rule += "+time-range"
                    } else if wholeDay, let tm = timeCore(m) {
                        v += tm.value
                        end = tm.end
                        kind = .time
                        rule += "+time"
                    } else if wholeDay, bareHourOK, isInt(m), t[m].intDigits <= 2, t[m].value >= 1, t[m].value <= 12,
                        unitAfter(m + 1, attachedOK: true) == nil
                    {
                        v += "T" + ClaimCalendar.pad(Int(t[m].value), 2)
                        end = m + 1
                        kind = .time
                        rule += "+hour"
                    } else if wholeDay, bareHourOK, let clock = dottedClock(m) {
                        // "Thursdays at 17.30": a 24-hour time written with a dot after a day and "at"
                        v += clock
                        end = m + 1
                        kind = .time
                        rule += "+time"
                    }
                }
                // Date ranges: "from March to May", "2014-2018", "Nov 18-Dec 19, 2015"
                // ("between May 2015 and 2018": a year after a date closes the range)
                if kind == .date, let w = joiner(end, between: isRangeStartAnd(i - 1)),
                    let d2 = dateCore(end + w)
                        ?? yearNumber(end + w).map({
                            DT(end: end + w + 1, value: ClaimCalendar.pad($0, 4), rule: "claims.date-year")
                        }),
                    !d2.hasTime, let r = dateRange(v, d2.value)
                {
                    v = r
                    end = d2.end
                    rule = "claims.date-range"
                }
            }
            var c = FoundClaim(
                startTok: i, endTok: end, value: .text(v), valueMax: nil, unit: nil, kind: kind, qualifier: nil,
                rule: rule, confidence: conf("claims.date"), evidence: nil)
            c.qualifier = dateQualifier(i)
            if kind == .time { c.endTok = zoneEnd(c.endTok) }
            return c
        }
        func dayAfter(_ k: Int) -> DT? {
            let m = word(k).map { dw.dayOpeners.contains($0) } == true ? k + 1 : k
            guard let d = dateCore(m), !d.value.hasPrefix("("), d.value.prefix(while: { $0 != "T" }).count == 10 else {
                return nil
            }
            return d
        }
        var range = timeRange(i, prefix: "")
        if range == nil, isRangeStartAnd(i - 1), let r = timeRange(i, prefix: "", weak: true), dayAfter(r.end) != nil {
            // "between 7 and 9 last night": bare hours read as a range when a day follows
            range = r
        }
        if let tr = range {
            var c = FoundClaim(
                startTok: i, endTok: tr.end, value: .text(tr.value), valueMax: nil, unit: nil, kind: .time,
                qualifier: nil, rule: "claims.time-range", confidence: conf("claims.time-range"), evidence: nil)
            c.endTok = zoneEnd(c.endTok)
            if let d = dayAfter(c.endTok) {
                c.value = .text(Self.onDay(tr.value, d.value))
                c.endTok = d.end
            }
            return c
        }
        if let tm = timeCore(i) {
            var v = tm.value
            var end = zoneEnd(tm.end)
            var rule = "claims.time"
            if end == tm.end, let glued = gluedClockSuffix(tm.end), let h = Int(v.dropFirst().prefix(2)), h >= 1,
                h <= 12
            {
                // "8:35PMChristie": the suffix is read, the claim ends after it
                let h24 = h == 12 ? (glued.hours == 12 ? 12 : 0) : h + glued.hours
                var c = FoundClaim(
                    startTok: i, endTok: tm.end + 1, value: .text("T" + ClaimCalendar.pad(h24, 2) + v.dropFirst(3)),
                    valueMax: nil, unit: nil, kind: .time, qualifier: nil, rule: rule,
                    confidence: conf("claims.time"), evidence: nil)
                c.endScalar = glued.end
                c.qualifier = dateQualifier(i)
                return c
            }
            var m = end
            if let w = word(m), dw.dayOpeners.contains(w) { m += 1 } else if isSym(m, ",") { m += 1 }
            if let d = dateCore(m), !d.hasTime, d.value.count == 10 || d.value.hasPrefix("XXXX-WXX") {
                v = d.value + v
                end = d.end
                rule += "+date"
            }
            var c = FoundClaim(
                startTok: i, endTok: end, value: .text(v), valueMax: nil, unit: nil, kind: .time, qualifier: nil,
                rule: rule, confidence: conf("claims.time"), evidence: nil)
            c.qualifier = dateQualifier(i)
            return c
        }
        return nil
    }

    /// A weekday inside a name: a capitalised weekday after a capitalised `dates.weekday_name_prefixes` word ("Super
    /// Tuesday") or before a capitalised `dates.weekday_name_followers` phrase ("Saturday Night Live") names an event
    /// or a show, not a day to resolve.
    func weekdayName(_ i: Int) -> Bool {
        guard let w = word(i), lx.weekdays[w] != nil, t[i].capitalized else { return false }
        if i > base, let p = word(i - 1), t[i - 1].capitalized, dw.weekdayNamePrefixes.contains(p) { return true }
        return i + 1 < limit && t[i + 1].capitalized && dw.weekdayNameFollowers.match(t, i + 1, limit) != nil
    }

    /// `claims.date-event`: a `dates.event_days` day with no year after it, written in figures ("9/11") or before an
    /// `event_day_nouns` word ("the Sept. 11 attacks"), is the event's day (2001-09-11), not this year's.
    func eventDay(_ i: Int) -> FoundClaim? {
        guard let ev = dw.eventDays.match(t, i, limit) else { return nil }
        let e = ev.end
        // "9/11/2001", "Sept. 11, 2001", "9/11 2001": a full date, left to the other rules
        if isSym(e, "/") && tight(e) || yearNumber(e) != nil || (isSym(e, ",") && yearNumber(e + 1) != nil) {
            return nil
        }
        let noun = word(e).map { dw.eventDayNouns.contains($0) } ?? false
        guard t[i].kind == .number || noun else { return nil }
        var c = FoundClaim(
            startTok: i, endTok: e, value: .text(ev.payload), valueMax: nil, unit: nil, kind: .date, qualifier: nil,
            rule: "claims.date-event", confidence: conf("claims.date"), evidence: nil)
        c.qualifier = dateQualifier(i)
        return c
    }

    /// "AM" or "PM" (`dates.glued_clock_suffixes`) glued in capitals to the next word at `k` ("8:35PMChristie", a
    /// scraped page): the hours it adds and the scalar after it.
    func gluedClockSuffix(_ k: Int) -> (hours: Int, end: Int)? {
        guard k < limit, tight(k), t[k].kind == .word, t[k].end - t[k].start > 3 else { return nil }
        let a = scalars[t[k].start]
        let b = scalars[t[k].start + 1]
        let c = scalars[t[k].start + 2]
        guard a.properties.isUppercase, b.properties.isUppercase, c.properties.isUppercase,
            let h = dw.gluedClockSuffixes[String(t[k].lower.prefix(2))]
        else { return nil }
        return (h, t[k].start + 2)
    }

    /// `dates.tense`: the tense of the nearest marker in the `dates.tense_lookback` tokens before `k`, for a date of
    /// a `tense_rules` rule that no determiner modifies ("the June 7 primary" keeps the nearest year): -1 past (a
    /// `past_tense_words` word, an `irregular_past_forms` word, a `tense_speech_verbs` word within
    /// `tense_speech_reach` tokens, a lower-case word ending in a `past_tense_suffixes` suffix that is neither an
    /// adjective after a determiner, "a contested convention", nor a passive after a `passive_auxiliaries` word, "will
    /// be released"), 1 future (a `future_tense_words` word), 0 none (also at a `tense_boundaries` word or mark, or a
    /// speech verb further back). A bare weekday of a `weekday_tense_rules` rule reads the same markers but is future
    /// only after a `weekday_future_words` word ("will speak on Friday"); any other future word gives it none.
    func tenseBefore(_ c: FoundClaim) -> Int {
        let k = c.startTok
        let weekday = dw.weekdayTenseRules.contains(c.rule)
        guard dw.tenseRules.contains(c.rule) || weekday, !isDeterminerWord(k - 1) else { return 0 }
        let floor = max(base, k - dw.tenseLookback)
        var j = k - 1
        while j >= floor {
            if t[j].kind == .symbol, dw.tenseBoundaries.contains(t[j].lower) { return 0 }
            if t[j].kind == .word, !t[j].hasUpper {
                let w = t[j].lower
                if dw.tenseBoundaries.contains(w) { return 0 }
                if weekday, dw.weekdayFutureWords.contains(w) { return 1 }
                if dw.futureTenseWords.contains(w) { return weekday ? 0 : 1 }
                if dw.tenseSpeechVerbs.contains(w) { return k - j <= dw.tenseSpeechReach ? -1 : 0 }
                if dw.pastTenseWords.contains(w) { return -1 }
                let pastForm =
                    lx.irregularPastForms.contains(w)
                    || (w.count > 4 && dw.pastTenseSuffixes.contains(where: { w.hasSuffix($0) }))
                if pastForm, !isDeterminerWord(j - 1),
                    !(word(j - 1).map { dw.passiveAuxiliaries.contains($0) } ?? false)
                {
                    return -1
                }
            }
            j -= 1
        }
        return 0
    }

    /// Token `k` is a determiner of a noun phrase (`partitive_determiners`, "a", "an").
    func isDeterminerWord(_ k: Int) -> Bool {
        guard let w = word(k) else { return false }
        return lx.partitiveDeterminers.contains(w) || lx.oneWords.contains(w)
    }

    /// `claims.daypart`: a part of the day after a `dates.day_part_openers` phrase, "in the afternoon" (`TAF`,
    /// "in the early-morning" `TMO`); a whole day after it, alone or after a comma, a `dates.day_openers` or a
    /// `dates.of_words` word, takes it (`claims.daypart+date`: "in the late night on Tuesday", "in the morning of
    /// this Tuesday", "in the afternoon, next Friday"). Its confidence is `claims.time`'s.
    func dayPartFirst(_ i: Int) -> FoundClaim? {
        if let w = word(i), lx.dayParts[w] != nil || lx.dayPartModifiers.contains(w), let (part, e) = dayPart(i),
            let tm = partTime(e)
        {
            // "afternoon at 7", "afternoon 7:00": the part moves the hour
            return FoundClaim(
                startTok: i, endTok: tm.end, value: .text(Self.onDay(tm.value, "T" + part)), valueMax: nil, unit: nil,
                kind: .time, qualifier: nil, rule: "claims.daypart+time", confidence: conf("claims.time"),
                evidence: nil)
        }
        guard let o = dw.dayPartOpeners.match(t, i, limit), let (part, e) = dayPart(o.end) else { return nil }
        var m = e
        if isSym(m, ",") || word(m).map({ dw.dayOpeners.contains($0) || dw.ofWords.contains($0) }) == true {
            m += 1
        }
        var value = "T" + part
        var end = e
        var rule = "claims.daypart"
        if let tm = partTime(e) {
            // "in the afternoon at 4": the part moves the hour
            return FoundClaim(
                startTok: i, endTok: tm.end, value: .text(Self.onDay(tm.value, value)), valueMax: nil, unit: nil,
                kind: .time, qualifier: nil, rule: "claims.daypart+time", confidence: conf("claims.time"),
                evidence: nil)
        }
        if let d = dateCore(m), !d.hasTime, d.value.count == 10, !d.rule.hasSuffix("unanchored") {
            value = d.value + value
            end = d.end
            rule = "claims.daypart+date"
        }
        return FoundClaim(
            startTok: i, endTok: end, value: .text(value), valueMax: nil, unit: nil, kind: .time, qualifier: nil,
            rule: rule, confidence: conf("claims.time"), evidence: nil)
    }

    /// The time after a part of the day ("tonight **at 7**", "this morning **at seven**"): a clock time, or after a
    /// `dates.bare_hour_openers` word an hour from 1 to 12 in figures or words.
    func partTime(_ k: Int) -> (end: Int, value: String)? {
        var m = k
        var bareHourOK = false
        if let w = word(m), dw.timeOpeners.contains(w) {
            m += 1
            bareHourOK = dw.bareHourOpeners.contains(w)
        }
        if let tm = timeCore(m) { return tm }
        guard bareHourOK, m < limit, unitAfter(m + 1, attachedOK: true) == nil else { return nil }
        let h: Int
        if isInt(m), t[m].intDigits <= 2 {
            h = Int(t[m].value)
        } else if let w = word(m), let c = lx.cardinals[w] {
            h = Int(c)
        } else {
            return nil
        }
        guard h >= 1, h <= 12 else { return nil }
        return (m + 1, "T" + ClaimCalendar.pad(h, 2))
    }

    /// A part of the day at `k`, "morning", "early-morning", "late night" (`day_part_modifiers` before a
    /// `day_parts` word): its TIMEX code and the index after it.
    func dayPart(_ k: Int) -> (String, Int)? {
        var m = k
        if let w = word(m), lx.dayPartModifiers.contains(w) {
            m += 1
            if isSym(m, "-"), tight(m), tight(m + 1) { m += 1 }
        }
        guard let w = word(m), let part = lx.dayParts[w] else { return nil }
        return (part, m + 1)
    }

    /// The end of a time after its zone, when one follows ("2pm ET", "9:30 a.m. GMT"): the zone stays in the claim's
    /// text (`dates.time_zones`; a zone of two letters only in capitals, "ET", as "et" and "pt" are words).
    func zoneEnd(_ k: Int) -> Int {
        guard let w = word(k), dw.timeZones.contains(w), w.count > 2 || t[k].capitalized else { return k }
        return k + 1
    }

    /// A recurrence: "daily" (`P1D`), "quarterly" (`P3M`), "every weekend" (`P1WE`), "every two weeks" (`P2W`),
    /// "every night" (`TNI`), "every Monday" (`XXXX-WXX-1`). A capitalized set word inside a sentence is a name ("the Daily Mail") and is skipped.
    func temporalSet(_ i: Int) -> (end: Int, value: String)? {
        if let s = lx.temporalSets.match(t, i, limit) {
            if t[i].capitalized && i > base && !isSym(i - 1, "\"") { return nil }
            return (s.end, s.payload)
        }
        // "on Mondays", "Sundays": a weekday in the plural; "mornings": a part of the day in the plural
        if let w = word(i), let wd = dw.weekdaySets[w] { return (i + 1, "XXXX-WXX-\(wd)") }
        if let w = word(i), let part = dw.dayPartSets[w] { return (i + 1, part) }
        if let w = word(i), lx.dayPartModifiers.contains(w) {
            // "early-mornings", "late evenings"
            let k = isSym(i + 1, "-") && tight(i + 1) && tight(i + 2) ? i + 2 : i + 1
            if let w2 = word(k), let part = dw.dayPartSets[w2] { return (k + 1, part) }
        }
        guard let st = lx.setStarts.match(t, i, limit) else { return nil }
        var e = st.end
        var n = 1.0
        if isInt(e), t[e].value >= 1, t[e].value < 100 {
            n = t[e].value
            e += 1
        } else if let w = word(e), let c = lx.cardinals[w], c >= 2, c <= 12 {
            n = c
            e += 1
        }
        // "every Monday", "each Friday": that weekday of every week
        if n == 1, let w = word(e), let wd = lx.weekdays[w], !lx.ambiguousWeekdays.contains(w) || t[e].capitalized {
            return (e + 1, "XXXX-WXX-\(wd)")
        }
        guard let w = word(e), let v = lx.setUnits[w] else { return nil }
        guard n != 1, v.hasPrefix("P"), let unitStart = v.dropFirst().firstIndex(where: { $0.isLetter }),
            let one = Double(v[v.index(after: v.startIndex)..<unitStart])
        else { return (e + 1, v) }
        let total = one * n
        let num = total == total.rounded() ? String(Int(total)) : String(total)
        return (e + 1, "P" + num + v[unitStart...])
    }

    /// The hour of `h` o'clock in a part of the day: "eight in the evening" is 20, "two in the morning" 2.
    static func hour(_ h: Int, in part: String) -> Int {
        switch part {
        case "AF", "EV": return h < 12 ? h + 12 : h
        case "NI": return h >= 6 && h < 12 ? h + 12 : h
        default: return h == 12 ? 0 : h
        }
    }

    /// A clock time in words: "six pm", "seven o'clock", "five-thirty", "half past seven", "quarter to eight",
    /// "20 minutes past eight in the evening". A bare number word needs a.m./p.m., o'clock or a part of the day.
    func wordTime(_ i: Int) -> (end: Int, value: String)? {
        func hourAt(_ k: Int) -> (Int, Int)? {
            if let w = word(k), let c = lx.cardinals[w], c >= 1, c <= 12, c == c.rounded() { return (Int(c), k + 1) }
            if isInt(k), t[k].intDigits <= 2, t[k].value >= 1, t[k].value <= 12 { return (Int(t[k].value), k + 1) }
            return nil
        }
        func minutesAt(_ k: Int) -> (Int, Int)? {
            if let w = word(k), let c = lx.cardinals[w], c == c.rounded(), c >= 1, c <= 59 {
                var m = Int(c)
                var e = k + 1
                if m >= 20, m % 10 == 0 {
                    if isSym(e, "-"), tight(e), let w2 = word(e + 1), let u = lx.cardinals[w2], u >= 1, u <= 9 {
                        m += Int(u)
                        e += 2
                    } else if let w2 = word(e), let u = lx.cardinals[w2], u >= 1, u <= 9 {
                        m += Int(u)
                        e += 1
                    }
                }
                return (m, e)
            }
            if isInt(k), t[k].intDigits <= 2, t[k].value < 60 { return (Int(t[k].value), k + 1) }
            return nil
        }
        /// a.m./p.m., o'clock or "in the evening" after the time: the hour it gives and the end.
        func tail(_ h: Int, _ e: Int) -> (Int, Int)? {
            if let s = lx.timeSuffixes.match(t, e, limit),
                !(s.end == e + 1 && dw.loneSuffixLetters.contains(t[e].lower))
            {
                guard h >= 1, h <= 12 else { return nil }
                return (h == 12 ? (s.payload == 12 ? 12 : 0) : h + s.payload, s.end)
            }
            var e2 = e
            var found = false
            if let oc = lx.oclockWords.match(t, e, limit) {
                e2 = oc.end
                found = true
            }
            if let o = dw.dayPartOpeners.match(t, e2, limit), let w = word(o.end), let part = lx.dayParts[w] {
                return (Self.hour(h, in: part), o.end + 1)
            }
            return found ? (h, e2) : nil
        }
        func fmt(_ total: Int) -> String {
            "T" + ClaimCalendar.pad(total / 60, 2) + ":" + ClaimCalendar.pad(total % 60, 2)
        }
        // "half past seven", "quarter to eight", "twenty minutes past eight"
        var k = i
        var mins: Int?
        if let w = word(k), let f = dw.clockFractions[w] {
            mins = f
            k += 1
        } else if let (m, e) = minutesAt(k) {
            mins = m
            k = e
            if let w = word(k), lx.unitNames.match(t, k, limit)?.payload.unit == "min" || dw.minuteWords.contains(w) {
                k += 1
            }
        }
        let toOK = word(i).map { dw.clockToFractions.contains($0) } ?? false
        if let m = mins, let w = word(k), dw.clockPastWords.contains(w) || (dw.clockToWords.contains(w) && toOK),
            let (h, he) = hourAt(k + 1)
        {
            var hh = h
            var end = he
            if let (h2, e2) = tail(h, he) {
                hh = h2
                end = e2
            }
            let total = dw.clockPastWords.contains(w) ? hh * 60 + m : (hh * 60 - m + 24 * 60) % (24 * 60)
            return (end, fmt(total))
        }
        // "six pm", "seven o'clock", "five-thirty", "one thirty p m"
        guard word(i) != nil, let (h, he) = hourAt(i) else { return nil }
        if isSym(he, "-"), tight(he), tight(he + 1), let (m, me) = minutesAt(he + 1), word(he + 1) != nil, m >= 10 {
            if let (h2, e2) = tail(h, me) { return (e2, fmt(h2 * 60 + m)) }
            return (me, fmt(h * 60 + m))
        }
        if word(he) != nil, let (m, me) = minutesAt(he), m >= 10, let (h2, e2) = tail(h, me) {
            return (e2, fmt(h2 * 60 + m))
        }
        if let (h2, e2) = tail(h, he) { return (e2, "T" + ClaimCalendar.pad(h2, 2)) }
        return nil
    }

    func dateQualifier(_ i: Int) -> String? {
        let q = qualifierBefore(i).0
        if let q, q.count <= 2 { return nil }
        return q
    }

    /// A time of day or a time range (`T19:30`, `(T7,T8,PT1H)`) placed on a day that may carry a part of the day
    /// (`2016-11-07TNI`): the day is written before each time, and the part moves an hour before noon to the
    /// afternoon or evening ("tonight from 7 to 7:30" is 19:00 to 19:30).
    static func onDay(_ time: String, _ day: String) -> String {
        let date = day.prefix { $0 != "T" }
        let part = day.count > date.count + 1 ? String(day.dropFirst(date.count + 1)) : nil
        func place(_ x: Substring) -> String {
            guard x.hasPrefix("T") else { return String(x) }
            var hh = x.dropFirst().prefix { $0.isNumber }
            if let part, part.allSatisfy(\.isLetter), let h = Int(hh) {
                hh = Substring(ClaimCalendar.pad(hour(h, in: part), 2))
            }
            return date + "T" + hh + x.dropFirst(1 + x.dropFirst().prefix { $0.isNumber }.count)
        }
        guard time.hasPrefix("(") else { return place(Substring(time)) }
        let parts = time.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
        return "(" + parts.map(place).joined(separator: ",") + ")"
    }

    /// Minutes after midnight of a `Thh[:mm]` value.
    static func minutes(_ v: String) -> Int? {
        let p = v.dropFirst().split(separator: ":")
        guard v.hasPrefix("T"), p.count <= 2, let h = Int(p[0]) else { return nil }
        return h * 60 + (p.count == 2 ? Int(p[1]) ?? 0 : 0)
    }

    /// The value of two neighbouring temporal claims read as one expression, or nil when they stay two claims.
    ///
    /// A day and a time of day make one value ("October 14 at 8:00am", "8.30pm today", "tonight from 7 to 7:30");
    /// a weekday and a relative week make a day ("Tuesday of last week"); a range or a partial date without a year
    /// takes the year that follows ("from April to June in 2017"). Two dates parted by a comma alone are a list
    /// ("11/20, 11/22"), and a time does not join a month, a week or a year ("next month after 3pm"). Otherwise the
    /// parts are one claim that keeps the first part's value.
    func joinedTemporalValue(_ first: ClaimValue, _ second: ClaimValue, gap: Range<Int>) -> ClaimValue? {
        guard case .text(let a) = first, case .text(let b) = second else { return first }
        // a relative value with no date to count from ("yesterday") stays a claim of its own
        if a.contains(where: \.isLowercase) || b.contains(where: \.isLowercase) { return nil }
        func isDay(_ x: String) -> Bool { !x.hasPrefix("(") && !x.hasPrefix("T") && x.prefix { $0 != "T" }.count == 10 }
        func isTime(_ x: String) -> Bool { x.hasPrefix("T") || x.hasPrefix("(T") }
        let listGap = !gap.isEmpty && gap.allSatisfy { isSym($0, ",") }
        if listGap, !a.contains("T"), !b.contains("T"), a.count == b.count { return nil }
        // "This year, Labor Day falls on ...": a year and a day after a comma are two claims
        if listGap, a.count == 4, Int(a) != nil, isDay(b) { return nil }
        // a recurrence takes its time of day ("every day at 7pm" is T19), and nothing else
        // (as does a recurring part of the day: "every morning at 9am" is T09)
        if a.hasPrefix("P") || (a.hasPrefix("T") && a.dropFirst().allSatisfy(\.isLetter)) {
            return isTime(b) ? second : nil
        }
        if b.hasPrefix("P") { return isTime(a) ? first : nil }
        if isTime(b) {
            if isDay(a) { return .text(Self.onDay(b, a)) }
            if a.hasPrefix("T"), b.hasPrefix("T"), gap.count == 1, joiner(gap.lowerBound, between: false) != nil,
                let ma = Self.minutes(a), let mb = Self.minutes(b)
            {
                // "from 3 in the morning until 5pm"
                let d = (mb - ma + 24 * 60) % (24 * 60)
                return .text(
                    "(\(a),\(b),PT" + (d / 60 > 0 ? "\(d / 60)H" : "") + (d % 60 > 0 ? "\(d % 60)M" : "") + ")")
            }
            if a.hasPrefix("(") { return first }
            return nil
        }
        if isTime(a) {
            if isDay(b) { return .text(Self.onDay(a, b)) }
            if b.hasPrefix("(") { return first }
            return nil
        }
        // "Tuesday of next week", "next week on Tuesday": the weekday in that ISO week
        func weekdayInWeek(_ day: String, _ week: String) -> ClaimValue? {
            guard day.hasPrefix("XXXX-WXX-"), isDay(day), let wd = Int(day.prefix(10).suffix(1)), week.count == 8,
                week.dropFirst(4).hasPrefix("-W"), let y = Int(week.prefix(4)), let w = Int(week.suffix(2))
            else { return nil }
            let jan4 = ClaimCalendar.days(y, 1, 4)
            let monday = jan4 - (ClaimCalendar.weekday(jan4) - 1) + 7 * (w - 1)
            return .text(ClaimCalendar.string(monday + wd - 1) + day.dropFirst(10))
        }
        if let v = weekdayInWeek(a, b) ?? weekdayInWeek(b, a) { return v }
        if b.count == 4, let y = Int(b), y >= 1000, a.contains("XXXX") {
            return .text(a.replacingOccurrences(of: "XXXX", with: b))
        }
        return first
    }

    /// A date as written: `XXXX-07-10` when the text gives no year (``resolveDates()`` may give it one later).
    func dateString(_ y: Int?, _ m: Int, _ d: Int?) -> String {
        let ys = y.map { ClaimCalendar.pad($0, 4) } ?? "XXXX"
        var s = ys + "-" + ClaimCalendar.pad(m, 2)
        if let d { s += "-" + ClaimCalendar.pad(d, 2) }
        return s
    }

    /// With `resolve_partial_dates`, gives every partial date of the sentence's temporal claims the year nearest the
    /// publication date ("July 10" → 2020-07-10) and a bare weekday its last occurrence on or before it ("Friday");
    /// the second end of a range is the first such date on or after the first end. Runs after the parts of a
    /// temporal expression are joined, so "Jan-Feb 2017" or "from April to June in 2017" take the written year first.
    mutating func resolveDates() {
        guard resolvePartial, let a = anchor else { return }
        for k in out.indices where out[k].kind == .date || out[k].kind == .time {
            // a recurrence ("every Sunday", "on Mondays") names every such day, not one of them
            guard !out[k].recurring, case .text(let v) = out[k].value, v.contains("XXXX-") else { continue }
            out[k].value = .text(resolvedValue(v, anchor: a, tense: tenseBefore(out[k])))
        }
    }

    func resolvedValue(_ v: String, anchor a: Int, tense: Int = 0) -> String {
        guard v.hasPrefix("("), v.hasSuffix(")") else {
            return resolvedPart(v, anchor: a, notBefore: nil, tense: tense).0
        }
        var parts = v.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2 else { return v }
        let (first, day) = resolvedPart(parts[0], anchor: a, notBefore: nil, tense: tense)
        parts[0] = first
        parts[1] = resolvedPart(parts[1], anchor: a, notBefore: day).0
        return "(" + parts.joined(separator: ",") + ")"
    }

    /// One date (maybe with a time after `T`) resolved; also returns its day number when it has a whole day.
    func resolvedPart(_ p: String, anchor a: Int, notBefore: Int?, tense: Int = 0) -> (String, Int?) {
        let tIndex = p.firstIndex(of: "T")
        let date = tIndex.map { String(p[..<$0]) } ?? p
        let rest = tIndex.map { String(p[$0...]) } ?? ""
        if !date.hasPrefix("XXXX-") { return (p, ClaimCalendar.parse(date)) }
        let f = date.split(separator: "-").map(String.init)
        if f.count == 3, f[1] == "WXX", let wd = Int(f[2]), wd >= 1, wd <= 7 {
            let n: Int
            if let nb = notBefore {
                n = nb + (wd - ClaimCalendar.weekday(nb) + 7) % 7
            } else if tense > 0 {
                // `dates.tense`: a weekday in a future clause is the first such day on or after the publication date
                n = a + (wd - ClaimCalendar.weekday(a) + 7) % 7
            } else {
                n = a - (ClaimCalendar.weekday(a) - wd + 7) % 7
            }
            return (ClaimCalendar.string(n) + rest, n)
        }
        guard f.count == 2 || f.count == 3, let m = Int(f[1]), m >= 1, m <= 12 else { return (p, nil) }
        let d = f.count == 3 ? Int(f[2]) : nil
        if f.count == 3 && d == nil { return (p, nil) }
        let (ay, _, _) = ClaimCalendar.civil(notBefore ?? a)
        var year: Int?
        if let nb = notBefore {
            // the first such date on or after the range's start
            for c in [ay, ay + 1] where ClaimCalendar.valid(c, m, d ?? 1) {
                if ClaimCalendar.days(c, m, d ?? ClaimCalendar.daysInMonth(c, m)) >= nb {
                    year = c
                    break
                }
            }
        } else if tense != 0, nearestYear(m, d, anchor: a).map({ $0.distance > dw.tenseMinDays }) ?? false {
            // past: the last such month or day that began on or before the publication date; future: the first that
            // ends on or after it (a date within `tense_min_days` of the publication date keeps the nearest year)
            for c in tense < 0 ? [ay, ay - 1] : [ay, ay + 1] where ClaimCalendar.valid(c, m, d ?? 1) {
                let first = ClaimCalendar.days(c, m, d ?? 1)
                let last = ClaimCalendar.days(c, m, d ?? ClaimCalendar.daysInMonth(c, m))
                if tense < 0 ? first <= a : last >= a {
                    year = c
                    break
                }
            }
        }
        if year == nil && notBefore == nil, let b = nearestYear(m, d, anchor: a),
            d == nil || ClaimCalendar.valid(b.year, m, d!)
        {
            year = b.year
        }
        guard let y = year else { return (p, nil) }
        let s = ClaimCalendar.pad(y, 4) + date.dropFirst(4)
        return (s + rest, d.map { ClaimCalendar.days(y, m, $0) })
    }

    /// The year (of the publication year and the ones beside it) that puts month `m` (day `d`, else its middle)
    /// nearest the publication date, and that distance in days.
    func nearestYear(_ m: Int, _ d: Int?, anchor a: Int) -> (year: Int, distance: Int)? {
        let (ay, _, _) = ClaimCalendar.civil(a)
        var best: (year: Int, distance: Int)?
        for c in [ay - 1, ay, ay + 1] {
            let dd = d ?? 15
            guard ClaimCalendar.valid(c, m, min(dd, 28)) else { continue }
            let n = ClaimCalendar.days(c, m, min(dd, ClaimCalendar.daysInMonth(c, m)))
            let dist = abs(n - a)
            if best == nil || dist < best!.distance { best = (c, dist) }
        }
        return best
    }

    func weekdayValue(_ wd: Int, modifier: Int?, word mod: String?) -> String? {
        guard let a = anchor else {
            return modifier == nil ? "XXXX-WXX-\(wd)" : nil
        }
        let aw = ClaimCalendar.weekday(a)
        guard let mval = modifier else { return "XXXX-WXX-\(wd)" }
        if mval > 0 {
            if let mod, dw.nextWeekModifiers.contains(mod) { return ClaimCalendar.string(a - (aw - 1) + 7 + (wd - 1)) }
            let d = (wd - aw + 7) % 7
            return ClaimCalendar.string(a + (d == 0 ? 7 : d))
        }
        if mval < 0 {
            let d = (aw - wd + 7) % 7
            return ClaimCalendar.string(a - (d == 0 ? 7 : d))
        }
        return ClaimCalendar.string(a - (aw - 1) + (wd - 1))
    }

    /// A day of the month at `e`: "10", "10th", "first", "twenty fourth", "the 9th".
    func dayNumber(_ e0: Int) -> (Int, Int)? {
        var e = e0
        if isDeterminer(e) { e += 1 }
        if isInt(e), t[e].intDigits <= 2 {
            let d = Int(t[e].value)
            guard d >= 1 && d <= 31 else { return nil }
            var end = e + 1
            if let w = word(end), tight(end), lx.ordinalSuffixes.contains(w) { end += 1 }
            if isSym(end, ":") || isSym(end, "%") || isSym(end, "/") { return nil }
            if end == e + 1, unitAfter(end, attachedOK: true) != nil || lx.timeSuffixes.match(t, end, limit) != nil {
                return nil
            }
            return (d, end)
        }
        if let w = word(e) {
            if let o = lx.ordinals[w], o <= 31 { return (Int(o), e + 1) }
            if let c = lx.cardinals[w], c >= 20, c <= 30 {
                var k = e + 1
                if isSym(k, "-"), tight(k) { k += 1 }
                if let w2 = word(k), let o = lx.ordinals[w2], o < 10, Int(c) + Int(o) <= 31 {
                    return (Int(c) + Int(o), k + 1)
                }
            }
        }
        return nil
    }

    /// A year at `m`: four digits, or two digits after "of" / an apostrophe.
    func yearNumber(_ m: Int) -> Int? {
        if isInt(m), t[m].intDigits == 4, t[m].value >= 1000, t[m].value <= 2200 {
            if isSym(m + 1, "-") || isSym(m + 1, "/") { return nil }
            return Int(t[m].value)
        }
        return nil
    }

    /// A year in words after a day and month: "two thousand and thirty two", "seventeen hundred thirty three", or
    /// the spoken pair "nineteen seventy two" (a teen or "twenty", then a number from 10 to 99).
    func spelledYear(_ k: Int) -> (Int, Int)? {
        guard let w = word(k), let n = parseNumber(k, money: false), n.spelled, !n.ordinal, !n.fraction,
            n.value == n.value.rounded()
        else { return nil }
        // A spelled number that counts something is no year: "On May 1, two thousand workers marched".
        if n.value >= 1000, n.value <= 2100 {
            return countedNoun(n.end, value: n.value) == nil ? (Int(n.value), n.end) : nil
        }
        guard let c = lx.cardinals[w], c >= 11, c <= 20, c == c.rounded(), word(k + 1) != nil,
            let lo = parseNumber(k + 1, money: false), lo.spelled, !lo.ordinal, !lo.fraction, lo.value >= 10,
            lo.value <= 99, lo.value == lo.value.rounded(), countedNoun(lo.end, value: lo.value) == nil
        else { return nil }
        return (Int(c) * 100 + Int(lo.value), lo.end)
    }

    /// A month written short ("Jan", "Sept"): four letters or fewer and not a full name (`full_short_months`: May,
    /// June, July).
    func abbreviatedMonth(_ w: String) -> Bool { w.count <= 4 && !dw.fullShortMonths.contains(w) }

    func monthDay(_ i: Int) -> DT? {
        guard let w = word(i), let mo = lx.months[w] else { return nil }
        let ambiguous = lx.ambiguousMonths.contains(w)
        let verbMonth = dw.verbMonths.contains(w)
        var e = i + 1
        if isSym(e, "."), tight(e), abbreviatedMonth(w) { e += 1 }
        if isSym(e, "/"), tight(e) { e += 1 }
        // "Oct-2": an abbreviated month, a hyphen and a day written against it
        if isSym(e, "-"), tight(e), abbreviatedMonth(w), isInt(e + 1), tight(e + 1), t[e + 1].intDigits <= 2 { e += 1 }
        if let (day, de) = dayNumber(e) {
            if ambiguous && !t[i].capitalized && !verbMonth
                && !(word(i - 1).map { dw.dayOpeners.contains($0) } ?? false)
            {
                if w.count <= 3 && !isSym(i + 1, ".") { return nil }
            }
            if verbMonth && !t[i].capitalized && !(word(i - 1).map { lx.datePrepositions.contains($0) } ?? false) {
                return nil
            }
            var end = de
            var y: Int?
            var m2 = de
            if isSym(m2, ",") { m2 += 1 }
            if isOf(m2) { m2 += 1 }
            if let yy = yearNumber(m2) {
                y = yy
                end = m2 + 1
            } else if isOf(de), isInt(de + 1), t[de + 1].intDigits == 2 {
                let v = Int(t[de + 1].value)
                y = v < 50 ? 2000 + v : 1900 + v
                end = de + 2
            } else if let (yy, ye) = spelledYear(m2) {
                y = yy
                end = ye
            }
            if let yy = y, !ClaimCalendar.valid(yy, mo, day) { return nil }
            return DT(end: end, value: dateString(y, mo, day), rule: "claims.date-month-day")
        }
        var m2 = e
        if isSym(m2, ",") { m2 += 1 }
        if isOf(m2) { m2 += 1 }
        if word(m2) != nil, let n = parseNumber(m2, money: false), n.spelled, !n.ordinal, !n.fraction,
            n.value >= 1000, n.value <= 2100, n.value == n.value.rounded()
        {
            return DT(
                end: n.end, value: ClaimCalendar.pad(Int(n.value), 4) + "-" + ClaimCalendar.pad(mo, 2),
                rule: "claims.date-month-year")
        }
        if let yy = yearNumber(m2) {
            if ambiguous && !t[i].capitalized && w.count <= 3 { return nil }
            return DT(
                end: m2 + 1, value: ClaimCalendar.pad(yy, 4) + "-" + ClaimCalendar.pad(mo, 2),
                rule: "claims.date-month-year")
        }
        // month alone
        let prev = word(i - 1)
        let prepBefore = prev.map { lx.datePrepositions.contains($0) } ?? false
        if ambiguous {
            let rangeAfter =
                (isSym(i + 1, "-") || word(i + 1).map { dw.monthRangeWords.contains($0) } == true)
                && (word(i + 2).map { lx.months[$0] != nil } ?? false)
            guard prepBefore || rangeAfter, w.count > 3 || verbMonth || isSym(i + 1, ".") || rangeAfter else {
                return nil
            }
            // "secret and may be", "hard to march": a lower-case month after "and" or "to" needs a month before it
            if !t[i].capitalized, prev.map({ dw.monthListWords.contains($0) }) == true, !rangeAfter,
                word(i - 2).flatMap({ lx.months[$0] }) == nil
            {
                return nil
            }
        } else if !(t[i].capitalized || prepBefore) {
            return nil
        }
        if w.count <= 3 && !t[i].capitalized && !verbMonth { return nil }
        if isSym(e, ","), let (day, de) = dayNumber(e + 1), de > e + 2 || (isInt(e + 1) && !isNum(de)) {
            if de == e + 3 || lx.ordinalSuffixes.contains(t[de - 1].lower) {
                return DT(end: de, value: dateString(nil, mo, day), rule: "claims.date-month-day")
            }
        }
        return DT(end: e, value: dateString(nil, mo, nil), rule: "claims.date-month")
    }

    func dayMonth(_ i: Int) -> DT? {
        guard let (day, de) = dayNumber(i) else { return nil }
        var e = de
        if isOf(e) { e += 1 }
        guard let w = word(e), let mo = lx.months[w] else { return nil }
        if lx.ambiguousMonths.contains(w) && !t[e].capitalized && w.count <= 3 { return nil }
        if dw.verbMonths.contains(w) && !t[e].capitalized { return nil }
        var end = e + 1
        // "Sept." keeps its period; "July." ends the sentence.
        if isSym(end, "."), tight(end), abbreviatedMonth(w) { end += 1 }
        var y: Int?
        var m2 = end
        if isSym(m2, ",") { m2 += 1 }
        if isOf(m2) { m2 += 1 }
        if let yy = yearNumber(m2) {
            y = yy
            end = m2 + 1
        } else if isOf(end), isInt(end + 1), t[end + 1].intDigits == 2 {
            let v = Int(t[end + 1].value)
            y = v < 50 ? 2000 + v : 1900 + v
            end += 2
        } else if let (yy, ye) = spelledYear(m2) {
            y = yy
            end = ye
        }
        if let yy = y, !ClaimCalendar.valid(yy, mo, day) { return nil }
        return DT(end: end, value: dateString(y, mo, day), rule: "claims.date-day-month")
    }

    func numericDate(_ i: Int) -> DT? {
        guard isNum(i) else { return nil }
        let tk = t[i]
        // 10.07.2020
        if !tk.value.isFinite || (tk.grouped && tk.lower.filter({ $0 == "." }).count == 2) {
            let p = tk.lower.split(separator: ".")
            if p.count == 3, let d = Int(p[0]), let m = Int(p[1]), let y = Int(p[2]), p[2].count == 4,
                ClaimCalendar.valid(y, m, d)
            {
                return DT(
                    end: i + 1, value: ClaimCalendar.string(ClaimCalendar.days(y, m, d)), rule: "claims.date-dotted")
            }
            return nil
        }
        guard isInt(i) else { return nil }
        let a = Int(tk.value)
        // 20200701
        if tk.intDigits == 8, tk.lower.count == 8, a / 1_000_000 >= 19, a / 1_000_000 <= 21 {
            let y = a / 10000
            let m = (a / 100) % 100
            let d = a % 100
            if ClaimCalendar.valid(y, m, d) {
                return DT(
                    end: i + 1, value: ClaimCalendar.string(ClaimCalendar.days(y, m, d)), rule: "claims.date-compact")
            }
        }
        // ISO 2020-07-10, 2015-3
        if tk.intDigits == 4, isSym(i + 1, "-"), tight(i + 1), isInt(i + 2), tight(i + 2), t[i + 2].intDigits <= 2 {
            let m = Int(t[i + 2].value)
            if isSym(i + 3, "-"), tight(i + 3), isInt(i + 4), tight(i + 4), t[i + 4].intDigits <= 2 {
                let d = Int(t[i + 4].value)
                guard ClaimCalendar.valid(a, m, d) else { return nil }
                return DT(end: i + 5, value: ClaimCalendar.string(ClaimCalendar.days(a, m, d)), rule: "claims.date-iso")
            }
            // "2017-18", "2011-12": an academic or fiscal year, one period written like "2017-2018"
            if t[i + 2].lower.count == 2, m == (a + 1) % 100, a >= 1900, a < 2100, !isSym(i + 3, "-") {
                return DT(
                    end: i + 3, value: "(\(a)-01-01,\(a + 1)-01-01,P1Y)", rule: "claims.year-range-short")
            }
            if m >= 1 && m <= 12 && t[i + 2].lower.count <= 2 && !(isSym(i + 3, "-")) {
                return DT(
                    end: i + 3, value: ClaimCalendar.pad(a, 4) + "-" + ClaimCalendar.pad(m, 2),
                    rule: "claims.date-iso-month")
            }
            return nil
        }
        // "2016/11", "2016/17": a month or a fiscal year written with a slash
        if tk.intDigits == 4, a >= 1900, a < 2100, isSym(i + 1, "/"), tight(i + 1), isInt(i + 2), tight(i + 2),
            t[i + 2].intDigits <= 2, !isSym(i + 3, "/")
        {
            let m = Int(t[i + 2].value)
            if t[i + 2].lower.count == 2, m == (a + 1) % 100 {
                return DT(end: i + 3, value: "(\(a)-01-01,\(a + 1)-01-01,P1Y)", rule: "claims.year-range-short")
            }
            if m >= 1 && m <= 12 {
                return DT(
                    end: i + 3, value: ClaimCalendar.pad(a, 4) + "-" + ClaimCalendar.pad(m, 2),
                    rule: "claims.date-iso-month")
            }
            return nil
        }
        guard tk.intDigits <= 2 else { return nil }
        // "11/2016", "3-2015": a month and a year
        if a >= 1, a <= 12, isSym(i + 1, "/") || isSym(i + 1, "-"), tight(i + 1), isInt(i + 2), tight(i + 2),
            t[i + 2].intDigits == 4, t[i + 2].value >= 1900, t[i + 2].value < 2100, !isSym(i + 3, t[i + 1].lower),
            !isNum(i - 1), !(isSym(i - 1, "/") || isSym(i - 1, "-"))
        {
            return DT(
                end: i + 3, value: ClaimCalendar.pad(Int(t[i + 2].value), 4) + "-" + ClaimCalendar.pad(a, 2),
                rule: "claims.date-month-year")
        }
        for sep in ["/", "-"] {
            guard isSym(i + 1, sep), tight(i + 1), isInt(i + 2), tight(i + 2), t[i + 2].intDigits <= 2 else { continue }
            let b = Int(t[i + 2].value)
            if isSym(i + 3, sep), tight(i + 3), isInt(i + 4), tight(i + 4),
                t[i + 4].intDigits == 4 || t[i + 4].intDigits == 2
            {
                var y = Int(t[i + 4].value)
                if t[i + 4].intDigits == 2 { y += y < 50 ? 2000 : 1900 }
                var m = a
                var d = b
                if a > 12 { (m, d) = (b, a) }
                guard ClaimCalendar.valid(y, m, d) else { return nil }
                if isSym(i + 5, sep), tight(i + 5) { return nil }
                return DT(
                    end: i + 5, value: ClaimCalendar.string(ClaimCalendar.days(y, m, d)), rule: "claims.date-numeric")
            }
            if sep == "/", !(isSym(i - 1, "-") && tight(i)), !isNum(i - 1), !isSym(i + 3, "/"),
                !(isSym(i + 3, ".") && isNum(i + 4)), unitAfter(i + 3, attachedOK: true) == nil
            {
                var m = a
                var d = b
                if a > 12 { (m, d) = (b, a) }
                guard m >= 1 && m <= 12 && d >= 1 && d <= 31 else { return nil }
                return DT(end: i + 3, value: dateString(nil, m, d), rule: "claims.date-numeric-md")
            }
        }
        return nil
    }

    /// A relative modifier and what it moves, with no publication date to count from: "last year", "next Friday",
    /// "this morning" keep the words as their value (lower case, one space apart), rule
    /// `claims.date-relative-unanchored`.
    func unanchoredRelative(_ i: Int) -> DT? {
        guard let m = lx.relativeModifiers.match(t, i, limit), let w2 = word(m.end) else { return nil }
        let moves =
            (lx.weekdays[w2] != nil && (!lx.ambiguousWeekdays.contains(w2) || t[m.end].capitalized))
            || lx.calendarUnits[w2] != nil
            || (lx.months[w2] != nil && (t[m.end].capitalized || !lx.ambiguousMonths.contains(w2)))
            || (lx.dayParts[w2] != nil && abs(m.payload) <= 1)
        guard moves else { return nil }
        // "CBS This Morning", "ABC's This Week": a period word capitalised inside a sentence is a programme's name
        // (a weekday or a month is capitalised anyway)
        if i > base, t[i].capitalized, t[m.end].capitalized, lx.calendarUnits[w2] != nil || lx.dayParts[w2] != nil {
            return nil
        }
        let v = (i...m.end).map { t[$0].lower }.joined(separator: " ")
        return DT(end: m.end + 1, value: v, rule: "claims.date-relative-unanchored")
    }

    func dateCore(_ i: Int) -> DT? {
        guard i < limit else { return nil }
        if let w = word(i) {
            if anchor == nil, let r = unanchoredRelative(i) { return r }
            if let a = anchor, let sh = dw.relativeDayShifts.match(t, i, limit), let w2 = word(sh.end),
                let rd = lx.relativeDays[w2], !dw.nightDays.contains(w2)
            {
                // "the day after tomorrow", "the day before yesterday"
                return DT(
                    end: sh.end + 1, value: ClaimCalendar.string(a + rd + sh.payload),
                    rule: "claims.date-relative-day-shift")
            }
            if let m = lx.relativeModifiers.match(t, i, limit), let a = anchor {
                let e = m.end
                let mod = t[i].lower
                if let w2 = word(e), let wd = lx.weekdays[w2], !lx.ambiguousWeekdays.contains(w2) || t[e].capitalized {
                    var e2 = e + 1
                    if isSym(e2, ",") { e2 += 1 }
                    if let d = monthDay(e2) ?? dayMonth(e2) ?? numericDate(e2) {
                        return DT(end: d.end, value: d.value, rule: "claims.date-weekday-date")
                    }
                    if let v = weekdayValue(wd, modifier: m.payload, word: mod) {
                        return DT(end: e + 1, value: v, rule: "claims.date-relative-weekday")
                    }
                }
                // "in the last week of the race": a period of something else, not one counted from the publication date
                // ("the last week of the race", "the last year of his term"; "the last week of this month" is a date)
                let partOf =
                    m.payload < 0 && isDeterminer(i - 1) && isOf(e + 1)
                    && (word(e + 2).map { lx.partitiveDeterminers.contains($0) } ?? false)
                if !partOf, let w2 = word(e), let cu = lx.calendarUnits[w2],
                    let d = relativePeriod(cu, m.payload, e + 1, anchor: a)
                {
                    return d
                }
                if let w2 = word(e), let mo = lx.months[w2], t[e].capitalized || !lx.ambiguousMonths.contains(w2) {
                    let (ay, am, _) = ClaimCalendar.civil(a)
                    var y = ay
                    if m.payload > 0 && mo <= am { y += 1 }
                    if m.payload < 0 && mo >= am { y -= 1 }
                    return DT(
                        end: e + 1, value: ClaimCalendar.pad(y, 4) + "-" + ClaimCalendar.pad(mo, 2),
                        rule: "claims.date-relative-month")
                }
                if let w2 = word(e), let part = lx.dayParts[w2], abs(m.payload) <= 1 {
                    // "this morning", "last night" (yesterday's), "next evening"
                    return DT(
                        end: e + 1, value: ClaimCalendar.string(a + m.payload) + "T" + part, hasTime: true,
                        rule: "claims.date-this-daypart")
                }
            }
            if let rd = lx.relativeDays[w] {
                // Capitalised inside a sentence beside a name, a number or "programme": a title ("USA Today",
                // "the Radio 4 Today programme"), not a day.
                if t[i].capitalized, i > base, !(t[i - 1].kind == .symbol) {
                    let prev = t[i - 1]
                    let next = i + 1 < limit ? t[i + 1] : nil
                    if prev.kind == .number || (prev.kind == .word && prev.capitalized)
                        || (next.map {
                            $0.kind == .word && ($0.capitalized || lx.relativeDayNameFollowers.contains($0.lower))
                        } ?? false)
                    {
                        return nil
                    }
                }
                guard let a = anchor else {
                    // No publication date: the day stays relative, written as its canonical word ("yesterday").
                    return DT(
                        end: i + 1, value: dw.relativeDayNames[w] ?? w, rule: "claims.date-relative-day.unanchored")
                }
                var v = ClaimCalendar.string(a + rd)
                var ht = false
                if dw.nightDays.contains(w) {
                    v += "TNI"
                    ht = true
                }
                return DT(end: i + 1, value: v, hasTime: ht, rule: "claims.date-relative-day")
            }
            if let wd = lx.weekdays[w] {
                if lx.ambiguousWeekdays.contains(w) && !t[i].capitalized { return nil }
                if w.count <= 3 && word(i - 1) == nil && i > base && !isSym(i - 1, ",") && !t[i].capitalized {
                    return nil
                }
                var e = i + 1
                if isSym(e, ".") && tight(e) && w.count <= 4 { e += 1 }
                var e2 = e
                if isSym(e2, ",") { e2 += 1 }
                if let d = monthDay(e2) ?? dayMonth(e2) ?? numericDate(e2) {
                    return DT(end: d.end, value: d.value, rule: "claims.date-weekday-date")
                }
                // "Wednesday the 31st": the day in the publication month
                if isDeterminer(e2), let (day, de) = dayNumber(e2), de > e2 + 1,
                    isNum(de - 1) ? lx.ordinalSuffixes.contains(t[de - 1].lower) || word(de) != nil : true
                {
                    var v = "XXXX-XX-" + ClaimCalendar.pad(day, 2)
                    if resolvePartial, let a = anchor {
                        let (ay, am, _) = ClaimCalendar.civil(a)
                        if ClaimCalendar.valid(ay, am, day) {
                            v = ClaimCalendar.string(ClaimCalendar.days(ay, am, day))
                        }
                    }
                    return DT(end: de, value: v, rule: "claims.date-weekday-day")
                }
                guard let v = weekdayValue(wd, modifier: nil, word: nil) else { return nil }
                return DT(end: e, value: v, rule: "claims.date-weekday")
            }
            // "the end of 2008", "end of this month", "the middle of March"
            var pp = i
            if isDeterminer(i), let w2 = word(i + 1), lx.periodParts.contains(w2) { pp = i + 1 }
            if let w2 = word(pp), lx.periodParts.contains(w2), isOf(pp + 1), let d = yearOrDate(pp + 2) {
                let v = d.value
                if v.count == 4 || v.count == 7 || v.hasPrefix("(") {
                    return DT(end: d.end, value: v, hasTime: d.hasTime, rule: "claims.date-period-part")
                }
            }
            if lx.periodOpeners.contains(w)
                || (word(i + 1).map { lx.periodOpeners.contains($0) } ?? false) && isDeterminer(i),
                let h = holiday(i) ?? season(i) ?? afterNext(i)
            {
                return h
            }
            if let d = dayAlone(i) { return d }
            if let d = ordinalPartOf(i) ?? letterQuarter(i) { return d }
            if lx.months[w] != nil { return monthDay(i) }
            if isDeterminer(i), let d = dayMonth(i) { return d }
            // "twenty second of June": a day in words opens a date only before "of"
            if lx.ordinals[w] != nil || lx.cardinals[w] != nil, let (_, de) = dayNumber(i), isOf(de),
                let d = dayMonth(i)
            {
                return d
            }
            // "a fortnight later", "two weeks from now"; "within 5 days"
            return offsetDate(i) ?? withinDate(i) ?? restOfPeriod(i)
        }
        if isNum(i) {
            if let d = numericDate(i) ?? mixedDate(i) ?? ordinalPartOf(i) ?? dayRange(i) ?? yearMonth(i) { return d }
            // a year that opens a range of years: "from 2010 to 2018", "between 2014 and 2018"
            if isInt(i), t[i].intDigits == 4, t[i].value >= 1000, t[i].value <= 2100,
                let w = joiner(i + 1, between: isRangeStartAnd(i - 1)), case let k = yearAfterPeriodPart(i + 1 + w),
                isInt(k) && t[k].intDigits == 4 && t[k].value > t[i].value && t[k].value <= 2100
                    || yearOf(dateCore(i + 1 + w)).map({ $0 > Int(t[i].value) }) == true
            {
                // "... to May 5th, 2017": a dated month or day closes it too
                return DT(end: i + 1, value: String(Int(t[i].value)), rule: "claims.date-year")
            }
            if isInt(i), t[i].intDigits == 4, t[i].value >= 1000, t[i].value <= 2100,
                isListed(i - 1, dw.yearRangeOpeners),
                i >= 3, isInt(i - 2), t[i - 2].intDigits == 4
            {
                return DT(end: i + 1, value: String(Int(t[i].value)), rule: "claims.date-year")
            }
            if let d = dayMonth(i) { return d }
            // "3 days ago", "two weeks from now"
            if let o = offsetDate(i) { return o }
        }
        return nil
    }

    /// `claims.date-holiday`: a holiday on a fixed day (`holidays`: "Christmas Eve"), on the nth weekday of a month
    /// (`dates.weekday_holidays`: "Thanksgiving", "Memorial Day") or counted from Easter (`dates.easter_holidays`:
    /// "Good Friday"), with the year after it ("Easter 2019", "Father's Day of 2015") or a relative modifier before it
    /// ("last Easter": the last one before the publication date, "next Easter" the first after it). A fixed one
    /// without a year stays partial (`XXXX-12-25`, resolved later); a computed one takes the year whose date is
    /// nearest the publication date, or with no date to count from is written as said
    /// (`claims.date-holiday.unanchored`). The weekend of a holiday ("Labor Day weekend", "the weekend of Halloween")
    /// is the weekend of its week (of the week before for a Monday). A `dates.capitalized_holidays` word counts only
    /// when capitalised ("a prayer of thanksgiving").
    func holiday(_ i: Int) -> DT? {
        var s = i
        var weekend = false
        var k = i
        if isDeterminer(k) { k += 1 }
        if let w = word(k), lx.calendarUnits[w] == "WE", isOf(k + 1) {
            s = k + 2
            weekend = true
        }
        var modifier: Int?
        if let m = lx.relativeModifiers.match(t, s, limit) {
            modifier = m.payload
            s = m.end
        }
        var end = s
        var fixed: [Int]?
        var dayOf: ((Int) -> Int)?
        if let h = lx.holidays.match(t, s, limit), h.payload.count == 2 {
            end = h.end
            fixed = h.payload
            dayOf = {
                ClaimCalendar.days($0, h.payload[0], min(h.payload[1], ClaimCalendar.daysInMonth($0, h.payload[0])))
            }
        }
        if let h = dw.weekdayHolidays.match(t, s, limit), h.end > end {
            end = h.end
            fixed = nil
            let p = h.payload
            dayOf = { ClaimCalendar.nthWeekday($0, p[0], p[1], p[2]) + p[3] }
        }
        if let h = dw.easterHolidays.match(t, s, limit), h.end > end {
            end = h.end
            fixed = nil
            dayOf = { ClaimCalendar.easter($0) + h.payload }
        }
        guard end > s, let dayOf, !(dw.capitalizedHolidays.contains(t[s].lower) && !t[s].capitalized) else {
            return nil
        }
        var e = end
        var y: Int?
        if modifier == nil, let yy = yearNumber(e) {
            y = yy
            e += 1
        } else if modifier == nil, isOf(e), let yy = yearNumber(e + 1) {
            y = yy
            e += 2
        }
        if !weekend, let w = word(e), lx.calendarUnits[w] == "WE" {
            weekend = true
            e += 1
        }
        var day: Int?
        if let y {
            day = dayOf(y)
        } else if resolvePartial || modifier != nil, let a = anchor {
            let ay = ClaimCalendar.civil(a).0
            let years = [ay - 1, ay, ay + 1].map(dayOf)
            switch modifier {
            case .some(let n) where n < 0: day = years.last { $0 < a }
            case .some(let n) where n > 0: day = years.first { $0 > a }
            case .some: day = dayOf(ay)
            case .none: day = years.min { abs($0 - a) < abs($1 - a) }
            }
        } else if let f = fixed, !weekend {
            return DT(end: e, value: dateString(nil, f[0], f[1]), rule: "claims.date-holiday")
        }
        guard let n = day else {
            if weekend { return nil }
            let said = (i..<e).map { t[$0].lower }.joined(separator: " ")
            return DT(end: e, value: said, rule: "claims.date-holiday.unanchored")
        }
        if weekend {
            let wd = ClaimCalendar.weekday(n)
            let (wy, wn) = ClaimCalendar.isoWeek(wd == 1 ? n - 1 : n)
            return DT(
                end: e, value: ClaimCalendar.pad(wy, 4) + "-W" + ClaimCalendar.pad(wn, 2) + "-WE",
                rule: "claims.date-holiday")
        }
        if let f = fixed, y == nil, modifier == nil {
            // resolved later with every partial date
            return DT(end: e, value: dateString(nil, f[0], f[1]), rule: "claims.date-holiday")
        }
        return DT(end: e, value: ClaimCalendar.string(n), rule: "claims.date-holiday")
    }

    /// The calendar period `n` units of `cu` (`calendar_units` code) from the publication date `a`, ending at token
    /// `end`: `claims.date-relative-week` ("next week", "the week after next"), `-month`, `-year`, `-day`,
    /// `-quarter`.
    func relativePeriod(_ cu: String, _ n: Int, _ end: Int, anchor a: Int) -> DT? {
        let (ay, am, _) = ClaimCalendar.civil(a)
        switch cu {
        case "W", "WE":
            let (wy, wn) = ClaimCalendar.isoWeek(a + 7 * n)
            return DT(
                end: end,
                value: ClaimCalendar.pad(wy, 4) + "-W" + ClaimCalendar.pad(wn, 2) + (cu == "WE" ? "-WE" : ""),
                rule: "claims.date-relative-week")
        case "M":
            var y = ay
            var mo = am + n
            while mo < 1 {
                mo += 12
                y -= 1
            }
            while mo > 12 {
                mo -= 12
                y += 1
            }
            return DT(
                end: end, value: ClaimCalendar.pad(y, 4) + "-" + ClaimCalendar.pad(mo, 2),
                rule: "claims.date-relative-month")
        case "Y":
            return DT(end: end, value: ClaimCalendar.pad(ay + n, 4), rule: "claims.date-relative-year")
        case "D":
            return DT(end: end, value: ClaimCalendar.string(a + n), rule: "claims.date-relative-day")
        case "Q":
            var q = (am - 1) / 3 + n
            var y = ay
            while q < 0 {
                q += 4
                y -= 1
            }
            while q > 3 {
                q -= 4
                y += 1
            }
            return DT(end: end, value: quarterRange(y, q + 1), rule: "claims.date-relative-quarter")
        default:
            return nil
        }
    }

    /// "the week after next", "the year after the next" (`dates.after_next`: the phrase after a calendar unit and how
    /// many units it moves from the publication date).
    func afterNext(_ i: Int) -> DT? {
        guard let a = anchor else { return nil }
        var k = i
        if isDeterminer(k) { k += 1 }
        guard k > i, let w = word(k), let cu = lx.calendarUnits[w], let p = dw.afterNext.match(t, k + 1, limit) else {
            return nil
        }
        return relativePeriod(cu, p.payload, p.end, anchor: a)
    }

    /// `claims.date-day`: a day of the month alone after a `dates.day_alone_prepositions` word, "on the 27th", "by the
    /// 21st": the determiner, the day in figures with its ordinal suffix, then the end of the sentence or a mark
    /// ("the 27th floor" is an ordinal). It names no month: `XXXX-XX-27`.
    func dayAlone(_ i: Int) -> DT? {
        guard isInt(i + 1), t[i + 1].intDigits <= 2, isListed(i - 1, dw.dayAlonePrepositions), isDeterminer(i),
            t[i + 1].value >= 1, t[i + 1].value <= 31, let w = word(i + 2), tight(i + 2),
            lx.ordinalSuffixes.contains(w),
            i + 3 >= limit || t[i + 3].kind == .symbol && !isSym(i + 3, "-") && !isSym(i + 3, "/")
        else { return nil }
        return DT(end: i + 3, value: "XXXX-XX-" + ClaimCalendar.pad(Int(t[i + 1].value), 2), rule: "claims.date-day")
    }

    /// A year of four digits ("the end of 2008") or any date at `k`.
    func yearOrDate(_ k: Int) -> DT? {
        if let y = yearNumber(k) { return DT(end: k + 1, value: ClaimCalendar.pad(y, 4), rule: "claims.date-year") }
        return dateCore(k)
    }

    /// The token of the year in "2008" or "the end of 2008" at `k` (the second end of "from 2007 to the end of 2008").
    func yearAfterPeriodPart(_ k: Int) -> Int {
        var j = k
        if isDeterminer(j) { j += 1 }
        if let w = word(j), lx.periodParts.contains(w), isOf(j + 1) { return j + 2 }
        return k
    }

    /// An ordinal part of a period: "the 15th day of next month", "first week of 2015", "the 1st quarter of 2013",
    /// "the third month of 2019". A day takes a month, a week, a month or a quarter (`quarter_words`) a year.
    func ordinalPartOf(_ i: Int) -> DT? {
        var k = i
        if isDeterminer(k) { k += 1 }
        var n: Int
        if let w = word(k), let o = lx.ordinals[w], o >= 1, o <= 31 {
            n = Int(o)
            k += 1
        } else if isInt(k), t[k].intDigits <= 2, let suf = word(k + 1), tight(k + 1), lx.ordinalSuffixes.contains(suf) {
            n = Int(t[k].value)
            k += 2
        } else {
            return nil
        }
        if let w = word(k), let wd = lx.weekdays[w], n <= 5, !lx.ambiguousWeekdays.contains(w) || t[k].capitalized {
            return nthWeekdayOf(n, wd, k + 1)
        }
        // "the 20th of next month": a day of a relative month
        if isOf(k), let d = dateCore(k + 1), d.rule == "claims.date-relative-month", d.value.count == 7,
            let y = Int(d.value.prefix(4)), let m = Int(d.value.suffix(2)), ClaimCalendar.valid(y, m, n)
        {
            return DT(end: d.end, value: d.value + "-" + ClaimCalendar.pad(n, 2), rule: "claims.date-ordinal-day")
        }
        guard let unitWord = word(k), isOf(k + 1), n >= 1 else { return nil }
        let isQuarter = lx.quarterWords.contains(unitWord)
        let unit = dw.ordinalPartUnits[unitWord]
        guard isQuarter || unit != nil,
            let d = yearOrDate(k + 2),
            !d.hasTime
        else {
            return nil
        }
        let v = d.value
        if unit == "D", v.count == 7, !v.hasPrefix("("), let y = Int(v.prefix(4)), let m = Int(v.suffix(2)),
            n <= ClaimCalendar.daysInMonth(y, m)
        {
            return DT(end: d.end, value: v + "-" + ClaimCalendar.pad(n, 2), rule: "claims.date-ordinal-day")
        }
        if unit == "D", v.count == 7, v.hasPrefix("XXXX-"), n <= 31 {
            return DT(end: d.end, value: v + "-" + ClaimCalendar.pad(n, 2), rule: "claims.date-ordinal-day")
        }
        guard v.count == 4, let y = Int(v) else { return nil }
        if unit == "W", n <= 53 {
            return DT(end: d.end, value: v + "-W" + ClaimCalendar.pad(n, 2), rule: "claims.date-ordinal-week")
        }
        if unit == "M", n <= 12 {
            return DT(end: d.end, value: v + "-" + ClaimCalendar.pad(n, 2), rule: "claims.date-ordinal-month")
        }
        if isQuarter, n <= 4 { return DT(end: d.end, value: quarterRange(y, n), rule: "claims.date-quarter") }
        return nil
    }

    /// `claims.date-ordinal-weekday`: the nth weekday of a month, "the first Friday of July", "the second Monday of
    /// next month", "first Monday in the month" (a `dates.nth_weekday_of_words` word before the month), or of the
    /// publication month when no month follows ("the third Tuesday"). A month without a year takes the year nearest
    /// the publication date; with no date to count from it stays `XXXX-07-WXX-5-#1`. The weekday of `k - 1` is `wd`.
    func nthWeekdayOf(_ n: Int, _ wd: Int, _ k: Int) -> DT? {
        var end = k
        var month: String?
        if let w = word(k), dw.nthWeekdayOfWords.contains(w) {
            var j = k + 1
            if isListed(j, dw.restDeterminers) { j += 1 }
            if let u = word(j), lx.calendarUnits[u] == "M", j > k + 1, let a = anchor {
                // "of the month", "in this month"
                month = String(ClaimCalendar.string(a).prefix(7))
                end = j + 1
            } else if let d = dateCore(k + 1), !d.hasTime, d.value.count == 7, !d.value.hasPrefix("(") {
                month = d.value
                end = d.end
            }
        }
        if month == nil {
            // "the first Tuesday with voting" counts Tuesdays: without a month the weekday ends the clause
            guard let a = anchor, k >= limit || t[k].kind == .symbol else { return nil }
            month = String(ClaimCalendar.string(a).prefix(7))
        }
        guard var mv = month else { return nil }
        if mv.hasPrefix("XXXX-") {
            guard resolvePartial, let a = anchor else {
                return DT(end: end, value: mv + "-WXX-\(wd)-#\(n)", rule: "claims.date-ordinal-weekday")
            }
            mv = resolvedPart(mv, anchor: a, notBefore: nil).0
        }
        guard let y = Int(mv.prefix(4)), let m = Int(mv.suffix(2)), m >= 1, m <= 12 else { return nil }
        let day = ClaimCalendar.nthWeekday(y, m, wd, n)
        guard ClaimCalendar.civil(day).1 == m else { return nil }
        return DT(end: end, value: ClaimCalendar.string(day), rule: "claims.date-ordinal-weekday")
    }

    /// A quarter written with its letter and a year: "Q3 2018", "q1-2019", "Q2 of 2017".
    /// A half year with its letter (`half_year_letters`: "H1 2016") and a quarter or a half before a relative year
    /// ("Q3 this year") are read the same way.
    func letterQuarter(_ i: Int) -> DT? {
        guard let w = word(i), isInt(i + 1), tight(i + 1), t[i + 1].intDigits == 1, t[i + 1].value >= 1 else {
            return nil
        }
        let months: Int
        if lx.quarterLetters.contains(w), t[i + 1].value <= 4 {
            months = 3
        } else if lx.halfYearLetters.contains(w), t[i + 1].value <= 2 {
            months = 6
        } else {
            return nil
        }
        var k = i + 2
        if isSym(k, "-") || isSym(k, "/") || isOf(k) || isSym(k, ",") { k += 1 }
        let n = Int(t[i + 1].value)
        if isInt(k), t[k].intDigits == 4, t[k].value >= 1000, t[k].value <= 2200 {
            return DT(end: k + 1, value: quarterRange(Int(t[k].value), n, months: months), rule: "claims.date-quarter")
        }
        if lx.relativeModifiers.match(t, k, limit) != nil, let d = dateCore(k), d.rule == "claims.date-relative-year",
            let y = Int(d.value)
        {
            return DT(end: d.end, value: quarterRange(y, n, months: months), rule: "claims.date-quarter")
        }
        return nil
    }

    /// `claims.date-season`: a season (`dates.seasons`) with its year ("summer 2016", "the spring of nineteen
    /// seventy-eight": `2016-SU`) or after a relative modifier ("next spring": the first one that starts after the
    /// publication date, "last summer" the last one that ended before it, "this winter" the one of its year). A season
    /// alone is no claim ("a summer job"); a `dates.verb_seasons` word ("fall") counts only capitalised or after a
    /// determiner or a modifier.
    func season(_ i: Int) -> DT? {
        var k = i
        if isDeterminer(k) { k += 1 }
        var modifier: Int?
        if let m = lx.relativeModifiers.match(t, k, limit) {
            modifier = m.payload
            k = m.end
        }
        guard let w = word(k), let code = dw.seasons[w] else { return nil }
        if dw.verbSeasons.contains(w), !t[k].capitalized, k == i { return nil }
        if let n = modifier {
            guard let a = anchor, let start = dw.seasonStarts[code], start >= 1, start <= 12 else { return nil }
            let ay = ClaimCalendar.civil(a).0
            // a season runs three months from the first day of its `dates.season_starts` month (winter into the
            // next year, written with the year of its December)
            func first(_ y: Int) -> Int { ClaimCalendar.days(y, start, 1) }
            func after(_ y: Int) -> Int {
                start > 9 ? ClaimCalendar.days(y + 1, start - 9, 1) : ClaimCalendar.days(y, start + 3, 1)
            }
            let years = [ay - 2, ay - 1, ay, ay + 1]
            let y: Int?
            if n > 0 {
                y = years.first { first($0) > a }
            } else if n < 0 {
                y = years.last { after($0) <= a }
            } else {
                y = years.first { first($0) <= a && a < after($0) } ?? ay
            }
            guard let y else { return nil }
            return DT(end: k + 1, value: ClaimCalendar.pad(y, 4) + "-" + code, rule: "claims.date-season")
        }
        var e = k + 1
        if isOf(e) { e += 1 }
        if let y = yearNumber(e) {
            return DT(end: e + 1, value: ClaimCalendar.pad(y, 4) + "-" + code, rule: "claims.date-season")
        }
        if let (y, ye) = spelledYear(e) {
            return DT(end: ye, value: ClaimCalendar.pad(y, 4) + "-" + code, rule: "claims.date-season")
        }
        return nil
    }

    /// `claims.date-day-range`: two days of one month, "from 4 to 22 January, 1995", "between 4 and 22 this month",
    /// "4 till 23 of next month", "from 4 to January 22, 1995" (the first day takes the second one's month).
    func dayRange(_ i: Int) -> DT? {
        guard isInt(i), t[i].intDigits <= 2, t[i].value >= 1, t[i].value <= 31,
            let w = joiner(i + 1, between: isRangeStartAnd(i - 1))
        else { return nil }
        let d1 = Int(t[i].value)
        let k = i + 1 + w
        var month: String?
        var end = k
        var d2 = 0
        if let d = dateCore(k), !d.hasTime, d.value.count == 10, !d.value.hasPrefix("("),
            let dd = Int(d.value.suffix(2)),
            d.value.dropFirst(5).prefix(2).allSatisfy(\.isNumber)
        {
            month = String(d.value.prefix(7))
            end = d.end
            d2 = dd
        } else if isInt(k), t[k].intDigits <= 2, t[k].value <= 31 {
            var m = k + 1
            if isOf(m) { m += 1 }
            if let d = dateCore(m), !d.hasTime, d.value.count == 7, !d.value.hasPrefix("(") {
                month = d.value
                end = d.end
                d2 = Int(t[k].value)
            }
        }
        guard let mv = month, d2 > d1,
            let r = dateRange(mv + "-" + ClaimCalendar.pad(d1, 2), mv + "-" + ClaimCalendar.pad(d2, 2))
        else { return nil }
        return DT(end: end, value: r, rule: "claims.date-day-range")
    }

    /// `claims.date-year-month`: a year before its month, "2016 November", "2016, nov"; not after a determiner or a
    /// possessive, where the year names an event ("the 1963 March on Washington", "King's 1963 March").
    func yearMonth(_ i: Int) -> DT? {
        guard let y = yearNumber(i), !isDeterminer(i - 1),
            !(i >= base + 2 && isListed(i - 1, lx.possessiveLetters) && t[i - 2].kind == .symbol)
        else { return nil }
        var k = i + 1
        if isSym(k, ",") { k += 1 }
        guard let w = word(k), let mo = lx.months[w], t[k].capitalized || !lx.ambiguousMonths.contains(w),
            !dw.verbMonths.contains(w) || t[k].capitalized, dayNumber(k + 1) == nil
        else { return nil }
        var e = k + 1
        if isSym(e, "."), tight(e), w.count <= 4 { e += 1 }
        return DT(end: e, value: dateString(y, mo, nil), rule: "claims.date-year-month")
    }

    /// A date of three parts parted by one mark, one of them a month name: "2019/aug/01", "22/Jan/2019",
    /// "2020/23/Sep", "23-2020-September". The four-digit part is the year, the other number the day.
    func mixedDate(_ i: Int) -> DT? {
        guard isInt(i), isSym(i + 1, "/") || isSym(i + 1, "-"), tight(i + 1), tight(i + 2), tight(i + 3),
            tight(i + 4), isSym(i + 3, t[i + 1].lower)
        else { return nil }
        var y: Int?
        var m: Int?
        var d: Int?
        for k in [i, i + 2, i + 4] {
            if let w = word(k), let mo = lx.months[w], m == nil {
                m = mo
            } else if isInt(k), t[k].intDigits == 4, y == nil {
                y = Int(t[k].value)
            } else if isInt(k), t[k].intDigits <= 2, d == nil {
                d = Int(t[k].value)
            } else {
                return nil
            }
        }
        guard let y, let m, let d, ClaimCalendar.valid(y, m, d) else { return nil }
        var end = i + 5
        if isSym(end, "."), tight(end), word(i + 4).map(abbreviatedMonth) == true { end += 1 }
        return DT(end: end, value: ClaimCalendar.string(ClaimCalendar.days(y, m, d)), rule: "claims.date-mixed")
    }

    /// A whole count from 1 to 999 ("a"/"one" words count 1, or a number) and the duration unit after it, at
    /// token `i`: "3 days", "a fortnight", "two weeks". The count, the unit and the token after the unit.
    func countedDuration(_ i: Int) -> (Int, ClaimLexicon.UnitInfo, Int)? {
        var n = 1
        var e = i + 1
        if let w = word(i), lx.oneWords.contains(w) {
            // "a fortnight", "within a week"
        } else if let p = parseNumber(i, money: false), !p.ordinal, !p.fraction, p.value >= 1, p.value < 1000,
            p.value == p.value.rounded()
        {
            n = Int(p.value)
            e = p.end
        } else {
            return nil
        }
        guard let (u, ue) = unitAfter(e, attachedOK: false), u.kind == .duration else { return nil }
        return (n, u, ue)
    }

    /// A duration at `i` with the calendar parts after its first ("2 years 1 month 21 days", "1 month and 21 days"):
    /// at most four, parted by nothing or a `dates.duration_part_joiners` word; more than one only when each is a
    /// calendar unit (days, weeks, fortnights, months, years). The parts and the index after them.
    func calendarParts(_ i: Int) -> (parts: [(Int, String)], end: Int)? {
        guard let (n, u, e0) = countedDuration(i) else { return nil }
        var parts = [(n, u.unit)]
        var e = e0
        while parts.count < 4, Self.shifted(0, unit: parts[parts.count - 1].1, by: 1) != nil {
            let k = isListed(e, dw.durationPartJoiners) ? e + 1 : e
            guard let (n2, u2, e2) = countedDuration(k), Self.shifted(0, unit: u2.unit, by: 1) != nil else { break }
            parts.append((n2, u2.unit))
            e = e2
        }
        return (parts, e)
    }

    /// A date counted from another: "3 days ago", "two weeks from now", "a fortnight later" (from the publication
    /// date), "2 weeks before Christmas", "16 days from 01/02/2018" (from the date that follows), and "in 2 weeks"
    /// when the sentence speaks of the future (a `future_markers` word before it: "we will meet in 2 weeks"); without
    /// one, "the biggest rise in 18 months" stays a duration. Hours and minutes count from midnight of the day.
    func offsetDate(_ i: Int) -> DT? {
        guard let a = anchor else { return nil }
        guard let (parts, ue) = calendarParts(i) else { return nil }
        let (n, unit) = parts[0]
        var from = a
        var sign = 0
        var end = ue
        if let o = lx.offsetWords.match(t, ue, limit), o.payload != 0,
            !(o.end == ue + 1 && dw.anchoredOffsetWords[t[ue].lower] != nil)
        {
            // "ago", "later", "earlier", "hence", "from now", "from today"
            sign = o.payload
            end = o.end
        } else if let w = word(ue), let dir = dw.anchoredOffsetWords[w], let d = dateCore(ue + 1), !d.hasTime,
            !d.value.hasPrefix("(")
        {
            var v = d.value
            if v.hasPrefix("XXXX-"), resolvePartial { v = resolvedPart(v, anchor: a, notBefore: nil).0 }
            guard v.count == 10, let day = ClaimCalendar.parse(v) else { return nil }
            from = day
            sign = dir
            end = d.end
        } else if word(i - 1).map({ dw.futureOffsetWords.contains($0) }) == true, i - 1 >= base, futureBefore(i - 1),
            !isNum(ue), !isOf(ue)
        {
            sign = 1
        } else {
            return nil
        }
        if parts.count > 1 {
            var day = from
            for (pn, pu) in parts { day = Self.shifted(day, unit: pu, by: sign * pn) ?? day }
            return DT(end: end, value: ClaimCalendar.string(day), rule: "claims.date-offset")
        }
        let s = sign * n
        if let day = Self.shifted(from, unit: unit, by: s) {
            return DT(end: end, value: ClaimCalendar.string(day), rule: "claims.date-offset")
        }
        switch unit {
        case "h", "min":
            guard from == a else { return nil }
            var mins = (unit == "h" ? 60 : 1) * s
            let days = Int((Double(mins) / 1440).rounded(.down))
            mins -= days * 1440
            let v =
                ClaimCalendar.string(a + days) + "T" + ClaimCalendar.pad(mins / 60, 2) + ":"
                + ClaimCalendar.pad(mins % 60, 2) + ":00"
            return DT(end: end, value: v, hasTime: true, rule: "claims.date-offset")
        default: return nil
        }
    }

    /// The day `s` units of a calendar duration after day `from` (days, weeks, fortnights, months, years; a month
    /// or a year keeps the day of the month where it can), or nil for other units.
    static func shifted(_ from: Int, unit: String, by s: Int) -> Int? {
        switch unit {
        case "day": return from + s
        case "week": return from + 7 * s
        case "fortnight": return from + 14 * s
        case "month", "year":
            var (y, m, d) = ClaimCalendar.civil(from)
            if unit == "year" {
                y += s
            } else {
                m += s
                while m < 1 {
                    m += 12
                    y -= 1
                }
                while m > 12 {
                    m -= 12
                    y += 1
                }
            }
            d = min(d, ClaimCalendar.daysInMonth(y, m))
            return ClaimCalendar.days(y, m, d)
        default: return nil
        }
    }

    /// A span of time from the publication date: "within 5 days" → `(2017-11-08,2017-11-13,P5D)`, also "within the
    /// next 3 months" (a `dates.within_words` word, an optional determiner and forward modifier, a count and a
    /// calendar duration; rule `claims.date-within`).
    func withinDate(_ i: Int) -> DT? {
        guard let a = anchor, let w = word(i), dw.withinWords.contains(w) else { return nil }
        var k = i + 1
        if isDeterminer(k) { k += 1 }
        if let m = lx.relativeModifiers.match(t, k, limit), m.payload > 0 { k = m.end }
        guard let (parts, ue) = calendarParts(k) else { return nil }
        var day = a
        var dur = "P"
        for (n, unit) in parts {
            guard let code = lx.calendarUnits[unit], let d = Self.shifted(day, unit: unit, by: n) else { return nil }
            day = d
            // a fortnight is two weeks in a TIMEX duration
            dur += code == "F" ? "\(2 * n)W" : "\(n)\(code)"
        }
        // a duration in parts with a time of day ("within 1 day and 5 hours") or counted from a date ("within 2
        // weeks before today") is left to the duration and offset rules
        if isNum(ue) || (word(ue).map { dw.rangeAndJoiners.contains($0) } == true && isNum(ue + 1))
            || (word(ue).map { dw.withinBlockers.contains($0) } == true)
        {
            return nil
        }
        return DT(
            end: ue, value: "(\(ClaimCalendar.string(a)),\(ClaimCalendar.string(day)),\(dur))",
            rule: "claims.date-within")
    }

    /// `claims.date-rest-of`: what is left of the current period, "the rest of the week" (a `dates.rest_of` phrase,
    /// an optional `dates.rest_determiners` word, a `calendar_units` day, week, month or year) → a span from the
    /// publication date to the period's last day, `(2017-11-08,2017-11-12,P4D)`; the rest of the day is that day.
    func restOfPeriod(_ i: Int) -> DT? {
        guard let a = anchor, let r = dw.restOf.match(t, i, limit) else { return nil }
        var k = r.end
        if let w = word(k), dw.restDeterminers.contains(w) { k += 1 }
        guard let w = word(k), let code = lx.calendarUnits[w] else { return nil }
        let (y, m, _) = ClaimCalendar.civil(a)
        let last: Int
        switch code {
        case "D": return DT(end: k + 1, value: ClaimCalendar.string(a), rule: "claims.date-rest-of")
        case "W": last = a + 7 - ClaimCalendar.weekday(a)
        case "M": last = ClaimCalendar.days(y, m, ClaimCalendar.daysInMonth(y, m))
        case "Y": last = ClaimCalendar.days(y, 12, 31)
        default: return nil
        }
        return DT(
            end: k + 1, value: "(\(ClaimCalendar.string(a)),\(ClaimCalendar.string(last)),P\(last - a)D)",
            rule: "claims.date-rest-of")
    }

    /// A `future_markers` word ("will", "shall", a word ending in "'ll") in the sentence before token `k`.
    func futureBefore(_ k: Int) -> Bool {
        var j = k - 1
        // A sentence's worth of tokens: a unit without sentences (a whole paragraph or text) must not make this
        // scan quadratic.
        let floor = max(base, k - 64)
        while j >= floor {
            if t[j].kind == .word {
                let w = t[j].lower
                for f in lx.futureMarkers {
                    if f.first == "'" || f.first == "\u{2019}" ? w.hasSuffix(f) : w == f { return true }
                }
            }
            j -= 1
        }
        return false
    }

    /// A 24-hour time written with a dot, "17.30", as `T17:30` (hours 0–23, two-digit minutes below 60), with no
    /// unit after it; read only where a time is expected (after a day and a `dates.bare_hour_openers` word).
    func dottedClock(_ k: Int) -> String? {
        guard isNum(k), t[k].decimal, unitAfter(k + 1, attachedOK: true) == nil else { return nil }
        let p = t[k].lower.split(separator: ".")
        guard p.count == 2, p[0].count <= 2, p[1].count == 2, let h = Int(p[0]), let m = Int(p[1]), h <= 23, m < 60
        else { return nil }
        return "T" + ClaimCalendar.pad(h, 2) + ":" + p[1]
    }

    /// A clock time at `i`: "2pm", "2:30 p.m.", "14:00", "noon", "7 o'clock".
    func timeCore(_ i: Int) -> (end: Int, value: String)? {
        guard i < limit else { return nil }
        if let tw = lx.timeWords.match(t, i, limit) {
            // "noon", "mid-morning": a time; capitalised after no preposition, inside a sentence (also after a quote
            // mark) or before another capitalised word, a name ("Midnight Express", "\u{201C}Midday with ...")
            if let p = word(i - 1), dw.timeWordPrepositions.contains(p) { return (tw.end, tw.payload) }
            if t[i].capitalized, i > base || (tw.end < limit && t[tw.end].kind == .word && t[tw.end].capitalized) {
                return nil
            }
            return (tw.end, tw.payload)
        }
        if word(i) != nil || isInt(i) && word(i + 1) != nil, let wt = wordTime(i) { return wt }
        guard isNum(i), t[i].value.isFinite else { return nil }
        var h: Int
        var mm: String?
        var ss: String?
        var e = i + 1
        if t[i].decimal {
            let p = t[i].lower.split(separator: ".")
            guard p.count == 2, p[1].count == 2, let hh = Int(p[0]), hh <= 24 else { return nil }
            h = hh
            mm = String(p[1])
            guard lx.timeSuffixes.match(t, e, limit) != nil else { return nil }
        } else {
            guard isInt(i), t[i].intDigits <= 2 else { return nil }
            h = Int(t[i].value)
            guard h <= 24 else { return nil }
            if isSym(e, ":"), tight(e), isInt(e + 1), tight(e + 1), t[e + 1].lower.count == 2, t[e + 1].value < 60 {
                mm = t[e + 1].lower
                e += 2
                if isSym(e, ":"), tight(e), isInt(e + 1), tight(e + 1), t[e + 1].lower.count == 2 {
                    ss = t[e + 1].lower
                    e += 2
                }
            }
        }
        if let s = lx.timeSuffixes.match(t, e, limit) {
            guard h >= 1 && h <= 12 else { return nil }
            // "a" alone is not a.m.; require the whole form
            if s.end == e + 1 && dw.loneSuffixLetters.contains(t[e].lower) { return nil }
            if h == 12 { h = s.payload == 12 ? 12 : 0 } else { h += s.payload }
            e = s.end
        } else if let oc = lx.oclockWords.match(t, e, limit) {
            e = oc.end
        } else if let o = dw.dayPartOpeners.match(t, e, limit), let w = word(o.end), let part = lx.dayParts[w], h >= 1,
            h <= 12
        {
            // "5 in the morning", "8:30 in the evening"
            h = Self.hour(h, in: part)
            e = o.end + 1
        } else if mm != nil {
            guard h <= 23 else { return nil }
            // "2:1" scores and ratios have no two-digit minutes; kept out by the two-digit check above
        } else if h == 12, let w = word(e), dw.noonWords.contains(w), let tw = lx.timeWords.match(t, e, limit) {
            // "12 noon", "12 midnight"
            return (tw.end, tw.payload)
        } else {
            return nil
        }
        var v = "T" + ClaimCalendar.pad(h, 2)
        if let mm { v += ":" + mm }
        if let ss { v += ":" + ss }
        return (e, v)
    }

    /// The width of a range joiner at `k` ("to", "-", "through", "and" after "between"), or nil.
    func joiner(_ k: Int, between: Bool) -> Int? {
        if let w = word(k) {
            if lx.rangeJoiners.contains(w) { return 1 }
            if between && dw.rangeAndJoiners.contains(w) { return 1 }
            return nil
        }
        return isListed(k, lx.rangeJoiners) ? 1 : nil
    }

    /// The written year of a dated month or day ("2017-05-05"), or nil.
    func yearOf(_ d: DT?) -> Int? {
        guard let v = d?.value, !d!.hasTime, v.count == 7 || v.count == 10, let y = Int(v.prefix(4)) else { return nil }
        return y
    }

    /// "(start,end,duration)" for two dates of the same granularity, or nil. Two dated ends of different
    /// granularities (a year, a month, a day) start on their first day: "between 2015 and Feb 2018" is
    /// `(2015-01-01,2018-02-01,P37M)`, counted in days when one end is a day.
    func dateRange(_ a0: String, _ b: String) -> String? {
        if a0.count != b.count, [4, 7, 10].contains(a0.count), [4, 7, 10].contains(b.count),
            !b.contains("X"), !a0.contains("W"), !b.contains("W"), !a0.contains("Q"), !b.contains("Q")
        {
            var a1 = a0
            if a0.hasPrefix("XXXX-"), a0.count > 4, let yb = Int(b.prefix(4)) {
                // "from Feb 1st to March 2019": the first end borrows the second one's year
                let late = b.count > 4 && (Int(a0.dropFirst(5).prefix(2)) ?? 0) > (Int(b.dropFirst(5).prefix(2)) ?? 0)
                a1 = ClaimCalendar.pad(late ? yb - 1 : yb, 4) + a0.dropFirst(4)
            }
            guard !a1.contains("X") else { return nil }
            func first(_ x: String) -> String { x.count == 4 ? x + "-01-01" : x.count == 7 ? x + "-01" : x }
            let fa = first(a1)
            let fb = first(b)
            guard let da = ClaimCalendar.parse(fa), let db = ClaimCalendar.parse(fb), db > da else { return nil }
            if a1.count == 10 || b.count == 10 { return "(\(fa),\(fb),P\(db - da)D)" }
            let (ya, ma, _) = ClaimCalendar.civil(da)
            let (yb, mb, _) = ClaimCalendar.civil(db)
            return "(\(fa),\(fb),P\((yb - ya) * 12 + mb - ma)M)"
        }
        var a = a0
        // "Jan-Feb 2017", "Nov 18-Dec 19, 2015": the first date borrows the second one's year
        if a.hasPrefix("XXXX"), !b.hasPrefix("XXXX"), a.count == b.count {
            let y = Int(b.prefix(4)) ?? 0
            var ya = y
            if let ma = Int(a.dropFirst(5).prefix(2)), let mb = Int(b.dropFirst(5).prefix(2)), ma > mb { ya -= 1 }
            a = ClaimCalendar.pad(ya, 4) + a.dropFirst(4)
        }
        guard a.count == b.count else { return nil }
        switch a.count {
        case 4:
            guard let ya = Int(a), let yb = Int(b), yb > ya else { return nil }
            return "(\(a)-01-01,\(b)-01-01,P\(yb - ya)Y)"
        case 7:
            let ya = Int(a.prefix(4)) ?? 0
            let yb = Int(b.prefix(4)) ?? 0
            guard let ma = Int(a.suffix(2)), let mb = Int(b.suffix(2)) else { return nil }
            var n = (yb - ya) * 12 + mb - ma
            if n <= 0 { n += 12 }
            return "(\(a)-01,\(b)-01,P\(n)M)"
        case 10:
            if let da = ClaimCalendar.parse(a), b.hasPrefix("XXXX-WXX-"), let wd = Int(b.suffix(1)) {
                // "from next Monday to Friday": the first such weekday on or after the start
                let db = da + (wd - ClaimCalendar.weekday(da) + 7) % 7
                return "(\(a),\(ClaimCalendar.string(db)),P\(db - da)D)"
            }
            if a.hasPrefix("XXXX-"), b.hasPrefix("XXXX-"), let ma = Int(a.dropFirst(5).prefix(2)),
                let mb = Int(b.dropFirst(5).prefix(2)), let dA = Int(a.suffix(2)), let dB = Int(b.suffix(2))
            {
                // no year written: count the days in a common year (a leap year when one end is February 29)
                let y = (ma == 2 && dA == 29) || (mb == 2 && dB == 29) ? 2000 : 2001
                let yb = (mb, dB) < (ma, dA) ? y + 1 : y
                guard ClaimCalendar.valid(y, ma, dA), ClaimCalendar.valid(yb, mb, dB) else { return "(\(a),\(b))" }
                return "(\(a),\(b),P\(ClaimCalendar.days(yb, mb, dB) - ClaimCalendar.days(y, ma, dA))D)"
            }
            guard let da = ClaimCalendar.parse(a), let db = ClaimCalendar.parse(b) else {
                return "(\(a),\(b))"
            }
            return "(\(a),\(b),P\(db - da)D)"
        default:
            return nil
        }
    }

    /// A clock-time range: "8-9am", "3 - 8pm", "1pm to 3pm", "10:30-11:45", "between 3 and 8am".
    func timeRange(_ i: Int, prefix: String, weak: Bool = false) -> (end: Int, value: String)? {
        guard isInt(i) || (isNum(i) && t[i].decimal) else { return nil }
        func clock(_ k: Int) -> (h: Int, m: Int?, end: Int, suffix: Int?)? {
            guard isInt(k) else { return nil }
            if t[k].intDigits == 4, t[k].lower.count == 4 {
                let v = Int(t[k].value)
                guard v / 100 <= 23, v % 100 < 60 else { return nil }
                return (v / 100, v % 100, k + 1, nil)
            }
            guard t[k].intDigits <= 2 else { return nil }
            let h = Int(t[k].value)
            guard h <= 24 else { return nil }
            var e = k + 1
            var m: Int?
            if isSym(e, ":"), tight(e), isInt(e + 1), tight(e + 1), t[e + 1].lower.count == 2 {
                m = Int(t[e + 1].value)
                e += 2
            }
            if let s = lx.timeSuffixes.match(t, e, limit),
                !(s.end == e + 1 && dw.loneSuffixLetters.contains(t[e].lower))
            {
                return (h, m, s.end, s.payload)
            }
            return (h, m, e, nil)
        }
        guard let a = clock(i), let w = joiner(a.end, between: isRangeStartAnd(i - 1)), let b = clock(a.end + w)
        else {
            return nil
        }
        if (t[i].intDigits == 4) != (t[a.end + w].intDigits == 4) { return nil }
        if t[i].intDigits == 4 && (t[i].lower.first != "0" && t[a.end + w].lower.first != "0") { return nil }
        let strong =
            a.suffix != nil || b.suffix != nil || a.m != nil || b.m != nil || !prefix.isEmpty
            || (t[i].intDigits == 4 && t[a.end + w].intDigits == 4) || weak
        guard strong, unitAfter(b.end, attachedOK: true) == nil, !isSym(b.end, "%") else { return nil }
        if a.suffix == nil && b.suffix == nil && a.m == nil && b.m == nil && prefix.isEmpty && !weak { return nil }
        var ha = a.h
        var hb = b.h
        if let s = b.suffix { hb = hb == 12 ? (s == 12 ? 12 : 0) : hb + s }
        // An end without a.m./p.m. is the first such hour after a start that has one ("11 am to 3" ends at 15:00);
        // a start without one is the hour that makes the shorter range to an end that has one ("11 to 3am" starts
        // at 23:00, "1 to 3pm" at 13:00).
        func span(_ h1: Int, _ m1: Int?, _ h2: Int, _ m2: Int?) -> Int {
            ((h2 * 60 + (m2 ?? 0)) - (h1 * 60 + (m1 ?? 0)) + 24 * 60 - 1) % (24 * 60) + 1
        }
        if let s = a.suffix {
            ha = ha == 12 ? (s == 12 ? 12 : 0) : ha + s
            if b.suffix == nil, hb >= 1, hb < 12, span(ha, a.m, hb + 12, b.m) < span(ha, a.m, hb, b.m) { hb += 12 }
        } else if b.suffix != nil, ha >= 1, ha < 12, span(ha + 12, a.m, hb, b.m) < span(ha, a.m, hb, b.m) {
            ha += 12
        }
        if b.suffix == nil && a.suffix == nil && hb < ha && hb + 12 > ha { hb += 12 }
        guard ha <= 24, hb <= 24 else { return nil }
        func fmt(_ h: Int, _ m: Int?) -> String {
            "T" + ClaimCalendar.pad(h, 2) + (m.map { ":" + ClaimCalendar.pad($0, 2) } ?? "")
        }
        var mins = (hb * 60 + (b.m ?? 0)) - (ha * 60 + (a.m ?? 0))
        if mins < 0 { mins += 24 * 60 }
        var dur = "PT"
        if mins / 60 > 0 { dur += "\(mins / 60)H" }
        if mins % 60 > 0 { dur += "\(mins % 60)M" }
        return (b.end, "(" + prefix + fmt(ha, a.m) + "," + prefix + fmt(hb, b.m) + "," + dur + ")")
    }

    /// "(2019-07-01,2019-10-01,P3M)" for a quarter (1...4) or, with `months` 6, a half year.
    func quarterRange(_ y: Int, _ q: Int, months: Int = 3) -> String {
        let m0 = (q - 1) * months + 1
        var y1 = y
        var m1 = m0 + months
        if m1 > 12 {
            m1 -= 12
            y1 += 1
        }
        return
            "(\(ClaimCalendar.pad(y, 4))-\(ClaimCalendar.pad(m0, 2))-01,\(ClaimCalendar.pad(y1, 4))-\(ClaimCalendar.pad(m1, 2))-01,P\(months)M)"
    }
}
