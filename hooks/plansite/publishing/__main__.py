"""`python -m plansite.publishing which|site|comment`: the steps of the Deploy workflow.

Each runs from main's code in that trusted workflow (.github/workflows/deploy.yml), with the
workflow's token (GH_TOKEN), the run that ended (GITHUB_EVENT_PATH) and what earlier jobs found
(environment variables). What the pull request's run uploaded is read as data only.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .github import GitHub, GitHubError
from .pages_site import NoProductionSite, assemble
from .pull_request import Deployment, comment_on, which


def _github() -> GitHub:
    return GitHub(os.environ["GITHUB_REPOSITORY"])


def _run() -> dict:
    """The workflow run whose end started this one, as GitHub describes it."""
    with open(os.environ["GITHUB_EVENT_PATH"], encoding="utf-8") as file:
        return json.load(file).get("workflow_run") or {}


def _outputs(values: dict[str, str]) -> None:
    """The step's outputs, one name=value line each (GITHUB_OUTPUT; standard output elsewhere)."""
    lines = "".join(f"{name}={value}\n" for name, value in values.items() if "\n" not in str(value))
    target = os.environ.get("GITHUB_OUTPUT")
    if target:
        with open(target, "a", encoding="utf-8") as file:
            file.write(lines)
    else:
        sys.stdout.write(lines)


def which_command(args: argparse.Namespace) -> int:
    found = which(_github(), _run(), Path(args.report))
    print(f"pull request: {found.get('number', 'none found')}, {found['state']}", file=sys.stderr)
    _outputs(found)
    return 0


def site_command(args: argparse.Namespace) -> int:
    try:
        outcomes = assemble(_github(), Path(args.folder))
    except NoProductionSite as error:
        print(f"::error::{error}", file=sys.stderr)
        return 1
    for number, outcome in outcomes.items():
        print(f"pull request {number}: {outcome}", file=sys.stderr)
    _outputs({"previews": json.dumps({str(number): outcome for number, outcome in outcomes.items()})})
    return 0


def comment_command(args: argparse.Namespace) -> int:
    env = os.environ
    try:
        outcomes = json.loads(env.get("PREVIEWS") or "{}")
    except ValueError:
        outcomes = {}
    found = {
        name: env.get(name.upper(), "") for name in ("number", "state", "head_repository", "head_branch", "head_sha")
    }
    deployment = Deployment(
        env.get("DEPLOYMENT", ""), outcomes if isinstance(outcomes, dict) else {}, env.get("PAGE_URL", "")
    )
    result = comment_on(_github(), _run(), found, Path(args.report), deployment, env.get("GITHUB_SERVER_URL", ""))
    print(f"comment: {result}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m plansite.publishing", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("which", help="the pull request a finished run was for, checked with GitHub")
    command.add_argument("report", help="the folder of the run's pull-request-report artifact")
    command.set_defaults(run=which_command)
    command = commands.add_parser("site", help="the Pages site: production and the open pull requests' previews")
    command.add_argument("folder", help="where to put it")
    command.set_defaults(run=site_command)
    command = commands.add_parser("comment", help="write or edit the pull request's comment")
    command.add_argument("report", help="the folder of the run's pull-request-report artifact")
    command.set_defaults(run=comment_command)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except GitHubError as error:
        print(f"::error::{error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
