"""LibreOffice's own Accept All / Reject All Tracked Changes, run headless on a DOCX.

A throw-away user profile gets one Basic macro (``Standard.Module1.Resolve``) that opens
the document hidden, dispatches ``.uno:AcceptAllTrackedChanges`` (or ``Reject...``) and
saves the result as plain text. No mock: this is the command a reviser clicks.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from support.tools import ToolError, _run, require_tools, soffice_path

MODULE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" \
script:language="StarBasic">
Sub Resolve(src As String, dest As String, mode As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), &quot;_blank&quot;, 0, args())
  helper = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  Dim none(0) As New com.sun.star.beans.PropertyValue
  helper.executeDispatch(doc.getCurrentController().getFrame(), _
    &quot;.uno:&quot; &amp; mode &amp; &quot;AllTrackedChanges&quot;, &quot;&quot;, 0, none())
  Dim out(0) As New com.sun.star.beans.PropertyValue
  out(0).Name = &quot;FilterName&quot;
  out(0).Value = &quot;Text (encoded)&quot;
  doc.storeToURL(ConvertToURL(dest), out())
  doc.close(True)
End Sub
</script:module>
"""


def resolve_in_libreoffice(docx: Path, accept: bool, timeout: float = 180) -> list[str]:
    """The document's lines after LibreOffice accepts (or rejects) every tracked change."""
    require_tools("soffice")
    profile = Path(tempfile.mkdtemp(prefix="pipeline-soffice-macro-"))
    try:
        base = [soffice_path(), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                "--invisible", "--norestore", "--nologo", "--nolockcheck"]
        env = dict(os.environ, HOME=str(profile), SAL_USE_VCLPLUGIN="svp")
        # the first start writes a default profile (and Module1); ours goes in after it
        _run(base + ["--terminate_after_init"], timeout=timeout, what="soffice", env=env)
        (profile / "user" / "basic" / "Standard" / "Module1.xba").write_text(MODULE, "utf-8")
        dest = profile / "out.txt"
        mode = "Accept" if accept else "Reject"
        macro = f'macro:///Standard.Module1.Resolve("{Path(docx).resolve()}","{dest}","{mode}")'
        proc = _run(base + [macro], timeout=timeout, what="soffice", env=env)
        if not dest.is_file():
            raise ToolError(f"LibreOffice did not {mode.lower()} the changes of {docx} "
                            f"(exit {proc.returncode}): {proc.stderr.decode(errors='replace')}")
        return dest.read_text("utf-8-sig").splitlines()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
