"""`{% bookable_intro profile as ok %}`: whether a coach's public page can offer a time to
book (an active introductory session type and some free time ahead); `{% upcoming_intros
user as intros %}`: the introductory sessions on the coach's dashboard."""

from __future__ import annotations

from django import template

from headway.accounts.models import User
from headway.booking.intro import upcoming_intros as _upcoming
from headway.booking.intro_views import public_types
from headway.booking.models import IntroBooking
from headway.booking.services import client_may_change, free_slots
from headway.practices.models import CoachProfile

register = template.Library()


@register.simple_tag
def bookable_intro(profile: CoachProfile) -> bool:
    return any(free_slots(t)[:1] for t in public_types(profile))


@register.simple_tag
def upcoming_intros(coach: User) -> list[IntroBooking]:
    """The coach's introductory sessions still to come, for the dashboard."""
    return _upcoming(coach)


@register.simple_tag
def client_can_change(session: object) -> bool:
    """For the client's session page: may they move or cancel it themselves?"""
    return client_may_change(session)  # type: ignore[arg-type]
