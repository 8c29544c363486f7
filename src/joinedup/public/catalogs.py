"""Compiling and checking the public page's translation catalogues without GNU gettext (a clean CI
machine may not have `msgfmt`): `python -m joinedup.public.catalogs` rewrites every `.mo` from its `.po`
with polib (a development dependency). The `.mo` files are committed; a test checks they match.
"""

from __future__ import annotations

from pathlib import Path

LOCALE = Path(__file__).resolve().parent / "locale"


def catalogues() -> list[Path]:
    return sorted(LOCALE.glob("*/LC_MESSAGES/django.po"))


def entries(catalogue) -> dict[tuple[str, str], object]:
    """(context, msgid) -> the translation (a string, or a tuple of plural forms), for translated,
    non-fuzzy entries: what gettext will use."""
    out: dict[tuple[str, str], object] = {}
    for entry in catalogue:
        if entry.obsolete or "fuzzy" in entry.flags or not entry.msgid:
            continue
        if entry.msgid_plural:
            forms = tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
            if all(forms):
                out[(entry.msgctxt or "", entry.msgid)] = forms
        elif entry.msgstr:
            out[(entry.msgctxt or "", entry.msgid)] = entry.msgstr
    return out


def compile_all() -> list[Path]:
    import polib

    written = []
    for po_path in catalogues():
        mo_path = po_path.with_suffix(".mo")
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        written.append(mo_path)
    return written


if __name__ == "__main__":
    import sys

    for path in compile_all():
        sys.stdout.write(f"{path}\n")
