"""What ``make all`` writes for translators (run by pipeline/batch.py, as its other jobs):
for each document id with two language versions or more, build/tmx/<docid>.tmx (a memory of
every version, English first when there is one) and build/xliff/<docid>.<src>-<lang>.xlf
(the first version into each other language, its targets filled from that version)."""
from __future__ import annotations

from pathlib import Path

from ..documents import doc_name, language_versions, load_valid
from ..fsutil import atomic_write

#: (kind, document id, inputs, output): kind is "tmx" or "xliff".
Spec = tuple[str, str, tuple[Path, ...], Path]


def translations(out: Path, sources: tuple[Path, ...]) -> list[Spec]:
    """Every memory and XLIFF file to make."""
    specs: list[Spec] = []
    for docid in sorted({doc_name(s).split(".")[0] for s in sources}):
        langs = sorted(language_versions(docid, sources), key=lambda lang: (lang != "en", lang))
        if len(langs) < 2:
            continue
        xml = [out / "xml" / f"{docid}.{lang}.xml" for lang in langs]
        specs.append(("tmx", docid, tuple(xml), out / "tmx" / f"{docid}.tmx"))
        for lang, target in zip(langs[1:], xml[1:]):
            specs.append(("xliff", docid, (xml[0], target),
                          out / "xliff" / f"{docid}.{langs[0]}-{lang}.xlf"))
    return specs


def write_translation(spec: Spec) -> None:
    """Write one memory or XLIFF file from the XML that exist (a failed document is left out)."""
    kind, docid, inputs, dest = spec
    present = [p for p in inputs if p.exists()]
    if len(present) < 2:
        return
    trees = [load_valid(p) for p in present]
    if kind == "tmx":
        from .tmx import memory, write

        atomic_write(dest, write(*memory(trees, docid)))
    else:
        from .xliff import export

        lang = trees[1].getroot().get("{http://www.w3.org/XML/1998/namespace}lang")
        atomic_write(dest, export(trees[0], lang, present[0].name, translation=trees[1]))
