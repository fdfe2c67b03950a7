"""The editors' guide starts with the common tasks, each with a picture of its screen; its reference
documents every block type, its examples are valid data, and its walk-through's reading grades are
measured ones; every link into it names one of its sections."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from markdown.extensions.toc import slugify
from plansite import model as m
from plansite.check.reading import MAX_MEDIAN_GRADE, measure
from pydantic import TypeAdapter

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "content" / "editors-guide.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"```yaml\n(.*?)```", GUIDE, re.S)
BLOCK_EXAMPLES = [text for text in EXAMPLES if text.startswith("- type:")]
READING_EXAMPLE = re.compile(r'^- (Before|Halfway|After) \(grade (\d+\.\d)\): "(.+?)"', re.MULTILINE)


def test_every_block_type_has_a_section_in_the_guide():
    headings = set(re.findall(r"^### ([a-z_]+)$", GUIDE, re.M))
    assert set(m.BLOCK_TYPES) <= headings, sorted(set(m.BLOCK_TYPES) - headings)


@pytest.mark.parametrize("example", BLOCK_EXAMPLES, ids=lambda text: text.split("\n")[0])
def test_every_block_example_is_a_valid_block(example):
    [block] = yaml.safe_load(example)
    TypeAdapter(m.AnyBlock).validate_python(block)


def test_the_guide_advises_keeping_text_shape_with_a_bar_not_folding_it():
    assert not [text for text in EXAMPLES if re.search(r"^\s*[a-z_]+: >-?$", text, re.M)]


def reading_examples() -> list[tuple[str, float, str]]:
    return [(stage, float(grade), text) for stage, grade, text in READING_EXAMPLE.findall(GUIDE)]


def test_walk_through_quotes_the_grades_the_checks_measure():
    found = reading_examples()
    assert len(found) >= 8
    wrong = [f"{stage} {grade}: {text}" for stage, grade, text in found if round(measure([text]).grade, 1) != grade]
    assert not wrong, "\n".join(wrong)


def test_every_after_example_passes_and_every_before_example_would_not():
    for stage, grade, text in reading_examples():
        assert (grade <= MAX_MEDIAN_GRADE) == (stage == "After"), (stage, grade, text)


# --- The tasks come first, each on one screen with a picture of it --------------------------------

TASKS = [
    "Change a text",
    "Record progress on a promise",
    "Add a plan from a Word document",
    "Add an organisation",
    "Review a pull request's preview",
    "Mark the young-people texts as checked",
]
IMAGES = ROOT / "content" / "assets" / "images"
IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")
MAX_IMAGE_BYTES = 80_000


def sections(level: str = "## ") -> dict[str, str]:
    """The guide's sections of one level, by title, in order: their text up to the next of that level."""
    parts = re.split(rf"(?m)^{level}", GUIDE)[1:]
    return {part.split("\n", 1)[0].strip(): part.split("\n", 1)[1] for part in parts}


def test_the_guide_starts_with_publishing_signing_in_and_the_tasks_in_order():
    titles = list(sections())
    assert titles[:8] == ["How publishing works", "Sign in to the form editor", *TASKS], titles[:8]
    first_list = re.search(r"(?m)^What do you want to do\?\n\n((?:- .*\n)+)", GUIDE).group(1)
    assert re.findall(r"^- \[([^\]]+)\]", first_list, re.M) == TASKS


def test_writing_yaml_by_hand_is_the_reference_after_the_tasks():
    titles = list(sections())
    reference = titles.index("Writing the files by hand")
    assert reference > titles.index(TASKS[-1])
    by_hand = ["YAML basics for this site", "The shape of a plan file", "Block types"]
    by_hand += ["Writing the young-people version", "Reporting progress", "What the error messages mean"]
    for title in by_hand:
        assert titles.index(title) > reference, title


@pytest.mark.parametrize("task", TASKS)
def test_every_task_shows_its_screen(task):
    """A screenshot, or for the import the report as a block of text, as the terminal prints it."""
    text = sections()[task]
    shown = [src for _, src in IMAGE.findall(text) if src.startswith("assets/images/")]
    assert shown or re.search(r"(?m)^ {8}\S", text), task


def test_every_screenshot_is_a_small_png_with_words_for_what_it_shows():
    shown = IMAGE.findall(re.sub(r"`[^`\n]*`", "", GUIDE))  # not the guide's words about images, in code
    assert len(shown) >= 5
    for alt, src in shown:
        file = ROOT / "content" / src
        assert file.is_file(), src
        assert file.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", src
        assert file.stat().st_size <= MAX_IMAGE_BYTES, (src, file.stat().st_size)
        assert len(alt.split()) >= 8, (src, alt)  # what it shows, not "screenshot"


def test_every_picture_in_the_images_folder_is_shown_on_a_page():
    pages = " ".join(file.read_text(encoding="utf-8") for file in (ROOT / "content").rglob("*.md"))
    unused = [file.name for file in IMAGES.glob("*") if f"images/{file.name}" not in pages]
    assert not unused, unused


def test_every_link_into_the_guide_names_one_of_its_sections():
    """Links from the form editor, the templates, the code and the README to a part of the guide."""
    anchors = {slugify(title, "-") for title in re.findall(r"^#{2,4} (.+)$", GUIDE, re.M)}
    sources = [ROOT / "README.md", *(ROOT / "content" / "admin").glob("*.mjs"), *(ROOT / "theme").rglob("*.html")]
    sources += list((ROOT / "hooks" / "plansite").rglob("*.py"))
    found = [
        (file.name, anchor)
        for file in sources
        for anchor in re.findall(r"editors-guide(?:\.md|/)#([a-z0-9-]+)", file.read_text(encoding="utf-8"))
    ]
    assert found
    assert not [(file, anchor) for file, anchor in found if anchor not in anchors]
