"""Benchmark: what corpus loading costs, with and without the cleaning of site chrome.

Times ``list(analysis.io.corpus.iter_records(CORPUS, clean=...))`` (reading, datelines, and with
``clean`` the outlet profile and the cleaning of every record) in a fresh process per run, so
caches start cold, and prints the best wall and CPU seconds of ``--repeat`` runs and the peak
resident memory of each configuration. ``--code DIR`` times another checkout (e.g. main) with
the same interpreter, for a before/after.

Usage:
    python benchmarks/loading.py                                   # FA-KES, this checkout
    python benchmarks/loading.py --code /work/main                 # the same on another checkout
    python benchmarks/loading.py --corpus big.jsonl --repeat 1     # any corpus
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FAKES = ROOT.parent / "shared" / "data" / "FA-KES-Dataset.csv"

CHILD = """
import json, resource, sys, time
from analysis.io.corpus import iter_records
t0, c0 = time.perf_counter(), time.process_time()
n = sum(1 for _ in iter_records(sys.argv[1], clean=sys.argv[2] == "1"))
print(json.dumps({"records": n, "wall": time.perf_counter() - t0, "cpu": time.process_time() - c0,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run_once(corpus: Path, clean: bool, code: Path) -> dict:
    """One fresh process loading the corpus; its wall, CPU and peak memory."""
    env = dict(os.environ, PYTHONPATH=str(code))
    out = subprocess.run([sys.executable, "-c", CHILD, str(corpus), "1" if clean else "0"], env=env,
                         capture_output=True, text=True, check=True, cwd=code)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=FAKES)
    ap.add_argument("--code", type=Path, default=ROOT, help="checkout whose analysis package is timed")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    load = os.getloadavg()[0]
    print(f"corpus {args.corpus.name}, code {args.code}, load average {load:.1f}")
    print("| clean | records | wall s (best) | CPU s (best) | peak MB |")
    print("| --- | --- | --- | --- | --- |")
    for clean in (False, True):
        runs = [run_once(args.corpus, clean, args.code.resolve()) for _ in range(args.repeat)]
        print(f"| {clean} | {runs[0]['records']} | {min(r['wall'] for r in runs):.2f} | "
              f"{min(r['cpu'] for r in runs):.2f} | {max(r['peak_mb'] for r in runs):.0f} |")


if __name__ == "__main__":
    main()
