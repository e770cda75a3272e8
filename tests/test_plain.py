"""The plain-language version: public API, traceability, labelling, engines and bad input."""

from __future__ import annotations

import json
from dataclasses import FrozenInstanceError, replace
from pathlib import Path

import pytest

from simplify.plain import (
    PlainConfig,
    SimplifyError,
    get_engine,
    simplify,
    source_parts,
    source_text,
)
from simplify.plain_rewrite import simplify_sentence
from simplify.release import Release
from simplify.rules import RuleContext
from simplify.segment import split_sentences

DATA = Path(__file__).parent / "data"


def _release(name: str) -> Release:
    return Release.from_dict(json.loads((DATA / "corpus" / f"{name}.json").read_text(encoding="utf-8")))


def _unchanged_sentences() -> list[str]:
    lines = (DATA / "plain_unchanged.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def test_negative_set_is_big_enough() -> None:
    assert len(_unchanged_sentences()) >= 20


@pytest.mark.parametrize("sentence", _unchanged_sentences())
def test_simple_sentences_stay_unchanged(sentence: str) -> None:
    kept, omitted = simplify_sentence(sentence, 0, RuleContext(PlainConfig()))
    assert [(s.text, s.steps) for s in kept] == [(sentence, ())]
    assert omitted == []


def test_source_indices_number_the_sentences_of_source_text() -> None:
    release = _release("04-polizei-wohnungsbrand")
    version = simplify(release)
    sentences = split_sentences(source_text(release))
    for line in version.sentences():
        assert all(0 <= i < len(sentences) for i in line.source_indices)
    rescue = next(s for s in version.sentences() if s.text.startswith("Die Feuerwehr hat eine 78-jährige"))
    (index,) = rescue.source_indices
    assert "von der Feuerwehr" in sentences[index].text
    assert [step.rule_id for step in rescue.steps][0] == "passiv"
    assert rescue.steps[0].source_sentence == index


def test_relative_clause_becomes_a_sentence_traceable_to_its_source() -> None:
    release = _release("04-polizei-wohnungsbrand")
    version = simplify(release)
    sentences = split_sentences(source_text(release))
    line = next(s for s in version.sentences() if s.text.startswith("Die 78-Jährige konnte"))
    (index,) = line.source_indices
    assert ", die ihre Wohnung" in sentences[index].text
    assert "relativsatz" in [step.rule_id for step in line.steps]
    assert any(s.text == "Die 78-Jährige wurde über die Drehleiter gerettet." for s in version.sentences())


def test_source_text_joins_parts_like_readability() -> None:
    from simplify.readability import release_text

    release = _release("02-innovationsforum-seltental")
    assert source_text(release) == release_text(release)
    assert [kind for kind, _ in source_parts(release)][:3] == ["title", "subtitle", "lead"]


def test_apposition_and_acronym_explanation() -> None:
    version = simplify(_release("02-innovationsforum-seltental"))
    lines = [s.text for s in version.sentences()]
    assert "Jens-Uwe Markgraf ist Landrat." in lines
    assert lines.count("IHK: Das ist die Industrie- und Handels·kammer.") == 1
    ihk_explained = lines.index("IHK: Das ist die Industrie- und Handels·kammer.")
    first_use = next(i for i, line in enumerate(lines) if "IHK" in line and not line.startswith("IHK:"))
    assert ihk_explained < first_use


def test_list_of_people_becomes_bullets() -> None:
    version = simplify(_release("02-innovationsforum-seltental"))
    items = [s.text for s in version.sentences() if s.is_list_item]
    start = items.index("Frank Osterkamp")
    assert items[start : start + 4] == [
        "Frank Osterkamp",
        "Tobias Wernicke",
        "Nadine Brüggemann",
        "Mehmet Korkmaz",
    ]


def test_list_after_colon_stays_a_list() -> None:
    version = simplify(_release("07-hitzetelefon-kaltenbrunn"))
    lines = version.sentences()
    intro = next(i for i, s in enumerate(lines) if s.text == "Das Gesundheits·amt rät an heißen Tagen:")
    items = [s.text for s in lines[intro + 1 : intro + 5]]
    assert all(s.is_list_item for s in lines[intro + 1 : intro + 5])
    assert items[2] == "körperliche Anstrengung von 11 bis 17 Uhr vermeiden"


def test_omitted_sentences_are_listed_with_a_reason() -> None:
    version = simplify(_release("05-foerderprogramm-qualifizierung"))
    assert version.omitted
    assert all(o.reason and o.text for o in version.omitted)
    kept = {i for s in version.sentences() for i in s.source_indices}
    assert {o.source_sentence for o in version.omitted} - kept


def test_summary_starts_with_when_and_where() -> None:
    version = simplify(_release("01-haushalt-lindenhagen"))
    assert version.summary[0].text == "Die Nachricht ist vom 13. März 2025 aus Lindenhagen."
    assert 3 <= len(version.summary) <= 6


def test_honest_label_and_engine() -> None:
    version = simplify(_release("10-kurzmeldung-buergerbuero"))
    assert version.label == "Automatisch vereinfacht – nicht von Prüflesenden geprüft"
    assert version.engine == "regeln"
    assert version.edited is False
    assert "Leichte Sprache (geprüft)" not in json.dumps(version.to_dict(), ensure_ascii=False)


def test_to_dict_is_json_ready() -> None:
    data = simplify(_release("07-hitzetelefon-kaltenbrunn")).to_dict()
    text = json.dumps(data, ensure_ascii=False)
    assert json.loads(text)["sections"][0]["sentences"][0]["source_indices"]
    assert set(data) >= {"summary", "sections", "glossary", "checks", "engine", "label", "text", "omitted"}


def test_hyphen_separator_setting() -> None:
    version = simplify(_release("01-haushalt-lindenhagen"), PlainConfig(separator="-"))
    text = version.text()
    assert "·" not in text
    assert "Grund-Steuer" in text


def test_config_is_frozen_and_validated() -> None:
    config = PlainConfig()
    with pytest.raises(FrozenInstanceError):
        config.separator = "-"  # type: ignore[misc]
    with pytest.raises(ValueError, match="separator"):
        PlainConfig(separator="/")


def test_unknown_engine_is_refused_in_german() -> None:
    with pytest.raises(SimplifyError, match="Unbekannte"):
        get_engine("gpt")


def test_english_release_is_refused_with_a_reason() -> None:
    release = Release(
        title="City council approves budget",
        lead="The city council approved the budget for the next two years on Wednesday. "
        "The vote was 38 to 21, and two members abstained from the vote.",
    )
    with pytest.raises(SimplifyError, match="Englisch"):
        simplify(release)
    with pytest.raises(SimplifyError, match="Englisch"):
        simplify(replace(_release("10-kurzmeldung-buergerbuero"), language="en"))


def test_title_only_release() -> None:
    version = simplify(Release(title="Bürgerbüro bleibt am Freitag geschlossen", date="2025-03-10"))
    lines = [s.text for s in version.sentences() if not s.steps or s.steps[-1].rule_id != "wort-erklaeren"]
    assert lines == ["Bürgerbüro bleibt am Freitag geschlossen."]
    assert version.summary[0].text == "Die Nachricht ist vom 10. März 2025."


def test_empty_release_is_refused() -> None:
    with pytest.raises(SimplifyError, match="keinen Text"):
        simplify(Release(title="  "))


def test_release_without_final_punctuation() -> None:
    release = Release(
        title="Neue Öffnungszeiten im Rathaus",
        lead="Das Rathaus ist ab Montag länger geöffnet\n\nDie Bürger können bis 18 Uhr kommen",
    )
    lines = [s.text for s in simplify(release).sentences()]
    assert "Das Rathaus ist ab Montag länger geöffnet." in lines


def test_release_in_capitals() -> None:
    release = Release(title="FEUERWEHR RETTET KATZE", lead="DIE FEUERWEHR HAT AM MONTAG EINE KATZE GERETTET.")
    lines = [s.text for s in simplify(release).sentences()]
    assert lines == ["Die Feuerwehr hat am Montag eine Katze gerettet."]
    assert simplify(release).title == "Feuerwehr rettet Katze"


def test_deterministic() -> None:
    release = _release("05-foerderprogramm-qualifizierung")
    assert simplify(release).to_dict() == simplify(release).to_dict()
