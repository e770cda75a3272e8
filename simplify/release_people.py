"""Named persons, their functions, and the direct speech attributed to them.

Names are found with a list of given names (``data/release_first_names.txt``)
or after an academic title (``Prof. Dr.``); the function is the role word just
before the name (``Landrat``) or the apposition after it (``…, Leiterin des
Gesundheitsamtes,``). Direct speech is a „…“ span followed by ``“, sagte …``,
introduced by a colon, or continuing an earlier quote of the same paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from simplify.release_data import Markers
from simplify.release_text import strip_trailing_punct

_TOKEN = re.compile(r"\S+")
_CAPITALISED = re.compile(r"[^\W\d_a-zäöüß][^\W\d_]*(?:-[^\W\d_][^\W\d_]*)*")
_INITIAL = re.compile(r"[^\W\d_a-z]\.")
_QUOTE = re.compile(r"„([^„“]*)“|»([^»«]*)«")
_SENTENCE_END = ".!?…"
REACH = 300
"""How many characters around a quote are searched for its attribution (keeps long input linear)."""
MAX_NAME_PARTS = 5
"""Most academic titles, and most given names, one name may have."""


@dataclass(frozen=True)
class NameHit:
    """One mention of a full name in a text."""

    start: int
    end: int
    name: str  # with academic titles
    given: str
    surname: str

    @property
    def key(self) -> tuple[str, str]:
        """Identity of the person across mentions, ignoring titles."""
        return (self.given.casefold(), self.surname.casefold())


@dataclass(frozen=True)
class FoundPerson:
    """A person of the release: full name and function (``Person`` fields)."""

    name: str
    role: str | None
    key: tuple[str, str]

    @property
    def surname(self) -> str:
        return self.key[1]


@dataclass(frozen=True)
class FoundQuote:
    """Direct speech and its speaker (``Quote`` fields)."""

    text: str
    speaker: str | None


def _is_given(word: str, m: Markers) -> bool:
    return word in m.first_names or ("-" in word and all(p in m.first_names for p in word.split("-")))


def _is_title(word: str, m: Markers) -> bool:
    return word.casefold() in m.academic_titles


def _surname(word: str) -> str | None:
    bare = strip_trailing_punct(word)
    return bare if _CAPITALISED.fullmatch(bare) else None


def find_names(text: str, m: Markers) -> Iterator[NameHit]:
    """Every ``[titles] Given [Given|Initial …] Surname`` in ``text``, left to right."""
    tokens = [(t.start(), t.end(), t.group()) for t in _TOKEN.finditer(text)]
    index = 0
    while index < len(tokens):
        hit, after = _name_at(text, tokens, index, m)
        if hit is None:
            index += 1
        else:
            yield hit
            index = after


def _name_at(
    text: str, tokens: Sequence[tuple[int, int, str]], index: int, m: Markers
) -> tuple[NameHit | None, int]:
    j = index
    while j < len(tokens) and j - index < MAX_NAME_PARTS and _is_title(tokens[j][2], m):
        j += 1
    has_title = j > index
    given_from = j
    while (
        j < len(tokens)
        and j - given_from < MAX_NAME_PARTS
        and (_is_given(tokens[j][2], m) or (j > given_from and _INITIAL.fullmatch(tokens[j][2]) is not None))
    ):
        j += 1
    given_to = j
    if given_to == given_from:
        # after a title, any capitalised word may be the given name ("Prof. Dr. Xaver Quast")
        if not has_title or j >= len(tokens) or _surname(tokens[j][2]) is None:
            return None, index
        if j + 1 < len(tokens) and _CAPITALISED.fullmatch(tokens[j][2]) and _surname(tokens[j + 1][2]):
            given_to = j = j + 1
        else:  # title and surname only: "Dr. Quast"
            return _hit(text, tokens, index, j, ""), j + 1
    while j < len(tokens) - 1 and (
        tokens[j][2] in m.name_particles or (j > given_to and tokens[j][2] in m.name_particle_articles)
    ):
        j += 1
    if j >= len(tokens) or _surname(tokens[j][2]) is None:
        if given_to - given_from < 2 or _INITIAL.fullmatch(tokens[given_to - 1][2]) is not None:
            return None, index
        # "Frank Thomas": both are given names, the last one is the surname
        j = given_to - 1
    return _hit(text, tokens, index, j, tokens[given_from][2]), j + 1


def _hit(text: str, tokens: Sequence[tuple[int, int, str]], first: int, last: int, given: str) -> NameHit:
    """The name from token ``first`` to the surname token ``last``."""
    surname = _surname(tokens[last][2]) or tokens[last][2]
    start = tokens[first][0]
    end = tokens[last][0] + len(surname)
    return NameHit(start, end, text[start:end], given, surname)


def looks_like_name(text: str, m: Markers) -> bool:
    """Whether ``text`` is exactly one person's name (used on contact-block lines)."""
    stripped = text.strip()
    hit = next(find_names(stripped, m), None)
    return hit is not None and hit.start == 0 and hit.end == len(stripped)


def _preceding_role(text: str, start: int, m: Markers) -> str | None:
    before = text[max(0, start - REACH) : start].rstrip()
    for phrase in m.role_phrases:
        if before.endswith(phrase):
            return phrase
    words = before.split()
    if not words:
        return None
    word = words[-1]
    if _CAPITALISED.fullmatch(word) is None and not word.isupper():
        return None
    folded = word.casefold()
    return word if any(folded.endswith(suffix) for suffix in m.role_suffixes) else None


def _word_before(text: str, index: int, floor: int) -> str:
    """The casefolded word that ends just before ``text[index]`` (not reaching below ``floor``)."""
    start = max(text.rfind(" ", floor, index), text.rfind("\n", floor, index)) + 1
    return text[max(start, floor) : index].casefold()


def _clause_end(text: str, pos: int, m: Markers) -> int:
    """Index of the comma or sentence end that closes the clause starting at ``pos``."""
    index = pos
    while index < len(text):
        char = text[index]
        if char in ",;:„“":
            return index
        if char in _SENTENCE_END and (index + 1 == len(text) or text[index + 1].isspace()):
            if char != "." or _word_before(text, index, pos) + "." not in m.abbreviations:
                return index
        index += 1
    return index


def _apposition(text: str, end: int, m: Markers) -> str | None:
    if not text.startswith(", ", end):
        return None
    start = end + 2
    phrase = text[start : _clause_end(text, start, m)].strip()
    words = phrase.split()
    if not words or not 1 <= len(words) <= 14 or not words[0][0].isalpha():
        return None
    if words[0].casefold() in m.apposition_stop_words or next(find_names(phrase, m), None) is not None:
        return None
    return phrase


def find_persons(sections: Sequence[str], m: Markers, exclude: tuple[str, str] | None) -> list[FoundPerson]:
    """Named persons in order of first appearance; a later mention may supply a missing role."""
    people: dict[tuple[str, str], FoundPerson] = {}
    for text in sections:
        for hit in find_names(text, m):
            if hit.key == exclude or (not hit.given and any(k[1] == hit.key[1] for k in people)):
                continue
            known = people.get(hit.key)
            if known is not None and known.role is not None:
                continue
            role = _preceding_role(text, hit.start, m) or _apposition(text, hit.end, m)
            if known is None:
                people[hit.key] = FoundPerson(hit.name, role, hit.key)
            elif role is not None:
                people[hit.key] = FoundPerson(known.name, role, hit.key)
    return list(people.values())


def _mentioned(window: str, persons: Sequence[FoundPerson], m: Markers) -> FoundPerson | None:
    """The first known person named (fully or by surname) in ``window``."""
    best: tuple[int, FoundPerson] | None = None
    for token in _TOKEN.finditer(window):
        word = strip_trailing_punct(token.group()).casefold()
        for person in persons:
            if word == person.surname and (best is None or token.start() < best[0]):
                best = (token.start(), person)
    return best[1] if best else None


def _sentence_start(text: str, pos: int, m: Markers) -> int:
    """Start of the sentence that contains ``pos`` (looking back at most ``REACH`` characters)."""
    index = pos - 1
    floor = max(0, pos - REACH)
    while index > floor:
        if text[index] in _SENTENCE_END and text[index + 1 : index + 2].isspace():
            word = _word_before(text, index, 0)
            if text[index] != "." or (word + "." not in m.abbreviations and not word.isdigit()):
                return index + 1
        index -= 1
    return floor


def _attribution(after: str, persons: Sequence[FoundPerson], m: Markers) -> tuple[bool, str | None]:
    """For ``“, sagte Landrat X.`` after a quote: (is an attribution, speaker)."""
    match = re.match(r",\s+(\S+)\s+", after)
    if match is None or match.group(1).casefold() not in m.speech_verbs:
        return False, None
    window = after[: _sentence_end(after, match.end(), m)]
    person = _mentioned(window, persons, m)
    if person is not None:
        return True, person.name
    phrase = after[match.end() : _clause_end(after, match.end(), m)].strip()
    return True, phrase or None


def _sentence_end(text: str, pos: int, m: Markers) -> int:
    index = pos
    while index < len(text):
        end = _clause_end(text, index, m)
        if end >= len(text) or text[end] in _SENTENCE_END:
            return end
        index = end + 1
    return len(text)


def find_quotes(paragraphs: Sequence[str], persons: Sequence[FoundPerson], m: Markers) -> list[FoundQuote]:
    """Direct speech in „…“, with speakers; „…“ around names and titles is left out."""
    quotes: list[FoundQuote] = []
    for para in paragraphs:
        previous: str | None = None
        have_previous = False
        for match in _QUOTE.finditer(para):
            inner = (match.group(1) or match.group(2) or "").strip()
            if not inner:
                continue
            window = max(0, match.start() - REACH)
            before = para[window : match.start()].rstrip()
            ends_sentence = inner[-1] in _SENTENCE_END
            attributed, speaker = _attribution(para[match.end() : match.end() + REACH], persons, m)
            if attributed:
                pass
            elif before.endswith(":") and ends_sentence:
                colon = window + len(before) - 1
                person = _mentioned(para[_sentence_start(para, colon, m) : colon], persons, m)
                speaker = person.name if person else None
            elif have_previous and ends_sentence and (not before or before[-1] in _SENTENCE_END + ","):
                speaker = previous
            else:
                continue
            quotes.append(FoundQuote(inner, speaker))
            previous, have_previous = speaker, True
    return quotes
