# The publishing pipeline, driven by Make.
#   make all      set up .venv if needed, then build everything that is out of date
#                 (a line per document built or failed, then a summary; V=1 shows the
#                 command and every file written)
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
# which win over the text of the same name; earlier drafts in sources/drafts/. The batch
# finds them (pipeline/sources.py); the names of what it built are the names below.
NAMES = $(notdir $(basename $(wildcard build/xml/*.xml)))

-include mk/tools.mk

.PHONY: all xml formats compare test system-deps FORCE preview bench fuzz accuracy clean distclean

all: build/.documents
xml formats compare: build/.documents

# --- set-up: .venv is (re)made when missing or older than setup.cfg -----------------------
$(STAMP): setup.cfg pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -e '.[test]'
	@touch $@

# --- everything from the sources: one process builds what is out of date -----------------
# No file name ever reaches a shell command: the batch finds the sources itself
# (pipeline/sources.py refuses unsafe names and symbolic links, naming them).
# Make only decides whether anything may be out of date: a file under sources/ or of the
# code is newer than the start of the last successful build (build/.documents), or a
# folder of build/ changed after its end (an output was deleted). pipeline/batch.py then
# decides what, by content: each output is recorded with the digest of its inputs in
# build/.manifest.json, so an edit saved during a build is built by the next make.
# A bad document fails alone: the others are built, make exits non-zero, the stamp is not
# renewed and the next make tries again. build/.lock makes a second make wait.
JOBS = $(or $(patsubst -j%,%,$(filter -j%,$(MAKEFLAGS))),1)
DOCS := build/.documents
CHANGED = $(strip $(shell find sources -newer $(DOCS) -print -quit 2>/dev/null; \
  find pipeline schemas setup.cfg -type f -newer $(DOCS) -not -path '*/__pycache__/*' -print -quit 2>/dev/null; \
  find build -type d -newer $(DOCS).end -print -quit 2>/dev/null))

# Quiet by default: a line per document built or failed, then a summary (a progress bar on
# a terminal); V=1 shows the command and every file written.
Q = $(if $(filter-out 0,$(V)),,@)
VERBOSE = $(if $(filter-out 0,$(V)),--verbose)
$(DOCS): $(if $(CHANGED),FORCE) | $(STAMP)
	$(Q)$(PIPELINE) batch --sources-dir sources --out build --jobs $(JOBS) --stamp $@ $(VERBOSE)

# Each output can be asked for by name; the batch makes it.
build/xml/%.xml build/html/%.html build/docx/%.docx build/odt/%.odt build/epub/%.epub \
build/pdf/%.pdf build/compare/%.html build/drafts/%.xml build/diff/% build/tmx/%.tmx build/xliff/%.xlf: $(DOCS) ;
build/index.html: $(DOCS) ;

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
# The system tools the tests drive: installed when missing (as root), or what to run said.
system-deps:
	@if [ "$$(id -u)" -eq 0 ] || command -v sudo >/dev/null; then bash tools/install-system-deps.sh; \
	else echo "make test: some tests need system tools; as root run: bash tools/install-system-deps.sh" >&2; fi

test: system-deps $(STAMP) $(AXE_JS)
	$(PY) -m pytest -q

# The benchmark: a generated corpus built by make, against pandoc alone (tests/bench/).
# BENCH_ARGS=--quick for a smoke run; it prints a table and a last line "ratio: ...".
bench: $(STAMP)
	$(PY) -m tests.bench.run $(BENCH_ARGS)

# The extraction harness: every reader fixture printed to PDF by LibreOffice and read back
# through pdftotext, pdftotext -layout, pypdf, pdfminer.six and pdfplumber, and read by our PDF reader;
# a line per extractor, then the last line
# "accuracy: P% over N texts, R refused" (tests/accuracy/).
accuracy: $(STAMP)
	$(PY) -m tests.accuracy.run

# Mutation fuzzing of the reader, thousands of inputs (make test runs a few hundred):
# last line "fuzz: N inputs, E errors (exit 1), 0 internal errors, 0 hangs, ...".
FUZZ_COUNT ?= 3000
fuzz: $(STAMP)
	$(PY) -m tests.fuzz $(FUZZ_COUNT)

clean:
	rm -rf build

distclean: clean
	rm -rf $(VENV) .tools

