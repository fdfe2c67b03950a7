"""A stand-in for GitHub's API (plansite.publishing.github.GitHub): answers by path, artifacts as zips."""

from __future__ import annotations

import io
import re
import zipfile

from plansite.publishing.github import Artifact, GitHubError

REPOSITORY = "childrens-plans/site"


def site_zip(files: dict[str, str]) -> bytes:
    """A zip of a built site: its files' names and texts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zipped:
        for name, text in files.items():
            zipped.writestr(name, text)
    return buffer.getvalue()


class FakeGitHub:
    """Answers GET by path (page size left out), lists whole, records what is sent."""

    def __init__(self, repository: str = REPOSITORY) -> None:
        self.repository = repository
        self.answers: dict[str, object] = {}
        self.zips: dict[int, bytes] = {}
        self.sent: list[tuple[str, str, dict]] = []
        self._runs: dict[str, list[dict]] = {}

    def get(self, path: str):
        path = re.sub(r"&per_page=\d+", "", path)
        if path not in self.answers:
            raise GitHubError(f"gh api {path}: HTTP 404: Not Found")
        return self.answers[path]

    def each(self, path: str, key: str | None = None):
        yield from self.get(path)

    def send(self, method: str, path: str, body: dict) -> dict:
        self.sent.append((method, path, body))
        return {}

    def artifact_zip(self, artifact: Artifact) -> bytes:
        return self.zips[artifact.id]

    def add_run(self, workflow: str, query: str, run_id: int, head_sha: str, artifacts: dict, **run) -> None:
        """A run of workflow found by query, newest after those added before; artifacts: name -> (id, zip, expired).

        By default a run of main by a push (Publish) or of a pull request's branch of this repository (its checks).
        """
        of_main = workflow == "publish.yml"
        runs = self._runs.setdefault(f"actions/workflows/{workflow}/runs?{query}", [])
        described = {
            "id": run_id,
            "head_sha": head_sha,
            "event": "push" if of_main else "pull_request",
            "head_branch": "main" if of_main else "fix-plan",
            "head_repository": {"full_name": self.repository},
        }
        runs.insert(0, {**described, **run})
        self.answers[f"actions/workflows/{workflow}/runs?{query}"] = {"workflow_runs": runs}
        for name, (artifact_id, content, expired) in artifacts.items():
            self.answers[f"actions/runs/{run_id}/artifacts?name={name}"] = {
                "artifacts": [{"id": artifact_id, "name": name, "expired": expired}]
            }
            self.zips[artifact_id] = content
        for name in ("site", "site-preview"):
            self.answers.setdefault(f"actions/runs/{run_id}/artifacts?name={name}", {"artifacts": []})

    def open_pulls(self, *pulls: tuple[int, str, str]) -> None:
        """The open pull requests: number, head commit, head repository."""
        self.answers["pulls?state=open&sort=created&direction=asc"] = [
            {"number": number, "head": {"sha": sha, "repo": {"full_name": repository}}}
            for number, sha, repository in pulls
        ]
