"""Batch reports: papermill runs, HTML, index, cache, failure isolation, escaping, reproducibility."""

from __future__ import annotations

import json
import re

import nbformat
import pytest

from analysis.errors import InputError
from analysis.report.batch import expand_variants, load_config, run_reports, slug

OVERVIEW = ["01-corpus-overview"]

INJECTION = {
    "a.txt": "---\ntitle: <script>alert('title')</script> Shelling kills 12\nsource: <b>evil</b>\ndate: 2017-03-01\n---\n"
             "At least 12 civilians were killed in shelling, the Syrian Observatory for Human Rights said. "
             "<img src=x onerror=alert('body')> **bold** [click](javascript:alert('md')) $x^2$ {{ var }}\n",
    "b.txt": "---\ntitle: Mortars hit Damascus\nsource: sana\ndate: 2017-04-02\n---\n"
             "Terrorists fired mortars at Damascus, killing two people and wounding 15, SANA reported.\n",
    "c.txt": "---\ntitle: Rebels advance\nsource: reuters\ndate: 2018-01-05\n---\nRebels advanced near Hama.\n",
}

CONFIG = """
variants:
  - name: sana only
    parameters: {sources: [sana]}
  - name: nothing matches
    parameters: {sources: [no-such-outlet]}
  - name: bad date
    parameters: {date_from: "2017-13-45"}
  - name: unknown parameter
    parameters: {colour: red}
  - name: broken lexicon
    parameters: {lexicons: {actors: "BROKEN"}}
"""


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("batch")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in INJECTION.items():
        (corpus / name).write_text(text, encoding="utf-8")
    broken = root / "broken-actors.yml"
    broken.write_text("actors:\n  - name: X\n    group: NOT_A_GROUP\n    aliases: [x]\n")
    config = root / "reports.yml"
    config.write_text(CONFIG.replace("BROKEN", str(broken)))
    first = run_reports(corpus=corpus, config=config, out=root / "one", notebooks=OVERVIEW, progress=False)
    second = run_reports(corpus=corpus, out=root / "two", notebooks=OVERVIEW, variants=False, progress=False)
    return root, first, second


def _run(result, variant):
    return next(r for r in result.runs if r.variant.name == variant)


def test_every_run_is_listed_and_named_after_its_parameters(batch):
    _, first, _ = batch
    stems = [r.stem for r in first.runs]
    assert stems == [f"01-corpus-overview-{s}" for s in
                     ("all", "sana-only", "nothing-matches", "bad-date", "unknown-parameter", "broken-lexicon")]
    ok = _run(first, "sana only")
    nb = nbformat.read(ok.executed, as_version=4)
    assert nb.metadata.papermill.parameters["sources"] == ["sana"]
    assert ok.reader_html.is_file() and ok.full_html.is_file()
    assert any(ok.figures.glob("*.png")) and any(ok.figures.glob("*.csv"))


def test_failures_are_isolated_and_explained(batch):
    _, first, _ = batch
    assert not first.ok
    status = {r.variant.name: r.status for r in first.runs}
    assert status == {"all": "ok", "sana only": "ok", "nothing matches": "ok", "bad date": "failed",
                      "unknown parameter": "failed", "broken lexicon": "failed"}
    bad = _run(first, "bad date")
    assert bad.error == "InputError: parameter date_from: '2017-13-45' is not a date; write YYYY-MM-DD (or leave it empty for no limit)"
    assert bad.executed.is_file() and bad.full_html.is_file()  # the partial notebook is kept
    assert "unknown parameter(s) colour for 01-corpus-overview" in _run(first, "unknown parameter").error
    assert "LexiconError" in _run(first, "broken lexicon").error and "NOT_A_GROUP" in _run(first, "broken lexicon").error
    summary = first.summary()
    assert summary.startswith("3 of 6 report runs succeeded; index: ")
    assert "FAILED 01-corpus-overview-bad-date: InputError: parameter date_from" in summary


def test_index_links_runs_with_status_and_provenance(batch):
    root, first, _ = batch
    page = first.index.read_text()
    for r in first.runs:
        assert r.variant.name in page
        if r.reader_html.is_file():
            assert f'href="{r.reader_html.name}"' in page
    assert page.count('class="failed"') == 3 and page.count('class="ok"') == 3
    for item in ("corpus sha256", "git commit", "package version", "lexicon actors", "run date (UTC)"):
        assert item in page
    assert "is not a date" in page
    # a guide first: what the report answers, the outlets with their counts, the variants, then the log
    guide = page[:page.index("<h2>Run log</h2>")]
    assert "what is in the corpus before any extraction" in guide and "01 · Corpus overview" in guide
    assert re.search(r"SANA</td><td><code>sana</code></td><td>Syrian Arab News Agency[^<]*</td><td[^>]*>1</td>", guide)
    assert "&lt;b&gt;evil&lt;/b&gt;" in guide and "<b>evil</b>" not in page
    assert "outlets SANA" in guide and "3 reports from 3 outlets" in page


def test_empty_selection_renders_a_clear_notice(batch):
    _, first, _ = batch
    page = _run(first, "nothing matches").reader_html.read_text()
    assert "No reports match this selection" in page
    assert "Traceback" not in page


def test_report_text_is_escaped_in_html(batch):
    _, first, _ = batch
    for r in first.runs:
        if not r.reader_html.is_file():
            continue
        for page in (r.reader_html.read_text(), r.full_html.read_text()):
            assert "<script>alert(" not in page
            assert "<img src=x onerror" not in page
            assert "<b>evil</b>" not in page
            assert 'href="javascript:' not in page
    page = _run(first, "all").reader_html.read_text()
    assert "&lt;script&gt;alert(" in page  # shown as text
    docs = (first.index.parent / "documents.html").read_text()  # every report's text, marked up
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in docs
    for bad in ("<script>alert(", "<img src=x onerror", "<b>evil</b>", 'href="javascript:'):
        assert bad not in docs


def test_second_run_uses_the_cache_and_is_reproducible(batch):
    root, first, second = batch
    assert second.provenance["extraction"]["cache"] == "hit"
    a, b = root / "one" / "figures" / "01-corpus-overview-all", root / "two" / "figures" / "01-corpus-overview-all"
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files and files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for f in files:
        assert (a / f).read_bytes() == (b / f).read_bytes(), f


def test_config_errors_name_the_entry(tmp_path):
    cfg = tmp_path / "r.yml"
    cfg.write_text("variants:\n  - name: x\n    parameters: {sources: {a: [1]}}\n")
    with pytest.raises(InputError, match=r"variant 1 \(x\) parameter sources: parameters must be strings"):
        load_config(cfg)
    cfg.write_text("variants:\n  - per: week\n")
    with pytest.raises(InputError, match="variant 1: per must be 'source' or 'year', got 'week'"):
        load_config(cfg)
    cfg.write_text("variants: [\n")
    with pytest.raises(InputError, match="is not valid YAML"):
        load_config(cfg)
    cfg.write_text("!!python/object/apply:os.system ['echo hi']\n")
    with pytest.raises(InputError, match="is not valid YAML"):
        load_config(cfg)
    with pytest.raises(InputError, match="report config not found"):
        load_config(tmp_path / "none.yml")


def test_per_source_and_per_year_variants():
    import pandas as pd

    docs = pd.DataFrame({"source": ["sana", "reuters", None], "date": pd.to_datetime(["2016-01-01", "2017-05-05", None])})
    names = [v.name for v in expand_variants([{"per": "source"}, {"per": "year"}], docs)]
    assert names == ["source reuters", "source sana", "year 2016", "year 2017"]
    v = expand_variants([{"per": "year"}], docs)[0]
    assert v.parameters == {"date_from": "2016-01-01", "date_to": "2016-12-31"}
    with pytest.raises(InputError, match="give the same file name"):
        expand_variants([{"name": "A b", "parameters": {}}, {"name": "a-b", "parameters": {}}], docs)


@pytest.mark.parametrize("text, expected", [("Year 2017 (sana)", "year-2017-sana"), ("<x>", "x"), ("***", "variant")])
def test_slug(text, expected):
    assert slug(text) == expected


def test_unknown_notebook_is_refused(tmp_path):
    with pytest.raises(InputError, match="unknown notebook"):
        run_reports(notebooks=["99-nothing"], out=tmp_path, progress=False)


def test_cli_report_exit_status_and_summary(batch, tmp_path, capsys):
    """``python -m analysis report`` (in this process: the kernels are the pool's warm ones)."""
    from analysis.cli import main

    root, _, _ = batch
    config = tmp_path / "r.yml"
    config.write_text('variants:\n  - name: bad date\n    parameters: {date_to: "soon"}\n')
    code = main(["--quiet", "report", "--corpus", str(root / "corpus"), "--config", str(config),
                 "--out", str(tmp_path / "o"), "--notebooks", *OVERVIEW])
    out = capsys.readouterr().out
    assert code == 1
    assert re.search(r"^1 of 2 report runs succeeded; index: ", out, re.M)
    assert "FAILED 01-corpus-overview-bad-date: InputError: parameter date_to: 'soon' is not a date" in out
    assert json.dumps("bad date")[1:-1] in (tmp_path / "o" / "index.html").read_text()