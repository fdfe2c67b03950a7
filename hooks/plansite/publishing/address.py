"""The address a build is published at: mkdocs.yml's site_url, or a folder below it for a preview.

A pull request's preview is published in a folder of the site (previews/pr-12/). Its pages link to
one another by relative links, which work in any folder; what needs the whole address (feeds,
downloads, the sitemap, canonical links) is given the preview's own, so that a reviewer who follows
one stays in the preview. The folder comes from PLANSITE_SITE_PATH, set by the workflow that
builds the preview.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

SITE_PATH = "PLANSITE_SITE_PATH"
# Folder names a web address keeps as they are: no '..', no query, no fragment, nothing to escape.
_FOLDER = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*")


def published_at(site_url: str | None, environ: Mapping[str, str] = os.environ) -> str | None:
    """The address of the built site: site_url, with the folder PLANSITE_SITE_PATH names, if any."""
    folder = environ.get(SITE_PATH, "").strip("/")
    if not folder:
        return site_url
    names = folder.split("/")
    if not all(_FOLDER.fullmatch(name) and name.strip(".") for name in names):
        raise ValueError(
            f"{SITE_PATH}='{folder}' is not a folder of the site; use names of letters, digits, '-' and '_' "
            "separated by '/', e.g. previews/pr-12/"
        )
    if not site_url:
        raise ValueError(f"{SITE_PATH} is set but mkdocs.yml has no site_url to put the folder {folder}/ under")
    return site_url.rstrip("/") + "/" + "/".join(names) + "/"
