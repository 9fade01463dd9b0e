"""Fixtures for the moat Python package tests (run by CTest: see tests/CMakeLists.txt).

The package under test comes from PYTHONPATH (the build tree); MOAT_CLI names the
built `moat` program and MOAT_BUILD_DIR the build tree when the tests need them."""

import os
import pathlib

import pytest

import moat

SOURCE = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE = SOURCE / "models" / "examples" / "closed-ecs"
FIXTURES = SOURCE / "tests" / "fixtures"


@pytest.fixture(scope="session")
def after() -> moat.Network:
    return moat.load_scenario(EXAMPLE / "after" / "moat.json")


@pytest.fixture(scope="session")
def before() -> moat.Network:
    return moat.load_scenario(EXAMPLE / "before" / "moat.json")


@pytest.fixture(scope="session")
def moat_cli() -> str:
    cli = os.environ.get("MOAT_CLI")
    if not cli:
        pytest.skip("MOAT_CLI is not set (the moat program is not built)")
    return cli
