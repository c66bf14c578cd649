#!/usr/bin/env python3
"""Print the units table of docs/claims.md from Sources/Hearsay/Resources/claims-units.json (Markdown).

usage: scripts/claims-units-table.py [UNITS.json]
Paste the output between the `<!-- units -->` markers of docs/claims.md; ClaimDocsTests checks that every unit of the
resource is listed there.
"""
import json, sys

path = sys.argv[1] if len(sys.argv) > 1 else "Sources/Hearsay/Resources/claims-units.json"
units = json.load(open(path, encoding="utf-8"))["units"]
rows = {}
order = []
for u in units:
    key = (u["kind"], u["unit"])
    if key not in rows:
        rows[key] = []
        order.append(key)
    forms = rows[key]
    for f in (u.get("prefixes") or []) + (u.get("names") or []) + (u.get("attached") or []):
        f = f.strip()
        if f and f not in forms:
            forms.append(f)
print("| kind | unit | forms (the first few) |")
print("| --- | --- | --- |")
for kind, unit in sorted(order, key=lambda k: ((["money", "percent", "measure", "duration", "count"] + [k[0]]).index(k[0]), k[1].lower())):
    forms = rows[(kind, unit)]
    shown = ", ".join("`%s`" % f.replace("|", "\\|") for f in forms[:6])
    more = " (+%d)" % (len(forms) - 6) if len(forms) > 6 else ""
    print("| %s | `%s` | %s%s |" % (kind, unit.replace("|", "\\|"), shown, more))
