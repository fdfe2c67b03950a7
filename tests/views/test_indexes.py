"""A national portal's home pages: with many organisations they list the organisations A to Z, not every plan."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin

from plansite.views.indexes import DIRECTORY_FROM, directory
from project import read


def named(*names: str) -> list:
    return [(SimpleNamespace(name=name), [None] * (index + 1)) for index, name in enumerate(names)]


def test_organisations_are_filed_by_first_letter_as_people_file_them():
    groups = directory(named("Board (area 10)", "board", "Board (area 2)", "Ŵyr Council", "4Children", "Anytown"))
    assert [letter for letter, _ in groups] == ["A", "B", "W", "0-9"]
    boards = dict(groups)["B"]
    assert [o.name for o, _ in boards] == ["board", "Board (area 2)", "Board (area 10)"]
    assert [count for _, count in boards] == [2, 3, 1]  # each with its own number of plans


def links(html: str, url: str) -> list[str]:
    return [urljoin("/" + url, href) for href in re.findall(r'<a href="([^"]+)"', html)]


def test_the_home_pages_list_every_organisation_once_with_its_plans_counted(portal_site: Path):
    # Every organisation has a page; the home pages list those with plans (the portal's copies of the
    # real plans do not always reach the last copy of every organisation).
    plan_files = (portal_site.parent / "data" / "plans").glob("*.yml")
    with_plans = {re.search(r"(?m)^organisation: (\S+)$", f.read_text(encoding="utf-8")).group(1) for f in plan_files}
    organisations = sorted(
        p.name for p in (portal_site / "organisations").iterdir() if p.is_dir() and p.name in with_plans
    )
    assert len(organisations) == len(with_plans) > DIRECTORY_FROM
    for url, prefix in (("", "/organisations/"), ("young-people/", "/young-people/organisations/")):
        html = read(portal_site, url)
        article = html[html.index('<article class="ps-home') : html.index("</article>")]
        listed = [link for link in links(article, url) if link.startswith(prefix)]
        assert sorted(link[len(prefix) : -1] for link in listed) == organisations, url
        assert 'class="ps-card"' not in article and "/plans/" not in "".join(listed)
        counts = re.findall(r"\((\d+) plans?\)", article)
        assert sum(map(int, counts)) == len(list((portal_site / "plans").glob("*/index.html")))
        for anchor in re.findall(r'<a href="#(letter-\d+)">', article):
            assert f'id="{anchor}"' in article
        assert (portal_site / "index.html").stat().st_size < 100_000


def test_the_real_site_still_lists_its_plans_on_the_home_page(site: Path):
    html = read(site, "")
    assert html.count('class="ps-card"') == len(list((site / "plans").glob("*/index.html")))
    assert "Organisations, A to Z" not in html


def test_the_young_people_menu_says_start_here_to_find_a_plan(portal_site: Path):
    html = read(portal_site, "young-people/plans/occ-business-plan-2012-13-k3")
    assert "Start here: find a plan" in html and "Start here: all the plans" not in html


def plan_sections(html: str) -> list[str]:
    return re.findall(r'<section class="ps-plan-items" aria-labelledby="plan-([^"]+)">', html)


def test_an_article_cited_by_many_plans_lists_them_all_on_pages_of_fifty(portal_site: Path):
    from plansite.views.articles import PLANS_PER_PAGE

    for prefix in ("", "young-people/"):
        first = read(portal_site, f"{prefix}uncrc/article-12")
        total = int(re.search(r'<p class="ps-page-note">(\d+) plans', first).group(1))
        pages = [first] + [
            read(portal_site, f"{prefix}uncrc/article-12/page-{n}") for n in range(2, -(-total // PLANS_PER_PAGE) + 1)
        ]
        assert len(pages) >= 2 and not (portal_site / f"{prefix}uncrc/article-12/page-{len(pages) + 1}").exists()
        shown = [plan_sections(page) for page in pages]
        assert [len(s) for s in shown[:-1]] == [PLANS_PER_PAGE] * (len(pages) - 1)
        everything = [slug for s in shown for slug in s]
        assert len(everything) == len(set(everything)) == total
        for number, page in enumerate(pages, start=1):
            nav = page[page.index('<nav class="ps-pages"') :]
            nav = nav[: nav.index("</nav>")]
            assert len(re.findall(r"<li><a href=", nav)) == len(pages)
            assert re.findall(r'<a href="[^"]*" aria-current="page">(\d+) to', nav) == [
                str((number - 1) * PLANS_PER_PAGE + 1)
            ]
            assert ("data-pagefind-body" in page) == (number == 1)  # the article is found by its first page
    young = read(portal_site, "young-people/uncrc/article-12/page-2")
    assert 'href="../../../../uncrc/article-12/page-2/"' in young  # the other version of the same page


def test_the_real_site_has_one_page_per_article(site: Path):
    assert not list(site.glob("**/uncrc/article-*/page-*"))
    assert "ps-pages" not in read(site, "uncrc/article-12")
