"""The form editor's configuration (Decap CMS), made from the model: one form field for each field of the model.

The same classes give the published JSON Schema (outputs/schema.py), so the form, the schema and the
loader cannot disagree about a key. Each field says what the browser can check before saving:
whether it is required, its pattern and length, its list of allowed words; the checks that need the
whole plan (sums, links, reading level, fingerprints) stay in `./run check` and the pull request.

A few fields carry a `plansite` key of their own, read by the editor's script (content/admin/):
"date" for a date typed as text, "dict" for a mapping kept in the order typed, and "not-adult" for
the fields that the young-people review fingerprint leaves out (model/walk.py).
"""

from __future__ import annotations

import enum
import functools
import operator
import types
import typing
from typing import Any, Literal, Union, get_args, get_origin  # noqa: UP035 - Union is what typing gives back

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .. import model as m
from ..model import fields as f
from ..model.walk import NOT_ADULT_TEXT

FORMAT = "plansite-yaml"
"""The file format the editor's script registers: plan files read and written with the yaml library."""

BUDGET_DEPTH = 6
"""How deep budget lines may be nested in the form (a form cannot describe itself without end)."""

ANCHOR_PATTERN = r"^(?=.{1,80}$)[a-z0-9]+(-[a-z0-9]+)*$"
NOT_BLANK = r"\S"
LINE_PATTERN = r"^[^\n]*\S[^\n]*$"
# What the loader refuses in any text that a browser can see at once: HTML tags and character codes.
PROSE_PATTERN = r"^(?![\s\S]*<[A-Za-z!/?])(?![\s\S]*&(#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);)[\s\S]*\S[\s\S]*$"
DATE_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
DAY_OR_MONTH_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$"

PATTERNS = {
    "anchor": [ANCHOR_PATTERN, "lower-case letters, digits and single hyphens, at most 80, e.g. early-help"],
    "line": [LINE_PATTERN, "one line of text, not empty"],
    "prose": [PROSE_PATTERN, "write the text itself: no HTML tags such as <b> and no codes such as &amp;"],
    "date": [DATE_PATTERN, "a date written YYYY-MM-DD, e.g. 2026-04-01"],
    "day_or_month": [
        DAY_OR_MONTH_PATTERN,
        "a date written YYYY-MM-DD, e.g. 2026-04-01, or a month written YYYY-MM, e.g. 2017-12, when the report "
        "gives only the month",
    ],
    "web_address": [r"^https://[^\s<>\"']+$", "a web address starting with https://"],
    "website": [r"^(https://)?[A-Za-z0-9][^\s\\]*\.[^\s\\]+$", "a web address such as www.example.org"],
    "email": [r"^[^\s@?,]+@[^\s@?,]+\.[^\s@?,]+$", "one email address, such as info@example.org"],
    "phone": [r"^\+?[0-9 ()./-]+$", "a phone number as printed, such as 020 7783 8330"],
}

TYPE_HINTS = {
    "anchor": "Used in web addresses: lower-case letters, digits and single hyphens.",
    "prose": "Text: paragraphs, **bold**, *italics*, lists and [links](https://example.org).",
    "paragraphs": "One or more paragraphs: add one box for each.",
    "date": "A date written YYYY-MM-DD, e.g. 2026-04-01.",
    "day_or_month": "A date written YYYY-MM-DD, e.g. 2026-04-01; or only the month, YYYY-MM, e.g. 2017-12, when "
    "the report gives only the month.",
    "articles": "UNCRC articles, by number.",
    "amount": "A whole number of pounds, without commas or £; and how the source printed it, if different.",
}

LABELS = {
    "id": "Id (for links)",
    "ref": "Reference",
    "young_people": "Young-people version",
    "related_articles": "Related articles (added by the website editors)",
    "articles": "UNCRC articles cited",
    "matches": "Checked against the adult text",
    "publish_on": "Publish on (date)",
    "size_bytes": "Size in bytes",
    "sum_note": "Why the lines do not add up",
    "we_will": "We will",
    "we_did": "We did",
    "you_said": "You said",
}

ORDER_FIRST = ("type", "id", "ref", "name", "title", "term", "number")
"""Fields that come first in a form: what names the item. The young-people version follows the adult
texts of its item, before the lists of items inside it, so that both are read together."""

ICONS_IN_WORDS = {icon.value: icon.value.capitalize() for icon in m.Icon}


def label(name: str) -> str:
    return LABELS.get(name, name.replace("_", " ").capitalize())


# --- Types --------------------------------------------------------------------------------------


def _full_type(model: type[BaseModel], name: str) -> Any:
    """A field's type as written in the model (Line, Anchor, Prose...), not as pydantic takes it apart."""
    return typing.get_type_hints(model, include_extras=True)[name]


def _without_none(tp: Any) -> tuple[Any, bool]:
    """The type without `| None`, and whether it had it."""
    if get_origin(tp) in (Union, types.UnionType):
        args = [arg for arg in get_args(tp) if arg is not type(None)]
        if len(args) < len(get_args(tp)):
            return functools.reduce(operator.or_, args), True
    return tp, False


def _same(tp: Any, alias: Any) -> bool:
    try:
        return tp == alias
    except Exception:  # noqa: BLE001 - some typing objects refuse comparison
        return False


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _is_blocks(tp: Any) -> bool:
    return _same(tp, m.AnyBlock)


class Vocabularies:
    """The closed sets a form offers as choices: statuses, icons, kinds of plan, UNCRC articles."""

    def __init__(self, article_titles: dict[int, str]):
        self.article_titles = article_titles

    def articles(self) -> list[dict]:
        return [
            {"label": f"Article {number}: {self.article_titles.get(number, '')}".rstrip(": "), "value": number}
            for number in range(1, m.ARTICLE_COUNT + 1)
        ]

    @staticmethod
    def words(values: list[str], labels: dict[str, str] | None = None) -> list[dict]:
        return [{"label": (labels or {}).get(value, value), "value": value} for value in values]


# --- Fields -------------------------------------------------------------------------------------


class Form:
    """Form fields from model classes."""

    def __init__(self, vocabularies: Vocabularies):
        self.vocabularies = vocabularies

    def fields(
        self, model: type[BaseModel], depth: int = 0, leave_out: tuple[str, ...] = (), in_optional: bool = False
    ) -> list[dict]:
        """The fields of a model; `in_optional` for the fields of an object that may be left out."""
        names = [name for name in model.model_fields if name not in leave_out]
        names.sort(key=lambda name: _place(model, name))
        return [
            field
            for name in names
            if (field := self.field(name, model.model_fields[name], model, depth, in_optional)) is not None
        ]

    def field(
        self, name: str, info: FieldInfo, owner: type[BaseModel], depth: int, in_optional: bool = False
    ) -> dict | None:
        tp, _ = _without_none(_full_type(owner, name))
        self.in_optional = in_optional or not info.is_required()
        widget = self.widget(name, tp, owner, depth)
        if widget is None:
            return None
        kind = widget.pop("kind", None)
        field = {"name": name, "label": label(name), **widget}
        if not info.is_required():
            field["required"] = False
        elif in_optional:
            # Decap CMS would ask for it even while the object it belongs to is left out: the script
            # asks for it only once that object is filled in (content/admin/editor.mjs).
            field["required"] = False
            field["plansite_required"] = True
        default = None if info.is_required() else info.default
        if isinstance(default, (str, bool, int)) and not isinstance(default, enum.Enum) and default is not False:
            field["default"] = default
        hint = _hint(info, kind)
        if hint:
            field["hint"] = hint
        if name in NOT_ADULT_TEXT:
            field["plansite"] = "not-adult"
        return field

    def widget(self, name: str, tp: Any, owner: type[BaseModel], depth: int) -> dict | None:
        """The form widget for a type (and its checks), or None for a field the form cannot hold."""
        tp, _ = _without_none(tp)
        origin = get_origin(tp)
        if _same(tp, f.Fingerprint):
            # A ticked box, not a typed code: the script works out the fingerprint as the entry is saved.
            return {"widget": "plansite-checked"}
        if _same(tp, f.Anchor):
            return {"widget": "string", "pattern": PATTERNS["anchor"], "kind": "anchor"}
        if _same(tp, f.Line):
            return {"widget": "string", "pattern": PATTERNS["line"]}
        if _same(tp, f.Prose):
            return {"widget": "text", "pattern": PATTERNS["prose"], "kind": "prose"}
        if _same(tp, f.Paragraphs):
            return {"widget": "plansite-paragraphs", "kind": "paragraphs"}
        if _same(tp, f.Amount):
            return {"widget": "plansite-amount", "kind": "amount"}
        if _same(tp, f.Date):
            return {"widget": "string", "pattern": PATTERNS["date"], "plansite": "date", "kind": "date"}
        if _same(tp, f.DayOrMonth):
            return {"widget": "string", "pattern": PATTERNS["day_or_month"], "plansite": "date", "kind": "day_or_month"}
        if _same(tp, f.Age):
            return {"widget": "number", "value_type": "int", "min": 1, "max": 25}
        if _same(tp, f.WebAddress):
            return {"widget": "string", "pattern": PATTERNS["web_address"]}
        if _same(tp, f.Website):
            return {"widget": "string", "pattern": PATTERNS["website"]}
        if _same(tp, f.Email):
            return {"widget": "string", "pattern": PATTERNS["email"]}
        if _same(tp, f.Phone):
            return {"widget": "string", "pattern": PATTERNS["phone"]}
        if _same(tp, f.ArticleNumber):
            return {"widget": "number", "value_type": "int", "min": 1, "max": m.ARTICLE_COUNT}
        if _same(tp, f.Articles):
            # The 54 choices are given once, in `plansite.articles` at the top, not beside every field.
            return {"widget": "plansite-articles", "kind": "articles"}
        if tp is m.Status:
            labels = {status.value: f"{status.label} ({status.value})" for status in m.Status}
            return {"widget": "select", "options": Vocabularies.words([s.value for s in m.Status], labels)}
        if tp is m.Icon:
            return {"widget": "select", "options": Vocabularies.words([i.value for i in m.Icon], ICONS_IN_WORDS)}
        if origin is Literal:
            return {"widget": "select", "options": Vocabularies.words(list(get_args(tp)))}
        if tp is bool:
            return {"widget": "boolean"}
        if typing.get_origin(tp) is typing.Annotated and get_args(tp)[0] is int or tp is int:
            return {"widget": "number", "value_type": "int", "min": 1}
        if _is_model(tp):
            return self.object(tp, depth)
        if origin is list:
            return self.list(name, get_args(tp)[0], owner, depth)
        if origin is dict:
            return self.mapping(get_args(tp))
        raise TypeError(f"the form has no widget for {owner.__name__}.{name} ({tp!r}); add one in admin/config.py")

    def object(self, model: type[BaseModel], depth: int) -> dict | None:
        if model is m.BudgetLine and depth >= BUDGET_DEPTH:
            return None
        return {
            "widget": "object",
            "collapsed": False,
            "summary": _summary(model),
            "fields": self.fields(model, depth + (model is m.BudgetLine), in_optional=self.in_optional),
        }

    def list(self, name: str, item: Any, owner: type[BaseModel], depth: int) -> dict | None:
        item, _ = _without_none(item)
        if _is_blocks(item):
            return {
                "widget": "list",
                "collapsed": True,
                "label_singular": "block",
                "typeKey": "type",
                "types": [self.block(block) for block in m.BLOCK_CLASSES],
            }
        if _is_model(item):
            if item is m.BudgetLine and depth + 1 >= BUDGET_DEPTH:
                return None
            return {
                "widget": "list",
                "collapsed": True,
                "label_singular": _singular(item),
                "summary": _summary(item),
                "fields": self.fields(item, depth + (item is m.BudgetLine)),
            }
        if _same(item, f.ArticleNumber):
            widget = self.widget(name, f.Articles, owner, depth)
            widget.pop("kind", None)
            return widget
        inner = self.widget(name, item, owner, depth)
        inner.pop("kind", None)
        return {"widget": "list", "field": {"name": "item", "label": label(name), **inner}}

    def block(self, block: type[m.Block]) -> dict:
        name = get_args(block.model_fields["type"].annotation)[0]
        return {
            "name": name,
            "label": name.replace("_", " "),
            "widget": "object",
            "summary": _summary(block),
            "hint": _first_line(block.__doc__),
            "fields": self.fields(block, leave_out=("type",)),
        }

    def mapping(self, args: tuple) -> dict:
        keys, _value = args
        if get_origin(keys) is Literal:
            return {
                "widget": "object",
                "plansite": "dict",
                "fields": [
                    {"name": key, "label": label(key), "widget": "string", "required": False} for key in get_args(keys)
                ],
            }
        return {"widget": "plansite-pairs", "plansite": "dict"}


def _place(model: type[BaseModel], name: str) -> tuple:
    """Where a field goes in its form: naming fields first, the young-people version after the adult texts."""
    tp, _ = _without_none(_full_type(model, name))
    holds_items = get_origin(tp) is list and (_is_model(get_args(tp)[0]) or _is_blocks(get_args(tp)[0]))
    if name in ORDER_FIRST:
        return (0, ORDER_FIRST.index(name), 0)
    if name == "young_people":
        return (2, 0, 0)
    if name in ("articles", "related_articles", "note", "notes", "updates") or holds_items:
        return (3, 0, list(model.model_fields).index(name))
    return (1, 0, list(model.model_fields).index(name))


def _first_line(doc: str | None) -> str:
    return (doc or "").strip().split("\n")[0]


def _hint(info: FieldInfo, kind: str | None) -> str:
    parts = [info.description] if info.description else []
    if kind in TYPE_HINTS:
        parts.append(TYPE_HINTS[kind])
    return " ".join(parts)


def _summary(model: type[BaseModel]) -> str:
    for name in ("title", "name", "term", "ref", "you_said", "status", "code", "mark", "date"):
        if name in model.model_fields:
            return "{{fields." + name + "}}"
    return ""


def _singular(model: type[BaseModel]) -> str:
    words = []
    for char in model.__name__:
        if char.isupper() and words:
            words.append(" ")
        words.append(char.lower())
    return "".join(words)


# --- The whole configuration --------------------------------------------------------------------


def collection(name: str, title: str, description: str, **rest) -> dict:
    return {
        "name": name,
        "label": title,
        "description": description,
        "format": FORMAT,
        "extension": "yml",
        "publish": False,  # saving opens a pull request; merging is GitHub's, after the checks and a review
        "editor": {"preview": False},
        **rest,
    }


def admin_config(article_titles: dict[int, str], repository: str, branch: str = "main") -> dict:
    """The Decap CMS configuration of the form editor."""
    form = Form(Vocabularies(article_titles))
    plan_fields = form.fields(m.Plan)
    return {
        "backend": {
            "name": "github-token",  # GitHub, signed in with a token (content/admin/sign-in.js)
            "repo": repository,
            "branch": branch,
            "commit_messages": {
                "create": "Add {{collection}} '{{slug}}' (form editor)",
                "update": "Change {{collection}} '{{slug}}' (form editor)",
                "delete": "Delete {{collection}} '{{slug}}' (form editor)",
                "uploadMedia": "Upload '{{path}}' (form editor)",
                "deleteMedia": "Delete '{{path}}' (form editor)",
                "openAuthoring": "{{message}}",
            },
        },
        # Every change is saved on a branch of its own with a pull request: never on main.
        "publish_mode": "editorial_workflow",
        # On this computer (./run admin), the local back end decap-server saves to this clone instead.
        "local_backend": {"url": "http://localhost:8081/api/v1", "allowed_hosts": ["localhost", "127.0.0.1"]},
        "locale": "en",
        "site_url": "/",
        "display_url": "/",
        "media_folder": "content/assets/uploads",
        "public_folder": "/assets/uploads",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        # Read by the editor's script: the UNCRC articles offered wherever a text cites them.
        "plansite": {"articles": form.vocabularies.articles()},
        "collections": [
            collection(
                "plans",
                "Plans",
                "One file for each plan (data/plans/<slug>.yml). Saving opens a pull request; nothing is "
                "published until its checks pass and it is merged.",
                folder="data/plans",
                create=True,
                delete=False,
                identifier_field="title",
                slug="{{organisation}}-{{title}}",
                summary="{{title}} ({{organisation}}, {{period}}, {{status}})",
                sortable_fields=["title", "period", "organisation"],
                fields=plan_fields,
            ),
            collection(
                "site",
                "Organisations, glossary and articles",
                "The organisations that publish plans, the word list, and the summaries of the UNCRC articles.",
                files=[
                    {
                        "name": "organisations",
                        "label": "Organisations",
                        "file": "data/organisations.yml",
                        "fields": form.fields(m.Organisations),
                    },
                    {
                        "name": "glossary",
                        "label": "Glossary",
                        "file": "data/glossary.yml",
                        "fields": form.fields(m.Glossary),
                    },
                    {
                        "name": "articles",
                        "label": "UNCRC article summaries",
                        "file": "data/uncrc/articles.yml",
                        "fields": form.fields(m.Convention),
                    },
                ],
            ),
        ],
    }


def article_titles(convention: m.Convention) -> dict[int, str]:
    return {article.number: article.title for article in convention.articles}


CONFIG_PATH = "content/admin/config.yml"
"""Where the configuration is kept in the project (committed; the site serves it at /admin/config.yml)."""

HEADER = (
    "# The form editor's configuration (Decap CMS), made from the model by `./run admin-config`.\n"
    "# Do not edit it by hand: change the model (hooks/plansite/model/) or hooks/plansite/admin/config.py,\n"
    "# then run `./run admin-config`. A test fails while this file is out of date.\n"
)


class _NoAliases(yaml.SafeDumper):
    """The same field used twice is written out twice: Decap reads the file with its own YAML reader."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def config_text(article_titles: dict[int, str], repository: str, branch: str) -> str:
    body = yaml.dump(
        admin_config(article_titles, repository, branch),
        Dumper=_NoAliases,
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )
    return HEADER + body
