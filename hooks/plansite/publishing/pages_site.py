"""The GitHub Pages site: the production site, and in previews/pr-<N>/ the preview of each open pull request.

A Pages deployment replaces the whole site, so each one is made whole again from what the other
workflows built: the production site of the newest successful Publish run of main, and for each
open pull request from a branch of this repository, the preview its checks built of its newest
commit. A closed pull request's preview is simply not taken again. Nothing here is built or run:
the sites are files, unpacked where they belong.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .github import Artifact, GitHub, GitHubError, TooBig, unpack

PRODUCTION = ("publish.yml", "site")  # the workflow that builds the production site, and its artifact
PREVIEW = ("pull-request.yml", "site-preview")
PREVIEWS = "previews"
# GitHub Pages publishes a site of up to 1 GB: previews that would not fit are left out.
MOST_BYTES = 950_000_000
RUNS_LOOKED_AT = 20
PUBLISHED = "published"
MAIN_EVENTS = ("push", "schedule", "workflow_dispatch")  # how Publish runs on main


def preview_folder(number: int) -> str:
    """The preview's folder in the site, as the pull-request workflow builds it (PLANSITE_SITE_PATH)."""
    return f"{PREVIEWS}/pr-{int(number)}/"


@dataclass(frozen=True)
class OpenPullRequest:
    number: int
    head_sha: str
    from_this_repository: bool


class NoProductionSite(Exception):
    """No successful Publish run has a production site to deploy: deploying without one would empty the site."""


def open_pull_requests(github: GitHub) -> list[OpenPullRequest]:
    """The repository's open pull requests, by number."""
    pulls = []
    for pull in github.each("pulls?state=open&sort=created&direction=asc"):
        head_repository = (pull.get("head") or {}).get("repo") or {}
        pulls.append(
            OpenPullRequest(
                int(pull["number"]), pull["head"]["sha"], head_repository.get("full_name") == github.repository
            )
        )
    return sorted(pulls, key=lambda pull: pull.number)


def newest_artifact(github: GitHub, workflow: str, name: str, runs_query: str, taken: Callable[[dict], bool]):
    """The artifact called name of the newest run of workflow that still has it, among the runs
    runs_query finds that taken() accepts; None if there is none."""
    runs = github.get(f"actions/workflows/{workflow}/runs?{runs_query}&per_page={RUNS_LOOKED_AT}")
    for run in runs.get("workflow_runs", []):
        if not taken(run):
            continue
        for artifact in github.get(f"actions/runs/{int(run['id'])}/artifacts?name={name}").get("artifacts", []):
            if artifact.get("name") == name and not artifact.get("expired"):
                return Artifact(int(artifact["id"]), name, int(run["id"]))
    return None


def _of_main(github: GitHub) -> Callable[[dict], bool]:
    """A run of main itself: a pull request may change a workflow to run on its own branch called
    main, and upload a 'site' of its own; such a run is never the production site."""
    return lambda run: (
        run.get("event") in MAIN_EVENTS and run.get("head_branch") == "main" and _repository(run) == github.repository
    )


def _of_commit(github: GitHub, head_sha: str) -> Callable[[dict], bool]:
    """A run of the pull request's checks of that commit, in this repository."""
    return lambda run: (
        run.get("event") == "pull_request" and run.get("head_sha") == head_sha and _repository(run) == github.repository
    )


def _repository(run: dict) -> str | None:
    return (run.get("head_repository") or {}).get("full_name")


def assemble(github: GitHub, folder: Path, most: int = MOST_BYTES) -> dict[int, str]:
    """Unpack the production site and the previews into folder; return what became of each open
    pull request's preview: PUBLISHED, or why not, in plain words."""
    workflow, name = PRODUCTION
    production = newest_artifact(github, workflow, name, "branch=main&status=success", _of_main(github))
    if production is None:
        raise NoProductionSite(
            f"no successful run of {workflow} on main still has its '{name}' artifact: run the Publish workflow "
            "(Actions > Publish > Run workflow), then deploy again"
        )
    used = unpack(github.artifact_zip(production), folder, most)
    # The previews' folder is theirs alone: a page of the production site there would be replaced.
    shutil.rmtree(folder / PREVIEWS, ignore_errors=True)
    outcomes: dict[int, str] = {}
    workflow, name = PREVIEW
    for pull in open_pull_requests(github):
        if not pull.from_this_repository:
            outcomes[pull.number] = "from a fork: not published"
            continue
        query = f"event=pull_request&head_sha={pull.head_sha}"
        artifact = newest_artifact(github, workflow, name, query, _of_commit(github, pull.head_sha))
        if artifact is None:
            outcomes[pull.number] = "its checks built no site of this commit (a problem in the data stops the build)"
            continue
        target = folder / preview_folder(pull.number)
        try:
            used += unpack(github.artifact_zip(artifact), target, most - used)
        except TooBig:
            shutil.rmtree(target, ignore_errors=True)
            outcomes[pull.number] = "the site has no room left for it (GitHub Pages publishes up to 1 GB)"
            continue
        except GitHubError as error:
            shutil.rmtree(target, ignore_errors=True)
            outcomes[pull.number] = f"its site could not be taken ({' '.join(str(error).split())})"  # one line
            continue
        outcomes[pull.number] = PUBLISHED
    return outcomes
