"""Reading data files: characters checked, YAML composed with line marks, schema problems in editors' words."""

from __future__ import annotations

from .messages import validate
from .document import Document, read_document

__all__ = ["Document", "read_document", "validate"]
