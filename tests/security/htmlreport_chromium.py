#!/usr/bin/env python3
"""The HTML report, opened in a real browser, runs nothing it was handed.

An article and its annotations full of planted markup (<script> elements,
onerror/onload handlers on img and svg, javascript: links, quotes and
ampersands in attributes, in speaker names, roles, country codes, event times
and user type names) are exported as an HTML report by the command-line
program, and the report is opened in headless Chromium. Every planted script
would, if it ran, leave a mark in the DOM (a changed document title, an
element with a pwned-* id, a data-pwned-* attribute); the DOM Chromium dumps
must show none of them, and it must show the article's text, so a page that
did not render at all fails too.

Two more pages check the checker and the report's Content-Security-Policy:
the raw payloads pasted into a plain page must leave their marks (or the
test could not see a script run), and the same payloads pasted into the
report's own head, as a missed escape would leave them, must not (the
policy alone stops them).

Usage: htmlreport_chromium.py --cli PATH [--chromium PATH] [--keep DIR]
"""

import argparse
import hashlib
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

# Each payload marks the DOM in its own way if it runs.
SCRIPT = "<script>document.title='PWNED-script'</script>"
IMG = "<img src=x onerror=\"document.body.setAttribute('data-pwned-img','1')\">"
SVG = ("<svg onload=\"var d=document.createElement('div');d.id='pwned-svg';"
       "document.body.appendChild(d)\"><circle r=\"3\"/></svg>")
BODY_ONLOAD = ("<body onload=\"document.documentElement.setAttribute("
               "'data-pwned-body','1')\">")
JS_LINK = ("[the ministry's statement](javascript:document.body.setAttribute("
           "'data-pwned-link','1'))")
# Breaks out of a double-quoted attribute (the report's title="...").
ATTR_DOUBLE = ("\" onmouseover=\"document.body.setAttribute('data-pwned-attr','1')\" "
               "x=\"")
ATTR_SINGLE = "' autofocus onfocus='document.body.setAttribute(\"data-pwned-sq\",\"1\")' x='"
ATTR_TAG = "\"><img src=y onerror=\"document.body.setAttribute('data-pwned-name','1')\">"
STYLE_BREAK = "red}</style><script>document.title='PWNED-style'</script><style>"

ARTICLE = (
    "# Harbour council delays vote on ferry fares & tolls\n"
    "\n"
    "The harbour council of Portvale put off its vote on ferry fares on "
    "Tuesday after a member pasted a web page into the minutes. The page "
    "held " + SCRIPT + " and a picture tag, " + IMG + ", that nobody could "
    "explain.\n"
    "\n"
    "\"We will not vote on a document that runs code,\" said Ines Fairweather, "
    "the council's chair. She pointed to " + JS_LINK + " and to a drawing, "
    + SVG + ", that the clerk had copied from a supplier's site.\n"
    "\n"
    "Norway and Chile sent observers. \"Fares rise by 5 % & tolls by 3 %,\" "
    "said Tom O'Brien \"the Elder\", a ferry operator, who added that "
    + BODY_ONLOAD + " was \"not something a ferry company writes\".\n"
    "\n"
    "The vote is now expected in March.\n"
)

SPEAKER_NAME = "Ines \"Chair\" Fairweather & Co " + ATTR_TAG
SPEAKER_ROLE = "chair " + ATTR_DOUBLE + " & " + ATTR_SINGLE
OPERATOR_NAME = "Tom O'Brien \"the Elder\" " + SCRIPT
COUNTRY_CODE = "NO" + ATTR_DOUBLE
EVENT_TIME = "March " + IMG
TYPE_NAME = "Claim " + SVG
TYPE_COLOR = STYLE_BREAK
FILE_NAME = "ferry fares & \"tolls\" 'draft' <img src=z onerror=document.title=1>.md"

ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3",
                "p", "span", "div", "br", "ul", "li", "table", "tbody", "tr", "th",
                "td", "b"}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "background",
             "poster", "srcset"}


class Dom(html.parser.HTMLParser):
    """Elements, attributes and text of one page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []          # (tag, {attr: value})
        self.text = []          # all text outside <style>/<title>
        self.title = ""
        self.article = []       # text inside <div class="article">
        self._stack = []
        self._article_depth = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("br", "meta", "img", "circle"):
            return
        self._stack.append(tag)
        if tag == "div" and dict(attrs).get("class") == "article" and self._article_depth is None:
            self._article_depth = len(self._stack)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in self._stack:
            while self._stack:
                popped = self._stack.pop()
                if self._article_depth is not None and len(self._stack) < self._article_depth:
                    self._article_depth = None
                if popped == tag:
                    break

    def handle_data(self, data):
        inner = self._stack[-1] if self._stack else ""
        if inner == "title":
            self.title += data
        elif inner not in ("style", "script"):
            self.text.append(data)
            if self._article_depth is not None:
                self.article.append(data)


def parse(text):
    dom = Dom()
    dom.feed(text)
    dom.close()
    return dom


def marks(dom):
    """The traces a planted script would have left."""
    found = []
    if "PWNED" in dom.title or dom.title.strip() == "1":
        found.append("title changed to %r" % dom.title)
    for tag, attrs in dom.tags:
        for name, value in attrs.items():
            if name.startswith("data-pwned"):
                found.append("<%s %s>" % (tag, name))
            if name == "id" and (value or "").startswith("pwned"):
                found.append("<%s id=%s>" % (tag, value))
    return found


def unsafe(dom):
    """Elements and attributes a report must never contain."""
    found = []
    for tag, attrs in dom.tags:
        if tag == "script":
            found.append("a <script> element")
        if tag not in ALLOWED_TAGS:
            found.append("a <%s> element" % tag)
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append("an %s attribute on <%s>" % (name, tag))
            if name in URL_ATTRS and "javascript:" in (value or "").replace(" ", "").lower():
                found.append("a javascript: %s on <%s>" % (name, tag))
            if name in URL_ATTRS:
                found.append("a %s attribute on <%s> (the report loads and links nothing)" % (name, tag))
    return found


def chromium_dom(chromium, page, workdir):
    profile = tempfile.mkdtemp(prefix="profile-", dir=workdir)
    try:
        cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
               "--virtual-time-budget=3000", "--dump-dom", "file://" + os.path.abspath(page)]
        run = subprocess.run(cmd, capture_output=True, timeout=180, check=False)
        if run.returncode != 0 or not run.stdout.strip():
            sys.exit("chromium failed on %s (exit %d):\n%s" % (page, run.returncode,
                                                              run.stderr.decode(errors="replace")[-3000:]))
        return run.stdout.decode("utf-8")
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def cp_len(s):
    return len(s)  # Python strings count code points, as the sidecar does


def span(text, needle, start=0):
    at = ARTICLE.index(needle, start)
    return at, at + cp_len(needle)


def sidecar():
    ann = []

    def add(aid, type_, needle, **extra):
        s, e = span(ARTICLE, needle)
        a = {"id": aid, "type": type_, "start": s, "end": e, "text": needle,
             "origin": "manual", "status": "accepted"}
        a.update(extra)
        ann.append(a)

    add("a1", "Speaker", "Ines Fairweather", entity="e1", attributes={"role": SPEAKER_ROLE})
    add("a2", "Quote", "We will not vote on a document that runs code,", saidBy="e1")
    add("a3", "Country", "Norway", attributes={"code": COUNTRY_CODE})
    add("a4", "Country", "Chile", attributes={"code": "CL"})
    add("a5", "Speaker", "Tom O'Brien \"the Elder\"", entity="e2")
    add("a6", "Quote", "Fares rise by 5 % & tolls by 3 %,", saidBy="e2")
    add("a7", "Event", "vote", entity="e3")
    add("a8", TYPE_NAME, SCRIPT)  # a user type over the planted script text
    add("a9", "Quote", "not something a ferry company writes", saidBy="e2")
    ann.sort(key=lambda a: (a["start"], -a["end"]))
    return {
        "format": "article-annotator",
        "version": 1,
        "article": {"name": FILE_NAME,
                    "sha256": hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest(),
                    "length": cp_len(ARTICLE)},
        "types": [{"name": TYPE_NAME, "color": TYPE_COLOR, "key": "5"}],
        "entities": [
            {"id": "e1", "type": "Speaker", "name": SPEAKER_NAME,
             "attributes": {"kind": "person", "role": SPEAKER_ROLE, ATTR_TAG: "key"}},
            {"id": "e2", "type": "Speaker", "name": OPERATOR_NAME,
             "attributes": {"kind": "person", "role": "operator " + ATTR_SINGLE}},
            {"id": "e3", "type": "Event", "name": "ferry fare vote " + BODY_ONLOAD,
             "attributes": {"time": EVENT_TIME}},
        ],
        "annotations": ann,
        "orphans": [],
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    ap.add_argument("--keep", help="also copy the pages here, to look at them")
    args = ap.parse_args()
    if not os.path.exists(args.chromium):
        sys.exit("chromium not found at %s (scripts/env.sh installs it in the build root)" % args.chromium)

    failures = []
    with tempfile.TemporaryDirectory(prefix="htmlreport-") as work:
        article = os.path.join(work, FILE_NAME)
        with open(article, "w", encoding="utf-8", newline="") as f:
            f.write(ARTICLE)
        with open(article + ".annotations.json", "w", encoding="utf-8") as f:
            json.dump(sidecar(), f, ensure_ascii=False, indent=1)
        report = os.path.join(work, "report.html")
        run = subprocess.run([args.cli, "export", "--format", "html", "--output", report, article],
                             capture_output=True, timeout=120, check=False)
        if run.returncode != 0 or not os.path.exists(report):
            sys.exit("export failed (exit %d): %s" % (run.returncode, run.stderr.decode(errors="replace")))
        if b"could not be placed" in run.stderr or b"orphan" in run.stderr.lower():
            sys.exit("the hand-written sidecar did not fit the article: " + run.stderr.decode(errors="replace"))
        with open(report, encoding="utf-8") as f:
            report_text = f.read()

        # 1. The report as written: nothing executable, every annotation used.
        static = parse(report_text)
        for problem in unsafe(static):
            failures.append("report file: " + problem)
        csp = [a for t, a in static.tags if t == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy"]
        if not csp:
            failures.append("report file: no Content-Security-Policy <meta>")
        else:
            policy = csp[0].get("content", "")
            for need in ("default-src 'none'",):
                if need not in policy:
                    failures.append("report file: the policy %r lacks %s" % (policy, need))
            if "script-src" in policy or "unsafe-eval" in policy:
                failures.append("report file: the policy %r allows scripts" % policy)
        for needle in (SPEAKER_NAME, OPERATOR_NAME, "Norway", "Chile"):
            if needle not in "".join(static.text):
                failures.append("report file: %r is missing from the report's text" % needle)

        # 2. Chromium renders the report: no marks, the article's text intact.
        dom_text = chromium_dom(args.chromium, report, work)
        dom = parse(dom_text)
        for mark in marks(dom):
            failures.append("report in Chromium: a planted script ran: " + mark)
        for problem in unsafe(dom):
            failures.append("report in Chromium: " + problem)
        if "".join(dom.article) != ARTICLE:
            failures.append("report in Chromium: the article's text is not shown as written "
                            "(%d characters shown, %d written)" % (len("".join(dom.article)), len(ARTICLE)))
        if "Article Annotator report" not in dom.title:
            failures.append("report in Chromium: the title is %r" % dom.title)
        for needle in ("Speakers", SPEAKER_NAME, OPERATOR_NAME, "Countries", "Events", EVENT_TIME):
            if needle not in "".join(dom.text):
                failures.append("report in Chromium: %r is not shown" % needle)

        # 3. The checker sees a script run: raw payloads in a plain page.
        payloads = [SCRIPT, IMG, SVG, "<p title=\"" + ATTR_TAG + "\">x</p>"]
        control = os.path.join(work, "control.html")
        with open(control, "w", encoding="utf-8") as f:
            f.write("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>control</title></head>\n"
                    "<body><p>control</p>\n" + "\n".join(payloads) + "\n</body></html>\n")
        control_marks = marks(parse(chromium_dom(args.chromium, control, work)))
        for expected in ("title changed", "data-pwned-img", "pwned-svg", "data-pwned-name"):
            if not any(expected in m for m in control_marks):
                failures.append("control page: the payload marking %r did not run, so the check "
                                "above proves nothing (marks seen: %s)" % (expected, control_marks))

        # 4. The policy alone stops a missed escape: the same payloads pasted
        # into the report just after its policy.
        cut = report_text.index("<title>")
        broken = os.path.join(work, "missed-escape.html")
        with open(broken, "w", encoding="utf-8") as f:
            f.write(report_text[:cut] + "\n".join(payloads) + report_text[cut:])
        broken_dom = parse(chromium_dom(args.chromium, broken, work))
        for mark in marks(broken_dom):
            failures.append("report with a missed escape: the policy let a script run: " + mark)
        if "".join(broken_dom.article) != ARTICLE:
            failures.append("report with a missed escape: the article is not shown")

        if args.keep:
            os.makedirs(args.keep, exist_ok=True)
            for name in ("report.html", "control.html", "missed-escape.html"):
                shutil.copy(os.path.join(work, name), args.keep)
            with open(os.path.join(args.keep, "report.dom.html"), "w", encoding="utf-8") as f:
                f.write(dom_text)

    if failures:
        print("FAILED:\n  " + "\n  ".join(failures))
        return 1
    print("ok: report exported and rendered in Chromium; %d planted payloads, none ran; "
          "the control page showed %d marks; the policy stopped a missed escape"
          % (len(payloads) + 5, len(control_marks)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
