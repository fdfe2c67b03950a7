"""Search: every page links to its audience's search page, no page loads an index, the build writes Pagefind's."""

from __future__ import annotations

import concurrent.futures
import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from plansite.site import search
from plansite.site.pagefind_client import PagefindError
from plansite.site.search import PagesIndexer, SearchIndexError, indexed_part
from project import read

PLAN = "plans/occ-business-plan-2012-13/"
YOUNG_PLAN = "young-people/" + PLAN


def pages(site: Path) -> list[tuple[str, str]]:
    return [
        (f.parent.relative_to(site).as_posix() + "/" if f.parent != site else "", f.read_text(encoding="utf-8"))
        for f in site.rglob("index.html")
        if "pagefind" not in f.parts
        and f.parent != site / "admin"  # the form editor, drawn by Decap CMS
        and 'http-equiv="refresh"' not in f.read_text(encoding="utf-8")
    ]


def test_every_page_links_to_the_search_page_of_its_audience(site: Path) -> None:
    for url, html in pages(site):
        link = re.search(r'<a class="md-header__button ps-search-link" href="([^"]+)"', html)
        assert link, f"/{url} has no search link in its header"
        expected = "/young-people/search/" if url.startswith("young-people/") else "/search/"
        assert urljoin("/" + url, link.group(1)) == expected, f"/{url}: {link.group(1)}"


def test_no_page_loads_a_search_index(site: Path) -> None:
    assert not (site / "search" / "search_index.json").exists()
    for url, html in pages(site):
        assert "search_index" not in html and 'data-md-component="search"' not in html, url


def test_the_build_writes_the_index_and_only_content_is_indexed(site: Path) -> None:
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    indexed = [url for url, html in pages(site) if "data-pagefind-body" in html]
    assert entry["languages"]["en"]["page_count"] == len(indexed)
    assert "search/" not in indexed and "young-people/search/" not in indexed
    assert PLAN in indexed and YOUNG_PLAN in indexed and "accessibility/" in indexed
    html = read(site, YOUNG_PLAN)
    assert html.count("data-pagefind-body") == 1
    body = html[html.index("data-pagefind-body") :]
    assert "md-sidebar" not in body and 'class="md-header' not in body  # navigation and header stay out


def test_pages_carry_filters_from_their_data(site: Path) -> None:
    def filters(url: str) -> set[tuple[str, str]]:
        return set(re.findall(r'data-pagefind-filter="(\w+)\[data-value\]" data-value="([^"]*)"', read(site, url)))

    plan = filters(YOUNG_PLAN)
    assert {
        ("kind", "Plan"),
        ("audience", "For young people"),
        ("plan", "OCC Business Plan 2012 -2013"),
        ("organisation", "Office of the Children&#39;s Commissioner"),
        ("article", "Article 12"),
    } <= plan
    assert {("kind", "UNCRC article"), ("article", "Article 12"), ("audience", "For adults")} <= filters(
        "uncrc/article-12/"
    )
    assert {("kind", "Guide"), ("audience", "For adults")} == filters("accessibility/")


def test_only_search_pages_may_run_webassembly(site: Path) -> None:
    for url, html in pages(site):
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
        assert ("'wasm-unsafe-eval'" in policy) == url.endswith("search/"), url
        assert "'unsafe-eval'" not in policy and "'unsafe-inline'" not in policy and "worker-src 'self'" in policy


def test_search_pages_label_the_field_and_offer_the_filters(site: Path) -> None:
    young = read(site, "young-people/search/")
    assert re.search(r'<label for="ps-search-input">[^<]+</label>', young)
    assert '<option value="For young people" selected>' in young  # young people search their pages first
    adult = read(site, "search/")
    for name in ("audience", "kind", "organisation", "plan", "article"):
        assert f'data-filter="{name}"' in adult
    assert '<option value="Office of the Children&#39;s Commissioner">' in adult
    assert '<option value="Article 12">Article 12: ' in adult


def test_indexing_nothing_fails_and_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError):
        PagesIndexer(tmp_path).write()
    assert not (tmp_path / "pagefind").exists()


def test_when_pagefind_stops_the_build_fails_and_writes_no_index(tmp_path: Path) -> None:
    indexer = PagesIndexer(tmp_path)
    indexer.add("", '<html lang="en-GB"><body><div data-pagefind-body><p>Some words.</p></div></body></html>')
    indexer._filling.service._process.kill()  # Pagefind is gone before the next page
    indexer.add("other/", '<html lang="en-GB"><body><div data-pagefind-body><p>More words.</p></div></body></html>')
    with pytest.raises(SearchIndexError, match="Pagefind stopped"):
        indexer.write()
    assert not (tmp_path / "pagefind").exists() and not list(tmp_path.iterdir())


def test_an_index_pagefind_did_not_make_fails_the_build_when_it_is_written(tmp_path: Path) -> None:
    indexer = PagesIndexer(tmp_path)
    refused = concurrent.futures.Future()
    refused.set_exception(PagefindError("the index was refused"))
    indexer.add("", page_with("Some words"))
    indexer._filling.service._new_index = refused  # as if Pagefind had answered NewIndex with an error
    indexer.add("other/", page_with("More words"))
    with pytest.raises(SearchIndexError, match="the index was refused"):
        indexer.write()
    assert not list(tmp_path.iterdir())


def page_with(words: str) -> str:
    return f'<html lang="en-GB"><body><div data-pagefind-body><p>{words}</p></div></body></html>'


def test_a_big_index_is_written_in_parts_each_with_its_own_pagefind(tmp_path: Path) -> None:
    indexer = PagesIndexer(tmp_path, part_size=len(indexed_part(page_with("x" * 40))) * 2, run=10**15)
    for number in range(5):
        indexer.add(f"page-{number}/", page_with(f"Page number{number} words"))
    services = [part.service for part in [*indexer._parts, indexer._filling]]
    assert indexer.write() == 5
    index = tmp_path / "pagefind"
    parts = json.loads((index / "parts.json").read_text())
    assert len(parts) == 2 and all(re.fullmatch(r"part-[0-9a-f]{20}/", part) for part in parts)
    assert sorted(indexed_texts(index)) == ["/page-0/", "/page-1/"]
    assert sorted(indexed_texts(index / parts[0])) == ["/page-2/", "/page-3/"]
    assert sorted(indexed_texts(index / parts[1])) == ["/page-4/"]
    assert len(services) == 3 and all(service._process.poll() is not None for service in services)
    assert sorted(f.name for f in tmp_path.iterdir()) == [search.RECORD, "pagefind"]


def test_a_part_ends_after_a_page_that_ends_a_run_whatever_came_before(tmp_path: Path) -> None:
    urls = [f"page-{number}/" for number in range(40)]
    ends = [url for url in urls if search.ends_a_run(url, 7)]
    assert ends and len(ends) < 20
    indexer = PagesIndexer(tmp_path, urls, run=7)
    for url in urls:
        indexer.add(url, page_with(f"Words of {url}"))
    assert indexer.write() == 40
    parts = json.loads((tmp_path / "pagefind" / "parts.json").read_text())
    order = ["/" + url for url in urls]
    last_pages = [max(indexed_texts(tmp_path / "pagefind" / part), key=order.index) for part in ["", *parts]]
    assert ["/" + url for url in ends if url != urls[-1]] == last_pages[:-1]


def test_a_dirty_build_keeps_the_parts_whose_pages_give_pagefind_what_they_gave(tmp_path: Path) -> None:
    """The parts of the last index whose pages are the same are kept as they were, also when a page was
    drawn again with the same text; the part of a page whose text changed is made again, with its
    other pages as the site holds them."""
    urls = [f"page-{number}/" for number in range(30)]
    run = 5
    assert sum(search.ends_a_run(url, run) for url in urls[:-1]) >= 2

    def index(texts: dict[str, str], drawn: list[str], keep_last: bool) -> None:
        indexer = PagesIndexer(tmp_path, urls, keep_last=keep_last, run=run)
        for url in drawn:
            html = page_with(f"Words of {url} {texts[url]}")
            (tmp_path / url).mkdir(exist_ok=True)
            (tmp_path / url / "index.html").write_text(html)
            indexer.add(url, html)
        indexer.write()

    first = dict.fromkeys(urls, "as one")
    index(first, urls, keep_last=False)
    parts = parts_of(tmp_path)
    for part in parts:  # a mark in each folder, which only a folder kept still has
        (tmp_path / "pagefind" / part / "mark").write_text("")
    in_first_part = sorted(url[1:] for url in indexed_texts(tmp_path / "pagefind" / parts[0]))
    edited, same = urls[-1], in_first_part[0]
    index({**first, edited: "as two"}, [same, edited], keep_last=True)
    after = parts_of(tmp_path)
    kept = [part for part in after if (tmp_path / "pagefind" / part / "mark").exists()]
    assert parts[0] in kept and len(kept) == len(after) - 1  # the edited page's part alone is made again
    texts = {url: text for part in ["", *after] for url, text in indexed_texts(tmp_path / "pagefind" / part).items()}
    assert sorted(texts) == sorted("/" + url for url in urls)
    assert "as two" in texts["/" + edited] and "as one" in texts["/" + urls[1]]
    index({**first, edited: "as two"}, urls, keep_last=False)  # not dirty: every part is made again
    assert parts_of(tmp_path) == after
    assert not any((tmp_path / "pagefind" / part / "mark").exists() for part in after)


def parts_of(site: Path) -> list[str]:
    return json.loads((site / "pagefind" / "parts.json").read_text())


def test_a_site_of_one_part_lists_no_other(tmp_path: Path) -> None:
    indexer = PagesIndexer(tmp_path)
    indexer.add("", page_with("Some words"))
    assert indexer.write() == 1
    assert json.loads((tmp_path / "pagefind" / "parts.json").read_text()) == []


def indexed_texts(folder: Path) -> dict[str, str]:
    """What Pagefind holds of each page: its indexed text, by URL (folder: a site, or one part of an index)."""
    import gzip

    folder = folder / "pagefind" if (folder / "pagefind").is_dir() else folder
    texts = {}
    for fragment in (folder / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        record = json.loads(data[data.index(b"{") :])
        texts[record["url"]] = record["content"]
    return texts


def test_an_article_page_is_found_by_the_article_not_by_the_items_citing_it(site: Path) -> None:
    texts = indexed_texts(site)
    article = texts["/uncrc/article-12/"]
    assert "What the article says" in article
    html = read(site, "uncrc/article-12/")
    items = html[html.index('<section class="ps-plan-items"') :]
    cited = max(re.findall(r"<p>(.*?)</p>", items, re.S), key=len)  # the longest text of an item
    phrase = " ".join(re.sub(r"<[^>]+>", "", cited).split()[:6])
    assert len(phrase.split()) == 6
    assert phrase not in article  # the item is found on its plan's page instead
    assert any(phrase in text for url, text in texts.items() if url.startswith("/plans/"))


def test_pagefind_is_given_the_whole_indexed_part_of_a_page_and_only_it(site: Path) -> None:
    for url in (PLAN, YOUNG_PLAN, "uncrc/article-12/", "accessibility/", ""):
        html = read(site, url)
        part = indexed_part(html)
        body = html[html.index("<div data-pagefind-body>") :]
        body = body[: body.rindex("</article>")].rstrip()
        assert part.endswith(body + "</body></html>"), url
        assert 'class="md-header' not in part and "md-sidebar" not in part
        assert body.count("<div") == body.count("</div>")  # the part is a whole element


def _fragments(folder: Path) -> dict[str, dict]:
    """Everything Pagefind holds of each page (text, title, filters, words' places), by URL."""
    import gzip

    found = {}
    for fragment in (folder / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        record = json.loads(data[data.index(b"{") :])
        found[record["url"]] = record
    return found
