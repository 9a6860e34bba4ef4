"""Same-event matching: the reports of different outlets that tell of one incident.

A journalist comparing outlets' tolls must compare like with like. :func:`event_groups` builds
events in four steps, each stated in the notebook:

1. **One incident toll per report** (:func:`incident_tolls`): the report's toll of one
   ``category`` (killed, injured) for the incident it leads with: the largest such toll in its
   title, else in its first body sentence that states one. Only event-scoped numeric tolls
   count; cumulative, prison and detention, war-wide and background tolls never do
   (:func:`non_event_reason` says why a sentence is left out), nor tolls above
   :data:`EVENT_MAX`.
2. **Where and when**: the corpus's ``location`` when it has one, else the region of the first
   town the toll sentence, title or lead names (:mod:`analysis.places`); the report's date by
   the report's date rule (:func:`analysis.io.datelines.time_dates`; by default a report that
   contradicts its own dateline counts at its dateline).
3. **What happened**: two reports of one region whose dates (corpus date or dateline) lie within
   ``window_days`` match when their titles, toll sentences and opening lines say the same
   thing: TF-IDF cosine similarity of Porter stems (scikit-learn) of at least
   ``min_similarity``, or 0.6 of it with a weapon in common (a quarter of it for a chemical
   attack, a weapon rare enough to identify an attack by region and week). They can never
   match when they name different weapons (a car bomb is not an air strike), different targets
   (a market, a hospital), different towns of the region, different sides as perpetrators
   (groups of one ``side`` of the run's conflict pack count as one), different days ("on Monday", "on April 4",
   counted back from the publication date) or civilians against combatants as victims.
4. **Grouping** (average linkage): the two groups whose report pairs match most, at least half
   of them, merge, as long as every pair is date-compatible and none rules the other out. An
   event's id is made from its content, ``<region>-<first date>-<category>-<first report>``,
   so it is the same in every run and in every variant that groups the same reports: group
   the whole corpus, then select.

:func:`event_groups` is meant to run on the whole corpus (it remembers its last results, so a
batch of reports on one corpus groups it once); :func:`select_events` keeps a selection's
reports, so an event keeps its id in every variant. :func:`event_table` gives one row per event
covered by at least two outlets, sorted by the number of outlets, with the outlets' tolls side
by side; :func:`event_points` one row per report toll, each linked to its sentence (doc_id,
part, sent_id, start, end), for the dot chart.

Example:
    >>> non_event_reason("More than 20000 detainees died at the prison since 2011.")
    'prison or detention'
    >>> non_event_reason("An air strike killed 12 people in the market on Monday.") is None
    True
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable

import pandas as pd

from ..io.datelines import time_dates
from ..io.documents import original_documents
from ..resources.packs import Pack, pack_of
from ..resources.wordlists import victim_classes
from .places import gazetteer

#: A single incident's toll above this is not an incident toll (a war or campaign toll).
EVENT_MAX = 5000
#: Columns of :func:`event_groups` (one row per event and report).
GROUP_COLUMNS = ["event_id", "doc_id", "source", "date", "region", "place", "first_date", "last_date", "category",
                 "toll", "qualifier", "part", "sent_id", "start", "end", "sentence", "title"]
#: Columns of :func:`event_table` before the per-outlet toll columns.
EVENT_COLUMNS = ["event_id", "region", "place", "first_date", "last_date", "category", "outlets", "reports",
                 "min_toll", "max_toll", "ratio", "tolls"]
#: Columns of :func:`event_points`.
POINT_COLUMNS = ["event_id", "rank", "source", "toll", "doc_id", "part", "sent_id", "start", "end", "date",
                 "sentence"]
#: Results of :func:`event_groups` kept per extraction and options (a few corpora at most).
_MEMO: dict[tuple, pd.DataFrame] = {}
_MEMO_SIZE = 4

_NON_EVENT = [
    ("prison or detention", re.compile(r"\b(?:prisons?|jails?|detention|detainees?|in custody|under torture|"
                                       r"tortured to death|death row)\b", re.I)),
    ("war or campaign toll", re.compile(r"\b(?:since the (?:start|beginning|outbreak|conflict|war|uprising)|"
                                        r"(?:war|conflict|crisis|uprising|revolution)\b[^.;]{0,60}\b(?:has|have|had)\s+"
                                        r"(?:killed|claimed|left|cost)|civil war (?:has|have)|so far this year|"
                                        r"since (?:19|20)\d\d|(?:two|three|four|five|six|seven|\d+)-year(?!-old))", re.I)),
    ("siege or hunger", re.compile(r"\b(?:starv\w*|malnutrition|hunger|under siege since)\b", re.I)),
    ("background", re.compile(r"\b(?:earlier this (?:week|month|year)|last (?:week|month|year)|"
                              r"(?:days|weeks|months|years) ago|a (?:week|month|year) ago|anniversary|"
                              r"in (?:19|20)\d\d|had (?:been )?(?:killed|died)|in a similar attack)\b", re.I)),
    ("several days", re.compile(r"\b(?:in recent days|(?:over|in|during) the (?:past|last) (?:few |several |\w+ )?"
                                r"(?:days|weeks)|since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
                                r"(?:this|last) week|(?:two|three|four|five|six|seven|\d+)-day|continued|"
                                r"(?:in|over|within|during) (?:the )?(?:two|three|four|five|six|seven|eight|nine|ten|\d+) "
                                r"(?:days|weeks|months)|(?:in|during|throughout) (?:the month of )?"
                                r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
                                r"(?!\s+\d{1,2}\b))\b", re.I)),
]
#: Weapon classes: two reports naming only different ones tell of different incidents.
WEAPONS = {
    "air": r"air ?strikes?|air ?raids?|warplanes?|jets?|aircraft|helicopters?|barrel bombs?|bombing raids?|drones?",
    "artillery": r"shell(?:s|ing|ed)?|mortars?|rockets?|artillery|missiles?|grad|katyusha",
    "bomb": r"car bombs?|bomb(?:s|ing)?|explosions?|blasts?|suicide|explosive|ied|booby|mine",
    "chemical": r"chemical|gas|sarin|chlorine|toxic|nerve agent",
    "ground": r"clash(?:es)?|fighting|battles?|attack(?:ed)? by (?:fighters|militants|gunmen)|ambush|assault",
    "execution": r"execut\w*|behead\w*|massacred|shot dead|gunmen|sniper",
}
#: Target classes: a market is not a hospital.
TARGETS = {
    "hospital": r"hospitals?|clinics?|medical cent(?:er|re)s?",
    "market": r"markets?|bazaars?",
    "school": r"schools?|kindergartens?",
    "mosque": r"mosques?|church(?:es)?|shrines?",
    "convoy": r"convoys?|buses|bus|evacuees",
    "checkpoint": r"checkpoints?|police station|security (?:headquarters|building|branch)",
    "camp": r"camps?|displaced",
}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTH_NAME = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_MONTH_DAY = re.compile(rf"\b(?:[Oo]n|[Oo]f)\s+(?:(?P<m1>{_MONTH_NAME})\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_NAME}))\b")
#: "a monitor said on Tuesday": the day of the saying, not of the incident.
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|say|reported|reports|told|announced|added|stated|confirmed)\s+(?:\w+\s+)?(?:on\s+)?$", re.I)
_DAY_RE = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight)\b", re.I)
#: Weapons so rarely used that two reports of one region and week naming them tell of one attack.
RARE_WEAPONS = frozenset({"chemical"})
_WEAPON_RE = {k: re.compile(rf"\b(?:{v})\b", re.I) for k, v in WEAPONS.items()}
_TARGET_RE = {k: re.compile(rf"\b(?:{v})\b", re.I) for k, v in TARGETS.items()}


def non_event_reason(sentence: str) -> str | None:
    """Why a toll sentence is not an incident's toll (prison, war, siege, background), or None."""
    for reason, pattern in _NON_EVENT:
        if pattern.search(sentence or ""):
            return reason
    return None


def stated_day(sentence: str, published: pd.Timestamp | None) -> pd.Timestamp | None:
    """The day a toll sentence says the incident happened ("on Monday", "yesterday", "on April 4"),
    counted back from the report's publication date; None when it names no day.

    Example:
        >>> stated_day("Air raids killed 13 civilians on Monday.", pd.Timestamp("2016-07-13"))
        Timestamp('2016-07-11 00:00:00')
        >>> stated_day("On April 4 a chemical attack killed 80.", pd.Timestamp("2017-04-11"))
        Timestamp('2017-04-04 00:00:00')
    """
    if published is None or pd.isna(published):
        return None
    published = pd.Timestamp(published).normalize()
    m = _MONTH_DAY.search(sentence or "")
    if m is not None:
        month = _MONTHS.index((m.group("m1") or m.group("m2"))[:3].lower()) + 1
        day = int(m.group("d1") or m.group("d2"))
        for year in (published.year, published.year - 1):
            try:
                d = pd.Timestamp(year=year, month=month, day=day)
            except ValueError:
                return None
            if d <= published + pd.Timedelta(days=1):
                return d
        return None
    m = next((m for m in _DAY_RE.finditer(sentence or "")
              if not _SPEECH_BEFORE.search((sentence or "")[max(0, m.start() - 30):m.start()])), None)
    if m is None:
        return None
    word = m.group(1).lower()
    if word in ("today", "tonight"):
        return published
    if word == "yesterday":
        return published - pd.Timedelta(days=1)
    back = (published.day_of_week - _WEEKDAYS.index(word)) % 7
    return published - pd.Timedelta(days=back)


def _bloc(actor: Any, pack: Pack) -> str | None:
    """The side a perpetrator acts with (``side:`` in the pack): two reports blaming one side
    each do not contradict ("Syrian and Russian jets")."""
    if not isinstance(actor, str) or not actor:
        return None
    return pack.side(actor)


def _classes(text: str, table: dict[str, re.Pattern]) -> frozenset[str]:
    return frozenset(k for k, p in table.items() if p.search(text or ""))


def incident_tolls(claims: pd.DataFrame, documents: pd.DataFrame, *, category: str = "killed",
                   date_rule: str = "dateline") -> pd.DataFrame:
    """Each report's incident toll of ``category`` (see the module docstring), with its sentence.

    Returns:
        Columns doc_id, source, date, title, location (if any), category, toll, qualifier,
        part, sent_id, start, end, sentence; one row per report that states one.
    """
    docs = original_documents(documents)
    if "date" in docs:
        corpus = docs["corpus_date"] if "corpus_date" in docs else docs["date"]
        docs = docs.assign(date=time_dates(docs.assign(date=corpus), rule=date_rule))
    cols = ["doc_id", "category", "max", "qualifier", "part", "sent_id", "start", "end", "sentence", "scope",
            "perpetrator_actor", "victims"]
    c = claims[[x for x in cols if x in claims]] if not claims.empty else claims
    if c.empty:
        return pd.DataFrame(columns=["doc_id", "source", "date", "title", "category", "toll", "qualifier", "part",
                                     "sent_id", "start", "end", "sentence"])
    c = c[(c["category"] == category) & (c["scope"] == "event") & c["max"].notna()]
    c = c.assign(toll=pd.to_numeric(c["max"], errors="coerce"))
    c = c[(c["toll"] > 0) & (c["toll"] <= EVENT_MAX)]
    c = c[c["sentence"].map(non_event_reason).isna()]
    c = c[c["doc_id"].isin(docs["doc_id"])]
    c = c.assign(_title=(c["part"] == "title").astype(int))
    first_body = c[c["part"] != "title"].groupby("doc_id")["sent_id"].min()
    c = c[(c["part"] == "title") | (c["sent_id"] == c["doc_id"].map(first_body))]
    c = c.sort_values(["doc_id", "_title", "toll", "sent_id"], ascending=[True, False, False, True], kind="stable")
    c = c.groupby("doc_id", sort=False).head(1)
    meta = [x for x in ("doc_id", "source", "date", "dateline_date", "title", "location", "text") if x in docs]
    out = c.drop(columns=["max", "scope", "_title"]).merge(docs[meta], on="doc_id", how="left")
    out["toll"] = out["toll"].astype("int64")
    return out.sort_values(["date", "doc_id"], kind="stable").reset_index(drop=True)


def _places(t: pd.DataFrame, documents: pd.DataFrame) -> tuple[list[str | None], list[str | None]]:
    """(region, town) of each incident toll: the corpus location or the gazetteer's region."""
    extra = tuple(sorted(documents["location"].dropna().astype(str).str.strip().unique())) \
        if "location" in documents else ()
    gaz = gazetteer(extra=extra)
    regions, towns = [], []
    for row in t.itertuples(index=False):
        lead = str(getattr(row, "text", "") or "")[:600]
        found = None
        for part in (row.sentence, getattr(row, "title", None), lead):
            hits = gaz.find(part if isinstance(part, str) else "")
            if hits:
                found = hits[0]
                break
        loc = getattr(row, "location", None)
        if isinstance(loc, str) and loc.strip():
            regions.append(loc.strip().lower())
        else:
            regions.append(found.region.lower() if found else None)
        towns.append(found.name if found else None)
    return regions, towns


@lru_cache(maxsize=1)
def _porter():
    from nltk.stem import PorterStemmer

    return PorterStemmer().stem


_STOP = frozenset("""a an the and or of in on at to for from by with as is are was were be been has have had it its
    that this which who said says say according syria syrian""".split())


def _stem_words(text: str) -> list[str]:
    """Porter stems of a text's words, minus function words and the conflict's country name."""
    stem = _porter()
    return [stem(w) for w in re.findall(r"[a-z][a-z-]+", text.lower()) if w not in _STOP]


def _similarity(texts: list[str]):
    """Pairwise TF-IDF cosine similarity of the reports' texts (Porter stems, sublinear counts)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    if len(texts) < 2:
        return [[1.0] * len(texts)] * len(texts)
    vec = TfidfVectorizer(analyzer=_stem_words, sublinear_tf=True)
    return cosine_similarity(vec.fit_transform(texts))


def _match(i: int, j: int, sim, feats: list[dict], min_similarity: float) -> int:
    """1 when two reports tell of one incident, 0 when they do not seem to, -1 when they cannot:
    different weapons, targets, towns, sides blamed, stated days, or civilians against combatants."""
    a, b = feats[i], feats[j]
    for key in ("weapons", "targets"):
        if a[key] and b[key] and not (a[key] & b[key]):
            return -1
    if a["town"] and b["town"] and a["town"] != b["town"] and a["town_local"] and b["town_local"]:
        return -1
    for key in ("bloc", "day"):
        if a[key] is not None and b[key] is not None and a[key] != b[key]:
            return -1
    if {a["victims"], b["victims"]} == {"civilians", "combatants"}:
        return -1
    s, shared = sim[i][j], a["weapons"] & b["weapons"]
    if shared & RARE_WEAPONS:
        return int(s >= 0.25 * min_similarity)
    return int(s >= min_similarity or (s >= 0.6 * min_similarity and bool(shared)))


def _date_compatible(regions: list, dates: list[set], window_days: int) -> dict[int, set[int]]:
    """For each report, the reports of its region whose dates (corpus date or dateline) lie
    within ``window_days`` of one of its own."""
    order = sorted(range(len(regions)), key=lambda i: min(dates[i]))
    out: dict[int, set[int]] = {i: set() for i in range(len(regions))}
    for a_pos, i in enumerate(order):
        for j in order[a_pos + 1:]:
            if (min(dates[j]) - max(dates[i])).days > window_days:
                break
            if regions[i] == regions[j] and any(abs((d - e).days) <= window_days for d in dates[i] for e in dates[j]):
                out[i].add(j)
                out[j].add(i)
    return out


def _components(n: int, near: dict[int, set[int]]) -> list[list[int]]:
    seen, out = set(), []
    for i in range(n):
        if i in seen:
            continue
        stack, comp = [i], []
        seen.add(i)
        while stack:
            k = stack.pop()
            comp.append(k)
            for j in near[k] - seen:
                seen.add(j)
                stack.append(j)
        out.append(sorted(comp))
    return out


def _cluster(n: int, near: dict[int, set[int]], match) -> list[int]:
    """Average-linkage grouping inside each set of date-compatible reports: merge the two groups
    whose member pairs match most (at least half of the pairs), as long as every pair of members
    is date-compatible and none rules the other out. Reports come sorted by date and id, so the
    result does not depend on the order of the input rows."""
    member_of = list(range(n))
    for comp in _components(n, near):
        if len(comp) == 1:
            continue
        hits = {(i, j): match(i, j) for i in comp for j in near[i] if i < j}
        groups = {i: [i] for i in comp}
        while True:
            best = None
            keys = sorted(groups)
            for x, a in enumerate(keys):
                for b in keys[x + 1:]:
                    pairs = [hits.get((min(u, v), max(u, v))) for u in groups[a] for v in groups[b]]
                    if None in pairs or -1 in pairs:
                        continue  # some pair is not date-compatible, or rules the other out
                    score = sum(pairs) / len(pairs)
                    if score >= 0.5 and (best is None or score > best[0]):
                        best = (score, a, b)
            if best is None:
                break
            groups[best[1]] = sorted(groups[best[1]] + groups.pop(best[2]))
        for k, members in groups.items():
            for m in members:
                member_of[m] = k
    return member_of


def _features(t: pd.DataFrame, texts: list[str], pack: Pack) -> list[dict]:
    """What each report says happened: weapons, targets, town, the perpetrator's side, the day."""
    regions = set(t["region"])
    published = t["dateline_date"].fillna(t["date"]) if "dateline_date" in t else t["date"]
    perps = t["perpetrator_actor"] if "perpetrator_actor" in t else [None] * len(t)
    leads = t["text"].fillna("").str.strip().str.slice(0, 400) if "text" in t else [""] * len(t)
    victims = t["victims"] if "victims" in t else [None] * len(t)
    out = []
    for x, town, sent, lead, pub, perp, vic in zip(texts, t["place"], t["sentence"], leads, published, perps, victims):
        town = town if isinstance(town, str) else None
        out.append({"weapons": _classes(x, _WEAPON_RE), "targets": _classes(x, _TARGET_RE), "town": town,
                    "town_local": bool(town) and town.lower() not in regions, "bloc": _bloc(perp, pack),
                    "day": stated_day(sent, pub) or stated_day(lead, pub), "victims": _victim_side(vic)})
    return out


def _victim_side(victims: Any) -> str | None:
    """``civilians`` or ``combatants`` for a victim noun (``victims.yml`` classes), else None."""
    if not isinstance(victims, str) or not victims:
        return None
    classes = victim_classes()
    cls = classes.get(victims.lower(), classes.get(victims.lower().rstrip("s")))
    return "civilians" if cls in ("civilians", "children", "women") else cls if cls == "combatants" else None


def _event_dates(t: pd.DataFrame, dates: list[set]) -> pd.DataFrame:
    """Each member's date nearest the event's median date (a report carries its corpus date and
    its dateline), the event's first and last dates, and its anchor (earliest report)."""
    eff = []
    median = t.groupby("_event")["date"].transform("median")
    for ds, m in zip(dates, median):
        eff.append(min(ds, key=lambda d: (abs((d - m).days), d)))
    t = t.assign(_eff=eff)
    g = t.groupby("_event")
    t = t.assign(first_date=g["_eff"].transform("min"), last_date=g["_eff"].transform("max"))
    first = t.sort_values(["_eff", "doc_id"]).groupby("_event")["doc_id"].first()
    return t.assign(_anchor=t["_event"].map(first))


def _tables_pack(tables: Any) -> Pack:
    """The pack the tables were extracted with (their provenance), else the default pack."""
    return pack_of(getattr(tables, "provenance", None))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-") or "unknown"


def event_groups(tables: Any, *, category: str = "killed", window_days: int = 3,
                 min_similarity: float = 0.2, lead_chars: int = 300, date_rule: str = "dateline",
                 pack: Pack | None = None) -> pd.DataFrame:
    """Reports grouped into incidents: one row per (event_id, doc_id), columns :data:`GROUP_COLUMNS`.

    Args:
        tables: anything with ``claims`` and ``documents`` tables (``analysis.load_tables``).
        category: the toll category compared (``killed``, ``injured``, ``casualties``).
        window_days: reports of one incident lie within this many days of its first report.
        min_similarity: the TF-IDF cosine similarity (of title, toll sentence and lead) above
            which two reports tell of one incident (0.6 of it when they name the same weapon).
        lead_chars: characters of the report's opening added to its title and toll sentence.
        date_rule: where a report that contradicts its own dateline counts in time
            (:func:`analysis.io.datelines.time_dates`).
        pack: the conflict pack whose sides are compared (default: the pack of the tables'
            provenance, else the Syria pack).

    Every report with an incident toll is in exactly one event (most events have one report).
    Tables with a provenance ``cache_key`` (as loaded) are grouped once per options: the result
    is remembered and a copy returned.
    """
    prov = getattr(tables, "provenance", None) or {}
    pack = pack or _tables_pack(tables)
    key = (prov.get("cache_key"), category, window_days, min_similarity, lead_chars, date_rule, str(pack.folder))
    if key[0] and key in _MEMO:
        return _MEMO[key].copy()
    out = _event_groups(tables, category=category, window_days=window_days, min_similarity=min_similarity,
                        lead_chars=lead_chars, date_rule=date_rule, pack=pack)
    if key[0]:
        while len(_MEMO) >= _MEMO_SIZE:
            _MEMO.pop(next(iter(_MEMO)))
        _MEMO[key] = out.copy()
    return out


def _event_groups(tables: Any, *, category: str, window_days: int, min_similarity: float, lead_chars: int,
                  date_rule: str, pack: Pack) -> pd.DataFrame:
    documents = tables.documents if hasattr(tables, "documents") else tables["documents"]
    claims = tables.claims if hasattr(tables, "claims") else tables["claims"]
    t = incident_tolls(claims, documents, category=category, date_rule=date_rule)
    t = t[t["date"].notna()].reset_index(drop=True) if len(t) else t
    if t.empty:
        return pd.DataFrame(columns=GROUP_COLUMNS)
    regions, towns = _places(t, documents)
    t = t.assign(region=regions, place=towns)
    t = t[t["region"].notna()].sort_values(["date", "doc_id"], kind="stable").reset_index(drop=True)
    texts = [f"{ti if isinstance(ti, str) else ''} {s}" for ti, s in zip(t["title"], t["sentence"])]
    leads = t["text"].fillna("").str.split().str.join(" ").str.slice(0, lead_chars) if "text" in t else [""] * len(t)
    sim = _similarity([f"{x} {lead}" for x, lead in zip(texts, leads)])
    feats = _features(t, texts, pack)
    dateline = t["dateline_date"] if "dateline_date" in t else t["date"]
    dates = [{d for d in (a, b) if d is not None and not pd.isna(d)} for a, b in zip(t["date"], dateline)]
    near = _date_compatible(list(t["region"]), dates, window_days)
    t = t.assign(_event=_cluster(len(t), near, lambda i, j: _match(i, j, sim, feats, min_similarity)))
    t = _event_dates(t, dates)
    t = t.assign(category=category, event_id=[f"{_slug(r)}-{d:%Y%m%d}-{category}-{a}"
                                              for r, d, a in zip(t["region"], t["first_date"], t["_anchor"])])
    return t[GROUP_COLUMNS].sort_values(["first_date", "event_id", "date", "doc_id"], kind="stable").reset_index(drop=True)


def select_events(groups: pd.DataFrame, documents: pd.DataFrame, *, by: str = "source",
                  anchor: Iterable[str] | None = None) -> pd.DataFrame:
    """The rows of ``groups`` (from the whole corpus) whose report is in ``documents`` (a
    selection), with the selection's ``by`` values (display names).

    Event ids do not change: an event of the selection is the event of the whole corpus, with
    only the selection's reports. ``anchor`` (doc ids) keeps only the events one of those reports
    tells of: a one-outlet report shows the incidents its outlet reports, with every other outlet's
    tolls for them.

    Example:
        >>> g = pd.DataFrame({"event_id": ["e1", "e1", "e2"], "doc_id": ["a", "b", "c"], "source": ["x", "y", "y"]})
        >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "source": ["X", "Y", "Y"]})
        >>> select_events(g, docs, anchor=["a"])[["event_id", "source"]].values.tolist()
        [['e1', 'X'], ['e1', 'Y']]
    """
    if groups.empty:
        return groups
    if anchor is not None:
        groups = groups[groups["event_id"].isin(groups.loc[groups["doc_id"].isin(set(anchor)), "event_id"])]
    keep = documents[["doc_id", by]].drop_duplicates("doc_id")
    out = groups.drop(columns=[by], errors="ignore").merge(keep, on="doc_id", how="inner")
    return out[[c for c in groups.columns if c in out] + ([by] if by not in groups.columns else [])] \
        .reset_index(drop=True)


def event_table(groups: pd.DataFrame, *, by: str = "source", min_outlets: int = 2, wide: bool = True) -> pd.DataFrame:
    """One row per event covered by at least ``min_outlets`` outlets, most outlets first.

    Columns :data:`EVENT_COLUMNS` (``tolls`` reads "outlet: toll, toll | outlet: toll") then, with
    ``wide``, one column per outlet with that outlet's largest toll for the event (empty when it
    did not cover it).
    """
    if groups.empty:
        return pd.DataFrame(columns=EVENT_COLUMNS)
    n_out = groups.groupby("event_id")[by].nunique()
    g = groups[groups["event_id"].isin(n_out[n_out >= min_outlets].index)]
    if g.empty:
        return pd.DataFrame(columns=EVENT_COLUMNS)
    agg = g.groupby("event_id", sort=False)
    ev = pd.DataFrame({
        "region": agg["region"].first(), "place": agg["place"].agg(lambda s: s.dropna().mode().iloc[0] if s.notna().any() else None),
        "first_date": agg["first_date"].first(), "last_date": agg["last_date"].first(), "category": agg["category"].first(),
        "outlets": agg[by].nunique(), "reports": agg.size(), "min_toll": agg["toll"].min(), "max_toll": agg["toll"].max(),
        "tolls": agg.apply(lambda x: " | ".join(f"{o}: {', '.join(map(str, sorted(v)))}"
                                                for o, v in x.groupby(by, sort=True)["toll"]), include_groups=False),
    }).reset_index()
    ev["ratio"] = (ev["max_toll"] / ev["min_toll"].clip(lower=1)).round(2)
    ev = ev[EVENT_COLUMNS]
    if wide:
        per = g.pivot_table(index="event_id", columns=by, values="toll", aggfunc="max")
        ev = ev.merge(per, left_on="event_id", right_index=True, how="left")
    return ev.sort_values(["outlets", "reports", "first_date", "event_id"], ascending=[False, False, True, True],
                          kind="stable").reset_index(drop=True)


def event_points(groups: pd.DataFrame, events: pd.DataFrame, *, by: str = "source") -> pd.DataFrame:
    """One row per report toll of the events in ``events`` (their order is ``rank``), each with the
    sentence it comes from: the points of the same-event chart."""
    if groups.empty or events.empty:
        return pd.DataFrame(columns=POINT_COLUMNS)
    rank = {e: i + 1 for i, e in enumerate(events["event_id"])}
    p = groups[groups["event_id"].isin(rank)].assign(rank=lambda d: d["event_id"].map(rank))
    p = p.rename(columns={by: "source"}) if by != "source" else p
    return p.sort_values(["rank", "source", "toll"], kind="stable")[POINT_COLUMNS].reset_index(drop=True)
