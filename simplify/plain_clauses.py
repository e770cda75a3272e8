"""Sentence-level rewriting rules: quotations, brackets, insertions, appositions, lists and clause
splitting. Each function returns the new pieces of a sentence, or ``None`` when it does not apply.
Shortening lives in ``plain_shorten``, genitive and passive in ``plain_grammar``.
"""

from __future__ import annotations

import re
from functools import partial
from typing import NamedTuple

from simplify import segment
from simplify.plain_lexicon import speech_verbs, subordinators
from simplify.plain_tagging import FINITE_TAGS, SUBORDINATING_TAGS, Token, has_finite_verb, tag
from simplify.plain_words import name_without_titles
from simplify.release import Person


class Piece(NamedTuple):
    """A piece of text on its way to becoming a line of the plain version."""

    text: str
    is_list_item: bool = False


def as_sentence(text: str) -> str:
    """Tidy a piece into a sentence: spaces, capital first letter, final full stop."""
    text = re.sub(r"\s+", " ", text).strip(" ,;–—-")
    text = re.sub(r"\s+([,.:;!?])", r"\1", text)
    if not text:
        return text
    text = text[:1].upper() + text[1:]
    return text if text.rstrip("“”«\"'’").endswith((".", "!", "?", ":")) else text + "."


def count_words(text: str) -> int:
    """Words as ``simplify.segment.words`` counts them (the measure of the gate and the checker)."""
    return len(segment.words(text))


def fits(pieces: list[Piece], max_words: int) -> bool:
    """Whether every piece is short enough to stay: a condition without its consequence (or the other
    way round) would say something else, and the engine leaves out pieces that are too long."""
    return all(count_words(p.text) <= max_words for p in pieces)


# --- quotations ------------------------------------------------------------------------------------

_OPEN, _CLOSE = '„»"', '“”«"'


def quotation(text: str) -> list[Piece] | None:
    """Direct speech: drop the attribution ("…“, sagte X.") — the section heading names the speaker."""
    verbs = "|".join(sorted(speech_verbs(), key=len, reverse=True))
    closing = re.compile(rf"[{_CLOSE}],?\s+(?:{verbs})\b[^„“]*$")
    opening = re.compile(rf"^[^„“]*\b(?:{verbs})\b[^„“:]*:\s*(?=[{_OPEN}])")
    middle = re.compile(rf"[{_CLOSE}],\s+(?:{verbs})\b[^„“]*,\s+(?=[{_OPEN}])")
    new = middle.sub("“ ", text)
    new = closing.sub(".", new)
    new = opening.sub("", new)
    new = re.sub(r",\s+so\s+[A-ZÄÖÜ][\w-]+\.$", ".", new)  # indirect: "…, so Markgraf."
    if new == text:
        return None
    return [
        Piece(as_sentence(part)) for part in re.split(r"(?<=[.!?])[“”]?\s+(?=[„A-ZÄÖÜ])", new) if part.strip()
    ]


# --- brackets and insertions -----------------------------------------------------------------------

_BRACKET = re.compile(r"\s*\(([^()]*)\)")
_DASH_INSERTION = re.compile(r"\s+[–—]\s+([^–—]+?)\s+[–—](?=\s)")


def _own_sentence(content: str) -> bool:
    return count_words(content) >= 3 and has_finite_verb(content)


def brackets(text: str) -> list[Piece] | None:
    """Brackets: a full sentence inside becomes its own sentence, anything else is left out."""
    if "(" not in text:
        return None
    extra = [m.group(1) for m in _BRACKET.finditer(text) if _own_sentence(m.group(1))]
    # "+49 (0)221" must not become "+49221": a bracket glued to the next word leaves a space.
    main = _BRACKET.sub(lambda m: " " if text[m.end() : m.end() + 1].isalnum() else "", text)
    return [Piece(as_sentence(main))] + [Piece(as_sentence(e)) for e in extra]


def insertions(text: str) -> list[Piece] | None:
    """Dashes: an insertion between two dashes is left out (or becomes a sentence); one dash splits two
    clauses, and a headline "Ticket für 39 Euro – Vorverkauf startet" into two sentences
    (``_headline_halves``)."""
    if "–" not in text and "—" not in text:
        return None
    extra = [m.group(1) for m in _DASH_INSERTION.finditer(text) if _own_sentence(m.group(1))]
    main = _DASH_INSERTION.sub("", text)
    parts = [p for p in re.split(r"\s+[–—]\s+", main) if p.strip()]
    if len(parts) > 1 and not all(has_finite_verb(p.split(",")[0]) for p in parts):
        parts = _headline_halves(parts) or _dative_apposition(parts) or [main]
    if len(parts) == 1 and main == text:
        return None
    return [Piece(as_sentence(p)) for p in parts] + [Piece(as_sentence(e)) for e in extra]


_PRICE = re.compile(r"^(?P<thing>[A-ZÄÖÜ][\w·-]*)\s+für\s+(?P<price>\d+(?:[.,]\d+)*\s+Euro)\.?$")
_MONEY = re.compile(r"\d(?:[\d.,]*\d)?\s+(?:(?:Millionen|Milliarden)\s+)?Euro\b")


def _verbless_as_sentence(part: str) -> str | None:
    """A half of a headline without a verb as a sentence, where the form is sure: a price ("Ticket für
    39 Euro" → "Ticket kostet 39 Euro") or an amount of money ("Bis zu 5.000 Euro für X", "Investitionen
    von 184,6 Millionen Euro" → "Es gibt …"); ``None`` otherwise."""
    price = _PRICE.match(part.strip())
    if price:
        return as_sentence(f"{price['thing']} kostet {price['price']}")
    tokens = tag(part)
    words = [t for t in tokens if t.pos[:1] != "$"]
    if not words or not _MONEY.search(part):
        return None
    first = words[0]
    amount = first.pos == "CARD" or part.startswith("Bis zu ")
    plural_noun = (
        first.pos == "NN" and first.text != first.lemma and len(words) > 1 and words[1].text == "von"
    )
    if not (amount or plural_noun):
        return None
    return as_sentence(f"Es gibt {part[:1].lower() + part[1:] if amount else part}")


def _is_clause(part: str) -> bool:
    """A clause with its own finite verb before any comma ("Hebesatz steigt …", "Dass X, war richtig"),
    not a phrase with a relative clause ("inklusive eines Scores, der angibt …")."""
    tokens = tag(part.lstrip(_OPEN))
    return (
        has_finite_verb(part.split(",")[0])
        or bool(tokens)
        and is_subordinating(tokens[0])
        and has_finite_verb(part)
    )


def _headline_halves(parts: list[str]) -> list[str] | None:
    """ "Investitionen von 184,6 Millionen Euro – Hebesatz steigt auf 545 Prozent" (a headline): two
    halves, each a sentence of its own. A half without any verb must become a sentence
    (``_verbless_as_sentence``) or have no number — a number must not get lost."""
    if len(parts) != 2 or not any(_is_clause(p) for p in parts):
        return None
    halves = []
    for part in parts:
        if _is_clause(part):
            halves.append(part)
            continue
        if any(t.pos[:1] == "V" for t in tag(part)):
            return None
        sentence = _verbless_as_sentence(part)
        if sentence is None and (re.search(r"\d", part) or not part[:1].isupper()):
            return None  # a number would get lost; "– der Wartung unserer Maschinen" is no headline
        halves.append(sentence or part)
    return halves


_DATIVE_PREPOSITIONS = frozenset({"mit", "von", "bei", "aus", "zu", "nach", "seit"})
_PAST_WORDS = frozenset({"war", "waren", "wurde", "wurden", "hatte", "hatten"})


def _dative_apposition(parts: list[str]) -> list[str] | None:
    """ "Wir haben mit einem Projekt angefangen – der Wartung unserer Maschinen." → "Wir haben mit einem
    Projekt angefangen." + "Das war die Wartung unserer Maschinen." The part after the dash names the
    thing after "mit"/"von"/… again, in the dative; only "der" + adjectives + a singular noun (feminine)
    is sure enough to be put in the nominative ("die vorausschauende Wartung")."""
    if len(parts) != 2:
        return None
    main, tail = parts[0], parts[1].rstrip(" .")
    main_tokens, tail_tokens = tag(main.rstrip(" .") + "."), tag(tail)
    prepositions = [t for t in main_tokens if t.pos in ("APPR", "APPRART")]
    if not has_finite_verb(main) or not prepositions or prepositions[-1].text not in _DATIVE_PREPOSITIONS:
        return None
    if not tail_tokens or tail_tokens[0].text != "der" or any(t.pos[:1] in ("V", "$") for t in tail_tokens):
        return None
    head = 1
    while (
        head < len(tail_tokens) and tail_tokens[head].pos == "ADJA" and tail_tokens[head].text.endswith("en")
    ):
        head += 1
    noun = tail_tokens[head] if head < len(tail_tokens) else None
    if noun is None or noun.pos != "NN" or noun.text != noun.lemma:
        return None
    adjectives = [t.text[:-1] for t in tail_tokens[1:head]]
    phrase = " ".join(["die", *adjectives, tail[noun.start :]])
    finite = next(t for t in main_tokens if t.pos in FINITE_TAGS)
    last = [t for t in main_tokens if t.pos[:1] != "$"][-1]
    past = finite.text in _PAST_WORDS or finite.lemma in ("haben", "sein") and last.pos == "VVPP"
    return [main, f"Das {'war' if past else 'ist'} {phrase}"]


# --- appositions and lists of people ---------------------------------------------------------------


def _name_after_role(match: re.Match[str], name: str) -> str:
    """ "Link, Oberbürgermeister, eröffnete …" → "Link eröffnete …": the comma after the role stays
    only where the sentence does not go on with a lower-case word."""
    rest = match.string[match.end() :]
    goes_on = re.match(r"\s+[a-zäöü]", rest) is not None
    return name + ("," if match.group().endswith(",") and not goes_on else "")


def appositions(text: str, persons: tuple[Person, ...]) -> list[Piece] | None:
    """Appositions become sentences: "Sören Link, Oberbürgermeister der Stadt Duisburg, eröffnete …" →
    "Sören Link ist Oberbürgermeister der Stadt Duisburg." + "Sören Link eröffnete …". Three or more
    people in a row become a list."""
    intro: list[Piece] = []
    new = text
    for person in persons:
        name = name_without_titles(person.name)
        role = (person.role or "").strip()
        found = False
        if role:
            for written in dict.fromkeys((person.name, name)):
                after = re.compile(re.escape(written) + r",\s+" + re.escape(role) + r"(?:,|(?=[.:;]|$))")
                before = re.compile(re.escape(role) + r"\s+" + re.escape(written) + r"\b")
                if after.search(new) or before.search(new):
                    new = after.sub(partial(_name_after_role, name=name), new, count=1)
                    new = before.sub(name, new, count=1)
                    found = True
                    break
        if found:
            intro.append(Piece(as_sentence(f"{name} ist {role}")))
        elif person.name != name and person.name in new:
            new = new.replace(person.name, name)
    if new == text:
        return None
    new = re.sub(r",\s*(?=[.:;]|$)", "", new)
    people = [name_without_titles(p.name) for p in persons]
    listed = _people_list(new, people)
    if listed is None:
        return intro + [Piece(as_sentence(new))]
    main, names = listed
    return [Piece(as_sentence(main))] + [Piece(n, True) for n in names] + intro


def _people_list(text: str, names: list[str]) -> tuple[str, list[str]] | None:
    """Find three or more names in a row ("A, B, sowie C und D") → text with "diese Personen" and ":"."""
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True) if n)
    if not alternatives:
        return None
    run = re.compile(
        rf"(?:{alternatives})(?:,?\s+(?:und|sowie)\s+|,\s+)(?:(?:{alternatives})(?:,?\s+(?:und|sowie)\s+|,\s+))+(?:{alternatives}),?"
    )
    match = run.search(text)
    if not match:
        return None
    found = re.findall(alternatives, match.group())
    main = text[: match.start()] + "diese Personen " + text[match.end() :].lstrip(", ")
    main = main.rstrip(" .") + ":"
    return main, found


# --- enumerations after a colon, clause splitting ---------------------------------------------------


def colon(text: str) -> list[Piece] | None:
    """Colons: "X: a, b und c." → "X:" and one list item each; "A: B." with two full sentences → two."""
    if ":" not in text or text.rstrip().endswith(":") or re.search(r"\d:\d|https?:", text):
        return None
    head, _, tail = text.partition(":")
    if not tail.strip():
        return None
    if has_finite_verb(head) and has_finite_verb(tail):
        return [Piece(as_sentence(head)), Piece(as_sentence(tail))]
    items = re.split(r",\s+|\s+(?:und|sowie|oder)\s+", tail.strip().rstrip("."))
    if len(items) >= 3 and all(0 < count_words(i) <= 6 for i in items) and not has_finite_verb(tail):
        return [Piece(head.strip() + ":")] + [Piece(i.strip(), True) for i in items]
    return None


_NOUN_TAGS = frozenset({"NN", "NE"})
_COORDINATORS = frozenset({"und", "aber", "doch", "denn", "sondern", "oder"})


def is_subordinating(token: Token) -> bool:
    return token.pos in SUBORDINATING_TAGS or token.pos == "PWS" or token.text.lower() in subordinators()


def is_main_clause(tokens: tuple[Token, ...], at_start: bool = False) -> bool:
    """A main clause: no subordinating word first, a finite verb that is not first (a question or a
    condition) and, unless the clause starts the sentence, not last (a relative clause whose pronoun
    HanTa tagged as an article: "…, die digitale Kompetenzen vermitteln")."""
    words = [t for t in tokens if t.pos[:1] != "$"]
    if not words or is_subordinating(words[0]) or words[0].text.lower() == "zu":
        return False
    finite = [i for i, t in enumerate(words) if t.pos in FINITE_TAGS]
    verb_last_ok = at_start or len(words) <= 3
    return bool(finite) and 0 < finite[0] and (finite[0] < len(words) - 1 or verb_last_ok)


def clause_split(text: str) -> list[Piece] | None:
    """Split at ";" and at commas (with "und", "aber", …) where both sides are main clauses."""
    tokens = tag(text)
    cuts: list[tuple[int, int]] = []  # (end of left part, start of right part)
    start = 0
    for index, token in enumerate(tokens):
        if token.text not in (",", ";") or index == 0:
            continue
        right_index = index + 1
        if right_index < len(tokens) and tokens[right_index].text.lower() in _COORDINATORS:
            right_index += 1
        left = tuple(t for t in tokens if start <= t.start < token.start)
        right_end = next((t.start for t in tokens[right_index:] if t.text in (",", ";", "–", "—")), len(text))
        right = tuple(t for t in tokens[right_index:] if t.start < right_end)
        if is_main_clause(left, at_start=start == 0) and is_main_clause(right):
            cuts.append((token.start, tokens[right_index].start if right_index < len(tokens) else len(text)))
            start = cuts[-1][1]
    if not cuts:
        return None
    pieces, position = [], 0
    for left_end, right_start in cuts:
        pieces.append(text[position:left_end])
        position = right_start
    pieces.append(text[position:])
    return [Piece(as_sentence(p)) for p in pieces if p.strip()]


def fronted_clause(text: str) -> list[Piece] | None:
    """Purpose clause first: "Um die Finanzierung zu sichern, hebt der Rat die Steuer an." → "Der Rat hebt
    die Steuer an." + "Das soll die Finanzierung sichern." (the purpose is dropped if it has a pronoun).

    Only purpose clauses ("um … zu") are handled: leaving out a condition ("Wenn …", "Werden sie …")
    or a time clause would change what the sentence says."""
    tokens = tag(text)
    comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
    if comma is None or comma + 2 >= len(tokens) or tokens[comma + 1].pos not in FINITE_TAGS:
        return None
    if tokens[0].text.lower() != "um" or not any(t.pos in ("PTKZU", "VVIZU") for t in tokens[:comma]):
        return None
    verb = tokens[comma + 1]
    first = comma + 2
    while first + 1 < len(tokens) and tokens[first].pos == "ADV":  # "werden nun die Übergänge erneuert"
        first += 1
    subject_end = first
    if tokens[subject_end].pos in ("ART", "PPOSAT", "PIAT"):
        subject_end += 1
        while subject_end < len(tokens) and tokens[subject_end].pos == "ADJA":
            subject_end += 1
        if subject_end >= len(tokens) or tokens[subject_end].pos not in _NOUN_TAGS:
            return None
        subject_end += 1
    elif tokens[subject_end].pos in ("PPER", "NE", "NN", "ADJA"):
        while subject_end < len(tokens) and tokens[subject_end].pos == "ADJA":
            subject_end += 1
        if subject_end >= len(tokens) or tokens[subject_end].pos not in _NOUN_TAGS | {"PPER"}:
            return None
        subject_end += 1
        while subject_end < len(tokens) and tokens[subject_end].pos == "NE":
            subject_end += 1
    else:
        return None
    subject = text[tokens[first].start : tokens[subject_end - 1].end]
    adverbs = " ".join(t.text for t in tokens[comma + 2 : first])
    rest = text[tokens[subject_end - 1].end :]
    purpose = _purpose(text, tokens[1:comma])
    main = as_sentence(f"{subject} {verb.text} {adverbs}{rest}")
    return [Piece(main)] + ([Piece(purpose)] if purpose else [])


def _purpose(text: str, clause: tuple[Token, ...]) -> str | None:
    """ "(Um) eine Verschlechterung zu verhindern" → "Das soll eine Verschlechterung verhindern.";
    ``None`` with a pronoun ("sich", "sie"), which would then point to the wrong thing."""
    if not clause or any(t.pos in ("PRF", "PPER") for t in clause):
        return None
    words = []
    for index, token in enumerate(clause):
        if token.pos == "PTKZU" and index + 1 < len(clause) and clause[index + 1].pos == "VVINF":
            continue
        if token.pos == "VVIZU":
            words.append(token.lemma)
        elif token.pos[:1] != "$" or token.text == ",":
            words.append(text[token.start : token.end])
    return as_sentence("Das soll " + " ".join(words))


_DETERMINER_TAGS = frozenset({"ART", "PPOSAT"})
_INDEFINITE = frozenset({"ein", "eine"})


def subject_end(tokens: tuple[Token, ...], start: int = 0) -> int | None:
    """End (exclusive) of a noun phrase starting at ``start`` that can be the subject: determiner,
    adjectives, a noun or pronoun, names after it ("die Gruppe Nord") and a genitive attribute
    ("Rotorblätter moderner Windräder", "die Leitung der neuen Schule"); ``None`` if there is none."""
    end = start
    if end < len(tokens) and tokens[end].pos in _DETERMINER_TAGS:
        end += 1
    # adjectives, each perhaps with an adverb before it ("ein eigens entwickeltes", "ein neu gebautes")
    while (
        end + 1 < len(tokens)
        and tokens[end].pos in ("ADV", "ADJD")
        and tokens[end + 1].pos == "ADJA"
        or (end < len(tokens) and tokens[end].pos == "ADJA")
    ):
        end += 1 if tokens[end].pos == "ADJA" else 2
    if end >= len(tokens) or tokens[end].pos not in _NOUN_TAGS | {"PPER"}:
        return None
    noun = tokens[end].pos
    end += 1
    while end < len(tokens) and tokens[end].pos == "NE":
        end += 1
    if noun == "PPER":
        return end
    genitive = end
    if genitive < len(tokens) and tokens[genitive].text in ("des", "der"):
        genitive += 1
    adjectives = genitive
    while genitive < len(tokens) and tokens[genitive].pos == "ADJA":
        genitive += 1
    # a bare genitive needs an adjective ("moderner Windräder"), else "Anna Zeugen" would be one phrase
    if (
        genitive < len(tokens)
        and tokens[genitive].pos == "NN"
        and (genitive > adjectives or adjectives > end)
    ):
        return genitive + 1
    return end


def repeated_subject(text: str, tokens: tuple[Token, ...], end: int) -> str | None:
    """The subject ``tokens[:end]`` as it is written again in a later sentence: as it stands, or with the
    definite article for "ein"/"eine" ("Ein neues Modell" → "Das Modell"; a new "ein" would mean another
    thing). The gender comes from "eine" or the adjective ending; ``None`` where it is unknown. A plural
    noun without article before an attribute is written again with "die" ("Rotorblätter moderner
    Windräder" → "Die Rotorblätter"): the attribute was said in the sentence before."""
    first = tokens[0]
    if first.pos == "NN" and first.text != first.lemma and end > 1 and tokens[1].pos != "NE":
        return f"Die {first.text}"
    if first.text.lower() not in _INDEFINITE:
        return text[first.start : tokens[end - 1].end]
    head = next((i for i in range(1, end) if tokens[i].pos in _NOUN_TAGS), None)
    if head is None or any(t.pos == "NE" for t in tokens[head + 1 : end]):
        return None
    if first.text.lower() == "eine":
        article = "Die"
    elif head > 1 and tokens[head - 1].text.endswith("es"):
        article = "Das"
    elif head > 1 and tokens[head - 1].text.endswith("er"):
        article = "Der"
    else:
        return None
    return f"{article} {text[tokens[head].start : tokens[end - 1].end]}"


def coordinated_verbs(text: str) -> list[Piece] | None:
    """Two verbs, one subject: "Die Polizei schließt X aus und sucht Zeugen." → "… schließt X aus." +
    "Die Polizei sucht Zeugen.": the subject at the start (``subject_end``) is repeated for the second
    verb (``repeated_subject``). A comma before the "und" leaves the sentence alone: it may belong to a
    clause in between."""
    tokens = tag(text)
    end = subject_end(tokens)
    if end is None or end >= len(tokens) or tokens[end].pos not in FINITE_TAGS:
        return None
    for index in range(end + 2, len(tokens) - 2):
        if tokens[index].text == "und" and tokens[index + 1].pos in FINITE_TAGS:
            if (
                any(t.pos in FINITE_TAGS for t in tokens[end + 1 : index])
                or "," in text[: tokens[index].start]
            ):
                return None
            subject = repeated_subject(text, tokens, end)
            if subject is None:
                return None
            first = text[: tokens[index].start]
            second = f"{subject} {text[tokens[index + 1].start :]}"
            return [Piece(as_sentence(first)), Piece(as_sentence(second))]
    return None
