#!/usr/bin/env python3
"""Writes the small PDF fixtures of the corpus reader tests (run once; the PDFs are committed).

    python3 make_pdf_fixtures.py      # in tests/data/corpus/

three_pages.pdf   3 pages of Danish text (WinAnsi Helvetica): a running header, folios, a
                  line-end hyphen across lines, Title and CreationDate in the info dictionary
truncated.pdf     the first 60 % of three_pages.pdf
garbage.pdf       a %PDF header and %%EOF trailer around text that is no PDF
encrypted.pdf     one page, RC4 40-bit standard security handler, user password "secret"
Standard library only; byte offsets in the xref table are computed, so the files are valid.
"""
import hashlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")

PAGES = [
    ["www.sst.dk", "Referat af r\u00e5dsm\u00f8det", "",
     "Sundhedsstyrelsen b\u00f8d velkommen og orienterede om Sundhedsmi-",
     "nisteriet og \u00f8konomi til kurser.", "1"],
    ["www.sst.dk", "Punkt 2. Temadr\u00f8ftelse om kvalitetssikring",
     "Integration og ligestilling af psykiatri og somatik er et",
     "v\u00e6sentligt tiltag for Sundheds- og", "\u00c6ldreministeriet.", "- 2 -"],
    ["www.sst.dk", "Punkt 3. Eventuelt", "Intet at bem\u00e6rke under eventuelt.", "3"],
]


def pdf_string(text):
    out = b"("
    for byte in text.encode("cp1252"):
        if byte in b"()\\" or byte > 126:
            out += b"\\%03o" % byte
        else:
            out += bytes([byte])
    return out + b")"


def content_stream(lines):
    ops = [b"BT /F1 12 Tf 72 760 Td 16 TL"]
    for line in lines:
        ops.append(pdf_string(line) + b" '")
    ops.append(b"ET")
    return b"\n".join(ops)


def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray()
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def write_pdf(path, pages, info, encrypt_password=None):
    file_id = hashlib.md5(path.name.encode()).digest()
    objects = {}  # number -> bytes (without "obj" wrapper)
    page_numbers = []
    next_number = 4
    for lines in pages:
        page_no, content_no = next_number, next_number + 1
        next_number += 2
        page_numbers.append(page_no)
        objects[page_no] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content_no)
        objects[content_no] = ("stream", content_stream(lines))
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    kids = b" ".join(b"%d 0 R" % n for n in page_numbers)
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_numbers))
    objects[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    info_no = next_number
    objects[info_no] = ("info", info)
    key = None
    encrypt_no = None
    if encrypt_password is not None:
        user = (encrypt_password.encode() + PAD)[:32]
        owner_key = hashlib.md5((b"owner" + PAD)[:32]).digest()[:5]
        o_entry = rc4(owner_key, user)
        permissions = -44
        key = hashlib.md5(user + o_entry + permissions.to_bytes(4, "little", signed=True) + file_id).digest()[:5]
        u_entry = rc4(key, PAD)
        encrypt_no = info_no + 1
        objects[encrypt_no] = (b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>"
                               % (o_entry.hex().encode(), u_entry.hex().encode(), permissions))

    def object_key(number):
        return hashlib.md5(key + number.to_bytes(3, "little") + b"\x00\x00").digest()[:10]

    body = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = {}
    for number in sorted(objects):
        value = objects[number]
        offsets[number] = len(body)
        if isinstance(value, tuple) and value[0] == "stream":
            data = value[1] if key is None else rc4(object_key(number), value[1])
            value = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data)
        elif isinstance(value, tuple) and value[0] == "info":
            entries = b""
            for name, text in value[1].items():
                raw = text.encode("cp1252")
                if key is not None:
                    raw = rc4(object_key(number), raw)
                entries += b"/%s <%s> " % (name.encode(), raw.hex().encode())
            value = b"<< " + entries + b">>"
        body += b"%d 0 obj\n%s\nendobj\n" % (number, value)
    xref_offset = len(body)
    count = max(objects) + 1
    body += b"xref\n0 %d\n0000000000 65535 f \n" % count
    for number in range(1, count):
        body += b"%010d 00000 n \n" % offsets[number]
    trailer = b"<< /Size %d /Root 1 0 R /Info %d 0 R /ID [<%s> <%s>]" % (
        count, info_no, file_id.hex().encode(), file_id.hex().encode())
    if encrypt_no:
        trailer += b" /Encrypt %d 0 R" % encrypt_no
    body += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref_offset
    path.write_bytes(body)
    return body


def main():
    info = {"Title": "Referat af r\u00e5dsm\u00f8det 17. september 2025", "CreationDate": "D:20250917120000+02'00'"}
    whole = write_pdf(HERE / "three_pages.pdf", PAGES, info)
    (HERE / "truncated.pdf").write_bytes(whole[: len(whole) * 6 // 10])
    (HERE / "garbage.pdf").write_bytes(b"%PDF-1.7\nThis is not a PDF body, only text claiming to be one.\n" * 20
                                       + b"%%EOF\n")
    write_pdf(HERE / "encrypted.pdf", PAGES[:1], {"Title": "Hemmeligt"}, encrypt_password="secret")


if __name__ == "__main__":
    main()
