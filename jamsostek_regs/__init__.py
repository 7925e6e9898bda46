"""jamsostek-regs: drafts Perkada on Optimalisasi Pelaksanaan Program Jaminan Sosial Ketenagakerjaan."""

__version__ = "0.1.0"
