"""Resources: the lexicon files (data a user can replace) and the shared English vocabulary.

The bottom layer above the base: it imports nothing else of the package. ``registry`` finds
every lexicon file by name (bundled, or a user's override), ``vocabulary`` holds the word
lists that several rules share, ``files`` reads YAML safely.
"""
