"""The distribution builds without setuptools' warnings: a license in SPDX form, and every
folder it ships (the default model is data, not code) named as a package."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def test_license_is_an_spdx_string():
    assert isinstance(PROJECT["project"]["license"], str)
    requires = PROJECT["build-system"]["requires"]
    assert any(r.startswith("setuptools>=") and int(r.split(">=")[1]) >= 77 for r in requires)


def test_every_shipped_folder_is_a_listed_package():
    setup = PROJECT["tool"]["setuptools"]
    packages, dirs = set(setup["packages"]), setup["package-dir"]
    for name, folder in dirs.items():
        assert name in packages, name
        for sub in (ROOT / folder).iterdir():
            # A folder under a package that Python could import is one setuptools warns
            # about unless it is listed (models/default was one).
            if sub.is_dir() and not sub.name.startswith((".", "_")) and sub.name.isidentifier():
                assert f"{name}.{sub.name}" in packages, f"{folder}/{sub.name} is not listed"
    assert setup["package-data"]["winnow.models.default"]
    assert (ROOT / "winnow" / "__init__.py").is_file() and "winnow" in packages
