# SPDX-License-Identifier: EUPL-1.2
"""A receipt names the exact rule set file it was evaluated under by the SHA-256 of its
bytes (what ``sha256sum`` prints for the file in the policy tree); the rule set files moved
to the policy tree byte for byte (and, since the corrections of December 2026, are kept byte
for byte as the superseded encodings ``2020-08@1`` and ``2022-01@1``); receipts made before
get the hash where their file is provably the one they were evaluated under, and stay empty
otherwise."""

import hashlib
import shutil
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from jeugdregie.core.policy import AFWEGINGSKADER, BUILTIN_DIR, DEFAULT_REGION
from jeugdregie.framework.engine.rulesets import SUPERSEDED_DIR
from jeugdregie.framework.services import evaluate_and_record
from jeugdregie.framework.tests.examples import as_case, case_data

RULESETS = BUILTIN_DIR / DEFAULT_REGION / AFWEGINGSKADER

# sha256sum of src/jeugdregie/framework/rulesets/*.yaml before the move (commit 1c7d90e).
BEFORE_THE_MOVE = {
    "2020-08.yaml": "6cf0a13b77dcd27983966ede60ed740ffd9057ffbe2fdfc90ac4f039f5e3f6a7",
    "2022-01.yaml": "7a12748c059ea2ddf281d61dfaa530921fccdbdcf441529d5c999778f837e4ca",
}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_rule_set_files_moved_byte_for_byte_and_are_kept_as_their_first_revision():
    first_revisions = {
        path.name.replace("@1", ""): _sha256(path)
        for path in sorted(SUPERSEDED_DIR.glob("*@1.yaml"))
    }
    assert first_revisions == BEFORE_THE_MOVE


@pytest.mark.django_db
def test_a_receipt_holds_the_sha256_of_the_file_it_was_evaluated_under():
    _, receipt = evaluate_and_record(case=as_case(case_data()))  # request date 2022-03-14

    receipt.refresh_from_db()
    assert receipt.version == "2022-01"
    assert receipt.file_sha256 == _sha256(RULESETS / "2022-01.yaml")
    assert receipt.file_sha256 != BEFORE_THE_MOVE["2022-01.yaml"]  # corrected December 2026


@pytest.mark.django_db
def test_a_regions_own_rule_sets_replace_the_built_in_ones_and_their_hash_is_recorded(
    settings, tmp_path
):
    own = tmp_path / DEFAULT_REGION / AFWEGINGSKADER
    own.mkdir(parents=True)
    shutil.copy(RULESETS / "2020-08.yaml", own / "2020-08.yaml")
    text = (RULESETS / "2022-01.yaml").read_text(encoding="utf-8")
    (own / "2022-01.yaml").write_text(text + "# Vastgesteld door het AB, 2021-12-09.\n")
    settings.JEUGDREGIE_POLICY_DIR = str(tmp_path)

    _, receipt = evaluate_and_record(case=as_case(case_data()))

    assert receipt.file_sha256 == _sha256(own / "2022-01.yaml")
    assert receipt.file_sha256 != BEFORE_THE_MOVE["2022-01.yaml"]
    assert receipt.content_hash == receipt.file_sha256


BEFORE = [("framework", "0002_receipts_encrypted")]
AFTER = [("framework", "0003_receipt_file_sha256")]


def _migrate(targets: list[tuple[str, str]]) -> Any:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_existing_receipts_get_the_hash_only_when_their_file_is_provably_theirs() -> None:
    rows = {
        # evaluated under the file as it is in the tree: its content hash is the file's
        "same file": ("2022-01", _sha256(RULESETS / "2022-01.yaml")),
        # evaluated under other bytes of 2022-01 (the file would have changed since)
        "changed file": ("2022-01", "0" * 64),
        # a version whose file is no longer in the tree
        "no file": ("2019-01", "1" * 64),
    }
    old = _migrate(BEFORE)
    try:
        receipt = old.get_model("framework", "EvaluationReceipt")
        ids = {
            name: receipt.objects.create(
                ruleset_id="afwegingskader",
                version=version,
                content_hash=content_hash,
                engine_version="1",
                case_id=name,
                inputs={"case_id": name, "facts": {}},
                outcome="voldaan",
                result={},
            ).pk
            for name, (version, content_hash) in rows.items()
        }
        _migrate(AFTER)
    finally:
        _migrate(
            [
                key
                for key in MigrationExecutor(connection).loader.graph.leaf_nodes()
                if key[0] == "framework"
            ]
        )
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, file_sha256 FROM framework_evaluationreceipt")
        hashes = dict(cursor.fetchall())

    assert hashes[ids["same file"]] == _sha256(RULESETS / "2022-01.yaml")
    assert hashes[ids["changed file"]] == ""
    assert hashes[ids["no file"]] == ""
