"""Synthetic towns for JoinedUp: a seeded generator of concern histories with hidden ground truth.

`python -m sim.town --seed 7 --concerns 5000 --years 4 --out DIR` writes `DIR/town.jsonl` (interchange
records, `joinedup.concern/1`) and `DIR/truth.json` (who every child description really is, what every
mention really refers to, and the hidden exploitation networks). The truth file never goes into the
database: it is what evaluations measure JoinedUp against.

Everything is fictional: the town (Northtown, postcode area NT, which does not exist), its invented
family names, its NHS numbers (999 ..., test range), its phone numbers (Ofcom's drama range 07700 900xxx)
and its businesses.
"""
