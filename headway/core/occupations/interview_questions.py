"""Questions to take into an informational interview, drawn from an occupation's data.

The client is the expert on their own life, and the person they talk to is the expert
on the work, so these are open questions for the client to choose from and rephrase:
what O*NET says becomes something to ask about, never a conclusion or advice.
"""

from __future__ import annotations

from dataclasses import dataclass

_LONGEST_QUOTE = 140  # characters of a task quoted in a question

# The O*NET work values (Extent), each as something to ask about.
_VALUE_QUESTIONS = {
    "Achievement": "When does this work give you a sense of accomplishment?",
    "Working Conditions": (
        "How would you describe the everyday conditions of this work: the hours, the place, "
        "the pace?"
    ),
    "Recognition": "How do recognition and advancement come about in this field?",
    "Relationships": (
        "What are the people you work with like, and how much of the work is about helping others?"
    ),
    "Support": "How does your organisation back the people who do this work?",
    "Independence": "How much room do you have to decide how you do your work?",
}

_CLOSING = (
    "What surprised you most when you started in this work?",
    "What do you wish you had known before you chose it?",
    "Who else would you suggest I talk to?",
)


@dataclass(frozen=True)
class OccupationFacts:
    """What the questions draw on, each list best first."""

    tasks: tuple[str, ...] = ()  # core tasks first
    skills: tuple[str, ...] = ()  # most important first
    knowledge: tuple[str, ...] = ()
    technology: tuple[str, ...] = ()  # hot technologies first
    work_values: tuple[str, ...] = ()  # highest extent first
    work_styles: tuple[str, ...] = ()  # highest impact first
    job_zone: int | None = None  # 1-5, how much preparation the work needs
    education: str | None = None  # the most reported level, e.g. "Bachelor's Degree"


def interview_questions(facts: OccupationFacts) -> tuple[str, ...]:
    """Open questions for someone who does the work, from the most specific to general."""
    questions: list[str] = []
    if facts.tasks:
        questions.append(
            f"One task in this work: “{_quote(facts.tasks[0])}”. "
            "What does that look like in a typical week for you?"
        )
    if len(facts.tasks) > 1:
        questions.append(
            f"How much of your time goes to work like “{_quote(facts.tasks[1])}”, "
            "and how has that changed over the years?"
        )
    if facts.skills:
        questions.append(
            f"{_listed(facts.skills[:3])} count among the most important skills here. "
            "Where do they show up in your day, and how did you build them?"
        )
    if facts.knowledge:
        questions.append(
            f"This work draws on knowledge of {facts.knowledge[0]}. How did you come by yours, "
            "and what would you learn first if you were starting today?"
        )
    if facts.technology:
        questions.append(
            f"Which tools, such as {_listed(facts.technology[:2], 'or')}, take up most of your "
            "day, and which took longest to learn?"
        )
    questions += [_VALUE_QUESTIONS[v] for v in facts.work_values[:2] if v in _VALUE_QUESTIONS]
    if facts.work_styles:
        styles = _listed([s.lower() for s in facts.work_styles[:2]])
        verb = "matter" if len(facts.work_styles) > 1 else "matters"
        questions.append(f"When do {styles} {verb} most in your week?")
    questions.append(_preparation_question(facts.job_zone, facts.education))
    questions += _CLOSING
    return tuple(questions)


def _preparation_question(job_zone: int | None, education: str | None) -> str:
    if education and job_zone and job_zone >= 4:
        return (
            f"The education people in this work report most often: {education}. How did your "
            "own education shape the way in, and what other routes have you seen?"
        )
    if job_zone and job_zone <= 2:
        return "How did you get started, and what did the first months of learning look like?"
    return "Which routes into this work have you seen people take, and how did yours go?"


def _quote(task: str) -> str:
    """A task to quote inside a sentence: without its full stop, and cut when long."""
    task = task.strip().rstrip(".")
    if len(task) <= _LONGEST_QUOTE:
        return task
    return task[:_LONGEST_QUOTE].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _listed(items: list[str] | tuple[str, ...], joiner: str = "and") -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {joiner} " + items[-1]
