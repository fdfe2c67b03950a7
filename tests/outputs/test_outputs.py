"""outputs/: each plan's part of the downloads and feeds (plan_outputs), and the site's files put
together from those parts, the same as when made from the catalogue alone."""

from __future__ import annotations

import random

from plan_files import TODAY, data_folder
from plansite import outputs
from plansite.catalogue import load_catalogue

SITE_URL = "https://example.org/"


def test_the_sites_files_put_together_from_each_plans_part_are_those_made_from_the_catalogue(tmp_path) -> None:
    catalogue = load_catalogue(data_folder(tmp_path), preview=True, today=TODAY)
    parts = [outputs.plan_outputs(catalogue, plan_file, SITE_URL) for plan_file in catalogue.plans]
    plain = dict(outputs.site_files(catalogue, SITE_URL))
    assert dict(outputs.site_files(catalogue, SITE_URL, parts)) == plain
    assert {"downloads/datapackage.json", "feed.xml"} <= set(plain)
    for part, plan_file in zip(parts, catalogue.plans):
        assert part.files == outputs.plan_files(catalogue, plan_file, SITE_URL)
        assert all(resource["name"].startswith(plan_file.slug + "-") for resource in part.resources)
    # The site's files are made of the parts given: in another order, the data package lists the plans so.
    shuffled = parts[:]
    random.Random(1).shuffle(shuffled)
    if shuffled != parts:
        assert (
            dict(outputs.site_files(catalogue, SITE_URL, shuffled))["downloads/datapackage.json"]
            != (plain["downloads/datapackage.json"])
        )
