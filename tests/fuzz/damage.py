"""Damaged meeting documents made from the sample archive: the fuzzer's and the tests' inputs."""

from __future__ import annotations

import io
import os
import random
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
from pypdf import PdfReader, PdfWriter

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples" / "archive").glob("*.txt"))
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass
class Damaged:
    """One damaged input: a file name and its bytes, or a special kind of file to make."""

    name: str
    data: bytes = b""
    special: str = ""  # "", "dir", "fifo", "broken_link"

    def write(self, folder: Path) -> Path:
        """Put the input in `folder` and return its path."""
        path = folder / self.name
        if self.special == "dir":
            path.mkdir()
        elif self.special == "fifo":
            os.mkfifo(path)
        elif self.special == "broken_link":
            path.symlink_to(folder / "finns-inte.txt")
        else:
            path.write_bytes(self.data)
        return path


def sample_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in SAMPLES]


# --- Well-formed containers ---------------------------------------------------------------------

def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with Helvetica text, written by hand (Latin-1 text only)."""
    safe = [line.encode("latin-1", "replace").decode("latin-1").replace("\\", "").replace("(", "").replace(")", "")
            for line in lines]
    stream = "BT /F1 10 Tf 40 800 Td 12 TL " + " ".join(f"({line}) '" for line in safe) + " ET"
    return pdf_with_content(stream.encode("latin-1"))


def pdf_with_content(content: bytes, stream_dict: str = "", pages: int = 1) -> bytes:
    """A PDF of `pages` pages sharing one content stream, with extra entries in its dictionary."""
    kids = " ".join(f"{6 + n} 0 R" for n in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< >>",
        b"<< /Length %d %s >>\nstream\n" % (len(content), stream_dict.encode()) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"] * pages
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def encrypted_pdf(data: bytes, user_password: str, algorithm: str = "AES-256") -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="ägare", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def text_docx(lines: list[str]) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(_xml_safe(line))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xml_safe(text: str) -> str:
    return "".join(c for c in text if c in "\t\n" or (" " <= c < "\ud800") or ("\ue000" <= c <= "\ufffd"))


def replace_in_zip(data: bytes, name: str, content: bytes) -> bytes:
    """The ZIP with one member's content replaced (or added)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info, source.read(info))
        target.writestr(name, content)
    return out.getvalue()


def docx_with_numbering_level(level: str) -> bytes:
    """A .docx whose numbered paragraph has list level `level` ("12", "-1", "x"), defined as decimal."""
    document = docx.Document()
    document.add_paragraph("Dagordning")
    paragraph = document.add_paragraph("Mötets öppnande", style="List Number")
    numbering = document.part.numbering_part.element
    abstract = numbering.makeelement(f"{{{W}}}abstractNum", {f"{{{W}}}abstractNumId": "77"})
    lvl = abstract.makeelement(f"{{{W}}}lvl", {f"{{{W}}}ilvl": level})
    lvl.append(lvl.makeelement(f"{{{W}}}numFmt", {f"{{{W}}}val": "decimal"}))
    abstract.append(lvl)
    numbering.insert(0, abstract)
    num = numbering.makeelement(f"{{{W}}}num", {f"{{{W}}}numId": "77"})
    num.append(num.makeelement(f"{{{W}}}abstractNumId", {f"{{{W}}}val": "77"}))
    numbering.append(num)
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = p_pr.makeelement(f"{{{W}}}numPr", {})
    num_pr.append(num_pr.makeelement(f"{{{W}}}ilvl", {f"{{{W}}}val": level}))
    num_pr.append(num_pr.makeelement(f"{{{W}}}numId", {f"{{{W}}}val": "77"}))
    p_pr.append(num_pr)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_without_body() -> bytes:
    return replace_in_zip(text_docx(["x"]), "word/document.xml",
                          f'<?xml version="1.0"?><w:document xmlns:w="{W}"/>'.encode())


def docx_with_paragraphs(count: int) -> bytes:
    """A small .docx that unpacks to `count` empty paragraphs."""
    body = b"<w:p/>" * count
    xml = f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>'.encode() + body + b"</w:body></w:document>"
    return replace_in_zip(text_docx(["x"]), "word/document.xml", xml)


def docx_with_flipped_deflate(data: bytes) -> bytes:
    """The .docx with bytes of word/document.xml's compressed data overwritten: zlib cannot inflate it."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    damaged = bytearray(data)
    damaged[start:start + 4] = b"\xff\xff\xff\xff"
    return bytes(damaged)


def zip_bomb(declared_honestly: bool = True, size: int = 300_000_000) -> bytes:
    """A .docx-shaped ZIP whose document.xml unpacks to `size` bytes (a few hundred kB packed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"<w:p/>" * 100_000
            for _ in range(size // len(block)):
                member.write(block)
    data = out.getvalue()
    return data if declared_honestly else _understate_sizes(data)


def _understate_sizes(data: bytes) -> bytes:
    """Replace the uncompressed size in the central directory with 1 (a lying ZIP)."""
    damaged = bytearray(data)
    marker = damaged.rfind(b"PK\x01\x02")
    damaged[marker + 24:marker + 28] = (1).to_bytes(4, "little")
    return bytes(damaged)


# --- Text mutations -----------------------------------------------------------------------------

ODDITIES = ["\x00", "\ufeff", "\u200f", "\u202e", "\u0301" * 50, "\u200b", "\r", "\x0c", "\u2028", "§", "\t" * 30]


def mutate_text(text: str, rng: random.Random) -> tuple[str, bytes]:
    """One damaged variant of a document's text, named by what was done, as bytes."""
    kind = rng.choice(list(TEXT_MUTATIONS))
    return kind, TEXT_MUTATIONS[kind](text, rng)


def _truncate(text, rng):
    data = text.encode()
    return data[: rng.randrange(1, len(data))]


def _flip_bytes(text, rng):
    data = bytearray(text.encode())
    for _ in range(rng.randint(1, 40)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return bytes(data)


def _shuffle_lines(text, rng):
    lines = text.splitlines()
    rng.shuffle(lines)
    return "\n".join(lines).encode()


def _huge_line(text, rng):
    return (text.replace("\n", " ") * rng.randint(20, 200)).encode()


def _many_lines(text, rng):
    return "\n".join(rng.choice(text.splitlines() or ["x"]) for _ in range(rng.randint(2_000, 30_000))).encode()


def _deep_markers(text, rng):
    marker = rng.choice(["1. ", "a) ", "- ", "§ 1 ", "Förslag till beslut: ", "Beslut: ", "att ", "1.1.1. ", "# ", "* "])
    depth = rng.randint(100, 20_000)
    return (text + "\n" + marker * depth + "att godkänna.\n").encode()


def _oddities(text, rng):
    chars = list(text)
    for _ in range(rng.randint(1, 200)):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(ODDITIES))
    return "".join(chars).encode("utf-8", "surrogatepass")


def _lone_surrogates(text, rng):
    chars = list(text)
    for _ in range(rng.randint(1, 20)):
        chars.insert(rng.randrange(len(chars) + 1), chr(rng.randrange(0xD800, 0xE000)))
    return "".join(chars).encode("utf-8", "surrogatepass")


def _cp1252(text, rng):
    return text.encode("cp1252", "replace")


def _utf16(text, rng):
    return text.encode(rng.choice(["utf-16", "utf-16-le", "utf-32"]))


def _numbers(text, rng):
    return "\n".join(f"{rng.choice(['', '§ ', '0', '99', '-'])}{n}. Punkt {n}" for n in range(rng.randint(1, 3_000))).encode()


def _random_bytes(text, rng):
    return rng.randbytes(rng.randint(1, 5_000))


TEXT_MUTATIONS: dict[str, Callable[[str, random.Random], bytes]] = {
    "truncated": _truncate, "flipped": _flip_bytes, "shuffled": _shuffle_lines, "huge_line": _huge_line,
    "many_lines": _many_lines, "deep_markers": _deep_markers, "oddities": _oddities,
    "surrogates": _lone_surrogates, "cp1252": _cp1252, "utf16": _utf16, "numbers": _numbers,
    "random": _random_bytes,
}


# --- Container mutations ------------------------------------------------------------------------

def _flip(data: bytes, rng: random.Random, count: int) -> bytes:
    damaged = bytearray(data)
    for _ in range(count):
        damaged[rng.randrange(len(damaged))] = rng.randrange(256)
    return bytes(damaged)


def damaged_containers(text: str, rng: random.Random) -> Iterator[Damaged]:
    """Broken, truncated and oversized PDFs and Word files around one document's text."""
    lines = text.splitlines()
    pdf, word = text_pdf(lines[:60]), text_docx(lines)
    yield Damaged("flipped.pdf", _flip(pdf, rng, rng.randint(1, 30)))
    yield Damaged("truncated.pdf", pdf[: rng.randrange(8, len(pdf))])
    yield Damaged("flipped.docx", _flip(word, rng, rng.randint(1, 30)))
    yield Damaged("truncated.docx", word[: rng.randrange(8, len(word))])
    yield Damaged("deflate.docx", docx_with_flipped_deflate(word))
    yield Damaged("level.docx", docx_with_numbering_level(rng.choice(["9", "12", "-1", "x", "", "99999999999"])))
    yield Damaged("nobody.docx", docx_without_body())
    yield Damaged("filter.pdf", pdf_with_content(b"BT ET", rng.choice(["/Filter /Foo", "/Filter /LZWDecode",
                                                                       "/Filter /FlateDecode", "/Filter [/A /B]"])))
    yield Damaged("aes.pdf", encrypted_pdf(pdf, rng.choice(["", "hemligt"])))


def fixed_inputs() -> list[Damaged]:
    """Inputs made once: empty and special files, wrong extensions, bombs."""
    text = sample_texts()[0]
    pdf = text_pdf(text.splitlines()[:60])
    return [
        Damaged("tom.txt"), Damaged("tom.pdf"), Damaged("blank.txt", b" \n\t\n"),
        Damaged("mapp.txt", special="dir"), Damaged("fifo.txt", special="fifo"),
        Damaged("trasig-genväg.txt", special="broken_link"),
        Damaged("pdf-som.txt", pdf), Damaged("text-som.pdf", text.encode()), Damaged("text-som.docx", text.encode()),
        Damaged("docx-som.md", text_docx(text.splitlines())),
        Damaged("bomb.docx", zip_bomb()), Damaged("ljugande-bomb.docx", zip_bomb(declared_honestly=False)),
        Damaged("stycken.docx", docx_with_paragraphs(2_000_000)),
        Damaged("sidor.pdf", pdf_with_content(b"", pages=3_000)),
        Damaged("inflate.pdf", pdf_with_content(zlib.compress(b" " * 120_000_000, 9), "/Filter /FlateDecode")),
        Damaged("zip.docx", _plain_zip()),
        Damaged("bara-pk.docx", b"PK\x03\x04" + b"\x00" * 100), Damaged("bara-pdf.pdf", b"%PDF-1.7\n"),
    ]


def _plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hej.txt", "hej")
    return out.getvalue()


def generate(count: int, seed: int = 0) -> Iterator[Damaged]:
    """`count` damaged inputs, the same ones for the same seed."""
    rng = random.Random(seed)
    texts = sample_texts()
    fixed = fixed_inputs()
    yield from fixed[:count]
    made = len(fixed)
    while made < count:
        text = rng.choice(texts)
        if rng.random() < 0.2:
            for damaged in damaged_containers(text, rng):
                if made < count:
                    yield damaged
                    made += 1
            continue
        kind, data = mutate_text(text, rng)
        yield Damaged(f"{made:04d}-{kind}.{rng.choice(['txt', 'md', 'txt', 'pdf', 'docx'])}", data)
        made += 1
