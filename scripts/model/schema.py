"""The front-matter contract of a page (README, "Front matter"): which fields exist and what each may hold.

`check_document` is pure: one document in, its problems out, each naming the field's line and the
fix. A field the contract does not know is an error with the closest known name ("did you mean
'unverified'?"): a misspelt field would otherwise be ignored without a word.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from scripts.checks.problems import Problem, did_you_mean
from scripts.model.languages import Languages
from scripts.model.yaml_reader import is_date

ACT_TYPES = ("constitution", "law", "regulation", "decision", "strategy", "action-plan", "declaration")
NUMBERED_ACT_TYPES = ("law", "regulation", "decision")
DOCUMENT_TYPES = ACT_TYPES + ("institution", "guide", "directory", "page")
STATUSES = ("in-force", "repealed", "expired", "unknown")
TRANSLATION_STATUSES = ("machine", "reviewed")
TAGS = ("education", "housing", "employment", "discrimination", "return", "language", "participation", "children")
ALL_COMMUNITIES = "all"  # a page for every community
COMMUNITIES = (ALL_COMMUNITIES, "roma", "ashkali", "egyptian", "serb", "bosniak", "turkish", "gorani")
RELATION_NAMES = ("based_on", "implements", "amends", "amended_by", "replaces", "replaced_by", "related")
DATE_FIELDS = ("date_adopted", "date_published", "date_in_force", "date_expires")
REQUIRED_FIELDS = ("id", "type", "title", "summary", "last_reviewed")
UNKNOWN = "unknown"
# Metadata an editor may flag as not confirmed by a cited source (`unverified: [issuer]`).
UNVERIFIABLE_FIELDS = ("number", "issuer") + DATE_FIELDS + ("status",)
# Every field a page may have: the project's, and the few of MkDocs / Material the site honours
# (`description` for the page's <meta>, `search: {exclude: true}`, `hide: [toc]`).
FIELDS = REQUIRED_FIELDS + ("tags", "communities", "number", "issuer") + DATE_FIELDS + (
    "status", "sources", "unverified", "relations", "translation", "description", "search", "hide")
TRANSLATION_FIELDS = ("source", "status", "source_hash")
SOURCE_FIELDS = ("id", "title", "url", "note", "lang")
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")  # BCP 47, as `lang` takes it: en, sq, sr-Latn

KEBAB_CASE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _text(doc, key: str) -> list[Problem]:
    value = doc.meta.get(key)
    if not isinstance(value, str) or not value.strip():
        return [doc.problem(key, f"'{key}' must be non-empty text")]
    return []


def _one_of(doc, key: str, allowed: Sequence[str]) -> list[Problem]:
    value = doc.meta.get(key)
    if value not in allowed:
        return [doc.problem(key, f"'{key}' must be one of {', '.join(allowed)} (got {value!r})")]
    return []


def _date(doc, key: str, allow_unknown: bool) -> list[Problem]:
    value = doc.meta.get(key)
    if is_date(value) or (allow_unknown and value == UNKNOWN):
        return []
    also = f" or '{UNKNOWN}'" if allow_unknown else ""
    return [doc.problem(key, f"'{key}' must be a date like 2010-03-31{also} (got {value!r})")]


def unknown_keys(doc, keys: Any, known: Sequence[str], *path: Any) -> list[Problem]:
    """A key of a front-matter mapping that the contract does not know, with the closest known one."""
    where = "".join(f"{part}." for part in path)
    return [
        Problem(doc.display_path, doc.line_of(*path, key),
                f"unknown field '{where}{key}'{did_you_mean(str(key), known)}: correct its name or remove it "
                f"(fields: {', '.join(known)})")
        for key in keys if key not in known
    ]


def _sources(doc) -> list[Problem]:
    value = doc.meta.get("sources")
    hint = "a list of entries with 'title' and, where there is one, 'url' (official text first)"
    if not isinstance(value, list) or not value:
        return [doc.problem("sources", f"'sources' must be {hint}")]
    problems = []
    seen_ids: set[str] = set()
    for number, source in enumerate(value, 1):
        if not isinstance(source, dict) or not isinstance(source.get("title"), str):
            problems.append(doc.problem("sources", f"'sources' entry {number} needs a 'title': {hint}"))
            continue
        problems += unknown_keys(doc, source, SOURCE_FIELDS, "sources", number - 1)
        if "url" in source and not re.match(r"^https?://\S+$", str(source["url"])):
            problems.append(
                doc.problem("sources", f"'sources' entry {number}: 'url' must start with https:// or http://")
            )
        if "lang" in source and not (isinstance(source["lang"], str) and LANGUAGE_TAG.match(source["lang"])):
            problems.append(doc.problem("sources", f"'sources' entry {number}: 'lang' is the language its title is "
                                        f"written in, as a code like 'en' or 'sq' (got {source['lang']!r})"))
        if "id" in source:
            source_id = source["id"]
            if not (isinstance(source_id, str) and KEBAB_CASE.match(source_id)):
                problems.append(doc.problem("sources", f"'sources' entry {number}: 'id' must be kebab-case like 'gazette' "
                                            f"(got {source_id!r}); the body cites it as [^gazette]"))
            elif source_id in seen_ids:
                problems.append(doc.problem("sources", f"'sources' entry {number}: id '{source_id}' is used twice: "
                                            "give each source its own id"))
            seen_ids.add(source_id if isinstance(source_id, str) else "")
    return problems


def _id_list(doc, key: str | tuple, value: Any) -> list[Problem]:
    if not isinstance(value, list) or not all(isinstance(v, str) and KEBAB_CASE.match(v) for v in value):
        name = key[-1] if isinstance(key, tuple) else key
        return [doc.problem(key, f"'{name}' must be a list of document IDs like [regulation-02-2010]")]
    return []


def check_document(doc, languages: Languages) -> list[Problem]:
    """The front-matter contract of one page (see README, 'Front matter')."""
    meta = doc.meta
    problems: list[Problem] = unknown_keys(doc, meta, FIELDS)
    for key in REQUIRED_FIELDS:
        if key not in meta:
            problems.append(doc.problem(None, f"'{key}' is missing: add '{key}:' to the front matter"))
    if "id" in meta and not (isinstance(meta["id"], str) and KEBAB_CASE.match(meta["id"])):
        problems.append(doc.problem("id", f"'id' must be kebab-case like 'regulation-02-2010' (got {meta['id']!r})"))
    if "type" in meta:
        problems += _one_of(doc, "type", DOCUMENT_TYPES)
    for key in ("title", "summary"):
        if key in meta:
            problems += _text(doc, key)
    if "last_reviewed" in meta:
        problems += _date(doc, "last_reviewed", allow_unknown=False)
    for key in DATE_FIELDS:
        if key in meta:
            problems += _date(doc, key, allow_unknown=True)
    if "status" in meta:
        problems += _one_of(doc, "status", STATUSES)
    if "tags" in meta:
        tags = meta["tags"]
        if not isinstance(tags, list) or any(tag not in TAGS for tag in tags):
            problems.append(doc.problem("tags", f"'tags' must be a list of: {', '.join(TAGS)}"))
    if "communities" in meta:
        communities = meta["communities"]
        if not isinstance(communities, list) or any(c not in COMMUNITIES for c in communities):
            problems.append(doc.problem("communities", f"'communities' must be a list of: {', '.join(COMMUNITIES)}"))
    if "sources" in meta:
        problems += _sources(doc)
    if "unverified" in meta:
        flagged = meta["unverified"]
        if not isinstance(flagged, list) or any(f not in UNVERIFIABLE_FIELDS or f not in meta for f in flagged):
            problems.append(
                doc.problem(
                    "unverified",
                    f"'unverified' must list fields of this page that no source confirms, from: {', '.join(UNVERIFIABLE_FIELDS)}",
                )
            )
    if "relations" in meta:
        problems += _relations(doc)
    if doc.type in ACT_TYPES:
        problems += _act_fields(doc)
    if "translation" in meta:
        problems += _translation(doc, languages)
    return problems


def _relations(doc) -> list[Problem]:
    relations = doc.meta["relations"]
    if not isinstance(relations, dict):
        return [doc.problem("relations", f"'relations' must map {', '.join(RELATION_NAMES)} to ID lists")]
    problems = []
    for name, targets in relations.items():
        where = ("relations", name)
        if name not in RELATION_NAMES:
            problems.append(doc.problem(where, f"unknown relation '{name}'{did_you_mean(str(name), RELATION_NAMES)}: "
                                               f"use one of {', '.join(RELATION_NAMES)}"))
        else:
            problems += _id_list(doc, where, targets)
    return problems


def _act_fields(doc) -> list[Problem]:
    meta = doc.meta
    problems = []
    if doc.type in NUMBERED_ACT_TYPES and "number" not in meta:
        problems.append(doc.problem(None, f"a {doc.type} needs 'number' (e.g. '02/2010', '03/L-047')"))
    if "number" in meta and not (isinstance(meta["number"], str) and meta["number"].strip()):
        problems.append(doc.problem("number", "'number' must be text in quotes, e.g. number: \"02/2010\""))
    for key in ("issuer", "status", "sources"):
        if key not in meta:
            problems.append(doc.problem(None, f"a {doc.type} needs '{key}'"))
    if "issuer" in meta:
        problems += _text(doc, "issuer")
    if not any(key in meta for key in DATE_FIELDS):
        problems.append(
            doc.problem(None, f"a {doc.type} needs 'date_adopted' and/or 'date_published' (a date, or '{UNKNOWN}')")
        )
    return problems


def _translation(doc, languages: Languages) -> list[Problem]:
    block = doc.meta["translation"]
    others = [code for code in languages.codes if code != doc.language]
    if not isinstance(block, dict):
        return [doc.problem("translation", "'translation' must be a mapping with 'source' and 'status'")]
    problems = unknown_keys(doc, block, TRANSLATION_FIELDS, "translation")
    if block.get("source") not in others:
        problems.append(
            doc.problem("translation", f"'translation.source' must be one of {', '.join(others)} (got {block.get('source')!r})")
        )
    if block.get("status") not in TRANSLATION_STATUSES:
        problems.append(
            doc.problem(
                "translation",
                f"'translation.status' must be one of {', '.join(TRANSLATION_STATUSES)} (got {block.get('status')!r})",
            )
        )
    if "source_hash" in block and not isinstance(block["source_hash"], str):
        problems.append(doc.problem("translation", "'translation.source_hash' must be text"))
    return problems


def duplicate_ids(corpus) -> list[Problem]:
    """Two pages of one language with the same ID (one pass over the corpus)."""
    first: dict[tuple[str, str], Any] = {}
    problems = []
    for doc in corpus:
        if not doc.id:
            continue
        seen = first.setdefault((doc.language, doc.id), doc)
        if seen is not doc:
            problems.append(
                doc.problem(
                    "id",
                    f"duplicate id '{doc.id}': also used by {seen.display_path}:{seen.line_of('id')}; "
                    "give each document its own id",
                )
            )
    return problems


def check_schema(corpus) -> list[Problem]:
    """Every schema problem of a corpus: unreadable files, broken front matter, duplicate IDs."""
    problems = list(corpus.problems)
    for doc in corpus:
        problems += check_document(doc, corpus.languages)
    problems += duplicate_ids(corpus)
    return [Problem(p.path, p.line, p.message, p.severity, p.check or "schema") for p in problems]
