"""The document model: pages, front matter, data files, interface strings, languages, links,
relations, translation state, and the rule of which version a reader gets. Read once, used by all."""
