"""A saved web page (.html) of minutes: the visible text, a line per block, table cells side by side."""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
          "header", "footer", "blockquote", "pre", "dt", "dd", "hr", "title"}
CELLS = {"td", "th"}
HIDDEN = {"script", "style", "noscript", "template", "svg"}  # <head> is cut off before parsing
_LOOKS_LIKE_HTML = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
                              re.IGNORECASE | re.DOTALL)


def looks_like_html(data: bytes) -> bool:
    return bool(_LOOKS_LIKE_HTML.match(data[:4096].lstrip(b"\xef\xbb\xbf")))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in BLOCKS:
            self._new_line()
        elif tag in CELLS and self.lines[-1].strip():
            self.lines[-1] += "\t"

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCKS:
            self._new_line()

    def _new_line(self):
        """A block starts a line; blocks that follow each other leave no empty line between them."""
        if self.lines[-1].strip():
            self.lines.append("")

    def handle_data(self, data):
        if not self.hidden:
            self.lines[-1] += re.sub(r"[ \r\n\f]+", " ", data)


def html_text(page: str) -> str:
    parser = _Text()
    parser.feed(re.sub(r"<head\b.*?</head>", "", page, flags=re.IGNORECASE | re.DOTALL))
    parser.close()
    return "\n".join(line.strip(" \t") for line in parser.lines if line.strip()).strip("\n")
