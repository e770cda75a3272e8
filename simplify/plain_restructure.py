"""Two statements squeezed into one sentence by leaving words out become two full sentences.

Gapping: "Für A sind 8 Millionen Euro geplant, für B weitere 4 Millionen Euro." → "Für A sind 8 Millionen
Euro geplant." + "Für B sind weitere 4 Millionen Euro geplant." (the verb is repeated).

Repeated preposition: "Wir investieren in A und in B." → "Wir investieren in A." + "Wir investieren auch
in B."

Contrast: "X entscheidet sich nicht in A, sondern in B." → "X entscheidet sich nicht in A." +
"Sie entscheidet sich in B." (subject and verb are repeated).

Comparison: "… behandelt, rund 27 Prozent mehr als im Vorjahr." → "… behandelt." + "Das sind rund
27 Prozent mehr als im Vorjahr." Limit: "Er beträgt die Hälfte, höchstens jedoch 5.000 Euro." → "Er
beträgt die Hälfte." + "Er beträgt jedoch höchstens 5.000 Euro."

Shared auxiliary: "Die Übergänge werden erneuert und die Fahrbahn abgefräst." → "Die Übergänge werden
erneuert." + "Die Fahrbahn wird abgefräst." Only "werden" and "sein" with a participle (passive and its
state), where the noun phrase after "und" must be the subject of the second half; with "haben" it may be
an object ("hat den Täter gefasst und die Beute sichergestellt"). The auxiliary takes the number of the
new subject (``data/ls_auxiliary_numbers.tsv``).

Also the phrase helpers that ``plain_conditions`` shares (where the first part of a clause ends, which
pronoun can repeat a subject).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from simplify.plain_clauses import Piece, as_sentence, fits
from simplify.plain_lexicon import data_lines, data_rows
from simplify.plain_tagging import DETERMINER_TAGS, FINITE_TAGS, Token, span_text, tag

OPENING_QUOTES = frozenset('„»"')
_MODIFIERS = frozenset({"ADJA", "CARD", "ADV"})
_PRONOUN_FOR_ARTICLE = {"der": "Er", "die": "Sie", "das": "Es"}
_VERB_TAIL = frozenset({"VVPP", "VAPP", "VMPP", "VVINF", "VAINF", "VMINF", "VVIZU", "PTKVZ"})
_PREPOSITIONS = frozenset({"APPR", "APPRART"})
_CLOSING = frozenset({"$.", "$("})
_COMPARATIVES = frozenset({"mehr", "weniger"})
_PARTICIPLES = frozenset({"VVPP", "VAPP"})
AUXILIARIES_FILE = "ls_auxiliary_numbers.tsv"


def _is_noun(token: Token) -> bool:
    return token.pos.startswith("NN") or token.pos == "NE"


def _noun_phrase_end(tokens: tuple[Token, ...], index: int) -> int | None:
    """End of a noun phrase starting at ``index`` ("die ersten Kräfte der Berufsfeuerwehr"), with a
    genitive attribute ("des …", or "der …" after a noun, as the genitive rule reads it)."""
    end = index + 1 if index < len(tokens) and tokens[index].pos in DETERMINER_TAGS else index
    while end < len(tokens) and tokens[end].pos in _MODIFIERS:
        end += 1
    if end >= len(tokens) or not _is_noun(tokens[end]):
        return None
    while end < len(tokens) and _is_noun(tokens[end]):
        end += 1
    if end < len(tokens) and tokens[end].pos == "ART" and tokens[end].text in ("des", "der"):
        return _noun_phrase_end(tokens, end) or end
    return end


def first_constituent_end(tokens: tuple[Token, ...]) -> int | None:
    """End of the first part of a clause that can stand before the verb: a pronoun, an adverb, a noun
    phrase or a preposition with its noun phrase. ``None`` when unsure, also when "von" follows: it
    may belong to the noun ("die Kräfte von der Feuerwehr") or to the verb ("das Signal vom Soll
    abweicht")."""
    if not tokens:
        return None
    first = tokens[0]
    if first.pos in ("PPER", "PIS", "PDS", "ADV"):
        return 1
    end = _noun_phrase_end(tokens, 1 if first.pos in ("APPR", "APPRART") else 0)
    if end is not None and end < len(tokens) and tokens[end].text.lower() in ("von", "vom"):
        return None
    return end


@lru_cache(maxsize=1)
def von_verbs() -> frozenset[str]:
    """Infinitives of verbs with a "von" object ("abweichen"), from ``data/ls_von_verbs.txt``."""
    return frozenset(line.strip() for line in data_lines("ls_von_verbs.txt"))


def subject_before_verb_object(tokens: tuple[Token, ...], verb: str) -> int | None:
    """End of a noun phrase followed by a "von" phrase that ends the clause ("das Signal | vom Soll ab"),
    when the verb (infinitive with its particle: "abweichen") takes "von": then "von" belongs to the verb,
    not to the noun ("die Kräfte von der Feuerwehr kommen"). ``None`` for anything else."""
    if not tokens or tokens[0].pos in _PREPOSITIONS or verb not in von_verbs():
        return None
    end = _noun_phrase_end(tokens, 0)
    if end is None or end >= len(tokens) or tokens[end].text.lower() not in ("von", "vom"):
        return None
    after = _noun_phrase_end(tokens, end + 1)
    if after is None or any(t.pos not in _VERB_TAIL for t in tokens[after:]):
        return None
    return end


def subject_pronoun(subject: tuple[Token, ...], verb: Token) -> str | None:
    """The pronoun that can repeat a subject: "Sie" after a plural verb ("rufen", "sind"), else "Er",
    "Sie" or "Es" for a subject with "der", "die" or "das"; ``None`` when unsure (a name, "ein …")."""
    if not subject or subject[0].pos == "PPER":
        return None
    if verb.text.endswith("en") or verb.text in ("sind", "tun"):
        return "Sie"
    if subject[0].pos == "ART":
        return _PRONOUN_FOR_ARTICLE.get(subject[0].text.lower())
    return None


def _words(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """Tokens without an opening quote at the start and the final punctuation."""
    start = 1 if tokens and tokens[0].text in OPENING_QUOTES else 0
    end = len(tokens)
    while end > start and (tokens[end - 1].pos in _CLOSING or tokens[end - 1].text in "“”«"):
        end -= 1
    return tokens[start:end]


def _verb_tail_start(tokens: tuple[Token, ...]) -> int:
    """Where the verb parts at the end of a main clause begin ("… Euro | eingeplant")."""
    start = len(tokens)
    while start > 0 and tokens[start - 1].pos in _VERB_TAIL:
        start -= 1
    return start


def _nouns(tokens: tuple[Token, ...]) -> list[str]:
    return [t.text for t in tokens if t.pos.startswith("NN") or t.pos == "NE"]


def _is_noun_phrase(tokens: tuple[Token, ...]) -> bool:
    """A noun phrase and nothing else (a pronoun or a preposition first does not count)."""
    return (
        bool(tokens) and tokens[0].pos not in _PREPOSITIONS and first_constituent_end(tokens) == len(tokens)
    )


def _is_one(tokens: tuple[Token, ...]) -> bool:
    """An amount of one ("1 Euro", "ein Euro"): a plural verb would not agree ("sind 1 Euro")."""
    return any(t.text == "1" or t.text.lower() in ("ein", "eine", "einen") for t in tokens)


def repeated_preposition(text: str) -> list[Piece] | None:
    """ "Wir investieren viel in die Zukunft unserer Kinder und in eine moderne Infrastruktur." → "Wir
    investieren viel in die Zukunft unserer Kinder." + "Wir investieren auch in eine moderne
    Infrastruktur." Only with the subject first, the same preposition twice, and no number (an amount
    would then seem to belong to the first thing only), no negation ("auch" would be wrong) and no comma."""
    tokens = _words(tag(text))
    if any(t.pos == "CARD" or any(c.isdigit() for c in t.text) or t.text in (",", ";") for t in tokens):
        return None
    subject_end = _subject_end(tokens)
    if subject_end is None or subject_end >= len(tokens) or tokens[subject_end].pos not in FINITE_TAGS:
        return None
    joints = [i for i, t in enumerate(tokens) if t.text in ("und", "oder", "sowie")]
    if len(joints) != 1 or _negation(tokens) is not None:
        return None
    joint = joints[0]
    second = tokens[joint + 1] if joint + 1 < len(tokens) else None
    first = next((i for i in range(subject_end + 1, joint) if tokens[i].pos in _PREPOSITIONS), None)
    if second is None or first is None or tokens[first].text.lower() != second.text.lower():
        return None
    tail = _verb_tail_start(tokens)
    if tail <= joint + 2 or second.pos not in _PREPOSITIONS:
        return None
    subject = span_text(text, tokens[:subject_end])
    parts = [
        subject_pronoun(tokens[:subject_end], tokens[subject_end]) or subject,
        tokens[subject_end].text,
        "auch",
        span_text(text, tokens[joint + 1 : tail]),
        span_text(text, tokens[tail:]),
    ]
    first_sentence = " ".join(
        p for p in (span_text(text, tokens[:joint]), span_text(text, tokens[tail:])) if p
    )
    return [Piece(as_sentence(first_sentence)), Piece(as_sentence(" ".join(p for p in parts if p)))]


def gapping(text: str) -> list[Piece] | None:
    """Gapping ("für B weitere 4 Euro", ``gapped_verb``) or a repeated preposition ("in A und in B",
    ``repeated_preposition``): two sentences, each with its verb."""
    return gapped_verb(text) or repeated_preposition(text)


def gapped_verb(text: str) -> list[Piece] | None:
    """Gapping: "Für A sind 8 Euro geplant, für B weitere 4 Euro." → two sentences, the second with the verb.

    Only when both halves have the same shape (prepositional phrase, verb, amount) and the amounts end
    in the same nouns ("Millionen Euro"), so the repeated verb agrees with its new subject."""
    tokens = _words(tag(text))
    commas = [i for i, t in enumerate(tokens) if t.text == ","]
    if len(commas) != 1 or tokens[0].pos not in _PREPOSITIONS:
        return None
    left, right = tokens[: commas[0]], tokens[commas[0] + 1 :]
    if not right or right[0].pos not in _PREPOSITIONS or any(t.pos.startswith("V") for t in right):
        return None
    verb_at = first_constituent_end(left)
    if verb_at is None or verb_at >= len(left) or left[verb_at].pos not in FINITE_TAGS:
        return None
    tail = _verb_tail_start(left)
    expletive = (
        verb_at + 2 if left[verb_at + 1 : verb_at + 2] and left[verb_at + 1].text == "es" else verb_at + 1
    )
    amount = left[expletive:tail]
    phrase_end = first_constituent_end(right)
    if phrase_end is None or not _is_noun_phrase(amount) or not _is_noun_phrase(right[phrase_end:]):
        return None
    if _nouns(amount)[-2:] != _nouns(right[phrase_end:])[-2:] or _is_one(right[phrase_end:]):
        return None
    verb = span_text(text, left[verb_at:expletive])  # "sind", or "gibt es"
    parts = [span_text(text, right[:phrase_end]), verb, span_text(text, right[phrase_end:])]
    second = " ".join(parts + [span_text(text, left[tail:])])
    return [Piece(as_sentence(span_text(text, left))), Piece(as_sentence(second))]


def _subject_end(tokens: tuple[Token, ...]) -> int | None:
    """End of the subject at the start: a pronoun, a name or a noun phrase (not a prepositional one)."""
    if not tokens or tokens[0].pos in _PREPOSITIONS or tokens[0].pos == "ADV":
        return None
    return first_constituent_end(tokens)


def _negation(tokens: tuple[Token, ...]) -> int | None:
    """Index of "nicht" or of a form of "kein"."""
    return next(
        (i for i, t in enumerate(tokens) if t.pos == "PTKNEG" or t.text.lower().startswith("kein")), None
    )


def not_but(text: str, max_words: int) -> list[Piece] | None:
    """Contrast: "S V nicht A, sondern B." → "S V nicht A." + "S V B." — only when "sondern" adds no verb
    of its own; the subject is repeated, as a pronoun where that is sure ("Die Stadt" → "Sie"). Both
    sentences must have at most ``max_words`` words: the second one needs the first."""
    tokens = _words(tag(text))
    at = next((i for i in range(1, len(tokens)) if tokens[i].text == "sondern"), None)
    if at is None or tokens[at - 1].text != ",":
        return None
    left, right = tokens[: at - 1], tokens[at + 1 :]
    subject_end = _subject_end(left)
    if subject_end is None or subject_end >= len(left) or left[subject_end].pos not in FINITE_TAGS:
        return None
    negation = _negation(left[subject_end + 1 :])
    if not right or negation is None or any(t.pos.startswith("V") or t.pos == "KOUS" for t in right):
        return None
    negation += subject_end + 1
    tail = _verb_tail_start(left)
    if negation >= tail - 1 or "," in (t.text for t in left):
        return None
    subject = left[:subject_end]
    pronoun = subject_pronoun(subject, left[subject_end])
    parts = [
        pronoun or span_text(text, subject),
        span_text(text, left[subject_end:negation]),
        span_text(text, right),
        span_text(text, left[tail:]),
    ]
    pieces = [Piece(as_sentence(span_text(text, left))), Piece(as_sentence(" ".join(p for p in parts if p)))]
    return pieces if fits(pieces, max_words) else None


@lru_cache(maxsize=1)
def limit_words() -> frozenset[str]:
    """Words that start a limit after a comma ("höchstens"), from ``data/ls_limit_words.txt``."""
    return frozenset(line.strip() for line in data_lines("ls_limit_words.txt"))


def limit_tail(text: str, max_words: int) -> list[Piece] | None:
    """A limit after the comma becomes a sentence of its own, one per amount: "Der Zuschuss beträgt die
    Hälfte der Ausgaben, höchstens jedoch 5.000 Euro je Person und 25.000 Euro je Firma." → "Der Zuschuss
    beträgt die Hälfte der Ausgaben." + "Er beträgt jedoch höchstens 5.000 Euro je Person." + "Er beträgt
    höchstens 25.000 Euro je Firma." Only with the subject first and the finite verb as the only verb."""
    tokens = _words(tag(text))
    comma = max((i for i, t in enumerate(tokens) if t.text == ","), default=None)
    if comma is None or comma + 2 >= len(tokens) or tokens[comma + 1].text.lower() not in limit_words():
        return None
    left, tail = tokens[:comma], tokens[comma + 2 :]
    subject_end = _subject_end(left)
    if subject_end is None or subject_end >= len(left) or left[subject_end].pos not in FINITE_TAGS:
        return None
    if any(t.pos.startswith("V") for t in left[subject_end + 1 :] + tail) or "," in (t.text for t in left):
        return None
    marker = tail[0].text if tail and tail[0].text in ("aber", "jedoch") else ""
    amounts = tail[1:] if marker else tail
    cuts = [
        i for i in range(1, len(amounts) - 1) if amounts[i].text == "und" and amounts[i + 1].pos == "CARD"
    ]
    if not amounts or amounts[0].pos != "CARD":
        return None
    subject = subject_pronoun(left[:subject_end], left[subject_end]) or span_text(text, left[:subject_end])
    limit = tokens[comma + 1].text
    pieces = [Piece(as_sentence(span_text(text, left)))]
    for number, (start, end) in enumerate(zip([-1, *cuts], [*cuts, len(amounts)], strict=True)):
        words = [
            subject,
            left[subject_end].text,
            marker if number == 0 else "",
            limit,
            span_text(text, amounts[start + 1 : end]),
        ]
        pieces.append(Piece(as_sentence(" ".join(w for w in words if w))))
    return pieces if fits(pieces, max_words) else None


def comparison_tail(text: str, max_words: int) -> list[Piece] | None:
    """A comparison after the comma becomes a sentence of its own: "… behandelt, rund 27 Prozent mehr
    als im Vorjahr." → "… behandelt." + "Das sind rund 27 Prozent mehr als im Vorjahr."

    Only an amount ("27 Prozent", not "1 Prozent") with "mehr/weniger als" and no verb, and only when
    both sentences have at most ``max_words`` words ("Das" needs the sentence before). A limit ("…,
    höchstens jedoch 5.000 Euro") is a comparison too (``limit_tail``)."""
    limited = limit_tail(text, max_words)
    if limited is not None:
        return limited
    tokens = _words(tag(text))
    comma = max((i for i, t in enumerate(tokens) if t.text == ","), default=None)
    if comma is None or not any(t.pos in FINITE_TAGS for t in tokens[:comma]):
        return None
    tail = tokens[comma + 1 :]
    texts = [t.text.lower() for t in tail]
    compared = next(
        (i for i in range(1, len(texts) - 1) if texts[i] in _COMPARATIVES and texts[i + 1] == "als"), None
    )
    if compared is None or any(t.pos.startswith("V") or t.text == "," for t in tail) or _is_one(tail):
        return None
    amount = tail[1:compared] if tail[0].pos == "ADV" else tail[:compared]
    if not amount or amount[0].pos != "CARD" or not all(t.pos.startswith("NN") for t in amount[1:]):
        return None
    pieces = [
        Piece(as_sentence(span_text(text, tokens[:comma]))),
        Piece(as_sentence(f"Das sind {span_text(text, tail)}")),
    ]
    return pieces if fits(pieces, max_words) else None


# --- shared auxiliary ----------------------------------------------------------------------------
_SUBJECT_ARTICLES = frozenset({"die", "das", "ein", "eine"})  # "der" may be a dative: "der Stadt"


@lru_cache(maxsize=1)
def auxiliary_numbers() -> Mapping[str, tuple[str, str]]:
    """Any form of the auxiliaries (lower case) → (singular, plural)."""
    table: dict[str, tuple[str, str]] = {}
    for singular, plural in data_rows(AUXILIARIES_FILE, 2):
        table[singular] = table[plural] = (singular, plural)
    return MappingProxyType(table)


def _subject(tokens: tuple[Token, ...], index: int) -> tuple[int, bool] | None:
    """End of "die/das/ein/eine (Adjektive) Nomen" at ``index`` and whether it is plural; ``None``
    for other articles, which may show a dative."""
    if index >= len(tokens) or tokens[index].text.lower() not in _SUBJECT_ARTICLES:
        return None
    end = index + 1
    while end < len(tokens) and tokens[end].pos == "ADJA":
        end += 1
    if end >= len(tokens) or not _is_noun(tokens[end]):
        return None
    noun = tokens[end]
    plural = noun.text != noun.lemma
    article = tokens[index].text.lower()
    if plural and article != "die":
        return None
    return end + 1, plural


def shared_auxiliary(text: str, max_words: int) -> list[Piece] | None:
    """ "S1 wird/werden/ist/sind P1 und S2 … P2." → "S1 … P1." + "S2 wird … P2.": both halves must be
    short enough, the first must start with its subject and the second with a subject in the nominative."""
    tokens = tag(text)
    first = _subject(tokens, 0)
    if first is None or first[0] >= len(tokens) or tokens[first[0]].pos not in FINITE_TAGS:
        return None
    auxiliary = tokens[first[0]]
    forms = auxiliary_numbers().get(auxiliary.text.lower())
    if forms is None:
        return None
    joiner = next((i for i in range(first[0] + 2, len(tokens)) if tokens[i].text == "und"), None)
    if joiner is None or tokens[joiner - 1].pos not in _PARTICIPLES:
        return None
    second = _subject(tokens, joiner + 1)
    rest = tokens[second[0] :] if second else ()
    words = [t for t in rest if t.pos[:1] != "$"]
    if second is None or not words or words[-1].pos not in _PARTICIPLES:
        return None
    if any(t.pos in FINITE_TAGS or t.text in (",", ";", ":") for t in tokens[first[0] + 1 :]):
        return None
    subject = text[tokens[joiner + 1].start : tokens[second[0] - 1].end]
    verb = forms[1] if second[1] else forms[0]
    pieces = [
        Piece(as_sentence(text[: tokens[joiner].start])),
        Piece(as_sentence(f"{subject[:1].upper()}{subject[1:]} {verb} {text[rest[0].start :]}")),
    ]
    return pieces if fits(pieces, max_words) else None
