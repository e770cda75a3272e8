"""Circumstances into their own sentences (rule "umstaende").

A sentence that is still too long gives its time ("am Freitag, 14. März 2025"), its reason ("wegen einer
Personalversammlung") or its telephone number ("unter der Telefonnummer 0800 …") to short sentences of
their own, so the core statement fits and no fact is lost:

"Wegen einer Personalversammlung bleiben das Bürgerbüro und die Zulassungsstelle am Freitag, 14. März
2025, den ganzen Tag geschlossen." → "Das Bürgerbüro und die Zulassungsstelle bleiben den ganzen Tag
geschlossen." + "Das ist am Freitag, 14. März 2025." + "Der Grund ist eine Personalversammlung."

Also: the topic at the end ("im Bereich digitaler Kompetenzen" → "Es geht um digitale Kompetenzen."), a
motto ("Unter dem Motto X hat …" → "Das Motto war: X."), a distance in time ("mehrere Wochen vor dem
Auftreten …"), where money comes from ("24 Millionen Euro vom Land" → "Das Geld kommt vom Land."), an
occasion in the past ("Bei der Prüfung waren …" → "Das war bei der Prüfung.") and a place at the end ("… an
dem Gebäude Ecke X" → "Das war an dem Gebäude Ecke X."). A comparison left in a core that is still too
long becomes a sentence of its own ("Das sind rund 27 Prozent mehr als im Vorjahr.").

Dates are found by their written form (built from ``simplify/data/ls_adverbials.tsv`` and the month
names), reasons and subjects with the HanTa tags. When the circumstance stood before the verb, the subject
moves to the front ("Ab Montag ist das Telefon …" → "Das Telefon ist …"), or a place right after the verb
("In X wurden in der Klinik 312 Menschen behandelt" → "In der Klinik wurden …"); if the subject cannot be
found for sure, the sentence is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from simplify.plain_circumstances import (
    DETERMINERS,
    NOUNS,
    Candidate,
    distance_candidates,
    motto_candidates,
    occasion_candidates,
    origin_candidates,
    place_candidates,
)
from simplify.plain_circumstances import data as _data
from simplify.plain_circumstances import kind_words as _words
from simplify.plain_clauses import Piece, as_sentence, count_words, fits, is_main_clause, is_subordinating
from simplify.plain_lexicon import months
from simplify.plain_lists import embedded_row
from simplify.plain_restructure import comparison_tail
from simplify.plain_shorten import shorten
from simplify.plain_tagging import FINITE_TAGS, Token, compound_parts, tag

if TYPE_CHECKING:
    from simplify.rules import RuleContext

_COMFORTABLE_WORDS = 12  # circumstances keep moving out while the core is longer than this
_COORDINATORS = frozenset({"und", "oder", "sowie"})
_BOUND_AFTER = _COORDINATORS | {"bis", "nicht"}  # a circumstance after these words must stay


def _alternatives(words: Iterable[str], capitalised: bool = False) -> str:
    forms = set(words) | ({w[:1].upper() + w[1:] for w in words} if capitalised else set())
    return "|".join(re.escape(w) for w in sorted(forms, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def _time_pattern() -> re.Pattern[str]:
    """One time phrase: preposition + date, clock time or period, optionally "bis …", a date in commas
    ("am Freitag, 14. März 2025"), "und" + another such phrase; a particle ("immer") may come first."""
    day, year = r"\d{1,2}\.", r"(?:19|20)\d\d"
    month = _alternatives(months())
    weekday = rf"(?:{_alternatives(_words('tag'))})(?:vormittag|nachmittag|abend|morgen|mittag)?"
    clock = r"\d{1,2}(?::\d\d)?(?:\s+bis\s+\d{1,2}(?::\d\d)?)?\s+Uhr"
    date = (
        rf"(?:{weekday}(?:,\s+{day}\s+(?:{month})(?:\s+{year})?)?"
        rf"|{day}\s+(?:{month})(?:\s+{year})?|(?:{month})(?:\s+{year})?|{year})"
    )
    adjective, years = r"[a-zäöüß]+e[nmrs]?", rf"{year}(?:\s+bis\s+{year})?"
    free, unit = _alternatives(_words("zeitraum")), _alternatives(_words("einheit"))
    period = (
        rf"(?:(?:{adjective}\s+)?(?:{free})(?:\s+{years})?"
        rf"|{adjective}\s+(?:{unit})(?:\s+{years})?|(?:{unit})\s+{years})"
    )
    point = rf"(?:{clock}|{date}|{period})"
    times = rf"[Zz]um\s+(?:{day}|{_alternatives(_words('mal'))})\s+Mal"
    prepositions = _alternatives(_time_prepositions(), capitalised=True)
    one = rf"(?:{prepositions})\s+(?:{point}|{day}(?=\s+bis\s))(?:\s+bis\s+(?:zum\s+|zur\s+)?{point})?"
    phrase = rf"(?:{one}(?:,\s+(?:{clock}|{date}),)?|{times})"
    particle = _alternatives(_words("partikel"), capitalised=True)
    bare = rf"(?:{particle})\s+(?:{date})"  # "spätestens 2027"
    return re.compile(
        rf"(?<![\w.·-])(?:{bare}|(?:(?:{particle})\s+)?{phrase}(?:\s+und\s+{phrase})*)(?![\w·-])"
    )


def time_phrase() -> re.Pattern[str]:
    """The pattern of one time phrase or a group of them ("ab 1. April 2025", "vom 3. bis 14. März"), for
    rules that need to know whether a part of a sentence is a time and nothing else."""
    return _time_pattern()


@lru_cache(maxsize=1)
def _dated() -> re.Pattern[str]:
    """A day, month or year in a time phrase (a clock time alone is less important to move)."""
    return re.compile(rf"\b(?:{_alternatives(months())}|{_alternatives(_words('tag'))}|(?:19|20)\d\d)")


@lru_cache(maxsize=1)
def _time_prepositions() -> Mapping[str, tuple[str, str]]:
    """Preposition → (verb of the new sentence, preposition written there)."""
    table = {}
    for word, value in _data()["zeit"]:
        verb, _, written = value.partition("|")
        table[word] = (verb, written or word)
    return MappingProxyType(table)


_VERBS = {("ist", False): "ist", ("ist", True): "war", ("gilt", False): "gilt", ("gilt", True): "galt"}


# --- finding the circumstances ---------------------------------------------------------------------


def _time_sentences(parts: list[str], past: bool, max_words: int) -> tuple[str, ...] | None:
    """ "Das ist/war/gilt/galt …" for a group of time phrases: one sentence, or one per phrase if too long."""
    words = " ".join(parts).split()
    index = 1 if words[0].lower() in _words("partikel") else 0
    prepositions = _time_prepositions()
    found = [
        p for p in prepositions if [w.lower() for w in words[index : index + len(p.split())]] == p.split()
    ]
    key = max(found, key=len) if found else ""
    verb, written = ("ist", key) if words[-1] == "Mal" or not key else prepositions[key]
    rest = " ".join(words[index + len(key.split()) :])
    lead = " ".join(w.lower() for w in words[:index])
    phrase = " ".join(p for p in (lead, written, rest) if p)
    if not key and not index:
        return None
    sentence = as_sentence(f"Das {_VERBS[verb, past]} {phrase.rstrip(',')}")
    if count_words(sentence) <= max_words:
        return (sentence,)
    if len(parts) == 1:
        return None
    split = [_time_sentences([part], past, max_words) for part in parts]
    return None if any(s is None for s in split) else tuple(s for group in split if group for s in group)


def _place_after(text: str, end: int, tokens: tuple[Token, ...], names: frozenset[str]) -> int:
    """The end of "in Hildenbrück" right after a time phrase (the place goes with the time), else ``end``."""
    match = re.match(r"\s+in\s+([A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*)*)", text[end:])
    if not match:
        return end
    name_tokens = [t for t in tokens if end + match.start(1) <= t.start < end + match.end()]
    if not name_tokens or not all(t.pos == "NE" or t.text in names for t in name_tokens):
        return end
    return end + match.end()


def _time_candidates(text: str, past: bool, max_words: int, names: frozenset[str]) -> list[Candidate]:
    tokens = tag(text)
    matches = list(_time_pattern().finditer(text))
    groups: list[list[re.Match[str]]] = []
    for match in matches:
        if groups and not text[groups[-1][-1].end() : match.start()].strip():
            groups[-1].append(match)
        else:
            groups.append([match])
    candidates = []
    for group in groups:
        start, end = group[0].start(), group[-1].end()
        following = next((t for t in tokens if t.start >= end), None)
        if following is not None and following.pos == "ADJA":
            continue  # "vom 1968 errichteten Bauwerk": the year belongs to the adjective
        parts = [m.group() for m in group]
        place_end = _place_after(text, end, tokens, names)
        if place_end > end:
            parts[-1] += text[end:place_end]
            end = place_end
        if "," in text[start:end] and text[end : end + 1] == ",":
            end += 1  # the comma that closes "am Freitag, 14. März 2025,"
        sentences = _time_sentences(parts, past, max_words)
        if sentences is not None:
            dated = any(_dated().search(part) for part in parts)
            candidates.append(Candidate(start, end, sentences, 0 if dated else 1, 0))
    return candidates


def _nominative(tokens: list[Token]) -> tuple[str, bool] | None:
    """A noun phrase after "wegen" (genitive or dative) in the nominative, and whether it is plural; only the
    forms that are sure: "einer großen Versammlung" → "eine große Versammlung"; "der Abschlüsse" → "die
    Abschlüsse"; "dringender Arbeiten" → "dringende Arbeiten"."""
    if not tokens or tokens[-1].pos != "NN" or any(t.pos not in ("ART", "ADJA", "NN") for t in tokens):
        return None
    noun, adjectives = tokens[-1], [t.text for t in tokens if t.pos == "ADJA"]
    plural = noun.text != noun.lemma
    first = tokens[0].text.lower()
    if first == "einer" and not plural:
        determiner, adjectives = "eine", [a.removesuffix("n") for a in adjectives]
    elif first == "der" and plural:
        determiner = "die"
    elif first == "der" and not noun.text.endswith(("en", "er", "el")):
        determiner, adjectives = "die", [a.removesuffix("n") for a in adjectives]
    elif tokens[0].pos != "ART" and plural and all(a.endswith("er") for a in adjectives):
        determiner, adjectives = "", [a[:-1] for a in adjectives]
    else:
        return None
    if not all(a.endswith("e") or (plural and determiner) for a in adjectives):
        return None
    return " ".join(w for w in (determiner, *adjectives, noun.text) if w), plural


def _cause_candidates(text: str, past: bool, max_words: int) -> list[Candidate]:
    """ "wegen …": before the verb the whole phrase up to the verb, later only the noun phrase itself."""
    tokens = tag(text)
    finite = next((i for i, t in enumerate(tokens) if t.pos in FINITE_TAGS), None)
    candidates = []
    for index, token in enumerate(tokens):
        if token.text.lower() not in _words("grund") or finite is None:
            continue
        if index == 0:  # the whole Vorfeld: "Wegen X an der Brücke über Y wird …"
            phrase = list(tokens[1:finite])
            if any(t.text == "," for t in phrase):
                continue
            nouns = [i for i, t in enumerate(phrase) if t.pos == "NN"]
            head_end = nouns[0] + 1 if nouns else len(phrase)
        elif index > finite:  # after the verb only the noun phrase: "steigen wegen der Abschlüsse um …"
            noun = next((i for i in range(index + 1, len(tokens)) if tokens[i].pos == "NN"), None)
            if noun is None:
                continue
            phrase = list(tokens[index + 1 : noun + 1])
            head_end = len(phrase)
        else:
            continue
        converted = _nominative(phrase[:head_end])
        if converted is None:
            continue
        head, plural = converted
        rest = text[phrase[head_end - 1].end : phrase[-1].end]
        verb = ("waren" if plural else "war") if past else ("sind" if plural else "ist")
        sentence = as_sentence(f"Der Grund {verb} {head}{rest}")
        if count_words(sentence) > max_words:
            continue
        candidates.append(Candidate(token.start, phrase[-1].end, (sentence,), 0, 2))
    return candidates


def _contact_candidates(text: str) -> list[Candidate]:
    """ "unter der (kostenlosen) Telefonnummer 0800 123" → "Die kostenlose Telefonnummer ist 0800 123." """
    nouns = _alternatives(_words("kontakt"))
    pattern = re.compile(
        rf"\b[Uu]nter\s+der\s+(?:([a-zäöüß]+e)n\s+)?({nouns})\s+(\+?\d+(?:\s\d+)*)(?![\w.,]\w)"
    )
    candidates = []
    for match in pattern.finditer(text):
        adjective = f"{match.group(1)} " if match.group(1) else ""
        sentence = f"Die {adjective}{match.group(2)} ist {match.group(3)}."
        candidates.append(Candidate(match.start(), match.end(), (sentence,), 0, 1))
    return candidates


def _topic_candidates(tokens: tuple[Token, ...], text: str) -> list[Candidate]:
    """ "… im Bereich digitaler Kompetenzen." at the end → "Es geht um digitale Kompetenzen.": only a
    plural or feminine noun phrase, whose nominative is also the accusative after "um"."""
    words = [t for t in tokens if t.pos[:1] != "$"]
    for index in range(len(words) - 2):
        if words[index].text != "im" or words[index + 1].text not in _words("thema"):
            continue
        converted = _nominative(words[index + 2 :])
        if converted is None:
            continue
        sentence = f"Es geht um {converted[0]}."
        return [Candidate(words[index].start, words[-1].end, (sentence,), 0, 2)]
    return []


# --- the core sentence -----------------------------------------------------------------------------


def _is_past(tokens: tuple[Token, ...]) -> bool:
    """Whether the finite verb is in the past (Präteritum) or the sentence is in the Perfekt."""
    finite = next((t for t in tokens if t.pos in FINITE_TAGS), None)
    if finite is None:
        return False
    if finite.text.lower() in _words("vergangen"):
        return True
    participle = any(t.pos in ("VVPP", "VAPP") for t in tokens)
    if (
        finite.lemma == "haben"
        and participle
        or finite.lemma == "sein"
        and any(t.text == "worden" for t in tokens)
    ):
        return True
    parts = compound_parts(finite.text) if finite.pos == "VVFIN" else ()
    return any(label == "SUF_FIN" and morpheme.startswith(("te", "ete")) for morpheme, label in parts) or (
        ("en", "SUF_FIN") in parts and any(label.endswith("_VAR") for _, label in parts)
    )


def is_past(tokens: tuple[Token, ...]) -> bool:
    """Whether the sentence is in the past (Präteritum or Perfekt), for rules that write a new verb."""
    return _is_past(tokens)


def _remove(text: str, spans: list[tuple[int, int]]) -> str:
    out, position = [], 0
    for start, end in sorted(spans):
        out.append(text[position:start])
        position = end
    out.append(text[position:])
    return re.sub(r"\s+", " ", "".join(out)).strip()


def _glued(tokens: tuple[Token, ...]) -> list[Token]:
    """Tokens written without a space between them as one word ("Dr" "." "-" "Ernst-Straße"), with the
    tag of the last word part; punctuation before a space or at the end stays apart."""
    words: list[Token] = []
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        inner = following is not None and following.start == token.end
        if words and token.start == words[-1].end and (not token.pos.startswith("$") or inner):
            last = words.pop()
            pos, lemma = (last.pos, last.lemma) if token.pos.startswith("$") else (token.pos, token.lemma)
            token = Token(last.text + token.text, last.start, token.end, lemma, pos)
        words.append(token)
    return words


def _noun_phrase(
    words: list[Token], index: int, numbers: bool = False, breaks: frozenset[int] = frozenset()
) -> int | None:
    """End (exclusive) of determiner, adjectives (and numbers, if allowed) and nouns starting at ``index``;
    a name after the noun belongs to it ("das Kulturzentrum Alte Weberei"), but not a noun where a
    circumstance was taken out (``breaks``: start offsets): "die GmbH [am Mittwoch] Gäste"."""
    end = index
    if end < len(words) and words[end].pos in DETERMINERS:
        end += 1
    while end < len(words) and (words[end].pos == "ADJA" or numbers and words[end].pos == "CARD"):
        end += 1
    if end >= len(words) or words[end].pos not in NOUNS:
        return None
    end += 1
    while (
        end < len(words)
        and words[end].start not in breaks
        and (
            words[end].pos in NOUNS
            or words[end].pos == "ADJA"
            and words[end].text[:1].isupper()
            and end + 1 < len(words)
            and words[end + 1].pos in NOUNS
        )
    ):
        end += 1
    return end


def _subject_end(words: list[Token], index: int, breaks: frozenset[int] = frozenset()) -> int | None:
    """End of the subject starting at ``index``: a noun phrase in the nominative with what belongs to it
    ("das Bürgerbüro im Rathaus und die Zulassungsstelle", "das Telefon vom Klinikum und vom Amt")."""
    first = words[index] if index < len(words) else None
    if first is None:
        return None
    if first.pos == "PPER":
        # "es" and "sie" may be objects too: only a subject if no noun phrase follows ("hat es der Rat …")
        nxt = words[index + 1] if index + 1 < len(words) else None
        another = nxt is not None and nxt.pos in DETERMINERS | NOUNS
        return index + 1 if first.text.lower() in _words("nominativ") and not another else None
    if first.pos in DETERMINERS and first.text.lower() not in _words("nominativ"):
        return None
    end = _noun_phrase(words, index, numbers=True, breaks=breaks)
    while end is not None and end < len(words) and words[end].start not in breaks:
        word = words[end]
        if word.pos in ("APPR", "APPRART") and word.text.lower() in _words("anhang"):
            following = _noun_phrase(words, end + 1, breaks=breaks)
        elif word.text.lower() in _COORDINATORS:
            attached = end + 1 < len(words) and words[end + 1].text.lower() in _words("anhang")
            following = _noun_phrase(words, end + 2 if attached else end + 1, breaks=breaks)
        elif word.text in ("des", "der") and word.pos == "ART":
            following = _noun_phrase(words, end, breaks=breaks)
        else:
            break
        if following is None:
            break
        end = following
    if end is not None and end < len(words) and words[end].text.lower() in _COORDINATORS:
        return None  # "das Telefon vom Klinikum und …": where the subject ends is not sure
    return end


def _after_spans(words: list[Token], spans: list[tuple[int, int]]) -> frozenset[int]:
    """Start offsets of the words right after a span that was taken out."""
    return frozenset(
        next((w.start for w in words if w.start >= end), -1) for start, end in spans if start > 0
    )


def _place_end(words: list[Token], index: int) -> int | None:
    """End of a place right after the verb: "[wurden] in der Notaufnahme vom Klinikum" — it can stand
    before the verb when the time has left: "In der Notaufnahme vom Klinikum wurden 312 Menschen …"."""
    if index >= len(words) or words[index].text not in _words("ort"):
        return None
    end = _noun_phrase(words, index + 1)
    while end is not None and end < len(words) and words[end].text in ("von", "vom"):
        following = _noun_phrase(words, end + 1)
        if following is None:
            break
        end = following
    return end


def _without(text: str, spans: list[tuple[int, int]]) -> str | None:
    """The sentence without ``spans``; if its finite verb then comes first, the subject goes before it:
    "[Ab Montag] bleiben das Büro und die Stelle geschlossen." → "Das Büro und die Stelle bleiben
    geschlossen." The tags come from the whole sentence (HanTa misreads a sentence that starts with a
    lower-case verb). ``None`` if the subject cannot be found for sure."""
    glued = _glued(tag(text))
    words = [w for w in glued if not any(start <= w.start < end for start, end in spans)]
    if not words or words[0].pos not in FINITE_TAGS:
        return _remove(text, spans)
    index = 2 if len(words) > 1 and words[1].pos == "PRF" else 1
    breaks = _after_spans(words, spans)
    end = _subject_end(words, index, breaks) if words[index].pos != "APPR" else _place_end(words, index)
    if (
        end is None
        or end >= len(words)
        or words[end].pos in NOUNS | {"ADJA"}
        and words[end].start not in breaks
    ):
        return None
    start, stop = words[index].start, words[end - 1].end
    if any(s < stop and start < e for s, e in spans):
        return None
    subject = text[start:stop]
    return f"{subject[:1].upper()}{subject[1:]} {_remove(text, spans + [(start, stop)])}"


def _first_clause_end(text: str, candidates: list[Candidate]) -> int:
    """Where the first clause ends: the first comma, semicolon or dash outside the circumstances."""
    for match in re.finditer(r"[,;–—]", text):
        if not any(c.start <= match.start() < c.end for c in candidates):
            return match.start()
    return len(text)


def _free(text: str, candidate: Candidate, clause_end: int, tokens: tuple[Token, ...]) -> bool:
    """The circumstance belongs to the first main clause and can leave without breaking a list ("am Montag
    und am Dienstag"), turning a negation around ("nicht im Mai") or leaving an adverb that belongs to it
    behind ("sofort ab Montag"), and it is not an attribute of the noun before it ("Öffnungszeiten von 8
    bis 16 Uhr")."""
    previous = [t for t in tokens if t.end <= candidate.start]
    if previous and previous[-1].pos in ("ADV", "PTKNEG", "PTKA"):
        return False
    before = text[: candidate.start].split()
    after = text[candidate.end :].split()
    attribute = (
        bool(before) and before[-1][:1].isupper() and text[candidate.start :].lower().startswith("von ")
    )
    return not (
        candidate.end > clause_end + 1
        or attribute
        or (before and (before[-1].lower() in _BOUND_AFTER or before[-1].endswith(",")))
        or (after and after[0].lower() in _COORDINATORS)
    )


def _core(text: str, chosen: list[Candidate]) -> str | None:
    """The sentence without the chosen circumstances, subject in front; ``None`` if that is not safe."""
    fronted = _without(text, [(c.start, c.end) for c in chosen])
    if fronted is None or count_words(fronted) < 3:
        return None
    fronted = as_sentence(fronted)
    return fronted if is_main_clause(tag(fronted), at_start=True) else None


def _fits(core: str, max_words: int, names: frozenset[str]) -> bool:
    """Short enough now, or after the rule "kuerzen" has left out a side phrase, the rule "reihe" has
    made a list of a row of things or a comparison has become a sentence of its own."""
    if count_words(core) <= max_words:
        return True
    shorter = (
        shorten(core, max_words, names) or embedded_row(core, max_words) or comparison_tail(core, max_words)
    )
    return shorter is not None and fits(shorter, max_words)


def _starts_with_clause(tokens: tuple[Token, ...], candidates: list[Candidate]) -> bool:
    """A subordinate clause or a verb first ("Als …, ", "Werden sie …, "): the times in it are not ours."""
    first = tokens[0]
    if any(c.start == first.start for c in candidates):
        return False
    return is_subordinating(first) or first.pos in FINITE_TAGS


def circumstances(text: str, max_words: int, names: frozenset[str] = frozenset()) -> list[Piece] | None:
    """Move time, reason and telephone number of a long sentence into sentences of their own, most
    important first, until the core has at most ``_COMFORTABLE_WORDS`` words; ``None`` unless the core
    then fits ``max_words`` (possibly after "kuerzen") and is a complete main clause.

    A sentence longer than ``max_words`` may lose any of them; one that fits already but is longer than
    ``_COMFORTABLE_WORDS`` only a date, a reason or a telephone number."""
    too_long = count_words(text) > max_words
    if count_words(text) <= min(max_words, _COMFORTABLE_WORDS) or not text.rstrip().endswith("."):
        return None
    tokens = tag(text)
    past = _is_past(tokens)
    candidates = (
        _cause_candidates(text, past, max_words)
        + _time_candidates(text, past, max_words, names)
        + _contact_candidates(text)
        + _topic_candidates(tokens, text)
        + motto_candidates(tokens, text, past)
        + distance_candidates(tokens, text, past)
        + origin_candidates(tokens, text, past)
        + occasion_candidates(tokens, text, past)
        + place_candidates(tokens, text, past)
    )
    if not tokens or _starts_with_clause(tokens, candidates):
        return None
    clause_end = _first_clause_end(text, candidates)
    candidates = [c for c in candidates if _free(text, c, clause_end, tokens) and (too_long or c.rank == 0)]
    chosen: list[Candidate] = []
    core = text
    for candidate in sorted(candidates, key=lambda c: (c.rank, c.start - c.end, c.start)):
        if count_words(core) <= _COMFORTABLE_WORDS or candidate.rank == 1 and _fits(core, max_words, names):
            break  # a time without a date moves only if the sentence cannot be short enough otherwise
        if any(c.start < candidate.end and candidate.start < c.end for c in chosen):
            continue
        attempt = _core(text, chosen + [candidate])
        if attempt is not None:
            chosen.append(candidate)
            core = attempt
    if not chosen or not _fits(core, max_words, names):
        return None
    extra = [s for c in sorted(chosen, key=lambda c: (c.place, c.start)) for s in c.sentences]
    compared = comparison_tail(core, max_words) if count_words(core) > max_words else None
    return (compared or [Piece(core)]) + [Piece(s) for s in extra]


def rule(piece: Piece, context: RuleContext) -> list[Piece] | None:
    """The rule "umstaende" for the registry; list items are left alone."""
    if piece.is_list_item:
        return None
    return circumstances(piece.text, context.config.max_words, context.names)
