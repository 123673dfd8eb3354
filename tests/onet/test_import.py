"""Importing O*NET's text release: folder, zip or URL, all or nothing, and the real thing."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db.models import Count

from headway.onet.importer import onet_counts, onet_import
from headway.onet.models import (
    Domain,
    EducationCategory,
    Element,
    Occupation,
    OccupationTitle,
    Rating,
    Release,
    Scale,
    Task,
    TechnologySkill,
    TitleKind,
)
from headway.onet.readers import OnetImportError, element_domain
from tests.onet.fixtures import (
    ACCOUNTANT,
    ALL_OTHER,
    DATA_SCIENTIST,
    MINI,
    NURSE,
    SOFTWARE_DEVELOPER,
    UX_DESIGNER,
    WITH_SKA,
    load_mini,
)

MINI_COUNTS = {
    "occupations": 7,
    "titles": 42,
    "ratings": 484,
    "tasks": 21,
    "technology": 15,
    "elements": 91,
}


@pytest.fixture
def release_copy(tmp_path: Path) -> Path:
    """A copy of the mini release to break or extend."""
    return Path(shutil.copytree(MINI, tmp_path / "release"))


def zip_release(folder: Path, target: Path, inner: str = "db_30_1_text") -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, f"{inner}/{path.name}" if inner else path.name)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_bytes().decode()
    assert old in text
    path.write_bytes(text.replace(old, new, 1).encode())


def add_file(folder: Path, name: str, header: list[str], rows: list[list[str]]) -> None:
    lines = ["\t".join(header), *("\t".join(row) for row in rows)]
    (folder / name).write_bytes(("\r\n".join(lines) + "\r\n").encode())


# --- The mini release -------------------------------------------------------------------------


def test_mini_release_imports_every_file(db):
    steps: list[tuple[str, int, int]] = []
    release = onet_import(source=MINI, progress=lambda *step: steps.append(step))

    assert release.is_current and release.version == "unknown"
    assert release.source == str(MINI)
    assert release.seconds >= 0
    assert onet_counts() == MINI_COUNTS
    assert release.counts["Occupation Data.txt"] == 7
    assert release.counts["Skills.txt"] == 80
    assert release.counts["Job Zones.txt"] == 6
    assert "Work Activities.txt" not in release.counts
    assert Scale.objects.count() == 31 and EducationCategory.objects.count() == 23
    # Progress runs from 0 to the end, one step per file.
    assert steps[0][1] == 0 and steps[-1][1] == steps[-1][2]
    assert "Abilities.txt" in [label for label, _, _ in steps]


def test_mini_release_rows_are_faithful(db):
    load_mini()
    nurse = Occupation.objects.get(code=NURSE)
    assert nurse.title == "Registered Nurses" and nurse.job_zone_id == 3
    assert Occupation.objects.get(code=ALL_OTHER).job_zone is None

    with_skills = Rating.objects.filter(element__domain=Domain.SKILL, scale_id="IM")
    assert set(with_skills.values_list("occupation_id", flat=True)) == set(WITH_SKA)
    assert Rating.objects.filter(occupation_id=DATA_SCIENTIST, scale_id="OI").count() == 6
    assert not Rating.objects.filter(occupation_id=ALL_OTHER).exists()

    programming = Rating.objects.get(
        occupation_id=SOFTWARE_DEVELOPER, element_id="2.B.3.e", scale_id="LV"
    )
    assert (programming.value, programming.n, programming.standard_error) == (4.12, 8, 0.125)
    assert not programming.not_relevant and not programming.recommend_suppress
    medicine = Rating.objects.get(occupation_id=ACCOUNTANT, element_id="2.C.5.a", scale_id="LV")
    assert medicine.not_relevant
    assert Rating.objects.get(
        occupation_id=UX_DESIGNER, element_id="2.C.5.a", scale_id="LV"
    ).recommend_suppress
    bachelor = Rating.objects.get(occupation_id=NURSE, scale_id="RL", category=6)
    assert bachelor.value == 45 and bachelor.standard_error is None
    assert Rating.objects.get(occupation_id=NURSE, element_id="1.B.1.g").value == 4  # Social

    kinds = {
        row["kind"]: row["n"]
        for row in OccupationTitle.objects.values("kind").annotate(n=Count("id"))
    }
    assert kinds == {TitleKind.ALTERNATE: 24, TitleKind.SHORT: 6, TitleKind.REPORTED: 12}
    assert OccupationTitle.objects.filter(
        occupation_id=UX_DESIGNER, title="UX Researcher", kind=TitleKind.SHORT
    ).exists()

    unlabelled = Task.objects.get(task_id=403)
    assert unlabelled.task_type == "" and unlabelled.incumbents_responding is None
    assert Task.objects.get(task_id=601).incumbents_responding == 210
    python = TechnologySkill.objects.get(occupation_id=DATA_SCIENTIST, example="Python")
    assert python.hot and python.in_demand and python.commodity_code == "43232405"

    domains = dict(Element.objects.values_list("id", "domain"))
    assert domains["2.A.1.a"] == domains["2.B.3.e"] == Domain.SKILL
    assert domains["2.C.6"] == Domain.KNOWLEDGE
    assert domains["1.A.2.a.2"] == Domain.ABILITY
    assert domains["1.B.1.g"] == Domain.INTEREST
    assert domains["1.B.2.a"] == Domain.WORK_VALUE
    assert domains["1.D.3.b"] == Domain.WORK_STYLE
    assert domains["2.D.1"] == domains["3.A.1"] == Domain.EDUCATION
    assert domains["4.A.1.a.1"] == Domain.WORK_ACTIVITY
    assert domains["1"] == Domain.OTHER


def test_element_domains_follow_the_outline():
    assert element_domain("1.B.1") == Domain.INTEREST
    assert element_domain("1.B.10") == Domain.OTHER  # a prefix is a whole outline step
    assert element_domain("1.C.1.a") == Domain.WORK_STYLE  # before O*NET 30
    assert element_domain("4.C.2.a.1") == Domain.WORK_CONTEXT
    assert element_domain("5.A") == Domain.OTHER


def test_importing_twice_replaces_the_release(db):
    first = load_mini()
    second = load_mini()
    assert onet_counts() == MINI_COUNTS
    assert list(Release.objects.filter(is_current=True)) == [second]
    assert Release.current() == second
    first.refresh_from_db()
    assert not first.is_current


# --- Other ways in ----------------------------------------------------------------------------


def test_zip_with_a_folder_inside(db, tmp_path):
    archive = zip_release(MINI, tmp_path / "db_30_1_text.zip")
    release = onet_import(source=archive)
    assert release.version == "30.1"
    assert onet_counts() == MINI_COUNTS


def test_zip_without_a_folder_and_an_unzipped_parent_folder(db, tmp_path):
    onet_import(source=zip_release(MINI, tmp_path / "onet.zip", inner=""))
    assert onet_counts() == MINI_COUNTS
    # A folder holding the unzipped release folder is found one level down.
    shutil.copytree(MINI, tmp_path / "download" / "db_29_3_text")
    assert onet_import(source=str(tmp_path / "download")).version == "29.3"


def test_version_from_a_read_me(db, release_copy):
    (release_copy / "SOURCE.md").write_text("Files from the O*NET 30.1 Database (December 2025).")
    assert onet_import(source=release_copy).version == "30.1"


@pytest.fixture
def http_folder(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A local web server on 127.0.0.1 serving a folder (this machine has no internet)."""
    folder = tmp_path / "www"
    folder.mkdir()
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", folder
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def test_url_of_a_zip(db, http_folder):
    base, folder = http_folder
    zip_release(MINI, folder / "db_30_1_text.zip")
    steps: list[tuple[str, int, int]] = []
    release = onet_import(
        source=f"{base}/db_30_1_text.zip", progress=lambda *step: steps.append(step)
    )
    assert release.version == "30.1" and release.source == f"{base}/db_30_1_text.zip"
    assert onet_counts() == MINI_COUNTS
    downloads = [step for step in steps if step[0].startswith("Downloading")]
    assert downloads[-1][1] == downloads[-1][2] == (folder / "db_30_1_text.zip").stat().st_size


def test_url_that_fails_changes_nothing(db, http_folder):
    base, _ = http_folder
    load_mini()
    with pytest.raises(OnetImportError, match="HTTP 404"):
        onet_import(source=f"{base}/missing.zip")
    with pytest.raises(OnetImportError, match="could not download"):
        onet_import(source="http://127.0.0.1:1/db_30_1_text.zip")
    assert onet_counts() == MINI_COUNTS


# --- All or nothing ---------------------------------------------------------------------------


def test_a_changed_header_is_named_and_the_previous_release_stays(db, release_copy):
    previous = load_mini()
    edit(release_copy / "Skills.txt", "\tData Value\t", "\tValue\t")
    with pytest.raises(OnetImportError) as error:
        onet_import(source=release_copy)
    message = str(error.value)
    assert "Skills.txt has unexpected columns" in message
    assert "expected: O*NET-SOC Code | Element ID | Element Name | Scale ID | Data Value" in message
    assert "found:    O*NET-SOC Code | Element ID | Element Name | Scale ID | Value" in message
    assert onet_counts() == MINI_COUNTS
    assert Release.current() == previous and Release.objects.count() == 1


def test_a_bad_row_late_in_the_import_rolls_everything_back(db, release_copy):
    previous = load_mini()
    Occupation.objects.filter(code=NURSE).update(title="Nurses as they were")
    # Abilities are read after the previous rows are gone and most new ones are in.
    edit(release_copy / "Abilities.txt", "\tIM\t4.00\t", "\tIM\tfour\t")
    with pytest.raises(OnetImportError, match="Abilities.txt"):
        onet_import(source=release_copy)
    assert onet_counts() == MINI_COUNTS
    assert Occupation.objects.get(code=NURSE).title == "Nurses as they were"
    assert Release.current() == previous


def test_a_short_row_is_named_with_its_line(db, release_copy):
    edit(release_copy / "Task Statements.txt", "\tCore\t120\t", "\tCore\t")
    with pytest.raises(OnetImportError, match=r"Task Statements.txt, line 2: expected 7 columns"):
        onet_import(source=release_copy)


def test_a_missing_required_file_is_named(db, release_copy):
    (release_copy / "Task Statements.txt").unlink()
    (release_copy / "Job Zones.txt").unlink()
    with pytest.raises(OnetImportError, match="missing Job Zones.txt, Task Statements.txt"):
        onet_import(source=release_copy)
    assert not Release.objects.exists()


def test_a_path_that_is_not_a_release(db, tmp_path):
    with pytest.raises(OnetImportError, match="does not exist"):
        onet_import(source=tmp_path / "nothing")
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(OnetImportError, match="neither a folder nor a zip"):
        onet_import(source=tmp_path / "notes.txt")
    with pytest.raises(OnetImportError, match=r"is not an O\*NET text release: missing Scales"):
        onet_import(source=tmp_path)


# --- Optional files and loose ends ------------------------------------------------------------

RATING_HEADER = [
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
]


def test_work_activities_and_context_are_imported_when_present(db, release_copy):
    activity = [NURSE, "4.A.1.a.1", "Getting Information", "IM", "4.20", "25", "0.1500"]
    add_file(
        release_copy,
        "Work Activities.txt",
        RATING_HEADER,
        [
            [*activity, "3.9", "4.5", "N", "n/a", "08/2025", "Incumbent"],
            # Not in Content Model Reference: created from the rating's own name.
            [NURSE, "4.A.2.b.1", "Making Decisions", "IM", "4.10", "25", "0.1"]
            + ["3.9", "4.3", "N", "n/a", "08/2025", "Incumbent"],
        ],
    )
    context_header = [*RATING_HEADER[:4], "Category", *RATING_HEADER[4:]]
    add_file(
        release_copy,
        "Work Context.txt",
        context_header,
        [
            [NURSE, "4.C.1.a.2.l", "Face-to-Face Discussions", "CXP", "5", "92.00", "25"]
            + ["n/a", "n/a", "n/a", "N", "n/a", "08/2025", "Incumbent"]
        ],
    )
    release = onet_import(source=release_copy)
    assert release.counts["Work Activities.txt"] == 2
    assert release.counts["Work Context.txt"] == 1
    assert release.counts["elements added from ratings"] == 2
    decisions = Element.objects.get(id="4.A.2.b.1")
    assert (decisions.name, decisions.domain) == ("Making Decisions", Domain.WORK_ACTIVITY)
    assert Element.objects.get(id="4.C.1.a.2.l").domain == Domain.WORK_CONTEXT
    assert Rating.objects.get(element_id="4.C.1.a.2.l").category == 5
    assert Rating.objects.filter(element__domain=Domain.WORK_ACTIVITY).count() == 2


def test_ratings_for_unlisted_elements_and_unknown_occupations(db, release_copy):
    edit(release_copy / "Content Model Reference.txt", "2.B.3.e\tProgramming\t", "2.B.3.x\tX\t")
    edit(release_copy / "Scales Reference.txt", "WI\tWork Styles Impact\t-3\t3\r\n", "")
    with (release_copy / "Interests.txt").open("ab") as interests:
        interests.write(b"99-9999.00\t1.B.1.a\tRealistic\tOI\t3.00\t11/2023\tMachine Learning\r\n")
    release = onet_import(source=release_copy)
    programming = Element.objects.get(id="2.B.3.e")
    assert (programming.name, programming.domain) == ("Programming", Domain.SKILL)
    assert Scale.objects.get(id="WI").maximum == 3.0  # the largest WI value in Work Styles
    assert release.counts["skipped (unknown occupation)"] == {"Interests.txt": 1}
    assert release.counts["Interests.txt"] == 55


# --- The real release beside the repository ---------------------------------------------------

REAL = Path(os.environ.get("HEADWAY_ONET_DIR") or Path(__file__).parents[3] / "shared" / "onet")


def _source_md_rows(folder: Path) -> dict[str, int]:
    """Rows per file from the table in SOURCE.md, when there is one."""
    source = folder / "SOURCE.md"
    if not source.exists():
        return {}
    table = re.findall(r"^\| (.+?\.txt) \| (\d+) \|", source.read_text(), flags=re.MULTILINE)
    return {name: int(rows) for name, rows in table}


@pytest.mark.skipif(
    not (REAL / "Occupation Data.txt").exists(),
    reason=f"no O*NET text release at {REAL} (set HEADWAY_ONET_DIR to import the real one)",
)
def test_the_real_release(db):
    # How long it takes is measured in bench/ (docs/benchmarks.md), never asserted here.
    release = onet_import(source=REAL)

    ignored = {"Level Scale Anchors.txt", "Interests Illustrative Occupations.txt"}
    expected = {name: rows for name, rows in _source_md_rows(REAL).items() if name not in ignored}
    assert {name: release.counts[name] for name in expected} == expected
    assert Occupation.objects.count() == 1016

    def rated(domain: Domain, scale: str = "IM") -> set[str]:
        ratings = Rating.objects.filter(element__domain=domain, scale_id=scale)
        return set(ratings.values_list("occupation_id", flat=True).distinct())

    with_skills = rated(Domain.SKILL)
    assert len(with_skills) == 894
    assert (
        with_skills == rated(Domain.KNOWLEDGE) == rated(Domain.ABILITY) == rated(Domain.SKILL, "LV")
    )
    per_domain = (
        Rating.objects.filter(
            scale_id="IM", element__domain__in=[Domain.SKILL, Domain.KNOWLEDGE, Domain.ABILITY]
        )
        .values("element__domain")
        .annotate(n=Count("element", distinct=True))
    )
    assert {row["element__domain"]: row["n"] for row in per_domain} == {
        Domain.SKILL: 35,
        Domain.KNOWLEDGE: 33,
        Domain.ABILITY: 52,
    }
    assert len(rated(Domain.INTEREST, "OI")) == 923
    assert Occupation.objects.filter(job_zone__isnull=False).count() == 923
    assert len(rated(Domain.WORK_STYLE, "WI")) == 891
    assert len(rated(Domain.EDUCATION, "RL")) == 878
    assert len(rated(Domain.WORK_VALUE, "EX")) == 874
    assert DATA_SCIENTIST in rated(Domain.INTEREST, "OI") - with_skills
    assert Occupation.objects.filter(ratings__isnull=True).count() == 93
    assert "elements added from ratings" not in release.counts
