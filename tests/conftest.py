"""Shared test options: ``--update-golden`` refreshes expected files (after you read them)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def pytest_addoption(parser: pytest.Parser) -> None:
    """Register --update-golden."""
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite expected.xml goldens from the current output (read the diff!)")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to refresh goldens."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository's top folder."""
    return ROOT
