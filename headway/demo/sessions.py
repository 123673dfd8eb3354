"""The demo's coaching sessions: Maya and Grace have met three times and meet again next
week. Maya keeps a private note after each session and shares a summary with Grace; Grace has
put a topic on the next agenda."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

from django.utils import timezone

from headway.accounts.models import User
from headway.engagements.models import Engagement
from headway.meetings.models import NoteKind, Session, SessionNote
from headway.meetings.note_services import note_add
from headway.meetings.session_services import local_to_utc, session_schedule, session_topic_add

ZONE = "Europe/London"
PLACE = "Video call (link in the invitation)"
# days ago (negative: still to come), agenda, notes as (kind, text)
SESSIONS: list[tuple[int, str, list[tuple[NoteKind, str]]]] = [
    (
        42,
        "Getting to know each other; the agreement; what you want from coaching.",
        [
            (
                NoteKind.PRIVATE,
                "Grace is warm and quick; apologises for wanting more. Ten years on the ward, "
                "loves the teaching part. Watch the 'I should be grateful' line.",
            ),
            (
                NoteKind.SHARED,
                "We agreed to meet every two weeks for three months. Before next time: the "
                "values card sort and the energy journal, a few lines after each shift.",
            ),
        ],
    ),
    (
        28,
        "Your values and what the energy journal shows so far.",
        [
            (
                NoteKind.PRIVATE,
                "Energy peaks when she explains things to patients and juniors. Autonomy came "
                "out top; she laughed at that. Money worry is real: partner's hours were cut.",
            ),
            (
                NoteKind.SHARED,
                "Your top values: autonomy, helping people learn, stability. Three options to "
                "look into: UX research, clinical education, health informatics.",
            ),
        ],
    ),
    (
        14,
        "What you learned from the options; the decision matrix.",
        [
            (
                NoteKind.PRIVATE,
                "UX research leads on scores, and her gut agrees. Anxious about the pay dip "
                "during the switch. Ask about runway next time, gently.",
            ),
            (
                NoteKind.SHARED,
                "You chose UX research for health services. Goals next: the usability course "
                "and a case study from the ward's discharge forms.",
            ),
        ],
    ),
    (-6, "How the first steps went; the case study; nights and energy.", []),
]
TOPIC = "The night shifts are back and I am running on empty. Can we talk about pacing?"


def demo_sessions_load(
    engagement: Engagement,
    *,
    coach: User,
    client: User,
    ago: Callable[[float], datetime],
    at: time = time(18, 0),
    shift: int = 0,
) -> None:
    """Grace's sessions at `at` local time; `shift` moves them all that many days earlier
    (below 6 the last one is still to come), so a coach with many clients has a spread diary."""
    today = timezone.localdate()
    for days_ago, agenda, notes in SESSIONS:
        days = days_ago + shift
        # Booked through the service for next week, then moved to its day: the service rightly
        # refuses to book a time that has passed.
        session = session_schedule(
            engagement=engagement,
            by=coach,
            starts_at=local_to_utc(today + timedelta(days=7), at, ZONE),
            time_zone=ZONE,
            duration_minutes=60,
            place=PLACE,
            agenda=agenda,
        )
        moment = local_to_utc(ago(days).date(), at, ZONE)
        Session.objects.filter(pk=session.pk).update(starts_at=moment, created_at=ago(days + 7))
        session.refresh_from_db()
        for kind, text in notes:
            note = note_add(session=session, by=coach, text=text, kind=kind)
            written = moment + timedelta(hours=1, minutes=15)
            SessionNote.objects.filter(pk=note.pk).update(created_at=written, updated_at=written)
        if days < 0:
            session_topic_add(session=session, by=client, text=TOPIC)
