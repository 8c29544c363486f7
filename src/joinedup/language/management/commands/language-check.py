"""`joinedup language-check`: check text for victim-blaming language and suggest exploitation indicators.

Reads UTF-8 text from standard input, one text per line, and writes one JSON object per line:
{"text": ..., "findings": [{"phrase", "start", "end", "reason", "suggestions", "rule"}],
 "indicators": [{"code", "evidence"}]}. Offsets are in characters. A line that is not valid UTF-8 is
reported on standard error with its line number and skipped; the command then exits with status 1.
"""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from joinedup.language import check, suggest_indicators


class Command(BaseCommand):
    help = "Check text (one text per line on standard input) for victim-blaming language and indicators; JSON out."
    requires_system_checks: list[str] = []  # plain text in, JSON out: no database, nothing to check

    def add_arguments(self, parser) -> None:
        parser.add_argument("--child-age", type=int, default=None,
                            help="the child's age, for rules that depend on it (sexually active under 13)")
        parser.add_argument("--adult-mentioned", action="store_true",
                            help="read every line as involving an adult (boyfriend, consent, sexual activity rules)")

    def handle(self, *args, **options) -> None:
        stream = getattr(sys.stdin, "buffer", sys.stdin)
        bad = 0
        for number, raw in enumerate(stream, start=1):
            try:
                line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            except UnicodeDecodeError as exc:
                bad += 1
                self.stderr.write(f"line {number}: not valid UTF-8 (byte 0x{raw[exc.start]:02x} at position "
                                  f"{exc.start}); line skipped")
                continue
            text = line.rstrip("\r\n")
            self.stdout.write(json.dumps(self._result(text, options), ensure_ascii=False))
        if bad:
            raise CommandError(f"{bad} line(s) were not valid UTF-8 and were skipped")

    def _result(self, text: str, options: dict) -> dict:
        findings = check(text, child_age=options["child_age"], adult_mentioned=options["adult_mentioned"] or None)
        return {
            "text": text,
            "findings": [f.as_dict() for f in findings],
            "indicators": [{"code": s.code, "evidence": s.evidence_sentence} for s in suggest_indicators(text)],
        }
