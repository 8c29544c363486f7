"""Language that believes children (being built)."""
