"""OmegaT (Debian package omegat) in console mode: a project made of XLIFF files and a
memory, translated by ``--mode=console-translate`` (imported as ``omegat``)."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree

from support.tools import require

JAR = Path("/usr/share/omegat/OmegaT.jar")
PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>{source}</source_lang>
    <target_lang>{target}</target_lang>
    <sentence_seg>{sentences}</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""


#: OmegaT's preferences for the run: read a TMX's level-2 tags (<ph type="x-...">) as its
#: own tags (<x0/>, the letter from the type), so that a sentence with a footnote reference
#: matches exactly.
PREFERENCES = """<?xml version="1.0" encoding="UTF-8"?>
<omegat>
  <preference version="1.0">
    <ext_tmx_show_level2>true</ext_tmx_show_level2>
    <ext_tmx_use_slash>true</ext_tmx_use_slash>
  </preference>
</omegat>
"""


def require_omegat() -> None:
    """Skip (or fail under PIPELINE_REQUIRE_TOOLS=1) when OmegaT or java is missing."""
    require("OmegaT", JAR.is_file() and shutil.which("java") is not None,
            "no /usr/share/omegat/OmegaT.jar; run tools/install-system-deps.sh (Debian omegat)")


def translate(project: Path, files: list[Path], memories: list[Path], source: str, target: str,
              sentences: bool = False) -> dict[str, Path]:
    """Make an OmegaT project of files (in source/) and memories (in tm/auto/, whose exact
    matches OmegaT puts in), run console-translate; return the translated files by name."""
    require_omegat()
    for sub in ("source", "target", "tm/auto", "omegat", "glossary", "dictionary"):
        (project / sub).mkdir(parents=True, exist_ok=True)
    (project / "omegat.project").write_text(PROJECT.format(
        source=source, target=target, sentences=str(sentences).lower()), "utf-8")
    for f in files:
        shutil.copy(f, project / "source" / f.name)
    for m in memories:
        shutil.copy(m, project / "tm" / "auto" / m.name)
    with tempfile.TemporaryDirectory(prefix="omegat-config-") as config:
        (Path(config) / "omegat.prefs").write_text(PREFERENCES, "utf-8")
        proc = subprocess.run(["java", "-Djava.awt.headless=true", "-jar", str(JAR), str(project),
                               "--mode=console-translate", f"--config-dir={config}"],
                              capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return {f.name: project / "target" / f.name for f in files}


def tag_text(el: etree._Element) -> str:
    """XLIFF inline content as OmegaT shows it: <x0/>, <g1>...</g1>, numbered in order."""
    out = [escape(el.text or "")]
    count = [0]

    def walk(node: etree._Element) -> None:
        """Add the tags of node's children and their text."""
        for child in node:
            name = etree.QName(child).localname
            n = count[0]
            count[0] += 1
            if name == "g":
                out.append(f"<g{n}>" + escape(child.text or ""))
                walk(child)
                out.append(f"</g{n}>")
            else:
                out.append(f"<{name}{n}/>")
            out.append(escape(child.tail or ""))
    walk(el)
    return "".join(out)


def memory(pairs: list[tuple[str, str]], source: str, target: str, dest: Path) -> Path:
    """A TMX of (source, target) texts already in OmegaT's tag form (tag_text)."""
    body = "".join(f'<tu><tuv xml:lang="{source}"><seg>{escape(a)}</seg></tuv>'
                   f'<tuv xml:lang="{target}"><seg>{escape(b)}</seg></tuv></tu>\n' for a, b in pairs)
    dest.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header '
                    'creationtool="tests" creationtoolversion="1" segtype="paragraph" o-tmf="none" '
                    f'adminlang="en" srclang="{source}" datatype="plaintext"/><body>\n{body}</body></tmx>\n',
                    "utf-8")
    return dest
