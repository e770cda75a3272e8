"""Hard words explained where they are first used (``simplify.plain_explain``), besides the Wörterbuch."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from simplify.checker import CheckConfig, check, errors
from simplify.glossary import build_glossary, lookup, terms
from simplify.plain import PlainConfig, PlainSentence, PlainVersion, simplify
from simplify.plain_explain import MAX_LINES, WHY, explanation_lines, line_passes
from simplify.plain_lexicon import glossary
from simplify.plain_tagging import has_finite_verb
from simplify.release import Release
from simplify.segment import words
from simplify.summary import WORD_EXPLAIN_RULE

DATA = Path(__file__).parent / "data"
CORPUS = sorted((DATA / "corpus").glob("[0-9][0-9]-*.json"))


@cache
def _release(name: str) -> Release:
    return Release.from_dict(json.loads((DATA / "corpus" / f"{name}.json").read_text(encoding="utf-8")))


@cache
def _plain(name: str, explain_inline: bool = True, separator: str = "·") -> PlainVersion:
    return simplify(_release(name), PlainConfig(explain_inline=explain_inline, separator=separator))


def _is_explanation(line: PlainSentence) -> bool:
    return any(step.rule_id == WORD_EXPLAIN_RULE for step in line.steps)


def _texts(version: PlainVersion) -> list[str]:
    return [s.text for s in version.sentences()]


def test_explanation_follows_the_first_use() -> None:
    version = _plain("03-forschung-rotorblaetter")
    lines = version.sentences()
    first_use = next(i for i, s in enumerate(lines) if "Rotor·blätter" in s.text)
    # after the lines made from the same source sentence ("Das ist mehrere Wochen vor …")
    explanation = next(s for s in lines[first_use:] if _is_explanation(s))
    assert all(
        s.source_indices == explanation.source_indices for s in lines[first_use : lines.index(explanation)]
    )
    assert explanation.text == "Rotor·blätter sind die langen Flügel an einem Wind·rad."
    assert explanation.source_indices == lines[first_use].source_indices
    (step,) = explanation.steps
    assert (step.rule_id, step.source_sentence, step.before, step.after, step.why) == (
        WORD_EXPLAIN_RULE,
        lines[first_use].source_indices[0],
        "Rotor·blättern",
        explanation.text,
        WHY,
    )
    assert WHY.endswith(".")


def test_one_sentence_per_line_and_each_word_once() -> None:
    release = Release(
        title="Neuer Landrat",
        lead="Der Landrat hat am Montag die neue Schule eröffnet. Der Landrat war sehr zufrieden.",
    )
    assert _texts(simplify(release)) == [
        "Der Landrat hat am Montag die neue Schule eröffnet.",
        "Der Landrat ist der Chef von einem Kreis.",
        "Die Menschen im Kreis wählen ihn.",
        "Der Landrat war sehr zufrieden.",
    ]


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_inserted_lines_keep_the_rules(path: Path) -> None:
    config = PlainConfig()
    for line in filter(_is_explanation, _plain(path.stem).sentences()):
        assert 0 < len(words(line.text)) <= config.max_words, line.text
        assert has_finite_verb(line.text), line.text
        assert not errors(check(line.text, CheckConfig())), line.text
        assert not any(c.isdigit() for c in line.text), line.text


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_only_wörterbuch_words_once_and_never_in_the_summary(path: Path) -> None:
    version = _plain(path.stem)
    explained = [line.steps[0].before for line in version.sentences() if _is_explanation(line)]
    in_wörterbuch = {lookup(entry.word) for entry in version.glossary}
    assert {lookup(word) for word in explained} <= in_wörterbuch
    texts = [line.text for line in version.sentences() if _is_explanation(line)]
    assert len(texts) == len(set(texts))
    assert not any(_is_explanation(line) for line in version.summary)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_switched_off_gives_the_text_without_explanations(path: Path) -> None:
    on, off = _plain(path.stem), _plain(path.stem, explain_inline=False)
    assert not any(_is_explanation(line) for line in off.sentences())
    assert [s for s in on.sentences() if not _is_explanation(s)] == list(off.sentences())
    assert on.glossary == off.glossary  # the Wörterbuch stays as it is
    assert on.summary == off.summary


def test_explanation_that_breaks_a_rule_stays_in_the_wörterbuch_only(monkeypatch: pytest.MonkeyPatch) -> None:
    table = {
        "bürgerbüro": "Im Bürgerbüro bekommt man Hilfe vom Amt. Zum Beispiel einen neuen Ausweis.",
        "doppelhaushalt": "Ein Doppelhaushalt ist ein Plan für das Geld von einer Stadt für 2 Jahre.",
    }
    monkeypatch.setattr("simplify.plain_explain.glossary", lambda: table)
    assert explanation_lines("bürgerbüro", PlainConfig()) == ()  # "Zum Beispiel …" has no finite verb
    assert explanation_lines("doppelhaushalt", PlainConfig()) == ()  # every number must be the release's


def test_every_wörterbuch_explanation_can_go_inline() -> None:
    """No explanation silently stays in the Wörterbuch only: each one keeps the rules of the text."""
    config = PlainConfig()
    assert [key for key in glossary() if not explanation_lines(key, config)] == []


def test_words_that_do_not_fit_wait_for_their_next_use() -> None:
    release = Release(
        title="Neue Förderung",
        lead=(
            "Die Landesförderbank zahlt jeden Zuschuss über das Förderportal aus. "
            "Die Bewilligungsbehörde prüft den Zuschuss."
        ),
    )
    texts = _texts(simplify(release))
    assert texts == [
        "Die Landes·förder·bank zahlt jeden Zuschuss über das Förder·portal aus.",
        "Die Landes·förder·bank ist eine Bank von einem Bundesland.",
        "Sie gibt Geld für gute Ideen.",
        "Ein Förder·portal ist eine Seite im Internet.",
        "Dort bittet man um Geld vom Staat.",
        "Die Bewilligungs·behörde prüft den Zuschuss.",
        "Die Bewilligungs·behörde ist ein Amt.",
        "Es entscheidet über Anträge.",
        "Ein Zuschuss ist Geld als Hilfe.",
        "Man muss es nicht zurück·geben.",
    ]


def test_forms_of_one_word_are_explained_once() -> None:
    release = Release(
        title="Neue Pläne", lead="Die Stadt plant eine Investition. Alle Investitionen sind geprüft."
    )
    explained = [line.steps[0].before for line in simplify(release).sentences() if _is_explanation(line)]
    assert explained == ["Investition", "Investition"]  # its two lines; "Investitionen" not again


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_at_most_max_lines_after_one_sentence(path: Path) -> None:
    run = longest = 0
    for line in _plain(path.stem).sentences():
        run = run + 1 if _is_explanation(line) else 0
        longest = max(longest, run)
    assert longest <= MAX_LINES


def test_list_stays_together() -> None:
    release = Release(
        title="Tipps bei Hitze",
        lead="Das Gesundheitsamt rät an heißen Tagen:",
        body=("viel Wasser trinken", "im Schatten bleiben"),
    )
    lines = simplify(release).sentences()
    assert [(s.text, s.is_list_item) for s in lines] == [
        ("Das Gesundheits·amt rät an heißen Tagen:", False),
        ("viel Wasser trinken", True),
        ("im Schatten bleiben", True),
        ("Das Gesundheits·amt ist ein Amt.", False),
        ("Es kümmert sich um die Gesundheit von allen Menschen im Ort.", False),
    ]
    assert lines[3].source_indices == lines[0].source_indices


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_no_explanation_between_a_list_and_its_items(path: Path) -> None:
    lines = _plain(path.stem).sentences()
    assert not [
        a.text for a, b in zip(lines, lines[1:], strict=False) if _is_explanation(a) and b.is_list_item
    ]


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_explanations_come_after_all_lines_of_their_source_sentence(path: Path) -> None:
    """ "Das ist am 14. März." must stay next to the statement it belongs to."""
    lines = [s for s in _plain(path.stem).sentences() if not s.is_list_item]
    plain = [s for s in lines if not _is_explanation(s)]
    for a, b in zip(plain, plain[1:], strict=False):
        between = lines[lines.index(a) + 1 : lines.index(b)]
        if between and a.source_indices == b.source_indices:
            pytest.fail(f"explanation between {a.text!r} and {b.text!r}")


def test_explanation_waits_for_the_rest_of_its_sentence() -> None:
    texts = _texts(_plain("10-kurzmeldung-buergerbuero"))
    core = texts.index(
        "Das Bürgerbüro im Rathaus und die Kfz-Zulassungsstelle bleiben den ganzen Tag geschlossen."
    )
    assert texts[core + 1 : core + 5] == [
        "Das ist am Freitag, 14. März 2025.",
        "Der Grund ist eine Personal·versammlung.",
        "Im Bürgerbüro bekommt man Hilfe vom Amt.",
        "Dort bekommt man zum Beispiel einen neuen Ausweis.",
    ]


def test_explained_word_is_written_as_in_the_text() -> None:
    config = PlainConfig()
    assert explanation_lines("stadtwerke", config, as_written="Stadt·werken")[0] == (
        "Die Stadt·werke sind eine Firma von der Stadt."
    )
    assert explanation_lines("stadtwerke", config)[0] == "Die Stadtwerke sind eine Firma von der Stadt."
    release = Release(title="Geld für das Fest", lead="Das Fest bekommt Geld von den Stadtwerken.")
    hyphen = _texts(simplify(release, PlainConfig(separator="-")))
    assert "Die Stadt-Werke sind eine Firma von der Stadt." in hyphen
    assert not any("·" in line for line in hyphen)


def test_line_passes() -> None:
    config = PlainConfig()
    assert line_passes("Ein Zuschuss ist Geld als Hilfe.", config)
    assert not line_passes("Zum Beispiel vom Staat.", config)
    assert not line_passes("Das Amt (Bauen) hilft.", config)
    assert not line_passes(" ".join(["Wort"] * 16) + " ist da.", replace(config, max_words=15))


def test_setting_is_documented() -> None:
    assert PlainConfig().explain_inline is True
    assert "explain_inline" in (PlainConfig.__doc__ or "")


def test_wörterbuch_splits_only_nouns() -> None:
    entries = build_glossary(["Die Brandwohnung ist leer. Der Weg ist ausgeschildert."], "·")
    assert [entry.word for entry in entries] == ["Brand·wohnung", "ausgeschildert"]


def _glossary_with(monkeypatch: pytest.MonkeyPatch, table: dict[str, str]) -> None:
    monkeypatch.setattr("simplify.glossary.glossary", lambda: {t.lower(): e for t, e in table.items()})
    monkeypatch.setattr("simplify.glossary.glossary_display", lambda: {t.lower(): t for t in table})


def test_terms_of_several_words_longest_first(monkeypatch: pytest.MonkeyPatch) -> None:
    _glossary_with(
        monkeypatch,
        {"Energy": "…", "Low Energy": "…", "Bluetooth Low Energy": "…", "Low Energy Modus": "…"},
    )
    text = "Per Bluetooth Low Energy. Im Low Energy Modus. Nur Energy. Low Energy hilft."
    assert list(terms(text)) == [
        ("Bluetooth Low Energy", "bluetooth low energy"),
        ("Low Energy Modus", "low energy modus"),
        ("Energy", "energy"),
        ("Low Energy", "low energy"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Viele Modelle sind eine Black Box.", [("Black Box", "black box")]),
        ("Das Black-Box-Modell ist neu.", []),  # never inside a longer word
        ("Dort stehen Black Boxen.", []),
        ("Viele Modelle sind eine black box.", []),  # the case as in the Wörterbuch
        ("Die Updates kommen over the air.", [("over the air", "over the air")]),
        ("Sie planen einen Proof of\nConcept.", [("Proof of\nConcept", "proof of concept")]),
        ("Das Smart Buil·ding ist neu.", [("Smart Buil·ding", "smart building")]),
        (
            "Der Landrat spricht über Predictive Maintenance.",
            [("Landrat", "landrat"), ("Predictive Maintenance", "predictive maintenance")],
        ),
        (
            "Das Deep-Learning-Modell und die KI-Modelle.",
            [("Deep-Learning-Modell", "deep-learning-modell"), ("KI-Modelle", "ki-modell")],
        ),
    ],
)
def test_terms_are_whole_words_as_written(text: str, expected: list[tuple[str, str]]) -> None:
    assert list(terms(text)) == expected


def test_lookup_of_a_term_of_several_words() -> None:
    assert lookup("Proof of Concept") == "proof of concept"
    assert lookup("Proof  of\nConcept") == "proof of concept"
    assert lookup("proof of concept") is None
    assert lookup("Proof of") is None
    assert lookup("Landräten") is None and lookup("Landrat") == "landrat"


def test_term_of_several_words_is_explained_and_in_the_wörterbuch() -> None:
    release = Release(
        title="Neue Technik", lead="Der Landrat hat am Montag einen Proof of Concept gestartet."
    )
    version = simplify(release)
    assert _texts(version) == [
        "Der Landrat hat am Montag einen Proof of Concept gestartet.",
        "Der Landrat ist der Chef von einem Kreis.",
        "Die Menschen im Kreis wählen ihn.",
        "Bei einem Proof of Concept probiert man eine neue Idee aus.",
        "Man prüft: Funktioniert sie wirklich?",
    ]
    explained = [line.steps[0].before for line in version.sentences() if _is_explanation(line)]
    assert explained == ["Landrat", "Landrat", "Proof of Concept", "Proof of Concept"]
    assert [entry.word for entry in version.glossary] == ["Landrat", "Proof of Concept"]
    assert version.glossary[1].explanation == glossary()["proof of concept"]


def test_corpus_terms_of_several_words_are_explained() -> None:
    texts = _texts(_plain("06-produktlaunch-climanode"))
    assert "Ein Smart Building ist ein Gebäude mit viel Technik." in texts
    assert "Mit Bluetooth Low Energy verbinden sich Geräte ohne Kabel." in texts
    words = [entry.word for entry in _plain("03-forschung-rotorblaetter").glossary]
    assert {"Predictive Maintenance", "Black Box", "Proof of Concept", "Machine-Learning-Verfahren"} <= set(
        words
    )
