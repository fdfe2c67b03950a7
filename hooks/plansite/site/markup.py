"""Small repairs to Material's page markup, so every page is valid HTML with a working skip link.

Each repair names the Nu HTML Checker error or accessibility gap it closes; they run on the
finished page because the markup lives outside the template blocks a theme can override.
"""

from __future__ import annotations

import re

SKIP_TARGET = "ps-content"
SKIP_LINK = f'<a href="#{SKIP_TARGET}" class="md-skip">Skip to content</a>'


def repair(html: str) -> str:
    """The page with Material's markup repaired; only the part before the page's own <article> is
    Material's (header, navigation, table of contents), so the rest is not searched."""
    start = html.find("<article")
    if start < 0:
        return _repair(html)
    return _repair(html[:start]) + html[start:]


def _repair(html: str) -> str:
    # "Attribute autocomplete is only allowed when the input type is ..." (Material's toggles)
    html = re.sub(r'(<input[^>]*type="checkbox"[^>]*?) autocomplete="off"', r"\1", html)
    # "Bad value '' for attribute tabindex" (Material's nav section labels)
    html = html.replace(' tabindex=""', "")
    # "The for attribute of the label must be the ID of a non-hidden form control": on pages
    # outside the navigation there is no table-of-contents toggle for the label to point at.
    if 'id="__toc"' not in html:
        html = html.replace('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">')
    # Material writes a skip link only on pages with a table of contents, to the first heading of
    # that table (past the page's title and what comes before its first section). Every page gets
    # one, to the start of the page's content: where its title is, after the menus.
    html = html.replace('<main class="md-main"', '<main id="main-content" class="md-main"', 1)
    html = html.replace(
        '<div class="md-content" data-md-component="content">',
        f'<div class="md-content" id="{SKIP_TARGET}" data-md-component="content">',
        1,
    )
    html = re.sub(r'(<div data-md-component="skip">).*?(</div>)', rf"\1{SKIP_LINK}\2", html, count=1, flags=re.S)
    return html
