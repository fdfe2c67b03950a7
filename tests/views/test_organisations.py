"""Which of an organisation's plans are current and which are past, from the period as the plan writes it."""

import pytest
from plansite.views.organisations import last_year


@pytest.mark.parametrize(
    "period, year",
    [
        ("2024-27", 2027),
        ("2012-13", 2013),
        ("June 2014 – May 2015", 2015),
        ("2012/13", 2013),
        ("2025", 2025),
        ("2009-2010", 2010),
        ("April 1999 - March 2001", 2001),
        ("Ongoing", None),
    ],
)
def test_the_last_year_of_a_period(period, year):
    assert last_year(period) == year
