"""The energy journal: quick entries, their patterns, and privacy from the coach."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from headway.discovery.journal_services import (
    journal_activities,
    journal_patterns,
    patterns_as_dict,
)
from headway.discovery.models import JournalEntry
from headway.discovery.services import journal_add, journal_set_sharing
from headway.engagements.models import EngagementStatus
from headway.engagements.services import engagement_set_status
from tests.helpers import World

SECRET = "My manager was unbearable again"


def url(world: World, name: str = "journal", *args: int) -> str:
    return reverse(name, args=[world.engagement.pk, *args])


@pytest.fixture
def entries(world: World) -> list[JournalEntry]:
    today = timezone.localdate()
    add = [
        ("Client calls", 2, True, SECRET, 0),
        ("client call", 1, False, "", 1),
        ("Expense reports", -2, False, "", 2),
        ("expense report", -1, False, "", 3),
    ]
    return [
        journal_add(
            engagement=world.engagement,
            by=world.client,
            activity=activity,
            energy=energy,
            flow=flow,
            note=note,
            occurred_on=today - dt.timedelta(days=ago),
        )
        for activity, energy, flow, note, ago in add
    ]


def test_the_client_adds_an_entry_without_javascript(world: World) -> None:
    client = world.login(world.client)
    response = client.post(
        url(world),
        {
            "activity": "  Planning the week ",
            "energy": "1",
            "flow": "on",
            "note": "Quiet morning.",
            "occurred_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302 and response.url == url(world)
    entry = JournalEntry.objects.get(engagement=world.engagement)
    assert (entry.activity, entry.energy, entry.flow, entry.note) == (
        "Planning the week",
        1,
        True,
        "Quiet morning.",
    )
    page = client.get(url(world)).content.decode()
    assert "Added “Planning the week” to your journal." in page
    assert "Quiet morning." in page and "A bit energised" in page


def test_the_quick_add_with_htmx_refreshes_the_list_and_announces_it(world, entries) -> None:
    client = world.login(world.client)
    response = client.post(
        url(world),
        {"activity": "Writing", "energy": "2", "occurred_on": timezone.localdate().isoformat()},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<div id="journal-live">') and "<html" not in html
    assert 'hx-swap-oob="innerHTML">Added “Writing” to your journal.' in html
    assert '<option value="Writing">' in html  # the suggestions include it now


def test_an_incomplete_htmx_add_returns_the_form_with_its_errors(world: World) -> None:
    client = world.login(world.client)
    response = client.post(
        url(world),
        {"activity": "Writing", "occurred_on": timezone.localdate().isoformat()},
        headers={"HX-Request": "true"},
    )
    assert response.headers["HX-Retarget"] == "#quick-add"
    assert response.headers["HX-Reswap"] == "outerHTML"
    html = response.content.decode()
    assert "Choose how it left you." in html and 'value="Writing"' in html
    assert not JournalEntry.objects.exists()


def test_the_journal_is_for_days_that_have_happened(world: World) -> None:
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = world.login(world.client).post(
        url(world), {"activity": "Later", "energy": "0", "occurred_on": tomorrow.isoformat()}
    )
    assert response.status_code == 200
    assert "Choose today or an earlier day." in response.content.decode()
    assert not JournalEntry.objects.exists()


def test_the_client_sees_patterns_entries_and_suggestions(world, entries) -> None:
    page = world.login(world.client).get(url(world)).content.decode()
    assert "Energy week by week" in page and "<svg" in page
    assert "Average energy by week" in page  # the table behind the chart
    assert "also “client call”" in page  # grouped spellings are shown
    assert '<option value="Client calls">' in page
    assert SECRET in page
    assert "Private: only you see this journal." in page
    assert page.count(url(world, "journal_delete", entries[0].pk)) == 1


def test_the_coach_sees_nothing_until_the_client_shares(world, entries) -> None:
    coach = world.login(world.owner)
    page = coach.get(url(world)).content.decode()
    assert "keeps this journal private" in page
    assert "Client calls" not in page and SECRET not in page
    journal_set_sharing(engagement=world.engagement, by=world.client, shared=True)
    page = coach.get(url(world)).content.decode()
    assert "Client calls" in page and "Expense reports" in page  # the patterns
    assert SECRET not in page  # never the notes
    assert "Recent entries" not in page and "journal_delete" not in page
    assert "quick-add" not in page
    assert coach.get(url(world, "journal_delete", entries[0].pk)).status_code == 404


def test_only_the_client_writes_and_shares(world, entries) -> None:
    for user in (world.owner, world.colleague):
        c = world.login(user)
        assert c.post(url(world), {"activity": "x", "energy": "1"}).status_code in (403, 404)
        assert c.post(url(world, "journal_sharing"), {"shared": "1"}).status_code in (403, 404)
    assert world.login(world.outsider).get(url(world)).status_code == 404
    assert world.login(world.other_client).get(url(world)).status_code == 404
    assert JournalEntry.objects.count() == 4


def test_sharing_switches_on_and_off(world: World) -> None:
    client = world.login(world.client)
    response = client.post(url(world, "journal_sharing"), {"shared": "1"}, follow=True)
    assert "Your coach can now see the patterns" in response.content.decode()
    assert world.engagement.journal_sharing.shared_with_coach
    client.post(url(world, "journal_sharing"), {"shared": "0"})
    world.engagement.journal_sharing.refresh_from_db()
    assert not world.engagement.journal_sharing.shared_with_coach


def test_deleting_asks_first(world, entries) -> None:
    client = world.login(world.client)
    delete = url(world, "journal_delete", entries[0].pk)
    page = client.get(delete).content.decode()
    assert "Delete this entry?" in page and SECRET in page
    assert JournalEntry.objects.count() == 4
    response = client.post(delete, follow=True)
    assert "Deleted “Client calls” from your journal." in response.content.decode()
    assert not JournalEntry.objects.filter(pk=entries[0].pk).exists()


def test_a_concluded_journal_is_read_only(world, entries) -> None:
    engagement_set_status(
        engagement=world.engagement, status=EngagementStatus.CONCLUDED, by=world.owner
    )
    client = world.login(world.client)
    page = client.get(url(world)).content.decode()
    assert "kept as it was" in page and "quick-add" not in page
    assert url(world, "journal_delete", entries[0].pk) not in page
    assert client.post(url(world), {"activity": "x", "energy": "1"}).status_code == 403
    assert client.post(url(world, "journal_delete", entries[0].pk)).status_code == 403
    assert JournalEntry.objects.count() == 4


def test_a_self_guided_journal_has_no_sharing(world: World) -> None:
    client = world.login(world.solo)
    e = world.solo_engagement
    page = client.get(reverse("journal", args=[e.pk])).content.decode()
    assert "Add an entry" in page and "Who sees this journal" not in page
    assert client.post(reverse("journal_sharing", args=[e.pk]), {"shared": "1"}).status_code == 403


def test_patterns_for_the_api_hold_no_entries_or_notes(world, entries) -> None:
    data = patterns_as_dict(journal_patterns(world.engagement))
    assert data["count"] == 4 and data["energising"] == ["Client calls"]
    assert data["draining"] == ["Expense reports"]
    assert data["activities"][0]["spellings"] == ["Client calls", "client call"]
    assert len(data["weeks"]) == 10
    assert SECRET not in str(data)


def test_suggestions_are_recent_spellings_once_each(world, entries) -> None:
    journal_add(engagement=world.engagement, by=world.client, activity="Client calls", energy=1)
    assert journal_activities(world.engagement) == [
        "Client calls",
        "client call",
        "Expense reports",
        "expense report",
    ]


@pytest.mark.parametrize("energy", [-3, 3, 6])
def test_energy_off_the_scale_is_refused_by_the_service(world: World, energy: int) -> None:
    with pytest.raises(ValidationError, match="from -2"):
        journal_add(engagement=world.engagement, by=world.client, activity="Shift", energy=energy)
    assert not JournalEntry.objects.exists()
    # The weekly patterns still read what is there.
    page = world.login(world.client).get(reverse("journal", args=[world.engagement.pk]))
    assert page.status_code == 200
