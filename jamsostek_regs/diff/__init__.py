"""Diffs: two finished drafts aligned by clause key, each change classified, and the reports."""
