#!/usr/bin/env python3
"""Peak memory of `article-annotator-cli stream` over a large JSON Lines input.

Generates articles on the fly (nothing is written to disk), pipes SIZE
megabytes of `{"id", "text"}` lines into the CLI, checks that every input
line is answered once, in order, with its id, and prints the input size,
the time and the CLI's peak resident memory (ru_maxrss of the child).

    tests/benchmarks/stream_memory.py build/bin/article-annotator-cli 1024 [--jobs N]
"""
import json
import random
import resource
import subprocess
import sys
import threading
import time

WORDS = ("the minister said on Tuesday that talks with officials would continue despite the sanctions "
         "imposed last month analysts warned that the economy could slow as exports fell and prices rose "
         "according to a statement from the foreign ministry the president visited the capital for a summit").split()
COUNTRIES = ["China", "Russia", "Ukraine", "Kenya", "Peru", "Germany", "the United States", "Japan", "Brazil", "India"]
NAMES = ["Ana Lima", "Olena Marchuk", "Tomas Berg", "Amara Okafor", "Li Wei", "Sofia Rossi"]
EMOJI = ["\U0001F600", "\U0001F1FA\U0001F1E6", "caf\u00e9", "e\u0301"]


def article(rng: random.Random, size: int) -> str:
    parts = []
    n = 0
    while n < size:
        kind = rng.random()
        if kind < 0.2:
            s = f'"{" ".join(rng.choices(WORDS, k=12))}," {rng.choice(NAMES)} said.'
        elif kind < 0.3:
            s = f'{rng.choice(COUNTRIES)} and {rng.choice(COUNTRIES)} {rng.choice(["met", "signed a deal", "held talks"])} {rng.choice(EMOJI)}.'
        else:
            s = " ".join(rng.choices(WORDS, k=rng.randint(8, 25))).capitalize() + "."
        parts.append(s)
        n += len(s) + 1
        if rng.random() < 0.2:
            parts.append("\r\n\r\n" if rng.random() < 0.5 else "\n\n")
    return " ".join(parts)


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    cli, megabytes = sys.argv[1], int(sys.argv[2])
    extra = sys.argv[3:]
    total = megabytes * 1024 * 1024
    rng = random.Random(20261128)
    pool = [article(rng, rng.randint(2000, 8000)) for _ in range(200)]
    proc = subprocess.Popen([cli, "stream", *extra], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sent = [0, 0]  # bytes, lines

    def feed():
        i = 0
        while sent[0] < total:
            line = (json.dumps({"id": i, "text": pool[i % len(pool)]}, ensure_ascii=False) + "\n").encode()
            proc.stdin.write(line)
            sent[0] += len(line)
            i += 1
        sent[1] = i
        proc.stdin.close()

    start = time.time()
    writer = threading.Thread(target=feed)
    writer.start()
    answered = 0
    in_order = True
    for out in proc.stdout:
        if json.loads(out)["id"] != answered:
            in_order = False
        answered += 1
    writer.join()
    err = proc.stderr.read().decode()
    status = proc.wait()
    seconds = time.time() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"input {sent[0] / 1048576:.0f} MiB, {sent[1]} articles, {answered} results, in order: {in_order}, "
          f"exit {status}, {seconds:.1f} s ({sent[0] / 1048576 / seconds:.1f} MiB/s), peak RSS {peak_kb / 1024:.1f} MiB")
    if err:
        print(err[:2000], file=sys.stderr)
    return 0 if status == 0 and answered == sent[1] and in_order else 1


if __name__ == "__main__":
    sys.exit(main())
