"""The site as MkDocs builds it: generated pages, template filters, HTML repair, the security policy."""
