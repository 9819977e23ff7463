"""Decoding a document's bytes: byte-order marks, UTF-8, and a legacy encoding detected by
charset-normalizer, line by line where a UTF-8 file holds a few lines in another encoding.

Every decision other than plain UTF-8 comes back as a note saying what was decided, so a build can
show it (a stray Windows-1252 byte no longer turns a whole UTF-8 file into mojibake unannounced).

>>> decode("a.txt", "Université de Genève\\n".encode("utf-8"))
('Université de Genève\\n', None)
>>> decode("b.txt", "Université de Genève\\nCaf".encode("utf-8") + b"\\xe9 \\x96 r\\xe9sum\\xe9\\n")
('Université de Genève\\nCafé – résumé\\n', 'UTF-8, except line 2 decoded as cp1252 (charset-normalizer)')
>>> decode("c.txt", "\\ufeffRoundtable".encode("utf-16-le"))
('Roundtable', 'UTF-16 (byte-order mark)')
"""

from __future__ import annotations

import codecs

from collabkg.errors import DocumentError

__all__ = ["decode", "PREFERRED"]

#: When several encodings fit the bytes equally well, the first of these that fits is taken:
#: pages and reports saved on Windows in Western Europe and the Americas are by far the usual case.
PREFERRED = ("cp1252", "iso8859_15", "latin_1")

_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def _utf8(line: bytes) -> str | None:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _guess(path, data: bytes, first_bad: UnicodeDecodeError) -> tuple[str, str]:
    """(encoding, the decoded text) for bytes that are not UTF-8; refuses when it cannot tell."""
    import charset_normalizer

    matches = list(charset_normalizer.from_bytes(data))
    where = f"byte {first_bad.start}: {first_bad.object[first_bad.start:first_bad.start + 1]!r}"
    if not matches:
        raise DocumentError(path, f"cannot decode as UTF-8 ({where}), nor in any encoding charset-normalizer knows",
                            hint="re-save the file as UTF-8")
    best = min((m.chaos, -m.coherence) for m in matches)
    tied = [m for m in matches if (m.chaos, -m.coherence) == best]
    texts = {m.encoding: str(m) for m in tied}
    for enc in PREFERRED:  # charset-normalizer names one of the encodings giving the same text
        for m in tied:
            if enc == m.encoding or enc in m.could_be_from_charset:
                return enc, str(m)
    if len(set(texts.values())) == 1:
        enc = tied[0].encoding
        return enc, texts[enc]
    raise DocumentError(
        path, f"cannot decode as UTF-8 ({where}), and the bytes fit several encodings equally well "
              f"({', '.join(sorted(texts)[:5])}): cannot tell which", hint="re-save the file as UTF-8")


def decode(path, data: bytes) -> tuple[str, str | None]:
    """Return the text of ``data`` and a note on how it was decoded (None for plain UTF-8).

    In order: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; NUL bytes in the first 8 KiB
    mean a binary file; valid UTF-8 is UTF-8; a UTF-8 file with a few lines that are not is
    decoded line by line, those lines in the encoding charset-normalizer finds for them; a file
    with no UTF-8 at all is decoded in the encoding charset-normalizer finds for it.

    Raises
    ------
    DocumentError
        empty, binary, or undecodable (the message names the first bad byte).
    """
    if not data.strip():
        raise DocumentError(path, "the file is empty", hint="add text or remove the file from the input")
    for bom, codec, name in _BOMS:  # before the NUL check: UTF-16 text is full of NUL bytes
        if data.startswith(bom):
            try:
                return data.decode(codec).lstrip("\ufeff"), f"{name} (byte-order mark)"
            except UnicodeDecodeError as e:
                raise DocumentError(path, f"starts with a {name} byte-order mark but is not {name} (byte {e.start})",
                                    hint="re-save the file as UTF-8") from e
    if b"\x00" in data[:8192]:
        raise DocumentError(path, "looks binary (NUL bytes), not a text document", hint="convert it to .txt, .md or .html")
    note_bom = data.startswith(codecs.BOM_UTF8)
    if note_bom:
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as e:
        first_bad = e
    lines = data.splitlines(keepends=True)
    decoded = [_utf8(line) for line in lines]
    bad = [i for i, t in enumerate(decoded) if t is None]
    utf8_evidence = any(t is not None and any(b >= 0x80 for b in line) for t, line in zip(decoded, lines))
    if utf8_evidence or note_bom:
        enc, _ = _guess(path, b"".join(lines[i] for i in bad), first_bad)
        for i in bad:
            decoded[i] = lines[i].decode(enc, errors="replace")
        which = ", ".join(str(i + 1) for i in bad[:10]) + (f" and {len(bad) - 10} more" if len(bad) > 10 else "")
        return "".join(decoded), f"UTF-8, except line{'s' if len(bad) > 1 else ''} {which} decoded as {enc} (charset-normalizer)"
    enc, text = _guess(path, data, first_bad)
    return text, f"{enc}, not UTF-8 (charset-normalizer)"
