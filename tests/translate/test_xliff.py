"""XLIFF 1.2 export and import: the OASIS schema, structural ids, inline codes, protection,
refusals, and translate-toolkit reading and writing the files back."""
from __future__ import annotations

import copy
from importlib.util import find_spec
from pathlib import Path

import pytest
from lxml import etree

from translate_support import DOCS, FIXTURES, XLF, body_of, export, pipeline, units
from support.tools import require

SAMPLE = FIXTURES / "sample.en.xml"
ITEM = "agenda/day[2030-05-06]/item[10:00]"
#: A provisional agenda with a programme of work in an annex and an annex in prose (R16).
WORK = """<document id="work" type="agenda" xml:lang="fr" version="2">
  <meta><title>Ordre du jour provisoire</title><source file="work.fr.txt" sha256="{sha}"/></meta>
  <agenda>
    <entry n="1"><title>Questions d’organisation.</title></entry>
    <entry n="2"><title>Débat général.</title></entry>
    <annex n="I"><heading>Annexe I</heading><heading>Projet de programme de travail</heading>
      <p>Le programme pourra être modifié.</p>
      <entry n="1" day="2029-04-09" start="10:00" end="13:00"><title>Questions d’organisation</title></entry>
      <entry n="2" day="2029-04-09" start="10:00" end="13:00"><title>Débat général</title></entry>
      <entry n="2" day="2029-04-09" start="15:00" end="18:00"><title>Débat général (suite)</title></entry>
      <entry n="3(a)" day="2029-04-10" start="10:00"><title>Rapport sur les travaux</title></entry>
    </annex>
    <annex n="II"><heading>Annexe II</heading><heading>Organisation des travaux</heading>
      <para n="1"><p>La Commission disposera de quatre séances.</p>
        <list style="alpha"><item n="a">Le lundi : points 1 et 2 ;</item></list></para>
      <para n="2"><p>Les séances se tiendront en salle 4.</p></para>
    </annex>
  </agenda>
</document>
"""


@pytest.mark.parametrize("docid", DOCS)
@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_export_of_each_seed_is_valid_xliff_12(seed, xliff_schema, tmp_path, docid, lang):
    """Plain, copy-source and pre-translated exports all validate against the OASIS XSD."""
    other = "fr" if lang != "fr" else "en"
    for extra in ((), ("--copy-source",), ("--translation", str(seed(docid, other)))):
        xlf = export(tmp_path, seed(docid, lang), other, *extra)
        doc = etree.parse(str(xlf))
        assert xliff_schema.validate(doc), f"{extra}: {xliff_schema.error_log}"


@pytest.mark.parametrize("docid", DOCS)
def test_ids_are_the_same_in_every_language_version(seed, tmp_path, docid):
    """Ids come from structure, so the three versions of a seed have the same units."""
    ids = {lang: list(units(export(tmp_path, seed(docid, lang), "de"))) for lang in ("en", "fr", "es")}
    assert ids["en"] == ids["fr"] == ids["es"]
    assert len(ids["en"]) > 20


def test_ids_survive_a_revision(tmp_path):
    """Editing a text and adding a paragraph after the others leaves every other id alone."""
    tree = etree.parse(str(SAMPLE))
    before = list(units(export(tmp_path, SAMPLE, "fr")))
    tree.find(".//item/p").text = "Someone else opens the session "
    new = etree.SubElement(tree.find(".//item"), "p")
    new.text = "A new paragraph."
    tree.find(".//item").insert(2, new)
    revised = tmp_path / "rev" / "sample.en.xml"
    revised.parent.mkdir()
    tree.write(str(revised), encoding="utf-8", xml_declaration=True)
    after = list(units(export(tmp_path / "rev", revised, "fr")))
    assert [i for i in after if i != f"{ITEM}/p[#2]"] == before


def test_units_codes_and_protection(tmp_path):
    """One unit per leaf and label; codes for noteref, emph, strong; names, times,
    symbols and ITS translate="no" protected."""
    u = units(export(tmp_path, SAMPLE, "fr"))
    assert f"{ITEM}/@label" in u and f"{ITEM}/moderator[#1]/@label" in u
    assert u["meta/symbol"].get("translate") == "no"
    assert u[f"{ITEM}/moderator[#1]/person[#1]/name"].get("translate") == "no"
    assert u[f"{ITEM}/questions/question[#2]"].get("translate") == "no"
    assert u[f"{ITEM}/questions/question[#1]"].get("translate") is None
    source = u[f"{ITEM}/p[#1]"].find(XLF + "source")
    codes = [(etree.QName(c).localname, c.get("ctype"), c.get("id"), c.text) for c in source.iter()
             if c is not source]
    assert codes == [("ph", "x-name", "1", "Jane Doe"), ("ph", "x-time", "2", "10:00"),
                     ("x", "x-noteref", "3", None), ("g", "bold", "4", "Bring "),
                     ("g", "italic", "5", "your")]
    assert "".join(source.itertext()) == "Jane Doe opens the session at 10:00 sharp. Bring your papers."


FRENCH = {
    "meta/title": 'Programme type pour l’aller-retour <g id="1" ctype="italic">XLIFF</g>',
    "meta/dates": "6 mai 2030",
    "agenda/heading": "Programme",
    "agenda/day[2030-05-06]/heading": "6 mai 2030 Première journée",
    f"{ITEM}/@label": "Séance",
    f"{ITEM}/title": "Ouverture et bienvenue",
    # the translator moves the codes, and edits a protected time (the import restores it)
    f"{ITEM}/p[#1]": '<g id="4" ctype="bold">Apportez <g id="5" ctype="italic">vos</g> '
                     'documents.</g> <ph id="1" ctype="x-name">Jane Doe</ph> ouvre la séance '
                     'à <ph id="2" ctype="x-time">10 h 00</ph> précises.<x id="3" ctype="x-noteref"/>',
    f"{ITEM}/moderator[#1]/@label": "Modératrice",
    f"{ITEM}/moderator[#1]/person[#1]/role": "Directrice, Bureau exemple",
    f"{ITEM}/questions/lead": "Les questions suivantes guident le débat :",
    f"{ITEM}/questions/question[#1]": "Et ensuite ?",
    f"{ITEM}/discussion": "Débat général",
    "footnotes/footnote[1]": "Une note sur l’ouverture.",
}


def translate(xlf: Path, texts: dict[str, str], dest: Path) -> Path:
    """Give each unit of texts its target (XLIFF inline markup allowed); write dest."""
    tree = etree.parse(str(xlf))
    for unit in tree.iter(XLF + "trans-unit"):
        if unit.get("id") in texts:
            target = etree.fromstring(f'<target xmlns="{XLF[1:-1]}">{texts[unit.get("id")]}</target>')
            unit.insert(1, target)
    tree.write(str(dest), encoding="utf-8", xml_declaration=True)
    return dest


def markup(el: etree._Element) -> str:
    """An element's markup, without its tail and the ITS namespace declaration."""
    return etree.tostring(el, encoding="unicode", with_tail=False).replace(
        ' xmlns:its="http://www.w3.org/2005/11/its"', "")


def test_import_gives_the_translated_document(tmp_path, xliff_schema):
    """The import keeps the structure, puts codes back in their new places, restores
    protected text, keeps untranslatable units, and writes a valid document."""
    xlf = translate(export(tmp_path, SAMPLE, "fr"), FRENCH, tmp_path / "sample.fr.xlf")
    assert xliff_schema.validate(etree.parse(str(xlf))), xliff_schema.error_log
    out = tmp_path / "sample.fr.xml"
    pipeline("xliff", "import", str(xlf), "-o", str(out))
    pipeline("validate", str(out))
    root = etree.parse(str(out)).getroot()
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    p = root.find(".//item/p")
    assert markup(p) == (
        "<p><strong>Apportez <emph>vos</emph> documents.</strong> Jane Doe ouvre la séance à "
        '10:00 précises.<noteref to="fn1"/></p>')
    assert root.find(".//item").get("label") == "Séance"
    assert root.find(".//moderator").get("label") == "Modératrice"
    assert [q.text for q in root.iter("question")] == ["Et ensuite ?", "Quid novi?"]
    assert root.findtext(".//name") == "Jane Doe" and root.findtext("meta/symbol") == "MC/INF/999"
    assert markup(root.find("meta/title")) == \
        "<title>Programme type pour l’aller-retour <emph>XLIFF</emph></title>"
    assert root.find("meta/source").get("file") == "sample.fr.xlf"


def _refused(tmp_path: Path, xlf: Path) -> str:
    """Import xlf, expect a refusal and no output; return the messages."""
    out = tmp_path / "refused.xml"
    proc = pipeline("xliff", "import", str(xlf), "-o", str(out), ok=False)
    assert proc.returncode == 1 and not out.exists(), proc.stderr
    return proc.stderr


def test_import_refuses_units_that_do_not_match(tmp_path):
    """Missing, unknown, untranslated, a code lost or doubled, an edited source: each is
    refused, naming the unit (and the XLIFF's line)."""
    good = translate(export(tmp_path, SAMPLE, "fr"), FRENCH, tmp_path / "good.xlf")
    cases = {
        "missing": (lambda u: u[f"{ITEM}/discussion"].getparent().remove(u[f"{ITEM}/discussion"]),
                    f"unit {ITEM}/discussion: missing"),
        "unknown": (lambda u: u["meta/dates"].set("id", "meta/other"),
                    "unit meta/other: not in the source document"),
        "untranslated": (lambda u: u["agenda/heading"].remove(u["agenda/heading"][1]),
                         "unit agenda/heading: no translation"),
        "lost": (lambda u: u[f"{ITEM}/p[#1]"][1].remove(u[f"{ITEM}/p[#1]"][1][-1]),
                 f'unit {ITEM}/p[#1]: code <x id="3"/> of the source is missing'),
        "doubled": (lambda u: u[f"{ITEM}/p[#1]"][1].append(copy.deepcopy(u[f"{ITEM}/p[#1]"][1][-1])),
                    f'unit {ITEM}/p[#1]: code <x id="3"/> appears 2 times'),
        "edited": (lambda u: setattr(u[f"{ITEM}/title"][0], "text", "Opening"),
                   f"unit {ITEM}/title: its source text is not the source document's"),
    }
    for name, (spoil, message) in cases.items():
        tree = etree.parse(str(good))
        spoil({u.get("id"): u for u in tree.iter(XLF + "trans-unit")})
        bad = tmp_path / f"{name}.xlf"
        tree.write(str(bad), encoding="utf-8")
        stderr = _refused(tmp_path, bad)
        assert message in stderr, f"{name}: {stderr}"
        assert stderr.startswith(f"{bad}:"), stderr


def test_partial_import_keeps_the_source_text(tmp_path):
    """--partial: a unit left untranslated keeps its source text."""
    texts = {k: v for k, v in FRENCH.items() if k != "agenda/heading"}
    xlf = translate(export(tmp_path, SAMPLE, "fr", "--copy-source"), {}, tmp_path / "x.xlf")
    assert "no translation" in _refused(tmp_path, xlf)
    xlf = translate(export(tmp_path, SAMPLE, "fr"), texts, tmp_path / "partial.xlf")
    out = tmp_path / "partial.fr.xml"
    pipeline("xliff", "import", str(xlf), "--partial", "-o", str(out))
    assert etree.parse(str(out)).findtext("agenda/heading") == "Programme"


@pytest.mark.parametrize("docid", DOCS)
def test_translate_toolkit_reads_and_writes_back(seed, tmp_path, docid):
    """translate-toolkit reads our units (ids, sources, translatability, targets) and the
    file it writes back imports to the Spanish seed, as our own file does."""
    require("translate-toolkit", find_spec("translate") is not None,
            "python package translate-toolkit not installed; pip install -e '.[test]'")
    from translate.storage import xliff
    xlf = export(tmp_path, seed(docid, "en"), "es", "--translation", str(seed(docid, "es")))
    store = xliff.xlifffile.parsestring(xlf.read_bytes())
    ours = units(xlf)
    assert [u.getid().split("\x04")[-1] for u in store.units] == list(ours)
    for unit in store.units:
        mine = ours[unit.getid().split("\x04")[-1]]
        assert unit.source == "".join(mine.find(XLF + "source").itertext())
        assert unit.istranslatable() == (mine.get("translate") != "no")
        assert unit.target == "".join(mine.find(XLF + "target").itertext())
    back = tmp_path / "back.xlf"
    back.write_bytes(bytes(store))
    for path, name in ((xlf, "ours"), (back, "back")):
        out = tmp_path / f"{name}.es.xml"
        pipeline("xliff", "import", str(path), "-o", str(out))
        assert body_of(out) == body_of(seed(docid, "es")), name


def test_an_agendas_annexes_are_units_and_come_back(tmp_path, xliff_schema):
    """R16: the headings, note, rows and prose of an agenda's annexes are units with ids made
    from the annex's number (valid XLIFF 1.2), and the import puts each back in its annex."""
    from pipeline.translate.xliff import export as export_tree, merge
    from pipeline.validate import validate

    src = tmp_path / "work.fr.xml"
    src.write_text(WORK.replace("{sha}", "0" * 64), "utf-8")
    xlf = export_tree(etree.parse(str(src)), "en", src.name)
    assert xliff_schema.validate(etree.fromstring(xlf)), xliff_schema.error_log
    ids = [u.get("id") for u in etree.fromstring(xlf).iter(f"{XLF}trans-unit")]
    assert [i for i in ids if i.startswith("agenda/annex[I]/heading")] == [
        "agenda/annex[I]/heading[#1]", "agenda/annex[I]/heading[#2]"]
    assert "agenda/annex[I]/p[#1]" in ids and "agenda/annex[I]/entry[3(a)]/title" in ids
    assert "agenda/annex[II]/para[1]/list[#1]/item[a]" in ids
    root = etree.fromstring(xlf)
    for unit in root.iter(f"{XLF}trans-unit"):
        if unit.get("id") == "agenda/annex[II]/heading[#2]":
            etree.SubElement(unit, f"{XLF}target").text = "Organization of work"
    back = merge(etree.tostring(root), "work.fr-en.xlf", partial=True)
    assert validate(back, "back") == []
    annexes = back.getroot().findall("agenda/annex")
    assert [a.findtext("heading[2]") for a in annexes] == [
        "Projet de programme de travail", "Organization of work"]
    assert len(annexes[0].findall("entry")) == 4 and len(annexes[1].findall("para")) == 2


def test_star_notes_travel_as_footnote_units(tmp_path, xliff_schema):
    """A star note (R17) is a footnote unit named by its mark (footnote[*]); its reference
    in the agenda item line is an inline code; the import gives the translated note, its
    mark, id and references (symbol/@note too) as they were, and a valid document."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "writers"))
    from render_fixtures import star_notes

    doc = tmp_path / "star-notes.en.xml"
    star_notes().write(str(doc), encoding="utf-8", xml_declaration=True)
    xlf = export(tmp_path, doc, "fr")
    found = units(xlf)
    assert {"footnotes/footnote[*]", "footnotes/footnote[**]", "footnotes/footnote[***]",
            "footnotes/footnote[1]", "footnotes/footnote[2]"} <= set(found)
    code = found["meta/agenda-item"].find(f"{XLF}source/{XLF}x")
    assert (code.get("ctype"), code.get("equiv-text")) == ("x-noteref", "[fns2]")
    xlf = translate(xlf, {"footnotes/footnote[*]": "Nouveau tirage pour raisons techniques."},
                    tmp_path / "star-notes.fr.xlf")
    assert xliff_schema.validate(etree.parse(str(xlf))), xliff_schema.error_log
    out = tmp_path / "star-notes.fr.xml"
    pipeline("xliff", "import", str(xlf), "-o", str(out), "--partial")
    pipeline("validate", str(out))
    root = etree.parse(str(out)).getroot()
    assert [(fn.get("id"), fn.get("n")) for fn in root.iter("footnote")] == [
        ("fns1", "*"), ("fns2", "**"), ("fns3", "***"), ("fn1", "1"), ("fn2", "2")]
    assert root.findtext("footnotes/footnote[@n='*']") == "Nouveau tirage pour raisons techniques."
    assert root.find("meta/symbol").get("note") == "fns1"
    assert root.find("meta/agenda-item/noteref").get("to") == "fns2"
