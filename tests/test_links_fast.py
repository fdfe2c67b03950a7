"""The quick reading of ids and links gives what Python's HTML parser gives, on every built page."""

from __future__ import annotations

import re
from pathlib import Path

from plansite.site import link_check as links


def test_quick_reading_matches_the_html_parser(site: Path) -> None:
    pages = list(site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        html = re.sub(
            r"<script.*?</script>|<!--.*?-->|<style.*?</style>", "", page.read_text(encoding="utf-8"), flags=re.S
        )
        parser = links._IdsAndLinks()
        parser.feed(html)
        parser.close()
        assert links.ids_and_links(html) == (parser.ids, parser.links), page


def test_awkward_markup_is_read_like_the_parser() -> None:
    html = (
        '<p id="a&amp;b" class=x><a href=\'../x/#y\' title="1 > 2">t</a><A HREF="q?a=1&amp;b=2">u</A>'
        '<a name="n"></a><span  id = "s" ></span><a>no href</a><a href="">empty</a><img src="a.png" alt="">'
    )
    parser = links._IdsAndLinks()
    parser.feed(html)
    parser.close()
    assert links.ids_and_links(html) == (parser.ids, parser.links)


def test_a_generated_page_hands_its_anchors_and_links_to_mkdocs(caplog) -> None:
    class Stub:  # what the check reads of MkDocs' files and pages
        def __init__(self, **attributes) -> None:
            self.__dict__.update(attributes)

    home = Stub(url="./", src_uri="index.md")
    plan = Stub(url="plans/x/", src_uri="plans/x.md")
    check = links.LinkCheck()
    check.use([home, plan])
    page = Stub(url="uncrc/article-12/", file=Stub(src_uri="uncrc/article-12.md"))
    hrefs = [
        "../../plans/x/#aims",
        "../../",
        "#top",
        "../../plans/gone/",
        "https://example.org/",
        "../../plans/x/#a%20b",
    ]
    on_site = links.on_site_links(page.url, hrefs)
    assert on_site == [
        ("../../plans/x/#aims", "plans/x/", "aims"),
        ("../../", "", ""),
        ("#top", None, "top"),
        ("../../plans/gone/", "plans/gone/", ""),
        ("../../plans/x/#a%20b", "plans/x/", "a b"),
    ]
    check.record(page, {"top"}, on_site)
    assert page.present_anchor_ids == {"top"}
    assert page.links_to_anchors == {
        plan: {"aims": "../../plans/x/#aims", "a b": "../../plans/x/#a%20b"},
        page.file: {"top": "#top"},
    }
    assert [r.getMessage() for r in caplog.records] == [
        "Doc file 'uncrc/article-12.md' contains a link '../../plans/gone/', but there is no page at "
        "'../../plans/gone/'."
    ]
