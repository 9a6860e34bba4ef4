"""Notebooks: their form (parameters cell, no logic), papermill runs on every corpus, the
rendered HTML, and a real browser opening the index and a report."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import papermill as pm
import pytest

from analysis.resources.packs import load_pack
from analysis.paths import DEMO_CORPUS, NOTEBOOK_DIR, PROJECT_ROOT
from analysis.report.batch import notebook_names, run_reports

from .conftest import SEED, needs_fakes, needs_seed

NOTEBOOKS = ["01-corpus-overview", "02-casualties", "03-actors", "04-framing"]
COMMON = ["corpus", "sources", "date_from", "date_to", "group_by", "out_dir", "pack", "lexicons", "engine",
          "workers", "scheduler"]


def load(name):
    return nbformat.read(NOTEBOOK_DIR / f"{name}.ipynb", as_version=4)


def test_the_four_notebooks_exist_in_run_order():
    assert notebook_names() == NOTEBOOKS


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_one_parameters_cell_of_annotated_literals(name):
    nb = load(name)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    cell = tagged[0]
    assert nb.cells.index(cell) <= 2, "the parameters cell sits near the top"
    for line in cell.source.splitlines():
        m = re.match(r"^(\w+): (\w+) = (.+?)  # \S.*$", line)
        assert m, f"not 'name: type = literal  # comment': {line!r}"
        ast.literal_eval(m.group(3))
    declared = pm.inspect_notebook(str(NOTEBOOK_DIR / f"{name}.ipynb"))
    assert list(declared)[: len(COMMON)] == COMMON
    assert all(p["help"] for p in declared.values())


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_no_logic_in_notebooks(name):
    for cell in load(name).cells:
        if cell.cell_type != "code":
            continue
        tree = ast.parse(cell.source)
        for node in ast.walk(tree):
            assert not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)), name
            assert not isinstance(node, (ast.For, ast.While)), f"{name}: loops belong in analysis/"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_figure_is_saved_with_its_data(name):
    code = "\n".join(c.source for c in load(name).cells if c.cell_type == "code")
    assert "savefig" not in code and "plt.show" not in code
    assert re.findall(r"report\.show\(", code), "figures go through report.show (PNG + CSV)"


def _run(name, corpus, out, **params):
    """One notebook run in a warm kernel of the pool the report batches use (shared across tests)."""
    from analysis.report.kernels import borrow, give_back

    out.mkdir(parents=True, exist_ok=True)
    executed = out / f"{name}.ipynb"
    kernel = borrow(cwd=PROJECT_ROOT, log=out / "kernel.log")
    try:
        kernel.run(NOTEBOOK_DIR / f"{name}.ipynb", executed,
                   {"corpus": str(corpus), "out_dir": str(out / "figures"), **params})
    finally:
        give_back(kernel)
    return nbformat.read(executed, as_version=4)


def _outputs_text(nb) -> str:
    return "\n".join(str(o.get("data", {}).get("text/html", "")) + str(o.get("data", {}).get("text/markdown", ""))
                     for c in nb.cells for o in c.get("outputs", []))


def _errors(nb):
    return [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]


# --------------------------------------------------------------------------- the founding report alone


@pytest.fixture(scope="session")
def seed_reports(tmp_path_factory):
    if not SEED.is_file():
        pytest.skip(f"founding report absent: {SEED}")
    return run_reports(corpus=SEED, out=tmp_path_factory.mktemp("seed"), variants=False, progress=False)


@needs_seed
@pytest.mark.slow
def test_each_notebook_runs_on_the_founding_report_alone(seed_reports):
    assert seed_reports.ok, seed_reports.summary()
    for run in seed_reports.runs:
        nb = nbformat.read(run.executed, as_version=4)
        assert Path(nb.metadata.papermill.parameters["corpus"]) == SEED.resolve()
        assert _errors(nb) == []
        missing = 0
        declared = pm.inspect_notebook(str(NOTEBOOK_DIR / f"{run.notebook}.ipynb"))
        code = "\n".join(c.source for c in load(run.notebook).cells if c.cell_type == "code")
        for stem, var in re.findall(r'report\.show\(.*?\s"(0\d-[\w-]+)"(?:\s*\+\s*(\w+))?', code, re.S):
            value = ast.literal_eval(declared[var]["default"]) if var in declared else ""
            # an empty referent (or the pack's state referent) is the default pack's
            stem += (value or load_pack().referent("state_referent" if var == "state_referent" else "referent")) if var else ""
            csv = run.figures / f"{stem}.csv"
            assert csv.is_file(), stem
            if (run.figures / f"{stem}.png").is_file():
                assert len(csv.read_text().splitlines()) > 1, stem
            else:
                missing += 1
        # a figure with nothing to draw (no rows, no dates) is one line on the page, not an empty image
        assert run.reader_html.read_text().count("nothing to show for this selection.") == missing, run.stem


@needs_seed
@pytest.mark.slow
def test_casualties_notebook_shows_the_founding_report_tolls(seed_reports):
    run = next(r for r in seed_reports.runs if r.notebook == "02-casualties")
    from analysis.extract.text import split_sentences

    toll_sentence = next(s.text for s in split_sentences(SEED.read_text(encoding="utf-8")) if "600" in s.text)
    assert toll_sentence[:40] in run.reader_html.read_text()
    claims = (run.figures / "table-claims.csv").read_text()
    assert ",600,600," in claims and ",2000,2000," in claims


# --------------------------------------------------------------------------- the main job


DEMO_CONFIG = """
variants:
  - name: pro-government outlets
    parameters: {sources: [sana, manar, alalam, tass, sputnik]}
  - name: year 2017
    parameters: {date_from: "2017-01-01", date_to: "2017-12-31"}
    notebooks: [02-casualties]
  - name: no such outlet
    parameters: {sources: [no-such-outlet]}
    notebooks: [03-actors]
  - name: source sana
    parameters: {sources: [sana]}
    notebooks: [02-casualties, 04-framing]
"""


@pytest.fixture(scope="session")
def demo_reports(tmp_path_factory):
    """The demo corpus: whole, a group of outlets, a year, an empty selection and one outlet (12 runs)."""
    out = tmp_path_factory.mktemp("reports")
    config = out / "reports.yml"
    config.write_text(DEMO_CONFIG)
    return run_reports(corpus=DEMO_CORPUS, config=config, out=out, progress=False)


@pytest.mark.slow
def test_make_report_on_the_demo_corpus(demo_reports):
    r = demo_reports
    assert r.ok, r.summary()
    assert [run.stem for run in r.runs if run.notebook == "02-casualties"] == [
        "02-casualties-all", "02-casualties-pro-government-outlets", "02-casualties-year-2017",
        "02-casualties-source-sana"]
    assert {run.notebook for run in r.runs} == set(NOTEBOOKS)
    for run in r.runs:
        assert run.reader_html.is_file() and run.full_html.is_file() and run.executed.is_file()
        reader, full = run.reader_html.read_text(), run.full_html.read_text()
        assert "Traceback" not in reader
        assert "open_report" not in reader and "open_report" in full  # code hidden / shown
        assert "Run it:" not in reader  # the developer's line
        assert "corpus sha256" in reader and "git commit" in reader
        assert reader.index('id="Key-findings"') < reader.index('class="cc-toc"') < reader.index('<details class="cc-provenance"')
        for page in (reader, full):
            assert not re.search(r"<script[^>]+src=|https?://(cdn|unpkg|cdnjs)", page), run.stem
    assert r.index.name == "index.html" and (r.index.parent / "documents.html").is_file()
    assert not any(p.read_text() for p in (r.index.parent / "logs").glob("*.log"))  # quiet kernels


@pytest.mark.slow
def test_empty_selection_and_one_outlet_reports(demo_reports):
    runs = {(r.notebook, r.variant.name): r for r in demo_reports.runs}
    empty = runs[("03-actors", "no such outlet")]
    nb = nbformat.read(empty.executed, as_version=4)
    assert _errors(nb) == [] and "No reports match this selection" in _outputs_text(nb)
    assert "nothing to show for this selection" in empty.reader_html.read_text()
    assert not list(empty.figures.glob("*.png"))
    sana = runs[("02-casualties", "source sana")].reader_html.read_text()
    assert "compare it with the <b>rest of the corpus</b>" in sana
    assert (runs[("02-casualties", "source sana")].figures / "02-hedging.csv").read_text().count("rest of corpus") > 0


def _expected_claims(run) -> int:
    from analysis.aggregate.casualties import claims_with_documents
    from analysis.report.session import open_report

    params = {k: v for k, v in run.parameters.items() if k not in ("out_dir",)}
    rep = open_report(notebook=run.notebook, out_dir=str(run.figures), **params)
    return len(claims_with_documents(rep.tables.claims, rep.documents))


LINKS_JS = """() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"""
FIGURES_JS = """() => [...document.querySelectorAll('figure.cc-figure')].map(f => {
  const links = f.nextElementSibling; return links ? [...links.querySelectorAll('a')].map(a => a.getAttribute('href')) : [];
})"""
IMAGES_JS = """() => [...document.querySelectorAll('img')].map(i => [i.complete && i.naturalWidth > 0, i.getAttribute('alt') || ''])"""
READY_JS = """() => [...document.querySelectorAll('div.cc-table')].every(d => d.querySelector('.dt-container'))"""


@pytest.mark.slow
def test_browser_opens_every_page_offline(demo_reports):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.skip("Chromium absent (.ci/run installs Debian's chromium)")
    out = demo_reports.index.parent
    shots = out / "screenshots"
    shots.mkdir(exist_ok=True)
    documents = out / "documents.html"
    doc_anchors = set(re.findall(r'<article id="([^"]+)"', documents.read_text()))
    runs = {r.reader_html: r for r in demo_reports.runs if r.reader_html.is_file()}
    pages = [demo_reports.index, documents, *runs]
    elsewhere: list[str] = []

    def route(r):
        if r.request.url.startswith(("file:", "data:", "blob:")):
            return r.continue_()
        elsewhere.append(r.request.url)
        return r.abort()

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        try:
            context = browser.new_context(viewport={"width": 1200, "height": 900})
            context.route("**/*", route)
            page = context.new_page()
            for html_file in pages:
                page.goto(Path(html_file).as_uri())
                page.wait_for_load_state("load")
                page.wait_for_function(READY_JS, timeout=30_000)  # every table became interactive, offline
                title = page.title()
                assert title and title != "Notebook", html_file
                images = page.evaluate(IMAGES_JS)
                assert all(ok for ok, _ in images), f"broken image in {html_file}"
                assert all(alt and "No description" not in alt for _, alt in images), f"image without alt: {html_file}"
                ids = set(page.evaluate("() => [...document.querySelectorAll('[id]')].map(e => e.id)"))
                for href in page.evaluate(LINKS_JS):
                    if href.startswith(("http:", "https:", "mailto:")):
                        continue
                    path, _, anchor = href.partition("#")
                    if not path:
                        assert anchor in ids, f"broken anchor {href} in {html_file}"
                        continue
                    target = (Path(html_file).parent / path).resolve()
                    assert target.is_file(), f"broken link {href} in {html_file}"
                    if target == documents.resolve() and anchor:
                        assert anchor in doc_anchors, f"no report {href} on the documents page"
                for links in page.evaluate(FIGURES_JS):
                    assert any(h.endswith(".csv") for h in links), f"a figure without its CSV link in {html_file}"
                run = runs.get(html_file)
                if run is not None and run.notebook == "02-casualties" and run.variant.name != "no such outlet":
                    info = page.inner_text("#table-claims .dt-info")
                    total = int(re.search(r"of ([\d,]+) entries", info).group(1).replace(",", ""))
                    assert total == _expected_claims(run), f"the claims table does not list every claim: {info}"
                page.screenshot(path=str(shots / f"{Path(html_file).stem}.png"), full_page=False)
            page.set_viewport_size({"width": 800, "height": 900})
            page.goto(next(h for h, r in runs.items() if r.stem == "02-casualties-all").as_uri())
            page.wait_for_function(READY_JS, timeout=30_000)
            page.screenshot(path=str(shots / "02-casualties-all-800px.png"), full_page=False)
        finally:
            browser.close()
    assert elsewhere == [], f"requests to other hosts: {elsewhere[:5]}"
    assert len(list(shots.glob("*.png"))) == len(pages) + 1


@needs_fakes
@pytest.mark.slow
def test_reports_on_fakes(fakes_path, tmp_path):
    r = run_reports(corpus=fakes_path, out=tmp_path, variants=False, progress=False, notebooks=["02-casualties"])
    assert r.ok, r.summary()
    casualties = r.runs[0]
    page = casualties.reader_html.read_text()
    assert "fakes-csv" in page and "804 selected of 804" in page
    assert len(pd.read_csv(casualties.figures / "table-claims.csv")) == _expected_claims(casualties) > 4000


@pytest.mark.slow
def test_engine_parameter_runs_the_extraction_on_dask(tmp_path):
    import uuid

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # a text of its own (the cache is keyed by content): the notebook must extract it on Dask
    (corpus / "a.txt").write_text(f"---\nsource: sana\ndate: 2017-01-02\n---\nNine people were killed in Homs. "
                                  f"Report {uuid.uuid4().hex}.\n")
    nb = _run("01-corpus-overview", corpus, tmp_path / "out", engine="dask", workers=1)
    text = _outputs_text(nb)
    assert "dask engine" in text, _errors(nb) or text[-2000:]
    with pytest.raises(pm.PapermillExecutionError, match="parameter engine: 'spark'; use 'local' or 'dask'"):
        _run("01-corpus-overview", corpus, tmp_path / "bad", engine="spark")


def test_make_lab_runs_as_root_too():
    import os
    import subprocess

    out = subprocess.run(["make", "-n", "lab"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True).stdout
    lab = next(line for line in out.splitlines() if "jupyter lab" in line)
    assert ("--allow-root" in lab) == (os.geteuid() == 0), lab
