"""The Community Rights Clearing House: a host-neutral core behind one MkDocs plugin.

model/ (the documents and everything read from files), checks/, render/, search/, site/, bench/ and
tools/ never import MkDocs, Material or mkdocs-static-i18n; mkdocs_adapter/ is the plugin and the only
code that does (README, "The code"; MIGRATING.md). Every command runs as
`python -m scripts.<package>.<module> --help`; `python -m scripts.checks` runs every check.
"""
