"""The reader's page parts: table cells, marked sentences, the documents page, the page
structure (contents, titles), the index guide, and key findings on a hand-made corpus."""

from __future__ import annotations

import nbformat
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from analysis.aggregate import actors as salience
from analysis.aggregate.casualties import claims_with_documents
from analysis.report import findings, htmltables
from analysis.report.docpages import documents_html, marked_text
from analysis.report.htmlrender import contents_html, reader_notebook
from analysis.report.indexpage import selection_words, what_it_answers
from analysis.io.datelines import date_conflicts
from analysis.report.htmltables import claim_anchor
from analysis.report.session import dates_sentence, open_report
from analysis.report.style import load_style

# --------------------------------------------------------------------------- table cells


def test_display_frame_integers_blanks_dates_shares_and_links():
    df = pd.DataFrame({"doc_id": ["a 1"], "date": [pd.Timestamp("2017-04-05")], "claims": [12.0], "min": [None],
                       "share_of_reports": [0.125], "text": ["<script>x</script>"], "quoted": [True],
                       "mean": [0.12345]})
    got = htmltables.display_frame(df)
    expected = pd.DataFrame({"report": ['<a href="documents.html#doc-a%201">a 1</a>'], "date": ["2017-04-05"],
                             "claims": ["12"], "min": [""], "share of reports": ["12%"],
                             "text": ["&lt;script&gt;x&lt;/script&gt;"], "quoted": ["yes"], "mean": ["0.123"]})
    assert_frame_equal(got, expected)


@pytest.mark.parametrize("sentence, span, expected", [
    ("At least 12 were killed.", "12 were killed", "At least <mark>12 were killed</mark>."),
    ("<b>5</b> died", "5", "&lt;b&gt;<mark>5</mark>&lt;/b&gt; died"),
    ("No span here.", "", "No span here."),
    ("Span not in it.", "elsewhere", "Span not in it."),
])
def test_the_number_is_marked_in_its_sentence(sentence, span, expected):
    assert htmltables.mark_in(sentence, span) == expected


def test_claim_rows_mark_the_toll_and_name_the_groups():
    docs = pd.DataFrame({"doc_id": ["d"], "title": ["Shelling kills 3"], "text": ["x. Shelling killed 3 people, monitors said."]})
    claims = pd.DataFrame({"doc_id": ["d", "d"], "source": ["SANA"] * 2, "date": [pd.Timestamp("2017-01-01")] * 2,
                           "part": ["body", "title"], "sent_id": [1, 0], "start": [3, 0], "end": [27, 16],
                           "category": ["killed"] * 2, "min": [3, 3], "max": [3, 3], "vague": [None, None],
                           "qualifier": ["exact"] * 2, "victims": ["people", None], "scope": ["event"] * 2,
                           "source_actor": ["MONITOR_NGO", None], "perpetrator_actor": [None, None],
                           "sentence": ["Shelling killed 3 people, monitors said.", "Shelling kills 3"]})
    rows = htmltables.claim_rows(claims, docs)
    assert rows["part"].tolist() == ["body", "title"]  # date, report, part (body before title), sentence
    assert rows["sentence"].tolist() == ["<mark>Shelling killed 3 people</mark>, monitors said.",
                                         "<mark>Shelling kills 3</mark>"]
    assert rows["source_actor"].tolist()[0] == "Monitors and NGOs"


def test_mention_rows_one_row_per_report_and_actor():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "source": ["X", "Y"], "date": [pd.Timestamp("2017-01-02"), None],
                         "title": ["", ""], "text": ["The UN said the UN would help.", "Russian jets struck."]})
    m = pd.DataFrame({"doc_id": ["a", "a", "b"], "part": ["body"] * 3, "sent_id": [0, 0, 0], "start": [4, 16, 0],
                      "end": [6, 18, 12], "actor_id": ["UN", "UN", "RUSSIA"], "role": ["speaker", "other", "agent"],
                      "sentence": ["The UN said the UN would help."] * 2 + ["Russian jets struck."]})
    got = htmltables.mention_rows(m, docs)
    expected = pd.DataFrame({"date": [pd.Timestamp("2017-01-02"), pd.NaT], "source": ["X", "Y"], "doc_id": ["a", "b"],
                             "actor_id": ["United Nations", "Russia"],
                             "first_sentence": ["The <mark>UN</mark> said the UN would help.",
                                                "<mark>Russian jets</mark> struck."],
                             "mentions": [2, 1], "roles": ["other 1, speaker 1", "agent 1"]})
    assert_frame_equal(got, expected, check_dtype=False)


def test_table_html_is_complete_and_escaped():
    df = pd.DataFrame({"doc_id": [f"d{i}" for i in range(250)], "text": ["</script><img src=x onerror=alert(1)>"] * 250})
    page = htmltables.table_html(df, name="t", csv="t.csv")
    assert 'data-rows="250"' in page and '"d249"' not in page  # the id is a link, not bare text
    assert "documents.html#doc-d249" in page
    assert "<img src=x" not in page and "</script><img" not in page
    assert 'href="t.csv"' in page


# --------------------------------------------------------------------------- aggregations behind new figures


def test_salience_matrix_and_cooccurrence_matrix():
    sal = pd.DataFrame({"source": ["A", "A", "B"], "actor_id": ["UN", "ISIS", "ISIS"], "reports": [1, 2, 4],
                        "share_of_reports": [0.5, 1.0, 0.4], "mentions": [1, 2, 4], "mentions_per_report": [1, 1, 1]})
    docs = pd.DataFrame({"doc_id": list("abcdefghijkl"), "source": ["A"] * 2 + ["B"] * 10, "duplicate_of": [None] * 12})
    wide, n = salience.salience_matrix(sal, docs)
    assert_frame_equal(wide, pd.DataFrame({"A": [1.0, 0.5], "B": [0.4, 0.0]}, index=pd.Index(["ISIS", "UN"], name="actor_id")),
                       check_names=False)
    assert n.to_dict() == {"A": 2, "B": 10}
    edges = pd.DataFrame({"a": ["ISIS", "ISIS"], "b": ["UN", "USA"], "sentences": [5, 3], "reports": [2, 1]})
    m = pd.DataFrame({"doc_id": ["a", "b", "a", "c", "d"], "actor_id": ["USA", "USA", "ISIS", "USA", "UN"]})
    mat = salience.cooccurrence_matrix(edges, m)
    assert mat.index.tolist() == ["USA", "ISIS", "UN"]  # by reports naming them
    assert mat.fillna(0).astype(int).values.tolist() == [[0, 3, 0], [3, 0, 5], [0, 5, 0]]


def test_role_shares():
    profile = pd.DataFrame({"speaker": [2, 0], "agent": [6, 0], "target": [0, 0], "other": [2, 0]}, index=["UN", "X"])
    assert salience.role_shares(profile).values.tolist() == [[0.2, 0.6, 0.0, 0.2], [0.0, 0.0, 0.0, 0.0]]


# --------------------------------------------------------------------------- documents page


def test_marked_text_nests_claims_actors_labels_and_escapes():
    text = "Terrorists <b> killed 4 in Homs"
    spans = [(0, 10, "label", "label 'terrorists'", ""), (0, 22, "claim", "claim: killed 4", ""),
             (11, 14, "actor", "actor: X", "#123456")]
    out = marked_text(text, spans)
    assert out.startswith('<span class="label claim" title="label &#x27;terrorists&#x27;; claim: killed 4">Terrorists</span>')
    assert '<span class="claim actor" style="--c:#123456" title="claim: killed 4; actor: X">&lt;b&gt;</span>' in out
    assert out.endswith(" in Homs") and "<b>" not in out


def test_documents_page_anchors_links_and_escaping(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("---\ntitle: <i>Rebels</i> advance\nsource: reuters\ndate: 2017-01-02\n"
                                  "url: javascript:alert(1)\n---\nRebels said 12 people were killed in Hama.\n")
    (corpus / "b b.txt").write_text("---\ntitle: Shelling\nsource: sana\nurl: https://example.org/x?a=1&b=2\n---\n"
                                    "Terrorists killed 3 civilians in Damascus, the army said.\n")
    from analysis.run.pipeline import load_tables

    page = documents_html(load_tables(corpus, cache_dir=tmp_path / "cache"))
    assert 'id="doc-a"' in page and 'id="doc-b%20b"' in page
    assert "&lt;i&gt;Rebels&lt;/i&gt;" in page and "<i>Rebels" not in page
    assert "javascript:" not in page  # not a link: only http(s) urls are
    assert 'href="https://example.org/x?a=1&amp;b=2"' in page
    assert '<span class="claim"' in page and 'class="label' in page and "actor" in page
    # each claim has an anchor at its start (the points of the same-event chart link there)
    tables = load_tables(corpus, cache_dir=tmp_path / "cache")
    for d, part, start in zip(tables.claims["doc_id"], tables.claims["part"], tables.claims["start"]):
        anchor = claim_anchor(d, part, start)
        assert f'<span class="cc-at" id="{anchor}"></span><span class="claim' in page, anchor
    assert 'id="claim-b%20b-b' in page


# --------------------------------------------------------------------------- page structure and index


def test_reader_notebook_has_a_title_contents_and_no_developer_cells():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# 02 · Casualties\n\n**What this report answers:** tolls."),
                nbformat.v4.new_markdown_cell("*Run it:* papermill ...", metadata={"tags": ["developer"]}),
                nbformat.v4.new_markdown_cell("## Key findings"),
                nbformat.v4.new_code_cell("report.findings()", metadata={"tags": ["findings"]}),
                nbformat.v4.new_markdown_cell("## Who is blamed (FA-KES labels)\n\ntext"),
                nbformat.v4.new_markdown_cell("## Limits")]
    out = reader_notebook(nb, title="02 · Casualties — year 2017")
    assert out.metadata["title"] == "02 · Casualties — year 2017"
    assert not any("Run it" in c.source for c in out.cells)
    assert out.cells[3].source == contents_html(nb)
    assert 'href="#Who-is-blamed-(FA-KES-labels)"' in out.cells[3].source and "Key findings" not in out.cells[3].source
    assert any("Run it" in c.source for c in reader_notebook(nb, title="t", reader=False).cells)


def test_index_guide_reads_what_each_report_answers():
    title, question = what_it_answers("02-casualties")
    assert title == "02 · Casualties" and question.startswith("which death and injury tolls the reports state")
    st = load_style()
    assert selection_words({"sources": ["sana", "manar"], "date_to": "2017-12-31"}, st) == \
        "outlets SANA, Al-Manar; until 2017-12-31"
    assert selection_words({}, st) == "the whole corpus"


# --------------------------------------------------------------------------- key findings


DAMASCUS = ["Midan", "Qaboun", "Jobar", "Harasta", "Douma", "Barzeh", "Mezzeh", "Kafr Sousa", "Rukn al-Din",
            "Muhajirin", "Bab Touma", "Qassaa", "Hamidiya"]
HAMA = ["Souran", "Taybat al-Imam", "Halfaya", "Mhardeh", "Kafr Zita", "Latamneh", "Morek", "Karnaz", "Suqaylabiyah",
        "Qomhana", "Khattab", "Maan"]
ALEPPO = ["Salaheddine", "Bustan al-Qasr", "Sheikh Maqsoud"]


def _report(source: str, day: int, sentence: str) -> str:
    return f"---\ntitle: Report {day}\nsource: {source}\ndate: 2017-03-{day:02d}\n---\n{sentence}\n"


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    """13 SANA reports (terrorists, 4 killed each), 12 Reuters (rebels, 10 killed), 3 TASS (militants, 200 killed)."""
    root = tmp_path_factory.mktemp("findings")
    corpus = root / "corpus"
    corpus.mkdir()
    for i, place in enumerate(DAMASCUS):
        (corpus / f"sana-{i:02d}.txt").write_text(_report(
            "sana", i + 1, f"Terrorists shelled the {place} district of Damascus, and four people were killed."))
    for i, place in enumerate(HAMA):
        (corpus / f"reuters-{i:02d}.txt").write_text(_report(
            "reuters", i + 1, f"Rebels fired rockets at an army checkpoint in {place}, and ten soldiers were killed."))
    for i, place in enumerate(ALEPPO):
        (corpus / f"tass-{i:02d}.txt").write_text(_report(
            "tass", 20 + i, f"Militants blew up a car in the {place} district of Aleppo, and 200 people were killed."))
    return open_report(notebook="test", corpus=str(corpus), out_dir=str(root / "figures"))


def test_overview_findings(small_corpus):
    rep = small_corpus
    got = [findings.plain(f.text) for f in findings.overview_findings(rep.documents, rep.tables.skipped)]
    assert got[:3] == [
        "28 reports from 3 outlets, dated 1 March 2017 to 22 March 2017.",
        "SANA contributes the most reports: 13 (46%). 1 outlet has fewer than 10 reports (TASS): too few for their "
        "shares to be compared, they are greyed in the figures.",
        "The busiest month is March 2017, with 28 reports.",
    ]


def test_casualty_findings(small_corpus):
    rep = small_corpus
    claims = claims_with_documents(rep.tables.claims, rep.documents)
    got = findings.casualty_findings(claims, rep.documents)
    text = [findings.plain(f.text) for f in got]
    assert text[0] == ("28 distinct casualty claims in 28 of 28 reports (100%): 28 state how many were killed, 0 how many "
                       "were injured, 0 a number of casualties (killed and injured together).")
    assert text[1] == ("Of the 28 reports that state a death toll for one event, half give 10 killed or fewer; 3 give "
                       "100 or more (11%).")
    hedging = next(t for t, f in zip(text, got) if f.section == "Hedging")
    assert hedging == ("100% of claims state an exact number; the others hedge ('at least', 'more than', 'about') or "
                       "stay vague.")  # no outlet differs from another: no contrast is drawn
    assert [f.section for f in got[:2]] == ["Every claim, with its sentence", "Reported tolls over time"]


def test_framing_finding_compares_outlets_with_enough_labels(small_corpus):
    rep = small_corpus
    got = findings.label_finding(rep.tables.labels, rep.documents, referent="armed_opposition")
    assert [findings.plain(f.text) for f in got] == [
        "In its own narration SANA calls the armed opposition 'terrorists' in 100% of its 13 labels for them; Reuters "
        "in 0% (of 12)."]
    html = findings.findings_html(got)
    assert 'href="#What-outlets-call-the-parties"' in html and "<b>100%</b>" in html


def test_a_one_outlet_report_compares_with_the_rest_of_the_corpus(small_corpus, tmp_path):
    rep = open_report(notebook="test", corpus=small_corpus.parameters["corpus"], sources=["tass"], out_dir=str(tmp_path))
    assert rep.versus_rest and set(rep.documents["source"]) == {"TASS"}
    assert rep.compared.documents["source"].value_counts().to_dict() == {"rest of corpus": 25, "TASS": 3}
    both = open_report(notebook="test", corpus=small_corpus.parameters["corpus"], sources=["tass", "sana"],
                       out_dir=str(tmp_path))
    assert not both.versus_rest and both.compared is both.tables


def test_a_one_outlet_report_compares_each_incident_outlet_by_outlet(tmp_path):
    """The same-event section of a one-outlet report: the incidents its outlet reports, each with
    every other outlet's toll under that outlet's name (not pooled as "rest of corpus")."""
    from analysis.aggregate import events

    rep = open_report(notebook="test", corpus="data/demo", sources=["sputnik"], out_dir=str(tmp_path))
    groups = events.event_groups(rep.all_tables, date_rule=rep.date_rule)
    table = events.event_table(events.select_events(groups, rep.event_documents(), anchor=rep.documents["doc_id"]))
    assert table["tolls"].tolist() == ["Al-Ahram: 43, 126 | Al-Alam: 112 | Sputnik: 70 | TRT World: 100",
                                       "Daily Sabah: 39 | NNA: 18 | Sputnik: 18"]
    assert "rest of corpus" not in set(rep.event_documents()["source"])
    from analysis.aggregate.casualties import claims_with_documents

    claims = claims_with_documents(rep.tables.claims, rep.documents)
    compared = claims_with_documents(rep.compared.claims, rep.compared.documents)
    said = [findings.plain(f.text) for f in findings.casualty_findings(claims, rep.documents, compared=compared,
                                                                      events=table) if "incident" in f.text]
    assert said[0].startswith("Sputnik reports 2 incidents that other outlets report too (matched by place, date")
    everyone = open_report(notebook="test", corpus="data/demo", out_dir=str(tmp_path))
    assert everyone.event_documents() is everyone.compared.documents


def test_salience_over_time_gives_each_period_its_reports():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "source": ["x"] * 3, "duplicate_of": [None] * 3,
                         "date": pd.to_datetime(["2017-01-05", "2017-02-01", "2017-05-01"])})
    m = pd.DataFrame({"doc_id": ["a", "a", "b", "c"], "actor_id": ["UN", "UN", "ISIS", "UN"]})
    got = salience.salience_over_time(m, docs, freq="Q")
    expected = pd.DataFrame({"period": pd.to_datetime(["2017-01-01", "2017-01-01", "2017-04-01"]),
                             "actor_id": ["ISIS", "UN", "UN"], "reports": [1, 1, 1], "period_reports": [2, 2, 1],
                             "share_of_reports": [0.5, 0.5, 1.0]})
    assert_frame_equal(got, expected, check_dtype=False)


def test_report_list_by_date():
    from analysis.aggregate.overview import report_list

    docs = pd.DataFrame({"doc_id": ["b", "a"], "source": ["x", "y"], "date": pd.to_datetime(["2017-02-01", "2017-01-01"]),
                         "title": ["B", "A"], "n_words": [10, 20], "duplicate_of": [None, None], "text": ["..", ".."]})
    got = report_list(docs)
    assert got.columns.tolist() == ["doc_id", "source", "date", "title", "n_words", "duplicate_of"]
    assert got["doc_id"].tolist() == ["a", "b"]


# --------------------------------------------------------------------------- the date rule


@pytest.fixture(scope="module")
def dated_corpus(tmp_path_factory):
    """Three reports: one misdated by the corpus (its opening says 5 September 2013), one whose
    stamp agrees, one without a stamp."""
    corpus = tmp_path_factory.mktemp("dated") / "corpus"
    corpus.mkdir()
    (corpus / "early.txt").write_text("---\nsource: sana\ndate: 2011-02-02\n---\n"
                                      "Thu Sep 5 2013 A car bomb killed four people in Homs.\n")
    (corpus / "agrees.txt").write_text("---\nsource: sana\ndate: 2013-09-06\n---\n"
                                       "Fri Sep 6 2013 Shelling killed two people in Hama.\n")
    (corpus / "plain.txt").write_text("---\nsource: reuters\ndate: 2013-09-07\n---\nRockets hit Daraa.\n")
    return corpus


@pytest.mark.parametrize("rule, early, kept_in_2011", [
    ("dateline", "2013-09-05", 0), ("drop", None, 0), ("corpus", "2011-02-02", 1)])
def test_the_date_rule_places_a_misdated_report(dated_corpus, tmp_path, rule, early, kept_in_2011):
    rep = open_report(notebook="test", corpus=str(dated_corpus), out_dir=str(tmp_path), date_rule=rule)
    docs = rep.documents.set_index("doc_id")
    got = docs.loc["early", "date"]
    assert (pd.isna(got) if early is None else got == pd.Timestamp(early))
    assert docs.loc["early", "corpus_date"] == pd.Timestamp("2011-02-02")  # the corpus's own date is kept
    assert docs.loc["agrees", "date"] == pd.Timestamp("2013-09-06")
    assert rep.parameters["date_rule"] == rule
    in_2011 = open_report(notebook="test", corpus=str(dated_corpus), out_dir=str(tmp_path), date_rule=rule,
                          date_from="2011-01-01", date_to="2011-12-31")  # the date window follows the rule too
    assert len(in_2011.documents) == kept_in_2011
    sentence = dates_sentence(rep.documents, rule)
    assert sentence.startswith("Dates: each report is placed in time at the date the corpus gives it, except that 1 "
                               "report of this selection states a date in its own opening")
    assert f"(rule '{rule}'" in sentence and sentence.endswith("The overview report lists it.")


def test_the_date_rule_is_checked_and_stated(dated_corpus, tmp_path):
    from analysis.errors import InputError

    with pytest.raises(InputError, match="parameter date_rule: 'guess'; use one of 'dateline', 'drop', 'corpus'"):
        open_report(notebook="test", corpus=str(dated_corpus), out_dir=str(tmp_path), date_rule="guess")
    rep = open_report(notebook="test", corpus=str(dated_corpus), out_dir=str(tmp_path), sources=["reuters"])
    assert dates_sentence(rep.documents, "dateline").endswith(
        "no report in this selection states a date in its opening that contradicts it.")


KILLED_TEXT = "Shelling killed four people in the market of the town on Tuesday, medics said.\n"


@pytest.mark.parametrize("dates, ends", [
    ([None, None], "no report of this selection has a date (the corpus gives none and no report states one in its "
                   "opening), so nothing can be placed in time and the figures over time are empty."),
    (["2016-05-01", None], "contradicts it. 1 report without a date is left out of the figures over time."),
    (["2016-05-01", "2016-05-02"], "contradicts it."),
])
def test_the_dates_sentence_says_when_reports_have_no_date(tmp_path, dates, ends):
    """A corpus without dates (MUC-4's wire texts) must not read as if its time figures were merely empty."""
    folder = tmp_path / "c"
    folder.mkdir()
    for i, date in enumerate(dates):
        head = f"---\ndate: {date}\n---\n" if date else ""
        (folder / f"r{i}.txt").write_text(head + KILLED_TEXT, encoding="utf-8")
    rep = open_report(notebook="test", corpus=str(folder), out_dir=str(tmp_path / "out"))
    assert dates_sentence(rep.documents, "dateline").endswith(ends)


def test_overview_finding_lists_the_contradicted_dates(dated_corpus, tmp_path):
    rep = open_report(notebook="test", corpus=str(dated_corpus), out_dir=str(tmp_path))
    got = [f for f in findings.overview_findings(rep.documents, rep.tables.skipped) if "opening" in f.text]
    assert [findings.plain(f.text) for f in got] == [
        "1 report states a date in its own opening more than 7 days away from the date the corpus gives it (the "
        "largest gap: early, dated 2 February 2011 in the corpus and 5 September 2013 in its opening); figures over "
        "time place it at the date it states."]
    assert got[0].section == "Dates that contradict the report"
    first = [findings.plain(f.text) for f in findings.overview_findings(rep.documents, rep.tables.skipped)][0]
    assert first == "3 reports from 2 outlets, dated 5 September 2013 to 7 September 2013."  # the span by the rule
    listed = date_conflicts(rep.documents)
    assert listed[["doc_id", "corpus_date", "dateline_date", "days_apart"]].values.tolist() == [
        ["early", pd.Timestamp("2011-02-02"), pd.Timestamp("2013-09-05"), -946]]


def test_a_dropped_report_still_has_its_readable_date(dated_corpus, tmp_path):
    """Rule 'drop' leaves a report out of time figures; it is not counted as undated."""
    from analysis.aggregate.overview import accounting_table

    rep = open_report(notebook="test", corpus=str(dated_corpus), out_dir=str(tmp_path), date_rule="drop")
    table = accounting_table(rep.documents, rep.tables.skipped, all_documents=rep.all_tables.documents)
    assert table.set_index("what").loc["documents without a readable date", "count"] == 0
    first = findings.plain(findings.overview_findings(rep.documents, rep.tables.skipped, date_rule="drop")[0].text)
    assert first == "3 reports from 2 outlets, dated 6 September 2013 to 7 September 2013."
