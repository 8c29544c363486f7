"""Fixtures for the public reporting page: an anonymous client and a way to send a report."""

import re

import pytest

REPORT = {
    "reporter_role": "neighbour",
    "what_happened": "Two men in a grey van keep collecting the girl from number 9 late at night.",
    "child_name": "Testa Fictional",
    "child_age": "14",
    "where": "Mill Lane, Northtown",
    "when": "Friday night",
    "your_name": "",
    "your_contact": "",
    "leave_this_empty": "",
}


@pytest.fixture
def send(client, db):
    """`send(lang="ur", **changes)` posts the report form and returns the response (not followed)."""

    def _send(lang="en", follow=False, **changes):
        data = {**REPORT, **changes}
        return client.post(f"/report/{lang}/", data, follow=follow)

    return _send


@pytest.fixture
def sent_report(client, send):
    """Send a report and read the reference and passphrase off the confirmation page."""

    def _sent(lang="en", **changes):
        response = send(lang, **changes)
        assert response.status_code == 302, response.content.decode()[:2000]
        page = client.get(response["Location"]).content.decode()
        reference = re.search(r"data-reference>([^<]+)<", page).group(1)
        passphrase = re.search(r"data-passphrase>([^<]+)<", page).group(1)
        return reference, passphrase

    return _sent
