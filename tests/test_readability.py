"""Readability: hand-computed counts and scores, bands, "nicht messbar", release analysis, JSON."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from simplify import scores
from simplify.readability import analyze, analyze_release, release_text
from simplify.release import Release
from simplify.scores import NOT_MEASURABLE, Counts

CORPUS = Path(__file__).parent / "data" / "corpus"


def test_three_short_sentences_by_hand() -> None:
    # Er(1) kam(1). Sie(1) ging(1). Wir(1) blie-ben(2) lan-ge(2) dort(1).
    r = analyze("Er kam. Sie ging. Wir blieben lange dort.")
    c = r.counts
    assert (c.sentences, c.words, c.syllables, c.letters) == (3, 8, 10, 2 + 3 + 3 + 4 + 3 + 7 + 5 + 4)
    assert (c.long_words, c.polysyllabic_words, c.monosyllabic_words) == (1, 0, 6)  # long: "blieben"
    s = r.scores
    assert s.flesch_amstad.value == pytest.approx(180 - 8 / 3 - 58.5 * 10 / 8)  # 104.21
    assert s.flesch_amstad.band == "sehr leicht"
    ms, sl, iw, es = 0.0, 8 / 3, 100 * 1 / 8, 100 * 6 / 8
    assert s.wiener_sachtextformel_1.value == pytest.approx(
        0.1935 * ms + 0.1672 * sl + 0.1297 * iw - 0.0327 * es - 0.875
    )
    assert s.wiener_sachtextformel_2.value == pytest.approx(0.2007 * ms + 0.1682 * sl + 0.1373 * iw - 2.779)
    assert s.wiener_sachtextformel_3.value == pytest.approx(0.2963 * ms + 0.1905 * sl - 1.1144)
    assert s.wiener_sachtextformel_4.value == pytest.approx(0.2744 * ms + 0.2656 * sl - 1.693)
    assert s.lix.value == pytest.approx(8 / 3 + 100 * 1 / 8)
    assert s.gsmog.value == pytest.approx(math.sqrt(0 * 30 / 3) - 2)
    assert s.mean_sentence_length.value == pytest.approx(8 / 3)
    assert s.share_sentences_over_15.value == 0.0
    assert s.share_sentences_over_20.value == 0.0
    assert s.share_long_words.value == pytest.approx(12.5)
    assert r.band == "sehr leicht"


def test_dateline_is_excluded_by_hand() -> None:
    text = "Duisburg, 12. November 2024. Die Stadtverwaltung informiert über 1.000 Ausbildungsplätze."
    r = analyze(text)
    assert r.excluded == ((0, len("Duisburg, 12. November 2024. ")),)
    assert [s.text for s in r.sentences] == ["Die Stadtverwaltung informiert über 1.000 Ausbildungsplätze."]
    # Die(1) Stadt-ver-wal-tung(4) in-for-miert(3) ü-ber(2) 1.000(1) Aus-bil-dungs-plät-ze(5)
    c = r.counts
    assert (c.sentences, c.words, c.syllables, c.letters) == (1, 6, 16, 3 + 15 + 10 + 4 + 0 + 17)
    assert (c.long_words, c.polysyllabic_words, c.monosyllabic_words) == (3, 3, 2)
    s = r.scores
    assert s.flesch_amstad.value == pytest.approx(180 - 6 / 1 - 58.5 * 16 / 6)  # 18.0
    assert s.flesch_amstad.band == "sehr schwer"
    ms, sl, iw, es = 100 * 3 / 6, 6.0, 100 * 3 / 6, 100 * 2 / 6
    assert s.wiener_sachtextformel_1.value == pytest.approx(
        0.1935 * ms + 0.1672 * sl + 0.1297 * iw - 0.0327 * es - 0.875
    )
    assert s.wiener_sachtextformel_2.value == pytest.approx(0.2007 * ms + 0.1682 * sl + 0.1373 * iw - 2.779)
    assert s.wiener_sachtextformel_3.value == pytest.approx(0.2963 * ms + 0.1905 * sl - 1.1144)
    assert s.wiener_sachtextformel_4.value == pytest.approx(0.2744 * ms + 0.2656 * sl - 1.693)
    assert s.wiener_sachtextformel_1.band == "sehr schwer"  # 15.20
    assert s.lix.value == pytest.approx(6 + 100 * 3 / 6)
    assert s.lix.band == "schwer"  # 56
    assert s.gsmog.value == pytest.approx(math.sqrt(3 * 30 / 1) - 2)
    assert s.share_long_words.value == pytest.approx(50.0)


def test_dateline_inside_a_raw_release_is_excluded() -> None:
    text = "Neue Schule\n\nDuisburg, 12. November 2024. Die Stadt baut.\n\nSie freut sich."
    r = analyze(text)
    assert r.excluded == ((text.index("Duisburg"), text.index("Die Stadt")),)
    assert [s.text for s in r.sentences] == ["Neue Schule", "Die Stadt baut.", "Sie freut sich."]
    assert all(text[s.start : s.end] == s.text for s in r.sentences)
    assert r.counts.words == 2 + 3 + 3


def test_heading_and_list_items_by_hand() -> None:
    r = analyze("Neue Regeln\n\nAb Mai gilt:\n• mehr Busse\n• weniger Autos")
    assert [s.text for s in r.sentences] == ["Neue Regeln", "Ab Mai gilt:", "mehr Busse", "weniger Autos"]
    # Neu-e(2) Re-geln(2) | Ab(1) Mai(1) gilt(1) | mehr(1) Bus-se(2) | we-ni-ger(3) Au-tos(2)
    c = r.counts
    assert (c.sentences, c.words, c.syllables, c.letters) == (4, 9, 15, 4 + 6 + 2 + 3 + 4 + 4 + 5 + 7 + 5)
    assert (c.long_words, c.polysyllabic_words, c.monosyllabic_words) == (1, 1, 4)
    s = r.scores
    assert s.flesch_amstad.value == pytest.approx(180 - 9 / 4 - 58.5 * 15 / 9)  # 80.25
    assert s.flesch_amstad.band == "leicht"
    ms, sl, iw, es = 100 * 1 / 9, 9 / 4, 100 * 1 / 9, 100 * 4 / 9
    assert s.wiener_sachtextformel_1.value == pytest.approx(
        0.1935 * ms + 0.1672 * sl + 0.1297 * iw - 0.0327 * es - 0.875
    )
    assert s.wiener_sachtextformel_4.value == pytest.approx(0.2744 * ms + 0.2656 * sl - 1.693)
    assert s.lix.value == pytest.approx(9 / 4 + 100 * 1 / 9)
    assert s.lix.band == "sehr leicht"
    assert s.gsmog.value == pytest.approx(math.sqrt(1 * 30 / 4) - 2)


def _counts(words: int, sentences: int, ms: int, iw: int, es: int) -> Counts:
    return Counts(sentences, words, 0, 0, iw, ms, es, 0, 0)


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        # textstat's German samples, from their stated counts: 14 W, 1 S, MS 0, IW 4, ES 6 → 3.770
        (_counts(words=14, sentences=1, ms=0, iw=4, es=6), 3.770),
        # 16 W, 1 S, MS 6, IW 7, ES 4 → 13.913
        (_counts(words=16, sentences=1, ms=6, iw=7, es=4), 13.913),
    ],
)
def test_wiener_sachtextformel_1_matches_textstat_samples(counts: Counts, expected: float) -> None:
    assert round(scores.wiener_sachtextformel_1(counts).value or 0.0, 3) == expected


def test_amstad_on_published_counts() -> None:
    # leichtlesbar/infotechnica example: 249 words, 29 sentences, 406 syllables → Amstad 76.0
    counts = Counts(29, 249, 406, 0, 0, 0, 0, 0, 0)
    assert scores.flesch_amstad(counts).value == pytest.approx(76.0, abs=0.05)


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (-20, "sehr schwer"),
        (29.9, "sehr schwer"),
        (30, "schwer"),
        (55, "mittelschwer"),
        (65, "mittel"),
        (75, "mittelleicht"),
        (85, "leicht"),
        (90, "sehr leicht"),
        (120.5, "sehr leicht"),
    ],
)
def test_flesch_bands(value: float, band: str) -> None:
    assert scores.flesch_band(value) == band


@pytest.mark.parametrize("text", ["", "   ", "– – –", "\n\n•\n"])
def test_empty_text_is_not_measurable(text: str) -> None:
    r = analyze(text)
    assert r.counts.words == 0
    assert r.band == NOT_MEASURABLE
    for name in ("flesch_amstad", "wiener_sachtextformel_1", "lix", "gsmog", "share_long_words"):
        score = getattr(r.scores, name)
        assert score.value is None
        assert score.band == NOT_MEASURABLE
        assert score.explanation


def test_every_score_has_a_band_and_an_explanation() -> None:
    r = analyze("Die Stadt baut eine neue Schule. Sie kostet viel Geld.")
    for name, score in r.to_dict()["scores"].items():
        assert score["value"] is not None, name
        assert score["band"] in {
            "sehr leicht",
            "leicht",
            "mittelleicht",
            "mittel",
            "mittelschwer",
            "schwer",
            "sehr schwer",
        }
        assert score["explanation"].endswith(".")


def test_to_dict_is_json_with_architecture_field_names() -> None:
    text = "Die Zahl stieg auf 150. Weitere Termine folgen (siehe unten)."
    data = json.loads(json.dumps(analyze(text).to_dict()))
    assert {"counts", "scores", "band", "findings", "sentences", "text"} <= data.keys()
    assert data["counts"]["sentences"] == 2
    assert {"sentences", "words", "syllables", "letters", "long_words", "polysyllabic_words"} <= data[
        "counts"
    ].keys()
    parenthesis = [f for f in data["findings"] if f["rule"] == "parenthesis"]
    start, end = parenthesis[0]["spans"][0]
    assert text[start:end] == "(siehe unten)"


def test_analyze_release_reads_title_to_body_only() -> None:
    release = Release(
        title="Neue Schule",
        subtitle="Bau beginnt im Mai",
        lead="Die Stadt baut eine Schule.",
        body=("Sie kostet 5 Mio. Euro.", "Fragen beantwortet das Amt."),
        caption="Das Modell der Schule.",
        boilerplate="Über die Stadt: Sie ist schön.",
    )
    r = analyze_release(release)
    assert r.text == release_text(release)
    assert [s.text for s in r.sentences] == [
        "Neue Schule",
        "Bau beginnt im Mai",
        "Die Stadt baut eine Schule.",
        "Sie kostet 5 Mio. Euro.",
        "Fragen beantwortet das Amt.",
    ]
    assert all(r.text[s.start : s.end] == s.text for s in r.sentences)
    assert "Modell" not in r.text and "schön" not in r.text


def test_corpus_releases_have_sensible_scores() -> None:
    for path in sorted(CORPUS.glob("*.json")):
        release = Release.from_dict(json.loads(path.read_text("utf-8")))
        r = analyze_release(release)
        assert r.counts.sentences > 0
        assert r.scores.flesch_amstad.value is not None
        assert -50 < r.scores.flesch_amstad.value < 100, path.name
        for finding in r.findings:
            for start, end in finding.spans:
                assert 0 <= start < end <= len(r.text)
