"""The real build: every plan page, article page and young-people page, as a reader gets them."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from project import DATA, build, read

SLUGS = [
    "occ-business-plan-2012-13",
    "occ-strategic-plan-2012-14",
    "occ-participation-strategy-2014-15",
    "scb-business-plan-2009-10",
    "chscb-business-plan-2014-15",
    "cumberland-participation-strategy-2024-27",
    "kirklees-children-in-care-pledge",
]


class Links(HTMLParser):
    """Collects ids, links and h1 count of a page."""

    def __init__(self):
        super().__init__()
        self.ids, self.hrefs, self.h1 = set(), [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        if tag == "h1":
            self.h1 += 1


def parse(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


def resolve(site: Path, page_url: str, href: str) -> tuple[Path, str]:
    """The built file and #anchor a relative link from a page points to."""
    target, _, anchor = href.partition("#")
    base = site / page_url
    path = (base / target).resolve() if target else base.resolve()
    if path.is_dir():
        path = path / "index.html"
    return path, anchor


@pytest.mark.parametrize("slug", SLUGS)
def test_plan_pages_exist_with_audience_and_links_both_ways(site, slug):
    adult = read(site, f"plans/{slug}")
    young = read(site, f"young-people/plans/{slug}")
    assert '<meta name="audience" content="adult">' in adult
    assert '<meta name="audience" content="young-people">' in young
    assert f'href="../../young-people/plans/{slug}/"' in adult and "Read the version for young people" in adult
    assert f'href="../../../plans/{slug}/"' in young and "Read the full plan" in young
    assert parse(adult).h1 == 1 and parse(young).h1 == 1
    assert 'lang="en-GB"' in adult and 'lang="en-GB"' in young


@pytest.mark.parametrize("slug", SLUGS)
def test_young_people_page_has_help_box_and_childline(site, slug):
    young = read(site, f"young-people/plans/{slug}")
    assert "Need help now?" in young
    assert 'href="tel:08001111"' in young


def test_business_plan_carries_the_source_facts(site):
    html = read(site, "plans/occ-business-plan-2012-13")
    for fact in [
        "£1,275M",
        "£460K",
        "£765K",
        "£1.735M",
        "70%",
        "£1.629m",
        "£185,908",
        "£108,550",
        "£21,251",
        "£7,518",
        "School Exclusions Inquiry",
        "Dr Maggie Atkinson",
        "33 Greycoat Street",
        "020 7783 8330",
        "Child Sexual Exploitation in Gangs and Groups Inquiry (CSEGG)",
        "Deputy Children's Commissioner",
        "Realise and deliver key milestones",
        "twenty three committed experts",
    ]:
        assert fact in html.replace("&#39;", "'").replace("&amp;", "&"), fact
    ids = parse(html).ids
    for anchor in ["sp1", "sp1-1", "sp2-5", "sp3-4", "school-exclusions-inquiry", "delivery", "budget"]:
        assert anchor in ids, anchor


def test_delivery_table_has_every_budgeted_project(site):
    html = read(site, "plans/occ-business-plan-2012-13")
    table = html[html.index('id="delivery"') :]
    table = table[: table.index("</table>")]
    assert "<caption" in table and 'scope="col"' in table
    assert len(re.findall(r'<th scope="row" class="ps-col-project">', table)) == 19


def test_action_plan_rows_and_status_words(site):
    html = read(site, "plans/chscb-business-plan-2014-15")
    assert html.count('<tr id="') == 7
    assert "Not reported" in html
    for word in ["Completed", "On track", "In progress, needs attention", "Outstanding, urgent attention needed"]:
        assert word in html
    scb = read(site, "plans/scb-business-plan-2009-10")
    assert scb.count('<tr id="') == 25


def test_every_internal_link_and_anchor_resolves(site):
    broken = []
    for file in site.rglob("index.html"):
        url = file.parent.relative_to(site).as_posix()
        url = "" if url == "." else url + "/"
        for href in parse(file.read_text(encoding="utf-8")).hrefs:
            if re.match(r"^[a-z]+:", href) or href.startswith("//"):
                continue
            target, anchor = resolve(site, url, href)
            if not target.exists():
                broken.append(f"{url}: {href}")
            elif anchor and target.suffix == ".html" and anchor not in parse(target.read_text(encoding="utf-8")).ids:
                broken.append(f"{url}: {href} (no #{anchor})")
    assert not broken, "\n".join(broken[:20])


def test_cited_articles_link_both_ways_in_both_audiences(site):
    """Aim 2.5 cites 19, 7 and 33 ('Article 19 7, 33'): each links to its article, which links back."""
    adult = read(site, "plans/occ-strategic-plan-2012-14")
    for number in (19, 7, 33):
        assert f'href="../../uncrc/article-{number}/"' in adult
        article = read(site, f"uncrc/article-{number}")
        assert 'href="../../plans/occ-strategic-plan-2012-14/#sp2-5"' in article
        assert f'href="../../young-people/plans/occ-strategic-plan-2012-14/#right-{number}"' in article
        young_article = read(site, f"young-people/uncrc/article-{number}")
        assert f'href="../../../young-people/plans/occ-strategic-plan-2012-14/#right-{number}"' in young_article
        young_plan = read(site, "young-people/plans/occ-strategic-plan-2012-14")
        assert f'id="right-{number}"' in young_plan
        assert f'href="../../../young-people/uncrc/article-{number}/"' in young_plan


def test_free_text_mentions_become_links_and_keep_the_words(site):
    html = read(site, "plans/occ-strategic-plan-2012-14")
    assert re.search(
        r'\(Article <a href="\.\./\.\./uncrc/article-19/">19</a> <a href="\.\./\.\./uncrc/article-7/">7</a>, <a '
        r'href="\.\./\.\./uncrc/article-33/">33</a>\)',
        html,
    )


def test_108_article_pages_and_two_indexes(site):
    assert len(list((site / "uncrc").glob("article-*/index.html"))) == 54
    assert len(list((site / "young-people" / "uncrc").glob("article-*/index.html"))) == 54
    index = read(site, "uncrc")
    assert index.count("General principle") >= 4
    assert "Articles no plan addresses" in index
    uncited = read(site, "uncrc/article-50")
    assert "No plan on this site cites this article" in uncited


def test_related_rights_are_told_apart_from_citations(site):
    article = read(site, "uncrc/article-34")
    items = re.findall(r'<p class="ps-citation__where">(.*?)</p>', article, re.S)
    related = [i for i in items if "related by the site’s editors; the plan itself does not cite this article" in i]
    assert related and len(related) < len(items)


def test_draft_plan_only_in_preview(project_copy, tmp_path):
    plan = project_copy / "data" / "plans" / "scb-business-plan-2009-10.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("status: published", "status: draft"), encoding="utf-8")
    production, preview = tmp_path / "prod", tmp_path / "preview"
    assert build(production, project_copy / "mkdocs.yml").returncode == 0
    assert build(preview, project_copy / "mkdocs.yml", preview=True).returncode == 0
    assert not (production / "plans" / "scb-business-plan-2009-10").exists()
    assert (preview / "plans" / "scb-business-plan-2009-10" / "index.html").exists()


def test_future_plan_is_held_back(project_copy, tmp_path):
    plan = project_copy / "data" / "plans" / "scb-business-plan-2009-10.yml"
    text = plan.read_text(encoding="utf-8").replace("publish_on: 2026-11-23", "publish_on: 2999-01-01", 1)
    plan.write_text(text, encoding="utf-8")
    assert build(tmp_path / "out", project_copy / "mkdocs.yml").returncode == 0
    assert not (tmp_path / "out" / "plans" / "scb-business-plan-2009-10").exists()


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("title: Business Plan 2009/10", "title: Business Plan 2009/10\ntitle: Again", "duplicate key 'title'"),
        ("period: ", "peroid: ", "unknown key 'peroid'; did you mean 'period'?"),
        ("status: published", "status: publised", "did you mean 'published'?"),
        ("related_articles: [34]", "related_articles: [99]", "there is no UNCRC article 99"),
        ("title: Business Plan 2009/10", 'title: "Business Plan 2009/10', "YAML syntax"),
        ("title: Business Plan 2009/10", "title: <script>alert(1)</script>", "HTML is not allowed"),
    ],
)
def test_a_broken_plan_stops_the_build_with_file_and_line(project_copy, tmp_path, old, new, expected):
    plan = project_copy / "data" / "plans" / "scb-business-plan-2009-10.yml"
    text = plan.read_text(encoding="utf-8")
    assert old in text
    plan.write_text(text.replace(old, new, 1), encoding="utf-8")
    out = tmp_path / "out"
    result = build(out, project_copy / "mkdocs.yml")
    assert result.returncode != 0
    assert re.search(r"data/plans/scb-business-plan-2009-10\.yml:\d+:\d+: ", result.stderr)
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert not (out / "index.html").exists()


def test_reading_level_of_every_young_people_page(site):
    from plansite.check import reading

    table, ok = reading.report(reading.measure_site(site))
    print(table)
    assert ok, table


def test_a_renamed_plan_keeps_its_old_address(project_copy, tmp_path):
    plan = project_copy / "data" / "plans" / "scb-business-plan-2009-10.yml"
    text = plan.read_text(encoding="utf-8").replace(
        "status: published", "status: published\nprevious_slugs: [scb-plan-2009]", 1
    )
    plan.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert build(out, project_copy / "mkdocs.yml").returncode == 0
    for prefix, depth in (("", "../../"), ("young-people/", "../../../")):
        old = (out / prefix / "plans" / "scb-plan-2009" / "index.html").read_text(encoding="utf-8")
        target = f"{depth}{prefix}plans/scb-business-plan-2009-10/"
        assert f'<meta http-equiv="refresh" content="0; url={target}">' in old
        assert f'<a href="{target}">' in old
        assert (out / prefix / "plans" / "scb-plan-2009" / target / "index.html").resolve().exists()


def test_last_updated_comes_from_the_data_never_from_git(site):
    """A plan whose data gives no date shows none: a commit that only reformats a file dates nothing.

    With a date in the data, the page shows it (tests/test_living.py).
    """
    html = read(site, "plans/chscb-business-plan-2014-15")
    assert "<dt>Last updated</dt>" not in html


def test_every_citation_links_both_ways_in_both_audiences(site):
    """Each cited or related article: the plan links to it, and its page links back, for adults and young people."""
    from plansite.catalogue import load_catalogue
    from plansite.views.citations import citations

    index = citations(load_catalogue(DATA))
    assert index, "the plans cite articles"
    pages: dict[str, str] = {}

    def read(site, url):
        if url not in pages:
            pages[url] = (site / url / "index.html").read_text(encoding="utf-8")
        return pages[url]

    missing = []
    for number, items in index.items():
        article = read(site, f"uncrc/article-{number}")
        young_article = read(site, f"young-people/uncrc/article-{number}")
        for citation in items:
            slug = citation.plan.slug
            adult_plan = read(site, f"plans/{slug}")
            young_plan = read(site, f"young-people/plans/{slug}")
            checks = {
                "article page -> plan item": f'href="../../plans/{slug}/#{citation.anchor}"' in article,
                "article page -> young plan": f'href="../../young-people/plans/{slug}/#right-{number}"' in article,
                "plan -> article page": f'href="../../uncrc/article-{number}/"' in adult_plan,
                "plan item anchor": f'id="{citation.anchor}"' in adult_plan,
                "young article -> young plan": f'href="../../../young-people/plans/{slug}/#right-{number}"'
                in young_article,
                "young plan -> young article": f'href="../../../young-people/uncrc/article-{number}/"' in young_plan,
            }
            missing += [f"article {number}, {slug}#{citation.anchor}: {name}" for name, ok in checks.items() if not ok]
    assert not missing, "\n".join(missing[:20])


def test_occ_plans_cite_the_articles_the_source_cites(site):
    """The articles written in each OCC source plan are all linked from both versions of that plan."""
    import re as regex

    from plansite.texts.article_mentions import mentioned_articles
    from project import ROOT

    for slug in ["occ-business-plan-2012-13", "occ-strategic-plan-2012-14", "occ-participation-strategy-2014-15"]:
        source = (ROOT / "tests" / "fixtures" / "source-plans" / f"{slug}.txt").read_text(encoding="utf-8")
        cited = set(mentioned_articles(regex.sub(r"<[^>]+>", " ", source)))
        assert len(cited) >= 5
        adult, young = read(site, f"plans/{slug}"), read(site, f"young-people/plans/{slug}")
        for number in cited:
            assert f'href="../../uncrc/article-{number}/"' in adult, (slug, number)
            assert f'href="../../../young-people/uncrc/article-{number}/"' in young, (slug, number)


@pytest.mark.parametrize("slug", SLUGS)
def test_young_people_pages_explain_words_with_glossary_links(site, slug):
    young = read(site, f"young-people/plans/{slug}")
    links = re.findall(r'<a class="ps-term" href="([^"]+)">', young)
    assert links, "no word linked to the young-people glossary"
    glossary_ids = parse(read(site, "young-people/glossary")).ids
    for href in links:
        assert href.startswith("../../../young-people/glossary/#") and href.split("#")[1] in glossary_ids


def _words(text: str) -> str:
    """Text as a reader sees it: no tags or Markdown marks, entities decoded, spacing and quotes evened out."""
    import html as entities

    text = re.sub(r"<sup\b[^>]*>", " ", text)  # a footnote mark, printed or linked, is a word of its own
    text = re.sub(r"</?(a|abbr|strong|em|span|code|sup|time)\b[^>]*>", "", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = entities.unescape(text).translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789"))
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`#>|\-–—•·\"'“”‘’:;,.()\[\]]", " ", text)
    return " ".join(text.split())


@pytest.mark.parametrize("slug", SLUGS)
def test_every_adult_text_of_the_data_is_on_the_plan_page(site, slug):
    """Nothing in a plan file is lost on the way to its page: every text, figure and name is shown."""
    import yaml as yaml_reader

    data = yaml_reader.safe_load((DATA / "plans" / f"{slug}.yml").read_text(encoding="utf-8"))
    skip = {
        "young_people",
        "id",
        "type",
        "status",
        "organisation",
        "matches",
        "previous_slugs",
        "kind",
        "ordered",
        "articles",
        "related_articles",
        "icon",
        "publish_on",
        "last_updated",
        "columns",
        "progress",
        "amount",
        "summary",
        "url",
    }

    def texts(value):
        if isinstance(value, dict):
            return [t for key, item in value.items() if key not in skip for t in texts(item)]
        if isinstance(value, list):
            return [t for item in value for t in texts(item)]
        return [str(value)] if isinstance(value, str) else []

    page = _words(read(site, f"plans/{slug}"))
    missing = [text for text in texts(data) if _words(text) and _words(text) not in page]
    assert not missing, "\n".join(missing[:10])
    if "original" in data:  # the original document's address is the link's target, not words on the page
        assert f'href="{data["original"]["url"]}"' in read(site, f"plans/{slug}")


def test_progress_shows_in_words_and_icons_for_both_audiences(project_copy, tmp_path):
    plan = project_copy / "data" / "plans" / "chscb-business-plan-2014-15.yml"
    text = plan.read_text(encoding="utf-8")
    lines = text.split("\n")
    rows = [i for i, line in enumerate(lines) if line.strip() == "timescale: Dec 14"]
    for index, status in zip(reversed(rows[:3]), ["urgent", "needs-attention", "completed"]):
        indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
        lines.insert(index + 1, f"{indent}progress: {status}")
    plan.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "out"
    result = build(out, project_copy / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    adult = (out / "plans" / "chscb-business-plan-2014-15" / "index.html").read_text(encoding="utf-8")
    young = (out / "young-people" / "plans" / "chscb-business-plan-2014-15" / "index.html").read_text(encoding="utf-8")
    for page, words in (
        (adult, ["Completed", "In progress, needs attention", "Outstanding, urgent attention needed"]),
        (young, ["Done", "Needs more work", "Late: needs work now"]),
    ):
        for word in words:
            tag = re.search(
                r'<span class="ps-status ps-status--[a-z-]+"><svg aria-hidden="true"[^>]*>.*?</svg><span>'
                + re.escape(word)
                + "</span>",
                page,
                re.S,
            )
            assert tag, word


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("prefix", ["", "young-people/"])
def test_headings_of_a_plan_page_are_not_repeated(site, slug, prefix):
    """Two sections called the same would leave a reader (or a screen reader's list of headings) unsure."""
    html = read(site, f"{prefix}plans/{slug}")
    headings = [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html, re.S)]
    repeated = {h for h in headings if headings.count(h) > 1}
    assert not repeated, repeated
