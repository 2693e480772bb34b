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

# Code that each kind of output depends on: a change rebuilds what it made.
READER_CODE := $(shell find pipeline -name '*.py' -not -path 'pipeline/writers/*' -not -path 'pipeline/compare/*' -not -name 'index.py') \
               schemas/document.rng schemas/document.sch
WRITER_CODE := $(shell find pipeline/writers pipeline/styles -type f -not -name '*.pyc' 2>/dev/null) \
               pipeline/fsutil.py pipeline/xmlio.py
INDEX_CODE := pipeline/index.py $(WRITER_CODE)

-include mk/tools.mk

.PHONY: all xml formats test preview bench clean distclean
.DELETE_ON_ERROR:
.SECONDEXPANSION:

all: xml formats build/index.html

xml: $(XML)
formats: $(OUTPUTS)

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
	$(PIPELINE) index $(XML) -o $@

# --- checks -------------------------------------------------------------------------------
test: $(STAMP) $(AXE_JS)
	$(PY) -m pytest -q

clean:
	rm -rf build

distclean: clean
	rm -rf $(VENV) .tools

