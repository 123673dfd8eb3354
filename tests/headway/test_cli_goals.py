"""`headway goals check`, run as a real process: no Django, no database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEADWAY = [sys.executable, "-m", "headway.cli"]


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    # A database that cannot be reached: the command must not need one.
    env["DATABASE_URL"] = "postgres://nobody@127.0.0.1:1/nothing"
    env["HEADWAY_DATA_DIR"] = str(tmp_path / "data")
    return env


def run(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*HEADWAY, "goals", "check", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def test_one_goal_as_json(cli_env):
    result = run(
        [
            "Talk to 3 UX researchers by the end of March",
            "--format",
            "json",
            "--today",
            "2026-01-15",
        ],
        cli_env,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["text"] == "Talk to 3 UX researchers by the end of March"
    assert (data["specific"], data["measurable"], data["time_bound"]) == (True, True, True)
    assert data["deadline"] == "2026-03-31"
    assert {"part": "deadline", "text": "by the end of March"} in data["findings"]
    assert data["questions"] == []


def test_jsonl_from_standard_input_one_object_per_goal_in_order(cli_env):
    goals = [
        "Get better at networking",
        "",
        "  Save £5,000 for a runway by December  ",
        "Learn Python",
        "   ",
        "Apply to two jobs every week until I have an offer",
    ]
    result = run(["--format", "jsonl", "--today", "2026-01-15", "-"], cli_env, "\n".join(goals))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    rows = [json.loads(line) for line in lines]
    assert [r["text"] for r in rows] == [
        "Get better at networking",
        "Save £5,000 for a runway by December",
        "Learn Python",
        "Apply to two jobs every week until I have an offer",
    ]
    assert [(r["specific"], r["measurable"], r["time_bound"]) for r in rows] == [
        (False, False, False),
        (True, True, True),
        (True, False, False),
        (True, True, True),
    ]
    assert rows[1]["deadline"] == "2026-12-31" and rows[3]["deadline"] is None
    assert len(rows[0]["questions"]) == 3 and len(rows[2]["questions"]) == 2
    for row in rows:
        assert set(row) == {
            "text",
            "specific",
            "measurable",
            "time_bound",
            "deadline",
            "findings",
            "questions",
        }


def test_text_is_a_readable_summary_by_default(cli_env):
    result = run(["Get a job as a data analyst by September", "--today", "2026-01-15"], cli_env)
    assert result.returncode == 0, result.stderr
    assert "“Get a job as a data analyst by September”" in result.stdout
    assert "Specific:" in result.stdout and "Time-bound:" in result.stdout
    assert "2026-09-30" in result.stdout
    missing = run(["Get better at networking"], cli_env)
    assert missing.stdout.count("?") >= 3


def test_deadlines_follow_today(cli_env):
    late = run(
        ["Finish my portfolio by March", "--format", "json", "--today", "2026-06-01"], cli_env
    )
    assert json.loads(late.stdout)["deadline"] == "2027-03-31"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give a goal"),
        (["Learn Python", "--today", "15/01/2026"], "--today"),
        (["Learn Python", "--format", "xml"], "--format"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(cli_env, args, message):
    result = run(args, cli_env)
    assert result.returncode == 2
    assert result.stderr.startswith("headway:") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_goals_without_a_subcommand_shows_help(cli_env):
    result = subprocess.run(
        [*HEADWAY, "goals"], env=cli_env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "check" in result.stdout


def test_does_not_load_django(cli_env):
    code = (
        "import sys; from headway.cli import main; "
        "code = main(['goals', 'check', 'Learn Python', '--format', 'json']); "
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules), 'django'; "
        "sys.exit(code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=cli_env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["specific"] is True
