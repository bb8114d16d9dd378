# SPDX-License-Identifier: EUPL-1.2
"""Reading back the text a PDF made with reportlab draws, for tests of printed documents."""

import base64
import re
import zlib

__all__ = ["pdf_text"]


def pdf_text(pdf: bytes) -> str:
    """The text drawn on the pages (content streams are Flate-compressed)."""
    assert pdf.startswith(b"%PDF-")
    drawn = []
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", pdf, re.DOTALL):
        # reportlab writes ASCII85 over Flate; the text operators are "(...) Tj"
        try:
            content = zlib.decompress(base64.a85decode(stream.strip().removesuffix(b"~>")))
        except (ValueError, zlib.error):
            continue
        drawn += [m.decode("latin-1") for m in re.findall(rb"\((.*?)\) Tj", content)]
    return " ".join(drawn)
