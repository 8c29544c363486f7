"""The core data set (IICSA 2022; Casey 2025): age, sex, ethnicity, nationality and disability of victims
and alleged perpetrators, with "not stated" kept apart from "not recorded", and how complete it is by
agency. Recorded accurately and reported; never an input to any score, rule or alert."""
