"""Tests for analysis.extract.attribution: direct quotes, reported speech, "according to"."""

from __future__ import annotations

import json

import pytest

from analysis.extract.attribution import extract_attributions
from analysis.extract.text import document_sentences
from analysis.io.tables import ATTRIBUTION_COLUMNS
from analysis.paths import SHARED_DIR


def attr(body, title=None):
    return extract_attributions(document_sentences("t", title, body))


@pytest.mark.parametrize(
    ("body", "speaker", "group", "kind", "content"),
    [
        ('"We will not leave our homes," a resident told AFP.', "a resident", None, "direct", "We will not leave our homes,"),
        ("“The corridor is closed,” said the Russian Defence Ministry.", "the Russian Defence Ministry", "RUSSIA", "direct", "The corridor is closed,"),
        ('The Observatory said: "Nine fighters died in the raid."', "The Observatory", "MONITOR_NGO", "direct", "Nine fighters died in the raid."),
        ("“Aid is stuck at the border. Trucks cannot pass,” the UN envoy said.", "the UN envoy", "UN", "direct", "Aid is stuck at the border. Trucks cannot pass,"),
        ("The Syrian Observatory for Human Rights said that eight people were killed.", "The Syrian Observatory for Human Rights", "MONITOR_NGO", "indirect", "eight people were killed"),
        ("Eight people were killed in the raid the Syrian Observatory for Human Rights said.", "the Syrian Observatory for Human Rights", "MONITOR_NGO", "indirect", "Eight people were killed in the raid"),
        ("Eight people were killed, activists said.", "activists", "MONITOR_NGO", "indirect", "Eight people were killed"),
        ("Ten shells hit the district, according to state media.", "state media", "SYR_GOV", "according_to", "Ten shells hit the district"),
        ("According to the White Helmets, four rescuers were hurt.", "the White Helmets", "MONITOR_NGO", "according_to", "four rescuers were hurt"),
        ("Supplies were blocked, according to Maya Lind, spokeswoman for OCHA.", "Maya Lind, spokeswoman for OCHA", "UN", "according_to", "Supplies were blocked"),
        ('"Hospitals cannot cope with the wounded" one medic told AFP.', "one medic", "MONITOR_NGO", "direct", "Hospitals cannot cope with the wounded"),
        ('"There was no base here" the grieving man said.', "the grieving man", None, "direct", "There was no base here"),
        ("Osama Said media activist The shelling went on all night.", None, None, None, None),
        ("“We saw the jets,” Omar Haddad, a spokesman for the Civil Defence, said.", "Omar Haddad, a spokesman for the Civil Defence", "MONITOR_NGO", "direct", "We saw the jets,"),
        ('"We are trapped. There is no bread left," said Hadi Noor, a resident of the town.', "Hadi Noor, a resident of the town", None, "direct", "We are trapped. There is no bread left,"),
        ("The Observatory said the toll rose to forty.", "The Observatory", "MONITOR_NGO", "indirect", "the toll rose to forty"),
        # a generic speaker takes the group its context gives ("the army" of this sentence: the state)
        ("A military source told SANA that the army destroyed two tanks.", "A military source", "SYR_GOV", "indirect", "the army destroyed two tanks"),
        ("The Kremlin told reporters on Monday that talks would go on.", "The Kremlin", "RUSSIA", "indirect", "talks would go on"),
        ("Russias defence ministry said in a statement its jets hit forty targets.", "Russias defence ministry", "RUSSIA", "indirect", "its jets hit forty targets"),
        ("The toll rose to nine on Monday the Britain-based monitor said on Tuesday.", "the Britain-based monitor", "MONITOR_NGO", "indirect", "The toll rose to nine on Monday"),
        ("Shells hit two schools in Aleppo on Sunday the Syrian Observatory for Human Rights said.", "the Syrian Observatory for Human Rights", "MONITOR_NGO", "indirect", "Shells hit two schools in Aleppo on Sunday"),
        ("On Monday Turkish Foreign Minister Ali Veli said Ankara would not allow it.", "Turkish Foreign Minister Ali Veli", "TURKEY", "indirect", "Ankara would not allow it"),
        ("The Observatory, which tracks the war, said shelling resumed at dawn.", "The Observatory", "MONITOR_NGO", "indirect", "shelling resumed at dawn"),
        ("Nine fighters died near the border the Britain-based Observatory said adding that the toll may rise.", "the Britain-based Observatory", "MONITOR_NGO", "indirect", "Nine fighters died near the border"),
        ("The coalition opened an inquiry into the raid said spokesman Colonel Dan Reed on Friday.", "spokesman Colonel Dan Reed", None, "indirect", "The coalition opened an inquiry into the raid"),
    ],
)
def test_three_forms(body, speaker, group, kind, content):
    rows = attr(body)
    if speaker is None:
        assert rows == []  # "Said" here is a name, not a verb of saying
        return
    assert rows, "no attribution found"
    r = rows[0]
    assert (r["speaker"], r["speaker_actor_id"], r["kind"], r["content"]) == (speaker, group, kind, content)
    assert body[r["start"] : r["end"]] == r["content"]
    assert [k for k in r if not k.startswith("_")] == ATTRIBUTION_COLUMNS  # "_" keys: what claims read


def test_statement_inherits_previous_speaker():
    rows = attr("The Kremlin said talks would resume. Troops would stay, the statement said.")
    assert [(r["speaker"], r["speaker_actor_id"]) for r in rows] == [("The Kremlin", "RUSSIA"), ("the statement", "RUSSIA")]


def test_scare_quotes_are_not_quotes():
    assert attr('Two "terrorists" attacked the post.') == []


def test_founding_report_speakers():
    path = SHARED_DIR / "gold" / "dev.jsonl"
    if not path.is_file():
        pytest.skip("../shared/gold/dev.jsonl absent")
    rec = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    rows = extract_attributions(document_sentences(rec["doc_id"], rec.get("title"), rec["text"]), date=rec.get("date"))
    speakers = {(r["speaker_actor_id"], r["kind"]) for r in rows}
    texts = " | ".join(r["speaker"] for r in rows)
    assert "Defense Ministry" in texts and ("RUSSIA", "indirect") in speakers
    malik = [r for r in rows if r["speaker"].startswith("Sajjad Malik")]
    assert malik and malik[0]["speaker_actor_id"] == "UN" and malik[0]["kind"] == "direct"
    tom = [r for r in rows if r["speaker"].startswith("Linda Tom")]
    assert tom and tom[0]["speaker_actor_id"] == "UN" and tom[0]["kind"] == "according_to"


def test_quote_spanning_sentences_with_curly_marks_and_speaker_before():
    body = "The envoy said: “The convoy is waiting. We need guarantees now.” Talks resumed."
    rows = attr(body)
    assert [(r["kind"], r["speaker"], r["speaker_actor_id"], r["content"]) for r in rows] == [
        ("direct", "The envoy", None, "The convoy is waiting. We need guarantees now.")]


def test_offsets_point_into_the_part():
    title, body = "Monitor says nine killed", "Nine people died in the raid, the Observatory said."
    rows = extract_attributions(document_sentences("d", title, body))
    r = [x for x in rows if x["part"] == "body"][0]
    assert body[r["start"] : r["end"]] == r["content"] == "Nine people died in the raid"


def test_empty_document():
    assert extract_attributions([]) == []
    assert extract_attributions(document_sentences("d", "", "")) == []


@pytest.mark.parametrize(
    ("body", "speaker", "group"),
    [
        ("The United States has said the deaths were caused by a nerve agent.", "The United States", "USA"),
        ("Opponents of Assad said the attack killed 30 people.", "Opponents of Assad", None),
        ("Moscow said its jets had hit only militant targets.", "Moscow", "RUSSIA"),
        ("Forty fighters were killed overnight the defence ministry in Moscow said.", "the defence ministry in Moscow", "RUSSIA"),
        ("Gas was used in the raid the ambassador to the United Nations said on Monday.", "the ambassador to the United Nations", None),
        ("The opposition UK-based Syrian Observatory stated that twelve fighters died in the clashes.",
         "The opposition UK-based Syrian Observatory", "MONITOR_NGO"),
    ],
)
def test_speaker_resolution_second_pass(body, speaker, group):
    rows = attr(body)
    assert [(r["speaker"], r["speaker_actor_id"]) for r in rows][:1] == [(speaker, group)]


def test_cue_is_a_lower_case_verb_not_a_name_part():
    rows = attr("The United States has said the deaths were caused by sarin.")
    assert [(r["speaker"], r["cue"]) for r in rows] == [("The United States", "said")]


def test_bare_name_follows_earlier_full_speaker():
    body = "Ten died in the raid Observatory head Rami Abdel Rahman said. The toll may rise further Abdel Rahman said."
    assert [r["speaker_actor_id"] for r in attr(body)] == ["MONITOR_NGO", "MONITOR_NGO"]


def test_bare_coalition_speaker_follows_the_named_coalition():
    body = "The Syrian Coalition met in Istanbul. More delay will cost lives the Coalition said."
    rows = extract_attributions(document_sentences("c", None, body), date="2016-05-01")
    assert [(r["speaker"], r["speaker_actor_id"]) for r in rows] == [("the Coalition", "SYR_OPP")]


def test_not_speech():
    assert attr("Assad accused of freeing prisoners to scare the West.") == []
    assert attr("Planes are identified according to their type location and flight patterns.") == []
