"""What espeak-ng (libespeak-ng from the espeakng-loader wheel) actually says for normalised text.

These assertions catch a change in the engine's reading as well as a regression in the normaliser. A
small private ctypes helper is used instead of audio/espeak.py so this test depends only on the library.
It runs in a child process: libespeak-ng keeps process-global state (voice, callback, initialisation),
and initialising it a second time next to the engine's own instance crashes the process.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from audio.normalize import normalize

_HELPER = r"""
import ctypes, json, sys
from pathlib import Path
import espeakng_loader

AUDIO_OUTPUT_SYNCHRONOUS, CHARS_UTF8, PHONEMES_IPA = 2, 1, 0x02
lib = ctypes.CDLL(espeakng_loader.get_library_path())
lib.espeak_Initialize.restype = ctypes.c_int
lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
lib.espeak_TextToPhonemes.restype = ctypes.c_char_p
lib.espeak_TextToPhonemes.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_int, ctypes.c_int]
data_parent = str(Path(espeakng_loader.get_data_path()).parent).encode()
if lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, data_parent, 0) <= 0:
    sys.exit("libespeak-ng did not initialise")
if lib.espeak_SetVoiceByName(b"de") != 0:
    sys.exit("no German voice in espeak-ng-data")
result = []
for text in json.load(sys.stdin):
    buffer = ctypes.create_string_buffer(text.encode("utf-8"))
    pointer = ctypes.c_void_p(ctypes.addressof(buffer))
    clauses = []
    while pointer.value:
        phonemes = lib.espeak_TextToPhonemes(ctypes.byref(pointer), CHARS_UTF8, PHONEMES_IPA)
        clauses.append((phonemes or b"").decode("utf-8"))
    result.append(" | ".join(clauses))
json.dump(result, sys.stdout)
"""

# (displayed text, must be in the phonemes of its script, must not be in them)
CASES = [
    ("z. B. hier", "bˈaɪʃpiːl", "tsˈɛt"),
    ("Am 12. November 2024", "tsvˈœlftən", "pʊŋkt"),
    ("1.1.2025", "jˈanuːˌɑːɾ", "pʊŋkt"),
    ("Dr. Müller", "dˈɔktoːɾ", "dˌeːˈɛɾ"),
    ("12,50 Euro", "ˈɔøroː fˈʏnftsɪç", "kɔmɑː"),
    ("IHK", "ˈiː hˈɑː kˈɑː", "ˈiːk"),
    ("v.l.n.r.", "lˈɪŋks", "ˌɛlˌɛn"),
    ("5 km", "kˌiːloːmˈeːtɜ", "kˌɑːˈɛm"),
    ("Tel. 0800 123", "tˌeːleːfˈoːn", "hˈʊndɜt"),
]
# Raw texts that espeak-ng misreads by itself, with the misreading.
RAW = [("z. B. hier", "tsˈɛt"), ("1.1.2025", "pʊŋkt"), ("Dr. Müller", "dˌeːˈɛɾ")]


@pytest.fixture(scope="module")
def phonemes() -> dict[str, str]:
    """IPA phonemes (German voice) of every text the tests below need, from one child process."""
    texts = [raw for raw, _ in RAW] + [normalize(text).text for text, _, _ in CASES]
    texts += ["14:30 Uhr", normalize("14:30 Uhr").text]
    done = subprocess.run(
        [sys.executable, "-c", _HELPER], input=json.dumps(texts), capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return dict(zip(texts, json.loads(done.stdout), strict=True))


@pytest.mark.parametrize(("text", "misreading"), RAW)
def test_raw_text_shows_the_problems_we_fix(phonemes: dict[str, str], text: str, misreading: str) -> None:
    """If espeak-ng ever reads these right by itself, the expectations below need a fresh look."""
    assert misreading in phonemes[text]


@pytest.mark.parametrize(("text", "wanted", "unwanted"), CASES)
def test_normalised_text_is_read_as_wanted(
    phonemes: dict[str, str], text: str, wanted: str, unwanted: str
) -> None:
    spoken = phonemes[normalize(text).text]
    assert wanted in spoken
    assert unwanted not in spoken


def test_time_says_uhr_once(phonemes: dict[str, str]) -> None:
    assert phonemes["14:30 Uhr"].count("uːɾ") == 2  # espeak-ng alone: "Uhr dreißig Uhr"
    assert phonemes[normalize("14:30 Uhr").text].count("uːɾ") == 1
