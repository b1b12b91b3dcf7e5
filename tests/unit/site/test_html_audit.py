"""The ID-reference check of scripts/site/html_audit.py (the Nu HTML Checker 26 no longer does it)."""

from __future__ import annotations

from scripts.site import html_audit


def test_dangling_id_references_are_reported():
    html = ('<nav aria-labelledby="menu-title"></nav><label for="__toc">x</label>'
            '<h2 id="here">h</h2><section aria-labelledby="here"></section><output for="a b"></output><input id="a">')
    problems = html_audit.id_reference_problems(html, "page.html")
    assert [p.message for p in problems] == [
        '<nav aria-labelledby="menu-title">: no element of the page has id="menu-title"',
        '<label for="__toc">: no element of the page has id="__toc"',
        '<output for="b">: no element of the page has id="b"',
    ]
    assert [(p.path, p.line) for p in problems] == [("page.html", 1)] * 3


def test_materials_own_errors_are_told_apart():
    own = html_audit.NuMessage("x.html", 3, "error", "Attribute “autocomplete” is only allowed when the input type is …",
                               '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">')
    ours = html_audit.NuMessage("x.html", 4, "error", "Attribute “autocomplete” is only allowed when the input type is …",
                                '<input type="checkbox" autocomplete="off">')
    assert own.is_material_own and not ours.is_material_own
