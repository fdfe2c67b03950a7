"""Every text the model accepts is shown: adult texts on the plan page, young-people texts on the
young-people page (or refused with a message).

The plan is made from the model's classes (tests/model_samples.py): every block type, every field
filled, each young-people text with a unique marker. A block type or item whose texts the pages
leave out fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from model_samples import ICONS, block_classes, sample_plan
from plansite import model as m
from project import build, copy_project, read

ORGANISATION = """
  - id: sample-trust
    name: Sample Trust
    kind: Charity
    about: A charity.
    young_people:
      text: YPORGANISATION is a charity.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict, list[tuple[int, bool]]]:
    project = copy_project(tmp_path_factory.mktemp("every-shape"))
    with (project / "data" / "organisations.yml").open("a", encoding="utf-8") as file:
        file.write(ORGANISATION)
    plan, markers = sample_plan("sample-trust")
    (project / "data" / "plans" / "sample-trust-every-shape.yml").write_text(
        yaml.safe_dump(plan, sort_keys=False), encoding="utf-8"
    )
    result = build(project / "site", project / "mkdocs.yml", preview=True)
    assert result.returncode == 0, result.stderr
    return project / "site", plan, markers


@pytest.fixture(scope="module")
def young_page(built) -> tuple[str, list[tuple[int, bool]]]:
    site, _, markers = built
    return read(site, "young-people/plans/sample-trust-every-shape"), markers


NOT_SHOWN_AS_WRITTEN = {
    "young_people",
    "id",
    "type",
    "status",
    "progress",
    "icon",
    "ordered",
    "articles",
    "related_articles",
    "columns",
    "amount",
    "size_bytes",
    "url",
    "date",
    "age",
    "organisation",
    "kind",
    "order",
    "priority_titles",
    "summary",
}
"""Keys whose values are shown in other words (a status as a label, a date spelled out) or not as text;
priority_titles are looked up by the rows' priorities, and a plan's summary is on the lists of plans."""


def adult_texts(value, key=None):
    if isinstance(value, dict):
        return [t for k, item in value.items() if k not in NOT_SHOWN_AS_WRITTEN for t in adult_texts(item, k)]
    if isinstance(value, list):
        return [t for item in value for t in adult_texts(item, key)]
    return [value] if isinstance(value, str) else []


def test_every_adult_text_of_every_block_and_item_is_on_the_plan_page(built):
    site, plan, _ = built
    import html as entities

    page = entities.unescape(re.sub(r"<[^>]+>", " ", read(site, "plans/sample-trust-every-shape")))
    page = " ".join(page.split())
    missing = [text for text in adult_texts(plan) if text.rstrip(".") not in page]
    assert not missing, missing


def test_paragraphs_of_a_priority_are_paragraphs_not_bullets(built):
    site, _, _ = built
    html = read(site, "plans/sample-trust-every-shape")
    priority = html[html.index('class="ps-priorities"') :]
    priority = priority[: priority.index("</li>")]
    assert priority.count("<p>") >= 2 and "<ul" not in priority, priority


def test_the_sample_plan_has_every_block_type_with_young_people_texts_inside():
    plan, markers = sample_plan("x")
    types = {section["blocks"][0]["type"] for section in plan["sections"]}
    assert types == set(m.BLOCK_TYPES)
    # more young-people texts than sections: blocks and the items inside them carry them too
    assert len(markers) > 2 * len(block_classes())


def test_every_young_people_text_of_every_block_and_item_is_on_the_page(young_page):
    html, markers = young_page
    missing = [n for n, _ in markers if f"YPTITLE{n}<" not in html or f"YPTEXT{n} is short." not in html]
    assert not missing, f"{len(missing)} of {len(markers)} young-people texts are not shown: {missing[:10]}"


def test_every_young_people_icon_is_shown_beside_its_title(young_page):
    """Each picture is on the page: beside its title, unless the page draws it already (never twice)."""
    from plansite.site.filters import ICONS as PICTURES
    from plansite.site.filters import icon_svg

    html, markers = young_page
    for n, _ in markers:
        at = html.index(f"YPTITLE{n}<")
        start = max(
            html.rfind('<li class="ps-card">', 0, at), html.rfind("<h2 id=", 0, at), html.rfind("<h3 id=", 0, at)
        )
        picture = str(icon_svg(PICTURES[ICONS[n % len(ICONS)]]))
        assert "<svg" in html[start:at] or picture in html, f"the icon of YPTITLE{n} is not shown"


def test_the_plan_and_organisation_texts_are_on_the_page(young_page, built):
    html, _ = young_page
    for marker in ("YPPLANTITLE", "YPPLANSUMMARY", "YPINVOLVED"):
        assert marker in html, marker
    # The plan's first section speaks for 'who we are' on the plan page; the organisation's own
    # young-people text is on its young-people page, with all its plans.
    site, _, _ = built
    assert "YPORGANISATION" in read(site, "young-people/organisations/sample-trust")


def test_the_young_people_text_of_an_organisation_takes_no_title_or_icon(project_copy):
    """Organisations' young-people texts are shown as text only: a title or icon is refused, not lost."""
    from plansite.catalogue import load_catalogue
    from plansite.errors import DataError

    organisations = project_copy / "data" / "organisations.yml"
    text = organisations.read_text(encoding="utf-8")
    organisations.write_text(
        text.replace("    young_people:\n      text:", "    young_people:\n      icon: star\n      text:", 1),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as error:
        load_catalogue(project_copy / "data")
    assert re.search(r"data/organisations.yml:\d+:\d+: unknown key 'icon'", error.value.problems.report())
