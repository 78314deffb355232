#!/usr/bin/env python3
"""ralph (the LRS of the round-trip tests), with its filesystem backend appending and
filtering by activity and verb.

Ralph's filesystem backend writes its one file of statements once: a second POST fails
(500, "already exists and overwrite is not allowed"), so only one learner could ever send.
The scalable backends (Elasticsearch, MongoDB, ClickHouse) have no such limit. Here the
filesystem backend appends instead, so several learners can send to one test LRS. Run
Its filesystem backend also never matches the standard `activity` and `verb` filters: the
router wraps the value in ralph's IRI model, which the backend compares with the plain
string in each statement (never equal), so every filtered query answers no statements.
Here the value stays a string, as the other backends receive it in effect.

Run with the virtualenv's python, with ralph's own arguments:

    .build/lrs-venv/bin/python ralph_appending.py runserver -b fs ...
"""

import sys

from ralph.backends.data.base import BaseOperationType
from ralph.backends.data.fs import FSDataBackend
from ralph.__main__ import cli
import ralph.api.routers.statements as statements_router

FSDataBackend.default_operation_type = BaseOperationType.APPEND
statements_router.IRI = str

if __name__ == "__main__":
    sys.argv[0] = "ralph"
    sys.exit(cli.cli())
