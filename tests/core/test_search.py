"""Occupation title search (no Django): typos, partial words, plurals and ranking."""

from __future__ import annotations

import random

import pytest

from headway.core.occupations.search import (
    OCCUPATION,
    Quality,
    SearchIndex,
    TitleEntry,
    build_index,
    edit_distances,
    fold,
    stem,
    words_of,
)

ENTRIES = [
    TitleEntry("29-1141.00", "Registered Nurses"),
    TitleEntry("29-1141.00", "Nurse", "alternate"),
    TitleEntry("29-1141.00", "Registered Nurse (RN)", "alternate"),
    TitleEntry("29-1141.00", "RN", "short"),
    TitleEntry("29-1171.00", "Nurse Practitioners"),
    TitleEntry("29-2061.00", "Licensed Practical and Licensed Vocational Nurses"),
    TitleEntry("29-2061.00", "LPN (Licensed Practical Nurse)", "alternate"),
    TitleEntry("13-2011.00", "Accountants and Auditors"),
    TitleEntry("13-2011.00", "Accountant", "alternate"),
    TitleEntry("13-2011.00", "Certified Public Accountant (CPA)", "alternate"),
    TitleEntry("43-3031.00", "Bookkeeping, Accounting, and Auditing Clerks"),
    TitleEntry("15-1252.00", "Software Developers"),
    TitleEntry("15-1252.00", "Software Engineer", "alternate"),
    TitleEntry("15-1252.00", "Application Developer", "reported"),
    TitleEntry("15-1253.00", "Software Quality Assurance Analysts and Testers"),
    TitleEntry("15-1254.00", "Web Developers"),
    TitleEntry("11-1011.00", "Chief Executives"),
    TitleEntry("11-1011.00", "CEO (Chief Executive Officer)", "alternate"),
    TitleEntry("11-1011.00", "CEO", "short"),
    TitleEntry("11-9051.00", "Food Service Managers"),
    TitleEntry("11-9051.00", "Café Manager", "alternate"),
    TitleEntry("35-1011.00", "Chefs and Head Cooks"),
    TitleEntry("35-2014.00", "Cooks, Restaurant"),
    TitleEntry("41-3011.00", "Salesmen, Advertising"),
]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return build_index(ENTRIES)


def codes(index: SearchIndex, query: str) -> list[str]:
    return [h.code for h in index.search(query).hits]


# --- normalisation -------------------------------------------------------------------------


def test_fold_drops_case_accents_apostrophes_and_abbreviation_dots() -> None:
    assert fold("Café Owner's R.N.") == "cafe owners rn."


@pytest.mark.parametrize(
    "word, stemmed",
    [
        ("nurses", "nurse"),
        ("secretaries", "secretary"),
        ("coaches", "coach"),
        ("classes", "class"),
        ("boxes", "box"),
        ("salesmen", "salesman"),
        ("nursing", "nursing"),
        ("business", "business"),
        ("analysis", "analysis"),
        ("status", "status"),
        ("bus", "bus"),
    ],
)
def test_stem_takes_off_plural_endings_only(word: str, stemmed: str) -> None:
    assert stem(word) == stemmed


def test_words_of_splits_on_punctuation_and_drops_stop_words() -> None:
    assert words_of("Cooks, Restaurant") == ("cook", "restaurant")
    assert words_of("Heavy and Tractor-Trailer Truck Drivers") == (
        "heavy",
        "tractor",
        "trailer",
        "truck",
        "driver",
    )
    assert words_of("  ") == ()
    assert words_of("and") == ("and",)  # a query of stop words alone still means something


def test_edit_distances_count_swaps_as_one_and_measure_word_starts() -> None:
    assert edit_distances("nurce", "nurse", 1) == (1, 1)
    assert edit_distances("sceintist", "scientist", 2) == (1, 1)
    whole, start = edit_distances("acount", "accountant", 1)
    assert whole == 2  # capped at limit + 1
    assert start == 1  # "acount" is one edit from "account", the start of "accountant"
    assert edit_distances("xyz", "nurse", 1) == (2, 2)


# --- finding ------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["", "   ", "\t\n", "--", "()"])
def test_an_empty_query_finds_nothing(index: SearchIndex, query: str) -> None:
    results = index.search(query)
    assert results.hits == ()
    assert results.total == 0


def test_nothing_like_the_query_finds_nothing(index: SearchIndex) -> None:
    assert index.search("astronaut").total == 0


def test_exact_title_comes_first(index: SearchIndex) -> None:
    hit = index.search("registered nurses").hits[0]
    assert (hit.code, hit.quality, hit.also_called) == ("29-1141.00", Quality.EXACT, None)


@pytest.mark.parametrize("query", ["registered nurse", "Registered Nurses", "REGISTERED NURSE"])
def test_plurals_and_case_do_not_matter(index: SearchIndex, query: str) -> None:
    assert codes(index, query)[0] == "29-1141.00"


def test_singular_finds_plural_title(index: SearchIndex) -> None:
    assert codes(index, "accountant")[0] == "13-2011.00"
    assert codes(index, "salesman")[0] == "41-3011.00"


@pytest.mark.parametrize(
    "query, code",
    [
        ("nurce", "29-1141.00"),
        ("acountant", "13-2011.00"),
        ("sofware developer", "15-1252.00"),
        ("cheif executive", "11-1011.00"),
    ],
)
def test_typos_are_forgiven(index: SearchIndex, query: str, code: str) -> None:
    hits = index.search(query).hits
    assert code in [h.code for h in hits[:2]]
    assert hits[0].quality == Quality.FUZZY


def test_a_typo_in_a_partial_word_is_forgiven(index: SearchIndex) -> None:
    assert "13-2011.00" in codes(index, "acount")


@pytest.mark.parametrize(
    "query, code",
    [("soft dev", "15-1252.00"), ("web dev", "15-1254.00"), ("chief exec", "11-1011.00")],
)
def test_partial_words_match_word_starts(index: SearchIndex, query: str, code: str) -> None:
    hit = index.search(query).hits[0]
    assert (hit.code, hit.quality) == (code, Quality.PREFIX)


def test_accents_and_abbreviation_dots(index: SearchIndex) -> None:
    hit = index.search("cafe manager").hits[0]
    assert (hit.code, hit.also_called) == ("11-9051.00", "Café Manager")
    assert codes(index, "Café")[0] == "11-9051.00"
    assert codes(index, "R.N.")[0] == "29-1141.00"


# --- ranking --------------------------------------------------------------------------------


def test_ranking_order() -> None:
    index = build_index(
        [
            TitleEntry("1", "Gardeners"),  # exact
            TitleEntry("2", "Gardener Assistants"),  # the title starts with the query
            TitleEntry("3", "Landscape Gardeners and Groundskeepers"),  # all words, more others
            TitleEntry("4", "Rooftop Gardeners"),  # all words
            TitleEntry("5", "Groundskeepers"),
            TitleEntry("5", "Gardener", "alternate"),  # another name, exact
            TitleEntry("6", "Horticulturists"),
            TitleEntry("6", "Head Gardener", "reported"),  # another name, all words
            TitleEntry("7", "Estate Workers"),
            TitleEntry("7", "Gardener's Helper", "alternate"),  # another name, prefix
        ]
    )
    hits = index.search("gardener").hits
    assert [h.code for h in hits] == ["1", "2", "4", "3", "5", "7", "6"]
    assert [h.quality for h in hits][:4] == [
        Quality.EXACT,
        Quality.PREFIX,
        Quality.WORDS,
        Quality.WORDS,
    ]
    assert [h.also_called for h in hits][4:] == ["Gardener", "Gardener's Helper", "Head Gardener"]


def test_with_a_typo_own_titles_still_come_before_other_names() -> None:
    index = build_index(
        [
            TitleEntry("5", "Groundskeepers"),
            TitleEntry("5", "Gardener", "alternate"),
            TitleEntry("1", "Gardeners"),
        ]
    )
    hits = index.search("gardner").hits
    assert [(h.code, h.quality) for h in hits] == [("1", Quality.FUZZY), ("5", Quality.FUZZY)]


def test_occupation_title_beats_an_equal_other_name() -> None:
    index = build_index(
        [
            TitleEntry("2", "Data Keepers"),
            TitleEntry("2", "Archivists", "alternate"),
            TitleEntry("1", "Archivists"),
        ]
    )
    assert [h.code for h in index.search("archivist").hits] == ["1", "2"]


def test_catch_all_occupations_come_after_their_equals() -> None:
    index = build_index(
        [
            TitleEntry("9", "Therapists, All Other"),
            TitleEntry("9", "Doctor", "alternate"),
            TitleEntry("1", "Pediatricians"),
            TitleEntry("1", "Doctor", "alternate"),
        ]
    )
    assert [h.code for h in index.search("doctor").hits] == ["1", "9"]


def test_each_occupation_once_with_the_title_that_matched(index: SearchIndex) -> None:
    results = index.search("nurse")
    found = [h.code for h in results.hits]
    assert len(found) == len(set(found)) == results.total == 3
    # Its own title holds the word, so no "also called" for Registered Nurses.
    registered = next(h for h in results.hits if h.code == "29-1141.00")
    assert registered.title == "Registered Nurses" and registered.also_called is None
    ceo = index.search("ceo").hits[0]
    assert (ceo.title, ceo.also_called, ceo.kind) == ("Chief Executives", "CEO", "short")


def test_prefix_beats_all_words(index: SearchIndex) -> None:
    assert codes(index, "nurse")[:2] == ["29-1171.00", "29-1141.00"]


def test_limit_keeps_the_total(index: SearchIndex) -> None:
    results = index.search("nurse", limit=1)
    assert len(results.hits) == 1 and results.total == 3


def test_when_few_match_every_word_titles_missing_one_follow(index: SearchIndex) -> None:
    results = index.search("registered nurse astronaut")
    assert results.hits[0].code == "29-1141.00"
    assert results.hits[0].quality == Quality.PARTIAL
    assert results.total == 0  # nothing matches every word
    two = index.search("nurse astronaut")
    assert {h.code for h in two.hits} == {"29-1141.00", "29-1171.00", "29-2061.00"}
    # With some match for both words, one word alone is not worth showing.
    assert [h.code for h in index.search("software developer").hits] == ["15-1252.00"]


def test_one_letter_matches_only_occupation_titles(index: SearchIndex) -> None:
    hits = index.search("c").hits
    # Not "CEO" or "Café Manager": a single letter starts too many other names.
    assert {h.code for h in hits} == {"11-1011.00", "35-1011.00", "35-2014.00", "43-3031.00"}
    assert all(h.kind == OCCUPATION for h in hits)


def test_duplicate_names_of_one_occupation_are_indexed_once() -> None:
    index = build_index(
        [
            TitleEntry("1", "Cooks"),
            TitleEntry("1", "Cook", "alternate"),
            TitleEntry("1", "Cook", "reported"),
            TitleEntry("2", "Cook", "reported"),
        ]
    )
    assert index.titles == ("Cooks", "Cook")  # the second is occupation 2's


# --- all of O*NET's size ---------------------------------------------------------------------
# How fast is measured in bench/occupation_search.py (figures in docs/benchmarks.md); a test on
# a shared machine checks only what the index finds.


def synthetic_entries(occupations: int = 1_000, names: int = 65) -> list[TitleEntry]:
    """About the size of O*NET: 1,000 occupations with 65 titles each."""
    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocabulary = ["".join(rng.choices(letters, k=rng.randint(4, 11))) for _ in range(6_000)]
    common = vocabulary[:60]  # like "technician" or "manager", in many titles
    entries = []
    for n in range(occupations):
        code = f"{n // 100:02d}-{n:04d}.00"
        entries.append(TitleEntry(code, " ".join(rng.sample(vocabulary, 2) + [common[n % 60]])))
        for _ in range(names):
            words = rng.sample(vocabulary, rng.randint(1, 3)) + [rng.choice(common)]
            entries.append(TitleEntry(code, " ".join(words), rng.choice(["alternate", "reported"])))
    return entries


def queries_for(index: SearchIndex) -> list[str]:
    """One query of each kind the budget is for."""
    words = [w for w in index.vocabulary if len(w) > 6]
    return [
        words[0],  # one exact word
        index.vocabulary[-1][:3],  # a short partial word
        words[1][:-1] + "q",  # a typo
        f"{words[2]} {words[3][:3]}",  # two words, one partial
        index.words[0][-1],  # a word in many titles
    ]


def test_an_index_of_all_of_onets_size_answers_every_kind_of_query() -> None:
    entries = synthetic_entries()
    index = build_index(entries)
    assert len(index.titles) == len(entries)
    for query in queries_for(index):
        found = index.search(query, limit=50)
        assert 0 < len(found.hits) <= 50, query
