"""The reading level of a built page counts all the text a reader reads, forms included."""

from __future__ import annotations

from plansite.check.reading import page_blocks


def test_headings_labels_choices_summaries_and_cells_are_read_one_by_one():
    html = (
        "<article><h2>Find</h2><form><label for='x'>Search the pages</label><select id='x'>"
        "<option>All plans</option><option>Article 12: Respect for the views of the child</option></select>"
        "<details><summary>Choose where to look</summary></details><button>Search</button></form>"
        "<table><tr><th>Stage</th><td>3</td></tr></table></article>"
    )
    assert page_blocks(html) == [
        "Find",
        "Search the pages",
        "All plans",
        "Article 12: Respect for the views of the child",
        "Choose where to look",
        "Search",
        "Stage",
        "3",
    ]
