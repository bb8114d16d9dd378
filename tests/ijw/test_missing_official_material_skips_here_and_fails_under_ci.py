# SPDX-License-Identifier: EUPL-1.2
"""Without ``../shared`` a developer's clone skips the iJw tests that need the official
material, with the reason; under CI (``CI`` or ``JEUGDREGIE_REQUIRE_SHARED``) it fails."""

from pathlib import Path

import pytest

from .shared import folder


def test_a_folder_that_exists_is_returned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("IJW_TEST_DIR", raising=False)
    assert folder("IJW_TEST_DIR", tmp_path) == tmp_path.resolve()


def test_a_missing_folder_skips_with_the_reason_on_a_developers_clone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("JEUGDREGIE_REQUIRE_SHARED", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"does not exist.*skipped, CI runs it"):
        folder("IJW_TEST_DIR", tmp_path / "absent")


@pytest.mark.parametrize("variable", ["CI", "JEUGDREGIE_REQUIRE_SHARED"])
def test_a_missing_folder_fails_under_ci(
    variable: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("JEUGDREGIE_REQUIRE_SHARED", raising=False)
    monkeypatch.setenv(variable, "1")
    with pytest.raises(AssertionError, match="CI needs it"):
        folder("IJW_TEST_DIR", tmp_path / "absent")
