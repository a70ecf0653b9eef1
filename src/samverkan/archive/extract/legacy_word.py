"""Word 97–2003 (.doc) files via antiword: the text in reading order, one paragraph per line."""

from __future__ import annotations

import tempfile
from pathlib import Path

from .plain import decode_text
from .tools import run_tool

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def doc_text(data: bytes, path: Path) -> str:
    with tempfile.NamedTemporaryFile(suffix=".doc") as copy:
        copy.write(data)
        copy.flush()
        # -w 0: no wrapping, so a paragraph stays one line; -m UTF-8.txt: Swedish letters as they are.
        output = run_tool("antiword", "antiword", ["-w", "0", "-m", "UTF-8.txt", copy.name], path,
                          "Att läsa en Word 97–2003-fil (.doc)")
    text, _warnings = decode_text(output, path)
    # antiword ends each paragraph with an empty line; an empty paragraph adds one more.
    return text.replace("\n\n", "\n")
