"""Text layer: sentence splitting with offsets on both punctuation styles, words, quotes."""

from __future__ import annotations

import pytest

from analysis.extract.text import (
    MAX_SENTENCE,
    cap_span,
    document_sentences,
    quote_spans,
    sentence_spans,
    split_sentences,
    words,
)

from .conftest import needs_fakes, needs_seed


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The U.S. and the U.N. met. Twelve died.", ["The U.S. and the U.N. met.", "Twelve died."]),
        ("Lt. Col. Ahmed spoke on Jan. 5. He left.", ["Lt. Col. Ahmed spoke on Jan. 5.", "He left."]),
        ("Dr. Hamza said 30 were hurt. Gen. Ali denied it.", ["Dr. Hamza said 30 were hurt.", "Gen. Ali denied it."]),
        ("Headline without a stop\nBody starts here. And ends.", ["Headline without a stop", "Body starts here.", "And ends."]),
        ("\u201cWe lost four,\u201d he said. Nobody else spoke.", ["\u201cWe lost four,\u201d he said.", "Nobody else spoke."]),
        # comma-stripped style: clauses run on, periods still end sentences
        ("Sun 05 Jul 2015 Six killed in Idlib. At least 6 people were killed the monitor said.",
         ["Sun 05 Jul 2015 Six killed in Idlib.", "At least 6 people were killed the monitor said."]),
        # an abbreviation that can end a sentence ends it when a sentence opener follows
        ("Aid was pledged by the U.K. But none arrived.", ["Aid was pledged by the U.K.", "But none arrived."]),
        ("U.N. Under Secretary Kane arrived on Saturday.", ["U.N. Under Secretary Kane arrived on Saturday."]),
        ("The U.S. envoy met Gen. The Nguyen.", ["The U.S. envoy met Gen. The Nguyen."]),
        ("THE TALKS WITH THE U.S. IN GENEVA ENDED.", ["THE TALKS WITH THE U.S. IN GENEVA ENDED."]),
        # "she said" after a closing quote stays with its quotation; a new sentence does not
        ('"We saw it." he said.', ['"We saw it." he said.']),
        ('"We saw it." He left at noon.', ['"We saw it."', "He left at noon."]),
        ('"WE SAW IT." HE SAID.', ['"WE SAW IT." HE SAID.']),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_sentences(text, expected):
    sents = split_sentences(text)
    assert [s.text for s in sents] == expected
    assert all(text[s.start : s.end] == s.text for s in sents)


def test_offsets_exclude_whitespace_and_follow_lines():
    text = "  First one.  \n\n Second one. "
    assert [text[s:e] for s, e in sentence_spans(text)] == ["First one.", "Second one."]


def test_document_sentences_number_title_then_body():
    sents = document_sentences("d", "Title here", "One. Two.")
    assert [(s.part, s.sent_id, s.text) for s in sents] == [("title", 0, "Title here"), ("body", 1, "One."), ("body", 2, "Two.")]
    assert [s.sent_id for s in document_sentences("d", None, "One.")] == [0]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Assads forces shelled Douma", ["Assads", "forces", "shelled", "Douma"]),
        ("over 2,000 injured", ["over", "2,000", "injured"]),
        ("a 46-truck convoy", ["a", "46-truck", "convoy"]),
    ],
)
def test_words(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize(
    "text, quoted",
    [
        ('He said "we will win" and "never leave".', ["we will win", "never leave"]),
        ("\u201cWe delivered what we could.\u201d", ["We delivered what we could."]),
        ("\u201cOpen quote runs on\n\nto the end", ["Open quote runs on\n\nto the end"]),
        ('An unbalanced " straight mark', []),
        ("No quotes at all.", []),
    ],
)
def test_quote_spans(text, quoted):
    assert [text[s:e] for s, e in quote_spans(text)] == quoted


@pytest.mark.parametrize(
    "text, limit, pieces",
    [
        ("12 died in A, 3 died in B, 7 died in C", 16, ["12 died in A,", "3 died in B,", "7 died in C"]),
        ("aaaa bbbb cccc dddd eeee", 10, ["aaaa bbbb", "cccc dddd", "eeee"]),
        # never between two parts of a number, even when a space is nearer the limit
        ("killed twenty five people and one hundred and twenty more people there", 30,
         ["killed twenty five people", "and one hundred and twenty", "more people there"]),
        ("killed 1 000 000 people and 200 more", 16, ["killed 1 000 000", "people and 200", "more"]),
        # no space: after a mark, never before a digit ("1." | "5 million" would be a new number)
        ("a-b-c-d-e-f-g-h-i-j-k-l", 10, ["a-b-c-d-e-", "f-g-h-i-j-", "k-l"]),
        ("x" * 25, 10, ["x" * 10, "x" * 10, "x" * 5]),
        ("x" * 30 + "9" * 50, 60, ["x" * 30, "9" * 50]),  # between a letter and a digit
        # inside a run of digits: 20 left on each side (too many to read as a count)
        ("9" * 100, 60, ["9" * 40, "9" * 60]),
        ("short", 10, ["short"]),
    ],
)
def test_cap_span(text, limit, pieces):
    spans = cap_span(text, 0, len(text), limit=limit)
    assert [text[a:b] for a, b in spans] == pieces
    assert all(b - a <= limit for a, b in spans)


def test_long_sentences_are_cut_and_keep_offsets():
    """Issue 16: a run longer than MAX_SENTENCE becomes pieces of at most that length, offsets into the text."""
    real = "Shelling hit the old market, " * 80 + "and the dead were buried."  # about 2,300 characters
    long = ", ".join(f"{i} people were killed in the village" for i in range(400)) + "."
    text = real + "\n" + long + "\n" + "no punctuation at all " * 1000
    spans = sentence_spans(text)
    assert text[spans[0][0]:spans[0][1]] == real  # a real sentence stays whole
    assert all(e - s <= MAX_SENTENCE for s, e in spans) and len(spans) > 4
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "").replace("\n", "")


@needs_seed
def test_seed_report_splits_into_its_sentences(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    sents = split_sentences(text)
    assert len(sents) == 15
    toll = next(i for i, s in enumerate(sents) if "600" in s.text)
    assert toll == len(sents) - 3 and "2,000" in sents[toll].text  # the toll sentence is whole
    assert all(text[s.start : s.end] == s.text for s in sents)


@needs_fakes
def test_fakes_bodies_split_sensibly(fakes_path):
    from analysis.io.documents import load_corpus

    docs = load_corpus(fakes_path).documents
    lengths = []
    for text in docs["text"]:
        sents = split_sentences(text)
        assert sents, "every FA-KES body has at least one sentence"
        lengths.extend(len(s.text.split()) for s in sents)
    lengths.sort()
    median = lengths[len(lengths) // 2]
    assert 15 <= median <= 40  # news sentences, neither fragments nor whole paragraphs
    assert sum(n > 120 for n in lengths) / len(lengths) < 0.01
