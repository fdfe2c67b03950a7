"""`./run admin-config`: writes the form editor's configuration (content/admin/config.yml) from the model.

The GitHub repository the editor saves to, and its main branch, are set in mkdocs.yml
(`extra: form_editor: repository, branch`); the article titles come from data/uncrc/articles.yml.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .. import model as m
from ..admin.config import CONFIG_PATH, article_titles, config_text
from ..errors import DataError, Problems
from ..read import read_document, validate


def form_editor_settings(project: Path) -> tuple[str, str]:
    """The repository and branch of mkdocs.yml's `extra: form_editor:`."""
    # mkdocs.yml may hold Python tags for MkDocs' own use: only the plain `extra` mapping is read here.
    settings = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_PlainLoader) or {}
    editor = (settings.get("extra") or {}).get("form_editor") or {}
    return str(editor.get("repository", "OWNER/REPOSITORY")), str(editor.get("branch", "main"))


class _PlainLoader(yaml.SafeLoader):
    pass


_PlainLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def expected_text(project: Path) -> str:
    """The configuration as `./run admin-config` writes it for this project."""
    problems = Problems()
    file = project / "data" / "uncrc" / "articles.yml"
    document = read_document(file, "data/uncrc/articles.yml", problems)
    convention = validate(document, m.Convention, problems) if document else None
    if convention is None:
        raise DataError(problems)
    repository, branch = form_editor_settings(project)
    return config_text(article_titles(convention), repository, branch)


def write(project: Path) -> tuple[Path, bool]:
    """Write the configuration; returns its path and whether it changed."""
    target = project / CONFIG_PATH
    text = expected_text(project)
    changed = not target.exists() or target.read_text(encoding="utf-8") != text
    if changed:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return target, changed
