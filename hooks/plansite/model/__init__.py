"""The plans, as the source documents structure them: organisations, plans, sections and blocks.

`from plansite import model as m` gives every class: m.Plan, m.Status, m.ActionRow...
"""

from __future__ import annotations

from pydantic import BaseModel

from .blocks import *  # noqa: F401,F403
from .blocks import BLOCK_CLASSES, BLOCK_TYPES, AnyBlock  # noqa: F401
from .convention import *  # noqa: F401,F403
from .fields import *  # noqa: F401,F403
from .fields import Amount, Anchor, ArticleNumber, Articles, Fingerprint, Line, Model, Money, Paragraphs, Prose, slug  # noqa: F401
from .plan import *  # noqa: F401,F403
from .vocabulary import *  # noqa: F401,F403
from .vocabulary import ARTICLE_COUNT, GENERAL_PRINCIPLES, STATUS_DETAILS  # noqa: F401


def _all_models(cls: type[BaseModel]) -> list[type[BaseModel]]:
    return [cls] + [m for sub in cls.__subclasses__() for m in _all_models(sub)]


FIELD_NAMES = sorted({name for cls in _all_models(Model) for name in cls.model_fields})
"""Every key used anywhere in the data, for 'did you mean' suggestions."""
