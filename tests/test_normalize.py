"""German text normalisation for speech: golden table, offset map, invariants."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audio.normalize import NORMALIZER_VERSION, NormalizeConfig, Script, normalize

GOLDEN = json.loads((Path(__file__).parent / "data" / "speech_golden.json").read_text(encoding="utf-8"))

# Every German number word contains one of these pieces ("einundzwanzig", "zwölften", "Million").
NUMBER_WORD = re.compile(
    r"null|eins?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwan|ßig|hundert|tausend"
    r"|zig|sech|sieb|million|milliard|billi|erste|dritte",
    re.IGNORECASE,
)


def test_golden_table_is_large_enough() -> None:
    assert len(GOLDEN) >= 200
    assert len({case["input"] for case in GOLDEN}) == len(GOLDEN)


@pytest.mark.parametrize("case", GOLDEN, ids=[case["input"][:40] for case in GOLDEN])
def test_golden(case: dict[str, str]) -> None:
    assert normalize(case["input"]).text == case["expected"]


def test_data_files_are_large_enough_and_state_their_licence() -> None:
    data = Path(__file__).parent.parent / "audio" / "data"
    for name, minimum in (("abbreviations.tsv", 150), ("initialisms.tsv", 50)):
        lines = (data / name).read_text(encoding="utf-8").splitlines()
        assert any("GPL-3.0-or-later" in line for line in lines if line.startswith("#"))
        assert len([line for line in lines if line and not line.startswith("#")]) >= minimum


def test_version_is_a_nonempty_string() -> None:
    assert isinstance(NORMALIZER_VERSION, str) and NORMALIZER_VERSION


def _span_of(script: Script, spoken: str) -> tuple[int, int]:
    start = script.text.index(spoken)
    return script.source_span(start, start + len(spoken))


def test_offset_map_of_date_and_time() -> None:
    source = "Am 12. November 2024 um 14:30 Uhr"
    script = normalize(source)
    assert script.text == "Am zwölften November zweitausendvierundzwanzig um vierzehn Uhr dreißig"
    start, end = _span_of(script, "zwölften November zweitausendvierundzwanzig")
    assert source[start:end] == "12. November 2024"
    start, end = _span_of(script, "vierzehn Uhr dreißig")
    assert source[start:end] == "14:30 Uhr"
    start, end = _span_of(script, "um")
    assert source[start:end] == "um"
    # A single word inside an expansion maps to the whole expression it came from.
    start, end = _span_of(script, "dreißig")
    assert source[start:end] == "14:30 Uhr"


def test_offset_map_through_dropped_and_replaced_characters() -> None:
    source = "Die Fach·kräfte 😀 der IHK, z. B. in Köln."
    script = normalize(source)
    assert script.text == "Die Fachkräfte der I H K, zum Beispiel in Köln."
    start, end = _span_of(script, "Fachkräfte")
    assert source[start:end] == "Fach·kräfte"
    start, end = _span_of(script, "I H K")
    assert source[start:end] == "IHK"
    start, end = _span_of(script, "zum Beispiel")
    assert source[start:end] == "z. B."
    start, end = _span_of(script, "Köln")
    assert source[start:end] == "Köln"


def test_output_span_is_the_inverse_of_source_span() -> None:
    source = "Tel. 0800 123 456 7, Preis 12,50 €"
    script = normalize(source)
    span = script.output_span(source.index("12,50"), len(source))
    assert span is not None
    assert script.text[span[0] : span[1]] == "zwölf Euro fünfzig"


def test_segments_cover_the_script_in_order() -> None:
    script = normalize("Am 3.–14.3. gilt: § 3 Abs. 2, Mo.–Fr. 9–16 Uhr, info@stadt-x.de")
    position = 0
    for segment in script.segments:
        assert segment.out_start == position
        position = segment.out_end
    assert position == len(script.text)


def test_config_changes_phone_pause_and_slash() -> None:
    config = NormalizeConfig(phone_group_separator=" – ", slash_between_words=" oder ")
    assert normalize("Tel. 0221 12", config).text == "Telefon null zwei zwei eins – eins zwei"
    assert normalize("Rad/Fuß", config).text == "Rad oder Fuß"


def test_unknown_abbreviations_are_read_as_written() -> None:
    assert normalize("Die Xyz. und die ABCQ tagen.").text == "Die Xyz. und die ABCQ tagen."


def test_only_symbols_and_emoji_give_an_empty_script() -> None:
    assert normalize("😀 ™ ®").text.strip() == ""
    assert normalize("").text == ""


def test_long_release_is_normalised_in_reasonable_time() -> None:
    paragraph = "Am 12. November 2024 um 14:30 Uhr zahlte die IHK z. B. 12,50 € an Dr. Weber. " * 2500
    script = normalize(paragraph)  # ~200,000 characters
    assert script.text.count("zwölften November") == 2500


@settings(max_examples=300, deadline=None, database=None)
@given(st.text())
def test_never_raises_and_never_drops_a_digit(text: str) -> None:
    script = normalize(text)
    for index, ch in enumerate(text):
        if ch.isdecimal():
            span = script.output_span(index, index + 1)
            assert span is not None, f"digit {ch!r} at {index} was dropped"
            assert NUMBER_WORD.search(script.text[span[0] : span[1]]), (text, script.text)


@settings(max_examples=300, deadline=None, database=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "12.",
                "3.",
                "1.1.",
                "2025",
                "14:30",
                "Uhr",
                "bis",
                "am",
                "–",
                "-",
                "/",
                ",",
                "€",
                "%",
                "Mio.",
                "Tel.",
                "0800",
                "123",
                "§",
                "Abs.",
                "z. B.",
                "IHK",
                " ",
                "\n",
                "a",
                "Die",
                "II.",
                "@",
                "x.de",
            ]
        ),
        max_size=12,
    )
)
def test_digit_invariant_on_number_heavy_text(pieces: list[str]) -> None:
    text = " ".join(pieces)
    script = normalize(text)
    for index, ch in enumerate(text):
        if ch.isdecimal():
            span = script.output_span(index, index + 1)
            assert span is not None and NUMBER_WORD.search(script.text[span[0] : span[1]]), (
                text,
                script.text,
            )
    assert not re.search(r"\d", script.text), (text, script.text)
