"""The finite-verb test of the plain-language engine (``simplify.plain_tagging.has_finite_verb``)."""

from __future__ import annotations

import pytest

from simplify.plain_tagging import has_finite_verb


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Firma wächst.",
        "Der Rat hat den Haushalt beschlossen.",
        # plural present forms HanTa reads as infinitive or noun after their subject
        "Software-Updates erfolgen automatisch over the air.",
        "Die Halte·stellen Kanal·straße und Mühlen·graben entfallen.",
    ],
)
def test_full_sentences_have_a_finite_verb(sentence: str) -> None:
    assert has_finite_verb(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Jetzt anmelden.",
        "Das Programm im Überblick:",
        "Anträge ab 1. April 2025.",
        "Die neuen Regeln.",
        "Daten, Köpfe, Maschinen.",
        "Unter dem Motto Daten.",
    ],
)
def test_fragments_have_none(sentence: str) -> None:
    assert not has_finite_verb(sentence)
