"""importing/shape.py: headings, list items and quotes, by style or typed by hand."""

from plansite.importing.shape import Body, Heading, Item, Quoted, shape, typed_heading

from importing.trees import para


def test_headings_typed_by_hand_bold_bigger_or_numbered():
    body = [para("We will do this. " * 8) for _ in range(3)]
    parts = [para("Our promise", size=16), *body, para("1.1 How we will do it", bold=True), *body]
    shaped = [s for s in shape(parts) if isinstance(s, Heading)]
    assert [(h.level, h.text) for h in shaped] == [(1, "Our promise"), (2, "1.1 How we will do it")]


def test_a_bold_sentence_is_not_a_heading():
    assert not typed_heading(para("We will do this by June.", bold=True), 11.0)
    assert typed_heading(para("WHO WE ARE"), 11.0)


def test_typed_bullets_and_numbers_are_list_items_without_them():
    shaped = shape([para("• first"), para("- second"), para("1) third"), para("a. fourth")])
    assert [(type(s), s.ordered, s.plain) for s in shaped] == [
        (Item, False, "first"), (Item, False, "second"), (Item, True, "third"), (Item, True, "fourth")
    ]  # fmt: skip


def test_word_styles_are_taken_as_they_are():
    shaped = shape([para("Plan", title=True), para("Part", heading=2), para("one", list_kind="number")])
    assert isinstance(shaped[0], Heading) and shaped[0].title
    assert (shaped[1].level, shaped[2].ordered) == (2, True)


def test_a_quote_and_its_attribution():
    shaped = shape([para("“I want adults to listen to us.”"), para("– Sam, aged 14"), para("After it.")])
    assert isinstance(shaped[0], Quoted) and shaped[0].attribution == "Sam, aged 14"
    assert isinstance(shaped[1], Body)
