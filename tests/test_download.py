"""make data: checksum verification and the offline message (no real network used)."""

from __future__ import annotations

import pytest

from analysis.errors import InputError
from analysis.io.download import FILENAME, download_fakes, main

from .conftest import needs_fakes


@needs_fakes
def test_known_redistribution_is_accepted_and_named(tmp_path, fakes_path):
    path, seen = download_fakes(tmp_path / "raw", url=fakes_path.as_uri())
    assert path == tmp_path / "raw" / FILENAME and path.read_bytes() == fakes_path.read_bytes()
    assert seen == "md5 87fea185f2ca6797b24360a8e9cf3c95: the known public redistribution (CRLF line ends)"


def test_unknown_checksum_is_refused_and_not_installed(tmp_path):
    src = tmp_path / "fake.csv"
    src.write_text("unit_id,article_title\n1,x\n")
    with pytest.raises(InputError, match=r"md5 [0-9a-f]{32} matches neither known FA-KES checksum"):
        download_fakes(tmp_path / "raw", url=src.as_uri())
    assert not (tmp_path / "raw" / FILENAME).exists()
    assert (tmp_path / "raw" / (FILENAME + ".part")).exists()


def test_offline_fails_with_what_to_do(tmp_path, capsys):
    # port 9 (discard) on loopback: nothing listens, the connection is refused at once
    status = main(["--out", str(tmp_path), "--url", "http://127.0.0.1:9/FA-KES-Dataset.csv"])
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("error: http://127.0.0.1:9/FA-KES-Dataset.csv: download failed (")
    assert "Offline? Get FA-KES-Dataset.csv by hand from https://doi.org/10.5281/zenodo.2607278" in err
    assert not (tmp_path / (FILENAME + ".part")).exists()
