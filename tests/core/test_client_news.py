from __future__ import annotations

import datetime as dt

from headway.core.followup import client_news as news
from headway.core.followup.client_news import News, occasion, summary


def test_a_line_in_counts_with_the_energy_of_each_check_in() -> None:
    items = [
        News(news.STEP_DONE),
        News(news.CHECKIN, 5),
        News(news.STEP_DONE),
        News(news.REPLY),
        News(news.CHECKIN, 3),
        News("unknown"),
    ]
    assert summary(items) == "a reply to you, 2 check-ins (energy 5 and 3 of 10) and 2 steps done"
    assert summary([News(news.RESULT)]) == "a result shared"
    assert summary([News("unknown")]) == summary([]) == ""


def test_daily_from_the_coachs_morning_and_as_it_happens_by_the_newest_thing() -> None:
    latest = dt.datetime(2026, 12, 7, 6, 0, tzinfo=dt.UTC)
    early = dt.datetime(2026, 12, 7, 7, 30, tzinfo=dt.UTC)
    assert occasion(news.DAILY, early, "UTC", latest) is None
    assert occasion(news.DAILY, early, "Europe/Berlin", latest) == "day:2026-12-07"  # 08:30 there
    assert occasion(news.AS_IT_HAPPENS, early, "UTC", latest) == "at:2026-12-07T06:00:00+00:00"
    assert occasion("off", early, "UTC", latest) is None
