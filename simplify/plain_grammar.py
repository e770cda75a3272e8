"""Grammar rules: genitive → "von", passive → active where the agent is known."""

from __future__ import annotations

import re

from simplify.plain_clauses import Piece, as_sentence
from simplify.plain_lexicon import place_nouns
from simplify.plain_tagging import tag

_NOUN_TAGS = frozenset({"NN", "NE"})


def genitive(text: str, names: frozenset[str] = frozenset()) -> list[Piece] | None:
    """Genitive → "von": "des Landes Nordrhein-Westfalen" → "von Nordrhein-Westfalen"; "des Instituts" →
    "vom Institut"; noun + "der Hochschule" → "von der Hochschule"; plural "der Schulen" → "von den
    Schulen". ``names`` are place names the tagger may not know ("der Stadt Lindenhagen")."""
    tokens = tag(text)
    out: list[str] = []
    position = 0
    index = 0
    changed = False
    while index < len(tokens):
        token = tokens[index]
        previous = tokens[index - 1] if index else None
        genitive_article = token.text == "des" or (
            token.text == "der" and token.pos == "ART" and previous is not None and previous.pos in _NOUN_TAGS
        )
        if not genitive_article or previous is None or previous.pos not in _NOUN_TAGS | {"APPR"}:
            index += 1
            continue
        if previous.pos == "APPR":  # "wegen des …", "während der …": leave the preposition rule to the table
            index += 1
            continue
        phrase_end = index + 1
        while phrase_end < len(tokens) and tokens[phrase_end].pos in ("ADJA", "CARD", "ADV"):
            phrase_end += 1
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
        regular = noun.text in (noun.lemma, noun.lemma + "s", noun.lemma + "es")
        if token.text == "des" and not place and not regular:
            index += 1  # "des Brückenauer Start-ups": not a plain noun in the genitive; leave it
            continue
        if token.text == "der" and multiword and noun.text != noun.lemma:
            index += 1
            continue
        if token.text == "der" and noun.text == noun.lemma and noun.text.endswith(("en", "er", "el")):
            index += 1  # "der Unternehmen": plural or singular? Leave it; the checker flags it.
            continue
        out.append(text[position : token.start])
        if place and nxt is not None:
            out.append("von ")
            position = nxt.start
        elif token.text == "des":
            stem = noun.lemma
            out.append("vom " + text[tokens[index + 1].start : noun.start] + stem)
            position = noun.end
        elif noun.pos == "NN" and noun.text != noun.lemma:
            plural = noun.text if noun.text.endswith(("n", "s")) else noun.text + "n"
            out.append("von den " + text[tokens[index + 1].start : noun.start] + plural)
            position = noun.end
        else:
            out.append("von der ")
            position = tokens[index + 1].start
        changed = True
        index = phrase_end + 1
    if not changed:
        return None
    out.append(text[position:])
    return [Piece("".join(out))]


# --- passive ---------------------------------------------------------------------------------------

_PASSIVE = re.compile(
    r"^(?P<subject>(?:Die|Eine|Das|Ein)\s+(?:[\w-]+\s+){0,3}?[A-ZÄÖÜ][\w-]*)\s+(?P<aux>wurden?)\s+"
    r"von\s+der\s+(?P<agent>(?:[\w-]+\s+){0,2}?[A-ZÄÖÜ][\w-]*)\s+(?P<rest>.*?)\s*(?P<participle>\b\w+)\.$"
)


def passive(text: str) -> list[Piece] | None:
    """Passive with a named agent → active in the Perfekt: "Eine Frau wurde von der Feuerwehr gerettet."
    → "Die Feuerwehr hat eine Frau gerettet." Only the safe forms are rewritten: a feminine singular
    agent ("von der …", nominative "die …") and a subject whose accusative looks the same ("die", "eine",
    "das", "ein" + noun); everything else is left for the checker to flag."""
    match = _PASSIVE.match(text)
    if not match:
        return None
    participle_tags = [t.pos for t in tag(text) if t.text == match.group("participle")]
    if not participle_tags or participle_tags[-1] != "VVPP":
        return None
    subject = match.group("subject")
    subject = subject[:1].lower() + subject[1:]
    sentence = f"die {match.group('agent')} hat {subject} {match.group('rest')} {match.group('participle')}"
    return [Piece(as_sentence(sentence))]


_PAST_PASSIVE = frozenset({"wurde", "wurden"})


def fronted_passive(text: str, names: frozenset[str] = frozenset()) -> list[Piece] | None:
    """Passive with the participle first and a named agent at the end → active in the Perfekt:
    "Moderiert wurde die Runde von Leyla Aydın." → "Leyla Aydın hat die Runde moderiert."

    Only when the subject starts with "die" or "das" (the accusative looks the same) and the agent is
    "von" + a name of the release (``names``) or "von der" + a noun (feminine: "die Feuerwehr")."""
    tokens = tag(text)
    if len(tokens) < 7 or tokens[0].pos != "VVPP" or tokens[1].text not in _PAST_PASSIVE:
        return None
    if tokens[2].text.lower() not in ("die", "das") or tokens[-1].text != ".":
        return None
    von = max((i for i, t in enumerate(tokens) if t.text == "von"), default=-1)
    agent_tokens = tokens[von + 1 : -1]
    if von < 4 or not agent_tokens:
        return None
    if all(t.text in names for t in agent_tokens):
        agent = text[agent_tokens[0].start : agent_tokens[-1].end]
    elif agent_tokens[0].text == "der" and len(agent_tokens) == 2 and agent_tokens[1].pos == "NN":
        agent = "die " + agent_tokens[1].text
    else:
        return None
    middle = text[tokens[2].start : tokens[von].start].strip()
    subject = middle[:1].lower() + middle[1:]
    return [Piece(as_sentence(f"{agent} hat {subject} {tokens[0].text.lower()}"))]
