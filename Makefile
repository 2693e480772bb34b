# The publishing pipeline, driven by Make.
#   make all      set up .venv if needed, then build everything that is out of date
#   make test     run the test suite (real tools; see docs/tools.md)
# Every target below is a real file, or declared .PHONY.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIPELINE := $(VENV)/bin/pipeline
STAMP := $(VENV)/.installed
FORMATS := html docx odt epub

# Sources: sources/<docid>.<lang>.txt, and hand-edited masters sources/<docid>.<lang>.xml,
# which win over the text of the same name.
TXT := $(wildcard sources/*.txt)
MASTERS := $(wildcard sources/*.xml)
MASTER_NAMES := $(notdir $(basename $(MASTERS)))
TXT_NAMES := $(filter-out $(MASTER_NAMES),$(notdir $(basename $(TXT))))
NAMES := $(sort $(MASTER_NAMES) $(TXT_NAMES))
XML := $(NAMES:%=build/xml/%.xml)
OUTPUTS := $(foreach f,$(FORMATS),$(NAMES:%=build/$(f)/%.$(f)))

# Translators: every pair of language versions of a document id, side by side, and every
# earlier draft in sources/drafts/<docid>.<lang>.<rev>.txt against the current text.
DOCIDS := $(sort $(foreach n,$(NAMES),$(firstword $(subst ., ,$(n)))))
langs_of = $(sort $(foreach n,$(filter $(1).%,$(NAMES)),$(word 2,$(subst ., ,$(n)))))
pairs = $(if $(word 2,$(2)),$(foreach b,$(wordlist 2,99,$(2)),build/compare/$(1).$(firstword $(2))-$(b).html) \
          $(call pairs,$(1),$(wordlist 2,99,$(2))))
COMPARE := $(foreach d,$(DOCIDS),$(call pairs,$(d),$(call langs_of,$(d))))
DRAFT_NAMES := $(notdir $(basename $(wildcard sources/drafts/*.txt)))
DRAFT_XML := $(DRAFT_NAMES:%=build/drafts/%.xml)
DIFFS := $(foreach n,$(DRAFT_NAMES),$(foreach e,html docx,build/diff/$(n)-current.$(e)))

# Code that each kind of output depends on: a change rebuilds what it made.
READER_CODE := $(shell find pipeline -name '*.py' -not -path 'pipeline/writers/*' -not -path 'pipeline/compare/*' -not -name 'index.py') \
               schemas/document.rng schemas/document.sch
WRITER_CODE := $(shell find pipeline/writers pipeline/styles -type f -not -name '*.pyc' 2>/dev/null) \
               pipeline/fsutil.py pipeline/xmlio.py
INDEX_CODE := pipeline/index.py $(WRITER_CODE)

-include mk/tools.mk

.PHONY: all xml formats compare test preview bench clean distclean
.DELETE_ON_ERROR:
.SECONDEXPANSION:

all: xml formats compare build/index.html

xml: $(XML)
formats: $(OUTPUTS)
compare: $(DRAFT_XML) $(COMPARE) $(DIFFS)

# --- set-up: .venv is (re)made when missing or older than setup.cfg -----------------------
$(STAMP): setup.cfg pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -e '.[test]'
	@touch $@

# --- reading: raw text (or master) to validated XML ---------------------------------------
$(TXT_NAMES:%=build/xml/%.xml): build/xml/%.xml: sources/%.txt $(READER_CODE) | $(STAMP)
	$(PIPELINE) parse $< -o $@

$(MASTER_NAMES:%=build/xml/%.xml): build/xml/%.xml: sources/%.xml $(READER_CODE) | $(STAMP)
	$(PIPELINE) parse $< -o $@

# --- writing: one rule per format; a page also depends on its other language versions ----
# The language versions of build/xml/<docid>.<lang>.xml are build/xml/<docid>.*.xml.
versions = $(filter build/xml/$(firstword $(subst ., ,$(1))).%,$(XML))

build/html/%.html: build/xml/%.xml $$(call versions,$$*) $(WRITER_CODE) | $(STAMP)
	$(PIPELINE) render $< --to html -o $@

build/epub/%.epub: build/xml/%.xml $(WRITER_CODE) | $(STAMP)
	$(PIPELINE) render $< --to epub -o $@

build/docx/%.docx: build/xml/%.xml $(WRITER_CODE) | $(STAMP)
	$(PIPELINE) render $< --to docx -o $@

build/odt/%.odt: build/xml/%.xml $(WRITER_CODE) | $(STAMP)
	$(PIPELINE) render $< --to odt -o $@

build/index.html: $(XML) $(INDEX_CODE) | $(STAMP)
	$(PIPELINE) index $(XML) $(addprefix --extra ,$(COMPARE) $(DIFFS)) -o $@

# --- translators: side by side, and redlines ---------------------------------------------
COMPARE_CODE := $(shell find pipeline/compare -name '*.py' 2>/dev/null) pipeline/fsutil.py
# build/compare/<docid>.<a>-<b>.html compares build/xml/<docid>.<a>.xml and .<b>.xml
pair_xml = $(foreach l,$(subst -, ,$(word 2,$(subst ., ,$(1)))),build/xml/$(firstword $(subst ., ,$(1))).$(l).xml)

build/compare/%.html: $$(call pair_xml,$$*) $(COMPARE_CODE) | $(STAMP)
	$(PIPELINE) align $(call pair_xml,$*) -o $@

build/drafts/%.xml: sources/drafts/%.txt $(READER_CODE) | $(STAMP)
	$(PIPELINE) parse $< -o $@

# build/diff/<docid>.<lang>.<rev>-current.<ext>: the draft against the current version
current_xml = build/xml/$(basename $(1)).xml

build/diff/%-current.html: build/drafts/%.xml $$(call current_xml,$$*) $(COMPARE_CODE) | $(STAMP)
	$(PIPELINE) diff $< $(call current_xml,$*) -o $@

build/diff/%-current.docx: build/drafts/%.xml $$(call current_xml,$$*) $(COMPARE_CODE) | $(STAMP)
	$(PIPELINE) diff $< $(call current_xml,$*) -o $@

# --- preview: DOCX and ODT through LibreOffice to PDF, then PNG pages to look at -----------
PREVIEW := $(foreach f,docx odt,$(NAMES:%=build/preview/$(f)/%/page-1.png))
preview: $(PREVIEW) $(foreach f,docx odt,$(NAMES:%=build/preview/$(f)/%.pdf))

build/preview/docx/%.pdf: build/docx/%.docx
	@tools/to-pdf.sh $< $@

build/preview/odt/%.pdf: build/odt/%.odt
	@tools/to-pdf.sh $< $@

build/preview/%/page-1.png: build/preview/%.pdf
	@rm -rf $(@D) $(@D).tmp && mkdir -p $(@D).tmp
	pdftoppm -r 60 -png $< $(@D).tmp/page
	@for f in $(@D).tmp/page-0*.png; do [ -e "$$f" ] || break; n=$${f##*/page-}; mv "$$f" "$(@D).tmp/page-$$((10#$${n%.png})).png"; done
	@mv $(@D).tmp $(@D)

# --- checks -------------------------------------------------------------------------------
test: $(STAMP) $(AXE_JS)
	$(PY) -m pytest -q

clean:
	rm -rf build

distclean: clean
	rm -rf $(VENV) .tools

