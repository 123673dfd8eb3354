"""The 404, 403 and 500 pages: styled, with the navigation and a way home."""

from __future__ import annotations

from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

from tests.helpers import World


def test_a_missing_page_for_someone_logged_in(world: World) -> None:
    response = world.login(world.client).get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We could not find that page" in html
    assert 'aria-label="Main"' in html and "My journey" in html  # the navigation, as elsewhere
    assert "Go to your start page" in html and f'href="{reverse("home")}"' in html


def test_someone_elses_engagement_reads_like_a_missing_page(world: World) -> None:
    response = world.login(world.owner).get(
        reverse("engagement_detail", args=[world.other_engagement.pk])
    )
    assert response.status_code == 404
    html = response.content.decode()
    assert "We could not find that page" in html and "Clients" in html


def test_a_missing_page_for_a_visitor_offers_to_log_in(db) -> None:
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We could not find that page" in html
    assert f'href="{reverse("login")}"' in html


def test_a_refused_change_says_why(world: World) -> None:
    e = world.engagement
    stage = e.model_version.stages.order_by("position")[1]
    response = world.login(world.client).post(
        reverse("engagement_move_stage", args=[e.pk]), {"stage": stage.pk}
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert "This is not open to your account" in html
    assert "Only the coach moves the stage." in html
    assert 'aria-label="Main"' in html and "Go to your start page" in html


def test_the_server_error_page_needs_no_request_context(db) -> None:
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html and 'aria-label="Main"' in html


def test_a_bad_request_has_a_styled_page_too(db, settings) -> None:
    from django.test import Client

    settings.ALLOWED_HOSTS = ["headway.example"]
    settings.DEBUG = False
    response = Client(raise_request_exception=False).get("/", HTTP_HOST="elsewhere.example")
    assert response.status_code == 400
    html = response.content.decode()
    assert "That request could not be read" in html and 'aria-label="Main"' in html
