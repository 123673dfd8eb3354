"""Coaching model pages: browsing, cloning a built-in model, editing stages and versions."""

from __future__ import annotations

from django.urls import reverse
from django.utils.html import escape

from headway.coaching.models import CoachingModel, ModelVersion
from headway.coaching.services import coaching_model_clone
from headway.core.coaching.tools import TOOLS
from headway.engagements.models import Answer, Engagement
from headway.engagements.services import (
    answer_save,
    engagement_invite_client,
    invitation_accept,
    invitation_by_token,
)
from headway.practices.models import Membership
from tests.helpers import World, offsite_model, person, transition_model


def messages_of(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(m) for m in response.context["messages"]]


def own_model(world: World, name: str = "Northstar Method") -> CoachingModel:
    return coaching_model_clone(
        source=transition_model().latest_version(),
        practice_id=world.practice.pk,
        by=world.owner,
        name=name,
    )


def stage_form(version: ModelVersion, key: str, **changes: object) -> dict[str, object]:
    """The stage form as the page fills it, with `changes` typed over it."""
    stage = version.stages.get(key=key)
    return {
        "name": stage.name,
        "purpose": stage.purpose,
        "questions": "\n".join(q.text for q in stage.questions.order_by("position")),
        "exit_checklist": "\n".join(stage.exit_checklist),
        "tools": list(stage.tools),
        **changes,
    }


def keys(model: CoachingModel) -> list[str]:
    return list(model.latest_version().stages.order_by("position").values_list("key", flat=True))


# --- browsing ---------------------------------------------------------------------------------


def test_model_list_shows_built_in_and_own_models(world: World) -> None:
    own_model(world)
    coaching_model_clone(
        source=transition_model().latest_version(),
        practice_id=Membership.objects.get(user=world.outsider).practice_id,
        by=world.outsider,
        name="Elsewhere Method",
    )
    for coach in (world.owner, world.colleague):
        html = world.login(coach).get(reverse("model_list")).content.decode()
        assert "Career Transition Journey" in html and offsite_model().name in html
        assert "Northstar Method" in html
        assert "Elsewhere Method" not in html
    assert world.login(world.client).get(reverse("model_list")).status_code == 404


def test_model_detail_of_a_built_in_model(world: World) -> None:
    model = transition_model()
    html = world.login(world.owner).get(reverse("model_detail", args=[model.pk])).content.decode()
    assert "Built in" in html
    assert "Rapport and setting the stage" in html and "Concluding" in html
    assert reverse("model_clone", args=[model.pk]) in html
    assert reverse("model_edit", args=[model.pk]) not in html
    assert reverse("stage_edit", args=[model.pk, "rapport"]) not in html


def test_a_built_in_model_shows_each_stage_before_cloning(world: World) -> None:
    """Purpose, tools and questions of every stage, so a coach can judge it before cloning."""
    model = transition_model()
    version = model.latest_version()
    html = (
        world.login(world.colleague).get(reverse("model_detail", args=[model.pk])).content.decode()
    )
    for stage in version.stages.prefetch_related("questions"):
        assert escape(stage.purpose) in html
        for question in stage.questions.all():
            assert escape(question.text) in html
    stage = version.stages.get(key="self-assessment")
    names = ", ".join(TOOLS[k].name for k in stage.tools)
    assert f"<strong>Tools:</strong> {escape(names)}</p>" in html
    assert f"{stage.questions.count()} questions" in html


# --- cloning ----------------------------------------------------------------------------------


def test_cloning_a_built_in_model(world: World) -> None:
    source = transition_model()
    browser = world.login(world.owner)
    page = browser.get(reverse("model_clone", args=[source.pk]))
    assert page.status_code == 200
    assert 'value="My Career Transition Journey"' in page.content.decode()
    response = browser.post(
        reverse("model_clone", args=[source.pk]),
        {
            "name": "Northstar Method",
            "who_for": "Mid-career professionals",
            "problems_solved": "Feeling stuck",
            "summary": "Our way",
        },
        follow=True,
    )
    model = CoachingModel.objects.get(name="Northstar Method")
    assert response.redirect_chain[-1][0] == reverse("model_detail", args=[model.pk])
    assert any("is yours to shape" in m for m in messages_of(response))
    assert model.practice == world.practice and model.based_on == source
    assert (model.who_for, model.summary) == ("Mid-career professionals", "Our way")
    assert keys(model) == keys(source)
    html = response.content.decode()
    assert "based on Career Transition Journey" in html
    assert reverse("stage_edit", args=[model.pk, "rapport"]) in html
    # The built-in model is untouched, and the colleague shares the new one.
    assert transition_model().latest_version().number == 1
    assert (
        world.login(world.colleague).get(reverse("model_detail", args=[model.pk])).status_code
        == 200
    )


def test_clone_form_validation(world: World) -> None:
    response = world.login(world.owner).post(
        reverse("model_clone", args=[transition_model().pk]), {"name": "", "who_for": "x"}
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"name", "problems_solved"}
    assert not CoachingModel.objects.filter(practice=world.practice).exists()


def test_built_in_models_are_not_edited(world: World) -> None:
    model = transition_model()
    browser = world.login(world.owner)
    assert browser.get(reverse("model_edit", args=[model.pk])).status_code == 404
    assert browser.get(reverse("stage_edit", args=[model.pk, "rapport"])).status_code == 404
    form = stage_form(model.latest_version(), "rapport", name="Changed")
    assert browser.post(reverse("stage_edit", args=[model.pk, "rapport"]), form).status_code == 404
    assert model.latest_version().stages.get(key="rapport").name == "Rapport and setting the stage"


def test_model_edit_changes_the_details(world: World) -> None:
    model = own_model(world)
    browser = world.login(world.owner)
    page = browser.get(reverse("model_edit", args=[model.pk])).content.decode()
    assert 'value="Northstar Method"' in page
    response = browser.post(
        reverse("model_edit", args=[model.pk]),
        {"name": "Northstar Way", "who_for": "Anyone", "problems_solved": "Stuck", "summary": ""},
        follow=True,
    )
    assert "Saved." in messages_of(response)
    model.refresh_from_db()
    assert (model.name, model.who_for) == ("Northstar Way", "Anyone")
    assert model.versions.count() == 1  # details are not versioned


# --- editing stages ----------------------------------------------------------------------------


def test_editing_a_stage_not_yet_in_use_changes_it_in_place(world: World) -> None:
    model = own_model(world)
    version = model.latest_version()
    browser = world.login(world.owner)
    page = browser.get(reverse("stage_edit", args=[model.pk, "rapport"])).content.decode()
    first_question = version.stages.get(key="rapport").questions.order_by("position")[0]
    assert first_question.text in page  # one question per line in the textarea
    response = browser.post(
        reverse("stage_edit", args=[model.pk, "rapport"]),
        stage_form(
            version,
            "rapport",
            name="First contact",
            questions="What brings you here?\n\n  What would make this worth it?  \n",
            exit_checklist="We agreed how we work",
            tools=["agreement"],
        ),
        follow=True,
    )
    assert "Stage “First contact” saved." in messages_of(response)
    assert model.versions.count() == 1
    stage = model.latest_version().stages.get(key="rapport")
    assert stage.name == "First contact"
    assert [q.text for q in stage.questions.order_by("position")] == [
        "What brings you here?",
        "What would make this worth it?",
    ]
    assert stage.exit_checklist == ["We agreed how we work"] and stage.tools == ["agreement"]


def test_editing_a_stage_in_use_makes_a_new_version(world: World) -> None:
    model = own_model(world)
    v1 = model.latest_version()
    engagement, _ = engagement_invite_client(
        coach=world.owner,
        membership=Membership.objects.get(user=world.owner),
        email="nina@example.com",
        name="Nina",
        model=model,
    )
    old_questions = [q.text for q in v1.stages.get(key="rapport").questions.order_by("position")]
    kept = old_questions[0]
    browser = world.login(world.owner)
    detail = browser.get(reverse("model_detail", args=[model.pk])).content.decode()
    assert "Your next edit creates version 2" in detail
    browser.post(
        reverse("stage_edit", args=[model.pk, "rapport"]),
        stage_form(v1, "rapport", questions=f"{kept}\nA brand new question?"),
    )
    assert model.versions.count() == 2
    v2 = model.latest_version()
    assert v2.number == 2
    new_questions = list(v2.stages.get(key="rapport").questions.order_by("position"))
    assert [q.text for q in new_questions] == [kept, "A brand new question?"]
    # Unchanged wording keeps its key, so answers stay attached.
    old_first = v1.stages.get(key="rapport").questions.order_by("position")[0]
    assert new_questions[0].key == old_first.key
    # The running engagement keeps the version it started with, words and all.
    engagement = Engagement.objects.get(pk=engagement.pk)
    assert engagement.model_version == v1
    assert [
        q.text for q in v1.stages.get(key="rapport").questions.order_by("position")
    ] == old_questions
    assert len(keys(model)) == 9
    # A new engagement gets the new version.
    later, _ = engagement_invite_client(
        coach=world.owner,
        membership=Membership.objects.get(user=world.owner),
        email="omar@example.com",
        name="Omar",
        model=model,
    )
    assert later.model_version == v2
    detail = browser.get(reverse("model_detail", args=[model.pk])).content.decode()
    assert "version 2" in detail and "2 engagements" in detail


def test_the_engagement_page_keeps_its_version_after_an_edit(world: World) -> None:
    model = own_model(world)
    v1 = model.latest_version()
    engagement, raw = engagement_invite_client(
        coach=world.owner,
        membership=Membership.objects.get(user=world.owner),
        email="nina@example.com",
        name="Nina",
        model=model,
    )
    invitation = invitation_by_token(raw)
    assert invitation is not None
    nina = person("nina@example.com", "Nina")
    engagement = invitation_accept(invitation=invitation, user=nina)
    question = v1.stages.get(key="rapport").questions.order_by("position")[0]
    answer_save(engagement=engagement, question=question, text="My answer", by=nina)
    world.login(world.owner).post(
        reverse("stage_edit", args=[model.pk, "rapport"]),
        stage_form(v1, "rapport", name="Renamed", questions="Only this one?"),
    )
    html = world.login(world.owner).get(engagement.get_absolute_url()).content.decode()
    assert "Rapport and setting the stage" in html and "Only this one?" not in html
    assert question.text in html and "My answer" in html
    assert Answer.objects.get(engagement=engagement).question == question


def test_stage_form_needs_a_question(world: World) -> None:
    model = own_model(world)
    response = world.login(world.owner).post(
        reverse("stage_edit", args=[model.pk, "rapport"]),
        stage_form(model.latest_version(), "rapport", name="Typed name", questions="  \n \n"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["form"].errors["questions"]
    assert 'value="Typed name"' in html
    assert model.latest_version().stages.get(key="rapport").name == "Rapport and setting the stage"


def test_stage_edit_of_an_unknown_stage(world: World) -> None:
    model = own_model(world)
    response = world.login(world.owner).get(reverse("stage_edit", args=[model.pk, "nope"]))
    assert response.status_code == 404


def test_adding_moving_and_removing_stages(world: World) -> None:
    model = own_model(world)
    browser = world.login(world.owner)
    response = browser.post(reverse("stage_add", args=[model.pk]), {"name": "Alumni network"})
    assert response.url == reverse("stage_edit", args=[model.pk, "alumni-network"])
    assert keys(model)[-1] == "alumni-network"
    response = browser.post(reverse("stage_add", args=[model.pk]), {"name": ""}, follow=True)
    assert "Give the new stage a name." in messages_of(response)
    assert len(keys(model)) == 10

    browser.post(reverse("stage_move", args=[model.pk, "alumni-network"]), {"direction": "up"})
    assert keys(model)[-2:] == ["alumni-network", "concluding"]
    browser.post(reverse("stage_move", args=[model.pk, "rapport"]), {"direction": "up"})
    assert keys(model)[0] == "rapport"  # already first: stays
    browser.post(reverse("stage_move", args=[model.pk, "rapport"]), {"direction": "down"})
    assert keys(model)[:2] == ["current-state", "rapport"]

    response = browser.post(reverse("stage_delete", args=[model.pk, "alumni-network"]), follow=True)
    assert "Stage removed." in messages_of(response)
    assert "alumni-network" not in keys(model)
    assert model.versions.count() == 1


def test_the_last_stage_is_not_removed(world: World) -> None:
    model = own_model(world)
    browser = world.login(world.owner)
    for key in keys(model)[1:]:
        browser.post(reverse("stage_delete", args=[model.pk, key]))
    response = browser.post(reverse("stage_delete", args=[model.pk, "rapport"]), follow=True)
    assert "A model needs at least one stage." in messages_of(response)
    assert keys(model) == ["rapport"]


def test_stage_changes_to_a_model_in_use_go_into_a_new_version(world: World) -> None:
    model = own_model(world)
    v1 = model.latest_version()
    engagement_invite_client(
        coach=world.owner,
        membership=Membership.objects.get(user=world.owner),
        email="nina@example.com",
        name="Nina",
        model=model,
    )
    browser = world.login(world.owner)
    browser.post(reverse("stage_delete", args=[model.pk, "concluding"]))
    assert model.versions.count() == 2
    assert "concluding" not in keys(model)
    assert v1.stages.filter(key="concluding").exists()
    # Further edits go into the same new version until an engagement uses it.
    browser.post(reverse("stage_move", args=[model.pk, "rapport"]), {"direction": "down"})
    browser.post(reverse("stage_add", args=[model.pk]), {"name": "Alumni"})
    assert model.versions.count() == 2
    assert keys(model)[:2] == ["current-state", "rapport"] and keys(model)[-1] == "alumni"
    assert list(v1.stages.order_by("position").values_list("key", flat=True))[:2] == [
        "rapport",
        "current-state",
    ]


def test_an_archived_model_is_gone(world: World) -> None:
    model = own_model(world)
    CoachingModel.objects.filter(pk=model.pk).update(archived=True)
    browser = world.login(world.owner)
    assert browser.get(reverse("model_detail", args=[model.pk])).status_code == 404
    assert browser.get(reverse("model_edit", args=[model.pk])).status_code == 404
    assert "Northstar Method" not in browser.get(reverse("model_list")).content.decode()


def test_engagement_count_of_a_built_in_model_is_the_practice_own(world: World) -> None:
    """Another practice's use of a built-in model is none of this practice's business."""
    builtin = CoachingModel.objects.get(key="career-transition-journey", practice=None)
    # world: the owner's practice has one engagement on it, the outsider's practice another.
    owner_page = world.login(world.owner).get(reverse("model_detail", args=[builtin.pk]))
    assert "1 engagement" in owner_page.content.decode()
    assert "2 engagements" not in owner_page.content.decode()
    outsider_page = world.login(world.outsider).get(reverse("model_detail", args=[builtin.pk]))
    assert "1 engagement" in outsider_page.content.decode()


# --- the open-question hint ---------------------------------------------------------------------

HTMX = {"HX-Request": "true"}


def test_the_hint_reads_each_new_question_as_it_is_typed(world: World) -> None:
    model = own_model(world)
    saved = [q.text for q in model.latest_version().stages.get(key="rapport").questions.all()]
    url = reverse("stage_check", args=[model.pk, "rapport"])
    browser = world.login(world.owner)
    typed = "\n".join([*saved, "What matters most to you in your work?"])
    html = browser.post(url, {"questions": typed}, headers=HTMX).content.decode()
    assert "Every question reads as open." in html
    assert "What matters most to you in your work?" in html and "Reads as an open question." in html
    assert escape(saved[0]) not in html  # saved open questions are not repeated
    html = browser.post(url, {"questions": "Do you like your job?"}, headers=HTMX).content.decode()
    assert "0 of 1 questions read as open." in html
    assert "Do you like your job?" in html
    assert (
        "Reads as a closed (yes/no) question: an open one (What..., How...) invites the client "
        "to explore." in html
    )
    assert model.latest_version().stages.get(key="rapport").questions.count() == len(saved)


def test_the_hint_without_javascript_and_after_saving(world: World) -> None:
    model = own_model(world)
    version = model.latest_version()
    url = reverse("stage_edit", args=[model.pk, "rapport"])
    browser = world.login(world.owner)
    assert "Every question reads as open." in browser.get(url).content.decode()
    typed = "What matters most to you in your work?\nDo you like your job?"
    # "Check my questions": the page comes back with the hint and the text as typed, unsaved.
    response = browser.post(
        url, stage_form(version, "rapport", name="", questions=typed, check="1")
    )
    html = response.content.decode()
    assert response.status_code == 200 and "1 of 2 questions read as open." in html
    assert "Reads as a closed (yes/no) question" in html and "Do you like your job?" in html
    assert "errorlist" not in html  # no errors for a check, not even the empty name
    assert version.stages.get(key="rapport").questions.count() > 2
    # Saving is never blocked; the hint comes once more with the saved message.
    response = browser.post(url, stage_form(version, "rapport", questions=typed), follow=True)
    assert messages_of(response) == [
        "Stage “Rapport and setting the stage” saved.",
        "“Do you like your job?” reads as a closed (yes/no) question: an open one "
        "(What..., How...) invites the client to explore.",
    ]
    stage = model.latest_version().stages.get(key="rapport")
    assert [q.text for q in stage.questions.all()] == typed.splitlines()
    assert "Do you like your job?" in browser.get(url).content.decode()  # still flagged


def test_the_stage_form_asks_for_the_hint_as_one_types(world: World) -> None:
    model = own_model(world)
    html = world.login(world.owner).get(reverse("stage_edit", args=[model.pk, "rapport"]))
    check = reverse("stage_check", args=[model.pk, "rapport"])
    assert f'hx-post="{check}"' in html.content.decode()
