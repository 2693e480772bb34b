"""make accuracy: every reader fixture through LibreOffice and five extractors and our PDF reader, scored.

python -m tests.accuracy.run [WORK_DIR] prints one row per text and the last line
``accuracy: P% over N texts, R refused``.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from .harness import run, table


def main() -> None:
    """Run the harness (in WORK_DIR, or a temporary folder) and print the table."""
    if len(sys.argv) > 1:
        work = Path(sys.argv[1])
        print(table(run(work)))
        return
    with tempfile.TemporaryDirectory(prefix="pipeline-accuracy-") as tmp:
        print(table(run(Path(tmp))))


if __name__ == "__main__":
    main()
