"""The Content-Security-Policy every page carries: only the site's own scripts, styles and images."""

from __future__ import annotations

import base64
import hashlib
import re

from .. import model as m
from ..addresses import url_of
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


# The form editor at /admin/ is a page of its own kind, with its own policy. Decap CMS styles itself
# with inline styles (emotion) and compiles its configuration's checks (ajv); it talks to GitHub's
# API, shows the signed-in user's GitHub picture, and, on this computer only, to its local back end.
ADMIN_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob: https://avatars.githubusercontent.com; font-src 'self' data:; "
    "connect-src 'self' https://api.github.com http://localhost:8081 http://127.0.0.1:8081; "
    "worker-src 'self' blob:; manifest-src 'self'; frame-src 'none'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'"
)


def policy_for(kind: str, html: str = "") -> str:
    """The policy of a page by its kind: 'admin' for the form editor, else the readers' policy."""
    return ADMIN_POLICY if kind == "admin" else policy(html)
