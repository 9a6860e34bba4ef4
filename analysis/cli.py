"""Command line: ``python -m analysis {extract,report,evaluate,lexicon draft}``.

Input problems print one line, ``error: <file/line/field>: <what is wrong>; <what to do>``, on
stderr and exit with status 2 (no traceback); so does a system error on a file (a path longer
than the system allows, no permission, a full disk). Messages and warnings are printed through
:func:`analysis.errors.printable`: one bounded line, control and bidirectional characters
escaped. ``--quiet`` (or a non-terminal stderr) hides the progress bars.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path
from typing import Sequence

from . import __version__
from .errors import InputError, printable

EPILOG = """examples:
  python -m analysis extract data/demo --out /tmp/demo-tables
  python -m analysis extract ../shared/data/FA-KES-Dataset.csv --out /tmp/fakes --format parquet
  python -m analysis extract my.csv --out out --column text=body --column source=outlet
  python -m analysis report --corpus data/demo --config reports.yml --out reports
  python -m analysis evaluate ../shared/gold/dev.jsonl
  python -m analysis evaluate                    # every gold file and MUC-4 DEV, one table
  python -m analysis evaluate data/gold --corpus ../shared/data/muc4-dev.jsonl
  python -m analysis lexicon draft ../shared/data/muc4-dev.jsonl --out my-pack
  python -m analysis extract ../shared/data/muc4-dev.jsonl --out /tmp/muc4 --pack my-pack
"""


PACK_HELP = ("the conflict pack: a bundled pack's name (syria, the default; muc4) or a folder with a pack.yml "
             "(e.g. one written by 'lexicon draft')")


def _pairs(values: Sequence[str] | None, option: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for v in values or []:
        key, sep, val = v.partition("=")
        if not sep or not key.strip() or not val.strip():
            raise InputError(f"{option} {v!r}: expected NAME=VALUE, e.g. {option} text=body")
        out[key.strip()] = val.strip()
    return out


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also documents every command in ``--help``)."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Casualty tolls, actors and framing across news reports about an armed conflict.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"conflict-coverage {__version__}")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bars or summaries")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    ex = sub.add_parser(
        "extract",
        help="extract every table from a corpus into a folder",
        description="Read CORPUS (a folder of .txt reports, a .csv such as FA-KES, or a .jsonl file) and write "
        "DIR/{documents,claims,mentions,attributions,labels,frames,tone,sentence_tone,skipped}.csv "
        "plus provenance.json. Every input record is in documents or skipped (with a reason).",
    )
    ex.add_argument("corpus", metavar="CORPUS", help="folder of .txt files, .txt, .csv or .jsonl file")
    ex.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    ex.add_argument("--format", choices=["csv", "parquet"], default="csv", help="table file format (default csv)")
    ex.add_argument("--engine", choices=["local", "dask"], default="local", help="local (default) or dask")
    ex.add_argument("--workers", type=int, metavar="N", help="Dask LocalCluster workers (engine dask)")
    ex.add_argument("--scheduler", metavar="ADDRESS", help="existing Dask scheduler, e.g. tcp://host:8786")
    ex.add_argument("--partition-size", type=int, default=500, metavar="N", help="documents per partition (default 500)")
    ex.add_argument("--column", action="append", metavar="FIELD=COLUMN",
                    help="map a field (text, title, source, date, doc_id) to a CSV/JSONL column; repeatable")
    ex.add_argument("--lexicon", action="append", metavar="NAME=PATH",
                    help="use your own file for a lexicon (actors, labels, frames, casualties, victims, stopwords, vader); repeatable")
    ex.add_argument("--skip-bad-lines", action="store_true", help="list broken JSON lines as skipped instead of stopping")
    ex.add_argument("--pack", metavar="NAME_OR_FOLDER", help=PACK_HELP)

    rp = sub.add_parser(
        "report",
        help="run every notebook with papermill and render the HTML reports and index",
        description="Run the notebooks on a corpus (and on each variant of a YAML config), render reader and full "
        "HTML, and write OUT/index.html. Extraction is cached per corpus. Exits 1 if any run failed.",
    )
    rp.add_argument("--corpus", default=None, help="corpus path (default: the demo corpus data/demo)")
    rp.add_argument("--config", default=None, help="YAML file listing report variants (default: reports.yml if present)")
    rp.add_argument("--out", default=None, help="output folder (default: reports/)")
    rp.add_argument("--notebooks", nargs="*", metavar="NAME", help="only these notebooks (e.g. 01-corpus-overview)")
    rp.add_argument("--no-variants", action="store_true", help="run only the whole-corpus reports")
    rp.add_argument("--jobs", type=int, metavar="N", help="notebooks run at once (default: one per core, at most 4)")
    rp.add_argument("--pack", metavar="NAME_OR_FOLDER", help=PACK_HELP)

    ev = sub.add_parser(
        "evaluate",
        help="precision/recall/F1 of the extraction against gold JSONL files (all of them by default)",
        description="Score casualty claims and actor sets against gold files in the shared format "
        "(../shared/gold/GUIDELINES.md) and MUC-4 answer keys, print one table, then list misses and false alarms. "
        "Claims-only files (actors_annotated false) skip actor scores; actors-only files (claims_annotated "
        "false) skip claim scores; records without text take it from --corpus by doc_id.",
    )
    ev.add_argument("gold", nargs="*", metavar="GOLD",
                    help="gold JSONL files or folders (default: every *.jsonl in ../shared/gold/ and data/gold/, "
                         "plus MUC-4 DEV's answer keys)")
    ev.add_argument("--corpus", action="append", metavar="CORPUS",
                    help="corpus holding the texts of gold records that have none, by doc_id (repeatable; "
                         "default: the --muc4 file)")
    ev.add_argument("--muc4", metavar="MUC4.jsonl",
                    help="also score recall of the answer keys' written casualty counts and false alarms "
                         "(default with no GOLD: ../shared/data/muc4-dev.jsonl)")
    ev.add_argument("--no-muc4", action="store_true", help="do not score MUC-4 answer keys")
    ev.add_argument("--lexicon", action="append", metavar="NAME=PATH", help="use your own lexicon file for any registered lexicon; repeatable")
    ev.add_argument("--out", metavar="DIR", help="also write the table, metrics, misses and false alarms as CSV")
    ev.add_argument("--pack", metavar="NAME_OR_FOLDER", help=PACK_HELP + "; default: the pack a gold file's records name")

    _add_lexicon_parser(sub)
    return parser


def _out_dir(path: str) -> None:
    """Create the output folder now, so a path the system refuses is one clear error."""
    try:
        Path(path).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{printable(path, limit=120)}: cannot create the output folder ({exc.strerror}); "
                         "choose another --out") from None


def _os_error(exc: OSError) -> str:
    """A system error on a file as one line naming the file (shortened) and what to do."""
    name = printable(exc.filename, limit=120) if exc.filename is not None else "a file"
    return f"{name}: {exc.strerror or exc}; check the path, its permissions and the free space"


def _add_lexicon_parser(sub) -> None:
    """``lexicon draft``: a starter pack from a corpus."""
    lx = sub.add_parser("lexicon", help="draft a conflict pack from a corpus", description="Work on conflict packs.")
    lsub = lx.add_subparsers(dest="lexicon_command", metavar="ACTION", required=True)
    dr = lsub.add_parser(
        "draft",
        help="write a starter pack (groups with kinds, actors, labels) drafted from a corpus",
        description="Find the corpus's frequent named parties (names, acronyms with their expansions, demonyms, "
        "'X forces' heads), suggest a kind for each, and write FOLDER/{pack.yml,actors.yml,labels.yml,README.md} "
        "plus FOLDER/draft-evidence.yml (example sentences: do not commit it). The pack validates: "
        "`extract CORPUS --pack FOLDER` uses it at once; edit it first.",
    )
    dr.add_argument("corpus", metavar="CORPUS", help="folder of .txt files, .txt, .csv or .jsonl file")
    dr.add_argument("--out", required=True, metavar="FOLDER", help="the pack folder to write (created)")
    dr.add_argument("--top", type=int, default=80, metavar="N", help="draft the N most frequent candidates (default 80)")
    dr.add_argument("--min-docs", type=int, default=3, metavar="N", help="a candidate is in at least N reports (default 3)")
    dr.add_argument("--name", metavar="NAME", help="the pack's name (default: the folder's)")
    dr.add_argument("--column", action="append", metavar="FIELD=COLUMN", help="map a field to a CSV/JSONL column; repeatable")


def _cmd_extract(args: argparse.Namespace) -> int:
    from .run.pipeline import extract_to_dir

    started = time.time()
    _out_dir(args.out)
    summary = extract_to_dir(
        args.corpus,
        args.out,
        fmt=args.format,
        engine=args.engine,
        workers=args.workers,
        scheduler=args.scheduler,
        partition_size=args.partition_size,
        columns=_pairs(args.column, "--column"),
        lexicons=_pairs(args.lexicon, "--lexicon"),
        skip_bad_lines=args.skip_bad_lines,
        progress=not args.quiet,
        pack=args.pack,
    )
    if not args.quiet:
        counts = ", ".join(f"{k} {v}" for k, v in summary.items())
        print(f"{args.corpus} -> {args.out}: {counts} ({time.time() - started:.1f} s)")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from .report.batch import run_reports

    result = run_reports(
        corpus=args.corpus,
        config=args.config,
        out=args.out,
        notebooks=args.notebooks,
        variants=not args.no_variants,
        progress=not args.quiet,
        jobs=args.jobs,
        pack=args.pack,
    )
    print(result.summary())
    return 0 if result.ok else 1


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from .run.evaluate import MUC4_DEV, evaluate_all, summary_table, summary_text

    muc4 = None if args.no_muc4 else (args.muc4 or (str(MUC4_DEV) if not args.gold and MUC4_DEV.is_file() else None))
    evaluations, score = evaluate_all(args.gold, corpus=args.corpus, lexicons=_pairs(args.lexicon, "--lexicon"), muc4=muc4,
                                      pack=args.pack)
    table = summary_table(evaluations, score)
    if len(evaluations) == 1 and score is None:
        print(evaluations[0].to_text())
    else:
        print(summary_text(table))
        for ev in evaluations:
            if ev.claims_annotated:
                print(f"{ev.name}:" + ev.errors_text())
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        table.to_csv(out / "summary.csv", index_label="metric", lineterminator="\n")
        for ev in evaluations:
            ev.write(out / ev.name if len(evaluations) > 1 or score is not None else out)
        if score is not None:
            score.write(out / Path(muc4).stem)
    return 0


def _cmd_lexicon(args: argparse.Namespace) -> int:
    from .run.draft import draft_pack

    started = time.time()
    counts = draft_pack(args.corpus, args.out, top=args.top, min_docs=args.min_docs, name=args.name,
                        columns=_pairs(args.column, "--column"))
    if not args.quiet:
        print(f"{args.corpus} -> {args.out}: {counts['groups']} groups drafted from {counts['documents']} reports, "
              f"{counts['unplaced']} candidates without a kind (commented out in actors.yml); "
              f"evidence in {args.out}/draft-evidence.yml ({time.time() - started:.1f} s)")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status (0 ok, 1 a report run failed, 2 bad input)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    from . import progress

    progress.QUIET = bool(args.quiet)
    commands = {"extract": _cmd_extract, "report": _cmd_report, "evaluate": _cmd_evaluate, "lexicon": _cmd_lexicon}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            return commands[args.command](args)
        except InputError as exc:
            print(f"error: {printable(str(exc))}", file=sys.stderr)
            return 2
        except OSError as exc:
            print(f"error: {printable(_os_error(exc))}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            print("error: interrupted", file=sys.stderr)
            return 130
        finally:
            _print_warnings(caught)


def _print_warnings(caught: Sequence[warnings.WarningMessage]) -> None:
    """Each distinct warning of the run once, as ``warning: ...`` on stderr (control and
    bidirectional characters escaped)."""
    seen: set[str] = set()
    for w in caught:
        text = printable(str(w.message))
        if text not in seen:
            seen.add(text)
            print(f"warning: {text}", file=sys.stderr)
