"""The Leichte-Sprache data files: size, origin and licence header, well-formed rows, no duplicates."""

from __future__ import annotations

import re
from importlib import resources

import pytest
from wordfreq import zipf_frequency

from simplify import plain_lexicon as lexicon
from simplify.compounds import compound_split, split_compound
from simplify.glossary import lookup, terms
from simplify.plain import simplify
from simplify.plain_tagging import Token, tag
from simplify.release import Release
from simplify.segment import split_sentences

DATA_FILES = [
    "ls_abbreviations.tsv",
    "ls_glossary.tsv",
    "ls_replacements.tsv",
    "ls_number_words.tsv",
    "ls_months.txt",
    "ls_negative_words.txt",
    "ls_negative_subjunctive.txt",
    "ls_speech_verbs.txt",
    "ls_subordinators.txt",
    "ls_droppable_subordinators.txt",
    "ls_addition_markers.txt",
    "ls_fractions.tsv",
    "ls_place_nouns.txt",
    "ls_filler_words.txt",
    "ls_plural_replacements.tsv",
    "ls_verb_replacements.tsv",
    "ls_genitive_prepositions.txt",
    "ls_filler_attributes.txt",
    "ls_subjunctive_indicative.tsv",
    "ls_subjunctive_idioms.txt",
]


def _text(name: str) -> str:
    return resources.files("simplify.data").joinpath(name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", DATA_FILES)
def test_header_states_origin_and_licence(name: str) -> None:
    header = "\n".join(line for line in _text(name).splitlines() if line.startswith("#"))
    assert "Klartext" in header
    assert "GPL-3.0-or-later" in header


def test_abbreviations_are_many_and_unique() -> None:
    items = lexicon.abbreviations()
    assert len(items) >= 300
    assert len({a.short for a in items}) == len(items)
    assert {"z. B.", "IHK", "Dr.", "Mio.", "km"} <= {a.short for a in items}


def test_glossary_is_big_and_explains_in_short_sentences() -> None:
    table = lexicon.glossary()
    assert len(table) >= 300
    for term in ("landrat", "staatssekretär", "ministerium", "fachkräfte", "förderprogramm", "investition"):
        assert term in table
    for explanation in table.values():
        sentences = [s for s in explanation.replace("?", ".").split(".") if s.strip()]
        assert all(len(s.split()) <= 15 for s in sentences), explanation


# Everyday words that wordfreq's sources (news, subtitles, web) rate just below Zipf 4.
EVERYDAY_WORDS = {"ausweis", "batterie", "windrad", "windräder", "windrädern"}
_SUBORDINATE_TAGS = {"KOUS", "KOUI", "PRELS", "PRELAT"}


def _is_common(token: Token, key: str) -> bool:
    """Whether a word of an explanation is common: Zipf ≥ 4 as written or as lemma; a compound whose
    parts are (the reader sees "Arbeits·zeit"); a female form of a common word; or (a word of) the
    explained term."""
    word = token.text.replace("·", "")
    if not re.fullmatch(r"[^\W\d_][\w-]*", word) or key in (lookup(word), lookup(token.lemma)):
        return True
    if " " in key and word.lower() in key.split():
        return True
    if word.lower() in EVERYDAY_WORDS or max(zipf_frequency(w, "de") for w in (word, token.lemma)) >= 4:
        return True
    parts = compound_split(word)
    if len(parts) > 1 and all(
        max(zipf_frequency(p, "de"), zipf_frequency(p.removesuffix("s"), "de")) >= 4 for p in parts
    ):
        return True
    male = re.sub(r"in(nen)?$", "", word)
    return male != word and zipf_frequency(male, "de") >= 4


def _sentences(explanation: str) -> list[tuple[Token, ...]]:
    return [tag(sentence.text) for sentence in split_sentences(explanation)]


def test_glossary_explanations_use_common_words() -> None:
    rare = {
        key: [t.text for s in _sentences(explanation) for t in s if not _is_common(t, key)]
        for key, explanation in lexicon.glossary().items()
    }
    assert {key: words for key, words in rare.items() if words} == {}


def test_glossary_explanations_are_short_main_clauses_naming_the_word() -> None:
    for key, explanation in lexicon.glossary().items():
        sentences = _sentences(explanation)
        assert 1 <= len(sentences) <= 3, explanation
        for tokens in sentences:
            subordinate = [t for t in tokens if t.pos in _SUBORDINATE_TAGS]
            # "sagt, was …" is a clause; "Darin steht: Wie viel …?" is a question of its own
            subordinate += [
                b
                for a, b in zip(tokens, tokens[1:], strict=False)
                if b.pos in ("PWS", "PWAV") and a.text == ","
            ]
            assert not subordinate, explanation
        assert key in {lookup(t.text) for s in sentences for t in s} | {k for _, k in terms(explanation)}, (
            explanation
        )


def test_replacements_never_point_to_themselves() -> None:
    assert all(hard.lower() != common.lower() for hard, common in lexicon.replacements().items())
    assert all(hard.lower() != common.lower() for hard, common in lexicon.plural_replacements().items())


def test_verb_replacements_are_separate_and_complete() -> None:
    verbs = lexicon.verb_replacements()
    assert not set(verbs) & set(lexicon.replacements())
    for form, entry in verbs.items():
        roles = (entry.finite, entry.infinitive, entry.participle)
        assert any(roles), form
        assert all(new is None or new.lower() != form.lower() for new in roles), form


def test_blocking_entries_contain_a_shorter_entry() -> None:
    """An entry "=" only makes sense if it protects a longer phrase around a shorter entry."""
    table = lexicon.replacements()
    for phrase in (hard for hard, common in table.items() if common == "="):
        assert any(other != phrase and other in phrase for other in table), phrase


def test_genitive_prepositions_are_replaced_words() -> None:
    assert lexicon.genitive_prepositions() <= set(lexicon.replacements())


def test_filler_words_are_not_facts() -> None:
    fillers = {" ".join(words) for words in lexicon.filler_words()} | lexicon.filler_attributes()
    assert {"insgesamt", "bereits", "darüber hinaus", "sogenannte"} <= fillers
    facts = {"nicht", "nur", "etwa", "rund", "fast", "noch", "wieder", "allein", "erst", "kein", "keine"}
    facts |= {"mindestens", "höchstens", "bis zu", "ungefähr", "knapp", "über", "unter", "auch"}
    assert not {word for filler in fillers for word in filler.split()} & facts


def test_subjunctive_table_maps_to_other_forms() -> None:
    table = lexicon.subjunctive_indicative()
    assert table["sei"] == "ist" and table["seien"] == "sind" and table["könne"] == "kann"
    assert all(subjunctive != indicative for subjunctive, indicative in table.items())
    assert ("es", "sei", "denn") in lexicon.subjunctive_idioms()


def test_months_and_number_words() -> None:
    assert lexicon.months()[2] == "März"
    assert lexicon.number_words()["zwei"] == "2"
    assert lexicon.number_words()["fünften"] == "5."


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Fachkräftemangel", "Fach·kräfte·mangel"),
        ("Wirtschaftsförderung", "Wirtschafts·förderung"),
        ("Oberbürgermeister", "Ober·bürger·meister"),
        ("Haushaltssicherungskonzept", "Haushalts·sicherungs·konzept"),
        ("Bewohnerinnen", "Bewohnerinnen"),
        ("Unternehmen", "Unternehmen"),
        ("Feuerwehr", "Feuerwehr"),
        ("Kabarettist", "Kabarettist"),
        ("Teilnehmende", "Teilnehmende"),
        ("Studierende", "Studierende"),
        ("Fahrbahnübergänge", "Fahrbahn·übergänge"),
        ("Körperschallsensoren", "Körper·schall·sensoren"),
    ],
)
def test_compound_splitting(word: str, expected: str) -> None:
    assert split_compound(word) == expected


def test_unit_ppm_stays_and_is_explained_once() -> None:
    """ "1.000 Teile von einer Million" is wrong German after "von"; "ppm" stays and is explained."""
    lines = [
        s.text
        for s in simplify(
            Release(title="Luft im Büro", lead="Der Richtwert liegt bei 1.000 ppm.")
        ).sentences()
    ]
    assert lines[:2] == ["ppm: Das ist ein Maß für sehr kleine Mengen.", "Der Richtwert liegt bei 1.000 ppm."]


def test_acronym_explanations_are_main_clauses() -> None:
    for item in (a for a in lexicon.abbreviations() if a.kind == "akronym"):
        for sentence in split_sentences(f"Das ist {item.expansion}."):
            tokens = tag(sentence.text)
            assert not [t for t in tokens if t.pos in _SUBORDINATE_TAGS], item
