"""The MkDocs plugin `clearing-house`: the only code that imports mkdocs, material or
mkdocs_static_i18n. plugin.py has the events, upstream.py every upstream internal they rely on."""
