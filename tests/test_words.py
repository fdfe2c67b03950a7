"""Words around the site: plurals that agree, no nested brackets, one site name, the editors' guide in the footer."""

from __future__ import annotations

import html as entities
import re

import pytest
from plansite.views.words import plural
from project import read


@pytest.mark.parametrize(
    "count, expected", [(0, "0 plan items cite it"), (1, "1 plan item cites it"), (2, "2 plan items cite it")]
)
def test_plural_agrees_with_the_count(count, expected):
    assert plural(count, "plan item cites it", "plan items cite it") == expected


def main_text(html: str) -> str:
    start = html.index('<main id="main-content"')
    body = html[start : html.index("</main>", start)]
    body = re.sub(r"<(script|code|pre)\b.*?</\1>", " ", body, flags=re.S)
    return entities.unescape(re.sub(r"<[^>]+>", " ", body))


def test_no_count_disagrees_with_its_noun(site):
    wrong = re.compile(
        r"\b1 (plan items|items|articles|rights) |\b([02-9]|\d\d+) plan item (cite|talk)\b|\b1 plan item (cite|talk) "
    )
    for page in sorted(p for p in site.rglob("index.html") if p.parent != site / "admin"):  # the form editor
        text = main_text(page.read_text(encoding="utf-8"))
        assert not wrong.search(text), (page, wrong.search(text).group(0))


def test_no_nested_brackets_in_any_page(site):
    nested = re.compile(r"\([^()]*\(")
    found = []
    for page in sorted(p for p in site.rglob("index.html") if p.parent != site / "admin"):  # the form editor
        text = " ".join(main_text(page.read_text(encoding="utf-8")).split())
        found += [f"{page.relative_to(site)}: {m.group(0)[-60:]}" for m in nested.finditer(text)]
    assert not found, "\n".join(found[:10])


@pytest.mark.parametrize("url", ["", "plans/occ-business-plan-2012-13", "young-people", "uncrc/article-3"])
def test_the_editors_guide_is_linked_from_the_footer(site, url):
    html = read(site, url)
    footer = html[html.index('<div class="md-copyright ps-footer">') :]
    assert re.search(r'<a href="(\.\./)*editors-guide/">', footer)


def test_the_home_page_heading_is_not_the_site_name_again(site):
    html = read(site, "")
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    assert "plan to do" in h1 and "Children's organisations' plans" != entities.unescape(h1).strip()
