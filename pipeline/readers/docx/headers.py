"""Headers and footers (python-docx; pandoc leaves them out): running headers, footers and
page numbers are page furniture and stay out, but a first page's own header is the top of
the document: UN templates print the masthead there (United Nations, the organ, the
symbol, Distr., the date, Original), in a table."""
from __future__ import annotations

import io
import re

import docx
from docx.table import Table

from ...errors import Diagnostic

#: A tab in a header (fields set apart: "United Nations<TAB>A/80/97") becomes a gap.
GAP_MARK = "\x00"
#: A page number or a "Page N" field left in a header.
PAGE_RE = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)


def first_page_header(package: bytes, filename: str) -> tuple[list[str], list[Diagnostic]]:
    """The lines of the first section's first-page header, when the document has one of
    its own (a cell's paragraphs in turn, rows in order, cells left to right); page numbers
    dropped."""
    try:
        section = docx.Document(io.BytesIO(package)).sections[0]
        if not section.different_first_page_header_footer:
            return [], []
        header = section.first_page_header
        if header.is_linked_to_previous:
            return [], []
        texts = list(_texts(header))
    except (KeyError, ValueError, AttributeError, IndexError) as exc:
        return [], [Diagnostic(filename, None, f"the first page's header is not read "
                                               f"(python-docx: {exc})", "warning")]
    lines = [re.sub(r"\s+", " ", t.replace("\t", GAP_MARK)).replace(GAP_MARK, "   ").strip()
             for t in texts]
    return [t for t in lines if t and not PAGE_RE.match(t)], []


def _texts(container):
    """The texts of a header's paragraphs and tables, in order."""
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue  # a merged cell is listed once per column it spans
                    seen.add(id(cell._tc))
                    yield from _texts(cell)
        else:
            yield block.text
