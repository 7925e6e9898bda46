"""The clause language: sandboxed Jinja templating, provenance tags and the clause parser.

Both the region loader (checking override texts) and the builder need it, so it sits
below both."""
