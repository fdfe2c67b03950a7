"""GitHub's API through `gh`: the calls made, page by page, and artifacts unpacked as plain files only."""

from __future__ import annotations

import io
import json
import stat
import sys
import zipfile
from pathlib import Path

import pytest
from plansite.publishing.github import PER_PAGE, Artifact, GitHub, GitHubError, TooBig, unpack

FAKE_GH = """
import json, os, sys
calls = os.environ["FAKE_GH_CALLS"]
with open(calls, "a") as log:
    log.write(json.dumps({"args": sys.argv[1:], "stdin": sys.stdin.read()}) + "\\n")
path = sys.argv[-1] if "--input" not in sys.argv else sys.argv[sys.argv.index("--input") - 1]
if "fail" in path:
    sys.stderr.write("HTTP 403: Resource not accessible by integration")
    sys.exit(1)
if "&page=" in path:
    page = int(path.split("&page=")[1])
    print(json.dumps([{"n": (page - 1) * 100 + i} for i in range(100 if page < 3 else 7)]))
else:
    print(json.dumps({"ok": True}))
"""


@pytest.fixture
def gh(tmp_path, monkeypatch) -> tuple[GitHub, Path]:
    script = tmp_path / "gh.py"
    script.write_text(FAKE_GH, encoding="utf-8")
    calls = tmp_path / "calls.jsonl"
    monkeypatch.setenv("FAKE_GH_CALLS", str(calls))
    return GitHub("childrens-plans/site", (sys.executable, str(script))), calls


def logged(calls: Path) -> list[dict]:
    return [json.loads(line) for line in calls.read_text(encoding="utf-8").splitlines()]


def test_a_get_asks_for_json_of_the_repository(gh):
    github, calls = gh
    assert github.get("pulls/12") == {"ok": True}
    assert logged(calls)[0]["args"] == [
        "api",
        "-H",
        "Accept: application/vnd.github+json",
        "repos/childrens-plans/site/pulls/12",
    ]


def test_a_list_is_read_page_by_page_until_a_page_is_short(gh):
    github, calls = gh
    items = list(github.each("issues/12/comments"))
    assert len(items) == 2 * PER_PAGE + 7 and items[-1] == {"n": 206}
    paths = [call["args"][-1] for call in logged(calls)]
    assert paths == [f"repos/childrens-plans/site/issues/12/comments?per_page=100&page={n}" for n in (1, 2, 3)]


def test_a_body_is_sent_on_standard_input_never_on_the_command_line(gh):
    github, calls = gh
    body = {"body": "$(rm -rf /) `x` @octocat\n--method DELETE"}
    github.send("PATCH", "issues/comments/5", body)
    call = logged(calls)[0]
    assert call["args"][3:] == ["--method", "PATCH", "repos/childrens-plans/site/issues/comments/5", "--input", "-"]
    assert json.loads(call["stdin"]) == body


def test_a_refused_call_says_which_and_why(gh):
    github, _ = gh
    with pytest.raises(GitHubError, match="fail.*403"):
        github.get("fail")


def test_an_artifact_is_asked_for_by_its_id(gh):
    github, calls = gh
    github.artifact_zip(Artifact(77, "site-preview", 5))
    assert logged(calls)[0]["args"][-1] == "repos/childrens-plans/site/actions/artifacts/77/zip"


def archive(*entries: tuple[str, bytes], link: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zipped:
        for name, content in entries:
            zipped.writestr(name, content)
        if link:
            info = zipfile.ZipInfo(link)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zipped.writestr(info, "/etc/passwd")
    return buffer.getvalue()


def test_an_artifact_is_unpacked_into_its_folder(tmp_path):
    written = unpack(archive(("index.html", b"<h1>x</h1>"), ("plans/a/index.html", b"a")), tmp_path / "site", 10**6)
    assert written == 11
    assert (tmp_path / "site" / "plans" / "a" / "index.html").read_bytes() == b"a"


@pytest.mark.parametrize(
    "name", ["../outside.html", "a/../../outside.html", "/etc/cron.d/x", "a\\..\\..\\x", "C:/x"], ids=range(5)
)
def test_a_name_outside_the_folder_refuses_the_archive(tmp_path, name):
    with pytest.raises(GitHubError, match="outside"):
        unpack(archive(("index.html", b"x"), (name, b"x")), tmp_path / "site", 10**6)
    assert not (tmp_path / "outside.html").exists() and not (tmp_path / "site").exists()


def test_a_link_refuses_the_archive(tmp_path):
    with pytest.raises(GitHubError, match="not a file"):
        unpack(archive(("index.html", b"x"), link="passwd"), tmp_path / "site", 10**6)
    assert not (tmp_path / "site").exists()


def test_an_archive_larger_than_the_room_left_is_refused(tmp_path):
    with pytest.raises(TooBig):
        unpack(archive(("a.html", b"x" * 600), ("b.html", b"x" * 600)), tmp_path / "site", 1_000)
