import pytest
from django.urls import reverse

def test_smoke(world):
    e = world.engagement
    pages = [
        (world.owner, reverse("dashboard")),
        (world.owner, reverse("client_invite")),
        (world.owner, e.get_absolute_url()),
        (world.owner, reverse("engagement_intake", args=[e.pk])),
        (world.owner, reverse("engagement_agreement", args=[e.pk])),
        (world.owner, reverse("practice")),
        (world.owner, reverse("profile_edit")),
        (world.owner, reverse("model_list")),
        (world.owner, reverse("agreement_edit")),
        (world.owner, reverse("account")),
        (world.client, e.get_absolute_url()),
        (world.client, reverse("engagement_intake", args=[e.pk])),
        (world.client, reverse("engagement_agreement", args=[e.pk])),
        (world.client, reverse("engagement_coach", args=[e.pk])),
        (world.solo, world.solo_engagement.get_absolute_url()),
        (world.solo, world.solo_engagement.get_absolute_url() + "?all=1"),
        (world.solo, reverse("engagement_request_coach", args=[world.solo_engagement.pk])),
        (world.solo, reverse("journey") + "?all=1"),
    ]
    from headway.coaching.models import CoachingModel
    m = CoachingModel.objects.first()
    pages += [(world.owner, reverse("model_detail", args=[m.pk])), (world.owner, reverse("model_clone", args=[m.pk]))]
    for user, url in pages:
        c = world.login(user)
        r = c.get(url)
        assert r.status_code == 200, (url, r.status_code)
    from django.test import Client
    for url in ["/", "/login/", "/signup/", "/signup/coach/", "/signup/self-guided/", "/password/reset/", "/api/docs"]:
        r = Client().get(url)
        assert r.status_code == 200, url
