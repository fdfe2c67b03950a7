"""While `mkdocs serve` runs and the data has problems: a page listing them, at every address of the site.

MkDocs' live server holds every request while a rebuild is failing, so the browser would wait
until the file is fixed. Instead the rebuild succeeds with this page written at each address the
last good build served (and the home page): the editor sees every problem where they are working,
and the server's live reload brings the site back as soon as the file is fixed.
"""

from __future__ import annotations

from markupsafe import escape
from mkdocs.structure.files import File, Files

from ..errors import Problems

TITLE = "The data has problems: the preview shows them until they are fixed"


def page(problems: Problems, site_name: str, base: str) -> str:
    """The page: every problem with its file, line, what is wrong and how to fix it."""
    items = []
    for problem in sorted(set(problems.items)):
        hint = f"<br>How to fix it: {escape(problem.hint)}" if problem.hint else ""
        items.append(
            f"<li><p><code>{escape(problem.path)}</code>, line {problem.line}, column {problem.column}:"
            f" {escape(problem.message)}{hint}</p></li>"
        )
    count = len(problems)
    noun = "problem" if count == 1 else "problems"
    return f"""<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width,initial-scale=1">
  <title>{escape(TITLE)} - {escape(site_name)}</title>
  <link rel="stylesheet" href="{base}assets/site.css">
</head>
<body class="ps-problems">
  <main>
    <h1>{count:,} {noun} in the data</h1>
    <p>Nothing is published while the data has a problem. Fix each one below and save the file:
    this page reloads by itself, and shows the site again once the data is right.</p>
    <ol>
      {"".join(items)}
    </ol>
  </main>
</body>
</html>
"""


def files(config, problems: Problems, files_before: Files, addresses: set[str]) -> Files:
    """The site's files for a preview of data with problems: its assets, and the problems page at
    the home page and at each address the last good build served (`addresses`: 'plans/x/index.html')."""
    kept = Files([file for file in files_before if not file.is_documentation_page()])
    for address in sorted(addresses | {"index.html"}):
        base = "../" * address.count("/")
        kept.append(File.generated(config, address, content=page(problems, config.site_name, base)))
    return kept
