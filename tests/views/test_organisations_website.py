"""An organisation's website is a link on its page, for any organisation in the data."""

from __future__ import annotations

import re

from plan_files import shared_cache
from plansite.catalogue import load_catalogue
from plansite.model.values import website_href
from project import DATA


def test_every_organisations_website_is_a_link_to_it(site):
    for organisation in load_catalogue(DATA, cache=shared_cache()).organisations.values():
        page = site / "organisations" / organisation.id / "index.html"
        if not organisation.website or not page.exists():
            continue
        html = page.read_text(encoding="utf-8")
        links = re.findall(r'<dt>Website</dt><dd><a href="([^"]+)">', html)
        assert links == [website_href(organisation.website)], organisation.id
