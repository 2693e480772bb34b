#!/usr/bin/env bash
# Convert one DOCX or ODT to PDF with LibreOffice headless, atomically:
#   tools/to-pdf.sh IN.docx OUT.pdf
# Each call has its own LibreOffice profile, so conversions can run in parallel (make -j).
set -euo pipefail
in=$1 out=$2
command -v soffice >/dev/null || { echo "$in: error: soffice not found (tools/install-system-deps.sh)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf \
  --outdir "$work/out" "$in" >"$work/log" 2>&1 || { cat "$work/log" >&2; exit 1; }
base=$(basename "${in%.*}")
[ -s "$work/out/$base.pdf" ] || { echo "$in: error: LibreOffice produced no PDF" >&2; cat "$work/log" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
mv "$work/out/$base.pdf" "$out.tmp" && mv "$out.tmp" "$out"
