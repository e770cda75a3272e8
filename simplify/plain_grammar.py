"""Grammar rules: genitive → "von", passive → active where the agent is known."""

from __future__ import annotations

from functools import lru_cache

from simplify.plain_clauses import Piece
from simplify.plain_lexicon import data_rows, place_nouns
from simplify.plain_object_relative import agent_gender
from simplify.plain_passive import active
from simplify.plain_tagging import Token, compound_parts, tag

GENITIVE_FILE = "ls_genitive_nouns.tsv"
_NOUN_TAGS = frozenset({"NN", "NE"})
_NAME_TAGS = frozenset({"NE", "FM"})


@lru_cache(maxsize=1)
def _genitive_words() -> dict[str, frozenset[str]]:
    """The word lists of ``ls_genitive_nouns.tsv`` by kind ("weiblich", "firma")."""
    kinds: dict[str, set[str]] = {}
    for kind, word in data_rows(GENITIVE_FILE, 2):
        kinds.setdefault(kind, set()).add(word)
    return {kind: frozenset(words) for kind, words in kinds.items()}


def _feminine_singular(noun: Token) -> bool:
    """A feminine noun on -er/-el/-en, whose genitive singular looks like a plural ("der Steuer")."""
    parts = [m for m, label in compound_parts(noun.text) if label == "NN"] or [noun.text]
    return parts[-1].lower() in _genitive_words()["weiblich"]


def _company(tokens: tuple[Token, ...], start: int) -> bool:
    """A company name with its legal form follows ("der Wernicke Antriebstechnik GmbH"): feminine."""
    for token in tokens[start : start + 7]:
        if token.text.lower() in _genitive_words()["firma"]:
            return True
        if token.pos[:1] == "V" or token.pos.startswith("$"):
            return False
    return False


def _same_word(token: Token) -> bool:
    """Whether the word is its own lemma; "IHK" (lemma "Ihk") is."""
    return token.text.lower() == token.lemma.lower()


def _after_noun(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether the article at ``index`` follows a noun, also across numbers ("die Linien 5 und 12 der …")."""
    position = index - 1
    while position > 0 and (tokens[position].pos == "CARD" or tokens[position].text == "und"):
        position -= 1
    return (
        position >= 0
        and tokens[position].pos in _NOUN_TAGS
        and (position == index - 1 or tokens[index - 1].pos == "CARD")
    )


def _row_goes_on(tokens: tuple[Token, ...], index: int) -> bool:
    """After a comma, a row of genitives ends with "und der …" / "oder des …" before the next verb."""
    for previous, token in zip(tokens[index:], tokens[index + 1 :], strict=False):
        if token.pos[:1] == "V":
            return False
        if previous.text in ("und", "oder") and token.text in ("der", "des"):
            return True
    return False


def _after_possessive(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether the article follows "deren/dessen" + noun: "deren Ziel der Klimaschutz ist"."""
    return index >= 2 and tokens[index - 2].text in ("deren", "dessen")


def _pair_noun(tokens: tuple[Token, ...], noun: int) -> Token | None:
    """The second noun of a pair like "Helferinnen und Helfer" (the second starts like the first)."""
    if noun + 2 >= len(tokens) or tokens[noun + 1].text not in ("und", "oder"):
        return None
    second = tokens[noun + 2]
    first = tokens[noun].text
    return second if second.pos == "NN" and first.startswith(second.text) and first != second.text else None


def _phrase_end(tokens: tuple[Token, ...], start: int) -> int:
    """Index of the noun after the genitive article at ``start - 1``: over adjectives, numbers and a
    place adjective before a noun ("des Brückenauer Start-ups")."""
    end = start
    while end < len(tokens) and (
        tokens[end].pos in ("ADJA", "CARD", "ADV")
        or (
            tokens[end].text.endswith("er")
            and tokens[end].text[:1].isupper()
            and end + 1 < len(tokens)
            and tokens[end + 1].pos in _NOUN_TAGS
            and tokens[end + 1].text[:1].isupper()
        )
    ):
        end += 1
    return end


def genitive(text: str, names: frozenset[str] = frozenset()) -> list[Piece] | None:
    """Genitive → "von": "des Landes Nordrhein-Westfalen" → "von Nordrhein-Westfalen"; "des Instituts" →
    "vom Institut"; noun + "der Hochschule" → "von der Hochschule"; plural "der Schulen" → "von den
    Schulen". A row of genitives gets "von" each time ("der Feuerwehr, der Polizei und des
    Rettungsdienstes"). ``names`` are place names the tagger may not know ("der Stadt Lindenhagen")."""
    tokens = tag(text)
    out: list[str] = []
    position = 0
    index = 0
    row_end = -1  # token index after the last rewritten genitive, for a row of them
    while index < len(tokens):
        token = tokens[index]
        previous = tokens[index - 1] if index else None
        in_row = (
            previous is not None
            and row_end > 0
            and previous.text in (",", "und", "oder")
            and all(t.pos in _NAME_TAGS or t.text in names for t in tokens[row_end : index - 1])
            and (previous.text != "," or _row_goes_on(tokens, index))
        )
        genitive_article = token.pos == "ART" and (
            token.text == "des" or (token.text == "der" and (in_row or _after_noun(tokens, index)))
        )
        if not genitive_article or previous is None or previous.pos == "APPR":
            index += 1  # "wegen des …", "während der …": leave the preposition rule to the table
            continue
        phrase_end = _phrase_end(tokens, index + 1)
        if phrase_end >= len(tokens) or tokens[phrase_end].pos not in _NOUN_TAGS:
            index += 1
            continue
        noun = tokens[phrase_end]
        nxt = tokens[phrase_end + 1] if phrase_end + 1 < len(tokens) else None
        multiword = nxt is not None and nxt.pos in _NOUN_TAGS
        place = (
            noun.text in place_nouns()
            and nxt is not None
            and (nxt.pos == "NE" or nxt.text in names)
            and phrase_end == index + 1
        )
        company = token.text == "der" and _company(tokens, index + 1)
        regular = noun.text in (noun.lemma, noun.lemma + "s", noun.lemma + "es")
        if token.text == "des" and not place and not regular:
            index += 1  # not a plain noun in the genitive; leave it
            continue
        if token.text == "der" and multiword and not _same_word(noun) and not company:
            index += 1
            continue
        if token.text == "der" and (agent_gender(noun) in ("m", "n") or _after_possessive(tokens, index)):
            index += 1  # a nominative: "… sitzt der Rat", "deren Ziel der Klimaschutz ist"
            continue
        if (
            token.text == "der"
            and not company
            and noun.text == noun.lemma
            and noun.text.endswith(("en", "er", "el"))
            and not _feminine_singular(noun)
        ):
            index += 1  # "der Unternehmen": plural or singular? Leave it; the checker flags it.
            continue
        out.append(text[position : token.start])
        if place and nxt is not None:
            out.append("von ")
            position = nxt.start
        elif token.text == "des":
            out.append("vom " + text[tokens[index + 1].start : noun.start] + noun.lemma)
            position = noun.end
        elif noun.pos == "NN" and not _same_word(noun) and not company:
            plural = noun.text if noun.text.endswith(("n", "s")) else noun.text + "n"
            out.append("von den " + text[tokens[index + 1].start : noun.start] + plural)
            position = noun.end
            pair = _pair_noun(tokens, phrase_end)
            if pair is not None:  # "der Helferinnen und Helfer" → "von den Helferinnen und Helfern"
                out.append(
                    text[noun.end : pair.start] + pair.text + ("" if pair.text.endswith(("n", "s")) else "n")
                )
                position = pair.end
                phrase_end += 2
        else:
            out.append("von der ")
            position = tokens[index + 1].start
        index = phrase_end + 1
        row_end = index
    if not out:
        return None
    out.append(text[position:])
    return [Piece("".join(out))]


# --- passive (see ``simplify.plain_passive``) ---------------------------------------------------------


def passive(text: str) -> list[Piece] | None:
    """Passive with a named agent → active: "Eine Frau wurde von der Feuerwehr gerettet." → "Die
    Feuerwehr hat eine Frau gerettet." """
    return active(text)


def fronted_passive(text: str, names: frozenset[str] = frozenset()) -> list[Piece] | None:
    """Passive with the participle first → active: "Moderiert wurde die Runde von Leyla Aydın." →
    "Leyla Aydın hat die Runde moderiert." ``names`` are the words of the names of the release."""
    return active(text, names, fronted=True)
