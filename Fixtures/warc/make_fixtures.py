#!/usr/bin/env python3
"""Writes the tiny web archives the tests read. Run from this folder: python3 make_fixtures.py

crawl.warc.gz   one gzip member per record, as crawlers write them:
  1 warcinfo                      (passed over)
  2 request for /story            (passed over)
  3 response 200 text/html        chunked and gzip-encoded payload: the article
  4 response 200 image/png        (passed over)
  5 response 404 text/html        (passed over)
  6 resource text/plain           a plain-text article stored as a resource record
  7 response 200 text/html        a second article, plain payload
crawl.warc      the same records, uncompressed
truncated.warc.gz  the first four records, the fourth cut short
The output is deterministic (gzip members carry no timestamp).
"""
import gzip
import io

ARTICLE = """<!DOCTYPE html><html><head><title>Port strike ends</title>
<meta property="article:published_time" content="2021-03-04T08:00:00Z"></head>
<body><nav>Home | World | Business</nav><article><h1>Port strike ends after five days</h1>
<p>Dock workers returned to work on Thursday after a five-day strike that held up 120 ships.</p>
<p>\u2018We got what we came for,\u2019 said union leader Maria Okafor. \u2018The deal protects 3,000 jobs.\u2019</p>
<p>The port authority said the backlog would take about two weeks to clear.</p></article>
<footer>Share this article</footer></body></html>"""

SECOND = """<html><head><title>Rates</title></head><body><article>
<p>The central bank raised its main rate by 0.25 percentage points to 4.5%, its governor said on Monday.</p>
<p>"Inflation is still too high," said Governor Lena Brandt.</p></article></body></html>"""

PLAIN = """Council approves budget

The city council approved a $42 million budget on Tuesday. "It is a careful plan," Mayor Tom Reyes said.
"""


def http_response(status, reason, headers, body):
    head = f"HTTP/1.1 {status} {reason}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return head.encode() + body


def chunked(data, size=200):
    out = b""
    for i in range(0, len(data), size):
        part = data[i:i + size]
        out += f"{len(part):x}\r\n".encode() + part + b"\r\n"
    return out + b"0\r\n\r\n"


def record(kind, uri, date, content_type, block, rid):
    headers = [("WARC-Type", kind), ("WARC-Record-ID", f"<urn:uuid:00000000-0000-0000-0000-{rid:012d}>"),
               ("WARC-Date", date)]
    if uri:
        headers.append(("WARC-Target-URI", uri))
    headers += [("Content-Type", content_type), ("Content-Length", str(len(block)))]
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return head.encode() + block + b"\r\n\r\n"


def records():
    story = gzip.compress(ARTICLE.encode("utf-8"), mtime=0)
    http = "application/http; msgtype=response"
    return [
        record("warcinfo", None, "2021-03-05T10:00:00Z", "application/warc-fields",
               b"software: hearsay fixture\r\nformat: WARC File Format 1.0\r\n", 1),
        record("request", "https://news.example/story", "2021-03-05T10:00:01Z", "application/http; msgtype=request",
               b"GET /story HTTP/1.1\r\nHost: news.example\r\n\r\n", 2),
        record("response", "https://news.example/story", "2021-03-05T10:00:01Z", http,
               http_response(200, "OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip"),
                                         ("Transfer-Encoding", "chunked")], chunked(story)), 3),
        record("response", "https://news.example/logo.png", "2021-03-05T10:00:02Z", http,
               http_response(200, "OK", [("Content-Type", "image/png")], b"\x89PNG\r\n\x1a\n" + bytes(range(64))), 4),
        record("response", "https://news.example/gone", "2021-03-05T10:00:03Z", http,
               http_response(404, "Not Found", [("Content-Type", "text/html")], b"<html><body>Not found</body></html>"), 5),
        record("resource", "file:///notes/council.txt", "2021-03-06T09:30:00Z", "text/plain; charset=utf-8",
               PLAIN.encode("utf-8"), 6),
        record("response", "https://news.example/rates", "2021-03-08T12:00:00Z", http,
               http_response(200, "OK", [("Content-Type", "text/html")], SECOND.encode("utf-8")), 7),
    ]


def member(data):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="") as g:
        g.write(data)
    return buf.getvalue()


recs = records()
with open("crawl.warc.gz", "wb") as f:
    for r in recs:
        f.write(member(r))
with open("crawl.warc", "wb") as f:
    f.write(b"".join(recs))
cut = b"".join(member(r) for r in recs[:3]) + member(recs[3])[:40]
with open("truncated.warc.gz", "wb") as f:
    f.write(cut)
