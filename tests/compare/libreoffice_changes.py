"""LibreOffice's own Accept All / Reject All Tracked Changes, run headless on DOCX files.

A throw-away user profile gets one Basic macro (``Standard.Module1.ResolveAll``) that reads
a list of jobs (mode, source, destination: one a line, tab-separated), and for each opens
the document hidden, dispatches ``.uno:AcceptAllTrackedChanges`` (or ``Reject...``; mode
``Keep`` dispatches nothing) and saves the result as plain text (the body) and as DOCX
(read back for its footnotes, which the text leaves out). One LibreOffice process for all
the files. No mock: this is the command a reviser clicks.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from support.tools import ToolError, _run, require_tools, soffice_path

MODULE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" \
script:language="StarBasic">
Sub ResolveAll(list As String)
  Dim line As String
  n = FreeFile()
  Open list For Input As #n
  Do While Not EOF(n)
    Line Input #n, line
    If Len(line) &gt; 0 Then
      parts = Split(line, Chr(9))
      Resolve(parts(1), parts(2), parts(0))
    End If
  Loop
  Close #n
End Sub

Sub Resolve(src As String, dest As String, mode As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), &quot;_blank&quot;, 0, args())
  If mode &lt;&gt; &quot;Keep&quot; Then
    helper = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
    Dim none(0) As New com.sun.star.beans.PropertyValue
    helper.executeDispatch(doc.getCurrentController().getFrame(), _
      &quot;.uno:&quot; &amp; mode &amp; &quot;AllTrackedChanges&quot;, &quot;&quot;, 0, none())
  End If
  Dim out(0) As New com.sun.star.beans.PropertyValue
  out(0).Name = &quot;FilterName&quot;
  out(0).Value = &quot;Text (encoded)&quot;
  doc.storeToURL(ConvertToURL(dest), out())
  out(0).Value = &quot;MS Word 2007 XML&quot;
  doc.storeToURL(ConvertToURL(dest &amp; &quot;.docx&quot;), out())
  doc.close(True)
End Sub
</script:module>
"""
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: What each mode does: True accepts every change, False rejects them, None keeps them.
MODES = {True: "Accept", False: "Reject", None: "Keep"}


@dataclass(frozen=True)
class Resolved:
    """A document as LibreOffice left it: the body's lines, each footnote's text (in the
    order of the references), the style of each paragraph of the body and its tables that
    holds text."""

    lines: list[str]
    footnotes: list[str]
    styles: list[str]


def read_back(docx: Path) -> tuple[list[str], list[str]]:
    """The footnotes' texts and the paragraphs' styles of a DOCX LibreOffice saved."""
    with zipfile.ZipFile(docx) as zf:
        doc = etree.fromstring(zf.read("word/document.xml"))
        names = zf.namelist()
        notes = etree.fromstring(zf.read("word/footnotes.xml")) \
            if "word/footnotes.xml" in names else None
    texts = {fn.get(f"{W}id"): " ".join("".join(t.text or "" for t in fn.iter(f"{W}t")).split())
             for fn in (notes if notes is not None else [])}
    footnotes = [texts.get(ref.get(f"{W}id"), "?") for ref in doc.iter(f"{W}footnoteReference")]
    styles = [_style(p) for p in doc.iter(f"{W}p") if "".join(p.itertext()).strip()]
    return footnotes, styles


def _style(p: etree._Element) -> str:
    """A paragraph's style id ("" for none)."""
    style = p.find(f"{W}pPr/{W}pStyle")
    return style.get(f"{W}val") if style is not None else ""


def resolve_many(jobs: list[tuple[Path, bool | None]], timeout: float = 300) -> list[Resolved]:
    """For each (docx, accept) the document after LibreOffice accepts (True) or rejects
    (False) every tracked change, or as it opens (None); one LibreOffice run."""
    require_tools("soffice")
    profile = Path(tempfile.mkdtemp(prefix="pipeline-soffice-macro-"))
    try:
        base = [soffice_path(), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                "--invisible", "--norestore", "--nologo", "--nolockcheck"]
        env = dict(os.environ, HOME=str(profile), SAL_USE_VCLPLUGIN="svp")
        # the first start writes a default profile (and Module1); ours goes in after it
        _run(base + ["--terminate_after_init"], timeout=timeout, what="soffice", env=env)
        (profile / "user" / "basic" / "Standard" / "Module1.xba").write_text(MODULE, "utf-8")
        dests = [profile / f"out{k}.txt" for k in range(len(jobs))]
        listing = profile / "jobs.txt"
        listing.write_text("".join(f"{MODES[accept]}\t{Path(src).resolve()}\t{dest}\n"
                                   for (src, accept), dest in zip(jobs, dests)), "utf-8")
        macro = f'macro:///Standard.Module1.ResolveAll("{listing}")'
        proc = _run(base + [macro], timeout=timeout, what="soffice", env=env)
        missing = [str(src) for (src, _), dest in zip(jobs, dests) if not dest.is_file()]
        if missing:
            raise ToolError(f"LibreOffice did not resolve the changes of {', '.join(missing)} "
                            f"(exit {proc.returncode}): {proc.stderr.decode(errors='replace')}")
        return [Resolved(dest.read_text("utf-8-sig").splitlines(),
                         *read_back(Path(f"{dest}.docx"))) for dest in dests]
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def resolve_in_libreoffice(docx: Path, accept: bool, timeout: float = 180) -> list[str]:
    """The document's lines after LibreOffice accepts (or rejects) every tracked change."""
    return resolve_many([(docx, accept)], timeout)[0].lines
