"""Long sentences into short ones where the split is sure: an apposition of a thing ("Das Modell, ein
Transformer, wertet …"), an object in front of the verb ("Die Ergebnisse hat die Gruppe …
veröffentlicht"), a place with a name ("Das war im Fachjournal X.") and a limit after a noun ("Das gilt
für Firmen mit bis zu 249 Beschäftigten."). Each function returns the new pieces, or ``None`` when it
does not apply."""

from __future__ import annotations

from functools import lru_cache

from simplify.plain_clauses import Piece, as_sentence, count_words, repeated_subject, subject_end
from simplify.plain_lexicon import data_lines
from simplify.plain_tagging import FINITE_TAGS, Token, has_finite_verb, tag

_APPOSITION_MAX_WORDS = 6


def _apposition_end(tokens: tuple[Token, ...], start: int) -> int | None:
    """End (exclusive) of ", ein/eine … ," starting at the comma ``start``: a noun phrase with the
    indefinite article and no verb, at most a few words; the index of the closing comma."""
    if start + 2 >= len(tokens) or tokens[start + 1].text.lower() not in ("ein", "eine"):
        return None
    close = next((i for i in range(start + 1, len(tokens)) if tokens[i].text == ","), None)
    if close is None or close - start - 1 > _APPOSITION_MAX_WORDS:
        return None
    inner = tokens[start + 1 : close]
    if any(t.pos[:1] == "V" or t.pos[:1] == "$" for t in inner) or inner[-1].pos not in ("NN", "NE"):
        return None
    return close


def thing_apposition(text: str) -> list[Piece] | None:
    """ "Ein neues Modell, ein Transformer, wertet die Daten aus." → "Ein neues Modell wertet die Daten
    aus." + "Das Modell ist ein Transformer." The apposition right after the subject, with "ein"/"eine",
    says what the thing is; the verb must follow it directly (else the commas may close a list) and be
    singular."""
    tokens = tag(text)
    end = subject_end(tokens)
    if end is None or end >= len(tokens) or tokens[end].text != "," or tokens[0].pos == "PPER":
        return None
    close = _apposition_end(tokens, end)
    if close is None or close + 1 >= len(tokens) or tokens[close + 1].pos not in FINITE_TAGS:
        return None
    if tokens[close + 1].text.endswith("en") or tokens[close + 1].text == "sind":
        return None  # a plural subject: "ist ein …" would not fit
    subject = repeated_subject(text, tokens, end)
    if subject is None:
        return None
    apposition = text[tokens[end + 1].start : tokens[close - 1].end]
    main = text[: tokens[end].start] + " " + text[tokens[close + 1].start :]
    return [Piece(as_sentence(main)), Piece(as_sentence(f"{subject} ist {apposition}"))]


_SINGULAR_FINITE = frozenset(
    {"hat", "ist", "wird", "war", "wurde", "hatte", "kann", "soll", "muss", "will", "darf"}
)


def _plural(token: Token) -> bool:
    """A plural noun: HanTa's lemma (the singular) differs from the word ("Ergebnisse" → "Ergebnis"); its
    lemmas are partly in the old spelling ("Ausschuss" → "Ausschuß")."""
    return token.pos == "NN" and token.text.replace("ß", "ss") != token.lemma.replace("ß", "ss")


def _name_attribute_end(tokens: tuple[Token, ...], end: int) -> int:
    """The end of "um Lena Brandt", "aus Köln" after a noun: a preposition and a name (HanTa tags some
    surnames as nouns: "Eva Kern/NN", so every capitalised word after the first name belongs to it)."""
    if end + 1 < len(tokens) and tokens[end].pos == "APPR" and tokens[end + 1].pos == "NE":
        end += 1
        while end < len(tokens) and tokens[end].pos in ("NE", "NN"):
            end += 1
    return end


def fronted_object(text: str) -> list[Piece] | None:
    """ "Die Ergebnisse hat die Gruppe um Lena Brandt veröffentlicht." → "Die Gruppe um Lena Brandt hat
    die Ergebnisse veröffentlicht.": the subject comes first. Only where the form is sure: the first
    phrase is plural ("die Ergebnisse") or "den …"/"einen …", the verb singular and the phrase after it
    "der/die/das" + a singular noun — so the first phrase cannot be the subject."""
    tokens = tag(text)
    if not tokens or tokens[0].pos != "ART" or not tokens[0].text[:1].isupper():
        return None  # a piece cut out of a sentence ("den Mühlengraben wird …") is not a sentence start
    if any(t.text in (",", ";", ":") for t in tokens):
        return None
    end = subject_end(tokens)
    if end is None or end + 2 >= len(tokens) or tokens[end].text not in _SINGULAR_FINITE:
        return None
    head = next(t for t in reversed(tokens[:end]) if t.pos in ("NN", "NE"))
    if not (tokens[0].text.lower() in ("den", "einen") or tokens[0].text.lower() == "die" and _plural(head)):
        return None
    if tokens[end + 1].text not in ("der", "die", "das"):
        return None
    subject_stop = subject_end(tokens, end + 1)
    if subject_stop is None or tokens[subject_stop - 1].pos != "NN" or _plural(tokens[subject_stop - 1]):
        return None
    subject_stop = _name_attribute_end(tokens, subject_stop)
    if subject_stop < len(tokens) and tokens[subject_stop].pos in ("NN", "NE"):
        return None  # the subject may go on: unsure where the object has to go
    subject = text[tokens[end + 1].start : tokens[subject_stop - 1].end]
    obj = text[: tokens[end - 1].end]
    rest = text[tokens[subject_stop - 1].end :]
    new = f"{subject} {tokens[end].text} {obj[:1].lower()}{obj[1:]}{rest}"
    return [Piece(as_sentence(new))]


# what may follow the place: the participle at the end, another phrase, the full stop
_AFTER_PLACE = frozenset({"VVPP", "VVFIN", "APPR", "APPRART", "ADV", "ADJD", "$."})
_PAST_FINITE = frozenset({"war", "waren", "wurde", "wurden", "hatte", "hatten"})


def _past(tokens: tuple[Token, ...], finite: int) -> bool:
    """Präteritum of sein/haben/werden, or Perfekt: "hat/ist" … and a participle at the end (HanTa tags
    some participles as finite: "hat … veröffentlicht/VVFIN")."""
    words = [t for t in tokens if t.pos[:1] != "$"]
    last = words[-1]
    participle = last.pos == "VVPP" or last.pos == "VVFIN" and last.text.endswith("t")
    perfect = tokens[finite].lemma in ("haben", "sein") and participle and len(words) - 1 > finite
    return tokens[finite].text in _PAST_FINITE or perfect


def named_place(text: str, max_words: int) -> list[Piece] | None:
    """A sentence in the past that is too long loses a place with a name ("im Fachjournal Journal of
    X", "in der Halle Nord") to a sentence of its own: "Das war im Fachjournal Journal of X." The rest
    must keep its verb and still make sense without the place."""
    if count_words(text) <= max_words:
        return None
    tokens = tag(text)
    finite = next((i for i, t in enumerate(tokens) if t.pos in FINITE_TAGS), None)
    if finite is None or not _past(tokens, finite):
        return None
    for index in range(finite + 1, len(tokens) - 3):
        start = tokens[index]
        if not (start.text == "im" or start.text == "in" and tokens[index + 1].text in ("der", "dem")):
            continue
        noun = index + 1 if start.text == "im" else index + 2
        if noun >= len(tokens) or tokens[noun].pos != "NN":
            continue
        end = noun + 1
        while end < len(tokens) and (tokens[end].pos in ("NE", "FM") or tokens[end].text[:1].isupper()):
            end += 1
        named = any(t.pos in ("NE", "FM") for t in tokens[noun + 1 : end])
        if not named or end >= len(tokens) or tokens[end].pos not in _AFTER_PLACE:
            continue
        place = text[start.start : tokens[end - 1].end]
        main = text[: start.start] + text[tokens[end - 1].end :]
        if count_words(main) > max_words:
            return None
        return [Piece(as_sentence(main)), Piece(as_sentence(f"Das war {place}"))]
    return None


@lru_cache(maxsize=1)
def amount_limits() -> tuple[tuple[str, ...], ...]:
    """Words before a number that give a limit ("bis zu", "mindestens"), from ``ls_amount_limits.txt``."""
    return tuple(tuple(line.split()) for line in data_lines("ls_amount_limits.txt"))


_NOUNS = frozenset({"NN", "NNA"})
_DETERMINERS = frozenset({"ART", "PPOSAT", "PIAT", "PDAT", "PIDAT", "CARD"})


def _limit_end(tokens: tuple[Token, ...], index: int) -> int | None:
    """End of "mit bis zu 249 Beschäftigten" starting at "mit" (``index``): a limit, a number, a noun."""
    if tokens[index].text != "mit":
        return None
    following = [t.text.lower() for t in tokens[index + 1 : index + 4]]
    limit = next((w for w in amount_limits() if list(w) == following[: len(w)]), None)
    number = index + 1 + (len(limit) if limit else 0)
    noun = number + 1
    while noun < len(tokens) and tokens[noun].pos == "ADJA":
        noun += 1
    if number >= len(tokens) or tokens[number].pos != "CARD" or noun >= len(tokens):
        return None
    return noun + 1 if tokens[noun].pos in _NOUNS else None


def amount_restriction(text: str, max_words: int) -> list[Piece] | None:
    """A sentence that is too long loses a limit after a noun without article to a sentence of its own:
    "Ab Herbst können Firmen mit bis zu 249 Beschäftigten X beantragen." → "Ab Herbst können Firmen X
    beantragen." + "Das gilt für Firmen mit bis zu 249 Beschäftigten." """
    if count_words(text) <= max_words:
        return None
    tokens = tag(text)
    for index in range(1, len(tokens) - 3):
        if tokens[index].pos not in _NOUNS:
            continue
        end = _limit_end(tokens, index + 1)
        start = index
        while start > 0 and tokens[start - 1].pos == "ADJA":
            start -= 1
        if end is None or start == 0 or tokens[start - 1].pos in _DETERMINERS:
            continue
        main = as_sentence(text[: tokens[index].end] + text[tokens[end - 1].end :])
        rule = as_sentence(f"Das gilt für {text[tokens[start].start : tokens[end - 1].end]}")
        if count_words(main) > max_words or not has_finite_verb(main):
            return None
        return [Piece(main), Piece(rule)]
    return None
