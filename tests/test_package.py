"""The package surface: lazy public names, version, quick --help."""

from __future__ import annotations

import subprocess
import sys

import pytest

import analysis


@pytest.mark.parametrize("name", [n for n in analysis.__all__ if n != "__version__"])
def test_every_public_name_resolves(name):
    assert getattr(analysis, name) is not None


def test_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        analysis.nothing  # noqa: B018


def test_help_does_not_import_the_heavy_stack():
    code = "import sys, analysis.cli; analysis.cli.build_parser(); print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
