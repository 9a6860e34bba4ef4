"""MUC-4 DEV: recall of written answer-key counts, and false alarms on texts without casualties.

Measures the casualty-claim extraction on the 1,300 MUC-4 DEV wire texts of
``../shared/data/muc4-dev.jsonl`` (Latin America 1988-90, upper case), following the caveats of
``../shared/data/README.md``:

* **recall** over the answer-key counts of 2 or more (``killed`` and ``injured``, one unit per
  text, category and distinct value) that the text *writes*. A key value is written when it
  occurs in the text, outside the dateline, as a count-like numeral or number word (see
  :func:`written_values`): "6", "SIX", "TWENTY-FIVE", "1,500", "TWO DOZEN", "70 THOUSAND", but
  not "6 JAN", "JANUARY 6", "0600", "6-YEAR-OLD", "6 YEARS", "6 PERCENT" or "NO 6". The check is
  independent of :mod:`analysis.numbers`, so a number the extraction cannot read stays in the
  denominator. A unit is recalled when an extracted numeric claim of the same category has that
  value as its ``min`` or ``max`` (``recall_any_category`` also accepts another category, e.g.
  ``casualties`` for a key's ``killed``). The key counts per incident and target group, so a text
  may state a sum or an update instead: recall is a floor, not an exact figure.
* **false alarms** on texts whose key has no casualties (``key_status`` ``no_casualty`` or
  ``irrelevant_no_templates``) and whose ``text_mentions_casualty_number`` is false: the share of
  such texts with at least one extracted numeric (non-vague) claim. Keys cover terrorist
  incidents only, so some of these "false alarms" are true claims about clashes or past events.

The scoring, :func:`score_muc4`, is a pure function over (texts, keys, extracted claims), so
``python -m analysis evaluate`` can call it with claims it extracted itself.

Usage:
    python benchmarks/muc4_recall.py                     # table of figures
    python benchmarks/muc4_recall.py --misses 40 --false-alarms 40   # and examples of each
    python benchmarks/muc4_recall.py --out benchmarks/results/muc4   # CSVs of units and alarms

Example:
    >>> score = score_muc4({"d": "SIX PEASANTS WERE KILLED."},
    ...                    {"d": {"killed": [6], "injured": [], "key_status": "numeric",
    ...                           "text_mentions_casualty_number": True}},
    ...                    {"d": [{"category": "killed", "min": 6, "max": 6, "vague": None}]})
    >>> score.metrics["recall"], score.metrics["units"]
    (1.0, 1)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run from a checkout without installing the package

MUC4_DEV = ROOT.parent / "shared" / "data" / "muc4-dev.jsonl"
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
        text = texts[doc_id]
        found = [c for c in claims.get(doc_id, []) if not c.get("vague") and c.get("min") is not None]
        for cat in CATEGORIES:
            values = sorted({int(v) for v in key.get(cat) or [] if int(v) >= min_count})
            written = written_values(text, values)
            loose = {v for v in values if any(p.search(text) for p in [_pattern(v)])}
            for v in values:
                hit = [c for c in found if v in (c["min"], c["max"])]
                units.append({"doc_id": doc_id, "category": cat, "value": v, "written": v in written,
                              "written_loose": v in loose, "recalled": any(c["category"] == cat for c in hit),
                              "recalled_any": bool(hit)})
        if key.get("key_status") in NO_CASUALTY_STATUS and not key.get("text_mentions_casualty_number"):
            vague = [c for c in claims.get(doc_id, []) if c.get("vague")]
            alarms.append({"doc_id": doc_id, "claims": found, "vague": vague})
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
    return Muc4Score(metrics=metrics, units=units, alarms=alarms)


def load_muc4(path: str | Path = MUC4_DEV) -> list[dict[str, Any]]:
    """The records of ``muc4-dev.jsonl`` (one JSON object per line)."""
    p = Path(path)
    if not p.is_file():
        raise SystemExit(f"error: {p}: MUC-4 DEV file not found (../shared/data beside the project)")
    return [json.loads(line) for line in p.open(encoding="utf-8") if line.strip()]


def default_extract(doc_id: str, text: str) -> list[dict[str, Any]]:
    """The package's claims for one text (no actor dictionary: claims do not depend on it)."""
    from analysis import document_sentences, extract_claims

    return extract_claims(document_sentences(doc_id, None, text), dictionary=False)


def extract_all(records: Iterable[Mapping[str, Any]], *,
                extract: Callable[[str, str], list[dict[str, Any]]] = default_extract) -> dict[str, list[dict[str, Any]]]:
    """doc_id -> extracted claims for every record."""
    return {r["doc_id"]: extract(r["doc_id"], r["text"]) for r in records}


def _examples(score: Muc4Score, texts: Mapping[str, str], claims: Mapping[str, list], n_miss: int, n_fa: int) -> str:
    lines: list[str] = []
    misses = [u for u in score.units if u["written"] and not u["recalled"]]
    if n_miss:
        lines.append(f"\nMisses ({len(misses)}): doc_id category value | extracted (category, min)")
        for u in misses[:n_miss]:
            got = [(c["category"], c["min"]) for c in claims.get(u["doc_id"], []) if not c.get("vague")]
            lines.append(f"  {u['doc_id']} {u['category']:<8} {u['value']:>6} | {got}")
    if n_fa:
        fas = [a for a in score.alarms if a["claims"]]
        lines.append(f"\nFalse alarms ({len(fas)} texts): doc_id | category min quote")
        for a in fas[:n_fa]:
            for c in a["claims"]:
                lines.append(f"  {a['doc_id']} | {c['category']} {c['min']} {c.get('quote', '')!r}")
    return "\n".join(lines) + ("\n" if lines else "")


def _write(score: Muc4Score, out: Path) -> None:
    import csv

    out.mkdir(parents=True, exist_ok=True)
    with (out / "units.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(score.units[0]) if score.units else ["doc_id"])
        w.writeheader()
        w.writerows(score.units)
    with (out / "false_alarms.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["doc_id", "category", "min", "max", "qualifier", "quote"])
        for a in score.alarms:
            for c in a["claims"]:
                w.writerow([a["doc_id"], c["category"], c["min"], c["max"], c.get("qualifier"), c.get("quote")])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(MUC4_DEV), help="muc4-dev.jsonl (default: ../shared/data/)")
    ap.add_argument("--misses", type=int, default=0, help="print this many missed key units")
    ap.add_argument("--false-alarms", type=int, default=0, help="print this many texts with false alarms")
    ap.add_argument("--out", default=None, help="folder for units.csv and false_alarms.csv (never commit them)")
    args = ap.parse_args(argv)
    records = load_muc4(args.data)
    t0 = time.process_time()
    claims = extract_all(records)
    cpu = time.process_time() - t0
    texts = {r["doc_id"]: r["text"] for r in records}
    score = score_muc4(texts, {r["doc_id"]: r for r in records}, claims)
    print(f"MUC-4 DEV: {len(records)} texts, extraction {cpu:.1f} CPU s")
    print(score.to_text(), end="")
    print(_examples(score, texts, claims, args.misses, args.false_alarms), end="")
    if args.out:
        _write(score, Path(args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
