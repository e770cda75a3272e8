"""A minimal PDF writer for test fixtures (no PDF library needed): Helvetica text pages, one line per
``T*``, and optional image-only pages like a scan without a text layer."""

from __future__ import annotations

IMAGE_PAGE = "IMAGE"


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")  # WinAnsiEncoding; what it lacks becomes "?"
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(pages: list[list[str] | str]) -> bytes:
    """A PDF with one page per item: a list of text lines ("" leaves a gap) or ``IMAGE_PAGE``,
    a page that only paints a grey image (like a scan without OCR)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog, pages_id = add(b""), add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for page in pages:
        if page == IMAGE_PAGE:
            pixels = bytes([0, 255, 255, 0])
            image = add(
                b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Length 4 >>\nstream\n" + pixels + b"\nendstream"
            )
            content = b"q 400 0 0 500 100 200 cm /Im1 Do Q"
            resources = b"<< /XObject << /Im1 %d 0 R >> >>" % image
        else:
            ops = [b"BT", b"/F1 11 Tf", b"14 TL", b"72 780 Td"]
            for line in page:
                if line:
                    ops.append(_pdf_string(line) + b" Tj")
                ops.append(b"T*")
            content = b"\n".join([*ops, b"ET"])
            resources = b"<< /Font << /F1 %d 0 R >> >>" % font
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources %s /Contents %d 0 R >>"
                % (pages_id, resources, stream)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    kid_refs = b" ".join(b"%d 0 R" % kid for kid in kids)
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kid_refs, len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        xref,
    )
    return bytes(out)
