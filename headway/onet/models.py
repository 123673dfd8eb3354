"""The O*NET database, as imported from its official text release (CC BY 4.0).

One import replaces every row below in a single transaction, so the app always sees
one whole release. Ratings of every kind (skills, knowledge, abilities, interests,
work values, work styles, education, and work activities/context when present) share
one table, keyed by O*NET's own element and scale ids.
"""

from __future__ import annotations

from django.db import models


class Release(models.Model):
    version = models.CharField(max_length=20)  # e.g. "30.1"
    source = models.CharField(max_length=500)
    imported_at = models.DateTimeField(auto_now_add=True)
    seconds = models.FloatField(default=0)
    counts = models.JSONField(default=dict)  # rows per file
    is_current = models.BooleanField(default=False)

    class Meta:
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return f"O*NET {self.version}"

    @classmethod
    def current(cls) -> Release | None:
        return cls.objects.filter(is_current=True).first()


class Domain(models.TextChoices):
    SKILL = "skill", "Skills"
    KNOWLEDGE = "knowledge", "Knowledge"
    ABILITY = "ability", "Abilities"
    INTEREST = "interest", "Interests"
    WORK_VALUE = "work_value", "Work values"
    WORK_STYLE = "work_style", "Work styles"
    WORK_ACTIVITY = "work_activity", "Work activities"
    WORK_CONTEXT = "work_context", "Work context"
    EDUCATION = "education", "Education, training and experience"
    OTHER = "other", "Other"


class Element(models.Model):
    """A descriptor of the O*NET Content Model, e.g. 2.A.1.a Reading Comprehension."""

    id = models.CharField(max_length=20, primary_key=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    domain = models.CharField(max_length=16, choices=Domain.choices, default=Domain.OTHER)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.id} {self.name}"


class Scale(models.Model):
    id = models.CharField(max_length=4, primary_key=True)
    name = models.CharField(max_length=100)
    minimum = models.FloatField()
    maximum = models.FloatField()

    def __str__(self) -> str:
        return self.name


class JobZone(models.Model):
    number = models.PositiveSmallIntegerField(primary_key=True)
    name = models.CharField(max_length=100)
    experience = models.TextField()
    education = models.TextField()
    training = models.TextField()
    examples = models.TextField()
    svp_range = models.CharField(max_length=50)

    def __str__(self) -> str:
        return self.name


class Occupation(models.Model):
    code = models.CharField(max_length=10, primary_key=True)  # O*NET-SOC code, e.g. 15-1252.00
    title = models.CharField(max_length=200)
    description = models.TextField()
    job_zone = models.ForeignKey(JobZone, on_delete=models.SET_NULL, null=True, blank=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return f"{self.title} ({self.code})"


class TitleKind(models.TextChoices):
    ALTERNATE = "alternate", "Alternate title"
    SHORT = "short", "Short title"
    REPORTED = "reported", "Reported title"


class OccupationTitle(models.Model):
    """Another name people use for an occupation: what search matches besides the title."""

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="titles")
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=10, choices=TitleKind.choices)

    def __str__(self) -> str:
        return self.title


class Rating(models.Model):
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="ratings")
    element = models.ForeignKey(Element, on_delete=models.CASCADE, related_name="+")
    scale = models.ForeignKey(Scale, on_delete=models.CASCADE, related_name="+")
    category = models.PositiveSmallIntegerField(null=True, blank=True)  # education scales only
    value = models.FloatField()
    n = models.PositiveIntegerField(null=True, blank=True)
    standard_error = models.FloatField(null=True, blank=True)
    recommend_suppress = models.BooleanField(default=False)
    not_relevant = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=["occupation", "scale"]),
            models.Index(fields=["element", "scale"]),
        ]

    def __str__(self) -> str:
        return f"{self.occupation_id} {self.element_id} {self.scale_id}={self.value}"


class EducationCategory(models.Model):
    element = models.ForeignKey(Element, on_delete=models.CASCADE, related_name="+")
    scale = models.ForeignKey(Scale, on_delete=models.CASCADE, related_name="+")
    category = models.PositiveSmallIntegerField()
    description = models.TextField()

    def __str__(self) -> str:
        return self.description


class Task(models.Model):
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="tasks")
    task_id = models.PositiveIntegerField()
    text = models.TextField()
    task_type = models.CharField(max_length=20, blank=True)  # Core / Supplemental
    incumbents_responding = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["occupation_id", "task_type", "task_id"]

    def __str__(self) -> str:
        return self.text


class TechnologySkill(models.Model):
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="technology")
    example = models.CharField(max_length=300)
    commodity_code = models.CharField(max_length=20)
    commodity_title = models.CharField(max_length=300)
    hot = models.BooleanField(default=False)
    in_demand = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.example
