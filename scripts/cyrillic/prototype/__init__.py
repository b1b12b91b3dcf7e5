"""PROTOTYPE of the Cyrillic edition's MkDocs wiring (see ../DESIGN.md); not in mkdocs.yml yet."""
