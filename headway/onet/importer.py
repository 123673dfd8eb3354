"""Import O*NET's text release: `onet_import(source=...)` replaces every O*NET row at once.

The whole replacement runs in one transaction, so the app sees either the previous release
or the new one, never a mix, and a failed import leaves the previous release in place.
Rows go in with COPY (PostgreSQL) or `executemany` (SQLite) rather than `bulk_create`:
the rating files hold some 300,000 rows, and skipping model instances keeps the import
to seconds.

Nothing outside this app may point at these rows with a foreign key: every import deletes
them. Other data refers to an occupation by its O*NET-SOC code.
"""

from __future__ import annotations

import itertools
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlparse

from django.db import DataError, connection, models, transaction

from headway.onet.models import (
    EducationCategory,
    Element,
    JobZone,
    Occupation,
    OccupationTitle,
    Rating,
    Release,
    Scale,
    Task,
    TechnologySkill,
    TitleKind,
)
from headway.onet.readers import (
    ALL_FILES,
    ALTERNATE_TITLES,
    CONTENT_MODEL,
    EDUCATION_CATEGORIES,
    JOB_ZONE_REFERENCE,
    JOB_ZONES,
    MISSING,
    OCCUPATIONS,
    RATING_FILES,
    REPORTED_TITLES,
    SCALES,
    TASKS,
    TECHNOLOGY,
    FileSpec,
    OnetImportError,
    ReleaseFiles,
    element_domain,
)

__all__ = ["CURRENT_RELEASE_URL", "OnetImportError", "onet_counts", "onet_import"]

CURRENT_RELEASE_URL = "https://www.onetcenter.org/dl_files/database/db_30_1_text.zip"
BATCH_SIZE = 5000  # rows per executemany; larger batches gain nothing measurable

Progress = Callable[[str, int, int], None]


def _silent(label: str, done: int, total: int) -> None:
    pass


def onet_import(*, source: str | Path, progress: Progress | None = None) -> Release:
    """Replace the O*NET data with the release at `source` and make it the current release.

    `source` is a folder of the text release, its zip, or an http(s) URL of the zip.
    `progress(label, done, total)` is called as the work advances: bytes while downloading,
    then steps (one per file). Raises OnetImportError when the release cannot be read; the
    database is then unchanged.
    """
    report = progress or _silent
    # Not @transaction.atomic as a whole: the download and the header checks need no
    # transaction, and a slow network should not hold the database's write lock.
    with _local_copy(source, report) as path, ReleaseFiles(path) as files:
        files.check()  # a wrong folder or a changed format fails before any row is touched
        started = time.monotonic()
        with transaction.atomic():
            counts = _replace_all(files, report)
            Release.objects.filter(is_current=True).update(is_current=False)
            release = Release.objects.create(
                version=files.version(),
                source=_describe(source),
                counts=counts,
                is_current=True,
            )
        # Measured after the commit, which is where the deferred foreign keys are checked.
        release.seconds = round(time.monotonic() - started, 2)
        release.save(update_fields=["seconds"])
    return release


def onet_counts() -> dict[str, int]:
    """Rows of the O*NET tables, for `headway onet status` and import summaries."""
    return {
        "occupations": Occupation.objects.count(),
        "titles": OccupationTitle.objects.count(),
        "ratings": Rating.objects.count(),
        "tasks": Task.objects.count(),
        "technology": TechnologySkill.objects.count(),
        "elements": Element.objects.count(),
    }


# --- Where the release comes from -------------------------------------------------------------


def _is_url(source: str | Path) -> bool:
    return isinstance(source, str) and source.lower().startswith(("http://", "https://"))


def _describe(source: str | Path) -> str:
    text = source if _is_url(source) else str(Path(source).expanduser().resolve())
    return str(text)[:500]


@contextmanager
def _local_copy(source: str | Path, report: Progress) -> Iterator[Path]:
    if not _is_url(source):
        yield Path(source).expanduser()
        return
    url = str(source)
    # Keep the zip's own name: the release number is read from it (db_30_1_text.zip).
    name = PurePosixPath(urlparse(url).path).name or "onet.zip"
    with tempfile.TemporaryDirectory(prefix="headway-onet-") as folder:
        target = Path(folder) / name
        _download(url, target, report)
        yield target


def _download(url: str, target: Path, report: Progress) -> None:
    label = f"Downloading {target.name}"
    try:
        # The scheme is checked by _is_url: only http(s), never file: or ftp:.
        with urllib.request.urlopen(url, timeout=60) as response, target.open("wb") as out:  # noqa: S310
            total = int(response.headers.get("Content-Length") or 0)
            done = 0
            report(label, done, total)
            while chunk := response.read(1 << 20):
                out.write(chunk)
                done += len(chunk)
                report(label, done, total)
    except urllib.error.HTTPError as exc:
        raise OnetImportError(f"could not download {url}: HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise OnetImportError(f"could not download {url}: {exc.reason}") from exc
    except (OSError, ValueError) as exc:
        raise OnetImportError(f"could not download {url}: {exc}") from exc


# --- Writing rows -----------------------------------------------------------------------------


def _insert(model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    meta = model._meta
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    column_of = {field.name: field.column for field in meta.concrete_fields if field.column}
    columns = ", ".join(quote(column_of[name]) for name in fields)
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY is several times faster than batched INSERTs on PostgreSQL (psycopg 3). It
            # runs on the driver's own cursor, so Django's error classes are applied by hand.
            copy_sql = f"COPY {table} ({columns}) FROM STDIN"
            with connection.wrap_database_errors, cursor.cursor.copy(copy_sql) as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
            return count
        placeholders = ", ".join(["%s"] * len(fields))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608  (names from the model, values bound)
        for batch in itertools.batched(rows, BATCH_SIZE):
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


def _float(value: str) -> float | None:
    return None if value == MISSING else float(value)


def _int(value: str) -> int | None:
    return None if value == MISSING else int(float(value))


@dataclass
class _State:
    """What one import has seen so far: the keys later files are checked against."""

    files: ReleaseFiles
    counts: dict[str, int] = field(default_factory=dict)
    occupations: set[str] = field(default_factory=set)
    elements: set[str] = field(default_factory=set)
    scales: set[str] = field(default_factory=set)
    job_zones: set[int] = field(default_factory=set)
    # Referenced by ratings but absent from the reference files: id -> name (or value range).
    new_elements: dict[str, str] = field(default_factory=dict)
    new_scales: dict[str, list[float]] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)

    def rows(self, spec: FileSpec) -> Iterator[list[str]]:
        """Rows of one file, counted; rows of occupations not in Occupation Data are skipped."""
        count = skipped = 0
        keyed = spec.columns[0] == "O*NET-SOC Code" and spec is not OCCUPATIONS
        for row in self.files.rows(spec):
            count += 1
            if keyed and row[0] not in self.occupations:
                skipped += 1
                continue
            yield row
        self.counts[spec.name] = count
        if skipped:
            self.skipped[spec.name] = skipped

    def see_element(self, element_id: str, name: str) -> None:
        if element_id not in self.elements:
            self.new_elements.setdefault(element_id, name)

    def see_scale(self, scale_id: str, value: float) -> None:
        if scale_id not in self.scales:
            seen = self.new_scales.setdefault(scale_id, [value, value])
            seen[0], seen[1] = min(seen[0], value), max(seen[1], value)


def _replace_all(files: ReleaseFiles, report: Progress) -> dict[str, object]:
    state = _State(files=files)
    steps: list[tuple[FileSpec, Callable[[_State], None]]] = [
        (SCALES, _scales),
        (CONTENT_MODEL, _elements),
        (JOB_ZONE_REFERENCE, _job_zones),
        (OCCUPATIONS, _occupations),  # reads Job Zones.txt too
        (ALTERNATE_TITLES, _alternate_titles),
        (REPORTED_TITLES, _reported_titles),
        (TASKS, _tasks),
        (TECHNOLOGY, _technology),
        (EDUCATION_CATEGORIES, _education_categories),
        *((spec, _ratings_of(spec)) for spec in RATING_FILES if files.has(spec)),
    ]
    total = len(steps) + 2
    report("Clearing the previous release", 0, total)
    _delete_all()
    for done, (spec, load) in enumerate(steps, start=1):
        report(spec.name, done, total)
        try:
            load(state)
        except (ValueError, DataError) as exc:  # a number that is not one, a title too long
            raise OnetImportError(f"{spec.name}: {exc}") from exc
    report("Saving", total - 1, total)
    _add_unreferenced(state)
    counts: dict[str, object] = {
        spec.name: state.counts[spec.name] for spec in ALL_FILES if spec.name in state.counts
    }
    if state.skipped:
        counts["skipped (unknown occupation)"] = state.skipped
    if state.new_elements:
        counts["elements added from ratings"] = len(state.new_elements)
    report("Done", total, total)
    return counts


def _delete_all() -> None:
    # Children first, so each delete is a single statement with nothing left to cascade.
    for model in (
        Rating,
        OccupationTitle,
        Task,
        TechnologySkill,
        EducationCategory,
        Occupation,
        JobZone,
        Element,
        Scale,
    ):
        model.objects.all().delete()


# --- One function per file --------------------------------------------------------------------


def _scales(state: _State) -> None:
    rows = [(r[0], r[1], float(r[2]), float(r[3])) for r in state.rows(SCALES)]
    state.scales = {r[0] for r in rows}
    _insert(Scale, ["id", "name", "minimum", "maximum"], rows)


def _elements(state: _State) -> None:
    rows = [(r[0], r[1], r[2], element_domain(r[0]).value) for r in state.rows(CONTENT_MODEL)]
    state.elements = {r[0] for r in rows}
    _insert(Element, ["id", "name", "description", "domain"], rows)


def _job_zones(state: _State) -> None:
    rows = []
    for number, *rest in state.rows(JOB_ZONE_REFERENCE):
        state.job_zones.add(int(number))
        rows.append((int(number), *rest))
    _insert(
        JobZone,
        ["number", "name", "experience", "education", "training", "examples", "svp_range"],
        rows,
    )


def _occupations(state: _State) -> None:
    # Job Zones.txt is keyed by occupation, so it is read before the occupations exist.
    zones: dict[str, int] = {}
    for count, (code, zone, *_) in enumerate(state.files.rows(JOB_ZONES), start=1):
        zones[code] = int(zone)
        state.counts[JOB_ZONES.name] = count
    rows = []
    for code, title, description in state.rows(OCCUPATIONS):
        zone_number = zones.get(code)
        known = zone_number in state.job_zones
        rows.append((code, title, description, zone_number if known else None))
    state.occupations = {r[0] for r in rows}
    _insert(Occupation, ["code", "title", "description", "job_zone"], rows)


def _alternate_titles(state: _State) -> None:
    def titles() -> Iterator[tuple[str, str, str]]:
        seen: set[tuple[str, str, str]] = set()
        for code, alternate, short, _sources in state.rows(ALTERNATE_TITLES):
            for title, kind in ((alternate, TitleKind.ALTERNATE), (short, TitleKind.SHORT)):
                key = (code, title, kind.value)
                # One short title often stands beside several alternate titles.
                if title != MISSING and title and key not in seen:
                    seen.add(key)
                    yield key

    _insert(OccupationTitle, ["occupation", "title", "kind"], titles())


def _reported_titles(state: _State) -> None:
    rows = {(r[0], r[1], TitleKind.REPORTED.value) for r in state.rows(REPORTED_TITLES)}
    _insert(OccupationTitle, ["occupation", "title", "kind"], sorted(rows))


def _tasks(state: _State) -> None:
    rows = (
        (code, int(task_id), text, "" if kind == MISSING else kind, _int(responding))
        for code, task_id, text, kind, responding, _date, _source in state.rows(TASKS)
    )
    _insert(Task, ["occupation", "task_id", "text", "task_type", "incumbents_responding"], rows)


def _technology(state: _State) -> None:
    rows = (
        (code, example, commodity, commodity_title, hot == "Y", demand == "Y")
        for code, example, commodity, commodity_title, hot, demand in state.rows(TECHNOLOGY)
    )
    _insert(
        TechnologySkill,
        ["occupation", "example", "commodity_code", "commodity_title", "hot", "in_demand"],
        rows,
    )


def _education_categories(state: _State) -> None:
    rows = []
    for element_id, name, scale_id, category, description in state.rows(EDUCATION_CATEGORIES):
        state.see_element(element_id, name)
        state.see_scale(scale_id, float(category))
        rows.append((element_id, scale_id, int(category), description))
    _insert(EducationCategory, ["element", "scale", "category", "description"], rows)


RATING_FIELDS = [
    "occupation",
    "element",
    "scale",
    "category",
    "value",
    "n",
    "standard_error",
    "recommend_suppress",
    "not_relevant",
]


def _ratings_of(spec: FileSpec) -> Callable[[_State], None]:
    columns = spec.columns

    def position(name: str) -> int | None:
        return columns.index(name) if name in columns else None

    category, n, error = position("Category"), position("N"), position("Standard Error")
    suppress, not_relevant = position("Recommend Suppress"), position("Not Relevant")
    value = columns.index("Data Value")

    def load(state: _State) -> None:
        def rows() -> Iterator[tuple[object, ...]]:
            for row in state.rows(spec):
                element_id, scale_id, rating = row[1], row[3], float(row[value])
                state.see_element(element_id, row[2])
                state.see_scale(scale_id, rating)
                yield (
                    row[0],
                    element_id,
                    scale_id,
                    None if category is None else _int(row[category]),
                    rating,
                    None if n is None else _int(row[n]),
                    None if error is None else _float(row[error]),
                    suppress is not None and row[suppress] == "Y",
                    not_relevant is not None and row[not_relevant] == "Y",
                )

        _insert(Rating, RATING_FIELDS, rows())

    return load


def _add_unreferenced(state: _State) -> None:
    """Elements and scales that ratings use but the reference files do not list."""
    _insert(
        Element,
        ["id", "name", "description", "domain"],
        [
            (element_id, name, "", element_domain(element_id).value)
            for element_id, name in sorted(state.new_elements.items())
        ],
    )
    _insert(
        Scale,
        ["id", "name", "minimum", "maximum"],
        [(scale_id, scale_id, low, high) for scale_id, (low, high) in state.new_scales.items()],
    )
