"""The Word file as a zip package, opened safely: every part we keep inflated within limits,
every XML part well-formed and without a DTD, no external relationship followed.

After ``open_package`` runs, the package is a dict of part name -> bytes that pandoc and
python-docx may read without touching the disk or the network outside it: the declared and
the actual size of each part were checked before and while it was inflated (a zip bomb is
refused, not inflated), and the only external relationships left are hyperlinks (their
address is text, never fetched). Anything else is a PipelineError naming the file.
"""
from __future__ import annotations

import io
import zipfile

from lxml import etree

from ...errors import Diagnostic, PipelineError

#: The most a Word file may hold once inflated, all parts together (a long report is a few
#: megabytes of XML; images count too, as pandoc reads them).
MAX_TOTAL = 256 * 1024 * 1024
#: The most parts a package may hold.
MAX_PARTS = 5000
#: A part that inflates more than this many times its compressed size, past one megabyte,
#: is a zip bomb (XML compresses ten to a hundred times).
MAX_RATIO = 500
CHUNK = 1 << 16
MAIN_PART = "word/document.xml"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
#: External relationships a Word file may carry without being refused: a hyperlink is an
#: address in the text; the attached template is the author's Normal.dotm (dropped).
HYPERLINK = "/hyperlink"
TEMPLATE = "/attachedTemplate"
ODF_MIMETYPE = b"application/vnd.oasis.opendocument"


def fail(filename: str, message: str) -> PipelineError:
    """The error that refuses the Word file."""
    return PipelineError(Diagnostic(filename, None, message))


def open_package(data: bytes, filename: str) -> dict[str, bytes]:
    """The parts of a Word file (name -> bytes), checked as the module docstring says."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise fail(filename, "not a Word document: the file is not a zip package (save it "
                             "as .docx from Word or LibreOffice)") from None
    with archive:
        infos = archive.infolist()
        _check_listing(infos, filename)
        parts = {info.filename: _inflate(archive, info, filename) for info in infos
                 if not info.is_dir()}
    if parts.get("mimetype", b"").startswith(ODF_MIMETYPE):
        raise fail(filename, "not a Word document: an OpenDocument file renamed .docx "
                             "(save it as Word .docx)")
    if MAIN_PART not in parts or "[Content_Types].xml" not in parts:
        raise fail(filename, f"not a Word document: a zip without {MAIN_PART} (a renamed "
                             "zip of something else?)")
    for name, body in parts.items():
        if name.endswith((".xml", ".rels")):
            _check_xml(body, name, filename)
    for name in [n for n in parts if n.endswith(".rels")]:
        parts[name] = _checked_relationships(parts[name], name, filename)
    return parts


def _check_listing(infos: list[zipfile.ZipInfo], filename: str) -> None:
    """Refuse, before inflating anything, a package whose declared sizes are too large."""
    if len(infos) > MAX_PARTS:
        raise fail(filename, f"not read: the package holds {len(infos)} parts (at most "
                             f"{MAX_PARTS})")
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL:
        raise fail(filename, f"not read: the package would inflate to {total:,} bytes (at "
                             f"most {MAX_TOTAL:,}: a zip bomb, or a document to split)")
    for info in infos:
        if info.flag_bits & 0x1:
            raise fail(filename, f"not read: {info.filename} is encrypted (remove the "
                                 "password in Word first)")
        if info.file_size > (1 << 20) and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise fail(filename, f"not read: {info.filename} would inflate "
                                 f"{info.file_size // max(info.compress_size, 1):,} times "
                                 "(a zip bomb)")


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, filename: str) -> bytes:
    """One part's bytes, read chunk by chunk and refused as soon as it passes its declared
    size (the listing may lie) or the total limit."""
    out = bytearray()
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                out += chunk
                if len(out) > info.file_size or len(out) > MAX_TOTAL:
                    raise fail(filename, f"not read: {info.filename} inflates past its "
                                         "declared size (a zip bomb, or a corrupt package)")
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise fail(filename, f"not read: the part {info.filename} is corrupt ({exc})") from None
    return bytes(out)


def _check_xml(body: bytes, part: str, filename: str) -> None:
    """Refuse an XML part that is not well-formed or declares a DTD (entities)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False)
    try:
        tree = etree.fromstring(body, parser).getroottree()
    except etree.XMLSyntaxError as exc:
        raise fail(filename, f"not read: {part} is not well-formed XML (line "
                             f"{exc.lineno}: {exc.msg}); the file is corrupt") from None
    if tree.docinfo.doctype:
        raise fail(filename, f"not read: {part} declares a DTD, which a Word document "
                             "never does")


def _checked_relationships(body: bytes, part: str, filename: str) -> bytes:
    """The relationships part without the attached template; an external relationship other
    than a hyperlink is refused (never fetched)."""
    root = etree.fromstring(body)
    for rel in list(root.iter(f"{{{REL_NS}}}Relationship")):
        if rel.get("TargetMode") != "External":
            continue
        kind = rel.get("Type", "")
        if kind.endswith(HYPERLINK):
            continue
        if kind.endswith(TEMPLATE):
            root.remove(rel)
            continue
        raise fail(filename, f"not read: {part} links to an external "
                             f"{kind.rsplit('/', 1)[-1]} at {rel.get('Target', '')!r} "
                             "(never fetched: embed it in the document, or remove the link)")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def to_zip(parts: dict[str, bytes]) -> bytes:
    """The parts as a zip package again, for pandoc and python-docx."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts.items():
            archive.writestr(name, body)
    return out.getvalue()
