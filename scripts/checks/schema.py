"""Front-matter check: every page against the schema of scripts/model/schema.py (README, "Front matter").

Files that cannot be read as pages (no front matter, invalid YAML, a key given twice, an alias, an
impossible date, not UTF-8) are reported here too, with their line. The build stops on the same errors.
"""

from __future__ import annotations

from scripts.checks.problems import Problem
from scripts.checks.registry import check
from scripts.model.documents import Corpus
from scripts.model.schema import check_schema


@check("schema",
       bad="---\nid: regulation-02-2010\ntype: regulation\nunverifed: [issuer]\n---",
       good="---\nid: regulation-02-2010\ntype: regulation\nunverified: [issuer]\n---")
def front_matter(corpus: Corpus) -> list[Problem]:
    """Front matter that breaks the schema, and files that cannot be read as pages."""
    return check_schema(corpus)
