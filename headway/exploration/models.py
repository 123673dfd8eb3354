"""The exploration board: the 3-5 options a client is exploring, and what they learn."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from headway.engagements.models import ClientWork

MAX_ACTIVE_OPTIONS = 5  # exploring works best with a handful: more spreads the client thin


# The board is the client's own thinking; the coach reads it and comments.
BOARD = ClientWork(
    not_client="The board is the client's: the coach reads it and comments.",
    concluded="This engagement is concluded: the board is kept as it was.",
)


class OptionQuerySet(models.QuerySet["Option"]):
    def active(self) -> OptionQuerySet:
        return self.filter(set_aside_at__isnull=True)


class Option(models.Model):
    """An option on the board: an O*NET occupation or the client's own words."""

    engagement = models.ForeignKey(
        "engagements.Engagement", on_delete=models.CASCADE, related_name="options"
    )
    # The code, not a foreign key: a new O*NET release replaces the occupation rows,
    # and the client's option must outlive that.
    occupation_code = models.CharField(max_length=10, blank=True)
    title = models.CharField(max_length=200)
    duties = models.TextField("Duties: what the work involves day to day", blank=True)
    skills = models.TextField("Skills it asks for, and which I have", blank=True)
    education = models.TextField("Education, training or credentials", blank=True)
    culture = models.TextField("Culture: the people, pace and values", blank=True)
    growth = models.TextField("Growth: demand, pay and where it leads", blank=True)
    resonates = models.TextField("What resonates with me", blank=True)
    concerns = models.TextField("What concerns me", blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    set_aside_at = models.DateTimeField(null=True, blank=True)
    set_aside_reason = models.TextField(blank=True)

    objects = OptionQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("board_option", args=[self.engagement_id, self.pk])

    @property
    def is_occupation(self) -> bool:
        return bool(self.occupation_code)

    RESEARCH_FIELDS = ("duties", "skills", "education", "culture", "growth")

    def research_done(self) -> int:
        return sum(1 for f in self.RESEARCH_FIELDS if getattr(self, f).strip())


class InformationalInterview(models.Model):
    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="interviews")
    person = models.CharField("Who", max_length=200)
    role = models.CharField("Their role and organisation", max_length=200, blank=True)
    held_on = models.DateField("When", null=True, blank=True)
    questions = models.TextField("Questions I prepared", blank=True)
    learned = models.TextField("What I learned", blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-created_at"]

    def __str__(self) -> str:
        return f"Conversation with {self.person}"


class ExperimentKind(models.TextChoices):
    SHADOWING = "shadowing", "Job shadowing"
    VOLUNTEERING = "volunteering", "Volunteering"
    PROJECT = "project", "A short project"
    COURSE = "course", "A taster course"
    OTHER = "other", "Something else"


class Experiment(models.Model):
    """A small, low-risk way to try the work before committing to it."""

    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="experiments")
    kind = models.CharField(max_length=12, choices=ExperimentKind.choices)
    description = models.CharField("What", max_length=300)
    starts_on = models.DateField("From", null=True, blank=True)
    ends_on = models.DateField("Until", null=True, blank=True)
    reflection = models.TextField("How it went, what it told me", blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_on", "created_at"]

    def __str__(self) -> str:
        return self.description


class Comment(models.Model):
    """The coach's comments on an option, and the client's replies."""

    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.text[:50]
