"""A check of the PDF/A-2u requirements a test can verify without veraPDF (not installable offline here):
ISO 19005-2 level U as far as the file's structure shows it.

Checked: the header and binary comment; a trailer ID and no encryption; XMP metadata in the catalogue,
well-formed, naming pdfaid:part 2 and conformance U; the document information entries equal to their XMP
counterparts; an OutputIntent GTS_PDFA1 with an embedded ICC profile; every font (in pages, form
XObjects and annotations' appearances) embedded, and each with a ToUnicode map; annotations printable
and not hidden; no JavaScript or launch actions, no embedded files.
"""

from __future__ import annotations

import io
import re
from xml.etree import ElementTree

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
}
EMBEDDED = ("/FontFile", "/FontFile2", "/FontFile3")
HIDDEN, PRINT, NO_VIEW = 2, 4, 32


def pdfa_2u_problems(data: bytes) -> list[str]:
    """What keeps the PDF from being PDF/A-2u; [] when none of the checks finds anything."""
    problems: list[str] = []
    if not re.match(rb"%PDF-1\.[0-7]\r?\n%[\x80-\xff]{4}", data[:20]):
        problems.append("header: no %PDF-1.n line followed by a comment of four bytes above 127")
    reader = PdfReader(io.BytesIO(data))
    trailer = reader.trailer
    if "/Encrypt" in trailer:
        problems.append("trailer: the file is encrypted")
    if "/ID" not in trailer:
        problems.append("trailer: no file identifier (/ID)")
    catalog = trailer["/Root"]
    problems += _xmp_problems(reader, catalog)
    problems += _output_intent_problems(catalog)
    if "/AA" in catalog or ("/OpenAction" in catalog and "/JavaScript" in str(catalog["/OpenAction"])):
        problems.append("catalogue: additional or JavaScript actions")
    names = catalog.get("/Names")
    if names is not None:
        names = names.get_object()
        for key in ("/JavaScript", "/EmbeddedFiles"):
            if key in names:
                problems.append(f"catalogue: {key[1:]} in the name tree")
    for number, page in enumerate(reader.pages, start=1):
        problems += [f"page {number}: {problem}" for problem in _page_problems(page)]
    return sorted(set(problems))


def _xmp_problems(reader: PdfReader, catalog) -> list[str]:
    if "/Metadata" not in catalog:
        return ["catalogue: no XMP metadata stream"]
    try:
        root = ElementTree.fromstring(catalog["/Metadata"].get_object().get_data())
    except ElementTree.ParseError as error:
        return [f"XMP: not well-formed ({error})"]
    values = _xmp_values(root)
    problems = []
    if values.get("pdfaid:part") != "2":
        problems.append(f"XMP: pdfaid:part is {values.get('pdfaid:part')!r}, not '2'")
    if values.get("pdfaid:conformance") != "U":
        problems.append(f"XMP: pdfaid:conformance is {values.get('pdfaid:conformance')!r}, not 'U'")
    info = reader.metadata or {}
    pairs = (("/Title", "dc:title"), ("/Author", "dc:creator"), ("/Subject", "dc:description"),
             ("/Producer", "pdf:Producer"), ("/Keywords", "pdf:Keywords"), ("/Creator", "xmp:CreatorTool"),
             ("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate"))
    for key, name in pairs:
        if key not in info:
            continue
        value, xmp = str(info[key]), values.get(name)
        if key.endswith("Date"):
            value, xmp = _digits(value), _digits(xmp or "")
            xmp = xmp[:len(value)]
        if xmp != value:
            problems.append(f"document information {key} {info[key]!r} is not the XMP {name} {values.get(name)!r}")
    return problems


def _xmp_values(root) -> dict[str, str]:
    """Properties as 'prefix:name' → text, from attributes and from elements (rdf:Alt/Seq: the first item)."""
    values: dict[str, str] = {}
    prefixes = {uri: prefix for prefix, uri in NS.items()}
    for description in root.iter(f"{{{NS['rdf']}}}Description"):
        for attribute, value in description.attrib.items():
            if attribute.startswith("{"):
                uri, name = attribute[1:].split("}")
                if uri in prefixes:
                    values[f"{prefixes[uri]}:{name}"] = value
        for child in description:
            uri, name = child.tag[1:].split("}")
            if uri not in prefixes:
                continue
            items = list(child.iter(f"{{{NS['rdf']}}}li"))
            values[f"{prefixes[uri]}:{name}"] = (items[0].text if items else child.text) or ""
    return values


def _digits(date: str) -> str:
    return re.sub(r"\D", "", date.removeprefix("D:"))[:14]


def _output_intent_problems(catalog) -> list[str]:
    intents = [intent.get_object() for intent in catalog.get("/OutputIntents", [])]
    pdfa = [intent for intent in intents if intent.get("/S") == "/GTS_PDFA1"]
    if not pdfa:
        return ["catalogue: no OutputIntent with /S /GTS_PDFA1"]
    profile = pdfa[0].get("/DestOutputProfile")
    if profile is None:
        return ["OutputIntent: no /DestOutputProfile (ICC profile)"]
    icc = profile.get_object().get_data()
    problems = []
    if icc[36:40] != b"acsp":
        problems.append("OutputIntent: the profile is not an ICC profile (no 'acsp' signature)")
    if icc[16:20] not in (b"RGB ", b"CMYK", b"GRAY"):
        problems.append(f"OutputIntent: ICC colour space {icc[16:20]!r}")
    if icc[12:16] not in (b"mntr", b"prtr"):
        problems.append(f"OutputIntent: ICC device class {icc[12:16]!r} is neither output nor monitor")
    return problems


def _page_problems(page) -> list[str]:
    problems = _resource_problems(page.get("/Resources"), set())
    for annotation in page.get("/Annots", []) or []:
        annotation = annotation.get_object()
        flags = int(annotation.get("/F", 0))
        subtype = annotation.get("/Subtype")
        if subtype != "/Popup" and (not flags & PRINT or flags & (HIDDEN | NO_VIEW)):
            problems.append(f"annotation {subtype}: not printable or hidden (/F {flags})")
        action = annotation.get("/A")
        if action is not None and action.get_object().get("/S") in ("/Launch", "/JavaScript"):
            problems.append(f"annotation {subtype}: {action.get_object().get('/S')} action")
        appearance = annotation.get("/AP")
        if appearance is not None:
            for stream in appearance.get_object().values():
                stream = stream.get_object()
                if "/Resources" in stream:
                    problems += _resource_problems(stream["/Resources"], set())
    return problems


def _resource_problems(resources, seen: set[int]) -> list[str]:
    if resources is None:
        return []
    if isinstance(resources, IndirectObject):
        if resources.idnum in seen:
            return []
        seen.add(resources.idnum)
    resources = resources.get_object()
    problems = []
    for name, font in (resources.get("/Font") or DictionaryObject()).items():
        problems += _font_problems(name, font.get_object())
    for xobject in (resources.get("/XObject") or DictionaryObject()).values():
        key = xobject.idnum if isinstance(xobject, IndirectObject) else None
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form" and key not in seen:
            if key is not None:
                seen.add(key)
            problems += _resource_problems(xobject.get("/Resources"), seen)
    for pattern in (resources.get("/Pattern") or DictionaryObject()).values():
        pattern = pattern.get_object()
        if "/Resources" in pattern:
            problems += _resource_problems(pattern["/Resources"], seen)
    return problems


def _font_problems(name: str, font) -> list[str]:
    base = font.get("/BaseFont", name)
    problems = []
    if "/ToUnicode" not in font:
        problems.append(f"font {base}: no ToUnicode map")
    if font.get("/Subtype") == "/Type3":
        return problems
    if font.get("/Subtype") == "/Type0":
        descendants = font.get("/DescendantFonts")
        fonts = [d.get_object() for d in (descendants.get_object() if descendants else ArrayObject())]
    else:
        fonts = [font]
    for described in fonts:
        descriptor = described.get("/FontDescriptor")
        if descriptor is None or not any(key in descriptor.get_object() for key in EMBEDDED):
            problems.append(f"font {base}: not embedded")
    return problems
