"""outputs/: each plan's part of the downloads and feeds (plan_outputs), and the site's files put
together from those parts, the same as when made from the catalogue alone."""

from __future__ import annotations

import json
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
        assert f'"name": "{plan_file.slug}-plan"' in part.resources
    # The data package is what json.dumps writes of it, whole.
    package = plain["downloads/datapackage.json"].decode("utf-8")
    assert json.dumps(json.loads(package), ensure_ascii=False, indent=2) == package
    assert len(json.loads(package)["resources"]) > len(catalogue.plans)
    # The site's files are made of the parts given: in another order, the data package lists the plans so.
    shuffled = parts[:]
    random.Random(1).shuffle(shuffled)
    if shuffled != parts:
        assert (
            dict(outputs.site_files(catalogue, SITE_URL, shuffled))["downloads/datapackage.json"]
            != (plain["downloads/datapackage.json"])
        )
