"""MUC-4 DEV scoring: recall of the answer keys' written casualty counts, and false alarms.

Scores extracted casualty claims against the answer keys of ``../shared/data/muc4-dev.jsonl``
(1,300 Latin American wire texts of 1988-90 in capitals), following the caveats of
``../shared/data/README.md``:

* **recall** over the answer-key counts of 2 or more (``killed`` and ``injured``, one unit per
  text, category and distinct value) that the text *writes*. A key value is written when it
  occurs in the text, outside the dateline, as a count-like numeral or number word (see
  :func:`written_values`): "6", "SIX", "TWENTY-FIVE", "1,500", "TWO DOZEN", "70 THOUSAND", but
  not "6 JAN", "JANUARY 6", "0600", "6-YEAR-OLD", "6 YEARS", "6 PERCENT" or "NO 6". The check is
  independent of :mod:`analysis.extract.numbers`, so a number the extraction cannot read stays
  in the denominator. A unit is recalled when an extracted numeric claim of the same category
  has that value as its ``min`` or ``max`` (``recall_any_category`` also accepts another
  category, e.g. ``casualties`` for a key's ``killed``). The key counts per incident and target
  group, so a text may state a sum or an update instead: recall is a floor, not an exact figure.
* **false alarms** on texts whose key has no casualties (``key_status`` ``no_casualty`` or
  ``irrelevant_no_templates``) and whose ``text_mentions_casualty_number`` is false: the share of
  such texts with at least one extracted numeric (non-vague) claim. Keys cover terrorist
  incidents only, so some of these "false alarms" are true claims about clashes or past events.

:func:`score_muc4` is pure (texts, keys, claims in; figures out); ``python -m analysis evaluate``
and ``benchmarks/muc4_recall.py`` extract the claims and call it.

Example:
    >>> score = score_muc4({"d": "SIX PEASANTS WERE KILLED."},
    ...                    {"d": {"killed": [6], "injured": [], "key_status": "numeric",
    ...                           "text_mentions_casualty_number": True}},
    ...                    {"d": [{"category": "killed", "min": 6, "max": 6, "vague": None}]})
    >>> score.metrics["recall"], score.metrics["units"]
    (1.0, 1)
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from ..errors import InputError

__all__ = ["Muc4Score", "load_muc4", "muc4_claims", "score_muc4", "spellings", "written_values"]

#: Key statuses whose templates state no casualties at all.
NO_CASUALTY_STATUS = frozenset({"no_casualty", "irrelevant_no_templates"})
CATEGORIES = ("killed", "injured")

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_MONTHS = ("january february march april may june july august september october november december "
           "jan feb mar apr jun jul aug sep sept oct nov dec").split()
#: Words after a number that make it something other than a count of people.
_NOT_COUNT_AFTER = frozenset(_MONTHS) | frozenset(
    "year years month months week weeks day days hour hours minute minutes percent km kilometers "
    "kilometres meters metres miles kg pesos dollars colones intis sucres bolivars cordobas quetzales "
    "am pm gmt o'clock".split())
#: Words before a number that make it a code, a date or an ordinal rank.
_NOT_COUNT_BEFORE = frozenset(_MONTHS) | frozenset("no number no. route article resolution decree law page".split())


def _words_under_100(n: int) -> list[str]:
    """English spellings of 0 < n < 100 ("twenty-five", "twenty five")."""
    if n < 20:
        return [_UNITS[n]]
    tens, unit = divmod(n, 10)
    return [_TENS[tens]] if unit == 0 else [f"{_TENS[tens]}-{_UNITS[unit]}", f"{_TENS[tens]} {_UNITS[unit]}"]


def _words_under_1000(n: int) -> list[str]:
    """English spellings of 0 < n < 1000, with and without "and" after the hundreds."""
    hundreds, rest = divmod(n, 100)
    if hundreds == 0:
        return _words_under_100(rest)
    heads = [f"{_UNITS[hundreds]} hundred"] + (["a hundred"] if hundreds == 1 else [])
    if rest == 0:
        return heads
    return [f"{h}{sep}{r}" for h in heads for sep in (" ", " and ") for r in _words_under_100(rest)]


def spellings(value: int) -> list[str]:
    """The lower-case ways a text may write ``value`` as a count (digits, words, dozens, scales).

    Example:
        >>> spellings(25)[:3]
        ['25', 'twenty-five', 'twenty five']
        >>> "two dozen" in spellings(24), "70 thousand" in spellings(70000)
        (True, True)
    """
    out = [str(value)]
    if value >= 1000:
        out.append(f"{value:,}")
    if 0 < value < 1000:
        out += _words_under_1000(value)
    if 1000 <= value < 1_000_000:
        thousands, rest = divmod(value, 1000)
        if rest == 0:
            out += [f"{w} thousand" for w in _words_under_1000(thousands)] + [f"{thousands} thousand"]
            if thousands == 1:
                out.append("a thousand")
        elif rest % 100 == 0 and value < 10000 and value % 1000:
            out += [f"{w} hundred" for w in _words_under_100(value // 100)]  # "fifteen hundred"
    if value % 12 == 0 and 12 <= value <= 144:
        dozens = value // 12
        out += ["a dozen"] if dozens == 1 else [f"{w} dozen" for w in _words_under_100(dozens)]
    return out


def _pattern(value: int) -> re.Pattern[str]:
    alts = sorted((re.escape(s).replace(r"\ ", r"\s+") for s in spellings(value)), key=len, reverse=True)
    # not inside a longer number, code, time or compound ("1,500", "0600", "6-YEAR-OLD", "6:30")
    return re.compile(r"(?<![\w.,:/-])(?:" + "|".join(alts) + r")(?![\w:/]|[.,]\d|-(?!\s))", re.IGNORECASE)


def _body_start(text: str) -> int:
    """Where the text proper begins: after a wire dateline such as "LIMA, 9 JAN 90 -- [TEXT]"."""
    m = re.match(r"^[^\n]{0,120}?--\s*(?:\[[^\]\n]{0,80}\]\s*)*", text)
    return m.end() if m else 0


def written_values(text: str, values: Iterable[int]) -> set[int]:
    """Which of ``values`` the text writes as a count-like number outside its dateline.

    Example:
        >>> sorted(written_values("LIMA, 6 JAN 90 -- SIX PEASANTS AND 12 SOLDIERS DIED ON 9 JAN.", [6, 9, 12]))
        [6, 12]
    """
    body = text[_body_start(text):]
    found: set[int] = set()
    for v in set(values):
        for m in _pattern(v).finditer(body):
            before = body[max(0, m.start() - 12):m.start()].lower().split()
            after = body[m.end():m.end() + 14].lower().replace("-", " ").split()
            if (before and before[-1].strip(".,") in _NOT_COUNT_BEFORE) or (after and after[0].strip(".,;") in _NOT_COUNT_AFTER):
                continue
            found.add(v)
            break
    return found


@dataclass
class Muc4Score:
    """Figures of one MUC-4 DEV measurement.

    Attributes:
        metrics: name -> value (recall, false-alarm rate and their counts).
        units: one row per key unit (doc_id, category, value, written, recalled, recalled_any).
        alarms: one row per text of the false-alarm set (doc_id, claims: the numeric claims).
    """

    metrics: dict[str, float]
    units: list[dict[str, Any]] = field(default_factory=list)
    alarms: list[dict[str, Any]] = field(default_factory=list)

    def write(self, out_dir: str | Path) -> list[Path]:
        """Write ``units.csv`` (one row per key unit) and ``false_alarms.csv`` (numeric claims on
        texts without casualties) into ``out_dir`` (created if missing)."""
        import pandas as pd

        from ..io.sanitize import write_csv

        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        alarms = [{"doc_id": a["doc_id"], **{k: c.get(k) for k in ("category", "min", "max", "qualifier", "quote")}}
                  for a in self.alarms for c in a["claims"]]
        paths = [out / "units.csv", out / "false_alarms.csv"]
        write_csv(pd.DataFrame(self.units, columns=["doc_id", "category", "value", "written", "written_loose",
                                                    "recalled", "recalled_any"]), paths[0])
        write_csv(pd.DataFrame(alarms, columns=["doc_id", "category", "min", "max", "qualifier", "quote"]), paths[1])
        return paths

    def to_text(self) -> str:
        """The printed table."""
        m = self.metrics
        rows = [
            ("key units (count >= 2)", f"{m['units_all']}"),
            ("  written in the text", f"{m['units']}"),
            ("  written anywhere (loose check)", f"{m['units_loose']}"),
            ("recall, same category", f"{m['recall']:.3f}  ({m['recalled']}/{m['units']})"),
            ("  killed", f"{m['recall_killed']:.3f}  ({m['recalled_killed']}/{m['units_killed']})"),
            ("  injured", f"{m['recall_injured']:.3f}  ({m['recalled_injured']}/{m['units_injured']})"),
            ("recall, any category", f"{m['recall_any_category']:.3f}  ({m['recalled_any']}/{m['units']})"),
            ("recall, loose denominator", f"{m['recall_loose']:.3f}  ({m['recalled_loose']}/{m['units_loose']})"),
            ("texts without casualties", f"{m['fa_texts']}"),
            ("false-alarm rate (numeric)", f"{m['false_alarm_rate']:.3f}  ({m['fa_hits']}/{m['fa_texts']})"),
            ("false-alarm rate (incl. vague)", f"{m['false_alarm_rate_vague']:.3f}  ({m['fa_hits_vague']}/{m['fa_texts']})"),
        ]
        width = max(len(r[0]) for r in rows)
        return "\n".join(f"{k:<{width}}  {v}" for k, v in rows) + "\n"


def _rate(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def score_muc4(texts: Mapping[str, str], keys: Mapping[str, Mapping[str, Any]],
               claims: Mapping[str, list[Mapping[str, Any]]], *, min_count: int = 2) -> Muc4Score:
    """Score extracted claims against MUC-4 answer keys (pure: no extraction, no files).

    Args:
        texts: doc_id -> text.
        keys: doc_id -> key record with ``killed``, ``injured`` (lists of ints), ``key_status``
            and ``text_mentions_casualty_number`` (the fields of ``muc4-dev.jsonl``).
        claims: doc_id -> extracted claim records (``category``, ``min``, ``max``, ``vague``);
            a missing doc_id means no claims.
        min_count: the smallest key value measured (1 is excluded: "a judge was killed").

    Returns:
        A :class:`Muc4Score`.
    """
    units: list[dict[str, Any]] = []
    alarms: list[dict[str, Any]] = []
    for doc_id, key in keys.items():
        found = [c for c in claims.get(doc_id, []) if not c.get("vague") and c.get("min") is not None]
        units += _key_units(doc_id, texts[doc_id], key, found, min_count)
        if key.get("key_status") in NO_CASUALTY_STATUS and not key.get("text_mentions_casualty_number"):
            vague = [c for c in claims.get(doc_id, []) if c.get("vague")]
            alarms.append({"doc_id": doc_id, "claims": found, "vague": vague})
    return Muc4Score(metrics={"texts": len(keys), **_metrics(units, alarms)}, units=units, alarms=alarms)


def _key_units(doc_id: str, text: str, key: Mapping[str, Any], found: list[Mapping[str, Any]],
               min_count: int) -> list[dict[str, Any]]:
    """One row per (category, distinct key value >= ``min_count``): written? recalled?"""
    units: list[dict[str, Any]] = []
    for cat in CATEGORIES:
        values = sorted({int(v) for v in key.get(cat) or [] if int(v) >= min_count})
        written = written_values(text, values)
        for v in values:
            hit = [c for c in found if v in (c["min"], c["max"])]
            units.append({"doc_id": doc_id, "category": cat, "value": v, "written": v in written,
                          "written_loose": _pattern(v).search(text) is not None,
                          "recalled": any(c["category"] == cat for c in hit), "recalled_any": bool(hit)})
    return units


def _metrics(units: list[dict[str, Any]], alarms: list[dict[str, Any]]) -> dict[str, float]:
    """Recall (overall, per category, any category, loose denominator) and false-alarm rates."""
    written = [u for u in units if u["written"]]
    loose = [u for u in units if u["written_loose"]]
    metrics: dict[str, float] = {
        "units_all": len(units), "units": len(written), "units_loose": len(loose),
        "recalled": sum(u["recalled"] for u in written), "recalled_any": sum(u["recalled_any"] for u in written),
        "recalled_loose": sum(u["recalled"] for u in loose),
    }
    metrics["recall"] = _rate(metrics["recalled"], metrics["units"])
    metrics["recall_any_category"] = _rate(metrics["recalled_any"], metrics["units"])
    metrics["recall_loose"] = _rate(metrics["recalled_loose"], metrics["units_loose"])
    for cat in CATEGORIES:
        sub = [u for u in written if u["category"] == cat]
        metrics[f"units_{cat}"] = len(sub)
        metrics[f"recalled_{cat}"] = sum(u["recalled"] for u in sub)
        metrics[f"recall_{cat}"] = _rate(metrics[f"recalled_{cat}"], len(sub))
    metrics["fa_texts"] = len(alarms)
    metrics["fa_hits"] = sum(bool(a["claims"]) for a in alarms)
    metrics["fa_hits_vague"] = sum(bool(a["claims"] or a["vague"]) for a in alarms)
    metrics["false_alarm_rate"] = _rate(metrics["fa_hits"], metrics["fa_texts"])
    metrics["false_alarm_rate_vague"] = _rate(metrics["fa_hits_vague"], metrics["fa_texts"])
    return metrics


def load_muc4(path: str | Path) -> list[dict[str, Any]]:
    """The records of a MUC-4 JSONL file (``doc_id``, ``text``, ``killed``, ``injured``, ``key_status`` ...).

    Raises:
        InputError: the file is missing, or a line is not a JSON object with ``doc_id`` and ``text``.
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: MUC-4 file not found; pass the path of muc4-dev.jsonl (../shared/data/)")
    records: list[dict[str, Any]] = []
    with p.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{p}: line {lineno}: not valid JSON ({exc.msg})") from None
            if not isinstance(rec, dict) or "doc_id" not in rec or "text" not in rec:
                raise InputError(f"{p}: line {lineno}: expected an object with doc_id and text (a MUC-4 record)")
            records.append(rec)
    return records


def muc4_claims(records: Iterable[Mapping[str, Any]], *, words: Any = None) -> dict[str, list[dict[str, Any]]]:
    """doc_id -> the package's claims of each text (no actor dictionary: claims do not need it)."""
    from ..extract.claims import extract_claims
    from ..extract.text import document_sentences

    return {r["doc_id"]: extract_claims(document_sentences(r["doc_id"], None, r["text"]), dictionary=False, words=words)
            for r in records}
