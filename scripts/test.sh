#!/usr/bin/env bash
# The project's test command (README "Run the tests"; .ci/run calls it).
# Installs what the tests need on a fresh machine: the package with its test extras and,
# where apt-get is available as root, LibreOffice and poppler-utils for the consumer tests.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing LibreOffice Writer and poppler-utils (needed by the LibreOffice tests)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      libreoffice-writer-nogui poppler-utils >/dev/null
  else
    echo "LibreOffice or poppler-utils missing and cannot be installed here: those tests will be skipped"
  fi
fi

python -m pip install -q --disable-pip-version-check -e '.[test]'
ruff check jamsostek_regs tests benchmarks tools
mypy
python -m pytest -q "$@"
