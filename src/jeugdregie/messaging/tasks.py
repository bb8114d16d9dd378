# SPDX-License-Identifier: EUPL-1.2
"""The message import as tasks (django-tasks): one task receives one provider's files in
file order (``import_batches.batch_enqueue`` makes them; a worker on the ``ijw`` queue runs
them). The result holds per file the outcome and the retour's codes, never its content."""

import logging
import traceback
from typing import Any

from django_tasks import TaskContext, task

from jeugdregie.messaging.constants import IMPORT_QUEUE
from jeugdregie.messaging.services.import_workers import worker_alive
from jeugdregie.messaging.services.imports import group_import

__all__ = ["ImportTaskFailedError", "provider_files_import"]

logger = logging.getLogger(__name__)


class ImportTaskFailedError(Exception):
    """Raised in place of the import's own exception, whose message the task backend would
    store (it may name a person): only the exception's class goes along."""


@task(queue_name=IMPORT_QUEUE, takes_context=True)
def provider_files_import(context: TaskContext, batch: str, files: list[Any]) -> dict[str, Any]:
    """Receive the files of one provider of import batch ``batch``: ``files`` holds per file
    [position in the batch, path as given, absolute path]. Each message is its own
    transaction and a file received before is skipped, so the task can simply run again
    after its worker was killed (``import_batches.import_tasks_recover``)."""
    group = [(int(index), str(shown), str(absolute)) for index, shown, absolute in files]
    try:
        with worker_alive(task_id=str(context.task_result.id)):
            done, error = group_import(group)
    except Exception as failure:
        kind = f"{type(failure).__module__}.{type(failure).__qualname__}"
        frames = "".join(traceback.format_tb(failure.__traceback__))  # where, not whom
        logger.error("import task of batch %s failed with %s\n%s", batch, kind, frames)
        raise ImportTaskFailedError(kind) from None
    return {"batch": batch, "results": [[index, result] for index, result in done], "error": error}
