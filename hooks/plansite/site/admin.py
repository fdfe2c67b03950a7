"""The form editor's files in the built site (/admin/): its page, Decap CMS and the yaml library.

Decap CMS and yaml are installed from npm into hooks/admin/node_modules (`./run build` does it, from
the committed lock file) and served from the site itself: the editor loads no script from elsewhere.
The configuration and the editor's own scripts are ordinary files of content/admin/.
"""

from __future__ import annotations

import html
from pathlib import Path

from mkdocs.structure.files import File, InclusionLevel

from .security import policy_for

FOLDER = "admin"
PACKAGES = Path(__file__).resolve().parents[2] / "admin" / "node_modules"


class EditorNotInstalled(Exception):
    """The npm packages of the form editor are missing."""


def page(site_name: str) -> str:
    """The editor's page: the editor itself draws everything in it."""
    title = html.escape(f"Form editor - {site_name}")
    return f"""<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="{policy_for("admin")}">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <title>{title}</title>
  <link rel="stylesheet" href="admin.css">
  <script src="manual-init.js"></script>
  <script src="decap-cms.js"></script>
  <script type="module" src="editor.mjs"></script>
</head>
<body>
  <noscript><p>The form editor needs JavaScript. You can still change a plan in GitHub's web editor:
  see the <a href="../editors-guide/">editors' guide</a>.</p></noscript>
</body>
</html>
"""


def package_files(packages: Path = PACKAGES) -> list[tuple[str, Path]]:
    """(path in the site, file) for Decap CMS's script and the parts it loads, and the yaml library."""
    decap = packages / "decap-cms" / "dist"
    yaml_dist = packages / "yaml" / "browser" / "dist"
    if not (decap / "decap-cms.js").is_file() or not (yaml_dist / "index.js").is_file():
        raise EditorNotInstalled(
            f"the form editor's packages are not installed in {packages}; run ./run build, or "
            "npm --prefix hooks/admin ci"
        )
    found = [(f"{FOLDER}/{file.name}", file) for file in sorted(decap.iterdir()) if _served(file.name)]
    found += [
        (f"{FOLDER}/yaml/{file.relative_to(yaml_dist).as_posix()}", file) for file in sorted(yaml_dist.rglob("*.js"))
    ]
    return found


def _served(name: str) -> bool:
    """Decap's bundle and the parts it loads when needed; not its source maps, not its other build (cms.js)."""
    return name == "decap-cms.js" or name.endswith(".decap-cms.js") or name.endswith(".wasm")


def files(config) -> list[File]:
    """The files of /admin/ that do not come from content/: the page and the npm packages."""
    # Kept as a file in .cache/ and rewritten only when it changes, so that `mkdocs serve --dirty`
    # copies it again only then (a page given as text would be written at every rebuild).
    kept = Path(config.config_file_path).parent / ".cache" / "plansite" / "admin" / "index.html"
    text = page(config.site_name)
    if not kept.is_file() or kept.read_text(encoding="utf-8") != text:
        kept.parent.mkdir(parents=True, exist_ok=True)
        kept.write_text(text, encoding="utf-8")
    result = [
        File.generated(config, f"{FOLDER}/index.html", abs_src_path=str(kept), inclusion=InclusionLevel.NOT_IN_NAV)
    ]
    for uri, source in package_files():
        result.append(File.generated(config, uri, abs_src_path=str(source), inclusion=InclusionLevel.NOT_IN_NAV))
    return result
