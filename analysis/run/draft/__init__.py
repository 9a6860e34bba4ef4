"""The lexicon drafter: a starter conflict pack from a corpus (``python -m analysis lexicon draft``).

It finds the corpus's frequent named parties (multi-word names, acronyms with their expansions,
demonyms and "X forces / X army" heads: :mod:`.scan`), drops outlets, site chrome, places and
common words (:mod:`.outlets`, :mod:`.rank`), suggests a kind for each and writes a pack folder
that validates and that ``extract --pack FOLDER`` uses at once (:mod:`.write`). Example
sentences go to ``draft-evidence.yml`` beside the pack, never into its files.

Example:
    >>> draft_pack("data/demo", "/tmp/demo-pack")          # doctest: +SKIP
    {'documents': 36, 'groups': ..., 'unplaced': ..., 'upper_case': False}
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from ...errors import InputError
from ...io.documents import load_corpus
from ...resources.packs import load_pack
from .outlets import OutletFilter
from .rank import finish
from .scan import Scanner
from .write import actor_entries, group_ids, write_actors, write_evidence, write_labels, write_pack_yml, write_readme

__all__ = ["draft_pack", "corpus_documents", "is_upper_case"]


def corpus_documents(corpus: str | Path, *, columns: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """The corpus as ``{doc_id, source, text}`` dicts (title, if any, as the first line)."""
    docs = load_corpus(corpus, columns=columns).documents
    out = []
    for r in docs.itertuples(index=False):
        title = r.title if isinstance(r.title, str) and r.title else ""
        out.append({"doc_id": r.doc_id, "source": r.source if isinstance(r.source, str) else None,
                    "text": (title + "\n" if title else "") + (r.text or "")})
    return out


def is_upper_case(docs: list[dict[str, Any]]) -> bool:
    """Whether a corpus is written in capitals (under 5% of the letters of its openings are lower case)."""
    letters = "".join(d["text"][:2000] for d in docs)
    return sum(ch.islower() for ch in letters) < 0.05 * max(1, sum(ch.isalpha() for ch in letters))


def draft_pack(corpus: str | Path, out: str | Path, *, top: int = 80, min_docs: int = 3, name: str | None = None,
               columns: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Draft a conflict pack from a corpus into folder ``out`` (created; its pack files are replaced).

    Args:
        corpus: a corpus path (as for ``extract``).
        out: the pack folder to write.
        top: how many candidates (most documents first) to draft.
        min_docs: a candidate must occur in at least this many documents.
        name: the pack's name (default: the folder's name).
        columns: field -> column mapping for generic CSV/JSONL.

    Returns:
        Counts: documents, drafted groups, candidates without a kind, whether the corpus is upper case.

    Raises:
        InputError: an empty corpus, or an output path that is a file.
    """
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder}: is a file; give a folder for the drafted pack")
    docs = corpus_documents(corpus, columns=columns)
    if not docs:
        raise InputError(f"{corpus}: no reports to draft a pack from")
    upper = is_upper_case(docs)
    sc = Scanner(docs, upper=upper, outlets=OutletFilter.scan(docs))
    sc.scan()
    cands = finish(sc, min_docs=min_docs)[:top]
    ids = group_ids(sc, cands)
    entries, unplaced = actor_entries(sc, cands, ids)
    folder.mkdir(parents=True, exist_ok=True)
    pack_name = name or folder.resolve().name
    data = write_pack_yml(folder, pack_name, Path(corpus), entries, len(docs))
    write_actors(folder, entries, unplaced)
    write_labels(folder, data["groups"])
    write_evidence(folder, sc, cands, ids)
    write_readme(folder, pack_name, Path(corpus), len(docs), len(data["groups"]), len(unplaced))
    _validate(folder)
    return {"documents": len(docs), "groups": len(data["groups"]), "unplaced": len(unplaced), "upper_case": upper}


def _validate(folder: Path) -> None:
    """Load the drafted pack the way a run does (raises if the draft is broken)."""
    from ...extract.actor_lexicon import load_actor_dictionary
    from ...extract.labels import load_labels

    pack = load_pack(folder)
    load_actor_dictionary(pack.files["actors"], pack=pack)
    load_labels(pack.files["labels"], pack=pack)
