"""What the rule "kuerzen" keeps as a sentence of its own instead of dropping it: an addition that names
parts of the thing before ("…, darunter der Neubau …" → "Dazu gehört der Neubau …") and a purpose of
people or institutions ("Die Gäste kamen, um zu diskutieren." → "Sie wollten diskutieren.").
Both only where case, number and the subject are certain; otherwise ``None`` and the part is dropped."""

from __future__ import annotations

from functools import lru_cache

from simplify.plain_clauses import Piece, as_sentence, count_words, fits
from simplify.plain_lexicon import data_lines, data_rows
from simplify.plain_object_relative import agent_gender
from simplify.plain_tagging import Token, compound_parts, has_finite_verb

MARKER_FILE = "ls_member_markers.tsv"
GENDER_FILE = "ls_noun_gender.tsv"
PERSON_FILE = "ls_person_nouns.txt"

_VERB_PREFIXES = ("VV", "VA", "VM")
_JOINERS = frozenset({"und", "sowie", ","})
_SUBJECT_TAGS = frozenset({"ART", "ADJA", "CARD", "NN", "PIAT", "PPOSAT", "PDAT"})
_PRONOUNS = {"f": "Sie", "m": "Er", "n": "Es"}


@lru_cache(maxsize=1)
def member_markers() -> tuple[tuple[tuple[str, ...], str], ...]:
    """Markers of an addition that names parts ("darunter", "unter anderem") with the words the new
    sentence keeps after "Dazu gehören" ("" for none); longest first."""
    rows = data_rows(MARKER_FILE, 2)
    markers = [(tuple(word.lower() for word in m.split()), "" if k == "-" else k) for m, k in rows]
    return tuple(sorted(markers, key=lambda row: -len(row[0])))


@lru_cache(maxsize=1)
def noun_genders() -> dict[str, str]:
    """Last parts of nouns whose gender the ending does not show ("bau" → "m")."""
    return {word: gender for word, gender in data_rows(GENDER_FILE, 2)}


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Base forms (last part) of nouns for people ("gast", "teilnehmer")."""
    return frozenset(line.strip() for line in data_lines(PERSON_FILE))


def _last_part(token: Token) -> str:
    parts = [morpheme for morpheme, label in compound_parts(token.text) if label == "NN"]
    return (parts[-1] if parts else token.lemma).lower()


def _gender(token: Token) -> str | None:
    """Gender from the data files: the longest listed last part the noun ends with ("Neubau" → "bau"
    → "m"); ``None`` if unknown."""
    word = token.text.lower()
    ends = [part for part in noun_genders() if word.endswith(part)]
    return noun_genders()[max(ends, key=len)] if ends else agent_gender(token)


def _is_plural(noun: Token) -> bool:
    return noun.text.lower() != noun.lemma.lower()


# --- "…, darunter der Neubau …" -------------------------------------------------------------------


def _marker_at(tokens: tuple[Token, ...], index: int) -> tuple[int, str] | None:
    """Length and kept words of the member marker at ``index``."""
    for words, kept in member_markers():
        if tuple(t.text.lower() for t in tokens[index : index + len(words)]) == words:
            return len(words), kept
    return None


def _items(tokens: tuple[Token, ...]) -> list[tuple[int, int]] | None:
    """The noun phrases of a list "A, B und C" (token ranges); ``None`` with "oder" or a verb."""
    if any(t.pos.startswith(_VERB_PREFIXES) or t.text.lower() == "oder" for t in tokens):
        return None
    items, start = [], 0
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if token.text.lower() in _JOINERS and following is not None and following.pos == "ART":
            items.append((start, index))
            start = index + 1
    items.append((start, len(tokens)))
    return items if all(end > start for start, end in items) else None


def _nominative(tokens: tuple[Token, ...]) -> bool:
    """The phrase starts as a subject: "die"/"das"/"ein"/"eine" + noun (nominative or accusative, the
    same form) or "der" + a masculine noun with "-e" adjectives ("der neue Platz"); not "der Schule"
    (dative), "dem …", "den …", a number."""
    head = next((i for i, t in enumerate(tokens) if t.pos == "NN"), None)
    if head is None or head == 0 or any(t.pos != "ADJA" for t in tokens[1:head]):
        return False
    article = tokens[0].text.lower()
    if tokens[0].pos != "ART" or article not in ("der", "die", "das", "ein", "eine"):
        return False
    if article == "der":
        return _gender(tokens[head]) == "m" and all(t.text.endswith("e") for t in tokens[1:head])
    return True


def _verb(phrase: tuple[Token, ...]) -> str:
    """ "gehört" or, for "die" + a plural noun, "gehören"."""
    head = next(t for t in phrase if t.pos == "NN")
    return "gehören" if phrase[0].text.lower() == "die" and _is_plural(head) else "gehört"


def members(text: str, tokens: tuple[Token, ...], comma: int, max_words: int) -> list[Piece] | None:
    """The addition after ``tokens[comma]`` as a sentence of its own: "…, darunter der Neubau von X und
    die Erweiterung von 4 Schulen." → "Dazu gehören der Neubau … und die Erweiterung …." or, if that is
    too long, one sentence each: "Dazu gehört der Neubau von X." + "Dazu gehört auch die Erweiterung …".
    ``None`` if the addition is not a list of subjects ("darunter dem …", "A oder B")."""
    marker = _marker_at(tokens, comma + 1)
    if marker is None:
        return None
    length, kept = marker
    body = tokens[comma + 1 + length :]
    if body and body[-1].pos == "$.":
        body = body[:-1]
    ranges = _items(body) if body else None
    if ranges is None or not all(_nominative(body[start:end]) for start, end in ranges):
        return None
    phrases = [body[start:end] for start, end in ranges]
    verb = "gehören" if len(phrases) > 1 else _verb(phrases[0])
    whole = as_sentence(" ".join(filter(None, ["Dazu", verb, kept, text[body[0].start : body[-1].end]])))
    if count_words(whole) <= max_words:
        return [Piece(whole)]
    sentences = [
        as_sentence(
            " ".join(
                filter(None, ["Dazu", _verb(p), kept, "auch" if i else "", text[p[0].start : p[-1].end]])
            )
        )
        for i, p in enumerate(phrases)
    ]
    pieces = [Piece(s) for s in sentences]
    return pieces if fits(pieces, max_words) else None


# --- "…, um … zu VERB" ------------------------------------------------------------------------------


def _modal(finite: Token, plural: bool) -> str | None:
    """ "wollen" in the tense and number of the finite verb: "kamen" → "wollten", "baut" → "will"."""
    text = finite.text.lower()
    if plural:
        if text == finite.lemma.lower():
            return "wollen"
        return "wollten" if text.endswith("en") else None
    if text.endswith("te"):
        return "wollte"
    return "will" if text.endswith("t") and text != finite.lemma.lower() else None


def _subject_pronoun(tokens: tuple[Token, ...]) -> tuple[str, bool] | None:
    """The pronoun for the subject before the finite verb and whether it is plural; only for people,
    groups and institutions ("Rund 240 Gäste" → "Sie", "Die Stadt" → "Sie")."""
    finite = next((i for i, t in enumerate(tokens) if t.pos.endswith("FIN")), None)
    if finite is None or finite == 0 or tokens[finite].pos != "VVFIN":
        return None
    subject = tokens[:finite]
    if tokens[0].pos == "ADV" and tokens[0].text.lower() in ("rund", "etwa", "fast", "über", "mehr"):
        subject = subject[1:]
    if not subject or subject[-1].pos != "NN" or any(t.pos not in _SUBJECT_TAGS for t in subject):
        return None
    if sum(t.pos == "NN" for t in subject) != 1:
        return None
    head = subject[-1]
    plural = _is_plural(head)
    if plural != tokens[finite].text.endswith(("en", "rn", "ln")):
        return None
    if plural and (_last_part(head) in person_nouns() or agent_gender(head) is not None):
        return "Sie", True
    gender = agent_gender(head)
    return (_PRONOUNS[gender], False) if not plural and gender in _PRONOUNS else None


def purpose(text: str, tokens: tuple[Token, ...], comma: int, max_words: int) -> list[Piece] | None:
    """The purpose after ``tokens[comma]`` ("…, um über X zu diskutieren.") as a sentence with "wollen"
    and a pronoun for the subject: "Sie wollten über X diskutieren." Only for a subject of people or an
    institution before a full verb, and a purpose without a comma or another verb."""
    if tokens[comma + 1].text.lower() != "um":
        return None
    clause = tokens[comma + 2 :]
    if clause and clause[-1].pos == "$.":
        clause = clause[:-1]
    if (
        not clause
        or clause[-1].pos not in ("VVINF", "VVIZU", "VAINF")
        or any(t.pos[:1] == "$" for t in clause)
    ):
        return None
    if any(t.pos.endswith("FIN") for t in clause) or not any(t.pos in ("PTKZU", "VVIZU") for t in clause):
        return None
    subject = _subject_pronoun(tokens[:comma])
    if subject is None:
        return None
    pronoun, plural = subject
    modal = _modal(next(t for t in tokens if t.pos == "VVFIN"), plural)
    if modal is None:
        return None
    parts, position = [], clause[0].start
    for token in clause:
        if token.pos in ("PTKZU", "VVIZU"):
            parts.append(text[position : token.start])
            parts.append(token.lemma if token.pos == "VVIZU" else "")
            position = token.end
    parts.append(text[position : clause[-1].end])
    sentence = as_sentence(f"{pronoun} {modal} {''.join(parts)}")
    if count_words(sentence) > max_words or not has_finite_verb(sentence):
        return None
    return [Piece(sentence)]
