"""The kinds of assessment keep "RIASEC" in capitals inside sentences: in the message when a
result is ready and in the email when a coach suggests one."""

from __future__ import annotations

from headway.core.assessments.riasec_inventory import STATEMENTS
from headway.discovery.models import Assessment, Kind
from headway.discovery.services import assessment_assign, assessment_start
from tests.discovery.test_interests import urls
from tests.helpers import World
from tests.smtp import Mailbox, mailbox, smtp_server  # noqa: F401


def test_each_kind_in_a_sentence_lowers_only_its_first_letter() -> None:
    names = {k: Assessment(kind=k).kind_in_sentence for k in Kind}
    assert names[Kind.INTERESTS] == "interests (RIASEC)"
    assert names[Kind.VALUES] == "values card sort"
    assert names[Kind.READINESS] == "readiness for change"


def test_the_result_message_keeps_riasec_in_capitals(world: World) -> None:
    a = assessment_start(engagement=world.engagement, by=world.client, kind=Kind.INTERESTS)
    _, _, complete_url = urls(a)
    data = {"step": "5", **{f"rate-{s.key}": 3 for s in STATEMENTS}}
    response = world.login(world.client).post(complete_url, data, follow=True)
    html = response.content.decode()
    assert "Your interests (RIASEC) result is ready." in html
    assert "(riasec)" not in html


def test_the_suggestion_email_keeps_riasec_in_capitals(
    world: World,
    mailbox: Mailbox,  # noqa: F811
    django_capture_on_commit_callbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        assessment_assign(engagement=world.engagement, by=world.owner, kind=Kind.INTERESTS)
    message = mailbox.wait_for(world.client.email)
    assert message.subject.startswith("Olivia Owner suggests the interests (RIASEC)")
    assert "take the interests (RIASEC) on" in message.body
