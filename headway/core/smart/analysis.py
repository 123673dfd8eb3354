"""SMART analysis of a goal as the client writes it.

`analyse_goal(text, today=...)` tells which of Specific, Measurable and Time-bound the text
meets, what it found for each, and one open question for each missing part. It never
rewrites the goal: the client is the expert on what they want, and the questions only
invite them to say more.

- Specific: an action with something concrete to act on ("talk to 3 UX researchers",
  "update my LinkedIn profile"). Verbs that only name a direction ("improve", "get better
  at", "work on", "explore", "get into") need a concrete object and a target; a job needs
  the role, field or organisation named ("get a job" is not specific, "get a job as a
  data analyst" is).
- Measurable: a quantity (numbers, number words, money, percentages, "twice a week") or
  a finish line: a one-off action on one definite thing ("update my CV"), a completion
  ("finish the certificate", "pass the exam", "decide between teaching and HR"), an
  outcome ("get a job", "become a nurse", "until I have an offer").
- Time-bound: a date, a relative period, a routine or a dated event (see `timeframes`).

Reading is by a lexicon and a few patterns (`smart_lexicon`, `smart_parse`,
`smart_measures`), so what the analysis found can be shown back to the client.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from headway.core.smart.calendar_words import word_set
from headway.core.smart.lexicon import (
    BEGIN_VERBS,
    INTRANSITIVE_ACTIVITIES,
    LIGHT_VERBS,
    MOVE_VAGUE,
    SINGULAR_DONE,
)
from headway.core.smart.measures import counted_routine, find_done, find_quantity
from headway.core.smart.parse import Clause, read_clauses, tokenise
from headway.core.smart.timeframes import Timeframe, find_timeframe, mask

# Outcome verbs: getting the job is its own finish line, looking for one is not.
OUTCOME_VERBS = word_set("get find land secure obtain start begin accept have win bag score snag")


@dataclass(frozen=True)
class Finding:
    part: str  # "action", "object", "quantity", "done", "deadline", "window", "recurrence"
    text: str  # the words of the goal it rests on


@dataclass(frozen=True)
class SmartCheck:
    specific: bool
    measurable: bool
    time_bound: bool
    findings: tuple[Finding, ...]
    questions: tuple[str, ...]  # one open question per missing part, in S, M, T order
    deadline: dt.date | None  # the date the goal is due by, when the text gives one
    action: str | None = None  # "talk to"
    object: str | None = None  # "3 UX researchers"
    quantity: str | None = None  # "3 UX researchers", "£5,000", "twice a week"
    done: str | None = None  # what marks it done: "finish the Google ... certificate"
    window: str | None = None  # "within 6 months", "before my contract ends"
    recurrence: str | None = None  # "every week"


def _head(clause: Clause) -> str:
    return clause.verb.split()[0] if clause.verb else ""


def clause_specific(clause: Clause, *, has_quantity: bool) -> bool:
    obj = clause.obj
    if clause.kind == "vague":
        # "Grow my LinkedIn following to 1,000" names the thing and the target.
        return obj.quality == "concrete" and has_quantity and not obj.comparative
    if clause.kind == "be":
        return obj.role and not obj.comparative
    if clause.kind == "move":
        return any(w not in MOVE_VAGUE for w in obj.concrete_words)
    if obj.quantifier:
        return False  # "spend more time on ...", "take on more responsibility"
    if clause.kind == "job":
        if obj.quality == "concrete":
            return True
        # "apply to 10 jobs": the count makes the action clear; "get 2 jobs" does not.
        return obj.quality == "counted" and _head(clause) not in OUTCOME_VERBS | {""}
    if obj.comparative and _head(clause) in LIGHT_VERBS and obj.quality != "counted":
        return False  # "make my portfolio better"
    if obj.quality in {"concrete", "counted"}:
        return True
    if obj.quality == "empty" and _head(clause) in INTRANSITIVE_ACTIVITIES:
        return True  # "start running", "journal every evening"
    # "quit my job" is clear; "finish the course" leaves a reader asking which one.
    return obj.quality == "generic" and (obj.possessive or obj.qualified)


def clause_done(clause: Clause) -> bool:
    obj = clause.obj
    head = _head(clause)
    if clause.kind == "job":
        # Getting the job is a finish line; looking for one, or one "I love", is not.
        if head in SINGULAR_DONE:
            return not obj.plural_bare and (obj.definite or obj.quality == "concrete")
        outcome = head in OUTCOME_VERBS or not head
        return outcome and not (obj.subjective or obj.comparative)
    if clause.kind == "be":
        return obj.role and not obj.comparative
    if clause.kind == "move":
        return any(w not in MOVE_VAGUE for w in obj.concrete_words)
    if clause.kind in {"done", "none"} or (clause.kind == "activity" and head in SINGULAR_DONE):
        if obj.plural_bare or obj.comparative and obj.quality != "concrete":
            return False
        if head in BEGIN_VERBS and obj.quality != "concrete" or obj.open_amount:
            return False
        if obj.comparative and head in LIGHT_VERBS and obj.quality != "counted":
            return False
        if clause.kind == "activity" and obj.text.lower().startswith(("for ", "about ", "on ")):
            return False  # "prepare for my interview" is work towards it, not a finished thing
        if clause.kind == "activity" and not (obj.definite or obj.quality == "concrete"):
            return False
        # One thing done counts even when it is unnamed: "take a course" is measurable
        # (one course), though not specific.
        return obj.quality in {"concrete", "counted", "generic"}
    return False


def _quote(clause: Clause) -> str:
    words = " ".join(part for part in (clause.verb_text, clause.obj.text) if part)
    return f"“{words.strip()}”"


def _questions(
    check_s: bool, check_m: bool, check_t: bool, clause: Clause | None, frame: Timeframe
) -> tuple[str, ...]:
    questions = []
    if not check_s:
        if clause is None or not (clause.verb_text or clause.obj.text):
            questions.append(
                "What exactly will you do, and what will be different when it is done?"
            )
        elif clause.kind == "job":
            questions.append(
                f"You mention {_quote(clause)}: which role, field or organisation do you have "
                "in mind?"
            )
        else:
            questions.append(
                f"You mention {_quote(clause)}: what exactly would that involve, and what will "
                "be different when it is done?"
            )
    if not check_m:
        if clause is not None and clause.verb_text:
            questions.append(
                f"How will you know {_quote(clause)} is done: what could you count or point to?"
            )
        else:
            questions.append(
                "How will you know you have done it: what could you count or point to?"
            )
    if not check_t:
        vague = frame.first("vague")
        if vague is not None:
            questions.append(
                f"When you say “{vague.text}”, what date do you have in mind, or how often will "
                "you do it?"
            )
        else:
            questions.append("By when would you like this done, or how often will you do it?")
    return tuple(questions)


def _as_written(found: str, text: str) -> str:
    """The words as the client wrote them: findings rebuilt from tokens ("EMAIL 0") are
    mapped back onto the goal's own characters ("EMAIL0")."""
    if found in text:
        return found
    parts = [re.escape(p) for p in found.split()]
    match = re.search(r"\s*".join(parts), text, re.IGNORECASE) if parts else None
    return match.group(0) if match else found


def analyse_goal(text: str, *, today: dt.date) -> SmartCheck:
    frame = find_timeframe(text, today=today)
    masked = mask(text, frame.spans)
    tokens = tokenise(text.replace("’", "'"), [(s.start, s.end) for s in frame.spans])
    clauses = read_clauses(tokens, text)

    quantity = find_quantity(masked)
    if quantity is None and counted_routine(frame.recurrence):
        quantity = frame.recurrence
    main = [c for c in clauses if c.main] or clauses
    chosen = next((c for c in main if clause_specific(c, has_quantity=quantity is not None)), None)
    specific = chosen is not None
    done_clause = next((c for c in main if clause_done(c)), None)
    done = find_done(masked)
    if done_clause is not None and quantity is None:
        # "Decide between teaching and HR" reads better whole than as the pattern found.
        # With a quantity ("talk to 3 UX researchers") the clause would only repeat it.
        done = _quote(done_clause).strip("“”")
    measurable = quantity is not None or done is not None or done_clause is not None
    time_bound = frame.time_bound

    shown = chosen or next((c for c in main if c.verb_text), main[0] if main else None)
    findings: list[Finding] = []
    if shown is not None and shown.verb_text:
        findings.append(Finding("action", shown.verb_text))
    if shown is not None and shown.obj.text:
        findings.append(Finding("object", shown.obj.text))
    if quantity:
        findings.append(Finding("quantity", quantity))
    if done:
        findings.append(Finding("done", done))
    deadline_span = next(
        (s for s in frame.spans if s.kind == "deadline" and s.deadline == frame.deadline), None
    )
    window = frame.first("window")
    if deadline_span is not None:
        findings.append(Finding("deadline", deadline_span.text))
    if window is not None:
        findings.append(Finding("window", window.text))
    if frame.recurrence:
        findings.append(Finding("recurrence", frame.recurrence))
    findings = [Finding(f.part, _as_written(f.text, text)) for f in findings]
    return SmartCheck(
        specific=specific,
        measurable=measurable,
        time_bound=time_bound,
        findings=tuple(findings),
        questions=_questions(specific, measurable, time_bound, shown, frame),
        deadline=frame.deadline,
        action=shown.verb_text or None if shown else None,
        object=shown.obj.text or None if shown else None,
        quantity=quantity,
        done=done,
        window=window.text if window else None,
        recurrence=frame.recurrence,
    )
