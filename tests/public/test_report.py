"""The public reporting page: no sign-in, seven languages, reports land in the front-door queue with
the one-working-day clock, and nothing a reporter typed is lost when the form is refused."""

import re

import pytest

from joinedup.core import workingdays
from joinedup.core.models import AuditEvent
from joinedup.public.languages import CODES
from joinedup.public.models import PublicReport
from joinedup.records.models import Concern
from joinedup.web import queries


@pytest.mark.parametrize("lang", CODES)
def test_the_page_needs_no_sign_in_and_explains_what_happens_next_and_how_to_get_help(client, db, lang):
    response = client.get(f"/report/{lang}/")
    assert response.status_code == 200
    page = response.content.decode()
    direction = "rtl" if lang == "ur" else "ltr"
    assert f'<html lang="{lang}" dir="{direction}"' in page
    assert response["Content-Language"] == lang
    assert "data-what-next" in page and "data-help-now" in page
    assert '<span class="joinedup-public-number">999</span>' in page
    assert '<span class="joinedup-public-number">0800 1111</span>' in page
    assert "<script" not in page, "the page works without JavaScript"
    # Every other language is one link away (no JavaScript needed to switch).
    for other in CODES:
        if other != lang:
            assert f'href="/report/{other}/" hreflang="{other}"' in page


def test_the_page_is_in_the_language_of_the_url(client, db):
    assert "کسی بچے کے بارے میں تشویش کی اطلاع دیں" in client.get("/report/ur/").content.decode()
    assert "Zgłoś obawy dotyczące dziecka" in client.get("/report/pl/").content.decode()
    assert "ਕਿਸੇ ਬੱਚੇ ਬਾਰੇ ਚਿੰਤਾ ਦੀ ਰਿਪੋਰਟ ਕਰੋ" in client.get("/report/pa/").content.decode()


def test_the_bare_address_sends_the_visitor_to_their_browser_language(client, db):
    assert client.get("/report/", HTTP_ACCEPT_LANGUAGE="ur-PK,ur;q=0.9,en;q=0.5")["Location"] == "/report/ur/"
    assert client.get("/report/", HTTP_ACCEPT_LANGUAGE="fr-FR,ro;q=0.8")["Location"] == "/report/ro/"
    assert client.get("/report/", HTTP_ACCEPT_LANGUAGE="de")["Location"] == "/report/en/"


def test_a_language_the_page_is_not_offered_in_is_not_found(client, db):
    assert client.get("/report/fr/").status_code == 404


def test_an_anonymous_report_lands_in_the_front_door_queue_with_the_one_working_day_clock(sent_report, users):
    reference, passphrase = sent_report("ur", what_happened="وہ لڑکی رات کو ایک گاڑی میں جاتی ہے")
    report = PublicReport.objects.select_related("concern__agency", "concern__current_version").get(reference=reference)
    concern = report.concern
    assert concern.agency.type == "public"
    assert concern.source_ref == reference
    assert concern.decision_due_at == workingdays.referral_decision_due(concern.received_at)
    assert concern in list(queries.front_door_queue(users.alice))
    summary = concern.current_version.summary
    assert summary.startswith("وہ لڑکی رات کو ایک گاڑی میں جاتی ہے")
    assert "in Urdu" in summary and "anonymous" in summary
    assert report.language == "ur"
    assert re.fullmatch(r"R-[2-9A-Z]{4}-[2-9A-Z]{4}", reference)
    assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", passphrase)


def test_the_passphrase_is_kept_only_as_a_hash(sent_report):
    reference, passphrase = sent_report()
    report = PublicReport.objects.get(reference=reference)
    assert passphrase not in report.passphrase_hash
    assert passphrase.replace(" ", "") not in report.passphrase_hash
    assert report.passphrase_hash.startswith(("md5$", "argon2", "pbkdf2"))


def test_a_report_without_the_childs_name_still_names_a_child_record(sent_report):
    reference, _ = sent_report(child_name="", child_age="")
    child = PublicReport.objects.get(reference=reference).concern.current_version.children.get()
    assert child.ref == f"{reference}-1"


def test_contact_details_given_are_passed_to_the_front_door(sent_report):
    reference, _ = sent_report(your_name="Tess Neighbour", your_contact="07700 900123")
    version = PublicReport.objects.get(reference=reference).concern.current_version
    assert version.reporter_name == "Tess Neighbour"
    assert "07700 900123" in version.summary


def test_the_passphrase_is_shown_until_the_reporter_leaves_the_confirmation_page(client, send):
    location = send("ur")["Location"]
    first = client.get(location).content.decode()
    assert "data-passphrase" in first
    # Reloading, or switching language, shows it again...
    assert "data-passphrase" in client.get("/report/pa/sent/").content.decode()
    # ...leaving the page does not.
    client.get("/report/ur/")
    again = client.get(location)
    assert again.status_code == 302 and "data-passphrase" not in again.content.decode()


def test_receiving_a_report_is_audited(sent_report):
    reference, _ = sent_report()
    event = AuditEvent.objects.get(event="public_report_received")
    assert event.detail["reference"] == reference
    assert event.actor is None
    assert AuditEvent.objects.filter(event="concern_recorded", object_id=str(event.object_id)).exists()


def test_an_invalid_form_comes_back_filled_in_with_each_error_named(send):
    response = send("ur", reporter_role="", what_happened="", child_age="چودہ", where="مل لین")
    assert response.status_code == 400
    page = response.content.decode()
    assert 'class="govuk-error-summary"' in page
    assert '<a href="#reporter_role-0">منتخب کریں کہ آپ کون ہیں</a>' in page
    assert '<a href="#what_happened">ہمیں بتائیں کہ آپ کو کس بات کی فکر ہے</a>' in page
    assert '<a href="#child_age">' in page
    assert 'id="what_happened-error"' in page
    assert 'value="مل لین"' in page, "what was typed is kept"
    assert 'value="چودہ"' in page
    assert 'value="Testa Fictional"' in page
    assert Concern.objects.count() == 0


def test_an_age_typed_in_another_script_is_understood(send):
    assert send("bn", child_age="১৪").status_code == 302
    assert PublicReport.objects.get().concern.current_version.children.get().approx_age == 14


def test_a_text_over_the_limit_is_an_error_and_the_text_is_kept(send, settings):
    settings.JOINEDUP_PUBLIC_MAX_CHARS = 50
    text = "x" * 51
    response = send(what_happened=text)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Maximum number of characters: 50" in page
    assert f">{text}</textarea>" in page
    assert Concern.objects.count() == 0


def test_a_request_body_over_the_size_limit_is_refused_plainly(send, settings):
    settings.JOINEDUP_PUBLIC_MAX_BODY_BYTES = 1000
    response = send(what_happened="y" * 2000)
    assert response.status_code == 413
    assert "too long for us to accept" in response.content.decode()
    assert Concern.objects.count() == 0


def test_the_hidden_field_refuses_a_robot_and_keeps_what_was_typed(send):
    response = send(leave_this_empty="http://spam.invalid/")
    assert response.status_code == 400
    page = response.content.decode()
    assert "data-refusal" in page
    assert "Two men in a grey van" in page
    assert Concern.objects.count() == 0


def test_the_hidden_field_is_hidden_by_the_stylesheet_not_inline(client, db):
    page = client.get("/report/en/").content.decode()
    assert re.search(r'<div class="joinedup-public-hp" aria-hidden="true">', page)
    assert 'name="leave_this_empty"' in page and 'tabindex="-1"' in page
    assert " style=" not in page


def test_each_box_has_only_its_own_hint(client, db):
    page = client.get("/report/en/").content.decode()
    assert page.count("For example last night, or Saturday afternoon") == 1
    assert 'id="your_name-hint"' not in page and 'id="your_contact-hint"' not in page
