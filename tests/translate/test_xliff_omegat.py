"""OmegaT translates our XLIFF with a memory, and the import of its output is the
expected language version."""
from __future__ import annotations

from collections import defaultdict

from lxml import etree

import omegat_support as omegat
from translate_support import DOCS, XLF, body_of, export, pipeline


def targets(xlf) -> dict[str, tuple[str, str]]:
    """unit id -> (source, target) in OmegaT's tag form, for the translatable units."""
    return {u.get("id"): (omegat.tag_text(u.find(XLF + "source")), omegat.tag_text(u.find(XLF + "target")))
            for u in etree.parse(str(xlf)).iter(XLF + "trans-unit") if u.get("translate") != "no"}


def test_omegat_translates_the_xliff_with_a_memory(seed, tmp_path):
    """English seeds exported with --copy-source, a memory of their units' Spanish (from
    the Spanish seeds, in OmegaT's tag form): OmegaT fills every unit from it, and the import
    of its files is the Spanish seed (provenance aside). One English text with two Spanish
    translations ("Moderator": Moderador, Moderadora) gets one of them in both places: the
    only difference allowed."""
    omegat.require_omegat()
    files, expected = [], {}
    translations: dict[str, set[str]] = defaultdict(set)
    for docid in DOCS:
        files.append(export(tmp_path, seed(docid, "en"), "es", "--copy-source"))
        (tmp_path / docid).mkdir()
        done = export(tmp_path / docid, seed(docid, "en"), "es", "--translation", str(seed(docid, "es")))
        expected[docid] = targets(done)
        for source, target in expected[docid].values():
            translations[source].add(target)
    pairs = sorted({(s, t) for s, ts in translations.items() for t in ts})
    tmx = omegat.memory(pairs, "en", "es", tmp_path / "seeds.tmx")
    translated = omegat.translate(tmp_path / "project", files, [tmx], "en", "es")
    for docid, xlf in zip(DOCS, files):
        got = targets(translated[xlf.name])
        assert got.keys() == expected[docid].keys()
        differ = [i for i in got if got[i] != expected[docid][i]]
        assert all(len(translations[expected[docid][i][0]]) > 1 and got[i][1] in
                   translations[expected[docid][i][0]] for i in differ), differ
        out = tmp_path / f"{docid}.es.xml"
        pipeline("xliff", "import", str(translated[xlf.name]), "-o", str(out))
        pipeline("validate", str(out))
        if not differ:
            assert body_of(out) == body_of(seed(docid, "es")), docid
