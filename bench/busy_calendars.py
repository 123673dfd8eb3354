"""Benchmark of busy times read from coaches' calendars (not part of the test suite).

    .venv/bin/python bench/busy_calendars.py [--repeat 200]

Generates 3 calendars of 2,000 events each, like a busy coach's Google export: half one-off
events over two years (zoned, UTC, some all-day, some free or cancelled), half repeating
(weekly and daily, some ending, with EXDATEs and moved instances). Then times, for the 60
days from a fixed date:

1. parsing each file (`parse_calendar`): icalendar, the repeat rules, filing one-off events;
2. the first question about the 60 days (`busy_in` cold: the repeats expanded);
3. the same question again, warm (what a booking page pays on each request);
4. `busy_intervals` on the bytes (parse + cold question), the one-shot form.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from headway.core.scheduling.busy_ics import busy_in, busy_intervals, parse_calendar  # noqa: E402

LONDON = ZoneInfo("Europe/London")
START = dt.datetime(2026, 3, 2, tzinfo=dt.UTC)
DAYS = 60


def _stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def generate(seed: int, n: int = 2000) -> bytes:
    """One calendar of n events, half of them repeating."""
    rng = random.Random(seed)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Headway//bench//EN",
        "X-WR-TIMEZONE:Europe/London",
    ]
    base = START - dt.timedelta(days=365)
    for i in range(n):
        uid = f"bench-{seed}-{i}@example.com"
        day = base + dt.timedelta(days=rng.randrange(730))
        local = dt.datetime(day.year, day.month, day.day, rng.randrange(7, 19), tzinfo=LONDON)
        local += dt.timedelta(minutes=rng.choice([0, 15, 30, 45]))
        length = dt.timedelta(minutes=rng.choice([15, 30, 45, 60, 90]))
        ev = ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20260101T000000Z", f"SUMMARY:Event {i}"]
        repeating = i % 2 == 1
        if repeating:
            # Series begin on a weekday of 2025 and run into the benchmark's window.
            local = dt.datetime(2025, 1, 6, local.hour, local.minute, tzinfo=LONDON)
            local += dt.timedelta(weeks=rng.randrange(40), days=rng.randrange(5))
            ev.append(f"DTSTART;TZID=Europe/London:{_stamp(local)}")
            ev.append(f"DTEND;TZID=Europe/London:{_stamp(local + length)}")
            if rng.random() < 0.3:
                rule = "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR"
            else:
                rule = "FREQ=WEEKLY"
                if rng.random() < 0.3:
                    rule += ";INTERVAL=2"
            if rng.random() < 0.3:
                until = START + dt.timedelta(days=rng.randrange(-200, 400))
                rule += f";UNTIL={until.strftime('%Y%m%dT000000Z')}"
            ev.append(f"RRULE:{rule}")
            if rng.random() < 0.3:
                for _ in range(rng.randrange(1, 4)):
                    skip = local + dt.timedelta(weeks=rng.randrange(52, 70))
                    ev.append(f"EXDATE;TZID=Europe/London:{_stamp(skip)}")
        elif rng.random() < 0.05:
            ev.append(f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}")
            ev.append(
                f"DTEND;VALUE=DATE:{(day + dt.timedelta(days=rng.randrange(1, 4))).strftime('%Y%m%d')}"
            )
        elif rng.random() < 0.5:
            utc = local.astimezone(dt.UTC)
            ev.append(f"DTSTART:{_stamp(utc)}Z")
            ev.append(f"DTEND:{_stamp(utc + length)}Z")
        else:
            ev.append(f"DTSTART;TZID=Europe/London:{_stamp(local)}")
            ev.append(f"DTEND;TZID=Europe/London:{_stamp(local + length)}")
        if rng.random() < 0.05:
            ev.append("TRANSP:TRANSPARENT")
        elif rng.random() < 0.03:
            ev.append("STATUS:CANCELLED")
        ev.append("END:VEVENT")
        lines.extend(ev)
        if repeating and rng.random() < 0.1:
            # One instance moved by an hour, inside the benchmark's window.
            original = local + dt.timedelta(weeks=rng.randrange(60, 68))
            lines.extend(
                [
                    "BEGIN:VEVENT",
                    f"UID:{uid}",
                    "DTSTAMP:20260101T000000Z",
                    f"RECURRENCE-ID;TZID=Europe/London:{_stamp(original)}",
                    f"DTSTART;TZID=Europe/London:{_stamp(original + dt.timedelta(hours=1))}",
                    f"DTEND;TZID=Europe/London:{_stamp(original + dt.timedelta(hours=1) + length)}",
                    "END:VEVENT",
                ]
            )
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    end = START + dt.timedelta(days=DAYS)
    files = [generate(seed) for seed in (1, 2, 3)]
    print(f"3 calendars, {sum(len(f) for f in files) / 1e6:.2f} MB in all, {DAYS} days")

    parse_times = []
    for _ in range(5):
        t = time.process_time()
        calendars = [parse_calendar(f) for f in files]
        parse_times.append(time.process_time() - t)
    print(f"parse 3 calendars: median {_ms(statistics.median(parse_times))} (5 runs)")

    cold = []
    for _ in range(5):
        fresh = [parse_calendar(f) for f in files]
        t = time.process_time()
        results = [busy_in(c, start=START, end=end, zone="Europe/London") for c in fresh]
        cold.append(time.process_time() - t)
    print(f"first question, 3 calendars (cold): median {_ms(statistics.median(cold))} (5 runs)")
    print(f"  busy intervals: {[len(r) for r in results]}")

    for c in calendars:
        busy_in(c, start=START, end=end, zone="Europe/London")
    warm = []
    for _ in range(args.repeat):
        t = time.process_time()
        for c in calendars:
            busy_in(c, start=START, end=end, zone="Europe/London")
        warm.append(time.process_time() - t)
    warm.sort()
    print(
        f"warm, 3 calendars: median {_ms(statistics.median(warm))}, "
        f"p95 {_ms(warm[int(len(warm) * 0.95)])} ({args.repeat} runs)"
    )

    # A range that does not line up with the blocks, one day later each time (warm after the
    # first: a booking page whose window moves on each day).
    shifted = []
    for day in range(1, 11):
        s = START + dt.timedelta(days=day, hours=7)
        t = time.process_time()
        for c in calendars:
            busy_in(c, start=s, end=s + dt.timedelta(days=DAYS), zone="Europe/London")
        shifted.append(time.process_time() - t)
    print(f"window moved on by a day, 10 times: median {_ms(statistics.median(shifted))}")

    one_shot = []
    for _ in range(3):
        t = time.process_time()
        for f in files:
            busy_intervals(f, start=START, end=end, zone="Europe/London")
        one_shot.append(time.process_time() - t)
    print(f"busy_intervals on the bytes, 3 calendars: median {_ms(statistics.median(one_shot))}")


if __name__ == "__main__":
    main()
