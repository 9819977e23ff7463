"""Text from documents made safe for the outputs that cannot carry every character.

The store keeps a quote exactly as the document has it; these functions apply only when text is
written somewhere with rules of its own:

* XML 1.0 cannot hold NUL, most other C0 controls, lone surrogates, U+FFFE/U+FFFF, even as
  character references: :func:`for_xml` puts U+FFFD (the replacement character) in their place.
* A terminal obeys control characters (ANSI escapes that recolour, clear or retitle it) and bidi
  controls (which reorder what is shown, e.g. "Trojan Source"): :func:`for_terminal` shows them
  as visible ``\\x1b``, ``\\u202e`` escapes instead.

>>> for_xml("a\\x00b\\tc")
'a\\ufffdb\\tc'
>>> print(for_terminal("Geneva \\x1b[2J\\u202eevil"))
Geneva \\x1b[2J\\u202eevil
>>> for_terminal("Genève, 3\\u20134 May")
'Genève, 3–4 May'
"""

from __future__ import annotations

import re

__all__ = ["for_xml", "for_terminal", "XML_ILLEGAL", "TERMINAL_UNSAFE"]

#: Characters XML 1.0 cannot carry (https://www.w3.org/TR/xml/#charsets).
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

#: C0 and C1 controls but tab and newline, DEL, and the bidi embedding/override/isolate marks.
TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def for_xml(text: str) -> str:
    """``text`` with every character XML 1.0 cannot carry replaced by U+FFFD."""
    return XML_ILLEGAL.sub("\ufffd", text)


def _escape(m: re.Match) -> str:
    c = ord(m.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def for_terminal(text: str) -> str:
    """``text`` with control and bidi characters shown as escapes (``\\x1b``, ``\\u202e``)."""
    return TERMINAL_UNSAFE.sub(_escape, text)
