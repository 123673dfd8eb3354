"""Occupations from O*NET, as numbers: similarity signals and their blend, transition pathways
with what transfers and the gaps, interest matching, title search and questions for an
informational interview."""
