"""The reminders page and the API of one's own preferences."""

from __future__ import annotations

from django.urls import reverse

from headway.reminders.models import Delivery, ReminderPreference
from tests.api.support import session_client, token_client
from tests.helpers import World

FORM = {
    "delivery": "digest",
    "digest_weekday": "4",
    "sessions": "on",
    "steps": "on",
    "step_lead": "0",
    "checkin_days": "10",
    "offsites": "on",
    "time_zone": "Europe/London",
}


def test_the_account_page_links_to_the_reminders_page(world: World) -> None:
    response = world.login(world.client).get(reverse("account"))
    assert reverse("reminder_preferences") in response.text
    assert "Email reminders" in response.text


def test_the_page_shows_the_defaults_without_saving_them(world: World) -> None:
    response = world.login(world.client).get(reverse("reminder_preferences"))
    assert response.status_code == 200
    html = response.text
    assert "<legend>How reminders come</legend>" in html
    assert 'value="now" id="id_delivery_0" checked' in html or "checked" in html
    assert '<label for="id_checkin_days">' in html
    assert not ReminderPreference.objects.exists()  # made on the first change


def test_saving_keeps_the_choices(world: World) -> None:
    browser = world.login(world.client)
    response = browser.post(reverse("reminder_preferences"), FORM)
    assert response.status_code == 302
    pref = ReminderPreference.objects.get(user=world.client)
    assert pref.delivery == Delivery.DIGEST and pref.digest_weekday == 4
    assert pref.checkins is False and pref.followups is False and pref.sessions is True
    assert (pref.step_lead, pref.checkin_days, pref.time_zone) == (0, 10, "Europe/London")
    page = browser.get(reverse("reminder_preferences")).text
    assert "Saved." in page
    assert 'value="digest" id="id_delivery_1" required checked' in page


def test_a_mistake_is_shown_and_nothing_is_lost(world: World) -> None:
    browser = world.login(world.client)
    response = browser.post(reverse("reminder_preferences"), {**FORM, "checkin_days": "90"})
    assert response.status_code == 200
    assert "errorlist" in response.text
    assert 'value="digest" id="id_delivery_1" required checked' in response.text  # kept on the page
    assert not ReminderPreference.objects.exists()


def test_the_api_reads_and_replaces_ones_own_preferences(world: World) -> None:
    client, _ = token_client(world.client)
    got = client.get("/api/me/reminders")
    assert got.status_code == 200
    body = got.json()
    assert body["delivery"] == "now" and body["sessions"] and body["steps"]
    body |= {"delivery": "digest", "digest_weekday": 2, "checkins": False}
    put = client.put("/api/me/reminders", body, content_type="application/json")
    assert put.status_code == 200, put.content
    assert put.json()["delivery"] == "digest"
    assert ReminderPreference.objects.get(user=world.client).checkins is False
    # Someone else's are untouched, and still the defaults.
    assert session_client(world.owner).get("/api/me/reminders").json()["delivery"] == "now"


def test_the_api_says_what_is_wrong(world: World) -> None:
    client = session_client(world.client)
    body = client.get("/api/me/reminders").json() | {"time_zone": "Mars/Olympus"}
    response = client.put("/api/me/reminders", body, content_type="application/json")
    assert response.status_code == 400
    assert "not a time zone we know" in response.json()["detail"]
    assert session_client(None).get("/api/me/reminders").status_code == 401
