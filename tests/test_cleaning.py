"""Site chrome: (text, expected removed spans) tables in the styles of many news sites.

Every text here is written for these tests (invented reports, invented outlets and names); none
is copied from a corpus. Each case lists the removed spans as (rule, removed text) in order.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis.aggregate.distinctive import distinctive_words
from analysis.io.boilerplate import chrome_spans
from analysis.io.cleaning import (
    blank_spans,
    build_profile,
    clean_text,
    removal_by_outlet,
    removed_spans,
    restore_raw,
    sample_removed,
)
from analysis.io.corpus import iter_records
from analysis.io.documents import load_corpus
from analysis.io.textshape import Span, is_prose, prose_start, tokens

from .conftest import needs_fakes, needs_gold


def removed(text: str, **kw) -> list[tuple[str, str]]:
    return [(s.rule, text[s.start:s.end]) for s in chrome_spans(text, **kw)]


SITES = [
    pytest.param(  # a wire service: date stamp, title copy, byline names, editing credits, standards line
        "March 3 2018 Shelling kills nine in Douma: rescuers. Lina Haddad Omar Farouk. Shelling killed nine "
        "people in Douma on Saturday rescue workers said. The toll could rise. Reporting by Lina Haddad; "
        "Editing by Tom Bale Our Standards: The Wire Trust Principles.",
        "Shelling kills nine in Douma: rescuers",
        [("dateline", "March 3 2018"), ("title", "Shelling kills nine in Douma: rescuers."),
         ("byline", "Lina Haddad Omar Farouk."),
         ("byline", "Reporting by Lina Haddad; Editing by Tom Bale Our Standards: The Wire Trust Principles.")],
        id="wire"),
    pytest.param(  # a state-run portal: numeric date glued to a share widget, cards, tags, comment widgets
        "14.05.2017Get short URL 0 12 Two soldiers were killed near Hama the ministry said on Sunday. "
        "... 31 Related Army Retakes Village Near Hama Convoy Reaches Besieged Town Tags Hama Syria army "
        "Community standardsDiscussion Comment via FacebookComment via Portal News",
        "Two soldiers killed near Hama",
        [("dateline", "14.05.2017"), ("share", "Get short URL 0 12"),
         ("related", "... 31 Related Army Retakes Village Near Hama Convoy Reaches Besieged Town Tags Hama Syria "
                     "army Community standardsDiscussion Comment via FacebookComment via Portal News")],
        id="portal-widgets"),
    pytest.param(  # a broadcaster: short date, photo caption with agency credit, source line, copyright footer
        "12 Mar 2017 Rebels say they repelled an assault on the town. A man walks past a damaged shop in "
        "the town March 11 2017. (Channel Ten and Agencies) At least six fighters were killed in the clashes "
        "a monitor said. Source ChannelTen and agencies Copyright 2018 Channel Ten. About Us Careers Privacy",
        "Six fighters killed in clashes",
        [("dateline", "12 Mar 2017"), ("caption", "A man walks past a damaged shop in the town March 11 2017. "),
         ("credit", "(Channel Ten and Agencies)"),
         ("credit", "Source ChannelTen and agencies"),
         ("copyright", "Copyright 2018 Channel Ten. About Us Careers Privacy")],
        id="broadcaster"),
    pytest.param(  # a pan-Arab site: weekday date, title copy with spaced period, agency note, last-update stamp
        "Tuesday 4 April 2017 Strikes kill 20 in Idlib . Air strikes killed 20 people in Idlib province "
        "on Tuesday a monitor said. (With Reuters and AFP) Last Update: Tuesday 4 April 2017 KSA 20:36 - "
        "GMT 17:36 12480",
        "Strikes kill 20 in Idlib",
        [("dateline", "Tuesday 4 April 2017"), ("title", "Strikes kill 20 in Idlib ."),
         ("credit", "(With Reuters and AFP)"),
         ("dateline", "Last Update: Tuesday 4 April 2017 KSA 20:36 - GMT 17:36 12480")],
        id="update-stamp"),
    pytest.param(  # a daily paper: title, agency and date, share counters, related headlines before the lead
        "Blast kills 12 in Azaz Monitor AFP Sunday 30 Mar 2014 Print Tweet Views 458 Related Court charges "
        "nine men with smuggling Refugees stranded on mountain road At least 12 people were killed in a car "
        "bomb in Azaz on Sunday a monitor said.",
        "Blast kills 12 in Azaz Monitor",
        [("title", "Blast kills 12 in Azaz Monitor"), ("dateline", "AFP Sunday 30 Mar 2014"),
         ("share", "Print Tweet Views 458"),
         ("related", "Related Court charges nine men with smuggling Refugees stranded on mountain road")],
        id="daily-related-head"),
    pytest.param(  # a London weekly: publication stamp, standfirst, tag list, closing link prompt; one report
        # alone does not say which words are its outlet's tags, so only the cue goes (see test_tag_list_*)
        "Date of publication 19 June 2016 Three children died in regime shelling of Rastan. Tags Homs "
        "Syria Regime Airstrikes Children Regime shelling on Saturday killed three children from one family "
        "in Rastan local sources said. Read Also",
        "Three children killed in Rastan",
        [("dateline", "Date of publication 19 June 2016"), ("tags", "Tags"), ("related", "Read Also")],
        id="weekly-tags"),
    pytest.param(  # a local blog with line breaks: share line, link list, advert, newsletter, copyright
        "Ceasefire breaks down in the south\nShare this article\nFacebook Twitter Email\n"
        "Fighting resumed on Monday and two people were killed, residents said.\nAdvertisement\n"
        "More on this story\nTalks stall in the capital\nAid trucks wait at the border\nA school reopens\n"
        "Sign up for our daily newsletter to get the news first.\n\u00a9 2019 Valley Post. All rights reserved.",
        "Ceasefire breaks down in the south",
        [("title", "Ceasefire breaks down in the south"), ("share", "Share this article"),
         ("share", "Facebook Twitter Email"), ("share", "Advertisement"),
         ("related", "More on this story"), ("related", "Talks stall in the capital"),
         ("related", "Aid trucks wait at the border"), ("related", "A school reopens"),
         ("newsletter", "Sign up for our daily newsletter to get the news first."),
         ("copyright", "\u00a9 2019 Valley Post. All rights reserved.")],
        id="blog-lines"),
    pytest.param(  # a news agency: title first, then a date and the dateline; editors' signature at the end
        "8 killed in rocket attack on Aleppo 6 October 2016 Aleppo AGENCY-Rockets fired on the city killed "
        "8 people and injured 40 a police source said. Rana K./ Sami H.",
        "8 killed in rocket attack on Aleppo",
        [("title", "8 killed in rocket attack on Aleppo"), ("dateline", "6 October 2016"),
         ("signature", "Rana K./ Sami H.")],
        id="agency-signature"),
    pytest.param(  # a Turkish daily: publish cue, short link, caption with photo credit before the lead
        "Published August 2 2016 SEND httpsbit.ly9x2W A man rides a bicycle past burning tyres in Aleppo "
        "Syria August 1 2016 (Wire Photo) Ten civilians were killed on Tuesday when warplanes struck a town.",
        "Ten civilians killed in Aleppo province",
        [("dateline", "Published August 2 2016"), ("share", "SEND httpsbit.ly9x2W"),
         ("caption", "A man rides a bicycle past burning tyres in Aleppo Syria August 1 2016 "),
         ("credit", "(Wire Photo)")],
        id="daily-caption"),
    pytest.param(  # an opposition body's site: time stamp, title copy, source note and a lone social link
        "Saturday 23 April 2016 18:20 Market bombed in Douma. At least 13 civilians were killed when "
        "regime forces bombed a market. (Source: Coalition Media Office) Twitter",
        "Market bombed in Douma",
        [("dateline", "Saturday 23 April 2016 18:20"), ("title", "Market bombed in Douma."),
         ("credit", "(Source: Coalition Media Office) Twitter")],
        id="source-note"),
    pytest.param(  # a regional daily: posted-on stamp with author before the title copy
        "Posted on April 19 2017 by Nadia Karam Six Killed in Aleppo Bombing Six people were killed in a "
        "blast that rocked the city of Aleppo.",
        "Six Killed in Aleppo Bombing",
        [("dateline", "Posted on April 19 2017"), ("byline", "by Nadia Karam"),
         ("title", "Six Killed in Aleppo Bombing")],
        id="posted-by"),
    pytest.param(  # a TV site that prints its lead twice and closes with a wire sign-off
        "17-06-2016 7 Injured in Rocket Attack on Aleppo. Seven civilians were injured in a rocket attack on "
        "a neighborhood in Aleppo city. Seven civilians were injured in a rocket attack on a neighborhood in "
        "Aleppo city. The source said the attack caused damage.--AFP",
        "7 Injured in Rocket Attack on Aleppo",
        [("dateline", "17-06-2016"), ("title", "7 Injured in Rocket Attack on Aleppo."),
         ("repeat", "Seven civilians were injured in a rocket attack on a neighborhood in Aleppo city."),
         ("credit", "--AFP")],
        id="lead-twice"),
    pytest.param(  # embedded social post and video card inside the body
        "Rescuers pulled two girls from the rubble on Friday. Two girls rescued in Idlib pic.twitter.comAbC123 "
        "Rescue Team (RescueTeam) June 12 2016 The strike hit a market. Strike on market in Idlib - YouTube "
        "Officials condemned the attack.",
        "Girls rescued from rubble",
        [("embed", "Two girls rescued in Idlib pic.twitter.comAbC123 Rescue Team (RescueTeam) June 12 2016"),
         ("embed", "Strike on market in Idlib - YouTube")],
        id="embeds"),
]

#: Chrome that runs into the article's own prose (no line breaks): the span stops where prose
#: starts, and keeps a headline or a tag rather than lose a word of the article.
EXTENTS = [
    pytest.param(  # a related headline in the second half of the text, then more of the article
        "Rebels shelled the market on Monday. Read also Aid agencies warn of winter crisis Near Hama "
        "meanwhile at least five people were killed on Tuesday the monitor said. The town has been besieged.",
        [("related", "Read also")], id="read-also-then-prose"),
    pytest.param(  # the same with a sentence opener: the headline goes too
        "Rebels shelled the market on Monday. Read also Aid agencies warn of winter crisis At least five "
        "people were killed on Tuesday the monitor said.",
        [("related", "Read also Aid agencies warn of winter crisis")], id="read-also-opener"),
    pytest.param(  # wire-style related coverage glued to a quote of a minister
        "The council met on Friday. Related Coverage Talks stall in Geneva Aid convoy reaches the town "
        "Foreign Minister Ivan Petrov said Moscow had seen reports of a new attack.",
        [("related", "Related Coverage")], id="related-coverage-prose"),
    pytest.param(  # a tag list that runs into a lead without an article or auxiliary
        "Strikes hit two schools. Tags Syria Homs Rebels Mortar shells on schools killed 12 children on "
        "Monday activists reported on Tuesday.",
        [("tags", "Tags")], id="tags-then-bare-lead"),
    pytest.param(  # "compiled by" inside a sentence is the article's, not a byline
        "According to figures compiled by the coalition's media office Homs bore the brunt with 120 people "
        "recorded killed during the week.",
        [], id="compiled-by-in-a-sentence"),
    pytest.param(  # "produced by" inside a sentence
        "The shells were produced by a company abroad. Six people died.", [], id="produced-by-in-a-sentence"),
    pytest.param(  # a byline that runs into prose without a period: only the names go
        "Two towns were shelled. Reporting by Ann Lee regime jets were said to have struck the town again.",
        [("byline", "Reporting by Ann Lee")], id="byline-then-prose"),
    pytest.param(  # "A U.S." and "The U.N." at the top are sentences, not names
        "A U.S. drone strike killed four fighters near the border on Monday.", [], id="us-is-not-a-byline"),
    pytest.param(  # title-case related headlines to the end of the text: all chrome
        "Fighting went on. Related Army Kills Dozens of Fighters Near Hama Minister Says It is Not Over "
        "Tags Hama Syria", [("related", "Related Army Kills Dozens of Fighters Near Hama Minister Says It is Not "
                                       "Over Tags Hama Syria")], id="title-case-list-to-the-end"),
]

NOTHING = [
    pytest.param("Twelve people were killed in Idlib on Monday, the monitor said. Related fighting spread "
                 "to two villages, where the follow-up strikes hit homes.", "Twelve killed in Idlib", id="prose-cue-words"),
    pytest.param("Aid arrived on Tuesday.\nThe convoy carried food for 5,000 people.\nMore trucks are due.",
                 "Aid arrives", id="short-prose-lines"),
    pytest.param("Shelling killed six people in Daraa, activists said. Shelling killed six people in Daraa "
                 "province on Sunday and wounded ten others, activists said.", "Six killed", id="paraphrase-kept"),
    pytest.param("Rebels said that since March 2 2015 more than 300 fighters had died.", "Fighters died",
                 id="date-in-sentence"),
    pytest.param("Cafe news", None, id="tiny-report"),
]


def test_a_body_that_is_only_its_headline_keeps_it():
    text = "25 April 2017 Convoy victims buried in Aleppo"
    assert removed(text, title="Convoy victims buried in Aleppo") == [("dateline", "25 April 2017")]


@pytest.mark.parametrize("text, title, expected", SITES)
def test_site_chrome(text, title, expected):
    assert removed(text, title=title) == expected


@pytest.mark.parametrize("text, expected", EXTENTS)
def test_chrome_stops_where_prose_starts(text, expected):
    assert removed(text) == expected


def _tagged_reports(n: int = 6) -> list[tuple[str, str, str]]:
    towns = ["Kafr", "Hama", "Idlib", "Daraa", "Raqqa", "Azaz"]
    return [("weekly", f"Strike on {town}", f"Jets struck {town} on Monday. Tags Syria Homs {town} Regime "
             f"Airstrikes Children Civilians Warplanes hit a school in {town} on Monday and killed {k} children, a monitor said.")
            for k, town in zip(range(3, 3 + n), towns)]


def test_tag_list_runs_over_the_outlets_own_tags():
    rows = _tagged_reports()
    profile = build_profile(rows)
    text = ("Three children died in regime shelling of Rastan. Tags Homs Syria Regime Airstrikes Children Regime "
            "shelling on Saturday killed three children in Rastan local sources said.")
    _, spans = clean_text(text, outlet="weekly", profile=profile)
    assert [(s.rule, text[s.start:s.end]) for s in spans] == [("tags", "Tags Homs Syria Regime Airstrikes Children")]
    _, spans = clean_text(rows[0][2], outlet="weekly", profile=profile)  # "Kafr" is a tag of one report only
    assert [rows[0][2][s.start:s.end] for s in spans] == ["Tags Syria Homs"]


def test_a_list_runs_over_the_outlets_repeated_footer():
    footer = "A picture says more than words. Follow us on Instagram."
    rows = [("daily", "t", f"{k} people died in {town} on Monday, a monitor said. Related News Talks stall in "
             f"{town} Is the truce over? {footer}") for k, town in zip(range(3, 9), ["Homs", "Hama", "Idlib",
                                                                                   "Daraa", "Raqqa", "Azaz"])]
    profile = build_profile(rows)
    text = rows[0][2]
    _, spans = clean_text(text, outlet="daily", profile=profile)
    assert text[spans[-1].start:] == "Related News Talks stall in Homs Is the truce over? " + footer
    alone = chrome_spans(text)  # without the outlet's other reports the footer's sentence is prose
    assert text[alone[0].start:alone[0].end] == "Related News Talks stall in Homs Is the truce over?"


@pytest.mark.parametrize("text, title", NOTHING)
def test_prose_is_kept(text, title):
    assert removed(text, title=title) == []


@pytest.mark.parametrize("text, title, expected", SITES[:6])
def test_blanking_keeps_every_offset(text, title, expected):
    cleaned, spans = clean_text(text, title=title)
    assert len(cleaned) == len(text)
    kept = [i for i, ch in enumerate(cleaned) if not ch.isspace()]
    assert all(cleaned[i] == text[i] for i in kept)  # a kept character sits at its raw offset
    raw = restore_raw(cleaned, [{"part": "body", "start": s.start, "end": s.end, "rule": s.rule,
                                 "text": text[s.start:s.end]} for s in spans])
    assert raw == text


def test_blank_spans_breaks_the_line_so_sentences_do_not_join():
    assert blank_spans("Two died. Share this Next.", [Span(10, 20, "share")]) == "Two died. \n          Next."


# --------------------------------------------------------------------------- repetition across an outlet

def _outlet_reports(n: int = 6) -> list[tuple[str, str, str]]:
    towns = ["Homs", "Hama", "Idlib", "Daraa", "Raqqa", "Azaz", "Jisr", "Manbij"]
    tail = ("Valley Daily Valley Daily is the region's leading morning paper printed in four cities. "
            "Founded in 1990 Valley Daily offers readers analysis and opinion.")
    return [("valleydaily", f"{n_killed} killed in {town} | Valley Daily",
             f"{n_killed} people were killed in {town} on Monday, residents said. The army blamed rebels. {tail}")
            for n_killed, town in zip(range(3, 3 + n), towns)]


def test_outlet_repetition_removes_self_promotion_and_title_suffix(tmp_path):
    rows = _outlet_reports()
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps({"source": s, "title": t, "text": x}) + "\n" for s, t, x in rows))
    docs = load_corpus(path).documents
    spans = removed_spans(docs)
    assert set(spans["rule"]) == {"outlet"}
    body = spans[spans["part"] == "body"]["text"].unique().tolist()
    assert body == [rows[0][2][rows[0][2].index("Valley Daily Valley"):]]
    assert spans[spans["part"] == "title"]["text"].unique().tolist() == [" | Valley Daily"]
    assert docs["title"].tolist()[0] == "3 killed in Homs"
    assert docs["text"].str.contains("residents said. The army blamed rebels.").all()


def test_outlet_repetition_keeps_repeated_prose():
    rows = [("herald", "t", f"{k} people died in {town}. Fighting has killed more than 300,000 people since 2011.")
            for k, town in zip(range(5), ["Homs", "Hama", "Idlib", "Daraa", "Raqqa"])]
    profile = build_profile(rows)
    _, spans = clean_text(rows[0][2], outlet="herald", profile=profile)
    assert spans == []


def test_a_lone_report_has_no_outlet_rule():
    profile = build_profile(_outlet_reports(2))
    assert profile.frequent("valleydaily") is None


# --------------------------------------------------------------------------- loading and counting

def test_loaded_documents_keep_raw_text_and_count_removals(tmp_path):
    (tmp_path / "a.txt").write_text("---\nsource: Wire\ntitle: Blast in Homs\n---\nMarch 3 2018 Blast in Homs. "
                                    "A blast killed four people. Reporting by Ann Lee; Editing by Bo Ray\n")
    (tmp_path / "b.txt").write_text("---\nsource: Wire\n---\nNo chrome here: two people died.\n")
    docs = load_corpus(tmp_path).documents
    a = docs.set_index("doc_id").loc["a"]
    assert restore_raw(a["text"], a["removed"]).startswith("March 3 2018 Blast in Homs. A blast killed")
    assert "A blast killed four people." in a["text"] and "Reporting" not in a["text"]
    assert a["n_words"] == 3 + 5  # title words + the kept sentence
    counts = removal_by_outlet(docs)
    assert counts[["source", "reports", "reports_cleaned", "spans"]].values.tolist() == [["wire", 2, 1, 3]]
    assert counts["removed_chars"].item() == sum(len(s) for s in removed_spans(docs)["text"])
    assert len(sample_removed(docs, n=2)) == 2


def test_cleaning_can_be_turned_off(tmp_path):
    (tmp_path / "a.txt").write_text("Tags Syria Idlib\nTwo died.\n")
    on = next(iter_records(tmp_path))
    off = next(iter_records(tmp_path, clean=False))
    assert off.text == "Tags Syria Idlib\nTwo died.\n" and off.removed == []
    assert on.text.strip() == "Two died." and [s["rule"] for s in on.removed] == ["tags"]


def test_a_small_corpus_is_read_once_and_a_large_one_twice_with_the_same_text(tmp_path, monkeypatch):
    import analysis.io.corpus as corpus

    rows = _outlet_reports(6)
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps({"source": s, "title": t, "text": x}) + "\n" for s, t, x in rows))
    reads = []
    real = corpus._read_records
    monkeypatch.setattr(corpus, "_read_records", lambda *a: reads.append(a[0]) or real(*a))
    once = [(r.text, r.removed) for r in corpus.iter_records(path)]
    assert len(reads) == 1  # the six records fit the buffer: one read
    monkeypatch.setattr(corpus, "PROFILE_BUFFER", 2)
    twice = [(r.text, r.removed) for r in corpus.iter_records(path)]
    assert len(reads) == 3 and twice == once  # a first pass learns the same profile from every report
    assert any(removed for _, removed in once)


def test_removal_by_outlet_counts_lines_removed_whole():
    docs = pd.DataFrame({"doc_id": ["a"], "source": ["x"], "title": [None], "text": ["Two died.\n     "],
                         "removed": [json.dumps([{"part": "body", "start": 10, "end": 15, "rule": "share",
                                                  "text": "Share"}])]})
    assert removal_by_outlet(docs)[["lines_removed", "removed_chars"]].values.tolist() == [[1, 5]]


@pytest.mark.parametrize("text, expected", [
    ("Tags Syria Eastern Ghouta Douma Syrian regime bombing Siege Three rescue workers from the town died.",
     "Three"),
    ("Related Court charges men Aleppo Nearly 40 soldiers were killed.", "Nearly"),
    ("Tags Homs Syria Regime Airstrikes", None),
])
def test_prose_start(text, expected):
    toks = tokens(text)
    j = prose_start(toks, 1)
    assert (toks[j].group() if j is not None else None) == expected


def test_is_prose():
    assert not is_prose("Syria Golan Heights Israeli airstrike Hezballah")
    assert is_prose("an airstrike hit the village")


# --------------------------------------------------------------------------- FA-KES

#: Words of site chrome: none may be among an outlet's most distinctive words once text is clean.
#: ("world", "rights" and "community" are left out: "World Health Organization", "Observatory for
#: Human Rights" and "the international community" are the outlets' own prose; so is an outlet's
#: own name in "a source told Sputnik".)
CHROME_WORDS = {"share", "tweet", "print", "views", "follow", "subscribe", "newsletter", "comment", "comments",
                "facebook", "twitter", "youtube", "instagram", "url", "tags", "related", "copyright", "reserved",
                "publication", "published", "posted", "updated", "update", "standards", "principles", "trust",
                "editing", "reporting", "photo", "agencies", "gmt", "ksa", "discussion", "short", "via", "also",
                "read", "policy", "privacy", "cookie", "watch", "trtworld", "click", "enlarge"}


@pytest.fixture(scope="module")
def fakes_docs():
    from .conftest import FAKES
    if not FAKES.is_file():
        pytest.skip(f"FA-KES absent: {FAKES}")
    return load_corpus(FAKES).documents


@needs_fakes
def test_fakes_distinctive_words_hold_no_chrome(fakes_docs):
    from analysis.io.documents import original_documents
    top = distinctive_words(original_documents(fakes_docs), top=15)
    found = top[top["term"].isin(CHROME_WORDS)]
    assert found.empty, found[["group", "term"]].values.tolist()


@needs_fakes
@needs_gold
def test_fakes_no_gold_claim_quote_is_removed(fakes_docs, dev_gold_path):
    docs = fakes_docs.set_index("doc_id")
    quotes = [(g["doc_id"], c["quote"]) for g in map(json.loads, dev_gold_path.read_text().splitlines())
              if g["doc_id"] in docs.index for c in g["claims"] if c.get("quote")]
    lost = [(d, q) for d, q in quotes if q not in docs.loc[d, "text"] and q not in str(docs.loc[d, "title"])]
    assert len(quotes) > 150 and lost == []


@needs_fakes
def test_fakes_every_outlet_is_cleaned_and_raw_text_restores(fakes_docs):
    counts = removal_by_outlet(fakes_docs).set_index("source")
    assert (counts["reports_cleaned"] > 0).all() and counts["removed_share"].max() < 0.3
    for text, rem in zip(fakes_docs["text"].head(50), fakes_docs["removed"].head(50)):
        raw = restore_raw(text, rem)
        assert len(raw) >= len(text.rstrip()) and all(a == b for a, b in zip(text, raw) if not a.isspace())
