"""Attribution: who says what in a report (direct quotes, reported speech, "according to").

Three forms are found in the sentences of one document:

- ``direct``: text inside quotation marks (straight or curly, possibly running over several
  sentences) with a speaker before (``X said: "..."``) or after (``"...," X said``,
  ``"..." said X``, ``"..." X told AFP``);
- ``indirect``: reported speech, ``X said (that) ...`` and the stripped FA-KES style where the
  speaker closes the sentence without a comma (``... at least 22 people the Syrian Observatory
  for Human Rights said``);
- ``according_to``: ``..., according to X`` or ``According to X, ...``.

``start``/``end`` give the span of the content in the part's text; ``speaker`` is the surface
of the speaker phrase ("Linda Tom, spokeswoman for OCHA"), resolved to a canonical actor and
group with the actor dictionary: a name followed by an appositive ("Sajjad Malik, the United
Nations refugee agency representative") takes the appositive's actor; "the statement", "the
source", "he" and "she" take the actor of the previous attribution in the document.

Example:
    >>> from analysis.extract.text import document_sentences
    >>> rows = extract_attributions(document_sentences("d", None, "Twelve died, the Observatory said."))
    >>> [(r["speaker"], r["speaker_actor"], r["kind"], r["content"]) for r in rows]
    [('the Observatory', 'Syrian Observatory for Human Rights', 'indirect', 'Twelve died')]
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from ..resources.vocabulary import MONTHS, SAY_VERBS, WEEKDAYS, alternation
from .actor_dictionary import ActorDictionary, ActorMatch, as_date
from .actor_lexicon import default_dictionary
from .text import quote_spans

_CUE = alternation(SAY_VERBS)
_AUX = r"(?:(?:has|have|had|also|later|earlier|previously|further|again|repeatedly|separately|then|on \w+day|\w+ly)\s+){0,3}"

#: Words a speaker phrase may contain besides names (titles, roles, function words).
_SPEAKER_WORDS = frozenset(
    """the a an of for in at to on and from with its his her their 's ’s , ( ) - said
    spokesman spokeswoman spokesperson source sources official officials minister ministry
    head chief director representative envoy ambassador commander general colonel col gen
    lt maj brig officer member members leader leaders president secretary deputy foreign
    defence defense interior health press office agency agencies statement report reporter
    correspondent military security medical local field media state news television tv
    hospital rights human group groups monitor monitoring war based britain-based uk-based
    london-based british-based senior top governor police command centre center coordinator
    affairs humanitarian united nations refugee relief aid chairman activist activists
    resident residents witness witnesses doctor doctors medic medics nurse rescuer rescuers
    worker workers volunteer told reporters ally allies most powerful key main close closest
    town city village area neighbourhood neighborhood district camp province region eastern
    western northern southern central besieged nearby civil informed private opposition
    government army rebel former international one another two three several some""".split()
)
_REF_RE = re.compile(r"^(?:he|she|they|it|the (?:[a-z]+ )?(?:statement|source|sources|official|officials|spokesman|spokeswoman|ministry|report|agency|monitor|group|bulletin|observatory))$", re.I)
_DATE_WORD = re.compile(rf"^(?:{alternation(w[:3] for w in MONTHS + WEEKDAYS)})[a-z]*$|^\d", re.I)
_ACCORDING = re.compile(r"\baccording to\s+", re.I)
_QUOTE_AFTER = re.compile(rf"^\s*[,.]?\s*(?P<speaker>[^\"“”.;:]{{2,120}}?)\s+{_AUX}(?P<cue>{_CUE})\b", re.I)
_QUOTE_AFTER_INV = re.compile(r"^\s*[,.]?\s*(?P<cue>said|says|added|told|stated)\s+(?P<speaker>[^\"“”.;:]{2,160}?)(?=\s*[.;:]|\s*$|,\s+(?:adding|who|which|as|while|and|but|in|on)\b|\s+(?:on|in|at|during|after|before|while|when)\b)", re.I)
_QUOTE_BEFORE = re.compile(rf"(?P<speaker>[^\"“”.;:]{{2,120}}?)\s+{_AUX}(?P<cue>{_CUE})(?:\s+(?:[\w'’-]+\s+){{0,4}}?)?\s*[:,]?\s*$", re.I)
_SENT_START_SPEAKER = re.compile(rf"^(?P<speaker>[^\"“”;:]{{2,150}}?)\s+{_AUX}(?P<cue>{_CUE})\b\s*(?P<content>.+)$", re.I)
#: What may stand between the cue and the reported content: the addressee of "told", when and
#: where it was said, "that".
_CONTENT_LEAD = re.compile(
    r"^(?:(?:(?<=\s)|^)(?:reporters|journalists|the press|AFP|Reuters|SANA|Sputnik|TASS|RIA Novosti|Anadolu(?: Agency)?|"
    r"(?:the |a )?(?:state |Syrian |local )?(?:TV|television|news agency|radio|channel|newspaper|daily)|"
    r"on \w+day|late \w+day|earlier|later|in a (?:statement|tweet|report|briefing|press conference|news conference|"
    r"phone interview|telephone interview|interview|post)(?: (?:on|posted on|published on) \w+)?|on its website|"
    r"on Twitter|on Facebook|by (?:tele)?phone|that)[\s,]+)+",
    re.I,
)
_TOLD_OBJECT = re.compile(r"(?:the |a |an )?(?:[A-Z][\w.'’-]*\s+){1,4}(?=\S)")
_TRAIL_END = re.compile(rf"[\s,]{_AUX}(?P<cue>{_CUE})(?P<tail>(?:\s+(?:on|in|at|late|early|from|by|to|citing|after|during)\b[^,.]*)?)\s*[.!]?\s*$", re.I)
_LAST_WORDS = re.compile(r"(?:[^\s,]+\s+){0,11}[^\s,]+\s*$")


def _clean(text: str) -> str:
    return text.strip(" ,.;:\"“”'‘’\t\n—–-")


def _resolve(speaker: str, d: ActorDictionary, date: Any, last: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
    """Canonical actor and group of a speaker phrase."""
    s = _clean(speaker)
    if _REF_RE.match(s):
        matches = d.find(s, date=date)
        if matches:
            return matches[0].actor, matches[0].actor_id
        return last
    if _NOT_HEAD.match(s):
        return None, None  # "opponents of Assad" are not Assad
    matches: list[ActorMatch] = [m for m in d.find(s, date=date) if not _TO_BODY.search(s, 0, m.start)]
    if not matches:
        # the speaker is the subject of a verb of saying: a capital or state used for its
        # government ("Moscow", "the defence ministry in Moscow", "Turkey")
        inst = _INSTITUTION_IN.match(s)
        probe = inst.group(1) if inst else s
        if any(d.may_start_metonym(x.strip(",.'’")) for x in probe.split()):  # cheap test first
            matches = [m for m in d.find(probe + " said", date=date) if m.end <= len(probe) and not _TO_BODY.search(probe, 0, m.start)]
    if not matches:
        return None, None
    # "Name, the X representative": the appositive's actor; otherwise the first actor named,
    # or the last of a run of adjacent ones ("the opposition UK-based Syrian Observatory",
    # "US-backed SDF": the head noun comes last)
    k = 0
    while k + 1 < len(matches) and not s[matches[k].end : matches[k + 1].start].strip(" -"):
        k += 1
    return matches[k].actor, matches[k].actor_id


#: "the ambassador to the United Nations" is a state's diplomat, not the United Nations.
_TO_BODY = re.compile(r"\b(?:ambassador|envoy|representative|delegate|delegation|mission|permanent representative)\s+to\s+(?:the\s+)?$", re.I)
_NOT_HEAD = re.compile(r"^(?:the\s+|some\s+|many\s+|other\s+)?(?:opponents?|critics?|enemies|enemy|foes?|rivals?|supporters?|detractors?|victims?|families|relatives)\s+of\b", re.I)
_INSTITUTION_IN = re.compile(r"^(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:ministry|government|embassy|authorities|officials?|spokes(?:man|woman|person)|command|presidency)\s+in\s+(.+)$", re.I)
#: Phrases that are not speakers ("according to their type", a lone article or auxiliary).
_JUNK_SPEAKER = re.compile(r"^(?:(?:their|its|his|her|our|my|your|whether|what|how|why|which)\b.*|if|is|was|an?|the|initial|according to|reports?|media reports?|some|many|this|that)$", re.I)
#: A bare name ("Xelil", "Abdel Rahman"): capitalised words only.
_BARE_NAME = re.compile(r"^(?:[A-Z][\w'’.-]*)(?:\s+(?:al|el|bin|ibn|de|[A-Z][\w'’.-]*)){0,3}$")
_NAME_WORD = re.compile(r"\b[A-Z][a-z][\w'’-]+")

_PERSON_NOUNS = frozenset("man woman boy girl father mother son daughter brother sister leader fighter teacher nurse farmer driver".split())
_ROLE_NOUNS = frozenset(
    """source sources official officials spokesman spokeswoman spokesperson statement report reporter
    correspondent witnesses residents resident activists activist medics doctors doctor minister
    ministry commander director head chief representative envoy ambassador agency officer
    governor monitor group bulletin centre center he she they it""".split()
)


def _speakerlike(phrase: str, d: ActorDictionary, date: Any, *, lenient: bool = False) -> bool:
    """Whether a phrase reads as a speaker: actor names, capitalised names and role words only
    ("Linda Tom, spokeswoman for OCHA", "a military source", "the Observatory")."""
    p = _clean(phrase)
    if not p or len(p.split()) > 16:
        return False
    if _REF_RE.match(p):
        return True
    matches = d.find(p, date=date)
    rest = p
    for m in reversed(matches):
        rest = rest[: m.start] + " " + rest[m.end :]
    words = [w.strip(",()—–-") for w in rest.split()]
    words = [w for w in words if w]
    unknown = [w for w in words if not (w[:1].isupper() or w.lower() in _SPEAKER_WORDS)]
    if unknown:
        # next to a quotation a verb of saying is strong evidence: allow a few other words in an
        # appositive ("Sheikh Hatem, a religious leader", "the devastated man")
        if not lenient or len(unknown) > 3 or len(words) > 12:
            return False
        if not (matches or any(w.lower() in _ROLE_NOUNS | _PERSON_NOUNS for w in words) or sum(w[:1].isupper() for w in words) >= 2):
            return False
    if words and _DATE_WORD.match(words[0]):
        return False
    if any(w[:1].isupper() and w.lower() in _CONNECTIVES for w in words):
        return False  # "Foaa Meanwhile civil sources": a clause boundary inside the phrase
    nouns = _ROLE_NOUNS | _PERSON_NOUNS if lenient else _ROLE_NOUNS
    return bool(matches) or any(w[:1].isupper() for w in words) or any(w.lower() in nouns for w in words)


def _trim_speaker(phrase: str, d: ActorDictionary, date: Any) -> str:
    """The part of ``phrase`` (the words before a closing "said") that is the speaker.

    FA-KES drops the comma before a closing "X said", so the clause before the speaker runs
    into it ("... in Aleppo on Saturday the Syrian Observatory for Human Rights said"). The
    speaker starts at the last article that opens a speaker phrase ("the Syrian Observatory"),
    unless that article sits inside it ("head of the Observatory"); otherwise at the longest
    run of names and role words before the cue.
    """
    words = phrase.split()
    for k in range(len(words) - 1, -1, -1):
        if words[k].lower() in ("the", "a", "an") and (k == 0 or words[k - 1].lower() not in _INNER):
            tail = " ".join(words[k:])
            if _speakerlike(tail, d, date):
                return tail
            break
    for k in range(max(0, len(words) - 12), len(words)):
        tail = " ".join(words[k:])
        first = words[k].lower().strip(",(")
        if words[k][:1].isupper() or first in _SPEAKER_WORDS - _INNER - {",", "-", "(", ")", "'s", "’s", "said", "told"}:
            if _speakerlike(tail, d, date):
                return tail
    return ""


_INNER = frozenset("of for in at to on and from with by".split())
_CONNECTIVES = frozenset(
    "meanwhile however moreover also earlier later separately furthermore additionally but and then while when after before since although in on at as thus yesterday today".split()
)
_PARTICIPLE = re.compile(r"(?:adding|updating|citing|referring|noting|stressing|saying|quoting|according)\b", re.I)
_RELATIVE = re.compile(r"\s+(?:which|who|that)\s+", re.I)
_TRAIL_INV = re.compile(r"[\s,](?P<cue>said|says|added|according to)\s+(?!(?:on|in|at|late|early|last|this|earlier|later|that|it|he|she|they)\b)(?P<speaker>[^\"“”.;:]{2,100}?)(?:\s+(?:on|late|early)\s+\w+day)?\s*[.!]?\s*$", re.I)


def _opening_speaker(prefix: str, d: ActorDictionary, date: Any) -> str:
    """The speaker in the words before a "said" that opens reported speech: the whole prefix
    ("The Observatory"), the noun before a relative clause ("The Observatory, which monitors
    the war,"), or the speaker phrase that ends the prefix ("On 15 Feb Turkish Prime Minister
    Ahmet Davutoglu", "Meanwhile civil sources")."""
    if _speakerlike(prefix, d, date):
        return prefix
    rel = _RELATIVE.search(prefix)
    if rel and _speakerlike(prefix[: rel.start()], d, date):
        return prefix[: rel.start()]
    words = prefix.split()
    if len(words) > 14:
        return ""
    for k in range(len(words) - 1, 0, -1):
        # "... entering Turkey the Britain-based Observatory": the speaker opens with its article
        if words[k].lower() in ("the", "a", "an") and words[k - 1].lower() not in _INNER:
            tail = " ".join(words[k:])
            if _speakerlike(tail, d, date):
                return tail
            break
    for k in range(1, len(words)):
        tail = " ".join(words[k:])
        if words[k][:1].isupper() or words[k].lower() in ("the", "a", "an") or words[k].lower() in _ROLE_NOUNS or (
            words[k].lower() in _SPEAKER_WORDS and words[k].lower() not in _INNER and k + 1 < len(words)
        ):
            if words[k].lower() in ("it", "they") or _DATE_WORD.match(words[k]):
                continue
            if _speakerlike(tail, d, date) and (d.find(tail, date=date) or any(w.lower() in _ROLE_NOUNS for w in words[k:])
                                                 or sum(w[:1].isupper() for w in words[k:]) >= 2):
                return tail
    return ""


def _speaker_prefix(text: str, d: ActorDictionary, date: Any) -> str:
    """The speaker phrase at the start of ``text`` (after "according to"): names, actor names
    and role words, up to the first other word ("Konashenkov Russian military intelligence in
    Syria revealed ..." -> "Konashenkov")."""
    covered = bytearray(len(text))
    for m in d.find(text, date=date):
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    end = 0
    n_words = 0
    for w in re.finditer(r"[^\s]+", text):
        word = w.group().strip(",()")
        ok = covered[w.start()] or word[:1].isupper() or word.lower() in _SPEAKER_WORDS
        if not ok or n_words >= 16:
            break
        n_words += 1
        end = w.end()
    phrase = text[:end]
    # do not end on a function word ("the Observatory in")
    while phrase and phrase.split()[-1].lower().strip(",") in _INNER | {"the", "a", "an", ","}:
        phrase = phrase[: phrase.rstrip().rfind(" ")] if " " in phrase.strip() else ""
    return phrase


def extract_attributions(sentences: Sequence[Any], *, dictionary: ActorDictionary | None = None, date: Any = None) -> list[dict[str, Any]]:
    """Direct quotes, reported speech and "according to" attributions in one document.

    Args:
        sentences: the :class:`~analysis.extract.text.Sentence` list of one document.
        dictionary: an :class:`~analysis.extract.actor_dictionary.ActorDictionary`; the bundled one by default.
        date: the report's date, for date-limited aliases.

    Returns:
        One dict per attribution with the keys of :data:`ATTRIBUTION_COLUMNS`, in text order.

    Example:
        >>> from analysis.extract.text import document_sentences
        >>> s = document_sentences("d", None, '"We will stay," the minister told AFP.')
        >>> [(r["speaker"], r["cue"], r["kind"], r["content"]) for r in extract_attributions(s)]
        [('the minister', 'told', 'direct', 'We will stay,')]
    """
    d = dictionary or default_dictionary()
    date = as_date(date)  # once, not per phrase
    rows: list[dict[str, Any]] = []
    last: tuple[str | None, str | None] = (None, None)
    names: dict[str, tuple[str | None, str | None]] = {}  # name word -> actor, from resolved speakers
    parts: dict[str, list[Any]] = {}
    for s in sentences:
        parts.setdefault(s.part, []).append(s)
    for part, sents in parts.items():
        length = max(s.end for s in sents)
        buf = [" "] * length
        for s in sents:
            buf[s.start : s.end] = s.text
        text = "".join(buf)
        quoted: list[tuple[int, int]] = []
        found: list[dict[str, Any]] = []
        # ---------------------------------------------------------------- direct quotes
        for qs, qe in quote_spans(text):
            content = text[qs:qe]
            if len(content.split()) < 3:
                continue  # a scare quote or a title: 'two "terrorists"'
            quoted.append((qs - 1, qe + 1))
            sent = next((s for s in sents if s.start <= qs < s.end + 1), sents[-1])
            after = text[qe + 1 : qe + 200]
            before_start = max(sent.start, 0)
            before = text[before_start : max(qs - 1, before_start)]
            speaker = cue = None
            m = _QUOTE_AFTER_INV.match(after)
            if m and m.group("cue").islower() and _speakerlike(m.group("speaker"), d, date, lenient=True):
                speaker, cue = m.group("speaker"), m.group("cue")
            if speaker is None:
                m = _QUOTE_AFTER.match(after)
                if m and m.group("cue").islower() and _speakerlike(m.group("speaker"), d, date, lenient=True):
                    speaker, cue = m.group("speaker"), m.group("cue")
            if speaker is None and before.strip():
                m = _QUOTE_BEFORE.search(before)
                if m and m.group("cue").islower():
                    sp = _trim_speaker(m.group("speaker"), d, date)
                    if sp:
                        speaker, cue = sp, m.group("cue")
            if speaker is None:
                continue
            found.append(_row(sent, part, qs, qe, speaker, cue, "direct", content, d, date))
        # ---------------------------------------------------------------- per sentence
        for s in sents:
            t = s.text
            inside = [(a - s.start, b - s.start) for a, b in quoted if a < s.end and b > s.start]
            # according to X
            for m in _ACCORDING.finditer(t):
                if any(a <= m.start() < b for a, b in inside):
                    continue
                head = t[: m.start()]
                if not _clean(head) or len(_clean(head).split()) <= 2:  # "According to X, content"
                    rest = t[m.end() :]
                    comma = rest.find(",")
                    if comma == -1:
                        continue
                    speaker = rest[:comma]
                    c0 = m.end() + comma + 1
                    content = t[c0:]
                    cs = c0 + len(content) - len(content.lstrip())
                    ce = len(t.rstrip(" ."))
                else:
                    rest = t[m.end() :]
                    stop = re.search(r"[.;]\s*$|;|,\s+(?:which|who|while|and|but|as)\b", rest)
                    speaker = rest[: stop.start()] if stop else rest
                    speaker = re.sub(r"^(?:(?:a|the) )?(?:\w+ )?(?:statement|report|figures|data|toll|tally|count|bulletin)s? (?:by|from|of|released by|issued by)\s+", "", speaker.strip(), flags=re.I)
                    speaker = _speaker_prefix(speaker, d, date) or speaker
                    cs, ce = 0, len(head.rstrip(" ,"))
                speaker = re.sub(r"^(?:a |the )?(?:statement|report|figures|data|toll|tally|count|bulletin)s? (?:by|from|of|released by|issued by)\s+", "", speaker.strip(), flags=re.I)
                if not _clean(speaker) or cs >= ce:
                    continue
                found.append(_row(s, part, s.start + cs, s.start + ce, speaker, "according to", "according_to", t[cs:ce], d, date))
            # indirect: "X said (that) ..." at the start of the sentence
            if inside and inside[0][0] <= 1:
                continue
            m = _SENT_START_SPEAKER.match(t)
            if m and not _cue_ok(m.group("cue"), t):
                m = None
            speaker = _opening_speaker(m.group("speaker"), d, date) if m and not _ACCORDING.search(m.group("speaker")) else ""
            if speaker and speaker != m.group("speaker") and _PARTICIPLE.match(m.group("content")):
                # "... 32 rebels were killed the Observatory said updating an earlier toll"
                content = m.group("speaker")[: len(m.group("speaker")) - len(speaker)].rstrip(" ,")
                if len(content.split()) >= 3:
                    found.append(_row(s, part, s.start, s.start + len(content), speaker, _cue_word(m.group("cue")), "indirect", content, d, date))
                    continue
            if speaker:
                cs = m.start("content")
                if m.group("cue").lower() in ("told", "tells"):
                    obj = _TOLD_OBJECT.match(t, cs)
                    if obj:
                        cs = obj.end()
                lead = _CONTENT_LEAD.match(t[cs:])
                if lead:
                    cs += lead.end()
                content = t[cs:]
                ce = cs + len(content.rstrip(" ."))
                if m.group("cue").lower() in ("claimed", "claims") and content.lower().startswith("responsibility"):
                    continue  # "claimed responsibility for the attack" reports a deed, not speech
                if m.group("cue").lower() in ("accused", "accuses") and t[m.end("cue") :].lstrip().lower().startswith("of "):
                    continue  # "Assad accused of releasing prisoners": a passive headline
                lead = t[m.end("cue") : cs + 3]
                if ce - cs > 10 and not any(a <= cs + 3 < b for a, b in inside) and not re.search(r"[:\"“]", lead):
                    found.append(_row(s, part, s.start + cs, s.start + ce, speaker, _cue_word(m.group("cue")), "indirect", t[cs:ce], d, date))
                    continue
            # indirect, inverted: "... to open an inquiry said spokesman Chris Garver on Wednesday."
            m = _TRAIL_INV.search(t, max(0, len(t) - 120))
            if m and _cue_ok(m.group("cue"), t) and _speakerlike(m.group("speaker"), d, date) and not any(a <= m.start() < b for a, b in inside):
                content = t[: m.start()].rstrip(" ,")
                if len(content.split()) >= 3:
                    found.append(_row(s, part, s.start, s.start + len(content), m.group("speaker"), _cue_word(m.group("cue")), "indirect", content, d, date))
                    continue
            # indirect: "... the Observatory said." closing the sentence
            window = max(0, len(t) - 160)
            m = _TRAIL_END.search(t, window)
            if m is None or not _cue_ok(m.group("cue"), t):
                continue
            pre = t[: m.start()]
            w = _LAST_WORDS.search(pre, max(0, len(pre) - 150))
            if w is None or any(a <= w.start() < b for a, b in inside) or _ACCORDING.search(w.group()):
                continue
            sp = _trim_speaker(w.group(), d, date)
            if sp:
                content = pre[: w.start() + len(w.group().rstrip()) - len(sp)].rstrip(" ,")
                if len(content.split()) >= 3 or len(content.split()) == 2 and content[:1].isupper():
                    found.append(_row(s, part, s.start, s.start + len(content), sp, _cue_word(m.group("cue")), "indirect", content, d, date))
        found.sort(key=lambda r: (r["start"], r["end"]))
        for r in found:
            sp = _clean(r["speaker"])
            if _JUNK_SPEAKER.match(sp):
                continue  # "according to their type, location ...": not a source
            if r["speaker_actor_id"] is None and _REF_RE.match(sp):
                r["speaker_actor"], r["speaker_actor_id"] = last
            if sp.lower() in ("coalition", "the coalition") and r["speaker_actor_id"] is not None:
                named = _document_coalition(sentences, d, date)
                if named is not None:
                    r["speaker_actor"], r["speaker_actor_id"] = named
            if r["speaker_actor_id"] is None and _BARE_NAME.match(sp):
                # "Abdel Rahman said" after "Observatory head Rami Abdel Rahman said"
                known = names.get(sp.split()[-1])
                if known is not None:
                    r["speaker_actor"], r["speaker_actor_id"] = known
            if r["speaker_actor_id"] is not None:
                last = (r["speaker_actor"], r["speaker_actor_id"])
                for w in _NAME_WORD.findall(sp):
                    if w not in names and not d.is_actor_word(w):
                        names[w] = last
            rows.append(r)
    return rows


def _document_coalition(sentences: Sequence[Any], d: ActorDictionary, date: Any) -> tuple[str, str] | None:
    """The first coalition the document names ("the Syrian Coalition", "the US-led coalition")."""
    for s in sentences:
        if "oalition" not in s.text:
            continue
        for m in d.find(s.text, date=date):
            low = m.surface.lower()
            if "coalition" in low and low not in ("coalition", "the coalition", "coalitions"):
                return m.actor, m.actor_id
    return None


def _cue_ok(cue: str, sentence: str) -> bool:
    """A verb of saying is written in lower case ("Osama Said" is a name), except in all-caps text."""
    return cue.islower() or sentence.isupper()


def _cue_word(cue: str) -> str:
    return cue.lower()


def _row(sent: Any, part: str, start: int, end: int, speaker: str, cue: str, kind: str, content: str, d: ActorDictionary, date: Any) -> dict[str, Any]:
    speaker = _clean(speaker) if not speaker.rstrip().endswith(")") else speaker.strip(" ,.;:")
    actor, group = _resolve(speaker, d, date, (None, None))
    return {
        "doc_id": sent.doc_id, "part": part, "sent_id": sent.sent_id, "start": start, "end": end,
        "speaker": speaker, "speaker_actor": actor, "speaker_actor_id": group, "cue": cue.lower(),
        "kind": kind, "content": content,
    }
