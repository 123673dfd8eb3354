"""The text of a PDF that WeasyPrint wrote, good enough for tests to look for a sentence.

WeasyPrint writes each run of text as hex glyph ids in a TJ array and maps the ids back to
characters in ToUnicode CMaps. We decompress the streams, merge the maps (the faces of one
family share glyph ids) and decode the runs in order, one run a word group."""

from __future__ import annotations

import re
import zlib

_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_BFCHAR = re.compile(rb"<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]+)>")
_BFRANGE = re.compile(rb"<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]+)>")
_RUN = re.compile(rb"\[(.*?)\]\s*TJ", re.S)
_GLYPHS = re.compile(rb"<([0-9a-fA-F]+)>")


def _streams(pdf: bytes) -> list[bytes]:
    out = []
    for raw in _STREAM.findall(pdf):
        try:
            out.append(zlib.decompress(raw))
        except zlib.error:
            continue
    return out


def _char(hex_utf16: bytes) -> str:
    return bytes.fromhex(hex_utf16.decode()).decode("utf-16-be", errors="replace")


def pdf_text(pdf: bytes) -> str:
    streams = _streams(pdf)
    glyphs: dict[int, str] = {}
    for s in streams:
        if b"begincmap" not in s:
            continue
        for block in re.findall(rb"beginbfrange(.*?)endbfrange", s, re.S):
            for lo, hi, start in _BFRANGE.findall(block):
                first = ord(_char(start))
                for n, gid in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                    glyphs[gid] = chr(first + n)
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", s, re.S):
            for gid, text in _BFCHAR.findall(block):
                glyphs[int(gid, 16)] = _char(text)
    runs = []
    for s in streams:
        for run in _RUN.findall(s):
            codes = b"".join(_GLYPHS.findall(run)).decode()
            ids = [int(codes[i : i + 4], 16) for i in range(0, len(codes), 4)]
            runs.append("".join(glyphs.get(i, "\ufffd") for i in ids))
    return re.sub(r"\s+", " ", " ".join(runs))
