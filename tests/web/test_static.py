"""Nothing loads from a third-party host, there is no inline script or style (a strict CSP is coming),
and the vendored front-end files are complete, with their licences."""

import re
from pathlib import Path

import pytest

import joinedup.web

WEB = Path(joinedup.web.__file__).parent
TEMPLATES = sorted((WEB / "templates").rglob("*.html"))
VENDOR = WEB / "static" / "vendor"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_templates_load_nothing_from_another_host(template):
    text = template.read_text()
    assert not re.search(r"""(src|href|action)=["'](https?:)?//""", text)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_templates_have_no_inline_script_style_or_event_handler(template):
    text = template.read_text()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), "inline <script>"
    assert "<style" not in text
    assert not re.search(r"\sstyle=", text)
    assert not re.search(r"\son[a-z]+=", text)


def test_govuk_frontend_is_vendored_with_its_fonts_and_licence():
    css = (VENDOR / "govuk-frontend" / "govuk-frontend.min.css").read_text()
    urls = set(re.findall(r"url\(([^)]+)\)", css))
    assert urls, "the stylesheet names its fonts"
    for url in urls:
        assert not url.startswith(("/", "http")), url
        assert (VENDOR / "govuk-frontend" / url).is_file(), url
    assert (VENDOR / "govuk-frontend" / "govuk-frontend.min.js").is_file()
    assert "MIT" in (VENDOR / "govuk-frontend" / "LICENSE.txt").read_text()


def test_htmx_is_vendored_with_its_licence():
    assert (VENDOR / "htmx" / "htmx.min.js").stat().st_size > 10_000
    assert "BSD" in (VENDOR / "htmx" / "LICENSE").read_text()


def test_pages_use_the_vendored_styles_and_scripts(login):
    page = login("alice").get("/front-door/").content.decode()
    assert "/static/vendor/govuk-frontend/govuk-frontend.min.css" in page
    assert "/static/vendor/htmx/htmx.min.js" in page
    assert "Synthetic data: a demonstration system" in page
    assert "Alice Tester, Northtown Children&#x27;s Social Care" in page


def test_the_error_pages_render_without_a_request(db):
    from django.template.loader import render_to_string

    assert "Sorry, there is a problem with JoinedUp" in render_to_string("500.html")


def test_an_unknown_address_is_a_govuk_404_for_anyone(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content and b"govuk-header" in response.content
