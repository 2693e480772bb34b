# mk/tools.mk -- external checking tools fetched at set-up time.
# Included by the main Makefile (which defines VENV and PY).
#
# axe-core comes from the npm registry (the only sources allowed are PyPI,
# Debian apt and npm).  It lands in .tools/ (git-ignored).  The rule targets
# the real file the tests load, so npm runs only when that file is missing.
# Override the version with e.g. `make AXE_CORE_SPEC=axe-core@4.10.3`.
#
# npm keeps the tarball's 1985 mtime, hence the final `touch`, so that
# anything depending on $(AXE_JS) does not look out of date forever.

# Including this file must not change the includer's default goal.
_tools_mk_saved_goal := $(.DEFAULT_GOAL)

TOOLS_DIR     ?= .tools
AXE_CORE_SPEC ?= axe-core@4.14.1
AXE_JS        := $(TOOLS_DIR)/node_modules/axe-core/axe.min.js
NPM           ?= npm

$(AXE_JS):
	@command -v $(NPM) >/dev/null 2>&1 || { \
	  echo "mk/tools.mk: '$(NPM)' not found; run tools/install-system-deps.sh" >&2; exit 1; }
	mkdir -p $(TOOLS_DIR)
	$(NPM) install --prefix $(TOOLS_DIR) --no-audit --no-fund --no-save \
	  --no-package-lock --ignore-scripts $(AXE_CORE_SPEC)
	@test -s $@ || { echo "mk/tools.mk: npm did not produce $@" >&2; exit 1; }
	touch $@

.DEFAULT_GOAL := $(_tools_mk_saved_goal)
