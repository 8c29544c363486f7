"""What each exploitation indicator (shared/product/DOMAIN.md, "Indicators used by screening tools") looks
like in a practitioner's words, as data: INDICATOR_CUES maps each code to its cues.

A cue is a regular expression, or a Cue: every expression in ``all_of`` must match the same sentence,
and none in ``none_of`` may. A cue is ignored when a negation ("she has not been missing", "denies
self-harm") or a condition ("if she goes missing") comes just before one of its matches. The evidence is
the whole sentence.
"""

from __future__ import annotations

from joinedup.language.cues.common import Cue
from joinedup.language.cues.moderate import MODERATE
from joinedup.language.cues.significant import SIGNIFICANT
from joinedup.language.cues.vulnerability import VULNERABILITY

INDICATOR_CUES: dict[str, tuple[Cue | str, ...]] = {**SIGNIFICANT, **MODERATE, **VULNERABILITY}

__all__ = ["INDICATOR_CUES", "Cue"]
