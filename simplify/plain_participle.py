"""An extended participle before a noun becomes its own sentence in the passive.

"Ein vor dem Haus geparkter Wagen wurde beschädigt." → "Ein Wagen wurde beschädigt." + "Der Wagen wurde
vor dem Haus geparkt."
"… an der Abdichtung des 1968 errichteten Bauwerks …" → "… an der Abdichtung des Bauwerks …" + "Das
Bauwerk wurde 1968 errichtet."

Only a past participle (HanTa reads its lemma as one: "geparkt", "errichtet") with words of its own
before it (a place, a time, an agent: "vom Rat") is taken out. The new sentence needs the noun in the
nominative; the article or the ending of the participle tells gender and number ("ein … geparkter" is
masculine), for "des"/"dem" the gender comes from ``ls_agent_nouns.tsv``; otherwise nothing changes.
"""

from __future__ import annotations

from simplify.plain_clauses import Piece, as_sentence
from simplify.plain_object_relative import agent_gender
from simplify.plain_passive import nominative_plural
from simplify.plain_tagging import Token, has_finite_verb, tag

# Words that may stand between the article and the participle: "vor dem Haus", "1968", "vom Rat".
_INSIDE = frozenset({"APPR", "APPRART", "ART", "NN", "NE", "CARD", "ADV", "ADJD"})
_ARTICLES = {"der": "Der", "die": "Die", "das": "Das"}


def _is_past_participle(token: Token) -> bool:
    """An attributive past participle: its lemma is a participle ("geparkt"), not a present one."""
    lemma = token.lemma
    if token.pos != "ADJA" or not lemma.endswith(("t", "en")) or lemma.endswith("end"):
        return False
    return any(t.pos == "VVPP" for t in tag(f"Es wurde {lemma}."))


def _nominative(article: str, participle: Token, noun: Token) -> tuple[str, bool] | None:
    """(noun with its nominative article, plural) or ``None`` if gender or number is not sure."""
    article = article.lower()
    plural = noun.text != noun.lemma and not noun.text.endswith("s")
    ending = participle.text[len(participle.lemma) :]
    gender = agent_gender(noun)
    if article in ("die", "eine"):
        return f"Die {noun.text}", plural
    if article == "das" or (article == "ein" and ending == "es"):
        return f"Das {noun.text}", False
    if (article == "ein" and ending == "er") or (article == "der" and ending == "e") or article == "einen":
        return f"Der {noun.text}", False
    if article in ("der", "den") and plural:
        return f"Die {nominative_plural(noun)}", True
    if article == "einer" or (article == "der" and not noun.text.endswith(("er", "el", "en"))):
        return f"Die {noun.text}", False  # feminine: "einer …", "der … Schule"
    if article in ("des", "dem", "einem", "eines") and gender in ("m", "n"):
        return f"{'Der' if gender == 'm' else 'Das'} {noun.lemma}", False
    return None


def _extension(inside: tuple[Token, ...]) -> bool:
    """Whether the words before the participle belong to it and say something: they start with a
    preposition, an adverb or a year and hold a place, time or agent ("vor dem Haus", "1968", "vom Rat");
    a number is a year or follows a preposition ("vor 2 Jahren"), so "die 3 gebauten Häuser" stays."""
    if not inside or inside[0].pos not in ("APPR", "APPRART", "CARD", "ADV", "ADJD"):
        return False
    if not any(t.pos in ("APPR", "APPRART", "CARD") for t in inside):
        return False  # only an adverb ("eigens entwickelt"): no fact of its own worth a sentence
    for position, token in enumerate(inside):
        year = len(token.text) == 4 and token.text.isdigit() and token.text[:2] in ("19", "20")
        after_preposition = any(t.pos in ("APPR", "APPRART") for t in inside[:position])
        if token.pos == "CARD" and not (year or after_preposition):
            return False
    return True


def participle_attribute(text: str) -> list[Piece] | None:
    """The first extended past participle before a noun becomes a sentence of its own (module doc)."""
    tokens = tag(text)
    for start, article in enumerate(tokens):
        if article.pos != "ART":
            continue
        end = start + 1
        while end < len(tokens) and tokens[end].pos in _INSIDE and tokens[end].text not in (",", "und"):
            end += 1
        if end + 1 >= len(tokens) or not _extension(tokens[start + 1 : end]):
            continue
        if not _is_past_participle(tokens[end]):
            continue
        participle, noun = tokens[end], tokens[end + 1]
        if noun.pos != "NN" or tokens[end - 1].pos == "ART":
            continue
        subject = _nominative(article.text, participle, noun)
        if subject is None:
            continue
        inside = text[tokens[start + 1].start : tokens[end - 1].end]
        verb = "wurden" if subject[1] else "wurde"
        new = as_sentence(f"{subject[0]} {verb} {inside} {participle.lemma}")
        main = as_sentence(text[: tokens[start + 1].start] + text[noun.start :])
        if has_finite_verb(main) and has_finite_verb(new):
            return [Piece(main), Piece(new)]
    return None
