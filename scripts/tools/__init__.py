"""Editors' tools: scaffolding a new document, confirming translations."""
