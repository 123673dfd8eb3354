"""Benchmark of free slots and the booking page (not part of the test suite).

    .venv/bin/python bench/slots.py [--repeat 50]

A coach with weekly hours (every day 06:00-12:00, 13:00-21:00) and three
busy calendars of 2,000 events each (bench/busy_calendars.py's generator: half repeating),
uploaded so the worker-side expansion runs once. Then, as of 2 March 2026:

1. the upload (parse + expansion into busy intervals for the booking window), per calendar;
2. free slots for 60 days (`booking.services.free_slots`, database reads included), warm;
3. the client's booking page (`/e/<pk>/book/`) through Django's test client: server time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "headway.settings")
os.environ.setdefault("HEADWAY_DATA_DIR", tempfile.mkdtemp(prefix="hw-slots-bench-"))
os.environ.setdefault("ALLOWED_HOSTS", "testserver")


def _ms(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[int(len(values) * 0.95) - 1] if len(values) >= 20 else values[-1]
    return f"median {statistics.median(values) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from unittest import mock

    from django.test import Client
    from django.utils import timezone

    from bench.busy_calendars import START, generate
    from headway.booking.calendars import busy_calendar_upload
    from headway.booking.models import Audience, SessionType
    from headway.booking.services import booking_settings_update, free_slots, weekly_hours_set
    from headway.practices.services import coach_signup
    from tests.helpers import invite_and_accept

    coach = coach_signup(
        email="bench-coach@example.com", name="Bench Coach", password="x-x-x-x-x-x",
        practice_name="Bench", verified=True,
    )  # fmt: skip
    client, engagement = invite_and_accept(coach, "bench-client@example.com", "Bench Client")
    booking_settings_update(coach=coach, time_zone="Europe/London", cancel_hours=24)
    # Wide hours: the generated calendars fill most working days, as a busy coach's do.
    weekly_hours_set(coach=coach, by_weekday=["06:00-12:00, 13:00-21:00"] * 7)
    coaching = SessionType.objects.get(coach=coach, audience=Audience.CLIENTS)
    now = START
    uploads = []
    for seed in (1, 2, 3):
        data = generate(seed)
        started = time.perf_counter()
        calendar = busy_calendar_upload(coach=coach, name=f"cal {seed}", data=data, now=now)
        uploads.append(time.perf_counter() - started)
        print(f"calendar {seed}: {len(data) / 1e6:.2f} MB, {calendar.events} events, "
              f"{len(calendar.busy)} busy intervals in the window")  # fmt: skip
    print(f"upload (parse + expand {coaching.horizon_days + 8} days): "
          f"{', '.join(f'{u:.2f} s' for u in uploads)}")  # fmt: skip

    runs = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        slots = free_slots(coaching, now=now)
        runs.append(time.perf_counter() - started)
    print(f"free slots, 60 days ({len(slots)} slots): {_ms(runs)}")

    browser = Client()
    browser.force_login(client)
    url = f"/e/{engagement.pk}/book/?tz=Europe/London"
    with mock.patch.object(timezone, "now", return_value=now):
        browser.get(url)  # warm
        pages = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            response = browser.get(url)
            pages.append(time.perf_counter() - started)
    assert response.status_code == 200, response.status_code
    print(f"booking page, one week shown: {_ms(pages)}")


if __name__ == "__main__":
    main()
