from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


class Practice(models.Model):
    """A coaching practice: one or more coaches, one of them (or more) owners."""

    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=160, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Every coach of the practice must set up two-step login before using Headway.
    require_two_factor = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.name

    def current_agreement(self) -> Agreement | None:
        return self.agreements.order_by("-version").first()


class MemberRole(models.TextChoices):
    OWNER = "owner", "Owner"
    COACH = "coach", "Coach"


class Membership(models.Model):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=10, choices=MemberRole.choices, default=MemberRole.COACH)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["practice", "user"], name="one_membership_per_practice")
        ]
        ordering = ["joined_at"]

    def __str__(self) -> str:
        return f"{self.user} in {self.practice} ({self.role})"

    @property
    def is_owner(self) -> bool:
        return self.role == MemberRole.OWNER


class CoachInvitation(models.Model):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    # When the email last went out: a resend makes a new link, and waits a little between two.
    sent_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Invitation of {self.email} to {self.practice_id}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None


class CoachProfile(models.Model):
    """What a client (or a prospective one) reads about their coach."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coach_profile"
    )
    slug = models.SlugField(max_length=160, unique=True)
    headline = models.CharField(max_length=200, blank=True)
    story = models.TextField("Your story", blank=True)
    background = models.TextField("Background", blank=True)
    training = models.TextField("Training and credentials", blank=True)
    specialties = models.TextField("Specialties", blank=True, help_text="One per line.")
    session_formats = models.TextField(
        "Session formats",
        blank=True,
        help_text="For example: 60-minute video calls, walk-and-talk.",
    )
    is_public = models.BooleanField(
        "Show a public page where prospective clients can request an introductory session",
        default=False,
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Profile of {self.user}"

    def get_absolute_url(self) -> str:
        return reverse("coach_public", args=[self.slug])

    def practices(self) -> list[Practice]:
        """The practices the coach works in, named on their page (a coach may be in several)."""
        return [m.practice for m in self.user.memberships.select_related("practice")]

    def specialty_list(self) -> list[str]:
        return [s.strip() for s in self.specialties.splitlines() if s.strip()]


class IntroRequest(models.Model):
    """A prospective client asking for an introductory (chemistry) session."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="intro_requests"
    )
    name = models.CharField(max_length=150)
    email = models.EmailField()
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Intro request from {self.name}"


class Agreement(models.Model):
    """A version of a practice's coaching agreement. Never edited: a change is a new version,
    so every acceptance points at the exact words the client saw."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="agreements")
    version = models.PositiveIntegerField()
    terms = models.TextField("Coaching agreement")
    confidentiality = models.TextField("Confidentiality")
    exceptions = models.TextField(
        "Exceptions to confidentiality", help_text="One per line, stated plainly."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["practice", "version"], name="agreement_version_unique")
        ]
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"{self.practice} agreement v{self.version}"

    def exception_list(self) -> list[str]:
        return [e.strip() for e in self.exceptions.splitlines() if e.strip()]
