"""`headway analyze`, run as a real process: no Django, no database, no network."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEADWAY = [sys.executable, "-m", "headway.cli", "analyze"]
FIXTURES = Path(__file__).parent.parent / "core" / "fixtures" / "transcripts"


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env["DATABASE_URL"] = "postgres://nobody@127.0.0.1:1/nothing"  # must not be needed
    env["HEADWAY_DATA_DIR"] = str(tmp_path / "data")
    return env


def run(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*HEADWAY, *args], env=env, input=stdin, capture_output=True, text=True,
        encoding="utf-8", timeout=60,
    )  # fmt: skip


def test_jsonl_one_object_per_file_with_every_utterance_in_order(cli_env):
    files = [str(FIXTURES / n) for n in ("teams.vtt", "session.srt", "session.txt", "session.csv")]
    result = run([*files, "--coach", "maya chen", "--format", "jsonl"], cli_env)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["file"] for r in rows] == files
    teams = rows[0]
    assert len(teams["utterances"]) == 8
    assert set(teams["utterances"][0]) == {"speaker", "text", "code", "subtype"}
    for u in teams["utterances"]:
        if u["speaker"] == "Maya Chen":
            assert u["code"] in {"question", "reflection", "input", "other"}
        else:
            assert u["code"] is None and u["subtype"] is None
    assert teams["utterances"][0]["code"] == "question"
    assert (
        teams["utterances"][6]["code"] == "input" and teams["utterances"][6]["subtype"] == "advice"
    )
    assert teams["summary"]["counts"]["question"] >= 2
    assert teams["summary"]["advice"][0]["reframes"]
    assert [len(r["utterances"]) for r in rows[1:]] == [3, 4, 3]


def test_standard_input_and_text_output(cli_env):
    text = "Ana: What would you like to talk about?\nBen: My career.\nAna: You should quit.\n"
    result = run(["-", "--coach", "Ana", "--format", "text"], cli_env, text)
    assert result.returncode == 0, result.stderr
    assert "You asked 1 question, 1 of them open." in result.stdout
    assert "? What ideas do you have about quitting?" in result.stdout


def test_bad_files_are_reported_and_the_rest_still_analysed(cli_env, tmp_path):
    bad = tmp_path / "broken.vtt"
    bad.write_text("not a webvtt file")
    good = FIXTURES / "zoom.vtt"
    result = run(
        [str(bad), str(tmp_path / "missing.srt"), str(good), "--coach", "Maya Chen"], cli_env
    )
    assert result.returncode == 1
    assert f"headway: {bad}: This is not a WebVTT file" in result.stderr
    assert "missing.srt: No such file or directory" in result.stderr
    assert "Traceback" not in result.stderr
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["file"] == str(good)


def test_an_unknown_coach_lists_the_speakers(cli_env):
    result = run([str(FIXTURES / "teams.vtt"), "--coach", "Nobody"], cli_env)
    assert result.returncode == 1
    assert (
        "nobody called 'Nobody' speaks here; the speakers are Maya Chen, Jordan Lee"
        in result.stderr
    )


def test_coach_is_required(cli_env):
    result = run([str(FIXTURES / "teams.vtt")], cli_env)
    assert result.returncode == 2 and "--coach" in result.stderr
