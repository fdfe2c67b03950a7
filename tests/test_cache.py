"""The build's one cache (plansite/cache.py): an entry is found only for the same input and code."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from plansite import cache as cache_module
from plansite.cache import FOLDER, Cache, NoCache, code_fingerprint


def test_an_entry_is_found_by_its_key_in_the_next_build(tmp_path: Path) -> None:
    first = Cache(tmp_path)
    key = first.key("data/plans/x.yml", "digest of its bytes")
    assert first.get(key) is None
    first.put(key, {"plan": "x"})
    assert Cache(tmp_path).get(key) == {"plan": "x"}
    assert Cache(tmp_path).get(first.key("data/plans/x.yml", "another digest")) is None


def test_the_key_is_made_from_every_part(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    keys = {cache.key("a", "b"), cache.key("ab"), cache.key("a", "c"), cache.key("b", "a")}
    assert len(keys) == 4


def test_a_damaged_entry_is_not_found(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    key = cache.key("x")
    cache.put(key, list(range(1000)))
    (cache.folder / key).write_bytes((cache.folder / key).read_bytes()[:50])
    assert Cache(tmp_path).get(key) is None


def test_other_code_finds_nothing_and_its_entries_go(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = Cache(tmp_path)
    key = old.key("x")
    old.put(key, "old result")
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "other code")
    new = Cache(tmp_path)
    assert new.get(key) is None
    new.put(new.key("y"), "new result")
    new.keep_only({new.key("y")})
    assert [entry.name for entry in (tmp_path / FOLDER / "data").iterdir()] == ["other code"]


def test_entries_a_build_did_not_use_are_deleted(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    for name in ("a", "b", "c"):
        cache.put(cache.key(name), name)
    cache.keep_only({cache.key("b")})
    assert sorted(entry.name for entry in cache.folder.iterdir()) == [cache.key("b")]


def test_in_memory_a_rebuild_takes_the_very_object(tmp_path: Path) -> None:
    cache = Cache(tmp_path, in_memory=True)
    value = {"plan": "x"}
    cache.put(cache.key("x"), value)
    assert cache.get(cache.key("x")) is value
    cache.keep_only(set())
    assert cache.get(cache.key("x")) is None or cache.get(cache.key("x")) is not value


def test_the_fingerprint_follows_the_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "plansite"
    package.mkdir()
    (package / "check.py").write_text("LIMIT = 5\n", encoding="utf-8")
    monkeypatch.setattr(cache_module, "PACKAGE", package)
    first = code_fingerprint()
    (package / "check.py").write_text("LIMIT = 6\n", encoding="utf-8")
    assert code_fingerprint() != first


@pytest.mark.parametrize("in_memory", [False, True])
def test_compiled_templates_follow_their_source(tmp_path: Path, in_memory: bool) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text("one {{ x }}", encoding="utf-8")
    cache = Cache(tmp_path, in_memory=in_memory)

    def render() -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), bytecode_cache=cache.templates("test"))
        return env.get_template("page.html").render(x=1)

    assert render() == "one 1"
    if not in_memory:
        assert list((tmp_path / FOLDER / "templates").glob("test-*/*"))
    assert render() == "one 1"
    (templates / "page.html").write_text("two {{ x }}", encoding="utf-8")
    assert render() == "two 1"


def test_the_plain_twin_keeps_nothing(tmp_path: Path) -> None:
    cache = NoCache()
    cache.put(cache.key("x"), "value")
    assert cache.get(cache.key("x")) is None and cache.templates("ours") is None
    assert not (tmp_path / FOLDER).exists()


def test_both_twins_make_the_same_key_from_all_the_parts(tmp_path: Path) -> None:
    assert NoCache().key("plan.yml", "digest") == Cache(tmp_path).key("plan.yml", "digest")
    assert len({NoCache().key(*parts) for parts in [("a", "b"), ("ab",), ("a", "b", ""), ("b", "a")]}) == 4


def test_each_part_is_tidied_on_its_own(tmp_path: Path) -> None:
    data, downloads = Cache(tmp_path), Cache(tmp_path, part="downloads")
    data.put(data.key("a"), "a checked file")
    downloads.put(downloads.key("a"), "a plan's downloads")
    downloads.keep_only(set())
    assert Cache(tmp_path).get(data.key("a")) == "a checked file"
    assert Cache(tmp_path, part="downloads").get(downloads.key("a")) is None


def test_an_entry_is_made_once_then_taken(tmp_path: Path) -> None:
    made = []
    for cache in (Cache(tmp_path), Cache(tmp_path)):
        assert cache.get_or_make(cache.key("x"), lambda: made.append(1) or "result") == "result"
    assert made == [1]
    plain = NoCache()
    for _ in range(2):
        assert plain.get_or_make(plain.key("x"), lambda: made.append(1) or "result") == "result"
    assert made == [1, 1, 1]
