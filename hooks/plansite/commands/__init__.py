"""Command-line tools for editors: check the data, start a plan, record reviews, measure reading level."""
