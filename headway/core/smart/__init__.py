"""SMART analysis of a goal in the person's own words: parsing, the word lists, measures, and
the dates, periods and routines a goal or a step names."""
