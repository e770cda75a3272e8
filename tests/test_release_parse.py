"""parse_release against the corpus (golden JSON per release) and on edge cases."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simplify.release import Contact, ParseError, Release, Source, parse_release
from simplify.release_data import markers
from simplify.release_text import block_entries, join_lines

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "corpus"
SEED = "duisburg-fachkraefte"
FIELDS = (
    "title",
    "subtitle",
    "date",
    "place",
    "lead",
    "body",
    "quotes",
    "caption",
    "photo_credit",
    "boilerplate",
    "contact",
    "persons",
)
BASELINE = json.loads((DATA / "release_parse_baseline.json").read_text(encoding="utf-8"))
RELEASES = sorted(p.stem for p in CORPUS.glob("[0-9][0-9]-*.txt"))


@cache
def parsed(stem: str) -> dict[str, Any]:
    return parse_release((CORPUS / f"{stem}.txt").read_text(encoding="utf-8")).to_dict()


@cache
def expected(stem: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CORPUS / f"{stem}.json").read_text(encoding="utf-8"))
    return data


def _field_cases() -> list[Any]:
    cases = []
    for stem in [*RELEASES, SEED]:
        for field in FIELDS:
            known = f"{stem} {field}" in BASELINE["xfail"]
            marks = [pytest.mark.xfail(strict=True, reason="known failure, see baseline")] if known else []
            cases.append(pytest.param(stem, field, id=f"{stem}-{field}", marks=marks))
    return cases


def test_corpus_is_complete() -> None:
    assert len(RELEASES) == 10
    assert (CORPUS / f"{SEED}.txt").exists()


@pytest.mark.parametrize(("stem", "field"), _field_cases())
def test_corpus_field(stem: str, field: str) -> None:
    assert parsed(stem)[field] == expected(stem)[field]


def test_field_accuracy_meets_pinned_floors() -> None:
    for field, floor in BASELINE["floors"].items():
        correct = sum(parsed(stem)[field] == expected(stem)[field] for stem in RELEASES)
        assert correct >= floor, f"{field}: {correct}/10 correct, floor {floor}"


def test_floors_keep_the_required_minimum() -> None:
    floors = BASELINE["floors"]
    assert set(floors) == set(FIELDS)
    for field in ("title", "date", "place", "contact", "caption"):
        assert floors[field] == 10
    assert floors["lead"] >= 9 and floors["body"] >= 9


@pytest.mark.parametrize("stem", [*RELEASES, SEED])
def test_corpus_language_is_german(stem: str) -> None:
    assert parsed(stem)["language"] == "de"


def test_to_dict_uses_the_corpus_field_names() -> None:
    shared = set(expected(RELEASES[0])) - {"abbreviations", "numbers"}
    assert shared <= set(parsed(RELEASES[0]))


def test_release_survives_a_dict_round_trip() -> None:
    release = parse_release(
        (CORPUS / f"{RELEASES[1]}.txt").read_text(encoding="utf-8"), Source("txt", "a.txt")
    )
    assert Release.from_dict(release.to_dict()) == release
    assert release.source == Source("txt", "a.txt")


def test_windows_line_endings_give_the_same_result() -> None:
    text = (CORPUS / f"{RELEASES[4]}.txt").read_text(encoding="utf-8")
    assert parse_release(text.replace("\n", "\r\n")).to_dict() == parsed(RELEASES[4])


# --- bad input ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param(" \n\t\n  ", id="whitespace"),
        pytest.param("123 456 – 7.8 %\n\n0,5", id="no-letters"),
        pytest.param(bytes(range(256)).decode("latin-1") * 3, id="binary-latin1"),
        pytest.param(
            bytes([0x89, 0x50, 0x4E, 0x47, 0, 0, 0xFF, 0xFE] * 40).decode("utf-8", "replace"), id="png"
        ),
    ],
)
def test_unusable_text_raises_parse_error_in_german(text: str) -> None:
    with pytest.raises(ParseError, match="Bitte"):
        parse_release(text)


def test_dateline_without_title_asks_for_a_title() -> None:
    with pytest.raises(ParseError, match="Überschrift"):
        parse_release("Berlin, 3. März 2025. Der Senat hat den Haushalt beschlossen.")


# --- layout variants ---------------------------------------------------------


def test_a_single_line_is_a_title_only_release() -> None:
    release = parse_release("Bürgerbüro bleibt am Freitag geschlossen\n")
    assert release.title == "Bürgerbüro bleibt am Freitag geschlossen"
    assert (release.lead, release.date, release.place, release.body) == (None, None, None, ())


def test_without_dateline_the_first_paragraph_is_the_lead() -> None:
    release = parse_release("Neue Öffnungszeiten\n\nDas Rathaus öffnet ab Mai früher.\n\nDer Samstag bleibt.")
    assert (release.title, release.date, release.place) == ("Neue Öffnungszeiten", None, None)
    assert release.lead == "Das Rathaus öffnet ab Mai früher."
    assert release.body == ("Der Samstag bleibt.",)


@pytest.mark.parametrize(
    ("dateline", "place", "date"),
    [
        ("Bad Kaltenbrunn, 02. Juni 2025.", "Bad Kaltenbrunn", "2025-06-02"),
        ("Halle (Saale), 13.03.2025 –", "Halle (Saale)", "2025-03-13"),
        ("Kiel, den 1. Dezember 2024:", "Kiel", "2024-12-01"),
        ("Köln, Montag, 3. Februar 2025 –", "Köln", "2025-02-03"),
        ("Hamburg (dpa) –", "Hamburg", None),
        ("Hamburg (ots), 4. Mai 2025 -", "Hamburg", "2025-05-04"),
    ],
)
def test_dateline_variants(dateline: str, place: str, date: str | None) -> None:
    release = parse_release(f"Titel\n\n{dateline} Die Stadt baut eine Brücke.")
    assert (release.place, release.date, release.lead) == (place, date, "Die Stadt baut eine Brücke.")


def test_header_line_and_title_in_one_block() -> None:
    release = parse_release(
        "PRESSEMITTEILUNG\nStadt baut Brücke\nSanierung ab Mai\n\nKiel, 3. März 2025. Text."
    )
    assert (release.title, release.subtitle) == ("Stadt baut Brücke", "Sanierung ab Mai")


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (("Qualifi-", "zierung ab Mai"), "Qualifizierung ab Mai"),
        (("Presse-", "und Öffentlichkeitsarbeit"), "Presse- und Öffentlichkeitsarbeit"),
        (("die KMU-", "Definition"), "die KMU-Definition"),
        (("liegen u.", "a. aus"), "liegen u. a. aus"),
        (("  eingerückt", "  weiter"), "eingerückt weiter"),
    ],
)
def test_wrapped_lines_are_joined(lines: tuple[str, ...], joined: str) -> None:
    assert join_lines(lines, markers()) == joined


def test_dash_at_a_line_start_inside_a_paragraph_is_no_list() -> None:
    block = ("Mikroschäden im Laminat", "– etwa Faserbrüche – bleiben oft unentdeckt.")
    assert block_entries(block, markers()) == [
        "Mikroschäden im Laminat – etwa Faserbrüche – bleiben oft unentdeckt."
    ]


def test_caption_with_the_credit_at_the_end_and_contact_without_heading() -> None:
    text = (
        "Titel\n\nKiel, 3. März 2025. Text.\n\n"
        "Bildunterschrift: Der Neubau am Hafen. (Foto: Stadt Kiel)\n\n"
        "Anna Berg\nStadt Kiel\nTelefon: 0431 123 45\nE-Mail: presse@kiel.example.de"
    )
    release = parse_release(text)
    assert (release.caption, release.photo_credit) == ("Der Neubau am Hafen.", "Stadt Kiel")
    assert release.contact == Contact(
        "Anna Berg", "Stadt Kiel", "0431 123 45", "presse@kiel.example.de", None
    )
    assert release.body == ()


def test_quotes_speakers_and_titles_in_quotation_marks() -> None:
    text = (
        "Titel\n\nKiel, 3. März 2025. Das Festival „Kieler Nächte“ beginnt.\n\n"
        "»Wir freuen uns«, sagte Bürgermeisterin Dr. Jana Reuter. „Kommen Sie vorbei.“\n\n"
        "Reuter ergänzte: „Der Eintritt ist frei.“"
    )
    release = parse_release(text)
    assert [(q.text, q.speaker) for q in release.quotes] == [
        ("Wir freuen uns", "Dr. Jana Reuter"),
        ("Kommen Sie vorbei.", "Dr. Jana Reuter"),
        ("Der Eintritt ist frei.", "Dr. Jana Reuter"),
    ]
    assert [(p.name, p.role) for p in release.persons] == [("Dr. Jana Reuter", "Bürgermeisterin")]


def test_english_release_is_detected_as_english() -> None:
    text = (
        "City council approves new budget\n\n"
        "London, 3 March 2025 – The city council has approved the budget for the next two years. "
        "After a long debate, the members voted in favour of the plan, which will fund new schools."
    )
    assert parse_release(text).language == "en"


# --- robustness --------------------------------------------------------------

_CORPUS_LINES = sorted(
    {line for path in CORPUS.glob("*.txt") for line in path.read_text(encoding="utf-8").splitlines()}
)
_PIECES = st.one_of(
    st.sampled_from(_CORPUS_LINES),
    st.text(max_size=30),
    st.sampled_from(["", "„", "“", ", sagte ", "Dr. ", "Über uns", "- ", "Tel.: 0", "Pressekontakt:", ":"]),
)


@settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=25).map("\n".join))
def test_any_text_gives_a_release_or_a_parse_error(text: str) -> None:
    try:
        release = parse_release(text)
    except ParseError as error:
        assert str(error)
    else:
        assert release.title.strip()
        assert release.language in ("de", "en", "und")


def test_names_with_unknown_given_names_particles_and_title_with_surname_only() -> None:
    text = (
        "Neues Institut eröffnet\n\n"
        "Jena, 3. März 2025. Prof. Dr. Xaver Quast, Direktor des Instituts, eröffnete das Haus. "
        "Auch Maria von der Heide, Leiterin der Bibliothek, war dabei.\n\n"
        "„Wir sind stolz“, sagte Dr. Quast. Ursula ten Brink ergänzte: „Ein guter Tag.“ "
        "Dr. Ebert, Kanzler der Universität, lobte den Bau."
    )
    release = parse_release(text)
    assert [(p.name, p.role) for p in release.persons] == [
        ("Prof. Dr. Xaver Quast", "Direktor des Instituts"),
        ("Maria von der Heide", "Leiterin der Bibliothek"),
        ("Ursula ten Brink", None),
        ("Dr. Ebert", "Kanzler der Universität"),
    ]
    assert [(q.text, q.speaker) for q in release.quotes] == [
        ("Wir sind stolz", "Prof. Dr. Xaver Quast"),
        ("Ein guter Tag.", "Ursula ten Brink"),
    ]


def test_separate_heading_blocks_end_marks_and_caption_credit_after_a_stop() -> None:
    text = (
        "Titel\n\nKiel, 3. März 2025. Text.\n\n"
        "Folgende Termine:\n• Montag\n• Dienstag, mit einer langen\n  Fortsetzung\n\n"
        "Bildtext: Der Neubau. Foto: Jan Ohm\n\n"
        "Über uns:\n\nDie Stadtwerke Kiel versorgen die Stadt.\n\n"
        "###\n\n"
        "Pressekontakt:\n\nStadtwerke Kiel GmbH\nTel. 0431 99\nwww.stadtwerke-kiel.example.de"
    )
    release = parse_release(text)
    assert release.body == ("Folgende Termine:", "Montag", "Dienstag, mit einer langen Fortsetzung")
    assert (release.caption, release.photo_credit) == ("Der Neubau.", "Jan Ohm")
    assert release.boilerplate == "Die Stadtwerke Kiel versorgen die Stadt."
    assert release.contact == Contact(
        None, "Stadtwerke Kiel GmbH", "0431 99", None, "www.stadtwerke-kiel.example.de"
    )
