"""Tests for analysis.extract.mentions: dictionary loading and errors, matching, mentions, roles, candidates."""

from __future__ import annotations

import json

import pytest

from analysis.errors import LexiconError
from analysis.extract.actor_candidates import actor_candidates
from analysis.extract.actor_dictionary import ActorMatch
from analysis.extract.actor_lexicon import default_dictionary, load_actor_dictionary
from analysis.extract.mentions import document_actor_ids, extract_mentions
from analysis.extract.text import document_sentences
from analysis.io.tables import MENTION_COLUMNS
from analysis.paths import SHARED_DIR
from analysis.resources.registry import lexicon_path

D = default_dictionary()


def ids(text, date=None):
    return {m.actor_id for m in D.find(text, date=date)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # aliases
        ("The Syrian Arab Army moved north.", {"SYR_GOV"}),
        ("Loyalists and the NDF held the hill.", {"SYR_GOV"}),
        ("The FSA and Jaish al-Islam rejected the offer.", {"SYR_OPP"}),
        ("Insurgents from the opposition regrouped.", {"SYR_OPP"}),
        ("Nusra and al-Qaeda fighters left.", {"JIHADIST"}),
        ("Daesh lost the town to the SDF.", {"ISIS", "KURDISH"}),
        ("ISIL and the YPG fought near the dam.", {"ISIS", "KURDISH"}),
        ("The Kremlin and Putin welcomed the talks.", {"RUSSIA"}),
        ("OCHA and UNHCR appealed for access.", {"UN"}),
        ("De Mistura briefed the Security Council.", {"UN"}),
        ("The Britain-based monitor counted the dead.", {"MONITOR_NGO"}),
        ("The White Helmets and MSF treated the wounded.", {"MONITOR_NGO"}),
        ("Residents and families sheltered in basements.", {"CIVILIANS"}),
        # adjectives need a head
        ("Russian jets hit the market.", {"RUSSIA"}),
        ("Turkish troops crossed the border.", {"TURKEY"}),
        ("Syrian civilians fled the fighting.", {"CIVILIANS"}),
        ("The Syrian pound fell again.", set()),
        ("Russian and Syrian warplanes pounded the area.", {"RUSSIA", "SYR_GOV"}),
        ("Turkish-backed rebels advanced.", {"TURKEY", "SYR_OPP"}),
        ("Russian and regime forces advanced.", {"RUSSIA", "SYR_GOV"}),
        ("Iranian and Hezbollah fighters arrived.", {"IRAN", "HEZBOLLAH"}),
        ("Syrian Kurdish forces took the dam.", {"KURDISH"}),
        ("Anti-government protests spread.", set()),
        ("The UK-based monitor counted the dead.", {"MONITOR_NGO"}),
        ("A London-based newspaper printed it.", set()),
        # possessives with and without apostrophe
        ("Assad's forces advanced.", {"SYR_GOV"}),
        ("Assads forces advanced.", {"SYR_GOV"}),
        ("Assad’s forces advanced.", {"SYR_GOV"}),
        ("Syrias army retook the town.", {"SYR_GOV"}),
        ("Russia's Defence Ministry published a map.", {"RUSSIA"}),
        ("The defence ministrys website showed Russian jets.", {"RUSSIA"}),
        # "Islamic" alone is nothing; "IS" is case-sensitive
        ("An Islamic school opened.", set()),
        ("It is unclear who fired.", set()),
        ("IS fighters withdrew.", {"ISIS"}),
        # generic words next to a named group are that group
        ("ISIS terrorists attacked the village.", {"ISIS"}),
        ("Terrorists fired mortars at the city.", {"SYR_OPP"}),
    ],
)
def test_find_groups(text, expected):
    assert ids(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Damascus denied any role in the attack.", {"SYR_GOV"}),
        ("Moscow said the strikes would continue.", {"RUSSIA"}),
        ("Washington blamed the government.", {"USA", "SYR_GOV"}),
        ("The deal was backed by Ankara.", {"TURKEY"}),
        ("Moscow-backed forces entered.", {"RUSSIA"}),
        ("Shells fell in Damascus on Monday.", set()),
        ("Clashes near Damascus continued.", set()),
        ("The Damascus countryside saw heavy fighting.", set()),
        ("Thousands fled to Turkey and Jordan.", set()),
        ("Turkey shelled the positions overnight.", {"TURKEY"}),
        ("DAMASCUS (Sputnik) A blast hit the old city.", set()),
        ("A police source told Sputnik the blast was a suicide attack.", set()),
        ("Sputnik reported the blast.", {"RUSSIA"}),
        ("Fifteen died, according to TASS.", {"RUSSIA"}),
        ("Moscow has been waging an air campaign.", {"RUSSIA"}),
        ("Damascus was shelled again.", set()),
    ],
)
def test_metonymy_versus_place(text, expected):
    assert ids(text) == expected


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("HTS took the crossing.", "2017-06-01", {"JIHADIST"}),
        ("HTS took the crossing.", "2015-06-01", set()),
        ("Jabhat Fateh al-Sham fighters advanced.", "2016-09-01", {"JIHADIST"}),
        ("Jabhat Fateh al-Sham fighters advanced.", "2016-01-01", {"SYR_OPP"}),  # unknown name then
        ("The ISI claimed the bombing.", "2012-05-01", {"ISIS"}),
        ("The ISI claimed the bombing.", "2016-05-01", set()),
        ("HTS took the crossing.", None, {"JIHADIST"}),
        ("Riyad Hijab chaired the cabinet meeting.", "2012-06-01", {"SYR_GOV"}),
        ("Riyad Hijab rejected the proposal.", "2016-04-01", {"SYR_OPP"}),
    ],
)
def test_date_limited_aliases(text, date, expected):
    assert ids(text, date=date) == expected


def test_find_returns_offsets_and_longest_match():
    text = "Moscow said the Syrian Observatory for Human Rights was wrong."
    ms = D.find(text)
    assert all(isinstance(m, ActorMatch) for m in ms)
    assert [(text[m.start : m.end], m.actor, m.actor_id) for m in ms] == [
        ("Moscow", "Russia", "RUSSIA"),
        ("Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights", "MONITOR_NGO"),
    ]


@pytest.mark.parametrize(
    ("text", "surface", "role"),
    [
        ("The Observatory said twelve people died.", "The Observatory", "speaker"),
        ("Twelve people died, according to the Observatory.", "the Observatory", "speaker"),
        ("Russian jets bombed the market.", "Russian jets", "agent"),
        ("The market was bombed by regime helicopters.", "regime", "agent"),
        ("Regime forces shelled the town.", "Regime forces", "agent"),
        ("Warplanes targeted rebels in the south.", "rebels", "target"),
        ("Six civilians were killed overnight.", "civilians", "target"),
        ("Rebels held talks in Geneva.", "Rebels", "other"),
        ("The army killed twenty terrorists near Hama.", "The army", "agent"),
        ("The army killed twenty terrorists near Hama.", "terrorists", "target"),
        ("Three civilians killed in regime shelling", "civilians", "target"),
        ("Three civilians killed in regime shelling", "regime", "agent"),
        ("A suicide attack by IS killed thirty Kurdish fighters.", "IS", "agent"),
        ("Its aircraft struck IS targets near Raqqa.", "IS", "target"),
        ("The strikes were aimed against the rebels.", "rebels", "target"),
        ("The Kremlin's statement came late.", "Kremlin's", "speaker"),
        ("Shells fell on rebel-held districts.", "rebel-held", "other"),
    ],
)
def test_roles(text, surface, role):
    rows = extract_mentions(document_sentences("t", None, text))
    got = {r["surface"]: r["role"] for r in rows}
    assert got[surface] == role


def test_mentions_columns_offsets_and_ids():
    title, body = "Rebels shell Aleppo", "The army said rebels fired shells. Residents fled."
    rows = extract_mentions(document_sentences("d1", title, body))
    assert rows and all(list(r) == MENTION_COLUMNS for r in rows)
    for r in rows:
        part = title if r["part"] == "title" else body
        assert part[r["start"] : r["end"]] == r["surface"]
    assert document_actor_ids(rows) == {"SYR_OPP", "SYR_GOV", "CIVILIANS"}


def test_bare_coalition_follows_context():
    body = "IS lost ground. The coalition struck its positions."
    rows = extract_mentions(document_sentences("d", None, body), date="2016-01-01")
    assert {r["surface"]: r["actor_id"] for r in rows}["coalition"] == "USA"


# ---------------------------------------------------------------- lexicon loading and errors


def write(tmp_path, text, name="a.yml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


GROUPS = "SYR_GOV, SYR_OPP, JIHADIST, ISIS, KURDISH, RUSSIA, IRAN, HEZBOLLAH, USA, TURKEY, ISRAEL, OTHER_STATE, UN, MONITOR_NGO, CIVILIANS"


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("actors:\n- name: X\n  group: MARTIANS\n  aliases: [x]\n",
         f"entry 'X': unknown group id 'MARTIANS'; the pack 'syria' has {', '.join(sorted(GROUPS.split(', ')))}"),
        ("actors:\n- name: X\n  group: UN\n  aliases: [foo, foo]\n", "entry 'X': alias 'foo' is listed twice"),
        ("actors:\n- name: X\n  group: UN\n  aliases: [foo, '  ']\n", "entry 'X': empty pattern in 'aliases'"),
        ("actors:\n- name: X\n  group: UN\n  from: '2016-13-01'\n  aliases: [foo]\n",
         "entry 'X': from must be a date written YYYY-MM-DD, got '2016-13-01'"),
        ("actors:\n- name: X\n  group: UN\n  from: 2017-01-01\n  until: 2016-01-01\n  aliases: [foo]\n",
         "entry 'X': 'from' 2017-01-01 is after 'until' 2016-01-01"),
        ("actors:\n- name: X\n  group: UN\n  aliases: foo\n", "entry 'X': 'aliases' must be a list, got str"),
        ("actors:\n- name: X\n  group: UN\n  aliases: [[foo]]\n",
         "entry 'X': each item of 'aliases' must be a string or a mapping with 'text', got list"),
        ("actors:\n- just a string\n", "entry '#1': each actor must be a mapping with name, group and aliases, got str"),
        ("actors:\n- name: X\n  group: UN\n  aliases: [{text: foo, case: maybe}]\n",
         "entry 'X': case must be 'sensitive' or 'insensitive', got 'maybe'"),
        ("actors:\n- name: X\n  group: UN\n  colour: red\n  aliases: [foo]\n",
         "entry 'X': unknown key(s) colour; allowed: adjectives, aliases, from, generic, group, metonyms, name, until"),
        ("actors:\n- name: X\n  group: UN\n", "entry 'X': has no aliases, adjectives or metonyms"),
        ("actors: {}\n", "entry 'actors': must be a list of actor entries, got dict"),
    ],
)
def test_lexicon_errors_exact_messages(tmp_path, yaml_text, message):
    p = write(tmp_path, yaml_text)
    with pytest.raises(LexiconError) as err:
        load_actor_dictionary(p)
    assert str(err.value) == f"{p}: {message}"


def test_duplicate_alias_across_entries_names_both(tmp_path):
    p = write(tmp_path, "actors:\n- name: X\n  group: UN\n  aliases: [world body]\n- name: Y\n  group: UN\n  aliases: [World Body]\n")
    with pytest.raises(LexiconError) as err:
        load_actor_dictionary(p)
    assert str(err.value) == (
        f"{p}: entry 'Y': alias 'World Body' is already used by 'X' ({p}) in an overlapping period; "
        "remove one or add from/until dates"
    )


def test_impossible_yaml_date_is_a_lexicon_error(tmp_path):
    p = write(tmp_path, "actors:\n- name: X\n  group: UN\n  from: 2016-13-01\n  aliases: [foo]\n")
    with pytest.raises(LexiconError, match="write dates as YYYY-MM-DD"):
        load_actor_dictionary(p)


def test_missing_file_is_a_lexicon_error(tmp_path):
    with pytest.raises(LexiconError, match="not found"):
        load_actor_dictionary(tmp_path / "none.yml")


def test_same_alias_allowed_in_separate_periods(tmp_path):
    p = write(tmp_path, "actors:\n- name: A\n  group: UN\n  aliases: [{text: Envoy Z, until: 2014-06-30}]\n"
              "- name: B\n  group: USA\n  aliases: [{text: Envoy Z, from: 2014-07-01}]\n")
    d = load_actor_dictionary(p)
    assert [m.actor for m in d.find("Envoy Z spoke", date="2013-01-01")] == ["A"]
    assert [m.actor for m in d.find("Envoy Z spoke", date="2015-01-01")] == ["B"]
    assert [m.actor for m in d.find("Envoy Z spoke")] == ["B"]  # undated: the latest meaning


def test_user_extension_file(tmp_path):
    p = write(tmp_path, "actors:\n- name: Lions Brigade\n  group: SYR_OPP\n  aliases: [Lions Brigade]\n"
              "- name: SANA\n  group: SYR_GOV\n  aliases: [SANA, state wire]\n")
    d = load_actor_dictionary([lexicon_path("actors"), p])
    assert [(m.actor, m.actor_id) for m in d.find("The Lions Brigade denied it, the state wire said.")] == [
        ("Lions Brigade", "SYR_OPP"), ("SANA", "SYR_GOV")]
    assert d.find("Russian jets struck.")[0].actor_id == "RUSSIA"  # the bundled entries remain


def test_default_dictionary_is_cached():
    assert default_dictionary() is default_dictionary()


def test_actor_candidates(tmp_path):
    docs = [document_sentences(f"d{i}", None, "Fighters of the Lions Brigade met Abu Karim. SANA said so.") for i in range(3)]
    df = actor_candidates(docs, min_count=2)
    assert list(df.columns) == ["name", "count", "n_docs", "example_doc_id", "example_sentence"]
    assert df["name"].tolist() == ["Abu Karim", "Lions Brigade"]
    assert df["count"].tolist() == [3, 3] and df["n_docs"].tolist() == [3, 3]


# ---------------------------------------------------------------- gold


def _gold():
    path = SHARED_DIR / "gold" / "dev.jsonl"
    if not path.is_file():
        pytest.skip("../shared/gold/dev.jsonl absent")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_dev_actor_ids_micro_f1():
    tp = fp = fn = 0
    for rec in _gold():
        rows = extract_mentions(document_sentences(rec["doc_id"], rec.get("title"), rec["text"]), date=rec.get("date"))
        pred, gold = document_actor_ids(rows), set(rec["actors"])
        tp, fp, fn = tp + len(pred & gold), fp + len(pred - gold), fn + len(gold - pred)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.92, f"micro F1 {f1:.3f}"


def test_founding_report_actor_groups():
    rec = _gold()[0]
    rows = extract_mentions(document_sentences(rec["doc_id"], rec.get("title"), rec["text"]), date=rec.get("date"))
    assert document_actor_ids(rows) == {"RUSSIA", "SYR_GOV", "SYR_OPP", "UN", "CIVILIANS"}


@pytest.mark.parametrize("date", ["2017-06-01", "6/1/2017", "2017-06-01T08:00:00"])
def test_date_formats(date):
    import datetime as dt

    import pandas as pd

    for value in (date, pd.Timestamp("2017-06-01"), dt.date(2017, 6, 1)):
        assert ids("HTS took the crossing.", date=value) == {"JIHADIST"}


@pytest.mark.parametrize("missing", [None, float("nan")])
def test_missing_date_uses_every_alias(missing):
    import pandas as pd

    assert ids("HTS took the crossing.", date=missing) == {"JIHADIST"}
    assert ids("HTS took the crossing.", date=pd.NaT) == {"JIHADIST"}


def test_bad_date_is_an_input_error():
    from analysis.errors import InputError

    with pytest.raises(InputError, match="expected YYYY-MM-DD or M/D/YYYY"):
        D.find("HTS", date="soon")


def test_user_dictionary_for_another_conflict_uses_its_packs_groups(tmp_path):
    from analysis.resources.packs import load_pack

    write(tmp_path, "name: aland\ngroups: {ARMY_A: state, MILITIA_B: armed_nonstate}\n", "pack.yml")
    write(tmp_path, "referents:\n  militia:\n    group: MILITIA_B\n    labels: {militants: [militant]}\n", "labels.yml")
    p = write(tmp_path, "heads: [troops]\n"
              "actors:\n- name: Army of A\n  group: ARMY_A\n  aliases: [Army of A]\n  adjectives: [Aland]\n"
              "- name: Militia B\n  group: MILITIA_B\n  aliases: [B militia]\n  metonyms: [Btown]\n", "actors.yml")
    d = load_actor_dictionary(p, pack=load_pack(tmp_path))
    found = [(m.surface, m.actor_id, d.kind(m.actor_id)) for m in d.find("Aland troops met the B militia as Btown said no.")]
    assert found == [("Aland troops", "ARMY_A", "state"), ("B militia", "MILITIA_B", "armed_nonstate"),
                     ("Btown", "MILITIA_B", "armed_nonstate")]
    bad = write(tmp_path, "actors:\n- name: X\n  group: NAVY_C\n  aliases: [x]\n", "b.yml")
    with pytest.raises(LexiconError, match="unknown group id 'NAVY_C'; the pack 'aland' has ARMY_A, MILITIA_B$"):
        load_actor_dictionary(bad, pack=load_pack(tmp_path))
    old = write(tmp_path, "groups: [ARMY_A]\nactors: []\n", "c.yml")
    with pytest.raises(LexiconError, match="entry 'groups': group ids and their kinds are declared in a pack's pack.yml"):
        load_actor_dictionary(old)


def test_empty_inputs():
    assert D.find("") == []
    assert extract_mentions([]) == []
    assert actor_candidates([]).empty


# ---------------------------------------------------------------- aliases, places, generics (2nd pass)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Observers counted nine bodies.", {"MONITOR_NGO"}),
        ("Reporters Without Borders condemned the arrest.", {"MONITOR_NGO"}),
        ("The Committee to Protect Journalists named the reporter.", {"MONITOR_NGO"}),
        ("The Union of Syrian Medical Relief Organisations ran the clinic.", {"MONITOR_NGO"}),
        ("The Aamaq agency posted the claim.", {"ISIS"}),
        ("Press TV reported the toll.", {"IRAN"}),
        ("A terrorist mortar attack hit the square.", {"SYR_OPP"}),
        ("A Lebanese TV channel aired the footage.", set()),
        ("Turkey's state-run news agency carried the report.", {"TURKEY"}),
        ("Turkeys health ministry confirmed the tests.", {"TURKEY"}),
        ("Syria's national television carried the speech.", {"SYR_GOV"}),
        ("The rebels' backer Qatar paid the fighters.", {"SYR_OPP", "OTHER_STATE"}),
        ("Two students went to study in Russia.", set()),
        ("A group banned in Russia claimed the blast.", {"RUSSIA"}),
    ],
)
def test_second_pass_aliases_and_places(text, expected):
    assert ids(text) == expected


def test_medical_source_phrase():
    rows = extract_mentions(document_sentences("m", None, "A source at the town's national hospital said four died."))
    assert [(r["actor_id"], r["role"]) for r in rows] == [("MONITOR_NGO", "speaker")]


def test_generic_words_follow_context():
    def groups(body):
        return [(r["surface"], r["actor_id"]) for r in extract_mentions(document_sentences("g", None, body), date="2016-05-01")]
    # a definite generic follows the group named in the previous sentence
    assert ("jihadists", "ISIS") in groups("IS stormed the base on Friday. The jihadists then withdrew.")
    # "other armed groups" are not the group just named
    assert ("armed groups", "SYR_OPP") in groups("Nusra and other armed groups shelled the district.")
    # no group named: pro-government "terrorist rocket attack" is the armed opposition
    assert groups("Two died in a terrorist rocket attack on the city.") == [("terrorist rocket attack", "SYR_OPP")]


def test_bare_coalition_before_its_name_and_inside_other_names():
    rows = extract_mentions(document_sentences("c", "Coalition urges action", "The Syrian Coalition wrote to the council."), date="2016-05-01")
    assert {r["actor_id"] for r in rows} == {"SYR_OPP"}
    rows = extract_mentions(document_sentences("c", None, "Where is the Stop the War Coalition now?"), date="2016-05-01")
    assert rows == []


@pytest.mark.parametrize(
    ("text", "surface", "role"),
    [
        ("Russian air strikes killed nine people near Idlib.", "Russian air strikes", "agent"),
        ("Nine people were killed in Russian air strikes near Idlib.", "Russian air strikes", "agent"),
        ("Regime shelling killed two children in Douma.", "Regime", "agent"),
        ("The US-led coalition jets hit a school and four pupils were killed.", "US-led coalition", "agent"),
        ("Observatory chief Rami Abdel Rahman said the toll rose.", "Observatory", "speaker"),
        ("Rockets fell on the market SANA news agency reported.", "SANA", "speaker"),
        ("A police source told SANA reporter that two died.", "SANA", "other"),
        ("The army says rebels executed the pilot.", "rebels", "agent"),
        ("Eight women were among those killed.", "women", "target"),
        ("The dead included children and two nurses, the monitor said.", "children", "target"),
        ("Jets hit depots belonging to IS near the river.", "IS", "target"),
        ("The raid was later confirmed by the UN.", "UN", "speaker"),
        ("Opponents of President Assad said the raid killed 30.", "President Assad", "other"),
        ("IS was condemned in a council resolution.", "IS", "other"),
    ],
)
def test_roles_second_pass(text, surface, role):
    rows = extract_mentions(document_sentences("t", None, text))
    got = {r["surface"]: r["role"] for r in rows}
    assert got[surface] == role
