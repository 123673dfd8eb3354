"""Readiness for change: the form's merging, the scoring's checks and the pages."""

from __future__ import annotations

import contextlib

import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from headway.core.assessments.readiness import SOURCE_KEYS, STATEMENT_KEYS
from headway.discovery.kinds import readiness
from headway.discovery.models import Assessment, Kind
from headway.discovery.services import assessment_complete, assessment_start
from tests.helpers import World

COMPLETE = {
    "ratings": dict.fromkeys(SOURCE_KEYS, 1) | {"pay": 4, "hours": 3},
    "same_field": "likely",
    "note": "The commute eats my evenings.",
    "savings": 12500.0,
    "expenses": 3125.0,
    "other_income": 0.0,
    "transition_income": None,
    "runway_skip": False,
    "caring": "some",
    "hours": 4.0,
    "training_fit": ["evenings", "weekends"],
    "flexibility": "some",
    "uncertainty": dict.fromkeys(STATEMENT_KEYS, 3),
}


def post(**fields: str | list[str]) -> QueryDict:
    q = QueryDict(mutable=True)
    for name, value in fields.items():
        q.setlist(name, value if isinstance(value, list) else [value])
    return q


# --- apply: the form into the responses ----------------------------------------------------------


def test_a_partial_post_keeps_every_earlier_answer() -> None:
    before = {**COMPLETE, "ratings": dict(COMPLETE["ratings"])}
    after = readiness.apply(before, post(src_pay="2"))
    assert after["ratings"]["pay"] == 2
    assert {k: v for k, v in after.items() if k != "ratings"} == {
        k: v for k, v in COMPLETE.items() if k != "ratings"
    }
    assert after["ratings"]["hours"] == 3
    assert before["ratings"]["pay"] == 4  # the old responses are not changed


def test_amounts_are_read_as_people_write_them_and_blank_clears() -> None:
    r = readiness.apply({}, post(savings="12,500", expenses="2 100.50", other_income=""))
    assert (r["savings"], r["expenses"], r["other_income"]) == (12500, 2100.5, None)


def test_checkbox_groups_clear_only_when_the_form_showed_them() -> None:
    r = readiness.apply({"training_fit": ["evenings"]}, post(caring="none"))
    assert r["training_fit"] == ["evenings"]
    r = readiness.apply(r, post(training_shown="1"))
    assert r["training_fit"] == []
    r = readiness.apply(r, post(training_shown="1", training_fit=["weekends", "bogus"]))
    assert r["training_fit"] == ["weekends"]
    r = readiness.apply(r, post(runway_shown="1", runway_skip="1"))
    assert r["runway_skip"] is True


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"savings": "lots"}, "Savings you could draw on: write an amount"),
        ({"savings": "-10"}, "Savings you could draw on"),
        ({"hours": "200"}, "Hours a week for learning"),
        ({"src_work": "7"}, "Choose one of the five answers"),
        ({"unc_adjust": "0"}, "Choose one of the five answers"),
        ({"caring": "many"}, "Choose one of the answers offered"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(fields: dict[str, str], message: str) -> None:
    with pytest.raises(ValidationError) as exc:
        readiness.apply({}, post(**fields))
    assert message in " ".join(exc.value.messages)


# --- score: checking what arrives, from the form or the API -----------------------------------------


def test_complete_responses_score_into_a_profile_without_the_amounts() -> None:
    result = readiness.score(COMPLETE)
    assert result["focus"] == "context"
    assert result["runway"]["months"] == 4.0 and result["runway"]["band"] == "short"
    assert result["runway"]["words"] == "about 4 months"
    assert result["time"]["training_fit"] == ["Evenings", "Weekends"]
    assert result["top_sources"] == ["pay and benefits", "hours and workload"]
    assert result["questions"][0]["question"] == (
        "What would need to change where you are for this to be enough?"
    )
    assert "12500" not in str(result) and "3125" not in str(result)
    assert readiness.headline(result) == (
        "Mostly about the context around the work; runway about 4 months"
    )


def test_amounts_as_text_from_the_api_are_read_too() -> None:
    result = readiness.score({**COMPLETE, "savings": "12 500", "expenses": "3,125"})
    assert result["runway"]["months"] == 4.0


def test_runway_may_be_left_out() -> None:
    result = readiness.score({**COMPLETE, "savings": None, "runway_skip": True})
    assert result["runway"] | {} == {
        "given": False,
        "months": None,
        "band": "not_given",
        "months_without_transition_income": None,
        "words": "",
        "without_words": "",
        "chart_percent": 100.0,
    }
    assert readiness.headline(result).endswith("runway not given")


def test_missing_answers_are_named_step_by_step() -> None:
    with pytest.raises(ValidationError) as exc:
        readiness.score({"ratings": {"work": 2}, "uncertainty": {"adjust": 4}})
    text = " ".join(exc.value.messages)
    assert "Where it comes from: rate every source (still open: the work itself" not in text
    assert "still open: meaning and fit with my values" in text
    assert "Financial runway: add your savings" in text
    assert "say how much caring" in text
    assert "add the hours a week" in text
    assert "Uncertainty: answer every statement (still open: 1, 2, 3, 4, 6)" in text


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        ({"ratings": [1, 2]}, "“ratings” must be an object"),
        ({"ratings": {**COMPLETE["ratings"], "pay": "high"}}, "whole numbers from 0 to 4"),
        ({"ratings": {**COMPLETE["ratings"], "pay": True}}, "whole numbers from 0 to 4"),
        ({"savings": "plenty"}, "savings you could draw on must be a number"),
        ({"expenses": -4}, "must be a number of zero or more"),
        ({"hours": "many"}, "add the hours a week"),
        ({"training_fit": "evenings"}, "“training_fit” must be a list"),
        ({"uncertainty": None}, "“uncertainty” must be an object"),
        ({"runway_skip": "yes"}, "“runway_skip” must be true or false"),
        ({"note": 5}, "“note” must be text"),
    ],
)
def test_wrong_shapes_from_the_api_are_named(change: dict[str, object], needle: str) -> None:
    with pytest.raises(ValidationError) as exc:
        readiness.score({**COMPLETE, **change})
    assert needle in " ".join(exc.value.messages)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(st.sampled_from([*COMPLETE, "other"]), json_values, max_size=len(COMPLETE) + 1)
    | json_values
)
def test_any_json_is_scored_or_refused_with_a_validation_error(responses: object) -> None:
    # Anything but a ValidationError (a KeyError, a TypeError) fails the test.
    with contextlib.suppress(ValidationError):
        readiness.score({**COMPLETE, **responses} if isinstance(responses, dict) else responses)  # type: ignore[arg-type]


# --- headline and changes over time ----------------------------------------------------------------


def test_changes_name_the_runway_the_focus_and_the_tolerance() -> None:
    before = readiness.score(COMPLETE)
    after = readiness.score(
        {
            **COMPLETE,
            "savings": 25000,
            "ratings": dict.fromkeys(SOURCE_KEYS, 1) | {"work": 4, "meaning": 4},
            "uncertainty": dict.fromkeys(STATEMENT_KEYS, 3)
            | {"start_unsettled": 5, "lower_income": 5},
            "hours": 6,
        }
    )
    assert readiness.changes(before, after) == [
        "Runway: about 4 months then, about 8 months now.",
        "The dissatisfaction was mostly about the context around the work; "
        "now it is mostly about the work itself.",
        "Comfort with uncertainty rose from 50 to 67 of 100.",
        "Time for learning went from 4 to 6 hours a week.",
    ]
    assert readiness.changes(before, before) == []


def test_headline_and_changes_survive_old_or_odd_results() -> None:
    assert readiness.headline({"reflection": "x"}) == "Readiness profile"
    assert readiness.changes({"reflection": "x"}, {"runway": 3}) == []


# --- the pages ----------------------------------------------------------------------------------


def start(world: World) -> Assessment:
    return assessment_start(engagement=world.engagement, by=world.client, kind=Kind.READINESS)


def test_the_client_walks_the_steps_without_javascript(world: World) -> None:
    client = world.login(world.client)
    response = client.post(reverse("discovery_kind", args=[world.engagement.pk, "readiness"]))
    a = Assessment.objects.get(engagement=world.engagement, kind=Kind.READINESS)
    assert response.url == a.get_absolute_url()
    page = client.get(a.get_absolute_url()).content.decode()
    assert "Step 1 of 4: Where it comes from" in page
    assert 'aria-current="step"' in page and "The work itself" in page
    save = reverse("assessment_save", args=[world.engagement.pk, "readiness", a.pk])
    fields = {f"src_{k}": str(v) for k, v in COMPLETE["ratings"].items()}
    response = client.post(
        save, {"step": "sources", "goto": "runway", "same_field": "likely", **fields}
    )
    assert response.url == f"{a.get_absolute_url()}?step=runway"
    page = client.get(response.url).content.decode()
    assert "Step 2 of 4: Financial runway" in page
    client.post(
        save, {"step": "runway", "runway_shown": "1", "savings": "12,500", "expenses": "3125"}
    )
    page = client.get(f"{a.get_absolute_url()}?step=runway").content.decode()
    assert 'value="12500"' in page and "about 4 months of runway" in page
    client.post(
        save,
        {
            "step": "responsibilities",
            "training_shown": "1",
            "caring": "some",
            "hours": "4",
            "flexibility": "some",
            "training_fit": "evenings",
        },
    )
    complete = reverse("assessment_complete", args=[world.engagement.pk, "readiness", a.pk])
    response = client.post(
        complete, {"step": "uncertainty"} | {f"unc_{k}": "3" for k in STATEMENT_KEYS}
    )
    assert response.url == a.get_absolute_url()
    a.refresh_from_db()
    assert a.is_completed and a.result["runway"]["band"] == "short"
    page = client.get(a.get_absolute_url()).content.decode()
    assert "Questions this raises" in page
    assert "What would need to change where you are for this to be enough?" in page
    assert "not a verdict" in page


def test_autosave_answers_with_a_saved_fragment(world: World) -> None:
    a = start(world)
    client = world.login(world.client)
    save = reverse("assessment_save", args=[world.engagement.pk, "readiness", a.pk])
    response = client.post(
        save, {"step": "runway", "savings": "9 000"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200 and "Saved" in response.content.decode()
    a.refresh_from_db()
    assert a.responses["savings"] == 9000


def test_finishing_too_early_says_what_is_missing_and_keeps_the_answers(world: World) -> None:
    a = start(world)
    client = world.login(world.client)
    complete = reverse("assessment_complete", args=[world.engagement.pk, "readiness", a.pk])
    response = client.post(complete, {"step": "uncertainty", "unc_adjust": "4"}, follow=True)
    page = response.content.decode()
    assert "Uncertainty: answer every statement" in page
    a.refresh_from_db()
    assert not a.is_completed and a.responses["uncertainty"] == {"adjust": 4}


def test_the_coach_reads_the_shared_profile_but_never_the_amounts(world: World) -> None:
    a = start(world)
    a.responses = dict(COMPLETE)
    a.save()
    assessment_complete(assessment=a, by=world.client)
    page = world.login(world.owner).get(a.get_absolute_url()).content.decode()
    assert "about 4 months" in page.lower() and "Questions this raises" in page
    assert "12500" not in page and "12,500" not in page


def test_the_history_shows_what_changed_between_results(world: World) -> None:
    first = start(world)
    first.responses = dict(COMPLETE)
    first.save()
    assessment_complete(assessment=first, by=world.client)
    second = start(world)
    second.responses = {**COMPLETE, "savings": 25000}
    second.save()
    assessment_complete(assessment=second, by=world.client)
    page = (
        world.login(world.client)
        .get(reverse("discovery_kind", args=[world.engagement.pk, "readiness"]))
        .content.decode()
    )
    assert "Runway: about 4 months then, about 8 months now." in page
