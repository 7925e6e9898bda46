"""``python -m jamsostek_regs`` runs the command line."""

from jamsostek_regs.cli import run

run()
