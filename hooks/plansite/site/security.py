"""The Content-Security-Policy every page carries: only the site's own scripts, styles and images."""

from __future__ import annotations

import base64
import hashlib
import re

from .. import model as m
from ..paths import url_of
from ..views.search import search_path

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.DOTALL)


def script_hashes(html: str) -> list[str]:
    """CSP hashes of the page's inline scripts (Material writes two small ones on every page)."""
    hashes = []
    for body in INLINE_SCRIPT.findall(html):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    return sorted(set(hashes))


# The search pages run Pagefind's WebAssembly: only they may compile it. The policy is decided by
# the page's address, never by what the page holds (a text may quote the search form's markup).
SEARCH_PAGES = {url_of(search_path(audience)) for audience in m.Audience}


def policy(html: str, page_url: str | None = None) -> str:
    """The policy of the page at page_url (as MkDocs gives it: '' for the home page, None for a page
    that is not one, such as the 404 template)."""
    wasm = ["'wasm-unsafe-eval'"] if page_url in SEARCH_PAGES else []
    scripts = " ".join(["'self'"] + wasm + script_hashes(html))
    return (
        f"default-src 'self'; script-src {scripts}; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'"
    )


def with_policy(html: str, page_url: str | None = None) -> str:
    """The page with its CSP <meta> as the first thing in <head>, before anything it governs."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, page_url)}">'
    return re.sub(r"<head>", lambda m: m.group(0) + "\n    " + meta, html, count=1)
