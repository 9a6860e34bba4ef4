"""Benchmarks: throughput, peak memory and per-stage time of the extraction.

Runs each configuration in its own subprocess, so each peak is its own:

* ``local``, ``dask-1``, ``dask-2``: ``analysis.run.pipeline.extract_to_dir`` (what
  ``python -m analysis extract`` runs) with the local engine or Dask with 1 or 2 workers;
* ``nltk``: the reference point "plain NLTK": the same streaming corpus reader, then Punkt
  sentence splitting and ``NLTKWordTokenizer`` word tokenisation of every title and text,
  nothing else;
* ``naive``: ``benchmarks/naive_casualties.py``, one regular expression over each text.

on FA-KES (804 reports) and on a scaled corpus (FA-KES repeated to ``--scale`` reports with
unique ids, written as JSONL under ``benchmarks/results/``, never committed).

Measured per run: ``seconds`` (wall time of the work itself, after imports; for Dask it
includes starting the LocalCluster), documents per second, CPU seconds of the whole process
tree (``getrusage(RUSAGE_CHILDREN)``, startup included), peak resident memory of the whole
process tree (driver plus Dask workers, sampled every 50 ms with psutil) and the driver's own
``ru_maxrss``; for the extraction, seconds per stage (``load`` on the driver; ``sentences``,
``claims``, ``actors`` = mentions + attributions, ``framing`` = labels + frames, ``tone``
summed over documents on whichever process ran them; ``write``). ``x nltk`` is the run's
seconds over the ``nltk`` reference's seconds on the same corpus in the same invocation.

Writes ``benchmarks/results/benchmarks.{csv,md,png}`` (git-ignored); ``--publish`` also copies
the Markdown table to ``benchmarks/RESULTS.md``.

Usage:
    python benchmarks/run.py                       # FA-KES and 50,000 reports, every run
    python benchmarks/run.py --scale 0             # FA-KES only (about two minutes)
    python benchmarks/run.py --scale 50000 --runs nltk,naive,local,dask-2,dask-1 --publish
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run from a checkout without installing the package

BENCH_DIR = ROOT / "benchmarks"
RESULTS_DIR = BENCH_DIR / "results"
FAKES = ROOT.parent / "shared" / "data" / "FA-KES-Dataset.csv"
RUNS = ("nltk", "naive", "local", "dask-1", "dask-2")
EXTRACT_RUNS = {"local": ("local", None), "dask-1": ("dask", 1), "dask-2": ("dask", 2)}
#: Stage columns of the table and the pipeline stages each one sums.
STAGE_GROUPS = {
    "load": ("load",),
    "sentences": ("sentences",),
    "claims": ("claims",),
    "actors": ("mentions", "attributions"),
    "framing": ("labels", "frames"),
    "tone": ("tone",),
    "write": ("write",),
}
COLUMNS = [
    "corpus", "run", "n_documents", "seconds", "docs_per_s", "x_nltk", "cpu_s", "x_nltk_cpu", "peak_mb", "driver_maxrss_mb",
    *[f"s_{g}" for g in STAGE_GROUPS], "started", "load_avg",
]


# --------------------------------------------------------------------------- scaled corpus


def make_scaled_corpus(source: Path, n: int, out: Path) -> Path:
    """Write FA-KES repeated to ``n`` reports as JSONL, ids made unique (``fakes-12-r003``).

    Reads the source with the project's loader (so texts are the normalised ones) and writes
    each repetition in input order; an existing file with ``n`` lines is reused.

    Example:
        >>> make_scaled_corpus(FAKES, 2000, Path("/tmp/scaled-2000.jsonl"))   # doctest: +SKIP
        PosixPath('/tmp/scaled-2000.jsonl')
    """
    from analysis.io.corpus import iter_records

    if out.is_file():
        with open(out, encoding="utf-8") as fh:
            if sum(1 for _ in fh) == n:
                return out
    records = [r for r in iter_records(source) if r.reason is None and r.text.strip()]
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        for k in range(n):
            r = records[k % len(records)]
            rec = {"doc_id": f"{r.doc_id}-r{k // len(records):03d}", "title": r.title, "text": r.text,
                   "source": r.source, "date": r.date, **{key: v for key, v in r.meta.items() if key != "date_raw"}}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    tmp.replace(out)
    return out


# --------------------------------------------------------------------------- one run (child process)


def child(kind: str, corpus: Path, result: Path, *, workers: int | None, partition_size: int) -> None:
    """Run one configuration in this process and write its JSON result."""
    out: dict[str, Any] = {}
    if kind == "nltk":
        from analysis.extract.text import sentence_splitter, word_tokenizer
        from analysis.io.corpus import iter_records

        splitter, tokenizer = sentence_splitter(), word_tokenizer()
        t0 = time.perf_counter()
        n_docs = n_tokens = 0
        for r in iter_records(corpus):
            if r.reason is not None or not r.text.strip():
                continue
            n_docs += 1
            for part in (r.title, r.text):
                for sent in splitter.tokenize(part or ""):
                    n_tokens += len(tokenizer.tokenize(sent))
        out = {"n_documents": n_docs, "n_tokens": n_tokens, "seconds": time.perf_counter() - t0}
    else:
        from analysis.run.pipeline import extract_to_dir

        engine, n_workers = EXTRACT_RUNS[kind]
        timings: dict[str, float] = {}
        tmp = Path(tempfile.mkdtemp(prefix=f"bench-{kind}-"))
        try:
            t0 = time.perf_counter()
            counts = extract_to_dir(corpus, tmp, engine=engine, workers=n_workers, partition_size=partition_size,
                                    timings=timings)
            out = {"n_documents": counts["documents"], "seconds": time.perf_counter() - t0, "timings": timings,
                   "counts": counts}
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    result.write_text(json.dumps(out))


# --------------------------------------------------------------------------- measuring (parent)


def child_env() -> dict[str, str]:
    """Environment of the measured processes.

    Bytecode is cached (in ``results/pycache``, outside the source tree and the environment)
    even where ``PYTHONDONTWRITEBYTECODE`` is set: otherwise every process, and every Dask
    worker, compiles pandas, dask, nltk and the package from source on each start, which is
    not what a user's second run costs. :func:`warm_up` fills the cache before measuring.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(CC_QUIET="1", PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=str(RESULTS_DIR / "pycache"))
    return env


def warm_up() -> None:
    """Import everything the runs import once, so the bytecode cache is warm."""
    code = ("import analysis.run.pipeline, analysis.run.dask, analysis.extract.tone, analysis.extract.document, distributed, pyarrow.parquet, psutil;"
            "analysis.extract.tone.analyzer(); analysis.extract.document.load_lexicons()")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=child_env(), check=True, capture_output=True)


def measure(cmd: list[str]) -> dict[str, Any]:
    """Run ``cmd``; its wall time, CPU time of the process tree, and peak memory.

    ``peak_mb`` is the highest sum of resident memory over the process and all its
    descendants (sampled every 50 ms), ``driver_maxrss_mb`` the process's own ``ru_maxrss``.
    """
    import psutil

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env())
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        try:
            root = psutil.Process(proc.pid)
        except psutil.NoSuchProcess:
            return
        while not stop.is_set():
            total = 0
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                break
            for p in procs:
                try:
                    total += p.memory_info().rss
                except psutil.NoSuchProcess:
                    pass
            peak = max(peak, total)
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    stop.set()
    sampler.join()
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{stderr[-3000:]}")
    return {
        "stdout": stdout,
        "wall_total_s": wall,
        "cpu_s": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        "peak_mb": peak / 2**20,
        # ru_maxrss of RUSAGE_CHILDREN is the largest of all children so far: exact for the first
        # child, an upper bound after; the tree peak above is the figure to quote
        "driver_maxrss_mb": after.ru_maxrss / 1024,
    }


def run_one(name: str, corpus_label: str, corpus: Path, *, partition_size: int) -> dict[str, Any]:
    """Measure one configuration on one corpus; a row of the results table."""
    started = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        if name == "naive":
            m = measure([sys.executable, str(BENCH_DIR / "naive_casualties.py"), str(corpus), "--out",
                         str(Path(tmp) / "claims.csv")])
            res = json.loads(m["stdout"].strip().splitlines()[-1])
        else:
            result = Path(tmp) / "result.json"
            m = measure([sys.executable, str(Path(__file__).resolve()), "--child", name, "--corpus", str(corpus),
                         "--result", str(result), "--partition-size", str(partition_size)])
            res = json.loads(result.read_text())
    row: dict[str, Any] = {
        "corpus": corpus_label,
        "run": name,
        "n_documents": res["n_documents"],
        "seconds": round(res["seconds"], 2),
        "docs_per_s": round(res["n_documents"] / res["seconds"], 1) if res["seconds"] else None,
        "cpu_s": round(m["cpu_s"], 1),
        "peak_mb": round(m["peak_mb"]),
        "driver_maxrss_mb": round(m["driver_maxrss_mb"]),
        "started": started,
        "load_avg": round(load, 1),
    }
    t = res.get("timings") or {}
    for group, stages in STAGE_GROUPS.items():
        row[f"s_{group}"] = round(sum(t.get(s, 0.0) for s in stages), 2) if t else None
    return row


# --------------------------------------------------------------------------- outputs


def add_ratios(rows: list[dict[str, Any]]) -> None:
    """``x_nltk``: each run's seconds over the nltk reference's seconds on the same corpus."""
    ref = {r["corpus"]: r for r in rows if r["run"] == "nltk"}
    for r in rows:
        base = ref.get(r["corpus"])
        r["x_nltk"] = round(r["seconds"] / base["seconds"], 2) if base and base["seconds"] else None
        r["x_nltk_cpu"] = round(r["cpu_s"] / base["cpu_s"], 2) if base and base["cpu_s"] else None


def markdown(rows: list[dict[str, Any]], command: str, *, partition_size: int) -> str:
    """The results as a Markdown table with how they were made."""
    def f(v: Any) -> str:
        return "" if v is None else f"{v:,}" if isinstance(v, int) else str(v)

    head = ["corpus", "run", "docs", "seconds", "docs/s", "x nltk", "peak MB", "CPU s", "x nltk CPU",
            *STAGE_GROUPS.keys()]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = [r["corpus"], r["run"], r["n_documents"], r["seconds"], r["docs_per_s"], r["x_nltk"], r["peak_mb"],
                 r["cpu_s"], r["x_nltk_cpu"], *[r[f"s_{g}"] for g in STAGE_GROUPS]]
        lines.append("| " + " | ".join(f(c) for c in cells) + " |")
    loads = sorted({r["load_avg"] for r in rows})
    machine = f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs"
    return (
        "\n".join(lines)
        + "\n\n"
        + f"Measured {rows[0]['started'] if rows else ''} on {machine} "
        + f"(1-minute load average at the start of each run: {loads[0] if loads else ''} to {loads[-1] if loads else ''}; "
        + "other processes shared the machine, so compare runs of one invocation with each other).\n"
        + f"Extraction runs: `extract_to_dir` to CSV, partitions of {partition_size} documents. "
        + "`seconds`: wall time of the work (after imports; Dask runs include starting the cluster). "
        + "`x nltk`: seconds over the `nltk` reference (Punkt sentences + Treebank words only) on the same corpus; "
        + "`CPU s`: CPU time of the whole process tree, startup included, and `x nltk CPU` its ratio (less "
        + "sensitive to other load on the machine). "
        + "`peak MB`: peak resident memory of the whole process tree (driver + Dask workers). "
        + "Bytecode cache warm (a user's second run). "
        + "Stage columns: seconds summed over documents (for Dask, over the workers); `actors` = mentions + "
        + "attributions, `framing` = labels + frames; `claims` includes its own actor matching.\n\n"
        + f"Reproduce: `{command}`\n"
    )


def figure(rows: list[dict[str, Any]], path: Path) -> None:
    """Bar charts of documents per second (log scale) and peak memory per run and corpus."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    corpora = list(dict.fromkeys(r["corpus"] for r in rows))
    runs = [name for name in RUNS if any(r["run"] == name for r in rows)]
    fig, axes = plt.subplots(1, 2, figsize=(11, 4))
    width = 0.8 / max(1, len(corpora))
    for k, corpus in enumerate(corpora):
        by_run = {r["run"]: r for r in rows if r["corpus"] == corpus}
        xs = [i + k * width for i in range(len(runs))]
        for ax, key in zip(axes, ("docs_per_s", "peak_mb")):
            values = [by_run[n][key] if n in by_run else 0 for n in runs]
            bars = ax.bar(xs, values, width, label=corpus)
            ax.bar_label(bars, labels=[f"{v:.0f}" if n in by_run else "" for n, v in zip(runs, values)], fontsize=8)
    for ax, title in zip(axes, ("documents per second (log scale)", "peak memory of the process tree (MB)")):
        ax.set_xticks([i + width * (len(corpora) - 1) / 2 for i in range(len(runs))], runs)
        ax.set_title(title)
        ax.legend()
    axes[0].set_yscale("log")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def write_outputs(rows: list[dict[str, Any]], out_dir: Path, command: str, *, partition_size: int) -> str:
    """Write benchmarks.csv, benchmarks.md and benchmarks.png; return the Markdown."""
    out_dir.mkdir(parents=True, exist_ok=True)
    add_ratios(rows)
    with open(out_dir / "benchmarks.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    md = markdown(rows, command, partition_size=partition_size)
    (out_dir / "benchmarks.md").write_text(md, encoding="utf-8")
    figure(rows, out_dir / "benchmarks.png")
    return md


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmarks of the extraction (results in benchmarks/results/).")
    ap.add_argument("--corpus", type=Path, default=FAKES, help="base corpus (default: ../shared FA-KES)")
    ap.add_argument("--scale", type=int, default=50000, help="reports in the scaled corpus (0: skip it)")
    ap.add_argument("--runs", default=",".join(RUNS), help=f"comma-separated runs among {', '.join(RUNS)}")
    ap.add_argument("--only-scaled", action="store_true", help="skip the runs on the base corpus")
    ap.add_argument("--partition-size", type=int, default=250, help="documents per partition (default 250)")
    ap.add_argument("--out", type=Path, default=RESULTS_DIR)
    ap.add_argument("--publish", action="store_true", help="also copy the Markdown table to benchmarks/RESULTS.md")
    ap.add_argument("--child", choices=["nltk", *EXTRACT_RUNS], help=argparse.SUPPRESS)
    ap.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child, args.corpus, args.result, workers=None, partition_size=args.partition_size)
        return 0
    if not args.corpus.is_file():
        print(f"error: {args.corpus}: corpus not found (FA-KES lives in ../shared/data/)", file=sys.stderr)
        return 2
    runs = [r.strip() for r in args.runs.split(",") if r.strip()]
    unknown = set(runs) - set(RUNS)
    if unknown:
        print(f"error: unknown runs {sorted(unknown)}; choose among {', '.join(RUNS)}", file=sys.stderr)
        return 2
    corpora: list[tuple[str, Path]] = []
    if not args.only_scaled:
        corpora.append((f"{args.corpus.stem} ({args.corpus.suffix.lstrip('.')})", args.corpus))
    if args.scale:
        scaled = make_scaled_corpus(args.corpus, args.scale, args.out / f"scaled-{args.scale}.jsonl")
        corpora.append((f"scaled {args.scale:,}", scaled))
    command = "python benchmarks/run.py " + " ".join(argv if argv is not None else sys.argv[1:])
    warm_up()
    rows: list[dict[str, Any]] = []
    for label, path in corpora:
        for name in runs:
            print(f"{label}: {name} ...", file=sys.stderr, flush=True)
            row = run_one(name, label, path, partition_size=args.partition_size)
            rows.append(row)
            print(f"  {row['n_documents']} docs in {row['seconds']} s ({row['docs_per_s']} docs/s), "
                  f"peak {row['peak_mb']} MB", file=sys.stderr, flush=True)
            write_outputs(rows, args.out, command.strip(), partition_size=args.partition_size)  # partial results survive an interruption
    md = write_outputs(rows, args.out, command.strip(), partition_size=args.partition_size)
    if args.publish:
        (BENCH_DIR / "RESULTS.md").write_text("# Benchmark results\n\n" + md, encoding="utf-8")
    print(md)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
