"""A real calendar client reads our output: khal, from Debian's packages (`make browser`
installs it). khal runs with its own config and data in a temporary directory, so the
person's real calendars are never touched."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from headway.feeds.services import calendar_feed_create
from tests.feeds.test_calendar import LONG, TRICKY, make_plan
from tests.helpers import World

KHAL = shutil.which("khal")

pytestmark = pytest.mark.skipif(
    KHAL is None,
    reason="khal is not installed: `make browser` installs it (apt-get install khal)",
)

CONFIG = """\
[calendars]
[[plan]]
path = {vdir}
type = calendar

[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = UTC
default_timezone = UTC

[default]
default_calendar = plan

[sqlite]
path = {db}
"""


class Khal:
    def __init__(self, home: Path) -> None:
        self.vdir = home / "plan"
        self.vdir.mkdir()
        self.config = home / "khal.conf"
        self.config.write_text(CONFIG.format(vdir=self.vdir, db=home / "khal.db"))
        self.env = {
            **os.environ,
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "HOME": str(home),
            "TZ": "UTC",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
        }

    def __call__(self, *args: str) -> str:
        assert KHAL is not None
        done = subprocess.run(
            [KHAL, "--no-color", "-c", str(self.config), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        # khal reports files it could not read on stderr but still exits 0.
        assert "error" not in done.stderr.lower(), done.stderr
        assert "warning" not in done.stderr.lower(), done.stderr
        return done.stdout


@pytest.fixture
def khal(tmp_path: Path) -> Khal:
    return Khal(tmp_path)


def test_khal_lists_the_steps_on_their_days(world: World, khal: Khal, tmp_path: Path) -> None:
    plan = make_plan(world)
    body = world.login(world.client).get(reverse("plan_ics", args=[world.engagement.pk])).content
    ics = tmp_path / "plan.ics"
    ics.write_bytes(body)

    printed = khal("printics", "--format", "{start-date} {title}", str(ics))
    assert "4 events found" in printed

    khal("import", "--batch", "-a", "plan", str(ics))
    assert len(list(khal.vdir.glob("*.ics"))) == 4  # one file per UID
    listed = khal(
        "list", "--format", "{start-date}|{title}", "--day-format", "", "2026-03-01", "2026-07-31"
    )
    # Our titles may hold newlines, so read the listing as text rather than line by line.
    assert f"2026-03-10|Step: {TRICKY}" in listed
    assert "2026-03-02|✓ Step: Update my CV" in listed
    assert f"2026-04-01|Step: {LONG}" in listed
    assert "2026-06-30|Goal due: Move into UX research, within a year" in listed
    assert "running" not in listed and "Otto" not in listed
    # All-day events stay on their one day: nothing on the day after each.
    day_after = khal("list", "--format", "{title}", "--day-format", "", "2026-03-11", "2026-03-11")
    assert day_after.strip() == ""
    assert plan.undated.title not in listed


def test_khal_reads_the_subscription_feed(world: World, khal: Khal, tmp_path: Path) -> None:
    """What a subscribed client gets: fetch the feed as vdirsyncer would, then read it."""
    make_plan(world)
    _, raw = calendar_feed_create(user=world.client)
    ics = tmp_path / "feed.ics"
    ics.write_bytes(Client().get(reverse("calendar_feed_ics", args=[raw])).content)
    khal("import", "--batch", "-a", "plan", str(ics))
    listed = khal("list", "--format", "{start-date}|{title}", "--day-format", "", "2026-03-02")
    assert "2026-03-02|✓ Step: Update my CV" in listed
    # Fetched and imported again: the stable UIDs update the events instead of doubling them.
    khal("import", "--batch", "-a", "plan", str(ics))
    assert len(list(khal.vdir.glob("*.ics"))) == 4
