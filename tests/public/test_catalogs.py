"""The translations: every language translates every message, keeps its placeholders, and the committed
`.mo` files (compiled with polib, no GNU gettext needed) match the `.po` files."""

import re
from pathlib import Path

import polib
import pytest

import joinedup.public
from joinedup.public import catalogs
from joinedup.public.languages import CODES

TEMPLATES = sorted((Path(joinedup.public.__file__).parent / "templates").rglob("*.html"))
TRANSLATED = [code for code in CODES if code != "en"]


def test_every_offered_language_but_english_has_a_catalogue():
    assert sorted(p.parts[-3] for p in catalogs.catalogues()) == sorted(TRANSLATED)


@pytest.mark.parametrize("po_path", catalogs.catalogues(), ids=lambda p: p.parts[-3])
def test_the_compiled_catalogue_matches_its_source(po_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"run python -m joinedup.public.catalogs to compile {po_path}"
    assert catalogs.entries(polib.mofile(str(mo_path))) == catalogs.entries(polib.pofile(str(po_path)))


@pytest.mark.parametrize("po_path", catalogs.catalogues(), ids=lambda p: p.parts[-3])
def test_every_message_is_translated_with_its_placeholders(po_path):
    catalogue = polib.pofile(str(po_path))
    assert catalogue.percent_translated() == 100
    assert not catalogue.fuzzy_entries()
    for entry in catalogue:
        assert sorted(re.findall(r"%\(\w+\)s", entry.msgid)) == sorted(re.findall(r"%\(\w+\)s", entry.msgstr)), entry.msgid


@pytest.mark.parametrize("po_path", catalogs.catalogues(), ids=lambda p: p.parts[-3])
def test_each_catalogue_says_it_needs_a_native_speakers_review(po_path):
    assert "NOT yet reviewed by a native speaker" in polib.pofile(str(po_path)).header


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_public_templates_load_nothing_from_another_host_and_have_no_inline_script_or_style(template):
    text = template.read_text()
    assert not re.search(r"""(src|href|action)=["'](https?:)?//""", text)
    assert "<script" not in text
    assert "<style" not in text
    assert not re.search(r"\sstyle=", text)
    assert not re.search(r"\son[a-z]+=", text)
