"""Notebooks: their form (parameters cell, no logic), papermill runs on every corpus, the
rendered HTML, and a real browser opening the index and a report."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import nbformat
import papermill as pm
import pytest

from analysis.paths import DEMO_CORPUS, NOTEBOOK_DIR, PROJECT_ROOT
from analysis.report.batch import notebook_names, run_reports

from .conftest import needs_fakes, needs_seed

NOTEBOOKS = ["01-corpus-overview", "02-casualties", "03-actors", "04-framing"]
COMMON = ["corpus", "sources", "date_from", "date_to", "group_by", "out_dir", "lexicons", "engine", "workers",
          "scheduler"]


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
    out.mkdir(parents=True, exist_ok=True)
    executed = out / f"{name}.ipynb"
    pm.execute_notebook(str(NOTEBOOK_DIR / f"{name}.ipynb"), str(executed), kernel_name="python3",
                        parameters={"corpus": str(corpus), "out_dir": str(out / "figures"), **params},
                        progress_bar=False, cwd=str(PROJECT_ROOT))
    return nbformat.read(executed, as_version=4)


def _figures(nb):
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    return re.findall(r'"(0\d-[\w-]+)"\)', code)


@needs_seed
@pytest.mark.slow
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_each_notebook_runs_on_the_founding_report_alone(name, seed_path, tmp_path):
    nb = _run(name, seed_path, tmp_path)
    assert nb.metadata.papermill.parameters["corpus"] == str(seed_path)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
    for stem in _figures(load(name)):
        assert (tmp_path / "figures" / f"{stem}.png").is_file(), stem
        assert (tmp_path / "figures" / f"{stem}.csv").is_file(), stem


@needs_seed
@pytest.mark.slow
def test_casualties_notebook_shows_the_founding_report_tolls(seed_path, tmp_path):
    nb = _run("02-casualties", seed_path, tmp_path)
    text = "\n".join(str(o.get("data", {}).get("text/html", "")) for c in nb.cells for o in c.get("outputs", []))
    from analysis.extract.text import split_sentences

    toll_sentence = next(s.text for s in split_sentences(seed_path.read_text(encoding="utf-8")) if "600" in s.text)
    assert toll_sentence[:40] in text
    assert ">600<" in text and ">2000<" in text


@pytest.mark.slow
def test_empty_selection_runs_through(tmp_path):
    nb = _run("03-actors", DEMO_CORPUS, tmp_path, sources=["no-such-outlet"])
    outputs = [o for c in nb.cells for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any("No reports match this selection" in str(o.get("data", {})) for o in outputs)


# --------------------------------------------------------------------------- the main job


@pytest.fixture(scope="module")
def demo_reports(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    return run_reports(corpus=DEMO_CORPUS, config=PROJECT_ROOT / "reports.yml", out=out, progress=False)


@pytest.mark.slow
def test_make_report_on_the_demo_corpus(demo_reports):
    r = demo_reports
    assert r.ok, r.summary()
    variants = {run.variant.name for run in r.runs}
    assert variants == {"all", "pro-government outlets", "opposition and independent outlets", "year 2017"}
    assert {run.notebook for run in r.runs} == set(NOTEBOOKS)
    for run in r.runs:
        assert run.reader_html.is_file() and run.full_html.is_file() and run.executed.is_file()
        reader, full = run.reader_html.read_text(), run.full_html.read_text()
        assert "Traceback" not in reader
        assert "open_report" not in reader and "open_report" in full  # code hidden / shown
        assert "corpus sha256" in reader and "git commit" in reader
    assert r.index.name == "index.html"


@pytest.mark.slow
def test_browser_opens_index_and_a_report(demo_reports):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.skip("Chromium absent (.ci/run installs Debian's chromium)")
    out = demo_reports.index.parent
    shots = out / "screenshots"
    shots.mkdir(exist_ok=True)
    pages = [demo_reports.index, next(r.reader_html for r in demo_reports.runs if r.notebook == "02-casualties")]
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            for html_file in pages:
                page.goto(Path(html_file).as_uri())
                page.wait_for_load_state("load")
                broken = page.eval_on_selector_all("img", "imgs => imgs.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src.slice(0, 80))")
                assert broken == [], f"broken images in {html_file}"
                hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))")
                for href in hrefs:
                    if href.startswith(("http:", "https:", "#", "mailto:")):
                        continue
                    target = (Path(html_file).parent / href.split("#")[0]).resolve()
                    assert target.is_file(), f"broken link {href} in {html_file}"
                shot = shots / f"{Path(html_file).stem}.png"
                page.screenshot(path=str(shot), full_page=False)
                assert shot.stat().st_size > 10_000
        finally:
            browser.close()


@needs_fakes
@pytest.mark.slow
def test_reports_on_fakes(fakes_path, fakes_tables, tmp_path):
    r = run_reports(corpus=fakes_path, out=tmp_path, variants=False, progress=False)
    assert r.ok, r.summary()
    assert len(r.runs) == 4
    page = next(run.reader_html for run in r.runs if run.notebook == "01-corpus-overview").read_text()
    assert "fakes-csv" in page and "804 selected of 804" in page


@pytest.mark.slow
def test_engine_parameter_runs_the_extraction_on_dask(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("---\nsource: sana\ndate: 2017-01-02\n---\nNine people were killed in Homs.\n")
    nb = _run("01-corpus-overview", corpus, tmp_path / "out", engine="dask", workers=1)
    text = "\n".join(str(o.get("data", {}).get("text/html", "")) for c in nb.cells for o in c.get("outputs", []))
    assert "dask engine" in text
    with pytest.raises(pm.PapermillExecutionError, match="parameter engine: 'spark'; use 'local' or 'dask'"):
        _run("01-corpus-overview", corpus, tmp_path / "bad", engine="spark")
