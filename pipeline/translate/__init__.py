"""Material for translators: XLIFF 1.2 round trips and TMX memories from what exists.

- ``leaves``: the translatable pieces of a validated document (one per paragraph, title,
  heading, question, role, footnote, label), each with an id derived from structure;
- ``xliff``: ``pipeline xliff export`` (a document to XLIFF 1.2, the source kept inside as
  the skeleton) and ``pipeline xliff import`` (an XLIFF back to a valid language version);
- ``segment``: sentences of English, French and Spanish, abbreviations known;
- ``tmx``: ``pipeline tmx``, a TMX 1.4b memory from aligned language versions;
- ``commands``: the click commands (registered on the main group by cli.py).
"""
