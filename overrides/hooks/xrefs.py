"""MkDocs hook: cross-references. Stops the build on broken links and relations, turns id: links into
relative links in the reader's language, and adds the act panel, "Referenced by" and JSON-LD."""

import project_path  # noqa: F401

from scripts.mkdocs_adapter import state as build_hooks

from scripts.render import act_panel as xref_pages


def on_pre_build(config):
    corpus = build_hooks.corpus(config)
    problems = xref_pages.build_problems(corpus, config["markdown_extensions"], config["mdx_configs"])
    build_hooks.fail_on(problems, "cross-reference")


def _reader(page, config):
    rel_path = page.file.src_uri.partition("/")[2]
    return xref_pages.Reader(build_hooks.corpus(config), build_hooks.current_language(config), page.url, rel_path)


def on_page_markdown(markdown, page, config, files):
    return _reader(page, config).markdown(markdown)


def on_page_content(html, page, config, files):
    reader = _reader(page, config)
    html = reader.html(html)
    doc = build_hooks.document_for(page, config)
    if doc is not None and doc.is_act:
        graph = xref_pages.relation_graph(reader.corpus, reader.language)
        html = xref_pages.with_act_panel(html, xref_pages.act_panel(doc, reader, graph))
    return html


def on_page_context(context, page, config, nav):
    doc = build_hooks.document_for(page, config)
    if doc is not None:
        reader = _reader(page, config)
        graph = xref_pages.relation_graph(reader.corpus, reader.language)
        context["crch_referenced_by"] = xref_pages.referenced_by(doc, reader, graph)
        context["crch_legislation_jsonld"] = xref_pages.legislation_jsonld(doc, reader, graph)
    return context
