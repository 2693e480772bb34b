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
COMPARE_CODE := $(shell find pipeline/compare -type f -not -name '*.pyc' 2>/dev/null) pipeline/index.py

-include mk/tools.mk

.PHONY: all xml formats compare test FORCE preview bench clean distclean

all: build/.documents
xml formats compare: build/.documents

# --- set-up: .venv is (re)made when missing or older than setup.cfg -----------------------
$(STAMP): setup.cfg pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -e '.[test]'
	@touch $@

# --- everything from the sources: one process builds what is out of date -----------------
# Make decides whether anything is out of date: build/.documents is older than a source or
# the code, or an output is missing. pipeline/batch.py then decides what, by the same rule
# applied file by file: it reads each stale source into build/xml/, writes each stale
# format, comparison, redline and the index, with -jN of this make as its number of jobs.
# A bad document fails alone: the others are built, make exits non-zero, and the next make
# resumes. The stamp takes the time the batch started, so an edit made meanwhile counts.
SRC := $(MASTERS) $(TXT_NAMES:%=sources/%.txt)
DRAFTS := $(wildcard sources/drafts/*.txt)
JOBS = $(or $(patsubst -j%,%,$(filter -j%,$(MAKEFLAGS))),1)
BUILT := $(XML) $(OUTPUTS) $(COMPARE) $(DRAFT_XML) $(DIFFS) build/index.html
MISSING := $(filter-out $(wildcard $(BUILT)),$(BUILT))

build/.documents: $(SRC) $(DRAFTS) $(READER_CODE) $(WRITER_CODE) $(COMPARE_CODE) \
                  $(if $(MISSING),FORCE) | $(STAMP)
	@mkdir -p build && touch $@.start
	$(PIPELINE) batch $(SRC) $(addprefix --draft ,$(DRAFTS)) --out build --jobs $(JOBS) \
	  $(addprefix --reader-dep ,$(READER_CODE)) $(addprefix --writer-dep ,$(WRITER_CODE)) \
	  $(addprefix --compare-dep ,$(COMPARE_CODE) $(WRITER_CODE))
	@mv $@.start $@

# Each output can be asked for by name; the batch makes it.
$(BUILT): build/.documents ;

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

# The benchmark: a generated corpus built by make, against pandoc alone (tests/bench/).
# BENCH_ARGS=--quick for a smoke run; it prints a table and a last line "ratio: ...".
bench: $(STAMP)
	$(PY) -m tests.bench.run $(BENCH_ARGS)

clean:
	rm -rf build

distclean: clean
	rm -rf $(VENV) .tools

