"""Download FA-KES from its Zenodo record and verify the checksum (``make data``).

Zenodo record 2607278 (DOI 10.5281/zenodo.2607278) lists the file with md5
``55d0ec452440a4ed46aac1e330b40e83``; a known public redistribution (the copy in ../shared)
has md5 ``87fea185f2ca6797b24360a8e9cf3c95`` (CRLF line ends). Either is accepted and the one
seen is printed; any other checksum is refused. Offline, the command fails with a message that
says where to get the file by hand.

Usage:
    python -m analysis.io.download --out data/raw
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import urllib.error
import urllib.request
from pathlib import Path

from ..errors import InputError, printable

URL = "https://zenodo.org/records/2607278/files/FA-KES-Dataset.csv?download=1"
FILENAME = "FA-KES-Dataset.csv"
KNOWN_MD5 = {
    "55d0ec452440a4ed46aac1e330b40e83": "the file as listed on Zenodo",
    "87fea185f2ca6797b24360a8e9cf3c95": "the known public redistribution (CRLF line ends)",
}


def md5sum(path: Path) -> str:
    """The md5 hex digest of a file, read in chunks."""
    h = hashlib.md5()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def download_fakes(out_dir: str | Path, *, url: str = URL, timeout: float = 30.0) -> tuple[Path, str]:
    """Download FA-KES into ``out_dir`` and verify it.

    Returns:
        The file path and a sentence naming the checksum seen.

    Raises:
        InputError: offline or the server refused (with what to do), or an unknown checksum
            (the file is kept as ``.part`` for inspection, never installed).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    target = out / FILENAME
    part = out / (FILENAME + ".part")
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp, open(part, "wb") as fh:
            shutil.copyfileobj(resp, fh)
    except (urllib.error.URLError, OSError, TimeoutError) as exc:
        part.unlink(missing_ok=True)
        reason = getattr(exc, "reason", None) or exc
        raise InputError(
            f"{url}: download failed ({reason}). Offline? Get {FILENAME} by hand from "
            f"https://doi.org/10.5281/zenodo.2607278 into {out}/, or run on ../shared/data/{FILENAME}"
        ) from None
    digest = md5sum(part)
    if digest not in KNOWN_MD5:
        raise InputError(
            f"{part}: md5 {digest} matches neither known FA-KES checksum "
            f"({', '.join(KNOWN_MD5)}); the download is kept there for inspection, not installed"
        )
    part.replace(target)
    return target, f"md5 {digest}: {KNOWN_MD5[digest]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.io.download", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default="data/raw", help="folder for the file (default data/raw)")
    parser.add_argument("--url", default=URL, help="download address (default: the Zenodo record)")
    args = parser.parse_args(argv)
    try:
        path, seen = download_fakes(args.out, url=args.url)
    except InputError as exc:
        print(f"error: {printable(str(exc))}", file=sys.stderr)
        return 2
    print(f"{path}: {seen}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
