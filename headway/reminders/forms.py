from __future__ import annotations

from typing import Any

from django import forms

from headway.meetings.session_services import COMMON_ZONES
from headway.reminders.models import CHECKIN_MAX_DAYS, CHECKIN_MIN_DAYS, ReminderPreference


class PreferencesForm(forms.ModelForm[ReminderPreference]):
    time_zone = forms.ChoiceField(
        label="Your time zone",
        help_text="Step reminders and the digest come in your morning.",
    )

    class Meta:
        model = ReminderPreference
        fields = [
            "delivery",
            "digest_weekday",
            "sessions",
            "session_hour_before",
            "steps",
            "step_lead",
            "checkins",
            "checkin_days",
            "offsites",
            "followups",
            "client_news",
            "time_zone",
        ]
        labels = {
            "delivery": "How reminders come",
            "digest_weekday": "Digest day",
            "step_lead": "When to hear about a step",
            "checkin_days": "Days without a check-in before a gentle prompt",
            "followups": "Follow-ups after a journey ends (3, 6 and 12 months on)",
        }
        help_texts = {
            "digest_weekday": "With the weekly digest: the day it comes, in the morning.",
            "checkin_days": f"From {CHECKIN_MIN_DAYS} to {CHECKIN_MAX_DAYS} days.",
            "session_hour_before": "Besides the one a day before.",
        }
        widgets = {
            "delivery": forms.RadioSelect,
            "step_lead": forms.RadioSelect,
            "client_news": forms.RadioSelect,
            "checkin_days": forms.NumberInput(
                attrs={"min": CHECKIN_MIN_DAYS, "max": CHECKIN_MAX_DAYS}
            ),
        }

    def __init__(self, *args: Any, coach: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not coach:  # the clients' news is a coach's setting; others keep the default
            del self.fields["client_news"]
        else:  # a post without it (an older page) keeps the coach's choice
            self.fields["client_news"].required = False
        current = self.instance.time_zone
        zones = list(COMMON_ZONES) if current in COMMON_ZONES else [current, *COMMON_ZONES]
        field = self.fields["time_zone"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(z, z.replace("_", " ")) for z in zones]
