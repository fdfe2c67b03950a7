"""The icon beside a young-people text: the one an editor chose is always drawn, the page's own only once."""

from __future__ import annotations

from plansite import model as m
from plansite.site.filters import HEADING_ICONS, young_icon


def test_an_icon_an_editor_chose_is_drawn_each_time_and_the_pages_own_once():
    context = {"icons_seen": set(HEADING_ICONS)}
    first, second = young_icon(context, m.Icon.HEART), young_icon(context, m.Icon.HEART)
    assert "<svg" in first and first == second
    # 'voice' is the picture of the page's own heading 'How you can get involved': still drawn when chosen.
    assert "<svg" in young_icon(context, m.Icon.VOICE)
    assert "<svg" in young_icon(context, "material/star") and str(young_icon(context, "material/star")) == ""
    assert str(young_icon(context, None)) == ""
