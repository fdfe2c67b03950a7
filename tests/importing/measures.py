"""How much of a plan's source reaches the draft imported from a document made from it.

Sentences are counted as `./run compare` counts them, among the source's sentences that the plan
file itself holds (contents pages and the like are in neither); tables by their body rows.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from plansite.commands.compare import normalise, plan_texts, source_sentences
from plansite.commands.import_plan import import_plan
from plansite.errors import Problems
from plansite.read import read_document
from plansite.read.files import FIXED_FILES
from project import FIXTURE_DATA

from .documents import make_document, plan_of

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Measure:
    plan: str
    sentences: int
    reached: int
    tables: list[tuple[str, int]]
    """Each table the document has: its kind and body rows."""
    drafted: list[tuple[str, int]]
    """Each table-like block of the draft, with its rows."""
    missing: list[str]

    @property
    def share(self) -> float:
        return self.reached / self.sentences if self.sentences else 1.0


def data_copy(folder: Path) -> Path:
    """A data folder with the site's fixed files and no plan: where a test's import writes."""
    data = folder / "data"
    (data / "plans").mkdir(parents=True)
    for name in FIXED_FILES:
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(FIXTURE_DATA / name, data / name)
    return data


def table_rows(plan: dict) -> list[tuple[str, int]]:
    found = []
    for section in plan["sections"]:
        for block in section["blocks"]:
            if block["type"] == "action_plan":
                found.append(("action_plan", sum(len(g["rows"]) for g in block["groups"])))
            elif block["type"] == "budget":
                found.append(("budget", 1 + _lines(block["total"])))
            elif block["type"] in ("key", "statements"):
                found.append((block["type"], len(block["items"])))
    return found


def _lines(line: dict) -> int:
    return sum(1 + _lines(child) for child in line.get("lines", []))


def held(plan_file: Path, source: str) -> list:
    """The source's sentences the plan file holds."""
    problems = Problems()
    document = read_document(plan_file, str(plan_file), problems)
    words = " ".join(normalise(t) for t, _ in plan_texts(document.value))
    return [s for s in source_sentences(source) if normalise(s.text) in words]


def measure(plan_file: Path, source_file: Path, folder: Path, suffix: str) -> Measure:
    """Make a document of the plan, import it, and count what of the source reached the draft."""
    document_file = folder / f"{plan_file.stem}{suffix}"
    made = make_document(plan_file, document_file)
    data = data_copy(folder)
    organisation = plan_of(plan_file)["organisation"]
    import_plan(document_file, data, organisation, slug="imported")
    draft_file = data / "plans" / "imported.yml"
    source = source_file.read_text(encoding="utf-8")
    wanted = held(plan_file, source)
    problems = Problems()
    draft = read_document(draft_file, str(draft_file), problems)
    draft_words = " ".join(normalise(t) for t, _ in plan_texts(draft.value))
    missing = [s.text for s in wanted if normalise(s.text) not in draft_words]
    return Measure(
        plan_file.stem, len(wanted), len(wanted) - len(missing), made.tables, table_rows(draft.value), missing
    )
