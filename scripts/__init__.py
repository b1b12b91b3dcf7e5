"""The Community Rights Clearing House tools: checks, generators and build helpers.

Every module with a `main` runs on its own: `python -m scripts.<module> --help`.
"""
