"""Retention: how long each kind of child's record is kept (rules as data, DOMAIN.md defaults), legal
holds, and disposal that needs a second person's approval and leaves a tombstone with no personal data."""
