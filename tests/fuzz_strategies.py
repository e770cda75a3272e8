"""Hypothesis strategies for the fuzz tests (``tests/test_fuzz.py``): German press text with the hard cases.

Random unicode alone rarely reaches the interesting code paths (abbreviations, dates, amounts, phone
numbers, list items, datelines), so texts are assembled from a vocabulary of press-release words and
hard fragments written for Klartext, hostile characters (controls, RTL marks, emoji, combining
characters), very long words, numbers, datelines and one piece of arbitrary Hypothesis text.

Speed and shrinking: a text is *one* byte string that a small interpreter (``build_text``) reads as a
program — each byte picks a vocabulary entry, some entries read the next bytes (a number's value, a
word's length, a dateline's parts). Drawing one byte string is about twenty times faster than drawing
every token separately, and Hypothesis still shrinks it well (shorter strings, smaller bytes, and entry 0
is the plain word "die"). Byte strategies wrap the texts in the upload formats and then damage them.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TypeVar

from hypothesis import strategies as st

from simplify.release import Quote, Release
from tests.pdf_writer import make_pdf

T = TypeVar("T")

WORDS = (
    "die", "der", "das", "und", "oder", "mit", "für", "im", "am", "ist", "Stadt", "Rat", "beschließt",
    "Haushalt", "Bürgerinnen", "Bürger", "Straßenbahn", "Öffentlichkeitsarbeit", "Ausschuss", "wird",
    "werden", "sagte", "erklärte", "Oberbürgermeisterin", "Feuerwehr", "Kita", "Schule",
    "Investitionen", "Grundsteuer", "Hebesatz", "Euro", "Prozent", "zwei",
    "fünften", "drei", "Fahrradstraße", "Verkehrsberuhigung", "Ganztagsbetreuung", "Quartal", "IHK",
    "Hochwasserschutzmaßnahmen", "GmbH & Co. KG", "e. V.", "KI-Modelle", "Weiterbildungsangebote",
    "nicht", "kein", "hätte", "wäre", "dessen", "welche", "sodass", "obwohl", "Doppelhaushalt", "Notruf",
    "Die", "Der", "Wir", "Am", "Weitere", "Termine", "folgen", "Besucher", "kamen",
    "Industrie- und Handelskammer (IHK)", "Unabhängige Bürgerliste (UBL)", "the", "of", "and", "is",
)  # fmt: skip

# Whole sentences with a finite verb: the plain-language rules only rewrite full sentences.
SENTENCES = (
    "Die Stadt investiert 1.250,50 € in die Schule.",
    "Am 12. November 2024 um 14:30 Uhr eröffnet Oberbürgermeisterin Dr. Anna Weber die neue Kita.",
    "Die IHK lädt alle Bürger*innen z. B. zu einem Vortrag ein.",
    "Weitere Informationen gibt es unter www.stadt-lindenhagen.de oder per E-Mail an presse@example.org.",
    "Der Rat hat den Doppelhaushalt 2025/2026 beschlossen, obwohl die Grundsteuer auf 545 Prozent steigt.",
    "„Wir freuen uns sehr“, sagte Prof. Dr. Jens Ott.",
    "Die Feuerwehr wurde um 03:15 Uhr alarmiert.",
    "Rund 50 Prozent der Eltern nutzen die Ganztagsbetreuung.",
    "Die Besucherzahl stieg auf 150. Weitere Termine folgen.",
    "Das Projekt wird vom Land mit zwei Millionen Euro gefördert.",
    "Anmeldungen sind bis zum 01.02.2025 unter Tel. 0203 123456 möglich.",
    "Die Straßenbahn fährt nicht, weil die Gleise erneuert werden.",
    "Der Ausschuss, dessen Mitglieder neu gewählt wurden, tagt am 3. Oktober.",
    "Die Industrie- und Handelskammer (IHK) hätte gerne mehr Geld.",
    "Es kamen 9 Prozent der Kinder und 25 Prozent aller Eltern.",
)

HARD_FRAGMENTS = (
    # abbreviations and titles
    "Dr.", "Prof. Dr. med.", "Dr. rer. nat. habil.", "z. B.", "z.B.", "u. a.", "v.l.n.r.", "(v.l.n.r.)",
    "bzw.", "ca.", "Nr.", "Abs.", "§ 5 Abs. 2 Nr. 3 SGB III.", "Bahnhofstr. 12",
    "Ludwig XIV.", "Mio.", "Mrd.", "Tel.", "Fax:", "i. A.",
    # dates and times
    "12. November 2024", "am 3. Oktober", "13.03.2025", "1.1.", "01.02.", "2025/2026", "2024-11-12",
    "14:30 Uhr", "9.30 Uhr", "09:00", "24:00", "25:61", "Mo.–Fr. 10–18 Uhr", "vom 4. bis 6. April",
    "31.02.2025", "0. Januar", "im 21. Jahrhundert", "1990er", "3mal", "20er-Jahre", "12.–14. Mai",
    # numbers and money
    "1.250,50 €", "€ 12", "12,5 %", "31,4 Mio. Euro", "184,6 Millionen", "1,12 Mrd. €", "-3,5 °C",
    "stieg auf 150. Die", "3.", "1/2", "½", "2²", "10⁶", "1.000.000.000.000.000.000.000", "0,000001",
    "12a", "Nr. 4711", "+5", "±2", "3 × 4", "99,9 % der", "50 Prozent der", "25 Prozent aller",
    # phone numbers, URLs, e-mail addresses
    "Tel. 0203 123456", "+49 (0)221 98765-43", "0800 / 111 0 111", "Telefon: 030 12345-0",
    "https://www.example.org/presse?id=12&x=1", "www.stadt-lindenhagen.de", "presse@example.org",
    "http://xn--bcher-kva.example/ä", "javascript:alert(1)", "ftp://host/a.b", "mailto:a@b.c",
    # quotes, brackets, dashes, symbols
    "„Wir freuen uns“, sagte sie.", "»Zitat«", '"quote"', "‚einfach‘", "(", ")", "[1]", "–", "—", "-",
    "...", "…", "&", "&amp;", "*", "***", "#", "®", "™", "©", "§§", "°", "/", "„", "“",
    "Bürger*innen", "Mitarbeiter:innen", "Lehrer_innen", "CO2", "CO₂", "KI.Werk",
    # hostile characters
    "😀", "🇩🇪", "👩‍👩‍👧", "\u200b", "\u00ad", "\u00a0", "\u202f", "\x00", "\x07", "\x1b[0m",
    "\ufeff", "\u2028", "\u2029", "\x0c", "\x85", "\ud800", "\U0010ffff", "שלום עולם", "مرحبا ١٢٣",
    "\u202eabc\u202c", "\u200f", "e\u0301", "Ａｂｃ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "Ⅻ", "٣", "①", "İ", "ﬁ",
    "<script>alert(1)</script>", "\\", "'", "\"", "Qualifi-\nzierung",
    "Ein-\nund Ausfahrt",
)  # fmt: skip

# Entries that stand between words: no space is added before or after them.
SEPARATORS = ("\n", "\n\n", "\r\n", "\n\n\n", "\n• ", "\n- ", "\n– ", "\n* ", "\n▪ ", "\n  ", "\t", "  ")
ENDINGS = (".", ".", "!", "?", ":", "…", ".“", "?!", ".)", ";", ",")
PLACES = ("Duisburg", "Neuenburg an der Wipper", "Lindenhagen", "Frankfurt (Oder)", "St. Ingbert", "Köln")
MONTHS = ("Januar", "Februar", "März", "Mai", "Oktober", "November", "Dezember", "Jan.", "Sept.")
COMPOUND_PARTS = ("Verkehrs", "sicherheits", "beratungs", "zentrum", "förder", "programm", "ausschuss")
# Entries that read more bytes (see ``build_text``).
NUMBER, LONG_WORD, DATELINE, FREE_TEXT = "<number>", "<long word>", "<dateline>", "<free text>"
SPECIALS = (NUMBER, NUMBER, NUMBER, LONG_WORD, DATELINE, FREE_TEXT, FREE_TEXT)

VOCABULARY = WORDS + SENTENCES + SPECIALS + HARD_FRAGMENTS + SEPARATORS + ENDINGS

_JOINED = frozenset(SEPARATORS + ENDINGS)
_SENTENCE_BREAK = frozenset(SEPARATORS[:10] + ENDINGS[:8])


class _Reader:
    """The bytes of a program, read from the front; missing bytes read as 0."""

    def __init__(self, code: bytes) -> None:
        self.code = code
        self.position = 0

    def byte(self) -> int:
        value = self.code[self.position] if self.position < len(self.code) else 0
        self.position += 1
        return value

    def done(self) -> bool:
        return self.position >= len(self.code)


def _special(entry: str, read: _Reader, free: str) -> str:
    if entry == NUMBER:
        size = read.byte() % 4
        return str(int.from_bytes(bytes(read.byte() for _ in range(size + 1)), "big"))
    if entry == LONG_WORD:
        length = read.byte()
        return "".join(COMPOUND_PARTS[(length + i) % len(COMPOUND_PARTS)] for i in range(length // 32 + 2))
    if entry == DATELINE:
        place, day, month, year = (
            PLACES[read.byte() % len(PLACES)],
            read.byte() % 40,
            read.byte(),
            read.byte(),
        )
        date = (
            f"{day}. {MONTHS[month % len(MONTHS)]} {1900 + year}"
            if month < 128
            else f"{day:02d}.{month % 14:02d}.{1900 + year}"
        )
        return f"{place}, {date}{('.', ' –', ':', ' -', '')[year % 5]}"
    return free


def build_text(code: bytes, free: str) -> str:
    """The text a byte program spells: each byte picks a vocabulary entry; words and fragments are
    joined by spaces, separators and final marks are not, and the word after a sentence break is
    capitalised. ``free`` is the arbitrary text that ``FREE_TEXT`` entries insert."""
    read = _Reader(code)
    out: list[str] = []
    capital = True
    while not read.done():
        entry = VOCABULARY[read.byte() % len(VOCABULARY)]
        if entry in _JOINED:
            out.append(entry)
            capital = entry in _SENTENCE_BREAK
            continue
        piece = _special(entry, read, free) if entry in SPECIALS else entry
        if capital:
            piece = piece[:1].upper() + piece[1:]
        if out and not out[-1].endswith(("\n", " ", "\t")):
            out.append(" ")
        out.append(piece)
        capital = entry in SENTENCES
    return "".join(out)


def _programs(max_bytes: int) -> st.SearchStrategy[bytes]:
    # A drawn length, then that many bytes: plain ``st.binary`` averages only a few bytes.
    return st.integers(0, max_bytes).flatmap(lambda n: st.binary(min_size=n, max_size=n))


def german_texts(max_chars: int = 800) -> st.SearchStrategy[str]:
    """Text from a byte program (about five characters per byte), cut at ``max_chars`` — the cut may
    fall inside a word, a surrogate pair or a line break, on purpose."""
    return st.builds(build_text, _programs(max_chars // 4), st.text(max_size=30)).map(lambda t: t[:max_chars])


def weighted(*options: tuple[int, st.SearchStrategy[T]]) -> st.SearchStrategy[T]:
    """One of the strategies, each drawn with its weight (``st.one_of`` weighs every distinct strategy
    equally and counts a repeated one once); shrinking prefers the first."""
    return st.sampled_from([strategy for weight, strategy in options for _ in range(weight)]).flatmap(
        lambda strategy: strategy
    )


def texts(max_chars: int = 800) -> st.SearchStrategy[str]:
    """Mostly German-ish text; one draw in eight is arbitrary Hypothesis text."""
    return weighted((7, german_texts(max_chars)), (1, st.text(max_size=max_chars // 4)))


# In a release program, these bytes end one part (title, lead, body …) and start the next.
_PART_BREAK = re.compile(rb"[\xfc-\xff]")


def _parts(program: bytes, free: str) -> list[str]:
    """The texts of a release program's parts; without a break byte the first byte says where the
    title ends, so there is always a title and (if there are bytes left) a lead."""
    codes = _PART_BREAK.split(program)
    if len(codes) == 1 and program:
        cut = program[0] % 16 + 1
        codes = [program[:cut], program[cut:]]
    return [build_text(code, free) for code in codes]


@st.composite
def releases(draw: st.DrawFn, max_chars: int = 100) -> Release:
    """A ``Release`` made of one byte program cut into parts at bytes 252–255: title (at most 60
    characters), lead and up to two body paragraphs (at most ``max_chars`` each), subtitle; plus a
    date (valid, invalid or none), a place and a quote whose speaker the body names."""
    parts = _parts(draw(_programs(max_chars)), draw(st.text(max_size=20)))
    title = parts[0][:60].strip().replace("\n", " ") or "Neue Termine"
    body = [part[:max_chars] for part in parts[2:4]]
    quoted = draw(st.booleans())
    if quoted:
        body.append(f"„{title}“, sagte Dr. Anna Weber.")
    return Release(
        title=title,
        subtitle=parts[4][:60] if len(parts) > 4 else None,
        date=draw(st.none() | st.dates().map(lambda d: d.isoformat()) | st.sampled_from(("2024-13-40", "x"))),
        place=draw(st.none() | st.sampled_from(PLACES)),
        lead=parts[1][:max_chars] if len(parts) > 1 else None,
        body=tuple(body),
        quotes=(Quote(title, "Dr. Anna Weber"),) if quoted else (),
    )


CONTACT_LINES = (
    "Pressekontakt:", "Kontakt für Medien", "Anna Weber", "Stadt Lindenhagen – Pressestelle",
    "Tel. 0203 123456", "Telefon: +49 (0)221 98765-43", "E-Mail: presse@example.org",
    "www.stadt-lindenhagen.de", "Fax: 0203 1234", "Über die Stadtwerke", "Foto: Stadt Lindenhagen/Jana Pohl",
    "Bildunterschrift: v.l.n.r. Anna Weber, Jens Ott", "PRESSEMITTEILUNG", "Nr. 12/2025", "13.03.2025",
    "– Ende –", "###",
)  # fmt: skip


@st.composite
def release_texts(draw: st.DrawFn, max_chars: int = 800) -> str:
    """A whole press release as pasted: header lines, title, subtitle, a lead that starts with a
    dateline, body paragraphs, and contact, caption or boilerplate lines — parts from one byte program,
    joined by blank lines (or, sometimes, single line breaks)."""
    parts = _parts(draw(_programs(max_chars // 5)), draw(st.text(max_size=20)))
    extras = draw(st.binary(max_size=8))
    header = [CONTACT_LINES[b % len(CONTACT_LINES)] for b in extras[:2]]
    footer = "\n".join(CONTACT_LINES[b % len(CONTACT_LINES)] for b in extras[2:])
    lead = _special(DATELINE, _Reader(extras[::-1]), "") + " " + (parts[1] if len(parts) > 1 else "")
    blocks = [*header, parts[0], lead, *parts[2:], footer]
    return draw(st.sampled_from(("\n\n", "\n\n", "\n", "\r\n\r\n"))).join(blocks)[:max_chars]


# --- bytes of uploaded files --------------------------------------------------------------------------

# Text size inside generated files; the parsers of .docx and .pdf cost about 10 ms per kB.
UPLOAD_CHARS = 300
ENCODINGS = ("utf-8", "utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-16-be", "utf-32", "koi8-r")


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


def encoded(text: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    """The drawn text in some encoding (unencodable characters replaced)."""
    return st.builds(_encode, text, st.sampled_from(ENCODINGS))


def _damage(data: bytes, edits: bytes) -> bytes:
    """``data`` edited by a byte program: per 4 bytes (action, position high, position low, value) one
    byte overwritten, bytes inserted or deleted, or the rest cut off."""
    out = bytearray(data)
    for index in range(0, len(edits) - 3, 4):
        action, high, low, value = edits[index : index + 4]
        position = (high * 256 + low) % (len(out) + 1)
        if action % 4 == 0 and position < len(out):
            out[position] = value
        elif action % 4 == 1:
            out[position:position] = bytes([value]) * (action % 7 + 1)
        elif action % 4 == 2:
            del out[position : position + value % 64 + 1]
        else:
            del out[position:]
    return bytes(out)


def damaged(data: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    """The drawn bytes with a few random edits (see ``_damage``)."""
    return st.builds(_damage, data, st.binary(min_size=4, max_size=24))


MAGIC_PREFIXES = (
    b"",
    b"",
    b"",
    b"%PDF-1.4\n",
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0",
    b"{\\rtf1",
    b"\xef\xbb\xbf",
)


def text_files() -> st.SearchStrategy[bytes]:
    """A .txt upload: encoded German text behind a binary signature (often none), maybe damaged; or
    arbitrary bytes."""
    intact = st.builds(bytes.__add__, st.sampled_from(MAGIC_PREFIXES), encoded(texts(UPLOAD_CHARS)))
    return weighted((2, intact), (1, damaged(intact)), (1, st.binary(max_size=300)))


HTML_PIECES = (
    "<p>", "</p>", "<div class='content'>", "</div>", "<br>", "<br/>", "<h1>", "</h1>", "<ul><li>",
    "</li></ul>", "<li>", "<script>var x = '</p>';</script>", "<style>p{}</style>", "<nav>Menü</nav>",
    "<footer>© Stadt</footer>", "<!-- Kommentar -->", "<![CDATA[x]]>", "&nbsp;", "&#0;", "&#x110000;",
    "&#xD800;", "&auml;", "&unknown;", "<a href='javascript:alert(1)'>Link</a>", "<img src=x onerror=y>",
    "<table><tr><td>Mo.–Fr.</td><td>10–18 Uhr</td></tr></table>", "<blockquote>", "<pre>  a\n b</pre>",
    "<meta charset='koi8-r'>", "<meta http-equiv='Content-Type' content='text/html; charset=x-unknown'>",
    "<main>", "</main>", "<article>", "<p hidden>versteckt</p>", "<div style='display:none'>x</div>",
    "<", ">", "</", "<p", "<?xml version='1.0'?>", "<!DOCTYPE html>", "<html><body>", "<svg><p>x</svg>",
    "<template><p>x</p></template>", "<noscript>n</noscript>", "<iframe src=x></iframe>", "<header>",
    "</header>", "<aside>Mehr</aside>", "<h2>", "</h2>", "<ol>", "</ol>", "<span>", "</span>",
)  # fmt: skip

MARKDOWN_PIECES = (
    "# ", "## ", "### ", "**", "__", "*", "_", "`", "```\n", "> ", "- ", "* ", "+ ", "1. ", "---\n",
    "[Link](https://example.org)", "![Bild](a.png)", "<https://example.org>", "| a | b |\n|---|---|\n",
    "<b>fett</b>", "\\*", "  \n", "[^1]", "[x]: http://y", "~~durch~~", "\n\n", "\n", "Titel\n=====\n",
)  # fmt: skip


def _interleave(pieces: tuple[str, ...], text: str, code: bytes) -> str:
    """``text`` split at spaces, with markup pieces chosen by ``code`` between the parts."""
    words = text.split(" ")
    out = []
    for index, word in enumerate(words):
        if index < len(code) and code[index] % 3 == 0:
            out.append(pieces[code[index] // 3 % len(pieces)])
        out.append(word + " ")
    return "".join(out)


def _markup_files(pieces: tuple[str, ...]) -> st.SearchStrategy[bytes]:
    marked = st.builds(_interleave, st.just(pieces), texts(UPLOAD_CHARS), st.binary(max_size=120))
    intact = encoded(marked)
    return weighted((2, intact), (1, damaged(intact)), (1, st.binary(max_size=200)))


def html_files() -> st.SearchStrategy[bytes]:
    """An .html upload: tags (broken, nested, hidden, scripts, charsets) in German text, maybe damaged."""
    return _markup_files(HTML_PIECES)


def markdown_files() -> st.SearchStrategy[bytes]:
    """An .md upload: Markdown syntax (often unbalanced) and inline HTML in German text, maybe damaged."""
    return _markup_files(MARKDOWN_PIECES)


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_STYLES = ("", "", "Heading1", "Title", "ListBullet", "berschrift1", "Subtitle", "Unbekannt")
# Extras after a paragraph; the last four make the XML invalid and are chosen rarely.
DOCX_EXTRAS = (
    "", "<w:p/>", "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Zelle</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
    "<w:sectPr/>", "<w:tbl></w:tbl>", "<w:p><w:r><w:tab/></w:r></w:p>",
    "<w:p>", "</w:body>", "<w:r><w:t>&bogus;</w:t></w:r>", "\x00",
)  # fmt: skip
_VALID_EXTRAS = 6
# Characters XML 1.0 does not allow; kept in the text only when ``code`` asks for broken XML.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
DOCX_DROPPED = ("", "", "", "", "", "", "", "word/document.xml", "[Content_Types].xml", "word/styles.xml")


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_PACKAGE = "http://schemas.openxmlformats.org/package/2006"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WORDML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_STYLES = (("Normal", "Normal"), ("Heading1", "heading 1"), ("Title", "Title"), ("Subtitle", "Subtitle"),
           ("ListBullet", "List Bullet"), ("berschrift1", "Überschrift 1"))  # fmt: skip
# The smallest package python-docx reads: content types, the two relationship parts and a short style
# sheet (python-docx's own template has 30 kB of styles, which triples the parse time).
DOCX_PARTS = {
    "[Content_Types].xml": f'<Types xmlns="{_PACKAGE}/content-types">'
    f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    f'<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{_WORDML}.document.main+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{_WORDML}.styles+xml"/></Types>',
    "_rels/.rels": f'<Relationships xmlns="{_PACKAGE}/relationships"><Relationship Id="rId1" '
    f'Type="{_RELATIONSHIPS}/officeDocument" Target="word/document.xml"/></Relationships>',
    "word/_rels/document.xml.rels": f'<Relationships xmlns="{_PACKAGE}/relationships"><Relationship '
    f'Id="rId1" Type="{_RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>',
    "word/styles.xml": f'<w:styles xmlns:w="{_W}">'
    + "".join(
        f'<w:style w:type="paragraph" w:styleId="{style}"><w:name w:val="{name}"/></w:style>'
        for style, name in _STYLES
    )
    + "</w:styles>",
}


def docx_document(text: str, code: bytes, dropped: str) -> bytes:
    """A .docx whose paragraphs are the blocks of ``text``, styled and followed by extras chosen by
    ``code`` (one time in eight with characters and markup that make the XML invalid); the part
    ``dropped`` is left out of the package."""
    broken = bool(code) and code[0] >= 224
    if not broken:
        text = _NOT_XML.sub("", text)
    body = []
    for index, block in enumerate(text.split("\n\n")):
        choice = code[index] if index < len(code) else 0
        style = DOCX_STYLES[choice % len(DOCX_STYLES)]
        extras = len(DOCX_EXTRAS) if broken else _VALID_EXTRAS
        props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        runs = "<w:r><w:br/></w:r>".join(
            f'<w:r><w:t xml:space="preserve">{_xml_escape(line)}</w:t></w:r>' for line in block.split("\n")
        )
        body.append(f"<w:p>{props}{runs}</w:p>{DOCX_EXTRAS[choice // 8 % extras]}")
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{_W}"><w:body>'
    parts = {name: xml.encode("utf-8") for name, xml in DOCX_PARTS.items()}
    parts["word/document.xml"] = (xml + "".join(body) + "</w:body></w:document>").encode(
        "utf-8", "surrogatepass"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            if name != dropped:
                archive.writestr(name, content)
    return out.getvalue()


def docx_files() -> st.SearchStrategy[bytes]:
    """A .docx upload: generated WordprocessingML (heading and list styles, tables, line breaks, invalid
    XML), sometimes without a required part, maybe damaged; or arbitrary bytes."""
    intact = st.builds(
        docx_document, texts(UPLOAD_CHARS), st.binary(max_size=16), st.sampled_from(DOCX_DROPPED)
    )
    return weighted((3, intact), (1, damaged(intact)), (1, st.binary(max_size=100)))


def _pdf(text: str, pages: int, header: bool) -> bytes:
    """``text`` typeset on ``pages`` pages (lines cut at 90 characters), each with a page number and
    maybe a running header."""
    lines = [line[:90] for line in text.split("\n")]
    per_page = len(lines) // pages + 1
    return make_pdf(
        [
            (["Stadt Lindenhagen – Pressestelle"] if header else [])
            + lines[number * per_page : (number + 1) * per_page]
            + [f"Seite {number + 1} von {pages}"]
            for number in range(pages)
        ]
    )


def pdf_files() -> st.SearchStrategy[bytes]:
    """A .pdf upload: a generated PDF of German lines, maybe damaged; or a PDF header and garbage."""
    intact = st.builds(_pdf, texts(UPLOAD_CHARS), st.integers(1, 3), st.booleans())
    garbage = st.binary(max_size=200).map(b"%PDF-1.7\n".__add__)
    return weighted((1, intact), (2, damaged(intact)), (1, garbage))
