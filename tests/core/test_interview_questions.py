"""Informational-interview questions from occupation data (no Django)."""

from __future__ import annotations

import re

import pytest

from headway.core.occupations.interview_questions import OccupationFacts, interview_questions

FULL = OccupationFacts(
    tasks=(
        "Analyze user needs and software requirements to determine feasibility of design.",
        "Confer with systems analysts, engineers, programmers and others to design systems and "
        "to obtain information on project limitations and capabilities, performance "
        "requirements and interfaces.",
    ),
    skills=("Programming", "Complex Problem Solving", "Critical Thinking", "Writing"),
    knowledge=("Computers and Electronics", "Mathematics", "English Language"),
    technology=("Python", "Git", "Docker"),
    work_values=("Independence", "Achievement", "Recognition"),
    work_styles=("Attention to Detail", "Dependability"),
    job_zone=4,
    education="Bachelor's Degree",
)

OPEN_START = re.compile(r"^(What|How|Which|When|Where|Who)\b")


def _last_sentence(question: str) -> str:
    return re.split(r"(?<=[.”])\s+(?=[A-Z])", question)[-1]


@pytest.mark.parametrize("facts", [FULL, OccupationFacts()], ids=["full", "no data"])
def test_every_question_is_open_and_never_advice(facts: OccupationFacts) -> None:
    questions = interview_questions(facts)
    assert questions
    for question in questions:
        assert question.endswith("?"), question
        assert OPEN_START.match(_last_sentence(question)), question
        assert "should" not in question.lower(), question


def test_questions_draw_on_the_data() -> None:
    text = " ".join(interview_questions(FULL))
    assert (
        "“Analyze user needs and software requirements to determine feasibility of design”" in text
    )
    assert "Programming, Complex Problem Solving and Critical Thinking" in text
    assert "Writing" not in text  # the top three skills only
    assert "knowledge of Computers and Electronics." in text
    assert "Python or Git" in text
    assert "How much room do you have to decide how you do your work?" in text
    assert "attention to detail and dependability matter most" in text
    assert "most often: Bachelor's Degree." in text


def test_a_long_task_is_cut_at_a_word() -> None:
    second = interview_questions(FULL)[1]
    quoted = second.split("“")[1].split("”")[0]
    assert quoted.endswith("…") and len(quoted) <= 141
    assert not quoted[:-1].endswith(" ")


def test_without_data_the_general_questions_remain() -> None:
    questions = interview_questions(OccupationFacts())
    assert "Who else would you suggest I talk to?" in questions
    assert len(questions) == 4


def test_preparation_question_follows_the_job_zone() -> None:
    early = interview_questions(OccupationFacts(job_zone=1))
    assert any("first months of learning" in q for q in early)
    assert not any("degree" in q for q in early)
