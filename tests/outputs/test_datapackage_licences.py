"""The data package lists the organisations' licences in one order, in every build.

Python orders a set of strings differently in each process (hash randomisation), so two builds of
the same data once wrote datapackage.json two ways when two organisations had different licences.
"""

from __future__ import annotations

import os
import subprocess
import sys

from project import FIXTURE_DATA, ROOT

LISTED = """
import dataclasses, json, sys
from pathlib import Path
from plansite import model as m
from plansite.cache import Cache
from plansite.catalogue import load_catalogue
from plansite.outputs.datapackage import files
catalogue = load_catalogue(sys.argv[1], cache=Cache(Path(sys.argv[2])))  # the data checked once, by the first
first = next(iter(catalogue.organisations.values()))
organisations = dict(catalogue.organisations)
organisations[first.id] = first.model_copy(update={"licence": m.KNOWN_LICENCES["CC-BY-4.0"]})
[(_, text)] = files(dataclasses.replace(catalogue, organisations=organisations), "https://example.org/")
listed = json.loads(text)
print(json.dumps([licence["name"] for licence in listed["licenses"]]))
"""


def test_the_licences_come_in_the_same_order_in_every_process(tmp_path):
    orders = set()
    for seed in range(6):
        env = dict(os.environ, PYTHONHASHSEED=str(seed), PYTHONPATH=str(ROOT / "hooks"))
        result = subprocess.run(
            [sys.executable, "-c", LISTED, str(FIXTURE_DATA), str(tmp_path)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        orders.add(result.stdout.strip())
    assert len(orders) == 1 and "CC-BY-4.0" in orders.pop()
