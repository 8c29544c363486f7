"""How a child's details read on a page: the same rows for an agency's table on the child page and
for the two sides of a possible match."""

from __future__ import annotations

from collections import OrderedDict

# (label, how to read it from a description), in the order the table shows them.
DETAIL_ROWS = [
    ("Name", lambda d: d.display_name if (d.given_name or d.family_name) else ""),
    ("Other names", lambda d: ", ".join(d.other_names or [])),
    ("Date of birth", lambda d: d.dob.strftime("%-d %B %Y") if d.dob else ""),
    ("Approximate age", lambda d: f"about {d.approx_age} when recorded" if d.approx_age is not None else ""),
    ("Sex", lambda d: d.get_sex_display() if d.sex else ""),
    ("Ethnicity", lambda d: d.ethnicity),
    ("Nationality", lambda d: d.nationality),
    ("Address", lambda d: d.address),
    ("Postcode", lambda d: d.postcode),
    ("School", lambda d: d.school),
    ("NHS number", lambda d: d.nhs_number),
    ("Unique pupil number", lambda d: d.upn),
    ("Local-authority id", lambda d: d.la_id),
    ("Agency's reference", lambda d: d.ref),
]


def details_by_agency(descriptions) -> list[dict]:
    """For each agency, every distinct value it has recorded for each detail, newest first."""
    agencies: OrderedDict[str, dict] = OrderedDict()
    for description in descriptions:  # ordered by agency, then newest first
        entry = agencies.setdefault(
            description.agency.name,
            {"agency": description.agency, "rows": OrderedDict((label, []) for label, _ in DETAIL_ROWS),
             "count": 0, "last": description.version.concern.received_at},
        )
        entry["count"] += 1
        for label, read in DETAIL_ROWS:
            value = read(description)
            if value and value not in entry["rows"][label]:
                entry["rows"][label].append(value)
    return [
        {**entry, "rows": [(label, values) for label, values in entry["rows"].items() if values]}
        for entry in agencies.values()
    ]


def description_rows(description) -> list[tuple[str, str]]:
    """One description's filled-in details, in table order."""
    rows = [(label, read(description)) for label, read in DETAIL_ROWS]
    return [(label, value) for label, value in rows if value]
