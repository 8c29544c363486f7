"""The languages the public page is offered in, each named in its own language, and the direction it
is written in. Punjabi is written in Gurmukhi script (the script most Punjabi speakers in England read;
Shahmukhi would need its own catalogue)."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Language:
    code: str
    native_name: str
    english_name: str
    rtl: bool = False

    @property
    def direction(self) -> str:
        return "rtl" if self.rtl else "ltr"


LANGUAGES = (
    Language("en", "English", "English"),
    Language("ur", "اردو", "Urdu", rtl=True),
    Language("pa", "ਪੰਜਾਬੀ (ਗੁਰਮੁਖੀ)", "Punjabi (Gurmukhi)"),
    Language("bn", "বাংলা", "Bengali"),
    Language("pl", "Polski", "Polish"),
    Language("sk", "Slovenčina", "Slovak"),
    Language("ro", "Română", "Romanian"),
)
BY_CODE = {language.code: language for language in LANGUAGES}
CODES = tuple(BY_CODE)


def best_for(accept_language: str) -> str:
    """The first of the visitor's browser languages that the page is offered in, else English."""
    weighted = []
    for position, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        weighted.append((-quality, position, tag.strip().lower().split("-")[0]))
    for _quality, _position, code in sorted(weighted):
        if code in BY_CODE:
            return code
    return "en"
