"""The Content-Security-Policy every page carries: only the site's own scripts, styles and images."""

from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.DOTALL)


def script_hashes(html: str) -> list[str]:
    """CSP hashes of the page's inline scripts (Material writes two small ones on every page)."""
    hashes = []
    for body in INLINE_SCRIPT.findall(html):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    return sorted(set(hashes))


# The search page runs Pagefind's WebAssembly: only that page may compile it.
SEARCH_PAGE = 'id="ps-search-form"'


def policy(html: str) -> str:
    wasm = ["'wasm-unsafe-eval'"] if SEARCH_PAGE in html else []
    scripts = " ".join(["'self'"] + wasm + script_hashes(html))
    return (
        f"default-src 'self'; script-src {scripts}; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'"
    )


def with_policy(html: str) -> str:
    """The page with its CSP <meta> as the first thing in <head>, before anything it governs."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return re.sub(r"<head>", lambda m: m.group(0) + "\n    " + meta, html, count=1)
