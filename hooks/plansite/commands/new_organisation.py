"""A new organisation added to data/organisations.yml, so that its plans can name it.

The entry is appended as text, so every other line of the file (comments included) stays as it
was; texts not given on the command line are [[placeholders]], which the check refuses as soon as
a published plan names the organisation.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import ValidationError

from .. import model as m
from ..catalogue import read_file
from ..errors import Problems
from .yaml_edit import read_text, scalar, write_text

ABOUT = "[[What the organisation is and does, in two or three sentences, for adults]]"
YOUNG_PEOPLE = "[[Who they are and what they do, in one or two short sentences for young people]]"


def entry(
    organisation_id: str,
    name: str,
    kind: str,
    *,
    short_name: str | None = None,
    area: str | None = None,
    website: str | None = None,
    about: str | None = None,
    young_people: str | None = None,
    licence: m.Licence | None = None,
) -> str:
    """The YAML lines of one organisation, indented as the list in organisations.yml.

    A value is written plain when it reads back the same, as an editor would type it, and in
    quotes otherwise (a colon, a leading quote...).
    """
    lines = [f"  - id: {organisation_id}", f"    name: {scalar(name)}"]
    if short_name:
        lines.append(f"    short_name: {scalar(short_name)}")
    lines.append(f"    kind: {scalar(kind)}")
    if area:
        lines.append(f"    area: {scalar(area)}")
    lines.append(f"    about: {scalar(about or ABOUT)}")
    if website:
        lines.append(f"    website: {scalar(website)}")
    if licence and licence != m.OPEN_GOVERNMENT_LICENCE:
        lines += ["    licence:", f"      name: {scalar(licence.name)}", f"      url: {scalar(licence.url)}"]
    lines += ["    young_people:", f"      text: {scalar(young_people or YOUNG_PEOPLE)}"]
    return "\n".join(lines) + "\n"


def licence_named(code: str | None, url: str | None = None) -> m.Licence | None:
    """The licence a command line names: an SPDX identifier the site knows, or a name with --licence-url."""
    if not code:
        if url:
            raise ValueError("--licence-url needs --licence with the licence's name")
        return None
    known = {key.lower(): licence for key, licence in m.KNOWN_LICENCES.items()}
    if code.lower() in known and not url:
        return known[code.lower()]
    if not url:
        raise ValueError(
            f"'{code}' is not a licence the site knows; use one of: {', '.join(m.KNOWN_LICENCES)}, "
            "or give its full name with --licence and its web address with --licence-url"
        )
    try:
        return m.Licence(name=code, url=url)
    except ValidationError:
        raise ValueError(
            f"'{url}' (--licence-url) is not a web address a browser can follow; copy it from the address bar"
        ) from None


def new_organisation(data_dir: Path, organisation_id: str, name: str, kind: str, **optional: str | None) -> Path:
    """Append an organisation to data/organisations.yml; refuses an id that is taken or cannot be an address."""
    file = data_dir / "organisations.yml"
    if not file.exists() and not file.is_symlink():
        raise ValueError(f"{file} not found; run this from the repository, or give --data")
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", organisation_id):
        raise ValueError(
            f"'{organisation_id}' cannot be an id; use lower-case letters, digits and single hyphens, "
            "e.g. 'leeds-city-council' or 'lcc'"
        )
    problems = Problems()
    organisations, _ = read_file(file, "data/organisations.yml", m.Organisations, problems, data_dir)
    if organisations is None:
        raise ValueError("the organisations file has problems; fix them first:\n" + problems.report())
    taken = {o.id: o.name for o in organisations.organisations}
    if organisation_id in taken:
        raise ValueError(f"the id '{organisation_id}' is already used by {taken[organisation_id]}; choose another")
    before = read_text(file)
    after = before + ("" if before.endswith("\n") else "\n") + entry(organisation_id, name, kind, **optional)
    write_text(file, after)
    problems = Problems()
    if read_file(file, "data/organisations.yml", m.Organisations, problems, data_dir)[0] is None:
        write_text(file, before)
        raise ValueError("the new organisation could not be added; nothing was changed:\n" + problems.report())
    return file
