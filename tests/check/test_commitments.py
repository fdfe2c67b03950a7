"""What children said names the commitments that answer it, and every name is checked: an unknown
one is refused with its file, line and how to fix it, all of them in one run; an owner is a role or a
team, never contact details the plan does not publish."""

from __future__ import annotations

from plan_files import PLAN, data_folder, load, reported

BLOCKS = """\
      - type: projects
        items:
          - id: park-walks
            aims: ["1"]
            title: Park safety walks
            goals: Young people walk the parks after dark.
            performance_theme: Views
            performance: Walks.
            indicators: The number of walks.
            owner: {owner}
      - type: you_said_we_did
        items:
          - id: safe-parks
            you_said: We do not feel safe in the park after dark.
            answered_by: [{answers}]
"""


def plan(answers: str = "park-walks", owner: str = "Youth participation team") -> str:
    return PLAN + BLOCKS.format(answers=answers, owner=owner)


def test_answered_by_naming_a_commitment_of_the_plan_is_accepted(tmp_path):
    catalogue, problems = load(data_folder(tmp_path), plan())
    assert catalogue is not None, problems.report()


def test_an_unknown_commitment_is_refused_with_its_line_and_every_one_in_one_run(tmp_path):
    catalogue, problems = load(data_folder(tmp_path), plan("park-wlaks, no-such-thing, introduction"))
    assert catalogue is None
    line = plan().splitlines().index("            answered_by: [park-walks]") + 1
    typo = reported(problems, "there is no action row, project or aim 'park-wlaks' in this plan", line)
    assert typo.endswith(
        "did you mean 'park-walks'? name each commitment by its id on the plan page (the part after # "
        "in its link), e.g. park-walks"
    )
    assert reported(problems, "there is no action row, project or aim 'no-such-thing'", line)
    assert reported(problems, "'introduction' is the id of a section, not of an action row, project or aim", line)


def test_a_commitment_named_twice_is_refused(tmp_path):
    _, problems = load(data_folder(tmp_path), plan("park-walks, park-walks"))
    assert reported(problems, "'park-walks' is listed twice in 'answered_by'")


def test_an_owner_with_contact_details_the_plan_does_not_publish_is_refused(tmp_path):
    _, problems = load(data_folder(tmp_path), plan(owner="Sam at sam.jones@example.org, 07700 900123"))
    found = reported(problems, "the owner holds the email address sam.jones@example.org")
    assert "name a role or a team" in found
    assert reported(problems, "the owner holds the phone number 07700 900123")
