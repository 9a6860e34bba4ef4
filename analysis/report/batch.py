"""Batch reports: every notebook, for the whole corpus and each variant, rendered to HTML.

``python -m analysis report`` (and ``make report``) does, in order:

1. extracts the corpus once through the Parquet cache (:func:`analysis.run.pipeline.load_tables`),
   so the notebooks, which load the same cache, never extract again;
2. runs each notebook with papermill for the whole corpus and for each variant of the YAML
   config (``reports.yml``), writing ``executed/<notebook>-<variant>.ipynb``;
3. renders a reader's HTML (code hidden) and a full HTML of each executed notebook;
4. writes ``index.html`` with the corpus provenance, counts, and each run's status, time and
   links. A failing run (bad parameter, broken lexicon, error in a cell) does not stop the
   others: the index shows why it failed and links its partial executed notebook, and the
   command exits 1 with a summary.

Config format (``reports.yml``)::

    notebooks: [01-corpus-overview, 02-casualties]     # optional; default: all notebooks
    variants:
      - name: pro-government outlets                    # a named set of notebook parameters
        parameters: {sources: [sana, manar]}
      - name: year 2017
        parameters: {date_from: "2017-01-01", date_to: "2017-12-31"}
        notebooks: [02-casualties]                      # optional, per variant
      - per: source                                     # one variant per outlet in the corpus
      - per: year                                       # one variant per year

YAML is read with ``yaml.safe_load``; parameters reach notebooks only as papermill literals
(strings, numbers, booleans, lists and mappings of them), and names the notebook does not declare are refused.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from ..errors import InputError, brief
from ..paths import DEMO_CORPUS, NOTEBOOK_DIR, PROJECT_ROOT, REPORTS_DIR
from ..resources.files import parse_yaml
from ..resources.packs import bundled_packs, pack_folder
from .docpages import write_documents_page
from .indexpage import write_index

ALL = "all"
_SLUG = re.compile(r"[^a-z0-9]+")
_LITERAL = (str, int, float, bool, type(None))


#: Longest slug kept whole; a longer one is cut and given a hash of the whole name.
MAX_SLUG = 60


def slug(text: str) -> str:
    """File-name form of a variant name: ``"Year 2017 (sana)"`` -> ``"year-2017-sana"``.

    Short and ASCII whatever the name: a slug over :data:`MAX_SLUG` characters is cut, and one
    that cuts or drops letters or digits (a 300-character outlet, a name in Arabic script) ends
    with 8 hex digits of a hash of the whole name, so two such names never share a file name.

    Example:
        >>> slug("Year 2017 (sana)"), slug("source " + "x" * 300), slug("source \u0633\u0627\u0646\u0627")
        ('year-2017-sana', 'source-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-5aab81ce', 'source-acad2a04')
    """
    text = str(text)
    s = _SLUG.sub("-", text.lower()).strip("-")
    lossy = len(s) > MAX_SLUG or any(c.isalnum() and not c.isascii() for c in text)
    if not lossy:
        return s or "variant"
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()
    return f"{s[:MAX_SLUG - 9].rstrip('-') or 'variant'}-{digest}"


def notebook_names() -> list[str]:
    """The project's notebooks in run order (``01-...`` to ``04-...``)."""
    return sorted(p.stem for p in NOTEBOOK_DIR.glob("[0-9][0-9]-*.ipynb"))


@dataclass
class Variant:
    """A named set of notebook parameters, optionally for some notebooks only."""

    name: str
    parameters: dict[str, Any]
    notebooks: list[str] | None = None

    @property
    def slug(self) -> str:
        return ALL if self.name == ALL else slug(self.name)


@dataclass
class Run:
    """One notebook run and its outputs."""

    notebook: str
    variant: Variant
    parameters: dict[str, Any]
    executed: Path
    reader_html: Path
    full_html: Path
    figures: Path
    status: str = "pending"
    error: str = ""
    seconds: float = 0.0

    @property
    def stem(self) -> str:
        return f"{self.notebook}-{self.variant.slug}"


@dataclass
class ReportResult:
    """All runs of one ``report`` command and the index that links them."""

    runs: list[Run]
    index: Path
    provenance: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return all(r.status == "ok" for r in self.runs)

    def summary(self) -> str:
        """A few lines for the terminal: counts, failures with reasons, the index path."""
        n_ok = sum(r.status == "ok" for r in self.runs)
        lines = [f"{n_ok} of {len(self.runs)} report runs succeeded; index: {self.index}"]
        for r in self.runs:
            if r.status != "ok":
                lines.append(f"  FAILED {r.stem}: {r.error} (partial notebook: {r.executed})")
        return "\n".join(lines)


# --------------------------------------------------------------------------- config


def _check_literal(where: str, value: Any) -> Any:
    if isinstance(value, _LITERAL):
        return value
    if isinstance(value, list) and all(isinstance(v, _LITERAL) for v in value):
        return value
    if isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, _LITERAL) for k, v in value.items()):
        return value
    raise InputError(f"{where}: parameters must be strings, numbers, booleans, or lists or mappings of them, "
                     f"got {brief(value)}")


def _names(keys: Iterable[Any]) -> str:
    """Keys of a mapping for a message, whatever their types (YAML keys may be numbers or null)."""
    return ", ".join(sorted(brief(k) if not isinstance(k, str) else brief(k)[1:-1] for k in keys))


def _read_config(p: Path) -> Any:
    """The parsed YAML of a report config (one error line for any failure to read it)."""
    if not p.is_file():
        raise InputError(f"{p}: report config not found; give a YAML file such as reports.yml, or leave --config out")
    try:
        raw = p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{p}: report config is not UTF-8 text; save it as UTF-8") from None
    return parse_yaml(raw, path=p, kind="report config")


def _check_notebooks(where: str, notebooks: Any) -> None:
    if notebooks is not None and (not isinstance(notebooks, list) or not all(isinstance(n, str) for n in notebooks)):
        raise InputError(f"{where}: 'notebooks' must be a list of notebook names such as 01-corpus-overview, "
                         f"got {brief(notebooks)}")


def _check_variant(where: str, v: Any) -> None:
    """One variant entry: a mapping with ``per``, or with a name and literal parameters."""
    if not isinstance(v, dict):
        raise InputError(f"{where}: expected a mapping with name and parameters (or per), got {brief(v)}")
    extra = set(v) - {"name", "parameters", "per", "notebooks"}
    if extra:
        raise InputError(f"{where}: unknown key(s) {_names(extra)}; use name, parameters, per, notebooks")
    _check_notebooks(where, v.get("notebooks"))
    if "per" in v:
        if not isinstance(v["per"], str) or v["per"] not in {"source", "year"}:
            raise InputError(f"{where}: per must be 'source' or 'year', got {brief(v['per'])}")
        return
    if not isinstance(v.get("name"), str) or not v["name"].strip():
        raise InputError(f"{where}: a variant needs a name (text), got {brief(v.get('name'))}")
    where = f"{where} ({brief(v['name'])[1:-1]})"
    params = v.get("parameters", {})
    if not isinstance(params, dict):
        raise InputError(f"{where}: parameters must be a mapping of notebook parameters, got {brief(params)}")
    for k, val in params.items():
        if not isinstance(k, str):
            raise InputError(f"{where}: parameter names are text such as sources or date_from, got {brief(k)}")
        _check_literal(f"{where} parameter {brief(k)[1:-1]}", val)


def load_config(path: str | Path | None) -> tuple[list[str] | None, list[dict[str, Any]]]:
    """Read a report config: (notebooks or None, raw variant entries).

    Every problem is one :class:`InputError` naming the file and the entry, quoting what it
    found briefly (:func:`analysis.errors.brief`: a YAML alias bomb costs nothing to quote).

    Raises:
        InputError: unreadable, not valid YAML, nested too deeply, or an entry of the wrong shape.

    Example:
        >>> import tempfile
        >>> f = Path(tempfile.mkdtemp()) / "r.yml"
        >>> _ = f.write_text("variants:\\n  - per: [source]\\n")
        >>> load_config(f)
        Traceback (most recent call last):
        analysis.errors.InputError: ...r.yml: variant 1: per must be 'source' or 'year', got ['source']
    """
    if path is None:
        return None, []
    p = Path(path)
    data = _read_config(p)
    data = {} if data is None else data
    if not isinstance(data, dict):
        raise InputError(f"{p}: expected a mapping with 'variants' (and optionally 'notebooks') at the top level, "
                         f"got {brief(data)}")
    unknown = set(data) - {"notebooks", "variants"}
    if unknown:
        raise InputError(f"{p}: unknown key(s) {_names(unknown)}; use 'notebooks' and 'variants'")
    notebooks = data.get("notebooks")
    _check_notebooks(str(p), notebooks)
    notebooks = None if notebooks is None else list(dict.fromkeys(notebooks))  # each once
    variants = data.get("variants") or []
    if not isinstance(variants, list):
        raise InputError(f"{p}: 'variants' must be a list of entries with name and parameters, or per, "
                         f"got {brief(variants)}")
    for i, v in enumerate(variants, start=1):
        _check_variant(f"{p}: variant {i}", v)
    return notebooks, variants


def expand_variants(entries: Iterable[Mapping[str, Any]], documents) -> list[Variant]:
    """Turn config entries into variants (``per: source`` -> one per outlet in the corpus)."""
    out: list[Variant] = []
    for v in entries:
        nbs = v.get("notebooks")
        if v.get("per") == "source":
            for src in sorted(documents["source"].dropna().unique()):
                out.append(Variant(f"source {src}", {"sources": [str(src)]}, nbs))
        elif v.get("per") == "year":
            for year in sorted(documents["date"].dropna().dt.year.unique()):
                out.append(Variant(f"year {year}", {"date_from": f"{year:04d}-01-01", "date_to": f"{year:04d}-12-31"}, nbs))
        else:
            out.append(Variant(v["name"], dict(v.get("parameters") or {}), nbs))
    seen: dict[str, str] = {}
    for var in out:
        if var.slug in seen or var.slug == ALL:
            raise InputError(f"report config: variant names {brief(seen.get(var.slug, ALL))} and {brief(var.name)} give "
                             f"the same file name {var.slug!r}; rename one")
        seen[var.slug] = var.name
    return out


# --------------------------------------------------------------------------- running


def notebook_parameters(path: Path) -> dict[str, Any]:
    """The parameters a notebook declares (papermill's inspection of its parameters cell)."""
    import papermill as pm

    return dict(pm.inspect_notebook(str(path)))


def _title(run: Run, executed: Path) -> str:
    import nbformat

    from .htmlrender import page_title

    variant = "all reports" if run.variant.name == ALL else run.variant.name
    return page_title(nbformat.read(executed, as_version=4), variant)


def render(run: Run) -> None:
    """Render the reader's page and the page with code of an executed run (errors recorded)."""
    from .htmlrender import render_html

    if not run.executed.is_file():
        return
    try:
        title = _title(run, run.executed)
        render_html(run.executed, run.reader_html, hide_code=True, title=title,
                    other=("With code", run.full_html.name))
        render_html(run.executed, run.full_html, hide_code=False, title=f"{title} (with code)",
                    other=("Reader's version", run.reader_html.name))
    except Exception as exc:  # noqa: BLE001
        if run.status == "ok":
            run.status = "failed"
            run.error = f"HTML rendering failed: {_error_of(exc)}"


def _error_of(exc: BaseException) -> str:
    ename = getattr(exc, "ename", None)
    evalue = getattr(exc, "evalue", None)
    if ename:
        return f"{ename}: {evalue}".strip()
    return f"{type(exc).__name__}: {exc}".strip()


def execute(run: Run, kernel=None) -> None:
    """Run one notebook with papermill (in ``kernel``, a warm kernel, when given), then render it; never raises."""
    import papermill as pm

    started = time.time()
    run.executed.parent.mkdir(parents=True, exist_ok=True)
    try:
        if kernel is None:
            pm.execute_notebook(str(NOTEBOOK_DIR / f"{run.notebook}.ipynb"), str(run.executed),
                                parameters=run.parameters, kernel_name="python3", progress_bar=False,
                                cwd=str(PROJECT_ROOT), report_mode=False)
        else:
            kernel.run(NOTEBOOK_DIR / f"{run.notebook}.ipynb", run.executed, run.parameters)
        run.status = "ok"
    except Exception as exc:  # noqa: BLE001 - any failure of one run is recorded, not raised
        run.status = "failed"
        run.error = _error_of(exc)
    finally:
        run.seconds = round(time.time() - started, 2)
    render(run)


def default_jobs() -> int:
    """Notebooks run at once: one per core, at most 4 (each worker keeps one kernel)."""
    return max(1, min(4, os.cpu_count() or 1))


def _next_run(todo: list[Run], last: str | None) -> Run | None:
    """The next run for a worker: another variant of the notebook it ran last when there is one."""
    for i, r in enumerate(todo):
        if r.notebook == last:
            return todo.pop(i)
    return todo.pop(0) if todo else None


def run_all(runs: Sequence[Run], *, jobs: int, logs: Path, progress: bool = True) -> None:
    """Run every pending run on ``jobs`` warm kernels (threads), with one progress bar."""
    import threading

    from ..progress import progress_enabled
    from .kernels import borrow, give_back

    todo = [r for r in runs if r.status == "pending"]
    lock = threading.Lock()
    bar = None
    if progress and progress_enabled():
        from tqdm.auto import tqdm

        bar = tqdm(total=len(todo), desc="reports", unit="run", dynamic_ncols=True)

    def worker(i: int) -> None:
        last = None
        with lock:
            if not todo:
                return
        kernel = borrow(cwd=PROJECT_ROOT, log=logs / f"kernel-{i + 1}.log")
        try:
            while True:
                with lock:
                    run = _next_run(todo, last)
                if run is None:
                    return
                last = run.notebook
                execute(run, kernel)
                with lock:
                    if bar is not None:
                        bar.set_postfix_str(f"{run.stem} {run.status} in {run.seconds:.0f} s", refresh=False)
                        bar.update(1)
        finally:
            give_back(kernel)

    threads = [threading.Thread(target=worker, args=(i,), name=f"report-{i + 1}") for i in range(max(1, jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if bar is not None:
        bar.close()


def plan_runs(notebooks: Sequence[str], variants: Sequence[Variant], corpus: str, out: Path,
              declared: Mapping[str, Mapping[str, Any]], *, pack: str | None = None) -> list[Run]:
    """Every (notebook, variant) run with its parameters and output paths (``pack``: the conflict
    pack every run uses, unless a variant sets its own)."""
    runs = []
    for var in [Variant(ALL, {}), *variants]:
        for name in notebooks:
            if var.notebooks is not None and name not in var.notebooks:
                continue
            stem = f"{name}-{var.slug}"
            params = {"corpus": corpus, **({"pack": pack} if pack else {}), **var.parameters,
                      "out_dir": str(out / "figures" / stem)}
            run = Run(name, var, params, executed=out / "executed" / f"{stem}.ipynb",
                      reader_html=out / f"{stem}.html", full_html=out / f"{stem}-with-code.html",
                      figures=out / "figures" / stem)
            unknown = sorted(set(params) - set(declared[name]))
            if unknown:
                run.status = "failed"
                run.error = (f"unknown parameter(s) {', '.join(unknown)} for {name}; it declares "
                             f"{', '.join(declared[name])}")
            runs.append(run)
    return runs


def _pack_parameter(pack: str | Path | None) -> str | None:
    """The notebooks' ``pack``: a bundled pack by its name, a folder by its full path (a bad pack
    stops here, before any run)."""
    if not pack:
        return None
    return str(pack) if str(pack) in bundled_packs() else str(pack_folder(pack))


def run_reports(
    *,
    corpus: str | Path | None = None,
    config: str | Path | None = None,
    out: str | Path | None = None,
    notebooks: Sequence[str] | None = None,
    variants: bool = True,
    progress: bool = True,
    jobs: int | None = None,
    pack: str | Path | None = None,
) -> ReportResult:
    """Run every notebook for the corpus and each configured variant; write the index.

    Args:
        corpus: corpus path (default: the demo corpus). Relative paths are taken from the
            current folder (this is the command line), then passed on as absolute paths.
        config: report config YAML (default: ``reports.yml`` in the project when present).
        out: output folder (default ``reports/``).
        notebooks: restrict to these notebook names.
        variants: False runs only the whole-corpus reports.
        progress: a progress bar over the runs (on a terminal).
        jobs: notebooks run at once (default: one per core, at most 4).
        pack: the conflict pack (a bundled name or a folder; default: the Syria pack).

    Returns:
        A :class:`ReportResult`; ``ok`` is False when any run failed.

    Raises:
        InputError: a bad corpus, config or notebook name (nothing is run then).
    """
    from ..run.pipeline import load_tables

    corpus_path = Path(corpus).expanduser().resolve() if corpus else DEMO_CORPUS
    out_dir = Path(out).expanduser().resolve() if out else REPORTS_DIR
    if config is None and (PROJECT_ROOT / "reports.yml").is_file():
        config = PROJECT_ROOT / "reports.yml"
    cfg_notebooks, entries = load_config(config)
    available = notebook_names()
    chosen = list(dict.fromkeys(notebooks or cfg_notebooks or available))  # each notebook once
    missing = [n for n in chosen if n not in available]
    if missing:
        raise InputError(f"unknown notebook(s) {_names(missing)}; available: {', '.join(available)}")

    os.environ.setdefault("PYTHONHASHSEED", "0")  # kernels inherit it: stable set/dict order
    started = time.time()
    from .kernels import warm_pool

    at_most = len(chosen) * (1 + (len(entries) if variants else 0))
    warming = warm_pool(min(jobs or default_jobs(), at_most), cwd=PROJECT_ROOT, logs=out_dir / "logs") \
        if corpus_path.exists() else []  # kernels start and import while the tables load
    pack_dir = _pack_parameter(pack)
    tables = load_tables(corpus_path, pack=pack_dir)
    extraction = {"seconds": round(time.time() - started, 2), "cache": tables.provenance.get("cache")}
    var_list = expand_variants(entries, tables.documents) if variants else []
    declared = {n: notebook_parameters(NOTEBOOK_DIR / f"{n}.ipynb") for n in chosen}
    runs = plan_runs(chosen, var_list, str(corpus_path), out_dir, declared, pack=pack_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    todo = [r for r in runs if r.status == "pending"]
    jobs = max(1, min(jobs or default_jobs(), len(todo) or 1))
    page_error: list[str] = []

    def documents_page() -> None:
        try:
            write_documents_page(tables, out_dir)
        except Exception as exc:  # noqa: BLE001 - reported in the index, the reports still run
            page_error.append(_error_of(exc))

    docs_page = threading.Thread(target=documents_page, name="documents-page")
    docs_page.start()
    for t in warming:
        t.join()
    run_all(runs, jobs=jobs, logs=out_dir / "logs", progress=progress)
    docs_page.join()
    prov = dict(tables.provenance)
    prov["extraction"] = extraction
    prov["config"] = str(config) if config else None
    prov["total_seconds"] = round(time.time() - started, 2)
    prov["documents_page"] = f"failed: {page_error[0]}" if page_error else "documents.html"
    index = write_index(out_dir, runs, prov, documents=tables.documents)
    return ReportResult(runs, index, prov)
