"""Language that believes children: a checker for victim-blaming language, and readers that suggest the
exploitation indicators and the vehicles, phones, places and online accounts a text mentions.

Plain functions with no database: `check`, `suggest_indicators`, `suggest_mentions`.
"""

from joinedup.language.checker import Finding, check
from joinedup.language.indicators import IndicatorSuggestion, suggest_indicators
from joinedup.language.mentions import MentionSuggestion, suggest_mentions

__all__ = ["Finding", "IndicatorSuggestion", "MentionSuggestion", "check", "suggest_indicators", "suggest_mentions"]
