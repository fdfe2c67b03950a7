"""The work behind the site: reading and checking the plans' data, the pages made from it, the downloads.

hooks/plansite/README.md maps each concern to its module.
"""
