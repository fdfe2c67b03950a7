"""Which pull request a finished run of its checks was for, and the one comment on it.

The run's report names its pull request, but the report was written by the pull request's own
code: the number is only taken once GitHub confirms that this pull request's head is the commit
the run checked, from the same repository. The comment is found among those the workflow's own
bot wrote, by its marker, and edited; a new one is written only when there is none.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from . import pull_request_comment as text
from .github import GitHub, GitHubError
from .pages_site import PREVIEW, PUBLISHED, preview_folder

BOT = "github-actions[bot]"
REPORT_FILE = "pull-request.json"  # {"pull_request": N}, beside problems.json
PROBLEMS_FILE = "problems.json"


def report_file(folder: Path, name: str, most: int = text.MAX_REPORT_BYTES) -> bytes | None:
    """A file of the downloaded report, if it is there, a file, and no bigger than most bytes."""
    try:
        file = folder / name
        return file.read_bytes() if file.is_file() and file.stat().st_size <= most else None
    except OSError:
        return None


def number_in_report(folder: Path) -> int | None:
    """The pull request the report names, if it names one as a whole number."""
    try:
        number = json.loads((report_file(folder, REPORT_FILE, 10_000) or b"null").decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    number = number.get("pull_request") if isinstance(number, dict) else None
    return number if isinstance(number, int) and not isinstance(number, bool) and 0 < number < 10**9 else None


def which(github: GitHub, run: dict, report: Path) -> dict[str, str]:
    """The pull request a workflow run was for, as the job's outputs: its number, its state (open,
    closed, or outdated when its head has moved on since: a newer run will report), and its head."""
    numbers = [number_in_report(report)] + [pull.get("number") for pull in run.get("pull_requests") or []]
    run_repository = (run.get("head_repository") or {}).get("full_name")
    if not run_repository:
        return {"state": "unknown"}
    for number in dict.fromkeys(n for n in numbers if isinstance(n, int)):
        try:
            pull = github.get(f"pulls/{number}")
        except GitHubError:
            continue  # no such pull request
        head = pull.get("head") or {}
        if (head.get("repo") or {}).get("full_name") != run_repository:
            continue
        state = "closed" if pull.get("state") == "closed" else "open"
        if head.get("sha") != run.get("head_sha"):
            state = "outdated"
        return {
            "number": str(number),
            "state": state,
            "head_repository": str(run_repository),
            "head_branch": str(head.get("ref", "")),
            "head_sha": str(head.get("sha", "")),
        }
    return {"state": "unknown"}


def preview(
    number: int,
    from_fork: bool,
    built: bool,
    deployment: str,
    outcomes: dict[str, str],
    site_url: str,
) -> text.Preview:
    """What the comment says of the preview, from what the deployment job did (or, cancelled for
    a later deployment that takes this preview too, from whether the run built one)."""
    if from_fork:
        return text.Preview(missing=text.FORK_PREVIEW)
    if not built:
        return text.Preview(missing="the checks built no site of this commit (a problem in the data stops the build)")
    address = site_url.rstrip("/") + "/" + preview_folder(number) if site_url.startswith("https://") else ""
    outcome = outcomes.get(str(number))
    if deployment == "success" and outcome == PUBLISHED and address:
        return text.Preview(url=address)
    if deployment == "success":
        return text.Preview(missing=outcome or "it was not taken into the site")
    if deployment == "cancelled" and address:
        return text.Preview(url=address, pending=True)
    return text.Preview(missing="the site could not be published this time; the Deploy workflow's run says why")


def post(github: GitHub, number: int, body: str, create: bool = True) -> str:
    """Edit the bot's comment on the pull request to body, or write it if there is none (and create)."""
    for existing in github.each(f"issues/{int(number)}/comments"):
        if (existing.get("user") or {}).get("login") == BOT and text.MARKER in (existing.get("body") or ""):
            github.send("PATCH", f"issues/comments/{int(existing['id'])}", {"body": body})
            return "edited"
    if not create:
        return "none"
    github.send("POST", f"issues/{int(number)}/comments", {"body": body})
    return "written"


@dataclass(frozen=True)
class Deployment:
    """What the Deploy workflow's deployment job did: its result, each open pull request's preview, the address."""

    result: str
    outcomes: dict[str, str] = field(default_factory=dict)
    page_url: str = ""


def comment_on(
    github: GitHub, run: dict, found: Mapping[str, str], report: Path, deployment: Deployment, server: str
) -> str:
    """Write or edit the comment on the pull request found (which()) for the run that ended."""
    number = int(found["number"])
    if found["state"] == "closed":
        return post(github, number, text.closed_comment(), create=False)
    site_url = deployment.page_url
    if not site_url:
        try:
            site_url = str((github.get("pages") or {}).get("html_url", ""))
        except GitHubError:
            site_url = ""  # Pages is not set up, or not readable here: no address to give
    body = text.comment(
        text.read_report(report_file(report, PROBLEMS_FILE)),
        text.Source(server, found["head_repository"], found["head_branch"], found["head_sha"]),
        text.Outcome(str(run.get("conclusion", "")), str(run.get("html_url", ""))),
        preview(
            number,
            found["head_repository"] != github.repository,
            built_a_preview(github, int(run["id"])),
            deployment.result,
            deployment.outcomes,
            site_url,
        ),
    )
    return post(github, number, body)


def built_a_preview(github: GitHub, run_id: int) -> bool:
    """Whether the run built a preview: its site-preview artifact is there."""
    _, name = PREVIEW
    answer = github.get(f"actions/runs/{run_id}/artifacts?name={name}")
    return any(a.get("name") == name and not a.get("expired") for a in answer.get("artifacts", []))
