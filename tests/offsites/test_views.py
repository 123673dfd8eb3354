"""The offsite and resource pages: the worksheet saves a field as it is typed or the whole
form without JavaScript (only what the person changed), the live view brings the other
person's changes, the clock and completing, a priority through the SMART goal coach, and
resources with files served only to those allowed."""

from __future__ import annotations

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from headway.goals.models import Goal
from headway.offsites.models import (
    Mode,
    Offsite,
    OffsiteCycle,
    OffsiteStatus,
    Resource,
    SharedResource,
)
from headway.offsites.offsite_views import digest
from headway.offsites.resource_services import MAX_FILE_BYTES
from headway.offsites.services import answers_of, answers_save, offsite_start
from tests.helpers import World

HTMX = {"HTTP_HX_REQUEST": "true"}


def _url(name: str, offsite: Offsite) -> str:
    return reverse(name, args=[offsite.engagement_id, offsite.pk])


def test_the_overview_starts_a_self_guided_offsite(world: World) -> None:
    browser = world.login(world.client)
    page = browser.get(reverse("offsites", args=[world.engagement.pk]))
    assert b"Every 3 months, 3 hours, up to 3 things for the next 3 months." in page.content
    assert b"Start a self-guided offsite" in page.content
    started = browser.post(
        reverse("offsite_start", args=[world.engagement.pk]), {"mode": "self_guided"}
    )
    offsite = Offsite.objects.get()
    assert started.url == offsite.get_absolute_url()
    sheet = browser.get(started.url).content.decode()
    assert "What did you discover about yourself today?" in sheet
    assert "Thing 3 for the next 3 months" in sheet
    assert 'hx-params="field,answer-proud"' in sheet
    assert 'data-live-url=""' in sheet  # self-guided: no polling


def test_the_engagement_page_links_the_offsite_tools(world: World) -> None:
    from headway.engagements.engagement_views import TOOL_URLS

    assert TOOL_URLS["offsite"] == "offsites"
    assert TOOL_URLS["resources"] == "engagement_resources"


def test_a_field_saves_alone_as_it_is_typed(world: World) -> None:
    offsite = offsite_start(engagement=world.engagement, by=world.owner, mode=Mode.FACILITATED)
    answers_save(offsite=offsite, by=world.owner, texts={"curious": "Coach's words"})
    browser = world.login(world.client)
    response = browser.post(
        _url("offsite_save", offsite),
        {"field": "proud", "answer-proud": "The repairs\r\nprocess"},
        **HTMX,
    )
    assert response.status_code == 200 and b"Saved" in response.content
    answers = answers_of(offsite)
    assert answers["proud"].text == "The repairs\nprocess"
    assert answers["curious"].text == "Coach's words"
    too_long = browser.post(
        _url("offsite_save", offsite), {"field": "proud", "answer-proud": "x" * 9000}, **HTMX
    )
    assert too_long.status_code == 422 and b"Not saved" in too_long.content


def test_a_whole_form_post_writes_only_what_the_person_changed(world: World) -> None:
    offsite = offsite_start(engagement=world.engagement, by=world.owner, mode=Mode.FACILITATED)
    # The client's page showed "proud" empty; meanwhile the coach wrote it.
    answers_save(offsite=offsite, by=world.owner, texts={"proud": "Coach wrote this"})
    browser = world.login(world.client)
    response = browser.post(
        _url("offsite_save", offsite),
        {
            "answer-proud": "",
            "orig-proud": digest(""),
            "answer-curious": "Strategy",
            "orig-curious": digest(""),
            "anchor": "section-discover",
        },
    )
    assert response.status_code == 302 and response.url.endswith("#section-discover")
    answers = answers_of(offsite)
    assert answers["proud"].text == "Coach wrote this"
    assert answers["curious"].text == "Strategy"


def test_the_live_view_brings_changes_since_a_version(world: World) -> None:
    offsite = offsite_start(engagement=world.engagement, by=world.owner, mode=Mode.FACILITATED)
    version = answers_save(offsite=offsite, by=world.client, texts={"proud": "One"})
    answers_save(offsite=offsite, by=world.owner, texts={"curious": "Two"})
    page = world.login(world.client).get(offsite.get_absolute_url()).content.decode()
    assert f'data-live-url="{_url("offsite_live", offsite)}"' in page
    browser = world.login(world.client)
    live = browser.get(_url("offsite_live", offsite), {"since": version})
    body = json.loads(live.content)
    assert [(f["key"], f["text"], f["by"], f["mine"]) for f in body["fields"]] == [
        ("curious", "Two", "Olivia", False)
    ]
    assert "clock" not in body
    moved = browser.get(
        _url("offsite_live", offsite),
        {"since": body["version"], "section": "look-back", "status": "running"},
    )
    assert "Arrive" in json.loads(moved.content)["clock"]


def test_pause_resume_and_finish_keep_what_the_form_held(world: World) -> None:
    offsite = offsite_start(engagement=world.engagement, by=world.client, mode=Mode.SELF_GUIDED)
    browser = world.login(world.client)
    paused = browser.post(
        _url("offsite_clock", offsite),
        {"action": "pause", "answer-proud": "Kept", "orig-proud": digest("")},
    )
    assert paused.status_code == 302
    offsite.refresh_from_db()
    assert offsite.status == OffsiteStatus.PAUSED and answers_of(offsite)["proud"].text == "Kept"
    page = browser.get(offsite.get_absolute_url()).content.decode()
    assert ">Resume</button>" in page
    browser.post(_url("offsite_clock", offsite), {"move": "insights"})
    offsite.refresh_from_db()
    assert (offsite.section, offsite.status) == ("insights", OffsiteStatus.RUNNING)
    refused = browser.post(_url("offsite_complete", offsite), {}, follow=True)
    assert b"Write down what you discovered about yourself first" in refused.content
    done = browser.post(
        _url("offsite_complete", offsite),
        {
            "answer-insights": "Structure energises me",
            "answer-priority-1": "Lead the strategy refresh",
        },
        follow=True,
    )
    assert b"Offsite complete. The next one is on" in done.content
    assert b"Lead the strategy refresh" in done.content
    assert b"Make it a goal" in done.content


def test_a_priority_goes_through_the_smart_goal_coach(world: World) -> None:
    offsite = offsite_start(engagement=world.engagement, by=world.client, mode=Mode.SELF_GUIDED)
    browser = world.login(world.client)
    browser.post(
        _url("offsite_complete", offsite),
        {"answer-insights": "I like people", "answer-priority-1": "Find a mentor"},
    )
    priority = offsite.priority_rows.get()
    url = reverse("priority_goal", args=[world.engagement.pk, offsite.pk, priority.pk])
    page = browser.get(url).content.decode()
    assert "Find a mentor</textarea>" in page
    assert 'id="smart-panel"' in page  # the SMART panel, as on the goals page
    assert world.login(world.owner).get(url).status_code == 403
    checked = browser.post(url, {"text": "Find a mentor by 30 April", "check": "1"})
    assert checked.status_code == 200 and not Goal.objects.exists()
    made = browser.post(url, {"text": "Find a mentor by 30 April"})
    goal = Goal.objects.get()
    assert made.url == reverse("goal_detail", args=[world.engagement.pk, goal.pk])
    assert goal.due_on is not None and (goal.due_on.month, goal.due_on.day) == (4, 30)
    priority.refresh_from_db()
    assert priority.goal == goal
    assert browser.get(url).url == made.url  # already a goal: straight to it


def test_the_coach_library_and_sharing_with_a_file(world: World) -> None:
    coach = world.login(world.owner)
    library = reverse("resource_library")
    assert world.login(world.client).get(library).status_code == 404
    page = coach.get(library).content.decode()
    assert "up to 5 MB" in page
    big = SimpleUploadedFile("big.pdf", b"x" * (MAX_FILE_BYTES + 1), "application/pdf")
    refused = coach.post(library, {"kind": "file", "title": "Big", "file": big})
    assert refused.status_code == 422 and b"Files can be up to 5 MB" in refused.content
    coach.post(
        library,
        {
            "kind": "link",
            "title": "Odyssey plans",
            "url": "https://example.org/odyssey",
            "stages": "offsite",
            "themes": "futures, values",
        },
        follow=True,
    )
    small = SimpleUploadedFile("wheel.txt", b"A wheel of life.", "text/plain")
    coach.post(
        library,
        {"kind": "file", "title": "Wheel of life", "file": small, "themes": "balance"},
        follow=True,
    )
    assert Resource.objects.count() == 2
    filtered = coach.get(library, {"tag": "values"}).content.decode()
    assert "Odyssey plans" in filtered and "Wheel of life" not in filtered
    wheel = Resource.objects.get(title="Wheel of life")
    resources = reverse("engagement_resources", args=[world.engagement.pk])
    shared = coach.post(
        resources, {"resource": wheel.pk, "stage_key": "exploring", "note": "Try it"}
    )
    assert shared.status_code == 302
    item = SharedResource.objects.get()
    file_url = reverse("shared_file", args=[world.engagement.pk, item.pk])
    client = world.login(world.client)
    assert b"Wheel of life" in client.get(resources).content
    download = client.get(file_url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"A wheel of life."  # type: ignore[attr-defined]
    assert "attachment" in download["Content-Disposition"]
    assert world.login(world.outsider).get(file_url).status_code == 404
    assert not Resource.objects.filter(file__startswith="/").exists()
    marked = client.post(
        reverse("resource_mark", args=[world.engagement.pk, item.pk]),
        {f"r{item.pk}-used": "on", f"r{item.pk}-useful": "yes"},
    )
    assert marked.status_code == 302
    item.refresh_from_db()
    assert item.used_at is not None and item.useful is True
    assert b"Used, and useful." in coach.get(resources).content


def test_history_shows_offsites_side_by_side(world: World) -> None:
    browser = world.login(world.client)
    for insight in ["First insight", "Second insight"]:
        browser.post(reverse("offsite_start", args=[world.engagement.pk]), {"mode": "self_guided"})
        offsite = Offsite.objects.exclude(status=OffsiteStatus.COMPLETED).get()
        browser.post(_url("offsite_complete", offsite), {"answer-insights": insight})
    page = browser.get(reverse("offsite_history", args=[world.engagement.pk])).content.decode()
    assert page.index("First insight") < page.index("Second insight")
    assert "Now" in page
    coach_page = world.login(world.owner).get(
        reverse("offsite_history", args=[world.engagement.pk])
    )
    assert b"private to Cleo Client" in coach_page.content


def test_a_huge_upload_is_refused_by_its_length(world: World) -> None:
    huge = SimpleUploadedFile("h.bin", b"x" * (6 << 20), "application/octet-stream")
    response = world.login(world.owner).post(
        reverse("resource_library"), {"kind": "file", "title": "Huge", "file": huge}
    )
    assert response.status_code == 413
    assert b"Files can be up to 5 MB" in response.content
    assert not Resource.objects.exists()


def test_a_facilitated_offsite_is_in_the_coachs_calendar_too(world: World) -> None:
    from headway.offsites.calendar import offsite_events
    from headway.offsites.services import cycle_update, offsite_complete

    offsite = offsite_start(engagement=world.engagement, by=world.owner, mode=Mode.FACILITATED)
    answers_save(offsite=offsite, by=world.owner, texts={"insights": "Structure"})
    offsite_complete(offsite=offsite, by=world.owner)
    cycle_update(
        engagement=world.engagement,
        by=world.owner,
        every_months=3,
        minutes=180,
        priorities=3,
        horizon_months=3,
        mode=Mode.FACILITATED,
        next_on=OffsiteCycle.objects.get(engagement=world.engagement).next_on,
    )
    (event,) = offsite_events(world.owner)
    assert event.title == "Career offsite: Cleo Client"
    (own,) = offsite_events(world.client)
    assert own.title == "Career offsite" and own.uid == event.uid


def test_coaches_reach_their_library_from_the_main_navigation(world: World) -> None:
    library = reverse("resource_library")
    page = world.login(world.owner).get(reverse("dashboard")).text
    assert f'href="{library}"' in page
    assert 'aria-current="page">Resources' in world.login(world.owner).get(library).text
    # A client has no library of their own.
    assert f'href="{library}"' not in world.login(world.client).get(reverse("home")).text
