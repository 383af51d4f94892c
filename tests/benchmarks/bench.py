#!/usr/bin/env python3
"""Runs every benchmark of Article Annotator and prints each ratio with its
target, one per line; exits non-zero when a target is missed.

    scripts/bench            full sizes (50 MB recognition, 1 GB stream, 5 MB GUI)
    scripts/bench --short    CI sizes; a ratio fails only when it misses its
                             target by more than 25 percent

Every ratio is taken within one run, so it holds on a noisy machine.
"""
import json
import os
import resource
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.join(ROOT, "build", "bin")
SHORT = "--short" in sys.argv
# In --short mode a ratio fails only when it misses its target by more than
# this fraction of the target (1.2 allows up to 1.5; 60 allows down to 45).
SLACK = 0.25 if SHORT else 0.0
results = []


def bench(binary, pattern, repetitions=1):
    out = subprocess.run([os.path.join(BIN, binary), "--benchmark_filter=" + pattern, "--benchmark_format=json",
                          "--benchmark_repetitions=%d" % repetitions, "--benchmark_report_aggregates_only=%s" % ("true" if repetitions > 1 else "false")],
                         check=True, capture_output=True, text=True).stdout
    rows = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("aggregate_name", "median") != "median" and repetitions > 1:
            continue
        name = b["run_name"] if "run_name" in b else b["name"]
        rows[name] = b
    return rows


def check(name, value, target, higher_is_better, unit="x"):
    """The one line every step prints per figure: name, value, target, verdict.
    Every step reports through here, so the exit status counts them all."""
    met = value >= target if higher_is_better else value <= target
    limit = target * (1 - SLACK) if higher_is_better else target * (1 + SLACK)
    ok = value >= limit if higher_is_better else value <= limit
    sign = ">=" if higher_is_better else "<="
    results.append("met" if met else "allowed" if ok else "failed")
    verdict = "ok" if met else ("missed, within the 25 % --short allows" if ok else "MISSED")
    print("%-58s %10.2f%s  target %s %g%s  %s" % (name, value, unit, sign, target, unit, verdict), flush=True)


def seconds(row):
    unit = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[row["time_unit"]]
    # CPU time of the benchmark thread: steadier than wall time on a shared machine.
    return row["cpu_time"] * unit


def recognition():
    big = (8 << 20) if SHORT else (50 << 20)
    rows = bench("recognition_bench", "BM_Pipeline/(10240|%d)" % big)
    small = rows["BM_Pipeline/10240"]["words/s"]
    large = rows["BM_Pipeline/%d" % big]["words/s"]
    check("recognition words/s at 10 KB (millions)", small / 1e6, 1.0, True, " M")
    check("recognition per-word cost %d MB / 10 KB" % (big >> 20), small / large, 1.2, False)
    return rows


def lexicon():
    # The personal lexicon (issue 4): an empty one must cost nothing, a large
    # one little. CPU time medians of three, in one run.
    size = 1 << 20
    rows = bench("recognition_bench", "BM_Pipeline(WithLexicon)?/%d" % size, repetitions=3)
    plain = seconds(rows["BM_Pipeline/%d" % size])
    check("recognition with an empty personal lexicon / without", seconds(rows["BM_PipelineWithLexicon/%d/0/0" % size]) / plain, 1.1, False)
    check("recognition with 1,000 lexicon entries / without", seconds(rows["BM_PipelineWithLexicon/%d/1000/0" % size]) / plain, 1.5, False)
    check("the same, entries matching all over the text", seconds(rows["BM_PipelineWithLexicon/%d/1000/1" % size]) / plain, 1.5, False)


def compromise():
    if SHORT and "compromise" not in sys.argv:
        print("%-58s skipped in --short mode (needs node and npm)" % "recognition speed against compromise", flush=True)
        return
    corpus = os.path.join(tempfile.gettempdir(), "annotator-bench-corpus.txt")
    size = 1 << 20
    subprocess.run([os.path.join(BIN, "recognition_bench"), "--write-corpus", corpus, str(size)], check=True)
    ours = bench("recognition_bench", "BM_Pipeline/%d" % size)["BM_Pipeline/%d" % size]["words/s"]
    out = subprocess.run([os.path.join(ROOT, "tests", "benchmarks", "compromise-bench.sh"), corpus, "1"],
                         check=True, capture_output=True, text=True).stdout
    theirs = json.loads(out.strip().splitlines()[-1])["wordsPerSecond"]
    check("recognition speed against compromise (same 1 MB)", ours / theirs, 60, True)


def store():
    # Median of five runs of each size: one run on a shared machine can be
    # off by more than the 20 % the target allows.
    rows = bench("store_bench", ".", repetitions=5)
    for what, small, large in (("save", 10000, 100000), ("load", 10000, 100000), ("re-anchor", 1000, 10000)):
        key = {"save": "BM_SaveSidecar", "load": "BM_LoadSidecar", "re-anchor": "BM_Reanchor"}[what]
        # Per annotation from items/s: a re-anchoring iteration may place
        # several copies of its annotations (see store_bench.cpp).
        per_small = 1 / rows["%s/%d" % (key, small)]["items_per_second"]
        per_large = 1 / rows["%s/%d" % (key, large)]["items_per_second"]
        check("store %s per annotation, %d / %d" % (what, large, small), per_large / per_small, 1.2, False)


def gui():
    big = (1 << 20) if SHORT else (5 << 20)
    rows = bench("gui_bench", "BM_Open.*/(7168|%d)" % big)
    for size, label in ((7168, "7 KB"), (big, "%d MB" % (big >> 20))):
        # Process CPU time (MeasureProcessCPUTime): the window reads a large
        # article's annotations on a worker thread.
        opened = rows["BM_OpenAnnotated/%d/process_time" % size]
        bare = rows["BM_OpenBareEditor/%d/process_time" % size]
        ratio = seconds(opened) / seconds(bare)
        check("GUI open to highlighted, %s, against bare editor" % label, ratio, 1.5, False)
    rows = bench("gui_bench", "BM_EditAnnotation/(51200|%d)" % big)
    ratio = seconds(rows["BM_EditAnnotation/%d" % big]) / seconds(rows["BM_EditAnnotation/51200"])
    check("GUI time per edit, %d MB / 50 KB" % (big >> 20), ratio, 2.0, False)


def memory():
    size = (1 << 20) if SHORT else (5 << 20)
    with tempfile.TemporaryDirectory() as tmp:
        article = os.path.join(tmp, "big.md")
        empty = os.path.join(tmp, "empty.md")
        open(empty, "w").close()
        subprocess.run([os.path.join(BIN, "gui_bench"), "--prepare", str(size), article], check=True, capture_output=True)
        # The baseline is the window with no article open. Not an empty
        # article: opening one runs the recognisers, which load their
        # lexicons (some 27 MB) that opening an annotated article never
        # loads, so subtracting them flattered the ratio.
        base = int(subprocess.run([os.path.join(BIN, "gui_bench"), "--memory"], check=True, capture_output=True, text=True).stdout.split()[-1])
        peak = int(subprocess.run([os.path.join(BIN, "gui_bench"), "--memory", article], check=True, capture_output=True, text=True).stdout.split()[-1])
        check("GUI peak memory above baseline / file size (%d MB)" % (size >> 20), (peak - base) * 1024 / os.path.getsize(article), 10, False)
        # For comparison only (no target): what the bare editor alone, a
        # QPlainTextEdit with KSyntaxHighlighting, takes for the same file,
        # and a plain QPlainTextEdit without highlighting (the text held in a
        # QTextDocument, as the window holds it).
        for mode, label in (("--memory-bare", "bare editor's"), ("--memory-plain", "plain QPlainTextEdit's")):
            peaks = [int(subprocess.run([os.path.join(BIN, "gui_bench"), mode, f], check=True, capture_output=True,
                                        text=True).stdout.split()[-1]) for f in (empty, article)]
            print("%-58s %10.2fx  (no target; for comparison)" % ("  %s peak above its baseline / file size" % label,
                                                                (peaks[1] - peaks[0]) * 1024 / os.path.getsize(article)), flush=True)


def stream():
    size = (64 << 20) if SHORT else (1 << 30)
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "stream.jsonl")
        subprocess.run([os.path.join(BIN, "recognition_bench"), "--write-jsonl", data, str(size)], check=True)
        # A fresh process runs the stream alone, so the peak is the stream's
        # and not the generator's that ran before it.
        probe = ("import resource,subprocess,sys\n"
                 "subprocess.run([sys.argv[1], 'stream'], stdin=open(sys.argv[2], 'rb'), stdout=subprocess.DEVNULL, check=True)\n"
                 "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
        peak = int(subprocess.run([sys.executable, "-c", probe, os.path.join(BIN, "article-annotator-cli"), data],
                                  check=True, capture_output=True, text=True).stdout.split()[-1])
        before = 0
        check("stream peak memory over %d MB of JSON Lines (MB)" % (size >> 20), max(peak, before) / 1024, 200, False, " MB")


if __name__ == "__main__":
    steps = [recognition, lexicon, compromise, store, gui, memory, stream]
    only = [a for a in sys.argv[1:] if not a.startswith("--")]
    names = [step.__name__ for step in steps]
    bad = [a for a in sys.argv[1:] if a != "--short" and a not in names]
    if bad:  # a misspelt step would otherwise run nothing and pass
        print("bench: unknown %s; usage: scripts/bench [--short] [%s]" % (" ".join(bad), " ".join(names)))
        sys.exit(2)
    for step in steps:
        if only and step.__name__ not in only:
            continue
        try:
            step()
        except Exception as e:  # a benchmark that cannot run is a missed target
            print("%-58s could not run: %s" % (step.__name__, e), flush=True)
            results.append("failed")
    failed = results.count("failed")
    print("bench: %d of %d targets met%s" % (results.count("met"), len(results),
          ", %d missed within the --short allowance" % results.count("allowed") if results.count("allowed") else ""))
    sys.exit(1 if failed else 0)
