"""Property-based tests (hypothesis) of the hostile-input promises on generated corpora.

Generated CSV, JSON lines and folders of ``.txt`` files full of quotes, line breaks, control,
invisible and bidirectional characters, odd types and stray bytes. For every one:

1. no exception but :class:`InputError` escapes the loaders, and ``extract`` returns 0 or 2
   with exactly one ``error:`` line (never a traceback);
2. every input record is in ``documents`` or ``skipped`` (a valid CSV is read back exactly);
3. what is printed is bounded, and text is normalised (no invisible characters, NFC).

Bounded to run in a few seconds: few examples each, a generous deadline (the machine is
shared), no example database written into the project, and the same examples on CI.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from analysis.errors import InputError, printable
from analysis.io.documents import load_corpus
from analysis.io.sanitize import (
    FORMULA_START,
    INVISIBLE,
    clean_label,
    normalise_text,
    spreadsheet_safe,
)

from .hostile_helpers import accounted, cli, write

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")  # reading notes are expected here

BOUNDED = settings(max_examples=25, deadline=3_000, database=None, derandomize=bool(os.environ.get("CI")),
                   suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(BOUNDED, max_examples=8, deadline=10_000)

#: Characters that break naive readers, plus any Unicode character (no surrogates).
ODD = ['"', ",", "\n", "\r", "\r\n", "\t", "'", "=", "+", "-", "@", "\\", "{", "}", "[", "]", "---", ":",
       "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u00a0", "\u00ad", "\u200b", "\u200c", "\u200d", "\u202e",
       "\u2066", "\u2028", "\ufeff", "e\u0301", "é", "ا", "\U0001f600", " ", "killed", "12"]
odd_text = st.lists(st.one_of(st.sampled_from(ODD), st.characters(exclude_categories=["Cs"])), max_size=12).map("".join)
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), odd_text),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(odd_text, inner, max_size=3)),
    max_leaves=6,
)


def _loaded(path: Path, **kwargs):
    """The corpus, or None for a one-line InputError (the only exception allowed)."""
    try:
        return load_corpus(path, **kwargs)
    except InputError as exc:
        assert "\n" not in printable(str(exc)) and len(printable(str(exc))) <= 2_100
        return None


def _normalised(corpus) -> None:
    for col in ("text", "title", "source", "doc_id"):
        for value in corpus.documents[col].dropna():
            assert not set(value) & set(INVISIBLE), (col, value)
            assert unicodedata.is_normalized("NFC", value)
    for value in corpus.documents["source"].dropna().tolist() + corpus.documents["doc_id"].tolist():
        assert value == value.strip() and "\n" not in value


@BOUNDED
@given(rows=st.lists(st.tuples(odd_text, odd_text, odd_text), min_size=1, max_size=6))
def test_valid_csv_is_read_back_exactly(rows):
    """A CSV any writer could make is read as CSV: one record per row, each text normalised."""
    with tempfile.TemporaryDirectory() as tmp:
        buf = io.StringIO(newline="")
        csv.writer(buf).writerows([("text", "source", "title"), *rows])
        f = write(Path(tmp) / "c.csv", buf.getvalue())
        corpus = _loaded(f, clean=False)  # cleaning blanks chrome by design: compare the text as read
        if corpus is None:  # only binary-looking data (a NUL) may stop it
            assert any("\x00" in cell for row in rows for cell in row)
            return
        assert corpus.n_records == len(rows)
        assert sorted(corpus.documents["text"]) == sorted(
            t for t in (normalise_text(r[0]) for r in rows) if t.strip())
        _normalised(corpus)


@BOUNDED
@given(lines=st.lists(st.one_of(st.dictionaries(st.sampled_from(["text", "source", "doc_id", "location", "n", "x"]),
                                                json_values, max_size=5).map(json.dumps),
                                st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\r\n"),
                                         max_size=20)),
                      min_size=1, max_size=8))
def test_jsonl_records_are_all_accounted_for(lines):
    """Any mix of JSON objects and garbage: every non-blank line is a document or skipped."""
    with tempfile.TemporaryDirectory() as tmp:
        f = write(Path(tmp) / "c.jsonl", "\n".join(lines) + "\n")
        corpus = _loaded(f, skip_bad_lines=True)
        if corpus is None:  # duplicate ids, or NUL bytes
            return
        assert corpus.n_records == sum(1 for ln in lines if ln.strip())
        _normalised(corpus)
        for col in corpus.documents.columns.difference(["date", "n_words"]):  # one type per column
            assert all(isinstance(v, str) for v in corpus.documents[col].dropna()), col


file_names = st.text(st.characters(exclude_categories=["Cs", "Cc"], exclude_characters="/\\"), min_size=1,
                     max_size=12).filter(lambda s: s not in (".", "..") and len(s.encode()) < 200)
file_bytes = st.one_of(
    st.binary(max_size=60),
    st.tuples(odd_text, odd_text, st.sampled_from(["utf-8", "utf-16", "cp1252", "utf-8-sig"]),
              st.booleans()).map(lambda t: ((f"---\ntitle: {t[1]}\n" + ("---\n" if t[3] else "") + t[0])
                                            .encode(t[2], errors="replace"))),
)


@BOUNDED
@given(files=st.dictionaries(st.tuples(file_names, st.sampled_from([".txt", ".TXT", ".md", ""])).map("".join),
                             file_bytes, min_size=1, max_size=5))
def test_folder_entries_are_all_accounted_for(files):
    """A folder of odd names (hidden ones too) and odd bytes: every file is a document or skipped."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "c"
        folder.mkdir()
        for name, data in files.items():
            try:
                (folder / name).write_bytes(data)
            except OSError:  # a name this file system refuses
                return
        names = os.listdir(folder)  # what the file system made of the names (case folding)
        corpus = _loaded(folder)
        if corpus is None:  # only hidden files, or two names giving one id
            return
        assert corpus.n_records == len(names)
        _normalised(corpus)


@SLOW
@given(rows=st.lists(st.tuples(odd_text, odd_text), min_size=1, max_size=4),
       tail=st.binary(max_size=12), kind=st.sampled_from(["csv", "jsonl"]))
def test_extract_keeps_its_promises(rows, tail, kind):
    """The command on a tiny generated corpus with a damaged end: 0 with every record, or 2 with one line."""
    with tempfile.TemporaryDirectory() as tmp:
        if kind == "csv":
            buf = io.StringIO(newline="")
            csv.writer(buf).writerows([("text", "source"), *rows])
            data = buf.getvalue().encode()
        else:
            data = "".join(json.dumps({"text": t, "source": s}) + "\n" for t, s in rows).encode()
        f = write(Path(tmp) / f"c.{kind}", data + tail)
        out = Path(tmp) / "o"
        run = cli("--quiet", "extract", f, "--out", out, "--skip-bad-lines")
        assert run.rc in (0, 2)
        if run.rc == 0:
            assert accounted(out) >= len(rows) - 1  # the damaged last row may join its tail
            assert not (out / "documents.csv").read_text(encoding="utf-8").startswith("Traceback")


@BOUNDED
@given(text=odd_text)
def test_normalised_text_is_stable(text):
    """Normalising twice changes nothing; nothing invisible survives; labels are single-spaced."""
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert not set(once) & set(INVISIBLE) and "\r" not in once
    assert unicodedata.is_normalized("NFC", once)
    label = clean_label(text)
    assert label == " ".join(label.split())


@BOUNDED
@given(cells=st.lists(st.one_of(odd_text, st.none()), min_size=1, max_size=6))
def test_spreadsheet_safe_never_starts_a_formula(cells):
    """Every text cell either stays as it is or gets one leading ``'``; none starts a formula."""
    import pandas as pd

    df = pd.DataFrame({"c": pd.Series(cells, dtype=object), "s": pd.Series(cells, dtype="string")})
    out = spreadsheet_safe(df)
    for col in ("c", "s"):
        for before, after in zip(df[col], out[col]):
            if pd.isna(before):
                assert pd.isna(after)
                continue
            assert after in (before, "'" + before) and not after.startswith(FORMULA_START)


@BOUNDED
@given(message=st.text(st.characters(exclude_categories=["Cs"]), max_size=3_000))
def test_printed_messages_are_one_bounded_line(message):
    """Whatever a message holds, what the command line prints is one short, printable line."""
    line = printable(message)
    assert line.isprintable() and len(line) <= 2_200


# --------------------------------------------------------------------------- report config and notebook parameters

literals = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False), odd_text)
any_values = st.one_of(literals, st.lists(literals, max_size=3), st.dictionaries(odd_text, literals, max_size=2), json_values)
NOTEBOOK_NAMES = ["01-corpus-overview", "02-casualties", "03-actors", "04-framing"]
names = odd_text.filter(lambda t: t.strip())
plain_parameters = st.dictionaries(st.sampled_from(["sources", "date_from", "date_to", "top_words", "level"]),
                                   st.one_of(literals, st.lists(literals, max_size=3)), max_size=3)
well_formed = st.one_of(
    st.fixed_dictionaries({"per": st.sampled_from(["source", "year"])},
                          optional={"notebooks": st.lists(st.sampled_from(NOTEBOOK_NAMES), max_size=2)}),
    st.fixed_dictionaries({"name": names, "parameters": plain_parameters},
                          optional={"notebooks": st.lists(st.sampled_from(NOTEBOOK_NAMES), max_size=2)}),
)
ill_formed = st.one_of(
    st.fixed_dictionaries({"per": st.one_of(st.sampled_from(["week", "Source"]), any_values)}),
    st.fixed_dictionaries(
        {"name": st.one_of(odd_text, any_values),
         "parameters": st.one_of(st.dictionaries(st.one_of(odd_text, st.integers()), any_values, max_size=3), any_values)},
        optional={"notebooks": any_values, "extra": any_values}),
    any_values,
)


def mostly(good, bad, *, one_in: int = 5):
    """``good``, but ``bad`` one time in ``one_in`` (so most examples get past the first check)."""
    return st.integers(1, one_in).flatmap(lambda i: bad if i == 1 else good)


variants = mostly(well_formed, ill_formed)
well_formed_configs = st.fixed_dictionaries({"variants": st.lists(variants, min_size=1, max_size=4)},
                                           optional={"notebooks": st.lists(st.sampled_from(NOTEBOOK_NAMES), max_size=2)})
ill_formed_configs = st.one_of(
    st.fixed_dictionaries({"variants": st.one_of(st.lists(variants, max_size=4), any_values)},
                          optional={"notebooks": any_values, "other": any_values}),
    any_values,
)
configs = mostly(well_formed_configs, ill_formed_configs).map(lambda c: ("yaml", c))
#: Hand-written hostile YAML: an alias bomb, nesting thousands deep, tags that would run code, tabs,
#: a byte-order mark, UTF-16, a key that is a list, merge keys.
HOSTILE_YAML = [
    "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nvariants: [*b, *b, *b, *b, *b]\n",
    "variants: " + "[" * 3000 + "]" * 3000 + "\n",
    "variants: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n",
    "!!python/object/apply:os.system ['echo hi']\n",
    "variants:\n\t- per: source\n",
    "\ufeffvariants:\n  - per: source\n",
    "? [a, b]\n: 1\n",
    "variants:\n  - <<: {per: source}\n    name: x\n",
    "variants: [{per: source}]\n---\nvariants: []\n",
]
raw_configs = st.one_of(st.sampled_from(HOSTILE_YAML), st.text(max_size=80)).map(lambda t: ("raw", t))


@BOUNDED
@given(config=mostly(configs, raw_configs, one_in=4), outlets=st.lists(odd_text, min_size=1, max_size=4),
       years=st.lists(st.integers(1, 9999), min_size=1, max_size=3))
def test_report_config_keeps_its_promises(config, outlets, years):
    """Any config: one error line naming the file, or every variant kept and planned into short, distinct files."""
    import pandas as pd
    import yaml

    from analysis.report.batch import expand_variants, load_config, plan_runs

    kind, value = config
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "reports.yml"
        text = yaml.safe_dump(value, allow_unicode=True) if kind == "yaml" else value
        f.write_bytes(text.encode("utf-8", errors="surrogatepass") if isinstance(text, str) else text)
        try:
            notebooks, entries = load_config(f)
        except InputError as exc:
            message = str(exc)
            assert str(f) in message and len(message) <= 2_000 and "\n" not in printable(message)
            event("config refused")
            return
        if kind == "yaml":  # nothing lost, nothing changed (from what YAML itself reads)
            assert entries == ((yaml.safe_load(text) or {}).get("variants") or [])
        docs = pd.DataFrame({"source": [clean_label(o) or None for o in outlets],
                             "date": pd.to_datetime([f"{years[i % len(years)]:04d}-06-01" for i in range(len(outlets))])})
        try:
            planned = expand_variants(entries, docs)
        except InputError as exc:  # two variants named alike: the one error the user fixes by renaming
            assert "same file name" in str(exc) and "\n" not in str(exc)
            return
        names = [n for n in (notebooks or NOTEBOOK_NAMES) if n in NOTEBOOK_NAMES]
        runs = plan_runs(names, planned, "c", Path(tmp), _declared())
        event(f"config planned ({min(len(planned), 3)}+ variants)")
        assert len({r.stem for r in runs}) == len(runs)
        assert all(len(p.name.encode()) <= 120 for r in runs for p in (r.executed, r.full_html, r.figures))


_DECLARED: dict = {}


def _declared() -> dict:
    """Each notebook's declared parameters (papermill's inspection, read once)."""
    if not _DECLARED:
        from analysis.paths import NOTEBOOK_DIR
        from analysis.report.batch import notebook_parameters

        _DECLARED.update({n: notebook_parameters(NOTEBOOK_DIR / f"{n}.ipynb") for n in NOTEBOOK_NAMES})
    return _DECLARED


@pytest.fixture(scope="module")
def tiny_corpus(tmp_path_factory):
    """Three reports, extracted once into the session cache (every open_report below is a cache hit)."""
    from analysis.run.pipeline import load_tables

    f = tmp_path_factory.mktemp("tiny") / "c.jsonl"
    rows = [{"doc_id": "a", "source": "sana", "date": "2017-01-02", "text": "Two people were killed in Homs."},
            {"doc_id": "b", "source": "<b>x</b> [l](javascript:x)", "date": "2017-02-03", "text": "Rebels shelled it."},
            {"doc_id": "c", "source": "bbc", "text": "Nine were wounded."}]
    f.write_text("".join(json.dumps(r) + "\n" for r in rows))
    load_tables(f)
    return f


#: Values a notebook accepts, per parameter (the strategies mix them with any value at all).
GOOD = {"sources": st.lists(st.sampled_from(["sana", "SANA ", "bbc", "<b>x</b> [l](javascript:x)", "none"]), max_size=2),
        "date_from": st.sampled_from(["", "2017-01-01", "2017-02-01", "0001-01-01"]),
        "date_to": st.sampled_from(["", "2017-01-31", "9999-12-31"]), "group_by": st.sampled_from(["source", "date"]),
        "lexicons": st.just({}), "pack": st.just(""), "engine": st.just("local"), "workers": st.just(0),
        "scheduler": st.just(""),
        "event_window_days": st.integers(0, 30), "level": st.sampled_from(["actor_id", "actor"]),
        "min_cooccurrence": st.integers(1, 5), "referent": st.sampled_from(["armed_opposition", "government"]),
        "top_words": st.integers(1, 20)}
#: Parameters a notebook accepts, then perhaps one of them given any value at all.
parameter_sets = st.tuples(st.fixed_dictionaries({}, optional=GOOD),
                           mostly(st.none(), st.tuples(st.sampled_from(sorted(GOOD)), any_values), one_in=2)
                           ).map(lambda t: {**t[0], **(dict([t[1]]) if t[1] else {})})


@BOUNDED
@given(params=parameter_sets)
def test_notebook_parameters_keep_their_promises(tiny_corpus, params):
    """Any parameter values: one error naming the parameter, or a report that keeps and escapes what it was given."""
    import html

    from analysis.report.session import open_report

    with tempfile.TemporaryDirectory() as tmp:
        params["out_dir"] = tmp
        try:
            report = open_report(notebook="t", corpus=str(tiny_corpus), **params)
        except InputError as exc:
            message = str(exc)
            assert len(message) <= 2_000 and "\n" not in printable(message)
            assert message.startswith("parameter ") or "lexicon" in message, message
            event("parameters refused")
            return
        event("report opened")
        all_docs = report.all_tables.documents
        if not params.get("sources") and not params.get("date_from") and not params.get("date_to"):
            assert len(report.documents) == len(all_docs)  # nothing lost
        notice = report.notice().data
        sources = params.get("sources")
        for s in ([sources] if isinstance(sources, str) else sources or []):  # shown only escaped
            if "<" in s or "&" in s:
                assert s not in notice.replace(html.escape(s, quote=True), "")
