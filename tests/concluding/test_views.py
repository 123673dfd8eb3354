"""The concluding pages: readiness, the scale, insights, the conclusion, the celebration
summary and its PDF, and the follow-ups."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from headway.concluding.models import EfficacyRating, FollowUp, Insight
from headway.concluding.services import engagement_conclude, insights_save
from headway.core.assessments.efficacy import SCALE, SCALE_KEYS
from headway.engagements.models import EngagementStatus
from headway.meetings.models import Session
from headway.meetings.note_services import note_add
from headway.meetings.session_services import session_schedule
from tests.concluding.pdf_text import pdf_text
from tests.helpers import World

pytestmark = pytest.mark.django_db


def _scale(value: str = "4", **extra: str) -> dict[str, str]:
    return {"phase": "end", **{f"item_{k}": value for k in SCALE_KEYS}, **extra}


def test_the_readiness_page_asks_open_questions(world: World) -> None:
    page = world.login(world.owner).get(reverse("conclude", args=[world.engagement.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Readiness to conclude" in text and "not a verdict" in text
    assert "How would you describe the direction you are heading in now?" in text
    assert "Conclude the engagement" in text
    client_page = world.login(world.client).get(reverse("conclude", args=[world.engagement.pk]))
    assert "Conclude the engagement" not in client_page.content.decode()
    assert "Take the confidence scale" in client_page.content.decode()


def test_the_scale_suggests_the_end_from_the_concluding_page(world: World) -> None:
    browser = world.login(world.client)
    url = reverse("conclude_efficacy", args=[world.engagement.pk])
    page = browser.get(url + "?from=conclude").content.decode()
    assert all(item.text in page for item in SCALE)
    assert 'value="end" id="id_phase_2" required checked' in page
    assert 'value="start" id="id_phase_0" required checked' in browser.get(url).content.decode()


def test_an_incomplete_scale_keeps_the_answers(world: World) -> None:
    browser = world.login(world.client)
    url = reverse("conclude_efficacy", args=[world.engagement.pk])
    data = _scale()
    del data[f"item_{SCALE_KEYS[-1]}"]
    page = browser.post(url, data)
    assert page.status_code == 200
    assert "Choose how confident you feel about this." in page.content.decode()
    assert 'value="4" id="id_item_plan_3" required checked' in page.content.decode()
    assert not EfficacyRating.objects.exists()
    assert browser.post(url, _scale()).status_code == 302
    assert EfficacyRating.objects.get().phase == "end"


def test_insights_are_saved_and_shown_to_the_coach(world: World) -> None:
    url = reverse("conclude_insights", args=[world.engagement.pk])
    response = world.login(world.client).post(
        url, {"learned": "I am a researcher at heart", "satisfaction_now": "8"}
    )
    assert response.status_code == 302
    assert Insight.objects.get().satisfaction_now == 8
    page = world.login(world.owner).get(reverse("conclude", args=[world.engagement.pk]))
    assert "I am a researcher at heart" in page.content.decode()


def test_concluding_twice_shows_why(world: World) -> None:
    browser = world.login(world.owner)
    url = reverse("conclude", args=[world.engagement.pk])
    assert browser.post(url, {"reflection": "Proud"}).status_code == 302
    world.engagement.refresh_from_db()
    assert world.engagement.status == EngagementStatus.CONCLUDED
    again = browser.post(url, {"reflection": "Proud"})
    assert again.status_code == 200
    assert "already concluded on" in again.content.decode()


def test_the_celebration_summary_and_its_pdf(world: World) -> None:
    e = world.engagement
    start = timezone.now() + dt.timedelta(days=3)
    session = session_schedule(engagement=e, by=world.owner, starts_at=start, time_zone="UTC")
    Session.objects.filter(pk=session.pk).update(starts_at=start - dt.timedelta(days=6))  # held
    note_add(session=session, by=world.owner, text="PRIVATE: worried about money")
    insights_save(engagement=e, by=world.client, learned="Curiosity beats certainty")
    engagement_conclude(engagement=e, by=world.owner, reflection="A brave year")
    for user in (world.client, world.owner):
        page = world.login(user).get(reverse("celebration", args=[e.pk])).content.decode()
        assert "Curiosity beats certainty" in page and "A brave year" in page
        assert "Coaching session" in page
        assert "worried about money" not in page
    pdf = world.login(world.client).get(reverse("celebration_pdf", args=[e.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"].startswith('attachment; filename="my-journey-cleo-client')
    body = pdf.content
    assert body.startswith(b"%PDF")
    text = pdf_text(body)
    assert "Curiosity beats certainty" in text
    assert "worried about money" not in text


def test_follow_ups_on_the_journey_page_and_their_own(world: World) -> None:
    e = world.engagement
    engagement_conclude(engagement=e, by=world.owner)
    FollowUp.objects.filter(engagement=e, months=3).update(due_on=timezone.localdate())
    browser = world.login(world.client)
    journey = browser.get(reverse("engagement_detail", args=[e.pk])).content.decode()
    assert "3-month follow-up due" in journey and "Celebration summary" in journey
    fu = FollowUp.objects.get(engagement=e, months=3)
    url = reverse("followup_act", args=[e.pk, fu.pk])
    bad = browser.post(url, {"action": "answer", f"fu{fu.pk}-how": "Fine"})
    assert "Choose a number for your energy." in bad.content.decode()
    assert (
        browser.post(
            url, {"action": "answer", f"fu{fu.pk}-energy": "7", f"fu{fu.pk}-how": "Good"}
        ).status_code
        == 302
    )
    twelve = FollowUp.objects.get(engagement=e, months=12)
    browser.post(reverse("followup_act", args=[e.pk, twelve.pk]), {"action": "decline"})
    twelve.refresh_from_db()
    assert twelve.declined_at is not None

    coach = world.login(world.owner)
    assert "3-month follow-up answered" in coach.get(reverse("dashboard")).content.decode()
    page = coach.get(reverse("followups", args=[e.pk])).content.decode()
    assert "Good" in page and "declined" in page
    assert "3-month follow-up answered" not in coach.get(reverse("dashboard")).content.decode()
