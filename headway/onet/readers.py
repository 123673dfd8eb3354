"""Reading O*NET's text release: which files, which columns, and where they sit.

The release is a folder of tab-separated files or the official zip of the same files
(usually inside a folder such as `db_30_1_text/`). Files are read as streams of rows so
that a 90,000-row rating file never has to be held in memory as model instances.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TextIO

from headway.onet.models import Domain

MISSING = "n/a"


class OnetImportError(Exception):
    """The release cannot be imported as it is (missing file, unexpected columns, bad row)."""


@dataclass(frozen=True)
class FileSpec:
    name: str
    columns: tuple[str, ...]
    required: bool = True

    def column(self, name: str) -> int:
        return self.columns.index(name)


RATING_COLUMNS = (
    "O*NET-SOC Code",
    "Element ID",
    "Element Name",
    "Scale ID",
    "Data Value",
    "N",
    "Standard Error",
    "Lower CI Bound",
    "Upper CI Bound",
    "Recommend Suppress",
    "Not Relevant",
    "Date",
    "Domain Source",
)
# Interests, work values and work styles carry a value per element and nothing else.
SIMPLE_RATING_COLUMNS = (
    "O*NET-SOC Code",
    "Element ID",
    "Element Name",
    "Scale ID",
    "Data Value",
    "Date",
    "Domain Source",
)
CATEGORY_RATING_COLUMNS = (*RATING_COLUMNS[:4], "Category", *RATING_COLUMNS[4:])

SCALES = FileSpec("Scales Reference.txt", ("Scale ID", "Scale Name", "Minimum", "Maximum"))
CONTENT_MODEL = FileSpec(
    "Content Model Reference.txt", ("Element ID", "Element Name", "Description")
)
JOB_ZONE_REFERENCE = FileSpec(
    "Job Zone Reference.txt",
    ("Job Zone", "Name", "Experience", "Education", "Job Training", "Examples", "SVP Range"),
)
JOB_ZONES = FileSpec("Job Zones.txt", ("O*NET-SOC Code", "Job Zone", "Date", "Domain Source"))
OCCUPATIONS = FileSpec("Occupation Data.txt", ("O*NET-SOC Code", "Title", "Description"))
ALTERNATE_TITLES = FileSpec(
    "Alternate Titles.txt", ("O*NET-SOC Code", "Alternate Title", "Short Title", "Source(s)")
)
REPORTED_TITLES = FileSpec(
    "Sample of Reported Titles.txt",
    ("O*NET-SOC Code", "Reported Job Title", "Shown in My Next Move"),
)
TASKS = FileSpec(
    "Task Statements.txt",
    (
        "O*NET-SOC Code",
        "Task ID",
        "Task",
        "Task Type",
        "Incumbents Responding",
        "Date",
        "Domain Source",
    ),
)
TECHNOLOGY = FileSpec(
    "Technology Skills.txt",
    (
        "O*NET-SOC Code",
        "Example",
        "Commodity Code",
        "Commodity Title",
        "Hot Technology",
        "In Demand",
    ),
)
EDUCATION_CATEGORIES = FileSpec(
    "Education, Training, and Experience Categories.txt",
    ("Element ID", "Element Name", "Scale ID", "Category", "Category Description"),
)
INTERESTS = FileSpec("Interests.txt", SIMPLE_RATING_COLUMNS)
SKILLS = FileSpec("Skills.txt", RATING_COLUMNS)
KNOWLEDGE = FileSpec("Knowledge.txt", RATING_COLUMNS)
ABILITIES = FileSpec("Abilities.txt", RATING_COLUMNS)
WORK_VALUES = FileSpec("Work Values.txt", SIMPLE_RATING_COLUMNS)
WORK_STYLES = FileSpec("Work Styles.txt", SIMPLE_RATING_COLUMNS)
EDUCATION = FileSpec(
    "Education, Training, and Experience.txt",
    tuple(c for c in CATEGORY_RATING_COLUMNS if c != "Not Relevant"),
)
WORK_ACTIVITIES = FileSpec("Work Activities.txt", RATING_COLUMNS, required=False)
WORK_CONTEXT = FileSpec("Work Context.txt", CATEGORY_RATING_COLUMNS, required=False)

RATING_FILES = (
    INTERESTS,
    SKILLS,
    KNOWLEDGE,
    ABILITIES,
    WORK_VALUES,
    WORK_STYLES,
    EDUCATION,
    WORK_ACTIVITIES,
    WORK_CONTEXT,
)
ALL_FILES = (
    SCALES,
    CONTENT_MODEL,
    JOB_ZONE_REFERENCE,
    JOB_ZONES,
    OCCUPATIONS,
    ALTERNATE_TITLES,
    REPORTED_TITLES,
    TASKS,
    TECHNOLOGY,
    EDUCATION_CATEGORIES,
    *RATING_FILES,
)

# Longest prefix first. 1.C held work styles before O*NET 30; from 30.0 they are 1.D.
# Basic (2.A) and cross-functional (2.B) skills are one domain: O*NET rates them alike.
_DOMAIN_PREFIXES = (
    ("1.B.1", Domain.INTEREST),
    ("1.B.2", Domain.WORK_VALUE),
    ("1.A", Domain.ABILITY),
    ("1.C", Domain.WORK_STYLE),
    ("1.D", Domain.WORK_STYLE),
    ("2.A", Domain.SKILL),
    ("2.B", Domain.SKILL),
    ("2.C", Domain.KNOWLEDGE),
    ("2.D", Domain.EDUCATION),
    ("3.A", Domain.EDUCATION),
    ("4.A", Domain.WORK_ACTIVITY),
    ("4.C", Domain.WORK_CONTEXT),
)


def element_domain(element_id: str) -> Domain:
    """The Content Model domain an element belongs to, from its outline position."""
    for prefix, domain in _DOMAIN_PREFIXES:
        if element_id == prefix or element_id.startswith(prefix + "."):
            return domain
    return Domain.OTHER


_VERSION_IN_NAME = re.compile(r"db_(\d+)_(\d+)")
_VERSION_IN_TEXT = re.compile(r"O\*NET(?:®)? (\d+\.\d+) Database")
# Text files beside the data that may name the release (ours, and O*NET's own read-me).
_NOTES = ("SOURCE.md", "Read Me.txt", "README.txt", "README.md")


class ReleaseFiles:
    """The files of one release, in a folder or a zip, found by their base name."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip: zipfile.ZipFile | None = None
        self._members: dict[str, str] = {}  # base name -> path in the folder or the zip
        if path.is_dir():
            self._index_folder(path)
        elif zipfile.is_zipfile(path):
            self._zip = zipfile.ZipFile(path)
            self._index_zip(self._zip)
        elif path.exists():
            raise OnetImportError(f"{path} is neither a folder nor a zip file")
        else:
            raise OnetImportError(f"{path} does not exist")

    def _index_folder(self, folder: Path) -> None:
        # The files themselves, or one folder down (an unzipped release keeps its folder).
        subfolders = sorted(p for p in folder.iterdir() if p.is_dir())
        found = [f for f in [folder, *subfolders] if (f / OCCUPATIONS.name).is_file()]
        chosen = found[0] if found else folder
        self._members = {p.name: str(p) for p in chosen.iterdir() if p.is_file()}

    def _index_zip(self, archive: zipfile.ZipFile) -> None:
        for info in archive.infolist():
            member = PurePosixPath(info.filename)
            if info.is_dir() or "__MACOSX" in member.parts:
                continue
            known = self._members.get(member.name)
            # The shallowest copy wins, should a zip hold a file twice.
            if known is None or len(member.parts) < len(PurePosixPath(known).parts):
                self._members[member.name] = info.filename

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def __enter__(self) -> ReleaseFiles:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def has(self, spec: FileSpec) -> bool:
        return spec.name in self._members

    def check(self) -> None:
        """Fail before touching the database: every required file, every header as expected."""
        missing = [spec.name for spec in ALL_FILES if spec.required and not self.has(spec)]
        if missing:
            raise OnetImportError(
                f"{self.path} is not an O*NET text release: missing {', '.join(missing)}"
            )
        for spec in ALL_FILES:
            if self.has(spec):
                with self._open(spec.name) as stream:
                    self._check_header(spec, stream)

    def _open(self, name: str) -> TextIO:
        member = self._members[name]
        if self._zip is not None:
            return io.TextIOWrapper(self._zip.open(member), encoding="utf-8", newline="")
        return open(member, encoding="utf-8", newline="")  # noqa: SIM115  (closed by the caller)

    @staticmethod
    def _check_header(spec: FileSpec, stream: TextIO) -> None:
        found = [c.strip() for c in stream.readline().lstrip("\ufeff").split("\t")]
        if found != list(spec.columns):
            raise OnetImportError(
                f"{spec.name} has unexpected columns.\n"
                f"  expected: {' | '.join(spec.columns)}\n"
                f"  found:    {' | '.join(found)}"
            )

    def rows(self, spec: FileSpec) -> Iterator[list[str]]:
        """The data rows of one file, split into fields (the header is checked, not yielded)."""
        width = len(spec.columns)
        with self._open(spec.name) as stream:
            self._check_header(spec, stream)
            try:
                for number, line in enumerate(stream, start=2):
                    fields = line.rstrip("\r\n").split("\t")
                    if len(fields) != width:
                        if fields == [""]:
                            continue  # a blank line, e.g. at the end of a hand-edited file
                        raise OnetImportError(
                            f"{spec.name}, line {number}: expected {width} columns, "
                            f"found {len(fields)}"
                        )
                    yield fields
            except UnicodeDecodeError as exc:
                raise OnetImportError(f"{spec.name} is not UTF-8 text: {exc}") from exc

    def version(self) -> str:
        """The release number ("30.1"), from a name like db_30_1_text or from a read-me."""
        names = [self.path.name, *self._members.values()]
        for name in names:
            if match := _VERSION_IN_NAME.search(name):
                return f"{match[1]}.{match[2]}"
        for note in _NOTES:
            if note in self._members:
                with self._open(note) as stream:
                    if match := _VERSION_IN_TEXT.search(stream.read(20_000)):
                        return match[1]
        return "unknown"
