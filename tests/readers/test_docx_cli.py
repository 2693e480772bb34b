"""The Word reader from the command line. Bad and hostile Word files: each refused with one clear ``file: error:`` line, exit 1,
nothing written; nothing outside the file is ever read (no network, no file); and `make all`
builds a Word source dropped into sources/ (in a copy of the repository)."""
from __future__ import annotations

import http.server
import io
import shutil
import struct
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from test_make import make, tracked_files

ROOT = Path(__file__).resolve().parents[2]
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS = "word/_rels/document.xml.rels"


def parse(source: Path, out: Path) -> subprocess.CompletedProcess:
    """`pipeline parse source -o out`."""
    return subprocess.run([sys.executable, "-m", "pipeline", "parse", str(source), "-o", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def word_file(text: str = "A NOTE ON RETURN\n\n1. Migrants return with skills.") -> bytes:
    """A small valid Word file made by python-docx, one paragraph per line of text."""
    d = docx.Document()
    for line in text.split("\n"):
        d.add_paragraph(line)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def parts_of(data: bytes) -> dict[str, bytes]:
    """The parts of a zip, by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def zipped(parts: dict[str, bytes]) -> bytes:
    """Parts as a zip."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in parts.items():
            z.writestr(name, body)
    return out.getvalue()


def with_relationship(data: bytes, kind: str, target: str, use: str = "") -> bytes:
    """The Word file with one more relationship of the document (external), and ``use``
    (document XML that refers to it as rIdX) in the first paragraph."""
    parts = parts_of(data)
    rels = etree.fromstring(parts[RELS])
    etree.SubElement(rels, "{http://schemas.openxmlformats.org/package/2006/relationships}"
                     "Relationship", Id="rIdX", Type=f"{REL}/{kind}", Target=target,
                     TargetMode="External")
    parts[RELS] = etree.tostring(rels)
    if use:
        parts["word/document.xml"] = parts["word/document.xml"].replace(b"</w:p>", use.encode() + b"</w:p>", 1)
    return zipped(parts)


def declared_size(data: bytes, name: str, size: int) -> bytes:
    """The zip with the uncompressed size of entry ``name`` declared as size, in its local
    header and in the central directory (the sizes a zip bomb lies about)."""
    buf = bytearray(data)
    at = 0
    while (at := buf.find(b"PK\x01\x02", at)) >= 0:
        name_len = struct.unpack_from("<H", buf, at + 28)[0]
        local = struct.unpack_from("<I", buf, at + 42)[0]
        if bytes(buf[at + 46:at + 46 + name_len]) == name.encode():
            struct.pack_into("<I", buf, at + 24, size)
            struct.pack_into("<I", buf, local + 22, size)
        at += 46
    return bytes(buf)


def bomb() -> bytes:
    """A Word file whose document.xml inflates from about 100 kilobytes to 100 megabytes."""
    parts = parts_of(word_file())
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"</w:body>", b" " * 100_000_000 + b"</w:body>")
    return zipped(parts)


def odt_renamed() -> bytes:
    """An OpenDocument package (its mimetype first), as if renamed .docx."""
    return zipped({"mimetype": b"application/vnd.oasis.opendocument.text",
                   "content.xml": b"<office:document-content/>"})


CASES = {
    "not-a-zip": (lambda: b"RETURN MIGRATION\n\n1. A text renamed .docx.\n", "not a zip package"),
    "zip-of-something-else": (lambda: zipped({"notes.txt": b"hello", "img.png": b"\x89PNG"}),
                              "a zip without word/document.xml"),
    "odt-renamed": (odt_renamed, "an OpenDocument file renamed .docx"),
    "zip-bomb": (bomb, "zip bomb"),
    "declared-4gb": (lambda: declared_size(word_file(), "word/document.xml", 0xFFFFFFF0),
                     "the package would inflate to 4,29"),
    "declared-too-small": (lambda: declared_size(word_file(), "word/document.xml", 100),
                           "the part word/document.xml is corrupt"),
    "corrupt-document-xml": (lambda: zipped({**parts_of(word_file()), "word/document.xml":
                                             parts_of(word_file())["word/document.xml"][:-40]}),
                             "word/document.xml is not well-formed XML"),
    "dtd-entity": (lambda: zipped({**parts_of(word_file()), "word/document.xml": (
        b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        + parts_of(word_file())["word/document.xml"].split(b"?>", 1)[1])}),
                   "declares a DTD"),
    "external-image-file": (lambda: with_relationship(word_file(), "image", "file:///etc/passwd"),
                            "links to an external image at 'file:///etc/passwd'"),
    "external-subdocument": (lambda: with_relationship(word_file(), "subDocument",
                                                       "file:///etc/hostname"),
                             "external subDocument"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_word_file_refused(case: str, tmp_path: Path) -> None:
    """One `file: error:` line naming the Word file and what is wrong; exit 1; no XML."""
    make_bytes, expected = CASES[case]
    source = tmp_path / f"{case}.en.docx"
    source.write_bytes(make_bytes())
    out = tmp_path / "build" / "xml" / f"{case}.en.xml"
    r = parse(source, out)
    assert r.returncode == 1, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{source}: error: "), r.stderr
    assert expected in lines[0]
    assert "root:" not in r.stderr + r.stdout
    assert not (tmp_path / "build").exists() or not any((tmp_path / "build").rglob("*.*"))


class _Recorder(http.server.BaseHTTPRequestHandler):
    """Records every request (there must be none)."""

    seen: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        """Record the request, answer it."""
        self.seen.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"\x89PNG fetched")

    def log_message(self, *args) -> None:
        """Quiet."""
        pass


@pytest.fixture
def server():
    """A local HTTP server on a free port; yields its address and the requests it got."""
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    _Recorder.seen = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}", _Recorder.seen
    httpd.shutdown()
    httpd.server_close()


def test_external_image_never_fetched(server, tmp_path: Path) -> None:
    """A picture linked to a web address, drawn in the text: refused, and never fetched."""
    address, seen = server
    blip = (f'<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:imagedata '
            f'xmlns:r="{REL}" r:id="rIdX"/></v:shape></w:pict></w:r>')
    source = tmp_path / "linked.en.docx"
    source.write_bytes(with_relationship(word_file(), "image", f"{address}/logo.png", blip))
    r = parse(source, tmp_path / "out.xml")
    assert r.returncode == 1 and f"external image at '{address}/logo.png'" in r.stderr
    assert seen == []


def test_hyperlink_is_text_never_fetched(server, tmp_path: Path) -> None:
    """A hyperlink to a web address is read (its words kept), the address never fetched."""
    address, seen = server
    link = (f'<w:hyperlink xmlns:r="{REL}" r:id="rIdX"><w:r><w:t xml:space="preserve"> '
            f'See the portal.</w:t></w:r></w:hyperlink>')
    source = tmp_path / "linked.en.docx"
    data = word_file("A NOTE ON RETURN\n1. Migrants return with skills.")
    source.write_bytes(with_relationship(data, "hyperlink", f"{address}/portal", link))
    out = tmp_path / "out.xml"
    r = parse(source, out)
    assert r.returncode == 0, r.stderr
    assert "See the portal." in out.read_text("utf-8")
    assert seen == []


def test_make_builds_a_word_source(tmp_path: Path) -> None:
    """A Word source dropped into sources/ of a copy is built by make all, named after the
    Word file (its sha256 recorded); a broken one fails alone, with its own error line."""
    from readers import docx_samples

    dest = tmp_path / "repo"
    for rel in tracked_files():
        if rel.startswith("sources/") and rel.endswith((".txt", ".xml", ".toml")):
            continue  # only the Word sources: a quick build
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, dest / rel)
    (dest / ".venv").symlink_to(ROOT / ".venv")
    (dest / "sources").mkdir(exist_ok=True)
    source = docx_samples.tab_agenda(dest / "sources/labour2026-programme.en.docx")
    (dest / "sources/broken.en.docx").write_bytes(b"not a zip")
    r = make(dest, "all", verbose=False)
    assert r.returncode != 0
    assert "sources/broken.en.docx: error: not a Word document" in r.stdout + r.stderr
    xml = dest / "build/xml/labour2026-programme.en.xml"
    root = etree.parse(str(xml)).getroot()
    import hashlib

    assert root.find("meta/source").get("file") == source.name
    assert root.find("meta/source").get("sha256") == hashlib.sha256(source.read_bytes()).hexdigest()
    assert len(root.findall("agenda/day/item")) == 6
    for fmt in ("html", "docx", "odt", "epub"):
        assert (dest / f"build/{fmt}/labour2026-programme.en.{fmt}").is_file(), fmt
    assert not list((dest / "build").rglob("broken.en.*"))


def test_check_reads_the_word_text(tmp_path: Path) -> None:
    """`pipeline check X.docx [X.xml]` checks the words of the Word file's text; a word
    missing from the XML is named, with the words of its paragraph."""
    source = tmp_path / "note.en.docx"
    source.write_bytes(word_file("A NOTE ON RETURN\n\n1. Migrants return with skills."))
    run = [sys.executable, "-m", "pipeline", "check", str(source)]
    r = subprocess.run(run, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "every word is in the XML" in r.stdout, r.stderr
    out = tmp_path / "note.en.xml"
    assert parse(source, out).returncode == 0
    out.write_text(out.read_text("utf-8").replace("with skills", "with"), "utf-8")
    r = subprocess.run(run + [str(out)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 1
    assert "'skills'" in r.stderr and "(at “1. Migrants return with skills.”)" in r.stderr
