"""Headway's domain core: pure computation, frozen dataclasses in and out, no Django and no
Headway app (headway/core/ruff.toml bans both). One subpackage per domain: coaching,
assessments, occupations, smart, planning, followup, scheduling, review, classifier, auth."""
