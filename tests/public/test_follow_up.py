"""Following a report up with its reference and passphrase: the reporter sees that it was received and
whether it is being acted on, never what was decided; what they add is a new version, never an edit."""

from joinedup.casework.services import record_decision
from joinedup.core.models import AuditEvent
from joinedup.public.models import PublicReport


def _open(client, reference, passphrase, lang="en"):
    return client.post(f"/report/{lang}/follow-up/", {"reference": reference, "passphrase": passphrase})


def test_the_reference_and_passphrase_open_the_reports_progress(client, sent_report):
    reference, passphrase = sent_report()
    response = _open(client, reference, passphrase)
    assert response["Location"] == "/report/en/follow-up/progress/"
    page = client.get(response["Location"]).content.decode()
    assert reference in page
    assert 'data-stage="received"' in page
    assert "They aim to decide by the end of" in page
    assert AuditEvent.objects.filter(event="public_report_followed_up").count() == 1


def test_they_are_forgiving_about_how_they_are_typed(client, sent_report):
    reference, passphrase = sent_report()
    assert _open(client, reference.lower().replace("-", " "), passphrase.replace(" ", "-")).status_code == 302


def test_a_passphrase_typed_in_bengali_digits_works(client, sent_report):
    reference, passphrase = sent_report("bn")
    bengali = passphrase.translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯"))
    assert _open(client, reference, bengali, "bn").status_code == 302


def test_a_wrong_passphrase_or_reference_gets_the_same_answer(client, sent_report):
    reference, passphrase = sent_report()
    wrong = "0000 0000 0000 0000" if passphrase != "0000 0000 0000 0000" else "1111 1111 1111 1111"
    bad_passphrase = _open(client, reference, wrong)
    bad_reference = _open(client, "R-2222-2222", passphrase)
    assert bad_passphrase.status_code == bad_reference.status_code == 400
    message = "The reference and passphrase do not match a report"
    assert message in bad_passphrase.content.decode() and message in bad_reference.content.decode()
    assert client.get("/report/en/follow-up/progress/")["Location"] == "/report/en/follow-up/"


def test_the_progress_page_needs_the_passphrase_first(client, db):
    assert client.get("/report/en/follow-up/progress/")["Location"] == "/report/en/follow-up/"


def test_after_a_decision_the_reporter_learns_it_is_being_acted_on_but_not_what_was_decided(client, sent_report, users):
    reference, passphrase = sent_report()
    concern = PublicReport.objects.get(reference=reference).concern
    record_decision(users.alice, concern, "early_help", "Family support worker to visit; secret rationale text.")
    _open(client, reference, passphrase)
    page = client.get("/report/en/follow-up/progress/").content.decode()
    assert 'data-stage="acting"' in page
    assert "secret rationale text" not in page
    assert "Early help" not in page and "early_help" not in page
    assert "Testa" not in page, "nothing about the child is shown back"


def test_a_withdrawn_report_is_shown_as_finished(client, sent_report, users):
    from joinedup.records.services import withdraw_concern

    reference, passphrase = sent_report()
    withdraw_concern(users.alice, PublicReport.objects.get(reference=reference).concern, "sent twice")
    _open(client, reference, passphrase)
    assert 'data-stage="closed"' in client.get("/report/en/follow-up/progress/").content.decode()


def test_added_information_is_a_new_version_and_the_first_is_unchanged(client, sent_report, users):
    reference, passphrase = sent_report("ur")
    concern = PublicReport.objects.get(reference=reference).concern
    first = concern.current_version
    _open(client, reference, passphrase, "ur")
    response = client.post("/report/ur/follow-up/progress/", {"information": "گاڑی کا نمبر YK62 HBD تھا"})
    assert response["Location"] == "/report/ur/follow-up/progress/"
    page = client.get(response["Location"]).content.decode()
    assert "data-added" in page
    concern.refresh_from_db()
    assert concern.current_version.number == 2
    assert "گاڑی کا نمبر YK62 HBD تھا" in concern.current_version.summary
    assert concern.current_version.correction_reason == "The reporter added information on the public reporting page"
    first.refresh_from_db()
    assert "YK62 HBD" not in first.summary
    assert concern.versions.count() == 2
    assert AuditEvent.objects.filter(event="public_report_added", detail__version=2).exists()
    # Still in the queue for the front door, with its clock from the first report.
    assert concern.decision_due_at is not None


def test_an_empty_addition_is_an_error_on_the_field(client, sent_report):
    reference, passphrase = sent_report()
    _open(client, reference, passphrase)
    response = client.post("/report/en/follow-up/progress/", {"information": "  "})
    assert response.status_code == 400
    assert '<a href="#information">Enter what you want to add</a>' in response.content.decode()


def test_the_follow_up_session_does_not_open_another_report(client, sent_report):
    first_ref, first_pass = sent_report()
    second_ref, _ = sent_report()
    _open(client, first_ref, first_pass)
    page = client.get("/report/en/follow-up/progress/").content.decode()
    assert first_ref in page and second_ref not in page


def test_every_page_says_what_happens_next_and_how_to_get_help_now(client, send, settings):
    settings.JOINEDUP_PUBLIC_MAX_BODY_BYTES = 2000
    pages = {"report": client.get("/report/sk/")}
    sent = send("sk")
    pages["sent"] = client.get(sent["Location"])
    pages["follow_up"] = client.get("/report/sk/follow-up/")
    pages["too_large"] = send("sk", what_happened="z" * 3000)
    for name, response in pages.items():
        page = response.content.decode()
        assert "data-what-next" in page and "data-help-now" in page, name
        assert "Čo bude ďalej" in page and "0800 1111" in page, name


def test_the_progress_page_says_what_happens_next_too(client, sent_report):
    reference, passphrase = sent_report("ro")
    _open(client, reference, passphrase, "ro")
    page = client.get("/report/ro/follow-up/progress/").content.decode()
    assert "Ce urmează" in page and "data-help-now" in page
