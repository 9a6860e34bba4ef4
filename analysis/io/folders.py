"""Folders of ``.txt`` reports: every entry listed, and each report's front matter.

A folder corpus is read recursively, in sorted order (:func:`folder_entries`). Nothing in it
is silently left out:

* hidden files and folders (a name starting with a dot: ``.DS_Store``, ``.git/``) are listed
  as skipped, a hidden folder once (its files are not opened);
* a symbolic link is read only when it leads to a file inside the folder; a link that leads
  out of it (to ``/etc/passwd``, say) or to a folder is listed as skipped, without its target;
* pipes, sockets and devices are listed as skipped (reading one could block or never end);
* an unreadable sub-folder is listed with the system's reason.

A report may open with front matter, ``key: value`` lines between ``---`` lines
(:func:`split_front_matter`); when the closing ``---`` is missing, the front matter ends at
the first other line and a warning says so (title, source and date are not lost in the body).

Example:
    >>> [(p.name, reason) for p, reason in folder_entries(Path("data/demo"))][:1]   # doctest: +SKIP
    [('aleppo-2016-12-13-bbc.txt', None)]
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")

#: Reasons an entry is not read.
HIDDEN_FILE = "hidden file (its name starts with a dot): not read; rename it without the dot to include it"
HIDDEN_DIR = "hidden folder (its name starts with a dot): its files are not read; rename it to include them"
LINK_OUT = ("a symbolic link to outside the corpus folder: not followed; copy the file into the folder "
             "to include it")


def _link_reason(p: Path, root: Path) -> str | None:
    """Why a symbolic link in a corpus folder is not read (None: a link to a file inside it)."""
    try:
        target = p.resolve(strict=True)
    except (OSError, RuntimeError):
        return "a broken symbolic link: not read"
    if target != root and root not in target.parents:
        return LINK_OUT
    if target.is_dir():
        return "a symbolic link to a folder: not followed; move the folder into the corpus to include it"
    return None


def folder_entries(folder: Path) -> list[tuple[Path, str | None]]:
    """Every entry of a corpus folder, sorted, with why it is not read (None: a file to read).

    Hidden files and folders, symbolic links that lead out of the folder (or to a folder) and
    entries that are not regular files are listed with a reason; nothing is silently left out.
    """
    root = folder.resolve()
    entries: list[tuple[Path, str | None]] = []

    def walk(d: Path) -> None:
        try:
            with os.scandir(d) as it:
                found = list(it)
        except OSError as exc:
            entries.append((d, f"unreadable folder: {exc.strerror}"))
            return
        for e in found:
            p = Path(e.path)
            if e.name.startswith("."):
                entries.append((p, HIDDEN_DIR if e.is_dir(follow_symlinks=False) else HIDDEN_FILE))
            elif e.is_symlink():
                entries.append((p, _link_reason(p, root)))
            elif e.is_dir(follow_symlinks=False):
                walk(p)
            elif e.is_file(follow_symlinks=False):
                entries.append((p, None))
            else:
                entries.append((p, "not a regular file (a pipe, socket or device): not read"))

    walk(folder)
    return sorted(entries, key=lambda x: x[0].relative_to(folder).parts)




def split_front_matter(text: str, *, where: str = "", notes: list[str] | None = None) -> tuple[dict[str, str], str]:
    """Split ``---``-delimited ``key: value`` front matter from a report's body.

    Front matter whose closing ``---`` is missing ends at the first line that is not
    ``key: value``; a note (in ``notes``) names the file and the keys read.

    Example:
        >>> split_front_matter("---\\ntitle: A: B\\nsource: sana\\n---\\nBody.")
        ({'title': 'A: B', 'source': 'sana'}, 'Body.')
        >>> split_front_matter("---\\ntitle: A\\nBody.", where="a.txt", notes=[])
        ({'title': 'A'}, 'Body.')
    """
    if not text.startswith("---"):
        return {}, text
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text
    meta: dict[str, str] = {}
    end = 0  # the first line that is not key: value
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return meta, "\n".join(lines[i + 1 :]).lstrip("\n")
        m = _FRONT_KEY.match(line)
        if m and not end:
            meta[m.group(1).lower()] = m.group(2).strip()
        elif not m and not end:
            end = i
        if not m and line.strip():
            break
    end = end or len(lines)
    if end == 1:
        return {}, text  # a rule, not front matter
    if notes is not None:
        notes.append(f"{where}: front matter opened with --- on line 1 has no closing --- line: read "
                     f"{', '.join(meta)} from lines 2-{end} and the rest as the report; add a --- line after them")
    return meta, "\n".join(lines[end:]).lstrip("\n")
