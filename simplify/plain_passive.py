"""Passive with a named agent → active (Leichte Sprache: "Wer macht etwas?").

"Der Antrag wurde von der Stadt abgelehnt." → "Die Stadt hat den Antrag abgelehnt."
"Gebaut wurde der Turm von der Firma." → "Die Firma hat den Turm gebaut."
"Der Haushalt muss von der Kommunalaufsicht genehmigt werden." → "Die Kommunalaufsicht muss den Haushalt
genehmigen."
"Die Nächte werden vom Kulturfonds gefördert und von den Stadtwerken unterstützt." → "Der Kulturfonds
fördert die Nächte." + "Die Stadtwerke unterstützen die Nächte."

Only simple sentences (no comma) with one finite verb are rewritten. The agent is "von" + a name of the
release, or + an institution or group (``ls_agent_nouns.tsv``, which also gives "vom" its gender), or
"von den" + people ("von den Fachleuten"); "von der Brücke bis zum Markt" is a place, not an agent.
The subject becomes the object: "der" → "den", "ein …er" → "einen …en"; a form that is not sure
("ein Haus" or "ein Mann"?) leaves the sentence alone. The past ("wurde") becomes the Perfekt ("hat …
gemacht"); the present needs a regular verb ("gefördert" → "fördert").
"""

from __future__ import annotations

from dataclasses import dataclass

from wordfreq import zipf_frequency

from simplify.plain_clauses import Piece, as_sentence
from simplify.plain_object_relative import agent_gender, is_name_word
from simplify.plain_tagging import DETERMINER_TAGS, FINITE_TAGS, Token, has_finite_verb, span_text, tag

_PAST = frozenset({"wurde", "wurden"})
_PRESENT = frozenset({"wird", "werden"})
_PERFECT = frozenset({"ist", "sind"})
_MODALS = {"muss": "müssen", "kann": "können", "soll": "sollen", "darf": "dürfen", "will": "wollen"}
_PLURAL_MODALS = {plural: singular for singular, plural in _MODALS.items()}
# Endings of nouns for people in the plural ("von den Fachleuten", "von den Helfern").
_PEOPLE = ("leute", "leuten", "innen", "ern", "enten", "anten", "isten")
# After these, "von …" is where something starts, not who does it ("von der Brücke bis zum Markt").
_RANGE = frozenset({"bis", "nach", "auf", "zu", "zum", "zur"})


@dataclass(frozen=True)
class _Agent:
    text: str  # in the nominative: "die Stadt", "der Kulturfonds des Kreises", "Leyla Aydın"
    plural: bool
    start: int  # token span of "von …" in the sentence
    end: int


def nominative_plural(token: Token) -> str:
    """ "Stadtwerken" → "Stadtwerke", "Helfern" → "Helfer"; "Frauen" stays (the form without -n is rarer)."""
    shorter = token.text[:-1]
    if token.text.endswith("n") and zipf_frequency(shorter, "de") > zipf_frequency(token.text, "de"):
        return shorter
    return token.text


def _noun_end(tokens: tuple[Token, ...], start: int, names: frozenset[str]) -> int | None:
    """Index after a noun phrase without article from ``start``: adjectives, a noun, names after it and
    a genitive ("Kulturfonds des Kreises"); ``None`` if there is no noun."""
    end = start
    while end < len(tokens) and tokens[end].pos == "ADJA":
        end += 1
    if end >= len(tokens) or tokens[end].pos not in ("NN", "NE"):
        return None
    end += 1
    while end < len(tokens) and (tokens[end].pos in ("NE", "NN") or is_name_word(tokens[end].text, names)):
        end += 1  # a name after the noun: "den Stadtwerken Neuenburg"
    if end + 1 < len(tokens) and tokens[end].text in ("des", "der") and tokens[end + 1].pos == "NN":
        end += 2
    return end


def _adjectives(tokens: tuple[Token, ...], start: int, end: int, ending: str) -> str:
    """The words from ``start`` to ``end`` with the dative ending "-en" of adjectives made ``ending``."""
    out = []
    for token in tokens[start:end]:
        word = token.text
        if token.pos == "ADJA" and word.endswith("en"):
            word = word[:-2] + ending
        out.append(word)
    return " ".join(out)


def _agent(tokens: tuple[Token, ...], index: int, names: frozenset[str]) -> _Agent | None:
    """The agent phrase starting with "von"/"vom" at ``index``, in the nominative."""
    word = tokens[index].text
    article = tokens[index + 1].text if index + 1 < len(tokens) else ""
    contracted = word == "vom" or (word == "von" and article == "dem")
    if word == "von" and article not in ("der", "den", "dem"):  # a name: "von Leyla Aydın"
        end = index + 1
        while end < len(tokens) and is_name_word(tokens[end].text, names):
            end += 1
        if end == index + 1:
            return None
        return _Agent(" ".join(t.text for t in tokens[index + 1 : end]), False, index, end)
    first = index + 1 if word == "vom" else index + 2
    phrase_end = _noun_end(tokens, first, names)
    if phrase_end is None or (
        phrase_end < len(tokens) and tokens[phrase_end].text in _RANGE | {"und", "oder"}
    ):
        return None
    end = phrase_end
    noun = next(i for i in range(first, end) if tokens[i].pos in ("NN", "NE"))
    gender = agent_gender(tokens[noun])
    if contracted and gender in ("m", "n"):
        nominative = ("der " if gender == "m" else "das ") + _adjectives(tokens, first, end, "e")
        return _Agent(nominative, False, index, end)
    if word == "von" and article == "der" and gender == "f":
        return _Agent("die " + _adjectives(tokens, first, end, "e"), False, index, end)
    if word == "von" and article == "den" and (gender or tokens[noun].text.endswith(_PEOPLE)):
        rest = _adjectives(tokens, noun + 1, end, "en")
        words = [_adjectives(tokens, first, noun, "en"), nominative_plural(tokens[noun]), rest]
        return _Agent(" ".join(["die", *[w for w in words if w]]), True, index, end)
    return None


def _accusative(tokens: tuple[Token, ...], start: int, end: int, names: frozenset[str]) -> str | None:
    """The subject from ``start`` to ``end`` as an object: "Der Antrag" → "den Antrag", "Ein geparkter
    Wagen" → "einen geparkten Wagen"; ``None`` where the form is not sure."""
    first = tokens[start]
    words = [t.text for t in tokens[start:end]]
    if first.pos not in DETERMINER_TAGS:
        if all(
            t.pos in ("NE", "NN", "CARD", "ADJA") or is_name_word(t.text, names) for t in tokens[start:end]
        ):
            return " ".join(words)  # a name or a plural without article: "312 Patientinnen"
        return None
    head = max((i for i in range(start, end) if tokens[i].pos == "NN"), default=-1)
    if head < 0:
        return None
    adjectives = [i for i in range(start + 1, head) if tokens[i].pos == "ADJA"]
    article = first.text.lower()
    if article in ("die", "das", "eine", "diese", "dieses"):
        return " ".join([article, *words[1:]])
    if article == "der":
        for i in adjectives:
            if tokens[i].text.endswith("e") and i == head - 1:
                words[i - start] += "n"
        return " ".join(["den", *words[1:]])
    if (
        article == "ein"
        and adjectives
        and tokens[head - 1].pos == "ADJA"
        and tokens[head - 1].text.endswith("er")
    ):
        words[head - 1 - start] = tokens[head - 1].text[:-2] + "en"  # "ein geparkter Wagen": masculine
        return " ".join(["einen", *words[1:]])
    if article == "ein" and adjectives and tokens[head - 1].text.endswith("es"):
        return " ".join(["ein", *words[1:]])  # "ein neues Haus": neuter
    return None


def _present(participle: Token, plural: bool) -> str | None:
    """The present tense of a regular verb from its participle: "gefördert" → "fördert" / "fördern";
    without "ge" the participle is the singular already ("unterstützt", "beschädigt", "repariert").
    Separable verbs ("umgeleitet") and irregular ones ("vergeben") are left alone."""
    lemma, text = participle.lemma, participle.text
    if not text.endswith("t") or not lemma.endswith("n") or not lemma.islower():
        return None
    if "ge" not in text:
        return lemma if plural else text
    if not text.startswith("ge") or lemma.startswith("ge") or "ge" in text[2:]:
        return None
    if plural:
        return lemma
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
    return stem + ("et" if stem.endswith(("t", "d")) else "t")


@dataclass(frozen=True)
class _Layout:
    participle: int
    finite: int
    subject: tuple[int, int]
    middle: tuple[int, int]  # where the agent and the other parts are
    tail: str  # "past", "present", "perfect" or a modal verb


def _subject_end(tokens: tuple[Token, ...], start: int, names: frozenset[str]) -> int | None:
    """Index after a subject noun phrase at ``start``: a determiner, adjectives or a phrase inside it
    ("ein vor dem Haus geparkter"), the noun and names after it."""
    end = start
    if tokens[end].pos in DETERMINER_TAGS or tokens[end].pos == "CARD":
        end += 1
    while (
        end < len(tokens)
        and tokens[end].pos in ("ADJA", "ADV", "CARD", "APPR", "ART")
        and not (tokens[end].pos == "ART" and tokens[end - 1].pos != "APPR")
    ):
        end += 1
        if tokens[end - 1].pos == "ART" and end < len(tokens) and tokens[end].pos == "NN":
            end += 1  # the noun of a phrase inside: "vor dem Haus"
    if end >= len(tokens) or tokens[end].pos not in ("NN", "NE"):
        return None
    end += 1
    while end < len(tokens) and (tokens[end].pos == "NE" or is_name_word(tokens[end].text, names)):
        end += 1
    return end


def _layout(tokens: tuple[Token, ...], names: frozenset[str], fronted: bool) -> _Layout | None:
    """Where participle, finite verb, subject and the rest are: "Gebaut wurde der Turm …" with
    ``fronted``, else "Der Turm wurde … gebaut" (also "ist … worden", "muss … werden")."""
    finite = [i for i, t in enumerate(tokens) if t.pos in FINITE_TAGS or t.text in _MODALS | _PLURAL_MODALS]
    if len(finite) != 1 or tokens[-1].text != "." or any(t.text in (",", ";", ":", "–") for t in tokens):
        return None
    index = finite[0]
    word = tokens[index].text
    if fronted:
        if index != 1 or tokens[0].pos != "VVPP" or word not in _PAST | _PRESENT:
            return None
        end = _subject_end(tokens, 2, names)
        if end is None:
            return None
        return _Layout(0, 1, (2, end), (end, len(tokens) - 1), "past" if word in _PAST else "present")
    if _subject_end(tokens, 0, names) != index:
        return None
    last = len(tokens) - 2
    if word in _PAST | _PRESENT and tokens[last].pos == "VVPP":
        return _Layout(last, index, (0, index), (index + 1, last), "past" if word in _PAST else "present")
    if word in _PERFECT and tokens[last].text == "worden" and tokens[last - 1].pos == "VVPP":
        return _Layout(last - 1, index, (0, index), (index + 1, last - 1), "perfect")
    if (word in _MODALS or word in _PLURAL_MODALS) and tokens[last].text == "werden":
        if tokens[last - 1].pos == "VVPP":
            return _Layout(last - 1, index, (0, index), (index + 1, last - 1), word)
    return None


def _simple_active(text: str, names: frozenset[str], fronted: bool) -> str | None:
    tokens = tag(text)
    layout = _layout(tokens, names, fronted)
    if layout is None:
        return None
    starts = [i for i in range(*layout.middle) if tokens[i].text in ("von", "vom")]
    agents = [a for a in (_agent(tokens, i, names) for i in starts) if a is not None]
    if len(agents) != 1:
        return None
    agent = agents[0]
    obj = _accusative(tokens, *layout.subject, names)
    if obj is None:
        return None
    middle = [
        span_text(text, tokens[layout.middle[0] : agent.start]),
        span_text(text, tokens[agent.end : layout.middle[1]]),
    ]
    participle = tokens[layout.participle]
    if layout.tail == "present":
        verb = _present(participle, agent.plural)
        words = [agent.text, verb, obj, *middle] if verb else []
    elif layout.tail in ("past", "perfect"):
        words = [agent.text, "haben" if agent.plural else "hat", obj, *middle, participle.text.lower()]
    else:
        modal = (
            _MODALS.get(layout.tail, layout.tail)
            if agent.plural
            else _PLURAL_MODALS.get(layout.tail, layout.tail)
        )
        words = [agent.text, modal, obj, *middle, participle.lemma] if participle.lemma.islower() else []
    if not words:
        return None
    sentence = as_sentence(" ".join(words))
    return sentence if has_finite_verb(sentence) else None


def _coordinated(text: str, tokens: tuple[Token, ...]) -> tuple[str, str] | None:
    """ "A werden von X gefördert und von Y unterstützt." → the two passive sentences."""
    finite = next((i for i, t in enumerate(tokens) if t.pos in FINITE_TAGS), None)
    if finite is None or tokens[finite].text not in _PAST | _PRESENT:
        return None
    joints = [
        i
        for i in range(finite + 2, len(tokens) - 2)
        if tokens[i].text == "und" and tokens[i - 1].pos == "VVPP" and tokens[i + 1].text in ("von", "vom")
    ]
    if len(joints) != 1:
        return None
    joint = joints[0]
    first = text[: tokens[joint].start].rstrip() + "."
    second = text[: tokens[finite].end] + " " + text[tokens[joint + 1].start :]
    return first, second


def active(text: str, names: frozenset[str] = frozenset(), fronted: bool = False) -> list[Piece] | None:
    """The passive sentence in the active, or two active sentences for two coordinated participles;
    ``None`` if the sentence is not one of the safe kinds in the module doc. ``fronted``: the sentence
    starts with the participle ("Gebaut wurde …"), else with the subject."""
    single = _simple_active(text, names, fronted)
    if single is not None:
        return [Piece(single)]
    parts = _coordinated(text, tag(text))
    if parts is None:
        return None
    results = [_simple_active(part, names, fronted) for part in parts]
    if any(result is None for result in results):
        return None
    return [Piece(result) for result in results if result is not None]
