"""Actors: a dictionary of named parties and a fast matcher.

The actor dictionary (a conflict pack's ``actors.yml``, replaceable) maps names of the parties
to a war to canonical actors, each under one group id of the pack (for the default Syria pack,
the 15 ids of ``../shared/gold/GUIDELINES.md``); the pack gives every group a kind, which is
what the matching rules read. Like the PETRARCH/CAMEO dictionaries, an entry has synonyms and
optional date limits.

YAML schema (see the comments at the top of the Syria pack's file)::

    head_modifiers: [government, military, ...]  # words allowed between an adjective and a head
    heads: [army, jets, government, ...]         # nouns that turn an adjective into an actor
    state_only_heads: [media, tv, news agency]   # heads that need "state"/"official" before them
                                                 # ("Turkish state TV", not "Lebanese TV channel")
    place_names: [Russia, Iran, ...]             # aliases that are places after "in"/"into"
                                                 # ("banned in Russia" still counts)
    actors:
      - name: Russia                             # canonical name (unique)
        group: FOREIGN_A                         # a group id of the pack
        aliases: [Russia, Kremlin, {text: RT, case: sensitive}, ...]
        adjectives: [Russian]                    # an actor only before a head: "Russian jets"
        metonyms: [Moscow]                       # an actor only as one: "Moscow said"
        generic: false                           # true: dropped next to a named actor
        from: 2016-07-28                         # optional date limits (also per alias)
        until: 2018-12-31

Matching works on word tokens through token tries built once (:mod:`analysis.extract.actor_trie`):
case-insensitive unless an alias says ``case: sensitive`` ("IS" is never "it is"); the longest
match wins; a possessive or plural ending is accepted with or without an apostrophe ("Assad's",
"Assads", "Russia's"); hyphens and dots inside names are ignored ("al-Assad" = "al Assad",
"U.N." = "U N"). An adjective counts only before a head noun ("Russian jets", "Russian and
Syrian warplanes", "Turkish-backed"), not "Syrian civilians"; a metonym counts only as an actor
("Damascus denied", "Moscow-backed", "backed by Moscow"), not as a place ("in Damascus",
"Damascus countryside"). Generic words ("militants", "terrorists") are dropped next to a named
group ("Daesh terrorists"); :mod:`analysis.extract.mentions` resolves the others.

Example:
    >>> from analysis.extract.actor_lexicon import default_dictionary
    >>> d = default_dictionary()
    >>> [(m.surface, m.actor, d.kind(m.actor_id)) for m in d.find("Russian jets struck as Damascus denied it.")]
    [('Russian jets', 'Russia', 'foreign_state'), ('Damascus', 'Syrian government', 'state')]
"""

from __future__ import annotations

from functools import cached_property
from typing import Any, Iterable, Sequence

from ..resources.packs import Pack
from .actor_rules import find_matches
from .actor_trie import ActorMatch, Alias, Node, Tries, alias_tokens, as_date, insert, one_word

__all__ = ["ActorDictionary", "ActorMatch", "alias_tokens", "as_date"]


class ActorDictionary:
    """Compiled actor dictionary: token tries for aliases, adjectives, heads and metonyms.

    Build it with :func:`load_actor_dictionary`; :meth:`find` returns :class:`ActorMatch`
    records. The object is immutable after construction and safe to share.
    """

    def __init__(self, entries: list[dict[str, Any]], heads: Iterable[str], head_modifiers: Iterable[str], sources: Sequence[str] = (),
                 *, state_only_heads: Iterable[str] = (), place_names: Iterable[str] = (), pack: Pack | None = None):
        self.sources = tuple(sources)
        self.pack = pack
        self.entries = entries
        self.actor_groups: dict[str, str] = {e["name"]: e["group"] for e in entries}
        self.generic_actors: frozenset[str] = frozenset(e["name"] for e in entries if e.get("generic"))
        aliases, adjectives, metonyms = Node(), Node(), Node()
        order = 0
        for e in entries:
            for kind, key, trie in (("alias", "aliases", aliases), ("adjective", "adjectives", adjectives),
                                    ("metonym", "metonyms", metonyms)):
                for spec in e.get(key, []):
                    toks = tuple(t.raw for t in alias_tokens(spec["text"]))
                    insert(trie, Alias(e["name"], e["group"], kind, toks, spec["case"] == "sensitive",
                                       spec["from"], spec["until"], bool(e.get("generic")), order))
                    order += 1
        head_trie = Node()
        for h in list(heads) + list(state_only_heads):
            node = head_trie
            for t in alias_tokens(h):
                node = node.children.setdefault(t.low, Node())
            node.aliases.append(None)  # type: ignore[arg-type]
        #: The tries and word sets the matching rules (:mod:`analysis.extract.actor_rules`) read.
        self.tries = Tries(aliases, adjectives, metonyms, head_trie, frozenset(m.lower() for m in head_modifiers),
                           frozenset(tuple(t.low for t in alias_tokens(h)) for h in state_only_heads),
                           frozenset(tuple(t.low for t in alias_tokens(p)) for p in place_names), self.kind)
        self._word_cache: dict[str, bool] = {}
        self._find_cache: dict[tuple[str, Any], tuple[ActorMatch, ...]] = {}

    # ----------------------------------------------------------------- what the dictionary knows

    def kind(self, group: str | None) -> str | None:
        """The kind of a group id in the dictionary's pack (None without a pack or for None).

        Example:
            >>> from analysis.extract.actor_lexicon import default_dictionary
            >>> d = default_dictionary()
            >>> d.kind(d.actor_groups["Bashar al-Assad"]), d.kind(None)
            ('state', None)
        """
        return self.pack.kind(group) if self.pack is not None and group else None

    def one_word_names(self) -> set[str]:
        """Lower-case words that are an alias, adjective or metonym on their own."""
        return one_word(self.tries.aliases) | one_word(self.tries.adjectives) | one_word(self.tries.metonyms)

    def may_start_metonym(self, word: str) -> bool:
        """Whether a metonym starts with ``word`` (or its form without a final "s"): a cheap test."""
        kids = self.tries.metonyms.children
        w = word.lower()
        return w in kids or w[:-1] in kids

    def is_actor_word(self, word: str) -> bool:
        """Whether one word on its own is an actor name ("Observatory", "Assad"); cached.

        Example:
            >>> from analysis.extract.actor_lexicon import default_dictionary
            >>> default_dictionary().is_actor_word("Assad"), default_dictionary().is_actor_word("table")
            (True, False)
        """
        hit = self._word_cache.get(word)
        if hit is None:
            if len(self._word_cache) > 50000:
                self._word_cache.clear()
            hit = self._word_cache[word] = bool(self.find(word))
        return hit

    @cached_property
    def medical_actor(self) -> tuple[str, str] | None:
        """The actor and group the dictionary gives "medical sources" (None if it has none)."""
        found = self.find("medical sources")
        return (found[0].actor, found[0].actor_id) if found and found[0].surface == "medical sources" else None

    def find(self, text: str, *, date: Any = None) -> list[ActorMatch]:
        """All actor mentions in ``text``, left to right, longest match first.

        Args:
            text: a sentence or any string.
            date: the report's date (date, datetime, Timestamp or ISO string); aliases outside
                their date limits are ignored. ``None`` uses every alias.

        Returns:
            Non-overlapping :class:`ActorMatch` records with offsets into ``text``.

        Example:
            >>> from analysis.extract.actor_lexicon import default_dictionary
            >>> [m.actor for m in default_dictionary().find("Assads forces shelled Douma")]
            ['Bashar al-Assad']
        """
        day = as_date(date)
        # mentions, attributions and claims all look up the same sentences: remember the last
        # few thousand answers (a pure function of text and day; callers get their own list)
        key = (text, day)
        cache = self._find_cache
        hit = cache.get(key)
        if hit is not None:
            return list(hit)
        found = find_matches(self.tries, text, day)
        if len(cache) >= 4096:
            cache.clear()
        cache[key] = tuple(found)
        return found

    def groups(self) -> set[str]:
        """The group ids used by this dictionary."""
        return set(self.actor_groups.values())
