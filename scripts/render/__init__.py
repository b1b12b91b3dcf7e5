"""Pure HTML and Markdown fragments of the built pages, each for one Reader (reader.py)."""
