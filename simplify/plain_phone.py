"""Two rules for long sentences with facts a reader must not miss (an emergency, a hotline):
"telefon-nummer" writes each number of a service in a sentence of its own ("der Rettungsdienst unter 112"
→ "Die Telefonnummer vom Rettungsdienst ist 112."), "beispiele" moves examples after "wie" out of a
phrase at the start ("Bei Beschwerden wie Schwindel oder Fieber sollte …" → "Bei Beschwerden sollte …"
+ "Das gilt zum Beispiel bei Schwindel oder Fieber.")."""

from __future__ import annotations

from functools import lru_cache

from simplify.plain_clauses import Piece, as_sentence, count_words, fits
from simplify.plain_lexicon import data_rows
from simplify.plain_tagging import FINITE_TAGS, Token, has_finite_verb, tag

SERVICE_FILE = "ls_phone_services.tsv"

_MIN_DIGITS = 3  # "unter 18" is an age or an amount, "unter 112" a number to call
_EXAMPLE_TAGS = frozenset({"ADJA", "NN", "NE", "KON", "$,", "ART", "CARD"})


@lru_cache(maxsize=1)
def service_nouns() -> dict[str, str]:
    """Endings of nouns for services one calls ("dienst") with their gender."""
    return {word: gender for word, gender in data_rows(SERVICE_FILE, 2)}


def _service_gender(noun: Token) -> str | None:
    word = noun.text.lower().replace("·", "")
    ends = [part for part in service_nouns() if word.endswith(part)]
    return service_nouns()[max(ends, key=len)] if ends else None


def _number_end(tokens: tuple[Token, ...], start: int) -> int | None:
    """End of the phone number starting at ``start`` (one or more number groups, at least three digits,
    no unit after it: "116 117 oder", not "18 Jahren")."""
    end = start
    while end < len(tokens) and tokens[end].pos == "CARD" and tokens[end].text.replace(" ", "").isdigit():
        end += 1
    if end == start or sum(len(t.text) for t in tokens[start:end]) < _MIN_DIGITS:
        return None
    return end if end == len(tokens) or tokens[end].pos not in ("NN", "NE", "ADJA") else None


def _of_service(text: str, tokens: tuple[Token, ...], start: int, head: int) -> str | None:
    """ "vom ärztlichen Bereitschaftsdienst" for "der ärztliche Bereitschaftsdienst", "den ärztlichen …"
    or "dem …"; ``None`` if case or gender is not certain ("der" before a feminine noun is dative)."""
    gender = _service_gender(tokens[head])
    article = tokens[start].text.lower()
    before = tokens[start - 1] if start > 0 else None
    after_preposition = before is not None and before.pos in ("APPR", "APPRART")
    adjectives = [t.text for t in tokens[start + 1 : head]]
    noun = text[tokens[head].start : tokens[head].end]
    if after_preposition:  # dative already: "bei der Polizei unter 110", "beim …" is not an article
        if (article, gender) not in (("dem", "m"), ("dem", "n"), ("der", "f")):
            return None
    elif (article, gender) in (("der", "m"), ("das", "n"), ("die", "f")):
        if not all(a.endswith("e") for a in adjectives):
            return None
        adjectives = [a + "n" for a in adjectives]
    elif (article, gender) != ("den", "m"):  # "den Rettungsdienst unter 112 anrufen": "-en" stays
        return None
    words = ["vom" if gender in ("m", "n") else "von der", *adjectives, noun]
    return " ".join(words)


def phone_numbers(text: str, max_words: int) -> list[Piece] | None:
    """The rule "telefon-nummer": "… sollte der Rettungsdienst unter 112 gerufen werden." (too long) →
    "… sollte der Rettungsdienst gerufen werden." + "Die Telefonnummer vom Rettungsdienst ist 112."
    Only for a service noun with article right before "unter" and only if every sentence fits."""
    if count_words(text) <= max_words:
        return None
    tokens = tag(text)
    kept, position, numbers = [], 0, []
    for index, token in enumerate(tokens):
        if token.text != "unter" or index < 2 or tokens[index - 1].pos != "NN":
            continue
        end = _number_end(tokens, index + 1)
        start = index - 2
        while start > 0 and tokens[start].pos == "ADJA":
            start -= 1
        if end is None or tokens[start].pos != "ART":
            continue
        service = _of_service(text, tokens, start, index - 1)
        if service is None:
            return None
        number = text[tokens[index + 1].start : tokens[end - 1].end]
        numbers.append(Piece(as_sentence(f"Die Telefonnummer {service} ist {number}")))
        kept.append(text[position : token.start])
        position = tokens[end - 1].end
    if not numbers:
        return None
    kept.append(text[position:])
    main = as_sentence("".join(kept))
    if not has_finite_verb(main) or not fits(numbers, max_words):
        return None
    return [Piece(main), *numbers]


def examples(text: str, max_words: int) -> list[Piece] | None:
    """The rule "beispiele": a phrase at the start with examples ("Bei Beschwerden wie Schwindel,
    Verwirrtheit oder Fieber sollte …", too long) → "Bei Beschwerden sollte …" + "Das gilt zum Beispiel
    bei Schwindel, Verwirrtheit oder Fieber." The examples keep their case after the same preposition."""
    if count_words(text) <= max_words:
        return None
    tokens = tag(text)
    if len(tokens) < 5 or tokens[0].pos != "APPR":
        return None
    like = next((i for i, t in enumerate(tokens) if t.text == "wie"), None)
    finite = next((i for i, t in enumerate(tokens) if t.pos in FINITE_TAGS), None)
    if like is None or finite is None or not 1 < like < finite - 1:
        return None
    if any(t.pos not in ("ADJA", "NN", "ART") for t in tokens[1:like]) or tokens[like - 1].pos != "NN":
        return None
    listed = tokens[like + 1 : finite]
    if any(t.pos not in _EXAMPLE_TAGS for t in listed) or listed[-1].pos not in ("NN", "NE"):
        return None
    main = as_sentence(text[: tokens[like].start] + text[tokens[finite].start :])
    preposition = tokens[0].text.lower()
    example = as_sentence(f"Das gilt zum Beispiel {preposition} {text[listed[0].start : listed[-1].end]}")
    if count_words(example) > max_words or not has_finite_verb(main):
        return None
    return [Piece(main), Piece(example)]
