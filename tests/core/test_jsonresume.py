from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headway.core.assessments.jsonresume import (
    LEVEL_WORDS,
    MAX_BYTES,
    MAX_CANDIDATES,
    SYNONYMS,
    Proposal,
    ResumeError,
    candidates,
    confidence_words,
    match_skill,
    preselected,
    proficiency_of,
    read_resume,
    resume_skills,
    spot,
    tokens,
)
from headway.core.assessments.motivated_skills import ONET_SKILL_IDS, PROFICIENCY

FIXTURE = Path(__file__).parents[1] / "discovery" / "fixtures" / "resume.json"


def doc(**sections: object) -> bytes:
    return json.dumps(sections).encode()


# --- reading ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"%PDF-1.7\n\xff\xfe\x00binary", "not text"),
        (b'{"skills": [', "not valid JSON \\(line 1"),
        (b"[1, 2, 3]", "one JSON object"),
        (b'{"name": "Maya", "hobbies": []}', "does not look like a JSON Resume"),
        (b" " * (MAX_BYTES + 1), "larger than 1 MB"),
    ],
)
def test_files_that_are_not_json_resume_get_a_clear_reason(data, message):
    with pytest.raises(ResumeError, match=message):
        read_resume(data)


def test_a_byte_order_mark_and_missing_sections_are_fine():
    assert read_resume(b'\xef\xbb\xbf{"basics": {"name": "Maya"}}') == {"basics": {"name": "Maya"}}
    assert resume_skills(b'{"basics": {}}').proposals == ()
    assert resume_skills(b'{"basics": {}}').notes == ("No skills were found in this résumé.",)


def test_the_fixture_resume_yields_its_skills_with_levels_and_sources():
    found = resume_skills(FIXTURE.read_bytes())
    by_phrase = {p.candidate.phrase: p for p in found.proposals}
    python = by_phrase["Python"]
    assert python.candidate.source == "Skills"
    assert python.candidate.level == "Intermediate" and python.candidate.proficiency == "capable"
    assert python.match.element_id == "2.B.3.e" and python.match.confidence == 0.9
    assert by_phrase["Teaching"].candidate.proficiency == "expert"  # "Master"
    assert by_phrase["Teaching"].match.element_id == "2.B.1.e"
    assert by_phrase["Facilitation"].match.element_id is None  # kept as the client's own
    assert by_phrase["Swedish"].candidate.proficiency == "expert"  # "Native speaker"
    assert by_phrase["Swedish"].match.element_id is None
    # Found in sentences, with where they were found.
    assert by_phrase["budget"].match.element_id == "2.B.5.b"
    assert by_phrase["budget"].candidate.source == "Work at Norrby Gymnasium"
    assert by_phrase["public speaking"].candidate.source == "Summary"
    assert by_phrase["Django"].candidate.source == "Project “Quiz builder”"
    # Each phrase once, even though Python is also in a work highlight.
    assert list(by_phrase).count("Python") == 1 and len(by_phrase) == len(found.proposals)


def test_sections_of_the_wrong_type_are_left_out_with_a_note():
    found, notes = candidates({"skills": "Python, SQL", "work": [{"highlights": ["Budgeting"]}]})
    assert [c.phrase for c in found] == ["budgeting"]
    assert notes == ("The “skills” section is not a list, so it was left out.",)


def test_long_phrases_and_odd_entries_are_skipped():
    found, notes = candidates(
        {"skills": [{"name": "x" * 100}, "Python", {"name": 3, "keywords": ["SQL", None]}]}
    )
    assert [c.phrase for c in found] == ["SQL"]
    assert "too long" in notes[0]


def test_the_highest_level_wins_for_a_phrase_named_twice():
    found, _ = candidates(
        {
            "skills": [
                {"name": "Backend", "level": "Beginner", "keywords": ["Python"]},
                {"name": "Data", "level": "Expert", "keywords": ["python"]},
            ]
        }
    )
    python = next(c for c in found if c.phrase == "Python")
    assert python.level == "Expert" and python.proficiency == "expert"


def test_level_words():
    assert proficiency_of("Master") == "expert"
    assert proficiency_of("advanced") == "strong"
    assert proficiency_of("Intermediate") == "capable"
    assert proficiency_of("Beginner") == "learning"
    assert proficiency_of("Native speaker") == "expert"
    assert proficiency_of("8/10") is None and proficiency_of("") is None
    assert set(LEVEL_WORDS.values()) <= set(PROFICIENCY)


# --- matching ---------------------------------------------------------------------------------


def test_every_synonym_belongs_to_one_real_skill():
    assert set(SYNONYMS) <= ONET_SKILL_IDS
    seen: dict[tuple[str, ...], str] = {}
    for element_id, words in SYNONYMS.items():
        for word in words:
            assert tokens(word), word
            assert seen.setdefault(tokens(word), element_id) == element_id, word


@pytest.mark.parametrize(
    ("phrase", "element_id", "confidence"),
    [
        ("Writing", "2.A.1.c", 1.0),
        ("python", "2.B.3.e", 0.9),
        ("JavaScript", "2.B.3.e", 0.9),
        ("C++", "2.B.3.e", 0.9),
        ("Budgeting", "2.B.5.b", 0.9),
        ("Public Speaking", "2.A.1.d", 0.9),
        ("Python 3 scripting", "2.B.3.e", 0.7),
        ("Managing budgets", "2.B.5.b", 0.7),
    ],
)
def test_known_phrases(phrase, element_id, confidence):
    match = match_skill(phrase)
    assert (match.element_id, match.confidence) == (element_id, confidence)
    assert match.reason


def test_shared_words_are_a_guess_and_say_which_word():
    match = match_skill("Team coordination")
    assert match.element_id == "2.B.1.b"
    assert 0.3 <= match.confidence < 0.6
    assert "“coordination”" in match.reason
    assert confidence_words(match.confidence) == "a guess"


def test_no_match_keeps_the_phrase_as_the_clients_own():
    match = match_skill("Calligraphy")
    assert match.element_id is None and match.confidence == 0
    assert "your own" in match.reason


def test_release_names_are_used_in_reasons():
    match = match_skill("python", {"2.B.3.e": "Programming (from the release)"})
    assert "Programming (from the release)" in match.reason


def test_spotting_prefers_the_longest_phrase_and_skips_ordinary_words():
    assert spot("Led project management and budgeting; reading and planning daily") == [
        "project management",
        "budgeting",
    ]


# --- properties -------------------------------------------------------------------------------


@given(st.binary(max_size=300))
def test_any_bytes_either_read_or_fail_with_a_resume_error(data):
    try:
        resume_skills(data)
    except ResumeError as exc:
        assert str(exc)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["name", "level", "keywords", "highlights", "summary", "language"]),
            children,
            max_size=4,
        )
    ),
    max_leaves=20,
)


@given(
    st.dictionaries(
        st.sampled_from(["basics", "work", "skills", "projects", "languages", "volunteer"]),
        json_values,
        min_size=1,
    )
)
def test_any_resume_like_document_gives_well_formed_proposals(document):
    found = resume_skills(json.dumps(document).encode())
    assert len(found.proposals) <= MAX_CANDIDATES
    keys = [" ".join(tokens(p.candidate.phrase)) for p in found.proposals]
    assert len(keys) == len(set(keys))
    for p in found.proposals:
        assert p.candidate.phrase and len(p.candidate.phrase) <= 60
        assert p.candidate.proficiency in {None, *PROFICIENCY}
        assert 0 <= p.match.confidence <= 1
        assert p.match.element_id is None or p.match.element_id in ONET_SKILL_IDS
        assert p.match.reason


@given(st.text(max_size=40))
def test_matching_any_text_is_safe_and_bounded(text):
    match = match_skill(text)
    assert 0 <= match.confidence <= 1
    assert (match.element_id is None) == (match.confidence == 0)


# --- the whole résumé: studies, certificates, positions; guesses only offered --------------

WHOLE = {
    "basics": {"name": "Ana", "label": "Technical writer"},
    "work": [
        {
            "name": "Acme",
            "position": "Project coordinator",
            "summary": "Kept the team's budget",
            "highlights": ["Ran user interviews every month"],
        }
    ],
    "volunteer": [{"organization": "Food bank", "highlights": ["Public speaking at events"]}],
    "education": [
        {
            "institution": "Open University",
            "area": "Statistics",
            "courses": ["Technical writing for engineers"],
        }
    ],
    "certificates": [{"name": "Certified Scrum Master in project management"}],
    "skills": [{"name": "Writing"}, {"name": "Team coordination"}, {"name": "Knitting"}],
    "languages": [{"language": "Spanish", "fluency": "Fluent"}, {"language": "English"}],
}


def _whole() -> dict[str, Proposal]:
    found = resume_skills(json.dumps(WHOLE).encode())
    return {p.candidate.phrase: p for p in found.proposals}


def test_studies_certificates_and_positions_are_read_too():
    by_phrase = _whole()
    assert by_phrase["statistics"].candidate.source == "Studies at Open University"
    assert by_phrase["technical writing"].candidate.source == "Studies at Open University"
    assert by_phrase["user interviews"].candidate.source == "Work at Acme"
    assert by_phrase["public speaking"].candidate.source == "Volunteering at Food bank"
    assert by_phrase["budget"].candidate.source == "Work at Acme"
    assert any(
        c.startswith("Certificate") for c in (p.candidate.source for p in by_phrase.values())
    )
    assert all(
        p.candidate.spotted
        for name, p in by_phrase.items()
        if name not in {"Writing", "Team coordination", "Knitting", "Spanish", "English"}
    )


def test_languages_are_never_offered_as_onet_skills():
    by_phrase = _whole()
    for language in ("Spanish", "English"):
        p = by_phrase[language]
        assert p.match.element_id is None and "language" in p.match.reason
        assert preselected(p.candidate, p.match) == "own"


def test_only_named_skills_we_are_sure_of_start_selected():
    by_phrase = _whole()
    writing = by_phrase["Writing"]
    assert preselected(writing.candidate, writing.match) == writing.match.element_id
    guess = by_phrase["Team coordination"]  # shares a word with Coordination: a guess
    assert guess.match.element_id is not None and guess.match.confidence < 0.85
    assert preselected(guess.candidate, guess.match) is None
    assert preselected(by_phrase["Knitting"].candidate, by_phrase["Knitting"].match) == "own"
    spotted = by_phrase["budget"]
    assert spotted.match.element_id is not None
    assert preselected(spotted.candidate, spotted.match) is None  # offered, not taken


def test_a_phrase_named_as_a_skill_is_not_a_guess_where_it_is_also_spotted():
    document = {
        "work": [{"name": "Acme", "highlights": ["Python scripts for reports"]}],
        "skills": [{"name": "Python"}],
    }
    (python,) = [
        p
        for p in resume_skills(json.dumps(document).encode()).proposals
        if p.candidate.phrase.lower() == "python"
    ]
    assert not python.candidate.spotted and python.candidate.source == "Skills"
    assert preselected(python.candidate, python.match) == "2.B.3.e"
