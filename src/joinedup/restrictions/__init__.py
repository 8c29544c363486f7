"""Restricted records: a child's record restricted to named people (a relative of staff, a high-profile
case), reviewed on a schedule; anyone else who would otherwise see it must "break the glass" (give a
reason, get time-limited access), and the auditors are told at once."""
