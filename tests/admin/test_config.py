"""The form editor's configuration: made from the model, committed, and never out of date."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from plansite import model as m
from plansite.admin.config import CONFIG_PATH, admin_config
from plansite.commands.admin_config import expected_text

ROOT = Path(__file__).resolve().parents[2]


def test_the_committed_configuration_is_what_admin_config_writes():
    committed = (ROOT / CONFIG_PATH).read_text(encoding="utf-8")
    assert committed == expected_text(ROOT), "content/admin/config.yml is out of date: run ./run admin-config"


@pytest.fixture(scope="module")
def config() -> dict:
    """The configuration made from the model, once for the tests that read it (none changes it)."""
    return admin_config({1: "Definition of the child"}, "owner/repository")


def _collection(config: dict, name: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


def _field(fields: list[dict], name: str) -> dict:
    return next(f for f in fields if f["name"] == name)


def test_every_top_key_and_every_block_type_has_its_fields(config):
    plans = _collection(config, "plans")
    assert [f["name"] for f in plans["fields"]] and {f["name"] for f in plans["fields"]} == set(m.Plan.model_fields)
    blocks = _field(_field(plans["fields"], "sections")["fields"], "blocks")
    assert sorted(t["name"] for t in blocks["types"]) == m.BLOCK_TYPES
    for block in m.BLOCK_CLASSES:
        name = block.model_fields["type"].annotation.__args__[0]
        kind = next(t for t in blocks["types"] if t["name"] == name)
        assert {f["name"] for f in kind["fields"]} == set(block.model_fields) - {"type"}, name


def test_saving_opens_a_pull_request_and_never_publishes(config):
    assert config["publish_mode"] == "editorial_workflow"
    assert all(collection["publish"] is False for collection in config["collections"])


def test_vocabularies_requirements_and_limits_come_from_the_model(config):
    fields = _collection(config, "plans")["fields"]
    assert [o["value"] for o in _field(fields, "status")["options"]] == ["draft", "published"]
    assert "required" not in _field(fields, "title") and _field(fields, "subtitle")["required"] is False
    assert _field(fields, "organisation")["pattern"][0].startswith("^(?=.{1,80}$)")
    young = _field(fields, "sections")["fields"]
    young_text = _field(_field(young, "young_people")["fields"], "text")
    assert young_text["plansite_required"] is True  # required once the young-people version is filled in
    icons = _field(_field(young, "young_people")["fields"], "icon")
    assert [o["value"] for o in icons["options"]] == [icon.value for icon in m.Icon]
    articles = config["plansite"]["articles"]
    assert len(articles) == m.ARTICLE_COUNT
    assert articles[0] == {"label": "Article 1: Definition of the child", "value": 1}


def test_organisations_glossary_and_articles_are_editable(config):
    files = {f["file"]: f for f in _collection(config, "site")["files"]}
    assert set(files) == {"data/organisations.yml", "data/glossary.yml", "data/uncrc/articles.yml"}
    assert _field(files["data/uncrc/articles.yml"]["fields"], "articles")["widget"] == "list"


def test_the_configuration_file_is_yaml_decap_can_read():
    loaded = yaml.safe_load((ROOT / CONFIG_PATH).read_text(encoding="utf-8"))
    assert loaded["backend"]["name"] == "github-token" and loaded["collections"]
