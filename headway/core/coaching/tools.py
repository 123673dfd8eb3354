"""The tools a coaching-model stage can use.

A stage lists tool keys; the web layer links the ones that exist so far and
shows the others as coming later. Keys never change once published.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ToolSpec:
    key: str
    name: str
    description: str


_TOOLS = (
    ToolSpec("coach_profile", "Your coach", "Who your coach is, their story and how they work."),
    ToolSpec(
        "agreement",
        "Coaching agreement",
        "The agreement and confidentiality terms, with their exceptions.",
    ),
    ToolSpec(
        "intake",
        "Intake",
        "Where you stand today: role, field, satisfaction, what prompts the change.",
    ),
    ToolSpec(
        "values_sort", "Values card sort", "Sort work and life values to find what matters most."
    ),
    ToolSpec("strengths", "Strengths", "Name your strengths and the ones others see in you."),
    ToolSpec(
        "interests", "Interests (RIASEC)", "An interest inventory scored into a Holland code."
    ),
    ToolSpec("motivated_skills", "Motivated skills", "The skills you are good at and love to use."),
    ToolSpec(
        "readiness",
        "Readiness for change",
        "Where the dissatisfaction comes from, runway and constraints.",
    ),
    ToolSpec("energy_journal", "Energy journal", "Notice what gives and drains your energy."),
    ToolSpec(
        "occupations",
        "Explore occupations",
        "Search real occupations and compare them with your profile.",
    ),
    ToolSpec(
        "exploration_board", "Exploration board", "Keep 3-5 options and what you learn about each."
    ),
    ToolSpec(
        "informational_interviews",
        "Informational interviews",
        "Plan conversations with people doing the work.",
    ),
    ToolSpec(
        "decision_matrix",
        "Decision matrix",
        "Weigh options against what matters to you, then check your gut.",
    ),
    ToolSpec(
        "smart_goals", "SMART goals", "Turn a direction into specific, measurable, dated goals."
    ),
    ToolSpec("action_plan", "Action plan", "Small dated steps, obstacles and if-then plans."),
    ToolSpec("sessions", "Sessions", "Book and prepare coaching sessions."),
    ToolSpec("check_ins", "Check-ins", "Progress, energy, obstacles and wins between sessions."),
    ToolSpec(
        "offsite",
        "Career offsite",
        "A block of time to step back and find a few things for the next period.",
    ),
    ToolSpec("resources", "Resources", "Reading, exercises and links shared by your coach."),
    ToolSpec(
        "celebration", "Celebration summary", "Your journey, what changed and what you achieved."
    ),
)

TOOLS: dict[str, ToolSpec] = {t.key: t for t in _TOOLS}


def unknown_tools(keys: tuple[str, ...] | list[str]) -> list[str]:
    return [k for k in keys if k not in TOOLS]
