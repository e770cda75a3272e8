"""Relative clauses become main clauses with the repeated noun (Leichte Sprache: no Neben·sätze).

"Die 78-Jährige, die ihre Wohnung nicht mehr verlassen konnte, wurde gerettet." →
"Die 78-Jährige wurde gerettet." + "Die 78-Jährige konnte ihre Wohnung nicht mehr verlassen."

Only the safe case is rewritten: the relative pronoun "der", "die" or "das" is the subject of its
clause (nothing else in the clause can be a subject in the nominative), the clause ends with its
only finite verb; a separable verb is split ("…, das am Samstag stattfindet" → "… findet am Samstag statt").
After a preposition the pronoun becomes an article with the noun ("ein Verfahren, mit dem sich Schäden
erkennen lassen" → "Mit dem Verfahren lassen sich Schäden erkennen."). Gender and number of the noun
are checked against the pronoun by its determiner; a noun without one is taken only for a plural "die".
"""

from __future__ import annotations

from wordfreq import zipf_frequency

from simplify.plain_clauses import Piece, as_sentence
from simplify.plain_lexicon import addition_markers
from simplify.plain_tagging import DETERMINER_TAGS, FINITE_TAGS, Token, has_finite_verb, tag

_PRONOUNS = frozenset({"der", "die", "das"})
# Determiners the antecedent of a nominative "der" / "das" can have (masculine or neuter forms).
_MASCULINE = frozenset(
    {"der", "den", "dem", "des", "ein", "einen", "einem", "eines", "dieser", "diesen", "diesem"}
)
_NEUTER = frozenset({"das", "dem", "des", "ein", "einem", "eines", "dieses", "diesem"})
# With "die" the verb tells singular from plural; these determiners fit only one of them
# ("den steigenden Kosten, die … steigen", "der Jugendhilfe, die … steigt").
_PLURAL_ONLY = frozenset(
    {"den", "alle", "allen", "viele", "vielen", "beide", "beiden", "mehrere", "mehreren", "einige", "einigen"}
)
_SINGULAR_ONLY = frozenset({"der", "eine", "einer"})
# Words that could be the subject of the clause instead of the pronoun.
_SUBJECT_PRONOUNS = frozenset({"ich", "du", "er", "sie", "es", "wir", "ihr", "man", "wer"})
_SUBJECT_ARTICLES = frozenset({"der", "die", "das", "ein", "eine"})
# Particles of separable verbs, longest first ("zurück" before "zu"); verbs starting with an
# inseparable prefix that looks like one ("hinterlassen", "widersprechen") are left alone.
_SEPARABLE = (
    "gegenüber", "entgegen", "herunter", "zusammen", "hervor", "heraus", "herbei", "hinaus", "vorbei",
    "weiter", "zurück", "statt", "fest", "fort", "teil", "nach", "auf", "aus", "bei", "ein", "her",
    "hin", "los", "mit", "vor", "weg", "dar", "ab", "an", "zu",
)  # fmt: skip
_INSEPARABLE = ("hinter", "wider", "voll", "über", "unter", "durch")
_COMMON_ZIPF = 3.0
# Words inside an age or size before the noun: "einem etwa 25 bis 30 Jahre alten Mann".
_MEASURE = frozenset({"etwa", "rund", "bis", "Jahre", "Meter", "Monate", "Wochen"})
_NAME_TAGS = frozenset({"NE", "FM"})
_INFINITIVES = frozenset({"VVINF", "VAINF", "VMINF"})
_CLAUSE_END = frozenset({",", "–", "—", ";", ".", "!", "?", ":"})


def nounish(token: Token) -> bool:
    """A noun, or a noun made from an adjective ("die 78-Jährige", "die Beschäftigten")."""
    last = token.text.split("-")[-1]
    return token.pos == "NN" or (token.pos == "ADJA" and last[:1].isupper())


def noun_phrase(tokens: tuple[Token, ...], end: int) -> tuple[int, int] | None:
    """(determiner index or -1, head index) of the noun phrase ending at ``end`` (inclusive)."""
    head = tokens[end]
    glued = _glued_start(tokens, end)
    if glued < end:  # one word the tagger split ("das webbasierte VantiroCloud™-Dashboard")
        position = glued - 1
        while position >= 0 and tokens[position].pos == "ADJA":
            position -= 1
        if position < 0 or tokens[position].pos not in DETERMINER_TAGS or not tokens[end].text[:1].isupper():
            return None
        return position, end
    if head.pos in _NAME_TAGS:
        start = end
        while start > 0 and tokens[start - 1].pos in _NAME_TAGS:
            start -= 1
        position = start - 1
    elif nounish(head):
        position = end - 1
        if position > 0 and tokens[position].text == "und" and nounish(tokens[position - 1]):
            position -= 2  # "Patientinnen und Patienten"
        while position >= 0 and (
            tokens[position].pos in ("ADJA", "CARD") or tokens[position].text in _MEASURE
        ):
            position -= 1
    else:
        return None
    return (position if position >= 0 and tokens[position].pos in DETERMINER_TAGS else -1), end


def _glued_start(tokens: tuple[Token, ...], end: int) -> int:
    """Index of the first token of the word (without spaces) that ends with token ``end``."""
    start = end
    while start > 0 and tokens[start - 1].end == tokens[start].start:
        start -= 1
    return start


def repeated_noun(tokens: tuple[Token, ...], determiner: int, head: int, pronoun: str) -> str:
    """The repeated noun in the nominative: article from the pronoun, then the noun."""
    glued = _glued_start(tokens, head)
    if glued < head:
        return f"{pronoun.capitalize()} {''.join(t.text for t in tokens[glued : head + 1])}"
    if determiner < 0 and tokens[head].pos in _NAME_TAGS:
        start = head
        while start > 0 and tokens[start - 1].pos in _NAME_TAGS:
            start -= 1
        return " ".join(t.text for t in tokens[start : head + 1])  # a name: "Markgraf"
    token = tokens[head]
    if tokens[head].pos in _NAME_TAGS:
        noun = " ".join(t.text for t in tokens[determiner + 1 : head + 1])
    elif head >= 2 and tokens[head - 1].text == "und" and nounish(tokens[head - 2]):
        noun = f"{tokens[head - 2].text} und {token.text}"
    elif pronoun in ("der", "das") and token.pos == "NN" and token.lemma[:1].isupper():
        noun = token.lemma  # "dem Kollegen" → "Der Kollege"
    elif determiner >= 0 and tokens[determiner].text == "den" and token.text.endswith(("ern", "eln")):
        noun = token.text[:-1]  # dative plural "den Kindern" → "Die Kinder"
    else:
        noun = token.text
    return f"{pronoun.capitalize()} {noun}"


def _antecedent(tokens: tuple[Token, ...], comma: int, pronoun: str, plural_verb: bool) -> str | None:
    """The subject for the new sentence ("Die 78-Jährige", "Der Mann", "Markgraf"), or ``None``.

    The noun right before the comma, or — if its gender does not fit the pronoun — the noun before a
    phrase with "mit", "aus", … ("einem Mann mit dunkler Jacke, der …" → "Der Mann")."""
    end = noun_end(tokens, comma)
    for _ in range(2):
        phrase = noun_phrase(tokens, end)
        if phrase is None:
            return None
        determiner, head = phrase
        word = tokens[determiner].text.lower() if determiner >= 0 else None
        if determiner < 0 and tokens[head].pos in _NAME_TAGS:
            return repeated_noun(tokens, determiner, head, pronoun)
        fits = (
            (pronoun == "der" and word in _MASCULINE)
            or (pronoun == "das" and word in _NEUTER)
            or (pronoun == "die" and word is None and plural_verb)
            or (
                pronoun == "die"
                and word is not None
                and word not in (_SINGULAR_ONLY if plural_verb else _PLURAL_ONLY)
            )
        )
        if fits:
            return repeated_noun(tokens, determiner, head, pronoun)
        start = determiner if determiner >= 0 else head
        while start > 0 and tokens[start - 1].pos in ("ADJA", "CARD"):
            start -= 1
        if start < 2 or tokens[start - 1].pos != "APPR":
            return None
        end = start - 2
    return None


def is_subject_clause(clause: tuple[Token, ...]) -> bool:
    """Whether nothing but the pronoun can be the subject of the clause."""
    first = clause[0]
    if first.pos in ("NE", "NN") or first.text.lower() in _SUBJECT_ARTICLES:
        return False
    for previous, token in zip(clause, clause[1:], strict=False):
        word = token.text.lower()
        if word in _SUBJECT_PRONOUNS and token.pos in ("PPER", "PIS", "PWS"):
            return False
        if word in _SUBJECT_ARTICLES and token.pos == "ART" and previous.pos not in ("APPR", "APPRART"):
            return False
    return first.text.lower() not in _SUBJECT_PRONOUNS


def verb_parts(verb: Token) -> tuple[str, str] | None:
    """The finite verb for the front of a main clause and the particle for its end: "konnte" →
    ("konnte", ""); "anwachsen" → ("wachsen", "an"). ``None`` if a verb with a particle-like start cannot
    be split safely (what is left is not a verb of its own, or an "-ieren" verb like "analysiert")."""
    word = verb.text.lower()
    if verb.pos not in ("VVFIN", "VVINF"):
        return verb.text, ""
    prefix = next((p for p in _SEPARABLE if word.startswith(p) and len(word) - len(p) >= 3), None)
    if word.startswith(_INSEPARABLE):
        return None
    if prefix is None:
        return verb.text, ""
    rest = word[len(prefix) :]
    if word.endswith(("ieren", "iert", "ierte", "ierten")) or not _is_verb(rest):
        return None
    return rest, prefix


def _is_verb(word: str) -> bool:
    """Whether the word is a common word (wordfreq) that HanTa takes for a finite verb in a plain
    sentence ("Sie wachsen schnell."); "terlässt" from "hinterlässt" is neither."""
    return zipf_frequency(word, "de") >= _COMMON_ZIPF and any(
        t.pos in FINITE_TAGS for t in tag(f"Sie {word} schnell.")
    )


def clause_end(tokens: tuple[Token, ...], start: int) -> int:
    """Index of the punctuation that ends the clause starting at ``start``. A comma inside a row of
    nouns before the verb does not end it ("…, die mit Austrocknung, Kreislaufproblemen oder
    Verwirrtheit zu uns kommen")."""
    end = start
    while end < len(tokens):
        token = tokens[end]
        if token.text in _CLAUSE_END:
            row_comma = (
                token.text == ","
                and end + 1 < len(tokens)
                and tokens[end + 1].pos in ("NN", "NE", "ADJA")
                and not any(t.pos[:1] == "V" for t in tokens[start:end])
            )
            if not row_comma:
                return end
        end += 1
    return end


def addition(rest: str) -> bool:
    """Whether what follows the clause adds to it ("…, die Medikamente nehmen, zum Beispiel …")."""
    start = rest.lstrip().lower()
    return any(start.startswith(marker.lower() + " ") for marker in addition_markers())


def main_clause(text: str, tokens: tuple[Token, ...], comma: int, end: int) -> str | None:
    """The sentence without the clause between the comma at ``comma`` and the punctuation at ``end``;
    ``None`` if it has no finite verb or what follows the clause adds to it ("…, zum Beispiel …")."""
    closing = tokens[end]
    rest = text[closing.end :] if closing.text in (",", "–", "—") else text[closing.start :]
    main = text[: tokens[comma].start] + (" " if closing.text in (",", "–", "—") else "") + rest
    return None if not has_finite_verb(main) or addition(rest) else main


def noun_end(tokens: tuple[Token, ...], comma: int) -> int:
    """Where the antecedent ends: right before the comma, or before the participle or infinitive that
    closes the main clause ("hat ein Verfahren entwickelt, mit dem …")."""
    before = tokens[comma - 1]
    return comma - 2 if comma >= 2 and before.pos in ("VVPP", "VVINF", "VAPP", "PTKVZ") else comma - 1


def ends_with_finite(clause: tuple[Token, ...]) -> bool:
    """The clause ends with its only finite verb. In a relative clause the last verb is the finite one,
    so an infinitive tag there is HanTa's guess for a plural ("…, mit dem sich Schäden erkennen
    lassen"), unless the clause is a "zu" infinitive."""
    verb, others = clause[-1], [t for t in clause[:-1] if t.pos[:1] == "V"]
    if verb.pos in FINITE_TAGS:
        return not any(t.pos in FINITE_TAGS for t in others)
    return (
        verb.pos in _INFINITIVES
        and not any(t.pos in FINITE_TAGS for t in others)
        and not any(t.pos == "PTKZU" for t in clause)
    )


# Relative pronoun after a preposition → determiners its antecedent may have.
_PREPOSITIONAL = {
    "dem": _MASCULINE | _NEUTER,
    "den": _MASCULINE,
    "das": _NEUTER,
    "der": frozenset({"die", "der", "eine", "einer"}),
}


def _prepositional(text: str, tokens: tuple[Token, ...], comma: int) -> list[Piece] | None:
    """ ", mit dem sich Schäden erkennen lassen" after "ein Verfahren" → "Mit dem Verfahren lassen sich
    Schäden erkennen." The clause keeps its own subject; only the verb moves to second place."""
    if comma + 4 >= len(tokens):
        return None
    preposition, pronoun = tokens[comma + 1], tokens[comma + 2]
    if preposition.pos != "APPR" or pronoun.text not in _PREPOSITIONAL or pronoun.pos not in ("PRELS", "ART"):
        return None
    phrase = noun_phrase(tokens, noun_end(tokens, comma))
    if phrase is None or phrase[0] < 0 or tokens[phrase[0]].text.lower() not in _PREPOSITIONAL[pronoun.text]:
        return None
    end = clause_end(tokens, comma + 3)
    clause = tokens[comma + 3 : end]
    if len(clause) < 2 or end >= len(tokens) or not ends_with_finite(clause):
        return None
    parts = verb_parts(clause[-1])
    if parts is None:
        return None
    head = tokens[phrase[1]]
    noun = head.text if head.text in (head.lemma, head.lemma + "n", head.lemma + "en") else head.lemma
    if pronoun.text == "der" or not noun[:1].isupper():
        noun = head.text
    main = main_clause(text, tokens, comma, end)
    if main is None:
        return None
    body = text[clause[0].start : clause[-2].end]
    opening = f"{preposition.text} {pronoun.text} {noun}"
    new = as_sentence(f"{opening[:1].upper()}{opening[1:]} {parts[0]} {body} {parts[1]}")
    return [Piece(as_sentence(main)), Piece(new)]


def relative_clause(text: str) -> list[Piece] | None:
    """The first safe relative clause becomes its own sentence after the main clause (see module doc)."""
    tokens = tag(text)
    for comma in range(1, len(tokens) - 3):
        if tokens[comma].text == "," and (prepositional := _prepositional(text, tokens, comma)) is not None:
            return prepositional
        pronoun = tokens[comma + 1]
        if (
            tokens[comma].text != ","
            or pronoun.text not in _PRONOUNS
            or pronoun.pos not in ("PRELS", "ART", "PDS")
        ):
            continue
        end = clause_end(tokens, comma + 2)
        clause = tokens[comma + 2 : end]
        if len(clause) < 2 or end >= len(tokens):
            continue
        verb = clause[-1]
        # HanTa tags some finite plural forms as infinitives ("…, die zu uns kommen").
        plural_form = verb.pos in _INFINITIVES and pronoun.text == "die" and clause[-2].pos != "PTKZU"
        others = [t for t in clause[:-1] if t.pos[:1] == "V"]
        parts = verb_parts(verb)
        if (verb.pos not in FINITE_TAGS and not plural_form) or parts is None:
            continue
        if any(t.pos in FINITE_TAGS for t in others) or (plural_form and others):
            continue
        if not is_subject_clause(clause):
            continue
        plural = plural_form or verb.text.endswith("en") or verb.text == "sind"
        subject = _antecedent(tokens, comma, pronoun.text, plural)
        if subject is None:
            continue
        main = main_clause(text, tokens, comma, end)
        if main is None:
            continue
        body = text[clause[0].start : clause[-2].end]
        new = as_sentence(f"{subject} {parts[0]} {body} {parts[1]}")
        return [Piece(as_sentence(main)), Piece(new)]
    return None
