"""Casualty claims: clause rules, subgroups, exclusions, both punctuation styles, actors."""

from __future__ import annotations

import pytest

from analysis.extract.claims import CLAIM_COLUMNS, claims_frame, extract_claims
from analysis.extract.text import document_sentences


def claims(text: str, title: str | None = None, **kw) -> list[dict]:
    kw.setdefault("dictionary", False)
    return extract_claims(document_sentences("t", title, text), **kw)


def keys(text: str) -> set[tuple]:
    """(category, min, max, qualifier, vague) of the claims in ``text``."""
    return {(c["category"], c["min"], c["max"], c["qualifier"], c["vague"]) for c in claims(text)}


K, I, C = "killed", "injured", "casualties"


@pytest.mark.parametrize(
    "text, expected",
    [
        # plain passives and actives, normal punctuation
        ("Eleven soldiers were killed in the ambush.", {(K, 11, 11, "exact", None)}),
        ("Update: 12 people were killed in Homs.", {(K, 12, 12, "exact", None)}),
        ("Breaking news: twelve civilians died at 10:30 in the strike.", {(K, 12, 12, "exact", None)}),
        ("An air raid killed 14 people in the market on Friday.", {(K, 14, 14, "exact", None)}),
        ("Shelling killed six and wounded 32 in the old city.", {(K, 6, 6, "exact", None), (I, 32, 32, "exact", None)}),
        ("The car bomb killed six people, injuring 32 others.", {(K, 6, 6, "exact", None), (I, 32, 32, "exact", None)}),
        ("Nearly 300 were killed and over 1,200 injured since the siege began.",
         {(K, 300, 300, "almost", None), (I, 1200, 1200, "more_than", None)}),
        ("At least 19 rebels died in the clashes.", {(K, 19, 19, "at_least", None)}),
        ("Some 40 civilians perished overnight.", {(K, 40, 40, "about", None)}),
        ("Up to 25 people lost their lives in the blaze.", {(K, 25, 25, "up_to", None)}),
        ("Between 10 and 15 guards were hurt.", {(I, 10, 15, "range", None)}),
        ("Eight to 12 fighters were wounded.", {(I, 8, 12, "range", None)}),
        ("The gunmen executed nine prisoners at dawn.", {(K, 9, 9, "exact", None)}),
        ("Militants beheaded two dozen captives.", {(K, 24, 24, "exact", None)}),
        ("The strike claimed the lives of twenty-two villagers.", {(K, 22, 22, "exact", None)}),
        ("The blast left 12 people dead and 30 wounded.", {(K, 12, 12, "exact", None), (I, 30, 30, "exact", None)}),
        ("Rescuers pulled seven bodies from the rubble.", {(K, 7, 7, "exact", None)}),
        ("The monitor reported 15 deaths in the province.", {(K, 15, 15, "exact", None)}),
        ("Fighting cost more than 500 lives over three days.", {(K, 500, 500, "more_than", None)}),
        ("A dozen martyrs fell in the town.", {(K, 12, 12, "exact", None)}),
        ("Twenty casualties were reported after the explosion.", {(C, 20, 20, "exact", None)}),
        ("One civilian was also killed in the raid.", {(K, 1, 1, "exact", None)}),
        ("1.5 million people have been wounded in the war.", {(I, 1_500_000, 1_500_000, "exact", None)}),
        ("The army said it destroyed over 40 terrorists near the dam.", {(K, 40, 40, "more_than", None)}),
        # tolls
        ("The death toll rose to 45 on Tuesday.", {(K, 45, 45, "exact", None)}),
        ("The toll from the market attack reached 63.", {(K, 63, 63, "exact", None)}),
        ("The agency gave a toll of 12 dead.", {(K, 12, 12, "exact", None)}),
        ("The group put the toll at nine.", {(K, 9, 9, "exact", None)}),
        ("It brought the number of soldiers killed this month to 31.", {(K, 31, 31, "exact", None)}),
        # among the dead
        ("Among the dead were four medics.", {(K, 4, 4, "exact", None)}),
        ("Three teachers were among those killed.", {(K, 3, 3, "exact", None)}),
        # subgroups and lists
        ("At least 30 people including nine children were killed.",
         {(K, 30, 30, "at_least", None), (K, 9, 9, "exact", None)}),
        ("The raid killed 12 civilians including five women.", {(K, 12, 12, "exact", None), (K, 5, 5, "exact", None)}),
        ("The bombing killed 4120 civilians including 1200 children 700 women and 2220 men.",
         {(K, 4120, 4120, "exact", None), (K, 1200, 1200, "exact", None), (K, 700, 700, "exact", None),
          (K, 2220, 2220, "exact", None)}),
        ("Airstrikes killed 16 people on Monday eight of them children.",
         {(K, 16, 16, "exact", None), (K, 8, 8, "exact", None)}),
        ("Four farmers and a shepherd were wounded.", {(I, 4, 4, "exact", None)}),
        ("A nurse and two soldiers were killed.", {(K, 2, 2, "exact", None)}),
        ("Five people were killed and 20 others received wounds.", {(K, 5, 5, "exact", None), (I, 20, 20, "exact", None)}),
        # vague
        ("Dozens of people were wounded in the shelling.", {(I, None, None, "vague", "dozens")}),
        ("Hundreds of civilians died in the siege.", {(K, None, None, "vague", "hundreds")}),
        ("Scores killed as bombs hit market", {(K, None, None, "vague", "scores")}),
        ("The attack killed three and injured several others.", {(K, 3, 3, "exact", None), (I, None, None, "vague", "several")}),
        ("Dozens of casualties were brought to the clinic.", {(C, None, None, "vague", "dozens")}),
        ("The shelling killed 7 people and wounded dozens more.", {(K, 7, 7, "exact", None), (I, None, None, "vague", "dozens")}),
        ("Clashes left dozens killed or wounded.", {(C, None, None, "vague", "dozens")}),
    ],
)
def test_claims_normal_punctuation(text, expected):
    assert keys(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # FA-KES style: commas and apostrophes stripped, clauses run together, title case
        ("Assads warplanes killed 230000 people since 2011 a monitor said",
         {(K, 230000, 230000, "exact", None)}),
        ("Rockets hit the district killing 4 civilians and injuring 11 others SANA said",
         {(K, 4, 4, "exact", None), (I, 11, 11, "exact", None)}),
        ("3 Civilians Killed 9 Injured in Mortar Attack on Homs", {(K, 3, 3, "exact", None), (I, 9, 9, "exact", None)}),
        ("At least 9 people were killed 14 were wounded in the attack on the market",
         {(K, 9, 9, "at_least", None), (I, 14, 14, "exact", None)}),
        ("The regime bombing killed 812 civilians including 230 children 140 women and 442 men",
         {(K, 812, 812, "exact", None), (K, 230, 230, "exact", None), (K, 140, 140, "exact", None),
          (K, 442, 442, "exact", None)}),
        ("Strikes Kill 20 Civilians in Idlib Activists", {(K, 20, 20, "exact", None)}),
        ("More than 1500 people have been killed in the province since last year",
         {(K, 1500, 1500, "more_than", None)}),
        ("Militants kidnapped 300 villagers and executed 12 others", {(K, 12, 12, "exact", None)}),
        ("IS kidnapped 500 Executed 21 People in Raqqa", {(K, 21, 21, "exact", None)}),
    ],
)
def test_claims_stripped_punctuation(text, expected):
    assert keys(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # negated, hypothetical, future, threatened, denied
        "No casualties were reported after the blast.",
        "Nobody was killed in the attack on the 3 checkpoints.",
        "The bombing could kill thousands of civilians.",
        "Officials warned the offensive may kill hundreds.",
        "The group threatened to kill 100 hostages.",
        "The ministry denied killing 30 civilians.",
        "The army will not kill 20 prisoners.",
        # affected in other ways
        "About 4,000 people were evacuated from the town.",
        "Some 12,000 residents were displaced by the fighting.",
        "Police arrested 25 people after the protest.",
        "Gunmen kidnapped 40 workers on Sunday.",
        "Nearly 400,000 people remain besieged in the enclave.",
        "Thirty-five prisoners were freed in the exchange.",
        "Only a handful of civilians have been evacuated so far.",
        # counts of things, dates, ages, durations, ordinals, percentages, money, times
        "Warplanes carried out 46 strikes on the town.",
        "The 46-truck convoy reached the town on Monday.",
        "Ten rockets killed a child in the village.",
        "A 12-year-old boy was killed by a sniper.",
        "Sun 05 Jul 2015 A child was killed in the shelling.",
        "Government forces launched the offensive on February 18 and a man died.",
        "The war has raged for almost seven years and killed many.",
        "It was the second attack on the hospital in which a nurse died.",
        "About 40 percent of the wounded were children.",
        "The UN appealed for $500 million to help the wounded.",
        "The blast at 0914 killed a guard.",
        "Many people were killed and a number of others injured.",
    ],
)
def test_not_claims(text):
    assert keys(text) == set()


def test_every_occurrence_is_kept_with_offsets():
    title = "Strikes kill 8 civilians"
    body = "Air strikes killed 8 civilians on Sunday.\nThe toll rose to 10 by evening."
    out = claims(body, title=title)
    assert [(c["part"], c["min"]) for c in out] == [("title", 8), ("body", 8), ("body", 10)]
    for c in out:
        text = title if c["part"] == "title" else body
        assert text[c["start"]:c["end"]] == c["quote"]
        assert c["quote"] in c["sentence"]
        assert set(CLAIM_COLUMNS) <= set(c)


@pytest.mark.parametrize(
    "text, victims",
    [
        ("Shelling killed six.", "people"),
        ("Eleven soldiers were killed.", "soldiers"),
        ("At least 35 Islamic State fighters were killed.", "fighters"),
        ("22 of the rebels were killed.", "rebels"),
        ("Rescuers recovered five bodies.", "bodies"),
        ("Seven others were wounded.", "others"),
    ],
)
def test_victims(text, victims):
    assert [c["victims"] for c in claims(text)] == [victims]


@pytest.mark.parametrize(
    "text, scope",
    [
        ("The strike killed 12 people on Monday.", "event"),
        ("More than 300,000 people have been killed since the conflict began in 2011.", "cumulative"),
        ("Over 500 people have died since February 18 in the enclave.", "cumulative"),
        ("Air strikes have killed 90 civilians over the past year.", "cumulative"),
        ("The war has killed more than 400000 people.", "cumulative"),
        ("The blast killed 40 people, the deadliest attack since the war began.", "event"),
        # war tolls without a start date
        ("The fighting in the country which has gone on for six years has killed over 320000 people.", "cumulative"),
        ("Over 250000 people have been killed and millions driven from their homes.", "cumulative"),
        ("More than 90000 people have died in the four-year-old revolt.", "cumulative"),
        ("A think tank put the toll from the seven-year war at 510000.", "cumulative"),
        ("About 210000 people have died and half of the population has fled.", "cumulative"),
        ("The group said 8000 detainees died in custody from April 2012 to May 2015.", "cumulative"),
        ("The raids took to 140 the number of civilians killed in the province in the past nine days.", "cumulative"),
        ("Shelling across the border has killed 17 people in the town this year.", "cumulative"),
        # a toll this large is never a single event
        ("Some 400000 people are believed dead, a research group said.", "cumulative"),
        ("Raids over the last 48 hours killed 60 people.", "event"),
    ],
)
def test_scope(text, scope):
    assert [c["scope"] for c in claims(text)] == [scope]


def test_frame_has_the_columns():
    df = claims_frame(claims("Shelling killed six and wounded 32."))
    assert list(df.columns) == CLAIM_COLUMNS + ["quote"]
    assert len(df) == 2


# ----------------------------------------------------------------------- sources and perpetrators



@pytest.mark.parametrize(
    "text, source, perpetrator",
    [
        ("Russian air strikes killed 14 civilians in the town the Syrian Observatory for Human Rights said.",
         "MONITOR_NGO", "RUSSIA"),
        ("At least 16 civilians were killed in raids by the US-led coalition activists said.", "MONITOR_NGO", "USA"),
        ("According to the United Nations more than 400 civilians have been killed.", "UN", None),
        ("State television said rebel shelling killed five people.", "SYR_GOV", "SYR_OPP"),
        ("ISIS executed 18 civilians in the town.", None, "ISIS"),
        ("At least 25 members of the Nusra Front were killed in the blast.", None, None),
        ("Nine soldiers were killed in clashes with Kurdish fighters.", None, "KURDISH"),
        ("Regime helicopters dropped barrel bombs on a rebel-held town killing 10 people.", None, "SYR_GOV"),
    ],
)
def test_source_and_perpetrator(text, source, perpetrator):
    out = claims(text, dictionary=None)
    assert out, text
    assert (out[0]["source_actor"], out[0]["perpetrator_actor"]) == (source, perpetrator)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a war toll does not borrow the source of the neighbouring sentence, and the war is its subject
        ("Two boys died in the shelling the Syrian Observatory for Human Rights said.\n"
         "The war which has lasted six years has killed more than 310000 people.",
         [(2, "MONITOR_NGO", None), (310000, None, None)]),
        ("ISIS grew out of the chaos of a war that has killed more than 250000 people.", [(250000, None, None)]),
        # coordinated passives share the perpetrator named after the second one
        ("Eleven civilians were killed and about 20 others were wounded when regime aircraft bombed a bakery.",
         [(11, None, "SYR_GOV"), (20, None, "SYR_GOV")]),
        # a pronoun speaker in the next sentence stands for the source named before it
        ("A source at the police command told SANA that rockets hit the square.\n"
         "The source added that the rockets struck a school.\n"
         "Terrorists also fired mortars on a market killing three people.",
         [(3, "SYR_GOV", "SYR_OPP")]),
    ],
)
def test_war_tolls_coordination_and_pronoun_neighbours(text, expected):
    out = claims(text, dictionary=None)
    assert [(c["min"], c["source_actor"], c["perpetrator_actor"]) for c in out] == expected


def test_pronoun_speaker_carries_the_previous_source():
    text = ("The Syrian Observatory for Human Rights said the strikes hit a market.\n"
            "At least 18 people were also wounded in the raids he added.")
    out = claims(text, dictionary=None)
    assert [(c["min"], c["source_actor"]) for c in out] == [(18, "MONITOR_NGO")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The new raids took to 61 the number of civilians killed this week.", {(K, 61, 61, "exact", None)}),
        ("The shelling brought to 33 the death toll in the town.", {(K, 33, 33, "exact", None)}),
        ("Analysts put the death toll from the long conflict at as high as 450000.",
         {(K, 450000, 450000, "up_to", None)}),
        ("12 people mostly students killed in a rocket attack on the campus", {(K, 12, 12, "exact", None)}),
        ("At least 30 people - most of them fighters - were killed.", {(K, 30, 30, "at_least", None)}),
        ("Nine guards from the old prison east of the city were killed at dawn.", {(K, 9, 9, "exact", None)}),
        ("At least 40 army and militia fighters have been killed.", {(K, 40, 40, "at_least", None)}),
        ("02-09-2016 4 Killed in Shelling on Hama", {(K, 4, 4, "exact", None)}),
        ("Reporters identified one of the wounded as a local commander.", set()),
        ("The strike killed 6 civilians along with 40 were arrested.", {(K, 6, 6, "exact", None)}),
        ("Over 9000 of them had died in detention.", {(K, 9000, 9000, "more_than", None)}),
    ],
)
def test_claims_more_patterns(text, expected):
    assert keys(text) == expected


def test_displaced_subgroup_is_not_a_casualty():
    text = ("The war has killed 300000 people and driven 11 million from their homes "
            "including 4 million refugees.")
    assert keys(text) == {(K, 300000, 300000, "exact", None)}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Dozens more were wounded some of them badly.", {(I, None, None, "vague", "dozens")}),
        ("Another 65 people were hurt some seriously in the raid.", {(I, 65, 65, "exact", None)}),
        ("Strikes since 3 May have killed between 200 and 400 civilians.", {(K, 200, 400, "range", None)}),
        ("Eight civilians some of them children killed in an air raid", {(K, 8, 8, "exact", None)}),
        ("90 militants at least were killed near the airport", {(K, 90, 90, "at_least", None)}),
        ("More than 900 are estimated to have been killed.", {(K, 900, 900, "more_than", None)}),
        ("The blast killed a driver a guard and three police officers.", {(K, 3, 3, "exact", None)}),
        ("The monitor said those killed included 14 fighters.", {(K, 14, 14, "exact", None)}),
        ("Gunmen committed a massacre against 30 villagers.", {(K, 30, 30, "exact", None)}),
        ("A total of 17 IS fighters (a group banned in many states) were killed.", {(K, 17, 17, "exact", None)}),
    ],
)
def test_claims_hedges_after_and_asides(text, expected):
    assert keys(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Medics said most of the dead were men but they also included several women.",
         {(K, None, None, "vague", "several")}),
        ("Moscow denied that its jets killed 30 civilians in the town.", set()),
        ("It was unclear whether 12 people were killed.", set()),
        ("If the dam breaks 5000 people could die.", set()),
    ],
)
def test_claims_included_and_denied(text, expected):
    assert keys(text) == expected


@pytest.mark.parametrize(
    "text, perpetrator",
    [
        ("At least 9 jihadist fighters were killed in clashes with Kurdish forces.", "KURDISH"),
        ("The strike by Syrian or Russian jets killed 20 people.", None),
        ("A bomb killed 7 people and injured 12 in the city Syrian state television reported.", None),
    ],
)
def test_perpetrator_edge_cases(text, perpetrator):
    out = claims(text, dictionary=None)
    assert out and out[0]["perpetrator_actor"] == perpetrator


def test_active_claim_followed_by_other_casualties():
    text = "Bombs killed 14 people and civilian casualties were reported elsewhere."
    assert keys(text) == {(K, 14, 14, "exact", None)}


@pytest.mark.parametrize(
    "text, expected",
    [
        ('The group said the raid left "nearly 40" soldiers dead.', {(K, 40, 40, "almost", None)}),
        ("Among the wounded in the old town were three nurses.", {(I, 3, 3, "exact", None)}),
        ("Jets struck again later to kill another 15 fighters.", {(K, 15, 15, "exact", None)}),
        ("Death toll from Homs car bomb at least 31", {(K, 31, 31, "at_least", None)}),
        ("The initial toll also included 20 injured.", {(I, 20, 20, "exact", None)}),
        ("The number of people killed in the raid on the market of the village has risen to 17.",
         {(K, 17, 17, "exact", None)}),
        ("The footage showed the beheadings of at least 11 men.", {(K, 11, 11, "at_least", None)}),
        ("At least 60 troops and militia were killed.", {(K, 60, 60, "at_least", None)}),
    ],
)
def test_claims_tolls_and_windows(text, expected):
    assert keys(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The death toll was likely to rise given the several people still trapped.",
        "Medics put the death toll at 40 saying there were 9 children among them.",
        "The death toll could reach as many as 300.",
        "The toll from the siege of the city of 200000 people is unknown.",
    ],
)
def test_toll_needs_a_clean_gap(text):
    assert (K, 9, 9, "exact", None) not in keys(text)
    assert all(c["min"] not in (300, 200000) and c["vague"] != "several" for c in claims(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The doctor was one of two people killed.", {(K, 2, 2, "exact", None)}),
        ("She was one of those killed in the raid.", set()),
        ("Several of the wounded were in serious condition.", set()),
        ("One of the civilians was wounded.", {(I, 1, 1, "exact", None)}),
        ("Several dozen soldiers were also killed.", {(K, None, None, "vague", "dozens")}),
    ],
)
def test_one_of_and_several_of(text, expected):
    assert keys(text) == expected


# ----------------------------------------------------------------------- word-list lexicon

from analysis.errors import LexiconError  # noqa: E402
from analysis.resources.wordlists import load_casualty_lexicon  # noqa: E402


def test_bundled_lexicon_loads():
    lex = load_casualty_lexicon()
    assert {"civilians", "rebels", "soldiers"} <= lex["victims"]
    assert "refugees" in lex["not_victims"] and "strikes" in lex["things"]


@pytest.mark.parametrize(
    "content, entry",
    [
        ("victims: [people]\nnot_victims: [refugees]\n", "things"),
        ("victims: [people, people]\nnot_victims: [refugees]\nthings: [trucks]\n", "people"),
        ("victims: [people, '']\nnot_victims: [refugees]\nthings: [trucks]\n", "victims"),
        ("victims: [People]\nnot_victims: [refugees]\nthings: [trucks]\n", "People"),
        ("victims: [people]\nnot_victims: [refugees]\nthings: [people]\n", "people"),
        ("victims: [people\n", ""),
    ],
)
def test_bad_lexicon_names_file_and_entry(tmp_path, content, entry):
    path = tmp_path / "casualties.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError) as exc:
        load_casualty_lexicon(path)
    assert str(path) in str(exc.value) and entry in str(exc.value)


def test_precomputed_mentions_give_the_same_claims():
    from analysis.extract.actor_lexicon import default_dictionary
    from analysis.extract.mentions import extract_mentions

    sents = document_sentences("m", "Raids kill 9", "Russian jets killed 9 civilians the Observatory said.\n"
                                                 "At least 4 more were wounded he added.")
    d = default_dictionary()
    rows = extract_mentions(sents, dictionary=d)
    assert extract_claims(sents, dictionary=d, mentions=rows) == extract_claims(sents, dictionary=d)


@pytest.mark.parametrize(
    "text, expected",
    [
        # counts listed by place after a first claim
        ("Medics said 90 bodies were collected in Harasta 35 in Arbin and 12 in Zamalka.",
         {(K, 90, 90, "exact", None), (K, 35, 35, "exact", None), (K, 12, 12, "exact", None)}),
        ("The raids killed 31 civilians in and around Idlib and 17 in nearby Hama province.",
         {(K, 31, 31, "exact", None), (K, 17, 17, "exact", None)}),
        # "were among the victims", "fell victim"
        ("The monitor said nine women were among the victims of the shelling.", {(C, 9, 9, "exact", None)}),
        ("Four teachers were among the dead.", {(K, 4, 4, "exact", None)}),
        ("Some 700 residents have fallen victims of the gas attack.", {(C, 700, 700, "about", None)}),
        # a quotation mark between the verb and the number
        ('The shelling killed "at least 14 gunmen" the army said.', {(K, 14, 14, "at_least", None)}),
        # coordinated counts before one predicate, with adjectives and vague members
        ("The monitor said 25 army and 31 rebel fighters have died since dawn.",
         {(K, 25, 25, "exact", None), (K, 31, 31, "exact", None)}),
        ("Another 90 troops and allied militiamen and several dozen tribal fighters were also killed.",
         {(K, 90, 90, "exact", None), (K, None, None, "vague", "dozens")}),
        # ages inside the noun phrase
        ("Six pupils between 8 and 11 years old were killed at the school.", {(K, 6, 6, "exact", None)}),
        # military statements: combatants "destroyed" or "eliminated"
        ("Over 45 militants were eliminated near the airport.", {(K, 45, 45, "more_than", None)}),
        ("The ministry confirmed the elimination of 27 terrorists and 4 trucks.", {(K, 27, 27, "exact", None)}),
    ],
)
def test_claims_lists_and_predicates(text, expected):
    assert keys(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Get short URL 3512 At least nine people were killed in the blast.",
        "Sun 03 Mar 2016 204518 18 Dead in Shelling on Homs.",
        "Tuesday 1250 UTC+3 Some 40 people were wounded in the attack.",
        "The strikes destroyed more than 300 families and 12 homes.",
        "A truck carrying 15 fighters was destroyed on the road.",
    ],
)
def test_share_counts_codes_and_things_are_not_claims(text):
    got = {(c["min"], c["category"]) for c in claims(text)}
    assert not any(m in (3512, 204518, 3, 300, 15) for m, _cat in got), got


@pytest.mark.parametrize(
    "text, source",
    [
        # the first of coordinated speakers
        ("London and Berlin say more than 60 people died in the raid.", "OTHER_STATE"),
        ("Nineteen civilians were killed on Sunday a monitor and rebels said.", "MONITOR_NGO"),
        # another subject right before the verb of saying: not the actor named earlier
        ("Twelve fighters died in raids by Russian jets near the town the military said.", None),
        # an actor after the verb that is the subject of the reported clause is not the speaker
        ("Earlier the official said rebels fired shells on the district killing two people.", None),
        # a number between the verb and a later actor
        ("The ministry also said three ISIS commanders had been confirmed dead.", None),
    ],
)
def test_speaker_edge_cases(text, source):
    out = claims(text, dictionary=None)
    assert out, text
    assert out[0]["source_actor"] == source


@pytest.mark.parametrize(
    "text, perpetrator",
    [
        # "X were behind the attack in which ... were killed"
        ("Officials say Islamic State militants were behind the bombing in which 23 people were killed.", "ISIS"),
        # the victims' own group inside a toll is not the perpetrator
        ("The crash brought the toll for Russian servicemen killed in the country to 21.", None),
        # adjectives of place and backers are not who acted
        ("Turkish jets hit targets on the Syrian side of the frontier killing 12 militants.", "TURKEY"),
        ("Nine children were among the victims of the blast at a checkpoint run by US-backed fighters.", None),
    ],
)
def test_perpetrator_behind_victims_places(text, perpetrator):
    out = claims(text, dictionary=None)
    assert out, text
    assert out[0]["perpetrator_actor"] == perpetrator


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The raid left up to 30 villagers dying in the rubble.", {(K, 30, 30, "up_to", None)}),
        ("The bombing resulted in 44 civilians dying including nine children.",
         {(K, 44, 44, "exact", None), (K, 9, 9, "exact", None)}),
        ("Among the martyrs were a boy and three women.", {(K, 3, 3, "exact", None)}),
        # families are units, not a count of people
        ("The toll rose to 70 people including four whole families.", {(K, 70, 70, "exact", None)}),
    ],
)
def test_claims_dying_martyrs_families(text, expected):
    assert keys(text) == expected


@pytest.mark.parametrize(
    "text, scope",
    [
        ("The group documented 310 civilians killed by air strikes in the city during March.", "cumulative"),
        ("During the raid on Friday 12 people were killed.", "event"),
    ],
)
def test_scope_during_a_month(text, scope):
    assert [c["scope"] for c in claims(text)] == [scope]


@pytest.mark.parametrize(
    "text, source, perpetrator",
    [
        # "blamed on X": X caused the passive claim
        ("On Monday in a gas attack blamed on the Syrian regime some 70 people were killed.", None, "SYR_GOV"),
        # "whilst" ends the clause
        ("Activists said 40 civilians were killed in raids whilst a coalition source denied it.", "MONITOR_NGO", None),
        # "X accused Y of killing N": X is the source
        ("The opposition accused regime forces of killing 300 people in the town.", "SYR_OPP", "SYR_GOV"),
        # a place named after a person or group is not an actor
        ("A car bomb killed six people in the hometown of the Assad family.", None, None),
    ],
)
def test_blamed_whilst_accused_hometown(text, source, perpetrator):
    out = claims(text, dictionary=None)
    assert out, text
    assert (out[0]["source_actor"], out[0]["perpetrator_actor"]) == (source, perpetrator)


def test_stoned_to_death_and_day_totals():
    assert keys("Three men were stoned to death in the square.") == {(K, 3, 3, "exact", None)}
    # "in total" sums the tolls of one day: still an event
    assert [c["scope"] for c in claims("In total over 30 civilians were killed in raids on Monday.")] == ["event"]


@pytest.mark.parametrize(
    "text, perpetrator",
    [
        ("Gunmen fired on families walking to army positions in the east killing 4 of them.", "SYR_OPP"),
        ("A bomb killed seven members of the Kurdish police force known as the Asayish.", None),
    ],
)
def test_perpetrator_positions_and_known_as(text, perpetrator):
    out = claims(text, dictionary=None)
    assert out, text
    assert out[0]["perpetrator_actor"] == perpetrator


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Some 14 guards who protected the convoy were also killed.", {(K, 14, 14, "about", None)}),
        ("At least nine civilians who had returned home were killed by mines.", {(K, 9, 9, "at_least", None)}),
        ("Monitors said 31 people, most of them fighters, died.", {(K, 31, 31, "exact", None)}),
        ("Some 40 people who were evacuated were taken to the north.", set()),
        ("The 30 gunmen who killed two soldiers were arrested.", {(K, 2, 2, "exact", None)}),
    ],
)
def test_relative_clauses_and_comma_asides(text, expected):
    assert keys(text) == expected


def test_victims_phrase_with_known_as_at_sentence_end():
    out = claims("A blast killed four members of the force known as", dictionary=None)
    assert [c["min"] for c in out] == [4]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Up to 60 fighters including seven foreigners were eliminated near the dam.",
         {(K, 60, 60, "up_to", None), (K, 7, 7, "exact", None)}),
        ("Eight other residents including 2 girls (4-6 years) were injured.",
         {(I, 8, 8, "exact", None), (I, 2, 2, "exact", None)}),
        ("Some 50 soldiers including 4 officers were captured.", set()),
    ],
)
def test_subgroup_inside_the_subject(text, expected):
    assert keys(text) == expected


# ----------------------------------------------------------------------- the fast test before the grammar

from analysis.extract import claim_words as cw  # noqa: E402

#: Cue words whose claims need another casualty word ("among the dead", "received wounds").
_CUES_NEEDING_ANOTHER = {"among", "amongst", "received", "sustained", "suffered", "gunned", "mowed", "cut"}


@pytest.mark.parametrize(
    "word",
    sorted((set(cw.RIGHT_CUES) | set(cw.HEAD_CUES) | cw.HEAD_NOUNS | set(cw.CASUALTY_MODIFIERS)
            | set(cw.KILLED_MODIFIERS) | cw.TO_DEATH | cw.PHRASE_CUES | cw.PERSON_KILL | cw.TRANSITIVE)
           - _CUES_NEEDING_ANOTHER),
)
def test_every_cue_word_passes_the_fast_test(word):
    """A sentence without a casualty stem is skipped, so every cue word must carry one."""
    assert cw.may_state_casualties(word), f"add a stem for {word!r} to CASUALTY_STEMS"


@pytest.mark.parametrize(
    "phrase",
    ["gunned down", "mowed down", "cut down", "among the dead", "received wounds", "sustained fractures",
     "claimed the lives of", "the death toll rose to", "the number of killed", "the assassins of",
     "fell victim", "lost their lives", "shootings of", "burned alive", "beaten to death", "neutralised"],
)
def test_every_cue_phrase_passes_the_fast_test(phrase):
    assert cw.may_state_casualties(phrase)
