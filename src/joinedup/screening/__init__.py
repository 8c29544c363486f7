"""Screening for child sexual exploitation (SERAF-style), from the indicators every agency has recorded.

A plain package, not a Django app: `rules` holds the weights, windows and levels as data, `score` is a pure
function of a child's indicator observations (no database, no protected characteristic as an input), and
`queries` gathers those observations from the current versions of the child's concerns.

The result describes the level of concern and the harm to the child, never the child as "high risk"
(shared/product/DOMAIN.md, "Child sexual exploitation").
"""
