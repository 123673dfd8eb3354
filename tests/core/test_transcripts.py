"""The transcript readers: each format, speaker names, times, and clear errors for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headway.core.review.transcripts import (
    MAX_BYTES,
    TranscriptError,
    decode,
    detect_format,
    parse_transcript,
)

FIXTURES = Path(__file__).parent / "fixtures" / "transcripts"


def read(name: str):
    path = FIXTURES / name
    return parse_transcript(path.read_bytes(), filename=name)


def test_webvtt_voice_tags_give_speakers_text_and_times():
    t = read("teams.vtt")
    assert t.format == "vtt"
    assert t.speakers == ("Maya Chen", "Jordan Lee")
    assert len(t.utterances) == 8
    first = t.utterances[0]
    assert (first.speaker, first.start, first.end) == ("Maya Chen", 1.0, 4.5)
    assert first.text == "Thanks for coming in today. What would you like to focus on?"
    # A voice tag with a class, and an entity in the text.
    assert (t.utterances[-1].speaker, t.utterances[-1].text) == ("Jordan Lee", "Maybe & maybe not.")


def test_webvtt_name_colon_cues_and_wrapped_lines():
    t = read("zoom.vtt")
    assert [(u.speaker, u.text) for u in t.utterances] == [
        ("Maya Chen", "How have the last two weeks been?"),
        ("Jordan Lee", "Busy. I didn't get to the applications at all."),
        ("Maya Chen", "So the search had to wait."),
    ]


def test_webvtt_two_voices_in_one_cue_are_two_utterances():
    text = "WEBVTT\n\n00:01.000 --> 00:03.000\n<v Ana>Is that right?</v>\n<v Ben>Yes.</v>\n"
    t = parse_transcript(text)
    assert [(u.speaker, u.text, u.start) for u in t.utterances] == [
        ("Ana", "Is that right?", 1.0),
        ("Ben", "Yes.", 1.0),
    ]


def test_webvtt_cue_without_a_name_continues_the_last_speaker():
    text = "WEBVTT\n\n00:01.000 --> 00:03.000\nAna: First part\n\n00:03.000 --> 00:05.000\nsecond part\n"
    t = parse_transcript(text)
    assert [(u.speaker, u.text) for u in t.utterances] == [
        ("Ana", "First part"),
        ("Ana", "second part"),
    ]


def test_srt_with_name_colon_and_brackets():
    t = read("session.srt")
    assert t.format == "srt"
    assert [(u.speaker, u.text) for u in t.utterances] == [
        ("Maya Chen", "What matters most to you in your next role?"),
        ("Jordan Lee", "Working with people, and some security."),
        ("Maya Chen", "People and security."),
    ]
    assert t.utterances[1].start == 3.5


def test_plain_lines_join_continuations_and_drop_timestamps():
    t = read("session.txt")
    assert t.format == "lines"
    assert [(u.speaker, u.text) for u in t.utterances] == [
        ("Maya Chen", "What would you like to get out of today?"),
        (
            "Jordan Lee",
            "I want to decide whether to stay in law. It has been on my mind for a year.",
        ),
        ("Maya Chen", "You should talk to a recruiter."),
        ("Jordan Lee", "Okay."),
    ]


def test_csv_with_speaker_and_text_columns_skips_empty_text():
    t = read("session.csv")
    assert t.format == "csv"
    assert len(t.utterances) == 3
    assert t.utterances[1].text.startswith("I love building lessons, I just")


def test_csv_other_column_names_and_delimiters():
    t = parse_transcript("Interlocutor;Utterance_Text\ntherapist;Hi\nclient;Hello\n")
    assert [(u.speaker, u.text) for u in t.utterances] == [("therapist", "Hi"), ("client", "Hello")]


def test_find_speaker_ignores_case_and_spaces():
    t = read("teams.vtt")
    assert t.find_speaker("  maya   CHEN ") == "Maya Chen"
    assert t.find_speaker("Nobody") is None


def test_format_detection():
    assert detect_format("WEBVTT\n\n") == "vtt"
    assert detect_format("1\n00:00:01,000 --> 00:00:02,000\nA: hi\n") == "srt"
    assert detect_format("speaker,text\nA,hi\n") == "csv"
    assert detect_format("A: hi\n") == "lines"


def test_utf16_with_bom_is_read():
    t = parse_transcript("Ana: Hola, ¿qué tal?\nBen: Bien.\n".encode("utf-16"))
    assert t.utterances[0].text == "Hola, ¿qué tal?"


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        ("", "", "empty"),
        ("   \n\n", "", "empty"),
        ("just some words without a speaker\n", "", 'Line 1: expected "Name: what they said"'),
        ("Hello there\n", "notes.vtt", "first line should be"),
        ("WEBVTT\n\nno timing here\n", "", "expected a cue timing"),
        ("WEBVTT\n\n00:01 --> 00:02\n<v A>hi</v>\n", "", "not in the form"),
        ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello\n", "", "names no speakers"),
        ("1\n00:00:01,000 --> 00:00:02,000\njust text\n", "", "names no speakers"),
        ("name,words\nA,hi\n", "t.csv", 'a "speaker" column and a "text" column'),
        ("speaker,notes,text\nA\n", "", "Line 2: expected at least 3 columns"),
        ("speaker,text\n,hello\n", "", "Line 2: the speaker is empty"),
    ],
)
def test_malformed_files_get_a_clear_message(content, filename, message):
    with pytest.raises(TranscriptError, match=message):
        parse_transcript(content, filename=filename)


def test_binary_and_non_utf8_files_are_refused():
    with pytest.raises(TranscriptError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(TranscriptError, match="not UTF-8"):
        decode("Ana: caf\xe9".encode("latin-1"))


def test_a_huge_file_is_refused_before_reading():
    with pytest.raises(TranscriptError, match="MB"):
        decode(b"A: hi\n" * (MAX_BYTES // 6 + 10))


def test_a_long_transcript_is_read():
    lines = "".join(f"{'Ana' if i % 2 else 'Ben'}: turn number {i}\n" for i in range(20_000))
    assert len(parse_transcript(lines).utterances) == 20_000


# --- fuzzing: any input either reads or raises TranscriptError, never anything else ------

# Pieces of the formats, so the fuzzer reaches deep into each reader.
PIECES = st.sampled_from(
    list("AB: <>v/\n\t,;\"'.-0123456789[]?&")
    + ["-->", "WEBVTT", "\n\n", "00:00:01.000", "00:01,000", "<v ", "</v>", "speaker,text\n"]
)
TEXT = st.lists(PIECES, max_size=80).map("".join)


def _safe(content: str | bytes, filename: str = "") -> None:
    try:
        t = parse_transcript(content, filename=filename)
    except TranscriptError as exc:
        assert str(exc)
    else:
        assert t.utterances and all(u.text for u in t.utterances)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(["", "x.vtt", "x.srt", "x.csv", "x.txt"]))
def test_fuzzed_text_never_crashes(text, filename):
    _safe(text, filename)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_fuzzed_vtt_bodies_never_crash(body):
    _safe("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n" + body)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_fuzzed_bytes_never_crash(data):
    _safe(data)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.text(max_size=20), max_size=4), max_size=6))
def test_fuzzed_csv_rows_never_crash(rows):
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["speaker", "text"])
    writer.writerows(rows)
    _safe(out.getvalue(), "x.csv")
