from __future__ import annotations

from typing import Any

from django import forms

from headway.booking.models import SessionType
from headway.meetings.session_services import COMMON_ZONES
from headway.reminders.models import Weekday


def zone_choices(current: str) -> list[tuple[str, str]]:
    zones = list(COMMON_ZONES) if current in COMMON_ZONES else [current, *COMMON_ZONES]
    return [(z, z.replace("_", " ")) for z in zones]


class SettingsForm(forms.Form):
    time_zone = forms.ChoiceField(label="Your hours are in")
    cancel_hours = forms.IntegerField(
        label="Clients may move or cancel up to this many hours before",
        min_value=0,
        max_value=24 * 14,
        help_text="Closer to the session, they are asked to write to you instead.",
    )

    def __init__(self, *args: Any, current_zone: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = zone_choices(current_zone)  # type: ignore[attr-defined]


class WeeklyHoursForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for value, label in Weekday.choices:
            self.fields[f"day_{value}"] = forms.CharField(
                label=label, required=False, max_length=200
            )

    def texts(self) -> list[str]:
        return [self.cleaned_data[f"day_{value}"] for value in Weekday.values]


class DateHoursForm(forms.Form):
    day = forms.DateField(label="Date", widget=forms.DateInput(attrs={"type": "date"}))
    hours = forms.CharField(
        label="Hours that day",
        required=False,
        max_length=200,
        help_text="Empty: a day off. Otherwise the day's hours, which replace the week's.",
    )


class TimeOffForm(forms.Form):
    first_day = forms.DateField(label="From", widget=forms.DateInput(attrs={"type": "date"}))
    last_day = forms.DateField(
        label="To (inclusive)", widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(label="Note, for you", required=False, max_length=100)


class SessionTypeForm(forms.ModelForm[SessionType]):
    class Meta:
        model = SessionType
        fields = [
            "name",
            "minutes",
            "audience",
            "place",
            "buffer_before",
            "buffer_after",
            "notice_hours",
            "horizon_days",
            "per_day",
            "active",
        ]
        widgets = {"audience": forms.RadioSelect}


class BookForm(forms.Form):
    start = forms.DateTimeField()
    tz = forms.CharField(max_length=64)


class AddressForm(forms.Form):
    name = forms.CharField(label="Name, for you", max_length=100, required=False)
    url = forms.CharField(
        label="Secret address (iCal)",
        max_length=2000,
        help_text="In Google Calendar: Settings → your calendar → Secret address in iCal format. "
        "Outlook and Apple Calendar call it a published or shared calendar link.",
    )


class UploadForm(forms.Form):
    name = forms.CharField(label="Name, for you", max_length=100, required=False)
    file = forms.FileField(label="Calendar file (.ics)")


class PackageForm(forms.Form):
    sessions = forms.IntegerField(label="Sessions", min_value=1, max_value=100, initial=6)
    weeks = forms.IntegerField(label="Within (weeks)", min_value=1, max_value=104, initial=12)
    starts_on = forms.DateField(label="From", widget=forms.DateInput(attrs={"type": "date"}))
