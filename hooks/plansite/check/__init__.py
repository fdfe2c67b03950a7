"""Checks beyond the schema: across a plan, across the site's files, and of the young-people texts."""
