"""Set-up files agree: environment.yml, requirements.lock and pyproject.toml; Makefile targets."""

from __future__ import annotations

import re
import subprocess
import tomllib

import yaml

from analysis.paths import PROJECT_ROOT

# conda-forge names that differ from the PyPI names
CONDA_TO_PYPI = {"vadersentiment": "vadersentiment"}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def lock_pins() -> dict[str, str]:
    pins = {}
    for line in (PROJECT_ROOT / "requirements.lock").read_text().splitlines():
        m = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)", line)
        if m:
            pins[_norm(m.group(1))] = m.group(2)
    return pins


def env_pins() -> dict[str, str]:
    env = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text())
    pins = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            continue
        name, _, version = dep.partition("=")
        if name in {"python", "pip"}:
            continue
        pins[_norm(CONDA_TO_PYPI.get(name, name))] = version
    return pins


def direct_dependencies() -> set[str]:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    deps = project["dependencies"] + [d for ds in project["optional-dependencies"].values() for d in ds]
    return {_norm(re.match(r"[A-Za-z0-9_.\-]+", d).group(0)) for d in deps}


def test_environment_yml_names_every_direct_dependency():
    assert set(env_pins()) == direct_dependencies()


def test_environment_yml_versions_equal_the_lock():
    lock = lock_pins()
    mismatched = {n: (v, lock.get(n)) for n, v in env_pins().items() if lock.get(n) != v}
    assert mismatched == {}


def test_environment_yml_installs_the_package_and_uses_conda_forge():
    env = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text())
    assert env["channels"] == ["conda-forge"]
    assert {"pip": ["-e ."]} in env["dependencies"]
    py = next(d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python="))
    assert tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]["requires-python"] == ">=3.11"
    assert py == "python=3.11"


def test_lock_satisfies_the_pyproject_ranges():
    from packaging.requirements import Requirement

    lock = lock_pins()
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    for spec in project["dependencies"]:
        req = Requirement(spec)
        assert req.specifier.contains(lock[_norm(req.name)]), (spec, lock[_norm(req.name)])


def test_make_help_lists_documented_targets_and_their_files_exist():
    out = subprocess.run(["make", "-s", "help"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True).stdout
    targets = re.findall(r"make (\S+)", out)
    assert {"report", "test", "lab", "data", "env", "bench"} <= set(targets)
    # files each target relies on
    for path in ["requirements.lock", "pyproject.toml", "analysis/io/download.py", "analysis/report/batch.py",
                 "benchmarks/run.py", "notebooks", "reports.yml"]:
        assert (PROJECT_ROOT / path).exists(), path


def test_ci_runs_the_readme_test_command():
    readme = (PROJECT_ROOT / "README.md").read_text()
    ci = (PROJECT_ROOT / ".ci" / "run").read_text()
    assert "make test" in readme and "make report" in readme
    assert re.search(r"^make test\b", ci, re.M)
