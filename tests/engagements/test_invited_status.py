"""A newly invited client's engagement reads Invited everywhere the coach looks: the
engagement page (badge and status form), the dashboard and the API."""

from __future__ import annotations

import re

from django.urls import reverse

from headway.engagements.models import Engagement, EngagementStatus
from headway.engagements.services import engagement_invite_client
from headway.practices.models import Membership
from tests.helpers import World, transition_model


def _invite(world: World) -> Engagement:
    engagement, _ = engagement_invite_client(
        coach=world.owner,
        membership=Membership.objects.get(user=world.owner),
        email="grace@example.com",
        name="Grace O'Neil",
        model=transition_model(),
    )
    return engagement


def _select(html: str) -> str:
    found = re.search(r'<select name="status" id="id_status">(.*?)</select>', html, re.S)
    assert found, "no status form"
    return found.group(1)


def test_the_engagement_page_reads_invited_not_active(world: World) -> None:
    e = _invite(world)
    html = world.login(world.owner).get(e.get_absolute_url()).content.decode()
    assert '<span class="badge quiet">Invited</span>' in html
    options = _select(html)
    assert re.search(r'<option value="invited" selected>Invited', options), options
    assert "Active" not in options and "Paused" not in options


def test_the_status_form_keeps_it_invited_or_withdraws_it(world: World) -> None:
    e = _invite(world)
    coach = world.login(world.owner)
    url = reverse("engagement_status", args=[e.pk])
    coach.post(url, {"status": "invited"})
    e.refresh_from_db()
    assert e.status == EngagementStatus.INVITED
    coach.post(url, {"status": "active"})  # not offered: nothing changes
    e.refresh_from_db()
    assert e.status == EngagementStatus.INVITED
    coach.post(url, {"status": "concluded"})
    e.refresh_from_db()
    assert e.status == EngagementStatus.CONCLUDED


def test_an_active_engagement_still_offers_active_paused_concluded(world: World) -> None:
    html = world.login(world.owner).get(world.engagement.get_absolute_url()).content.decode()
    options = _select(html)
    assert re.search(r'<option value="active" selected>Active', options), options
    assert "Invited" not in options


def test_the_dashboard_and_the_api_read_invited(world: World) -> None:
    e = _invite(world)
    coach = world.login(world.owner)
    html = coach.get(reverse("dashboard")).content.decode()
    row = html[html.index("Grace O&#x27;Neil</a>") :].split("</td>", 1)[0]
    assert '<span class="badge quiet">Invited</span>' in row
    assert coach.get(f"/api/engagements/{e.pk}").json()["status"] == "invited"
