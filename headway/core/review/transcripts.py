"""Reading conversation transcripts: WebVTT (with `<v Name>` voice tags or "Name: text"
cues, as video-call tools export them), SRT, plain "Name: text" lines, and CSV with
speaker and text columns. Pure: text in, a Transcript out, or a TranscriptError that says
what is wrong and where, in words a person can act on."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

MAX_BYTES = 10 * 1024 * 1024  # a two-hour call is well under 1 MB of text
MAX_UTTERANCES = 50_000
FORMATS = ("vtt", "srt", "lines", "csv")


class TranscriptError(ValueError):
    """The file cannot be read as a transcript; the message says why."""


@dataclass(frozen=True)
class Utterance:
    speaker: str
    text: str
    start: float | None = None  # seconds from the start, when the file has times
    end: float | None = None


@dataclass(frozen=True)
class Transcript:
    format: str
    utterances: tuple[Utterance, ...]

    @property
    def speakers(self) -> tuple[str, ...]:
        """Speakers in the order they first speak."""
        return tuple(dict.fromkeys(u.speaker for u in self.utterances))

    def find_speaker(self, name: str) -> str | None:
        """The speaker called `name`, ignoring case and extra spaces; None if nobody is."""
        wanted = _norm(name)
        for speaker in self.speakers:
            if _norm(speaker) == wanted:
                return speaker
        return None


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


def decode(data: bytes) -> str:
    """Text of an uploaded file: UTF-8 (with or without BOM) or UTF-16 with a BOM."""
    if len(data) > MAX_BYTES:
        raise TranscriptError(
            f"The file is {len(data) / 1e6:.1f} MB; transcripts up to "
            f"{MAX_BYTES // (1024 * 1024)} MB can be read. Split it into sessions first."
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise TranscriptError("The file says it is UTF-16 text but is not.") from exc
    if b"\x00" in data:
        raise TranscriptError("This looks like a binary file, not a text transcript.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TranscriptError(
            "The file is not UTF-8 text. Export the transcript as UTF-8 (most tools do) "
            "and try again."
        ) from exc


def parse_transcript(
    content: str | bytes, filename: str = "", fmt: str | None = None
) -> Transcript:
    """Read a transcript, choosing the format from `fmt`, else the content and file name."""
    text = decode(content) if isinstance(content, bytes) else content
    if len(text) > MAX_BYTES:
        raise TranscriptError("The transcript is too long to read in one go.")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise TranscriptError("The file is empty.")
    fmt = fmt or detect_format(text, filename)
    if fmt not in FORMATS:
        raise TranscriptError(
            f"Unknown transcript format {fmt!r}: use one of {', '.join(FORMATS)}."
        )
    parser = {"vtt": parse_vtt, "srt": parse_srt, "lines": parse_lines, "csv": parse_csv}[fmt]
    utterances = parser(text)
    if not utterances:
        raise TranscriptError("No spoken lines were found in the file.")
    if len(utterances) > MAX_UTTERANCES:
        raise TranscriptError(
            f"The transcript has {len(utterances):,} lines; up to {MAX_UTTERANCES:,} can be read."
        )
    return Transcript(format=fmt, utterances=tuple(utterances))


_SRT_TIMING = re.compile(r"^\s*\d+\s*\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->", re.M)


def detect_format(text: str, filename: str = "") -> str:
    head = text.lstrip()[:2000]
    suffix = filename.lower().rsplit(".", 1)[-1] if "." in filename else ""
    if head.startswith("WEBVTT"):
        return "vtt"
    if suffix == "vtt":
        raise TranscriptError('This is not a WebVTT file: the first line should be "WEBVTT".')
    if suffix == "srt" or _SRT_TIMING.match(head):
        return "srt"
    first_line = head.split("\n", 1)[0]
    if suffix in {"csv", "tsv"} or _csv_columns(first_line) is not None:
        return "csv"
    return "lines"


# Times: hh:mm:ss.ttt or mm:ss.ttt (WebVTT), hh:mm:ss,ttt (SRT).
_TIME = r"(?:(\d{1,3}):)?(\d{1,2}):(\d{2})[.,](\d{1,3})"
_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}(?:\s+.*)?$")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]*)>(.*?)(?:</v>|(?=<v[\s.])|$)", re.S)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<\d[\d:.]*>")
_NAME = re.compile(
    r"^\s*(?:\[[\d:.,]+\]\s*|\(?\d{1,2}:\d{2}(?::\d{2})?\)?\s+)?([^\s:\[\]<>][^:\[\]<>]{0,58}?)\s*:\s+(.*)$",
    re.S,
)
_BRACKET = re.compile(r"^\s*\[([^\]]{1,60})\]\s*(.*)$", re.S)
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&nbsp;": " ", "&lrm;": "", "&rlm;": ""}


def _seconds(groups: tuple[str | None, ...]) -> float:
    h, m, s, ms = groups
    return (
        int(h or 0) * 3600 + int(m or 0) * 60 + int(s or 0) + int((ms or "0").ljust(3, "0")) / 1000
    )


def _clean(text: str) -> str:
    text = _TAG.sub("", text)
    for entity, char in _ENTITIES.items():
        text = text.replace(entity, char)
    return " ".join(text.split())


def _name_and_text(line: str) -> tuple[str | None, str]:
    """ "Maya Chen: So what..." -> ("Maya Chen", "So what..."); no name -> (None, line)."""
    match = _NAME.match(line)
    if match and len(match.group(1).split()) <= 5 and not match.group(1).strip().isdigit():
        return match.group(1).strip(), match.group(2)
    match = _BRACKET.match(line)
    if match and not re.fullmatch(r"[\d:.,\s]+", match.group(1)):
        return match.group(1).strip(), match.group(2)
    return None, line


def _cue_utterances(
    payload: str, start: float | None, end: float | None, previous: str | None
) -> list[Utterance]:
    """One cue's text: voice tags, "Name: text" lines, or a continuation of the last speaker."""
    out: list[Utterance] = []
    voices = _VOICE.findall(payload)
    if voices:
        for name, body in voices:
            text = _clean(body)
            if text:
                out.append(Utterance(_clean(name) or "Unknown speaker", text, start, end))
        return out
    speaker = previous
    parts: list[str] = []
    for line in payload.split("\n"):
        name, rest = _name_and_text(_clean(line))
        if name is not None:
            if parts and speaker is not None:
                out.append(Utterance(speaker, " ".join(parts), start, end))
            speaker, parts = name, [rest] if rest.strip() else []
        elif line.strip():
            parts.append(_clean(line))
    if parts:
        out.append(Utterance(speaker or "Unknown speaker", _clean(" ".join(parts)), start, end))
    return out


def _timed_blocks(text: str, kind: str) -> list[Utterance]:
    out: list[Utterance] = []
    previous: str | None = None
    line_no = 1
    for block in re.split(r"\n[ \t]*\n", text):
        lines = block.split("\n")
        first_line_no = line_no
        line_no += len(lines) + 1
        lines = [ln for ln in lines if ln.strip()]
        if not lines:
            continue
        if kind == "vtt" and (lines[0].startswith(("WEBVTT", "NOTE", "STYLE", "REGION"))):
            continue
        timing_at = next((k for k, ln in enumerate(lines[:3]) if "-->" in ln), None)
        if timing_at is None:
            if kind == "srt" and out and not lines[0].strip().isdigit():
                continue  # a stray line between cues: not worth refusing the file
            raise TranscriptError(
                f"Line {first_line_no}: expected a cue timing such as "
                f"{'00:00:01.000 --> 00:00:04.000' if kind == 'vtt' else '00:00:01,000 --> 00:00:04,000'}, "
                f"found {lines[0][:60]!r}."
            )
        match = _TIMING.match(lines[timing_at])
        if match is None:
            raise TranscriptError(
                f"Line {first_line_no + timing_at}: the cue timing {lines[timing_at][:60]!r} "
                "is not in the form 00:00:01.000 --> 00:00:04.000."
            )
        start, end = _seconds(match.groups()[:4]), _seconds(match.groups()[4:])
        for utterance in _cue_utterances("\n".join(lines[timing_at + 1 :]), start, end, previous):
            out.append(utterance)
            previous = utterance.speaker
    return out


def parse_vtt(text: str) -> list[Utterance]:
    if not text.lstrip().startswith("WEBVTT"):
        raise TranscriptError('This is not a WebVTT file: the first line should be "WEBVTT".')
    return _require_speakers(_timed_blocks(text, "vtt"))


def parse_srt(text: str) -> list[Utterance]:
    return _require_speakers(_timed_blocks(text.strip("\n"), "srt"))


def parse_lines(text: str) -> list[Utterance]:
    """One "Name: text" per line; a line without a name continues the line before it."""
    out: list[Utterance] = []
    for line_no, raw in enumerate(text.split("\n"), 1):
        if not raw.strip():
            continue
        name, rest = _name_and_text(raw)
        if name is not None:
            out.append(Utterance(" ".join(name.split()), " ".join(rest.split())))
        elif out:
            last = out[-1]
            out[-1] = Utterance(last.speaker, f"{last.text} {' '.join(raw.split())}".strip())
        else:
            raise TranscriptError(
                f'Line {line_no}: expected "Name: what they said", found {raw.strip()[:60]!r}.'
            )
    return [u for u in out if u.text]


_SPEAKER_COLUMNS = ("speaker", "interlocutor", "name", "role", "participant")
_TEXT_COLUMNS = ("text", "utterance_text", "utterance", "content", "transcript", "message")


def _csv_columns(header_line: str) -> tuple[str, int, int] | None:
    """(delimiter, speaker column, text column) if this line is a CSV header we know."""
    for delimiter in (",", "\t", ";"):
        try:
            names = [
                c.strip().lower() for c in next(csv.reader([header_line], delimiter=delimiter))
            ]
        except (csv.Error, StopIteration):
            continue
        speaker = next((names.index(c) for c in _SPEAKER_COLUMNS if c in names), None)
        said = next((names.index(c) for c in _TEXT_COLUMNS if c in names), None)
        if speaker is not None and said is not None:
            return delimiter, speaker, said
    return None


def parse_csv(text: str) -> list[Utterance]:
    header = text.split("\n", 1)[0]
    columns = _csv_columns(header)
    if columns is None:
        raise TranscriptError(
            'The CSV needs a header row with a "speaker" column and a "text" column, '
            f"found {header[:80]!r}."
        )
    delimiter, speaker_col, text_col = columns
    out: list[Utterance] = []
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        next(reader)
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if max(speaker_col, text_col) >= len(row):
                raise TranscriptError(
                    f"Line {reader.line_num}: expected at least {max(speaker_col, text_col) + 1} "
                    f"columns, found {len(row)}."
                )
            speaker, said = " ".join(row[speaker_col].split()), " ".join(row[text_col].split())
            if not speaker and said:
                raise TranscriptError(f"Line {reader.line_num}: the speaker is empty.")
            if said:
                out.append(Utterance(speaker, said))
    except csv.Error as exc:
        raise TranscriptError(f"Line {reader.line_num}: the CSV is malformed ({exc}).") from exc
    return out


def _require_speakers(utterances: list[Utterance]) -> list[Utterance]:
    if utterances and all(u.speaker == "Unknown speaker" for u in utterances):
        raise TranscriptError(
            "The transcript names no speakers. Export it with speaker names (voice tags like "
            '<v Maya Chen>, or "Name: text" lines) so the coach can be told apart.'
        )
    return utterances
