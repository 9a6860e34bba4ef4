"""The package surface: lazy public names, version, quick --help."""

from __future__ import annotations

import doctest
import importlib
import subprocess
import sys
from pathlib import Path

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


PACKAGE = Path(analysis.__file__).parent
MODULES = sorted(
    ".".join(p.relative_to(PACKAGE).with_suffix("").parts)
    for p in PACKAGE.rglob("*.py") if p.stem not in ("__init__", "__main__")
)


@pytest.mark.parametrize("module", MODULES)
def test_docstring_examples(module):
    """The examples in the docstrings are what the code does (a wrong example fails here)."""
    mod = importlib.import_module(f"analysis.{module}")
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in analysis.{module} failed"
