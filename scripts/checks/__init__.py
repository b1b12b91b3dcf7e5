"""Every check of the content: registered by name (registry.py), each a pure function of the corpus
returning Problems; one command line (python -m scripts.checks)."""
