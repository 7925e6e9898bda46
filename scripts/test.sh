#!/usr/bin/env bash
# The project's test command (README "Run the tests"; .ci/run calls it).
# Installs what the tests need on a fresh machine: the package with its test extras and,
# where apt-get is available as root, LibreOffice and poppler-utils (the DOCX consumer tests),
# TeX Gyre Bonum (fonts-texgyre: a free metric-compatible clone of Bookman Old Style, so the PDFs
# are set in the draft's serif) and Chromium (the HTML pages in a real browser).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[[ "$(fc-list : family 2>/dev/null)" == *"TeX Gyre Bonum"* ]] || missing+=(fonts-texgyre)
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing+=(chromium)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${missing[*]} (needed by the LibreOffice and browser tests)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "${missing[*]} missing and cannot be installed here: those tests will be skipped"
  fi
fi

python -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[test]'
ruff check jamsostek_regs tests benchmarks tools
ruff format --check jamsostek_regs tests benchmarks tools
mypy
lint-imports --no-cache
python -m pytest -q "$@"
