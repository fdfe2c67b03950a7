"""Reading data files: characters checked, YAML composed with line marks, schema problems in editors' words."""

from __future__ import annotations

from .document import Document, parse_document, read_bytes, read_document
from .messages import validate

__all__ = ["Document", "parse_document", "read_bytes", "read_document", "validate"]
