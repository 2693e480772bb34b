"""Comparison tools: two validated XML documents in, a report out (never raw text).

- ``units``: a document as a flat list of comparable units (meta fields, headings, paras,
  days, items, persons, questions, footnotes), in reading order;
- ``numbers``: the values printed in a unit, normalised across languages;
- ``align``: one monotone alignment, scored for translations or for revisions;
- ``flags``: QA flags on two language versions (``pipeline align``), with ``qa`` and
  ``accents``;
- ``diff``: units added, removed, moved, renumbered and changed, with word diffs
  (``pipeline diff``);
- ``html``, ``docx``, ``redline``: the reports (accessible pages; the bilingual table DOCX;
  the document's own DOCX with real tracked changes, made by ``tracked`` over ``pairing``
  and ``wordml``); ``labels``: their strings in en, fr and es;
- ``commands``: the click commands ``align`` and ``diff``.
"""
