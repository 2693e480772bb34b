"""The Word reader: the document's lines, with what the layout says of them, into the text
reader's builders (readers/text), so that every agenda and paper rule holds once."""
from __future__ import annotations

from lxml import etree

from ...errors import Diagnostic, PipelineError


def read_docx_source(data: bytes, filename: str, doc_type: str | None = None,
                    lang: str | None = None, check: bool = True
                    ) -> tuple[etree._ElementTree, list[Diagnostic]]:
    """Read a Word file into a valid tree (not built yet: a clear error)."""
    raise PipelineError(Diagnostic(filename, None, "Word sources cannot be read yet"))
