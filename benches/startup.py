#!/usr/bin/env python3
"""Whole-process timings of the release binary, as ratios against `--version` measured in
the same run (the machines are noisy; absolute figures mean little).

    cargo build --release && python3 benches/startup.py [--runs N]

`lookup` must stay within 2x and the drill's first question within 3x of `--version`.
Reports, for each command, the median and p90 wall time, the ratio of the medians to
`--version`, and the peak resident memory (from /usr/bin/time when it is installed).
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "cites-trainer")


def wall(args, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([BIN] + args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.9) - 1]


def peak_kb(args):
    if not os.path.exists("/usr/bin/time"):
        return None
    out = subprocess.run(["/usr/bin/time", "-f", "%M", BIN] + args,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(out.stderr.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    opts = parser.parse_args()
    if not os.path.exists(BIN):
        sys.exit("build first: cargo build --release")
    env = dict(os.environ, NO_COLOR="1")
    os.environ.update(env)
    cases = [
        ("--version (baseline)", ["--version"]),
        ("lookup Manis javanica", ["lookup", "Manis", "javanica"]),
        ("lookup --json Crocodylus porosus", ["lookup", "--json", "Crocodylus porosus"]),
        ("lookup common name", ["lookup", "smooth-coated otter"]),
        ("lookup miss + suggestions", ["lookup", "Manis javanika"]),
        # Standard input is empty: the drill prints its first question, reads end of input
        # and stops, so this is start-to-first-question plus the summary.
        ("drill: start to first question", ["drill", "--seed", "1"]),
        ("card (reads every card)", ["card", "Manis javanica"]),
    ]
    extra = os.environ.get("BENCH_EXTRA_CASES")
    if extra:
        for spec in extra.split(";"):
            label, _, args = spec.partition("=")
            cases.append((label, args.split()))
    # Interleave the cases so that drift in machine load hits them all alike.
    results = {label: [] for label, _ in cases}
    rounds = 10
    for _ in range(rounds):
        for label, args in cases:
            med, _ = wall(args, max(1, opts.runs // rounds))
            results[label].append(med)
    base = statistics.median(results[cases[0][0]])
    print(f"{'command':38} {'median ms':>10} {'ratio':>7} {'peak MB':>8}")
    for label, args in cases:
        med = statistics.median(results[label])
        kb = peak_kb(args)
        mb = f"{kb / 1024:.1f}" if kb else "-"
        print(f"{label:38} {med * 1000:10.2f} {med / base:7.2f} {mb:>8}")

    src = os.path.join(ROOT, "data", "sources", "index-of-cites-species-2017-04-21.csv.gz")
    with tempfile.TemporaryDirectory() as tmp:
        times = []
        for _ in range(3):
            shutil.rmtree(os.path.join(tmp, "catalog"), ignore_errors=True)
            start = time.perf_counter()
            subprocess.run([BIN, "checklist", "import", src, "--into", tmp],
                           stdout=subprocess.DEVNULL, check=True)
            times.append(time.perf_counter() - start)
        print(f"checklist import of the full 2017 export: median {statistics.median(times):.2f} s "
              f"({statistics.median(times) / base:.0f}x --version)")
    size = os.path.getsize(BIN)
    print(f"release binary: {size / 1024 / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
