"""No corpus text becomes markup, a link or maths in any page of the reader's report (issue 16).

A tiny corpus whose outlet names, titles, places, links and texts are hostile (HTML, a script
breaking out of a script element, Markdown links to ``javascript:``, ``$maths$``, template
braces, spreadsheet formulas, a right-to-left override) goes through ``run_reports`` for the
whole corpus and a variant of 02 (its name hostile and 340 characters long) that selects one
hostile outlet. Every page written (the four reports
with and without code, the documents page, the index) is parsed: no element, attribute or link
comes from the corpus, no maths engine is loaded, and the hostile text is still shown, escaped.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from .test_hostile import _formula_cells

MARK = "cc_pwned()"  # the script a successful injection would run
TEMPLATE = "{{ 7*191919 }}"  # a template engine that evaluated corpus text would write 1343433
REPORTS = [
    {"doc_id": "r1", "source": f"<script>{MARK}</script> News", "date": "2017-01-05",
     "title": f"[open](javascript:{MARK}) **loud** _soft_ <https://evil.test/a>", "location": "<b>Homs</b>",
     "url": f"javascript:{MARK}",
     "text": f"Twelve people were killed in shelling on Douma, the Syrian Observatory said. "
             f"<img src=x onerror={MARK}> Rebels said $x^2$ {TEMPLATE} more were hurt."},
    {"doc_id": "r2", "source": f"[outlet](javascript:{MARK})", "date": "2017-02-01",
     "title": f"</script><script>{MARK}</script>", "url": f'http://x.test/"onmouseover={MARK}',
     "text": "Rebels said 5 civilians were killed in an air strike by government forces. =cmd|' /C calc'!A0"},
    {"doc_id": "r3", "source": f"$$E=mc^2$$ {TEMPLATE}", "date": "2017-03-01",
     "title": "Sa\u202ena news @SUM(1)",
     "text": "At least 30 people were wounded when a car bomb exploded in Aleppo, state media reported."},
    {"doc_id": "r4", "source": "=cmd|' /C calc'!A0", "date": "2017-04-01", "title": "+1-1",
     "text": "Government forces shelled the town; three children were killed, activists said \u202e."},
]
CONFIG = f"""variants:
  - name: "<script>{MARK}</script> $x$ [v](javascript:{MARK}) {'long ' * 60}"
    parameters: {{sources: ["[outlet](javascript:{MARK})"]}}
    notebooks: [02-casualties]
"""


class _Page(HTMLParser):
    """Elements, attributes and script texts of one page, as a browser's parser splits them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attributes: list[tuple[str, str, str]] = []
        self.scripts: list[str] = []
        self.tags: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [(tag, k, v or "") for k, v in attrs]
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


@pytest.fixture(scope="module")
def hostile_reports(tmp_path_factory):
    from analysis.report.batch import run_reports

    root = tmp_path_factory.mktemp("hostile-pages")
    corpus = root / "hostile.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    config = root / "reports.yml"
    config.write_text(CONFIG, encoding="utf-8")
    return run_reports(corpus=corpus, config=config, out=root / "reports", progress=False)


@pytest.mark.slow
def test_no_corpus_text_becomes_markup_a_link_or_maths(hostile_reports):
    result = hostile_reports
    assert result.ok, result.summary()
    out = result.index.parent
    pages = sorted(out.glob("*.html"))
    assert len(pages) == 2 * len(result.runs) + 2  # reader's and with-code pages, documents, index
    for path in pages:
        page = path.read_text(encoding="utf-8")
        parsed = _Page()
        parsed.feed(page)
        where = path.name
        # no element of the corpus: a script, an image with a handler, bold from a place name
        assert not [s for s in parsed.scripts if s.strip().startswith(MARK)], where
        assert not [a for a in parsed.attributes if MARK in a[2] and a[1] not in ("alt", "title", "value", "href")], where
        assert "<img src=x" not in page and "<b>Homs</b>" not in page, where
        # no link from the corpus: no javascript: URL, no autolink, no Markdown link or emphasis
        links = [v.strip().lower() for t, k, v in parsed.attributes if k in ("href", "src", "action")]
        assert not [v for v in links if v.startswith(("javascript:", "vbscript:", "data:text"))], where
        assert not [v for v in links if "evil.test" in v], where  # (an http(s) url of a report is its link)
        assert "<strong>loud</strong>" not in page and "<em>soft</em>" not in page, where
        # no maths and no template: no MathJax at all, braces and dollars left as they were
        assert not re.search(r"mathjax", " ".join(parsed.scripts) + " ".join(links), re.I), where
        assert "1343433" not in page, where
        # no reordering: the right-to-left override is gone (read as nothing at loading)
        assert "\u202e" not in page and "&#8238;" not in page and "&#x202e;" not in page.lower(), where
    shown = {p.name: p.read_text(encoding="utf-8").lower() for p in pages}  # (unknown outlets are shown in lower case)
    escaped_outlet = f"&lt;script&gt;{MARK}&lt;/script&gt; news"
    assert escaped_outlet in shown["index.html"] and escaped_outlet in shown["documents.html"]
    assert escaped_outlet in shown["01-corpus-overview-all.html"]  # the outlets key
    variant = next(r for r in result.runs if r.variant.name != "all" and r.notebook == "02-casualties")
    assert len(variant.reader_html.name) < 120  # a 340-character variant name: a short file name, the index written
    assert f"[outlet](javascript:{MARK})" in variant.reader_html.read_text(encoding="utf-8")  # the selection, as text
    assert TEMPLATE.replace(" ", "") in shown["documents.html"].replace(" ", "")
    assert _formula_cells(out) == []  # every CSV a page links is spreadsheet-safe
