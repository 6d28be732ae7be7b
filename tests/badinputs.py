"""A corpus of hostile, broken and borderline input files for draftlint's readers.

``make_corpus(dirpath)`` writes every case into ``dirpath`` and returns a list of :class:`Case`.

What ``expect`` means:

* ``"error"`` – draftlint must refuse the file with an input error (``draftlint.errors.InputError``,
  or the CLI's input-error exit) whose message tells the drafter ``problem`` in plain words.  It must not
  crash with a traceback, hang, use gigabytes of memory or touch the network or the file system
  outside the file.
* ``"clean"`` – the file must be *read* without an input error: it holds a real resolution.  The linter
  may still report findings about it (a missing footnote, a list number it cannot resolve), but reading
  it must neither raise nor hang.

Only the standard library and lxml are imported; building the whole corpus takes well under 3 seconds
and about 2 MB of disk (the 300 MB zip bomb is written as ~300 KB of repeated deflate blocks).
"""
from __future__ import annotations

import io
import os
import random
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree  # noqa: F401  (kept so that importing this module checks lxml is present)

__all__ = ["Case", "make_corpus", "minimal_docx", "GOOD_BODY", "GOOD_TEXT", "GOOD_MD", "resolution_xml",
           "W_NS", "STYLES_XML", "FOOTNOTES_XML", "NUMBERING_XML", "COMMENTS_XML"]


@dataclass
class Case:
    name: str
    path: Path
    expect: str  # "error" or "clean"
    problem: str  # a few words naming what the drafter should be told (or, for "clean", what is odd)
    skip_reason: str | None = None
    root_can_read: bool = False  # chmod 000 does not stop root: the case only means something for other users
    must_not_output: tuple[str, ...] = ()  # text that must never appear in draftlint's output (leaks, expansions)
    note: str = ""

    def __post_init__(self) -> None:
        if self.expect not in ("error", "clean"):
            raise ValueError(f"expect must be 'error' or 'clean', not {self.expect!r}")


# --------------------------------------------------------------------------------------------------
# A valid minimal .docx
# --------------------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFDOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WML_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"

XML_DECL = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_W_OPEN = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'

# part name -> (relationship type suffix, content type suffix); parts of word/document.xml's rels.
_KNOWN_PARTS = {
    "word/styles.xml": ("styles", "styles+xml"),
    "word/numbering.xml": ("numbering", "numbering+xml"),
    "word/footnotes.xml": ("footnotes", "footnotes+xml"),
    "word/endnotes.xml": ("endnotes", "endnotes+xml"),
    "word/comments.xml": ("comments", "comments+xml"),
    "word/settings.xml": ("settings", "settings+xml"),
}


def _xml(s: str) -> bytes:
    return XML_DECL + s.encode("utf-8")


def _run(text: str, italic: bool = False, rpr: str = "") -> str:
    props = ("<w:i/>" if italic else "") + rpr
    rpr_xml = f"<w:rPr>{props}</w:rPr>" if props else ""
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<w:r>{rpr_xml}<w:t{space}>{text}</w:t></w:r>"


def _fnref(fid: int | str) -> str:
    return ('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{fid}"/></w:r>')


def _para(runs: str, ppr: str = "") -> str:
    return f"<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>" if ppr else f"<w:p>{runs}</w:p>"


_IND = '<w:ind w:firstLine="1267"/>'
_NUM_PR = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{}"/></w:numPr>'


def _opening() -> str:
    return _para(_run("The General Assembly,", italic=True), _IND)


def _pp(verb: str = "Recalling", rest: str = " its resolution 75/59 of 7 December 2020,", ppr: str = "",
        extra: str = "") -> str:
    return _para(_run(verb, italic=True) + _run(rest) + extra, ppr + _IND)


def _op(n: int, verb: str, rest: str, ppr: str = "", extra: str = "") -> str:
    # The number is typed ("1." then a tab), as drafters who do not use Word lists do.
    return _para(_run(f"{n}.") + "<w:r><w:tab/></w:r>" + _run(verb, italic=True) + _run(rest) + extra,
                 ppr + _IND)


def resolution_xml(paragraphs: list[str] | None = None, *, prolog: str = "", root_tag: str = "w:document",
                   filler: str = "") -> bytes:
    """A word/document.xml around the given w:p strings (default: the good resolution).

    ``prolog`` goes between the XML declaration and the root (a DOCTYPE); ``filler`` is inserted between
    the first and the second paragraph (whitespace for the compression-ratio bomb).
    """
    if paragraphs is None:
        paragraphs = _good_paragraphs()
    body = paragraphs[0] + filler + "".join(paragraphs[1:])
    sect = ('<w:sectPr><w:pgSz w:w="12240" w:h="15840"/>'
            '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720"'
            ' w:gutter="0"/></w:sectPr>')
    return XML_DECL + prolog.encode() + f"<{root_tag} {_W_OPEN}><w:body>{body}{sect}</w:body></{root_tag}>".encode()


def _good_paragraphs(pp_ppr: str = "", op_ppr: str = "", pp_extra: str = "", op1_extra: str = "") -> list[str]:
    return [
        _opening(),
        _pp(ppr=pp_ppr, extra=pp_extra),
        _op(1, "Takes note", " of the report;", op_ppr, op1_extra),
        _op(2, "Decides", " to remain seized of the matter.", op_ppr),
    ]


GOOD_BODY: bytes = resolution_xml()

GOOD_TEXT = ("The General Assembly,\n\n"
             "*Recalling* its resolution 75/59 of 7 December 2020,\n\n"
             "1. *Takes note* of the report;\n\n"
             "2. *Decides* to remain seized of the matter.\n")
GOOD_MD = GOOD_TEXT

STYLES_XML = _xml(
    f"<w:styles {_W_OPEN}>"
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
    '<w:sz w:val="20"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
    '<w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="17"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
    '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
    "</w:styles>")

_SEPARATORS = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
               '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
               '</w:r></w:p></w:footnote>')


def _footnote(fid: int, text: str) -> str:
    return (f'<w:footnote w:id="{fid}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f'{_fnref_self()}{_run(" " + text)}</w:p></w:footnote>')


def _fnref_self() -> str:
    return ('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/></w:rPr>'
            '<w:footnoteRef/></w:r>')


def _footnotes_xml(notes: list[tuple[int, str]], prolog: str = "") -> bytes:
    return XML_DECL + prolog.encode() + (
        f"<w:footnotes {_W_OPEN}>{_SEPARATORS}" + "".join(_footnote(i, t) for i, t in notes) + "</w:footnotes>"
    ).encode()


FOOTNOTES_XML = _footnotes_xml([(1, "A/75/123.")])

NUMBERING_XML = _xml(
    f"<w:numbering {_W_OPEN}>"
    '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
    '<w:lvlJc w:val="left"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/>'
    '<w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    "</w:numbering>")

COMMENTS_XML = _xml(
    f"<w:comments {_W_OPEN}>"
    '<w:comment w:id="0" w:author="Drafter" w:date="2021-01-01T00:00:00Z" w:initials="D">'
    '<w:p><w:r><w:t>Check the date.</w:t></w:r></w:p></w:comment></w:comments>')

_FIXED_TIME = (2021, 1, 1, 0, 0, 0)


def _content_types(part_names: list[str]) -> bytes:
    out = [f'<Types xmlns="{CT_NS}">',
           '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
           '<Default Extension="xml" ContentType="application/xml"/>',
           f'<Override PartName="/word/document.xml" ContentType="{WML_CT}.document.main+xml"/>']
    for name in part_names:
        if name in _KNOWN_PARTS:
            out.append(f'<Override PartName="/{name}" ContentType="{WML_CT}.{_KNOWN_PARTS[name][1]}"/>')
    out.append("</Types>")
    return _xml("".join(out))


def _package_rels(main: str = "word/document.xml") -> bytes:
    return _xml(f'<Relationships xmlns="{PKG_REL_NS}">'
                f'<Relationship Id="rId1" Type="{OFFDOC_REL}/officeDocument" Target="{main}"/>'
                "</Relationships>")


def _document_rels(part_names: list[str]) -> bytes:
    rels = []
    for i, name in enumerate((n for n in part_names if n in _KNOWN_PARTS), start=1):
        kind = _KNOWN_PARTS[name][0]
        rels.append(f'<Relationship Id="rId{i}" Type="{OFFDOC_REL}/{kind}" Target="{name[len("word/"):]}"/>')
    return _xml(f'<Relationships xmlns="{PKG_REL_NS}">' + "".join(rels) + "</Relationships>")


def _part_name(name: str) -> str:
    name = name.lstrip("/")
    return name if "/" in name else f"word/{name}"


def docx_parts(document_xml: bytes, extra_parts: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """The parts (name -> bytes) of a minimal .docx, in the order Word writes them."""
    extra = {_part_name(k): v for k, v in (extra_parts or {}).items()}
    names = list(extra)
    parts = {
        "[Content_Types].xml": _content_types(names),
        "_rels/.rels": _package_rels(),
        "word/document.xml": document_xml,
        "word/_rels/document.xml.rels": _document_rels(names),
    }
    for name, data in extra.items():
        parts[name] = data
    return parts


def minimal_docx(document_xml: bytes, extra_parts: dict[str, bytes] | None = None) -> bytes:
    """A valid minimal .docx holding ``document_xml``.

    ``extra_parts`` maps part names to bytes.  A bare name (``"styles.xml"``) means ``word/styles.xml``.
    styles, numbering, footnotes, endnotes, comments and settings parts get their relationship from
    word/document.xml and their content-type override; any other part is just stored in the zip.
    """
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in docx_parts(document_xml, extra_parts).items():
            info = zipfile.ZipInfo(name, _FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return buf.getvalue()


# --------------------------------------------------------------------------------------------------
# A raw zip writer (for members whose deflate data is built by hand, and for lying headers)
# --------------------------------------------------------------------------------------------------

@dataclass
class _RawMember:
    name: str
    data: bytes  # as stored in the file (already compressed when method == 8)
    crc: int
    usize: int  # the uncompressed size written in the headers (may lie)
    method: int = 8


def _raw_member(name: str, payload: bytes, method: int = 8) -> _RawMember:
    if method == 8:
        c = zlib.compressobj(6, zlib.DEFLATED, -15)
        data = c.compress(payload) + c.flush()
    else:
        data = payload
    return _RawMember(name, data, zlib.crc32(payload), len(payload), method)


def _write_raw_zip(members: list[_RawMember]) -> bytes:
    out = bytearray()
    central = bytearray()
    dos_time, dos_date = 0, (2021 - 1980) << 9 | 1 << 5 | 1
    for m in members:
        name = m.name.encode("utf-8")
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, m.method, dos_time, dos_date,
                           m.crc, len(m.data), m.usize, len(name), 0)
        out += name
        out += m.data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, m.method, dos_time, dos_date,
                               m.crc, len(m.data), m.usize, len(name), 0, 0, 0, 0, 0, offset)
        central += name
    cd_offset = len(out)
    out += central
    count = len(members)
    if count > 0xFFFF:
        raise ValueError("too many members for a zip without zip64")
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), cd_offset, 0)
    return bytes(out)


def _repeated_deflate(prefix: bytes, chunk: bytes, repeats: int, suffix: bytes) -> tuple[bytes, int, int]:
    """Raw deflate data, CRC-32 and size of prefix + chunk * repeats + suffix, without building it.

    Each segment is compressed by a fresh compressor and ended with a full flush, so it refers to
    nothing before it and the compressed chunk can simply be repeated.
    """
    def segment(data: bytes, final: bool) -> bytes:
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        return c.compress(data) + c.flush(zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH)

    block = segment(chunk, False)
    data = segment(prefix, False) + block * repeats + segment(suffix, True)
    crc = zlib.crc32(prefix)
    for _ in range(repeats):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(suffix, crc)
    return data, crc & 0xFFFFFFFF, len(prefix) + len(chunk) * repeats + len(suffix)


def _docx_members(document_xml: bytes, extra_parts: dict[str, bytes] | None = None,
                  skip: tuple[str, ...] = ()) -> list[_RawMember]:
    return [_raw_member(n, d) for n, d in docx_parts(document_xml, extra_parts).items() if n not in skip]


# --------------------------------------------------------------------------------------------------
# OLE compound files (legacy .doc, password-protected .docx)
# --------------------------------------------------------------------------------------------------

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FREESECT, _ENDOFCHAIN, _FATSECT, _NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def _dir_entry(name: str, kind: int, left: int, right: int, child: int, start: int, size: int) -> bytes:
    raw = name.encode("utf-16-le") + b"\0\0" if name else b""
    return struct.pack("<64sHBBIII16sIQQIQ", raw.ljust(64, b"\0"), len(raw), kind, 1 if name else 0,
                       left, right, child, b"\0" * 16, 0, 0, 0, start, size)


def ole_file(streams: list[tuple[str, bytes | None]]) -> bytes:
    """A compound file (version 3, 512-byte sectors) with the given streams in its root storage.

    A stream whose data is None is written as an empty storage (as Word's "\x06DataSpaces").

    Streams are padded to 4096 bytes so that they live in ordinary sectors (no mini stream); the layout
    (one FAT sector, one directory sector, then the streams) is valid enough for olefile-style readers.
    """
    kinds = [1 if d is None else 2 for _, d in streams]
    streams = [(n, b"" if d is None else d.ljust(4096, b"\0")) for n, d in streams]
    if len(streams) > 3:
        raise ValueError("one directory sector holds the root and three streams")
    fat = [_FATSECT, _ENDOFCHAIN]  # sector 0: FAT, sector 1: directory
    starts = []
    for _, data in streams:
        n = (len(data) + 511) // 512
        if not n:
            starts.append(0)
            continue
        first = len(fat)
        starts.append(first)
        fat.extend(range(first + 1, first + n))
        fat.append(_ENDOFCHAIN)
    if len(fat) > 128:
        raise ValueError("streams too large for one FAT sector")
    fat.extend([_FREESECT] * (128 - len(fat)))
    # Siblings form a chain ordered as CFB compares names (length first, then upper case).
    order = sorted(range(len(streams)), key=lambda i: (len(streams[i][0]), streams[i][0].upper()))
    entries = [None] * len(streams)
    for pos, i in enumerate(order):
        right = order[pos + 1] + 1 if pos + 1 < len(order) else _NOSTREAM
        entries[i] = _dir_entry(streams[i][0], kinds[i], _NOSTREAM, right, _NOSTREAM, starts[i],
                                len(streams[i][1]))
    root = _dir_entry("Root Entry", 5, _NOSTREAM, _NOSTREAM, order[0] + 1 if order else _NOSTREAM,
                      _ENDOFCHAIN, 0)
    directory = (root + b"".join(entries)).ljust(512, b"\0")
    header = struct.pack("<8s16sHHHHH6sIIIIIIIII", OLE_MAGIC, b"\0" * 16, 0x3E, 3, 0xFFFE, 9, 6, b"\0" * 6,
                         0, 1, 1, 0, 4096, _ENDOFCHAIN, 0, _ENDOFCHAIN, 0)
    header += struct.pack("<I", 0) + struct.pack("<108I", *([_FREESECT] * 108))  # DIFAT: FAT at sector 0
    assert len(header) == 512
    body = struct.pack("<128I", *fat) + directory + b"".join(d.ljust((len(d) + 511) // 512 * 512, b"\0")
                                                             for _, d in streams)
    return header + body


def _word_document_stream() -> bytes:
    # FIB: wIdent 0xA5EC, nFib 0x00C1 (Word 97), then the text of the document further on.
    fib = struct.pack("<HHHHH", 0xA5EC, 0x00C1, 0, 0x0409, 0) + b"\0" * 27
    text = GOOD_TEXT.replace("*", "").encode("cp1252")
    return fib.ljust(0x800, b"\0") + text


def _encryption_info() -> bytes:
    # Agile encryption (version 4.4, reserved 0x40) followed by the XML descriptor Word writes.
    xml = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
           b'<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">'
           b'<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" '
           b'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>'
           b"</encryption>")
    return struct.pack("<HHI", 4, 4, 0x40) + xml


def _encrypted_package() -> bytes:
    rnd = random.Random(7)
    payload = rnd.randbytes(8192)
    return struct.pack("<Q", 6000) + payload


# --------------------------------------------------------------------------------------------------
# XML attacks
# --------------------------------------------------------------------------------------------------

def _billion_laughs(root: str) -> tuple[str, str]:
    ents = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)]
    return f"<!DOCTYPE {root} [\n  " + "\n  ".join(ents) + "\n]>\n", "&lol9;"


def _xxe(root: str, url: str) -> tuple[str, str]:
    return f'<!DOCTYPE {root} [\n  <!ENTITY xxe SYSTEM "{url}">\n]>\n', "&xxe;"


def _plain_doctype(root: str) -> tuple[str, str]:
    return f"<!DOCTYPE {root}>\n", "the"


_ATTACKS = {
    "billion_laughs": (_billion_laughs, ("lollollol",)),
    "xxe_file": (lambda root: _xxe(root, "file:///etc/passwd"), ("root:x:0:0", "/bin/")),
    "xxe_http": (lambda root: _xxe(root, "http://127.0.0.1:9/x"), ()),
    "doctype": (_plain_doctype, ()),
}


def _attacked_part(part: str, attack: str) -> tuple[bytes, dict[str, bytes]]:
    """(document.xml, extra parts) with the attack placed in ``part`` and the part actually used."""
    make, _ = _ATTACKS[attack]
    if part == "document":
        prolog, ref = make("w:document")
        paras = _good_paragraphs()
        paras.insert(1, _pp("Noting", f" {ref},"))
        return resolution_xml(paras, prolog=prolog), {"styles.xml": STYLES_XML}
    if part == "footnotes":
        prolog, ref = make("w:footnotes")
        doc = resolution_xml(_good_paragraphs(op1_extra=_fnref(1)))
        return doc, {"styles.xml": STYLES_XML, "footnotes.xml": _footnotes_xml([(1, f"A/75/123 {ref}.")], prolog)}
    if part == "numbering":
        prolog, ref = make("w:numbering")
        # An external entity may not be referenced from an attribute, so it goes in element content.
        new = f'<w:lvlText w:val="%1.">{ref}</w:lvlText>' if "xxe" in ref else f'<w:lvlText w:val="%1.{ref}"/>'
        numbering = NUMBERING_XML.replace(XML_DECL, XML_DECL + prolog.encode(), 1).replace(
            b'<w:lvlText w:val="%1."/>', new.encode(), 1)
        doc = resolution_xml(_good_paragraphs(op_ppr=_NUM_PR.format(1)))
        return doc, {"styles.xml": STYLES_XML, "numbering.xml": numbering}
    if part == "styles":
        prolog, ref = make("w:styles")
        new = (f'<w:name w:val="footnote text">{ref}</w:name>' if "xxe" in ref
               else f'<w:name w:val="footnote text {ref}"/>')
        styles = STYLES_XML.replace(XML_DECL, XML_DECL + prolog.encode(), 1).replace(
            b'<w:name w:val="footnote text"/>', new.encode(), 1)
        return GOOD_BODY, {"styles.xml": styles}
    raise ValueError(part)


# --------------------------------------------------------------------------------------------------
# Loops and dangling references (must read cleanly)
# --------------------------------------------------------------------------------------------------

def _styles_with(extra: str) -> bytes:
    return STYLES_XML.replace(b"</w:styles>", extra.encode() + b"</w:styles>")


_BASED_ON_CYCLE = _styles_with(
    '<w:style w:type="paragraph" w:styleId="StyleA"><w:name w:val="Style A"/><w:basedOn w:val="StyleB"/>'
    '<w:pPr><w:ind w:firstLine="1267"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="StyleB"><w:name w:val="Style B"/><w:basedOn w:val="StyleA"/></w:style>'
    '<w:style w:type="character" w:styleId="CharA"><w:name w:val="Char A"/><w:basedOn w:val="CharB"/></w:style>'
    '<w:style w:type="character" w:styleId="CharB"><w:name w:val="Char B"/><w:basedOn w:val="CharA"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="SelfBased"><w:name w:val="Self"/><w:basedOn w:val="SelfBased"/>'
    "</w:style>")


def _based_on_cycle_doc() -> bytes:
    paras = _good_paragraphs(pp_ppr='<w:pStyle w:val="StyleA"/>')
    # Also a run with the cyclic character style and a paragraph with a self-based style.
    paras[2] = paras[2].replace("<w:rPr><w:i/>", '<w:rPr><w:rStyle w:val="CharA"/><w:i/>', 1)
    paras[3] = paras[3].replace("<w:pPr>", '<w:pPr><w:pStyle w:val="SelfBased"/>', 1)
    return resolution_xml(paras)


_NUMBERING_NO_NUM = NUMBERING_XML  # holds only numId 1; the paragraphs ask for numId 42

# abstractNum 0 has only a numStyleLink to the numbering style "UNList"; that style's numPr points at
# numId 1, which is abstractNum 0 again. abstractNum 1 links to a style that does not exist.
_NUMBERING_LINK_LOOP = _xml(
    f"<w:numbering {_W_OPEN}>"
    '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
    '<w:numStyleLink w:val="UNList"/></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>'
    '<w:styleLink w:val="UNList"/><w:numStyleLink w:val="UNList"/></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="NoSuchStyle"/></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
    "</w:numbering>")
_STYLES_LINK_LOOP = _styles_with(
    '<w:style w:type="numbering" w:styleId="UNList"><w:name w:val="UN List"/>'
    '<w:basedOn w:val="UNList2"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="numbering" w:styleId="UNList2"><w:name w:val="UN List 2"/>'
    '<w:basedOn w:val="UNList"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>')


# --------------------------------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------------------------------

def _write(path: Path, data: bytes) -> Path:
    if path.exists() and not os.access(path, os.W_OK):
        path.chmod(0o644)
    path.write_bytes(data)
    return path


def _big_draft(n_paragraphs: int) -> bytes:
    n_ops = n_paragraphs // 2
    n_pps = n_paragraphs - 1 - n_ops
    verbs = ["Recalling", "Reaffirming", "Noting", "Welcoming", "Bearing in mind"]
    paras = [_opening()]
    paras += [_pp(verbs[i % 5], f" its resolution {i % 70 + 1}/{i % 300 + 1} of 7 December 2020,")
              for i in range(n_pps)]
    paras += [_op(i, "Requests", f" the Secretary-General to report on item {i};") for i in range(1, n_ops)]
    paras.append(_op(n_ops, "Decides", " to remain seized of the matter."))
    return resolution_xml(paras)


def _many_footnotes(n: int) -> tuple[bytes, bytes]:
    paras = [_opening(), _pp()]
    paras += [_op(i, "Takes note", f" of the report of the Secretary-General on item {i};", extra=_fnref(i))
              for i in range(1, n)]
    paras.append(_op(n, "Decides", " to remain seized of the matter.", extra=_fnref(n)))
    notes = [(i, f"A/{75 + i % 3}/{100 + i}.") for i in range(1, n + 1)]
    return resolution_xml(paras), _footnotes_xml(notes)


def make_corpus(dirpath: Path) -> list[Case]:
    """Write every bad (and borderline-good) input into ``dirpath``; return the cases."""
    d = Path(dirpath)
    d.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def add(name: str, data: bytes | None, expect: str, problem: str, **kw) -> None:
        path = d / name
        if data is not None:
            _write(path, data)
        cases.append(Case(name, path, expect, problem, **kw))

    good = minimal_docx(GOOD_BODY, {"styles.xml": STYLES_XML})

    # --- controls: these must read cleanly -----------------------------------------------------------
    add("good_minimal.docx", good, "clean", "control: a valid minimal resolution")
    add("good_all_parts.docx",
        minimal_docx(resolution_xml(_good_paragraphs(op1_extra=_fnref(1))),
                     {"styles.xml": STYLES_XML, "numbering.xml": NUMBERING_XML, "footnotes.xml": FOOTNOTES_XML,
                      "comments.xml": COMMENTS_XML}),
        "clean", "control: styles, numbering, footnotes and comments parts")
    add("good.txt", GOOD_TEXT.encode(), "clean", "control: a plain-text resolution")
    add("good.md", GOOD_MD.encode(), "clean", "control: a Markdown resolution")

    # --- empty and junk -------------------------------------------------------------------------------
    add("empty.docx", b"", "error", "empty file")
    add("empty.md", b"", "error", "empty file")
    add("whitespace_only.txt", b" \n\n\t\n", "error", "no resolution in the file",
        note="readable text that holds no resolution (NotAResolution)")
    rnd = random.Random(20210101)
    add("random_junk.docx", b"\x89\x13\x37" + rnd.randbytes(8189), "error", "not a Word document")
    add("binary_junk.md", b"\x7fELF\x02\x01\x01\x00" + bytes(rnd.randrange(256) for _ in range(1016)) + b"\0" * 64,
        "error", "not a text file (binary)")

    # --- not a zip / damaged zip ------------------------------------------------------------------------
    add("not_a_zip.docx", GOOD_TEXT.encode(), "error", "not a Word document (plain text renamed .docx)")
    add("rtf_renamed.docx", rb"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}}\f0 The General Assembly,\par }",
        "error", "RTF file, not a .docx")
    add("truncated_zip.docx", good[: len(good) // 2], "error", "damaged (truncated) .docx")
    add("corrupt_member.docx", _corrupt_member(), "error", "damaged .docx (word/document.xml cannot be unpacked)")
    add("no_document_xml.docx", _write_raw_zip(_docx_members(GOOD_BODY, skip=("word/document.xml",))),
        "error", "no word/document.xml (not a Word document)")
    add("document_not_xml.docx", minimal_docx(b"The General Assembly,\n\nRecalling its resolution 75/59 <<&&"),
        "error", "damaged .docx (word/document.xml is not XML)")
    add("document_wrong_root.docx",
        minimal_docx(_xml("<html><body><p>The General Assembly,</p><p>1. Decides to remain seized.</p>"
                          "</body></html>")),
        "error", "not a Word document body (wrong root element)")
    add("opendocument_renamed.docx",
        _write_raw_zip([_raw_member("mimetype", b"application/vnd.oasis.opendocument.text", method=0),
                        _raw_member("content.xml", _xml('<office:document-content xmlns:office='
                                                        '"urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>')),
                        _raw_member("META-INF/manifest.xml", _xml("<manifest/>"))]),
        "error", "OpenDocument (.odt) file, not a .docx")

    # --- legacy and encrypted (OLE compound files) ------------------------------------------------------
    legacy = ole_file([("WordDocument", _word_document_stream()), ("1Table", b"\0" * 4096),
                       ("\x05SummaryInformation", b"\xfe\xff" + b"\0" * 46)])
    add("legacy_word97.doc", legacy, "error", "legacy .doc (Word 97-2003); save as .docx")
    add("legacy_word97_renamed.docx", legacy, "error", "legacy .doc (Word 97-2003); save as .docx")
    encrypted = ole_file([("EncryptionInfo", _encryption_info()), ("EncryptedPackage", _encrypted_package()),
                          ("\x06DataSpaces", None)])
    add("password_protected.docx", encrypted, "error", "password-protected",
        note="an OLE compound file with EncryptionInfo and EncryptedPackage streams, as Word saves it")

    # --- zip bombs ------------------------------------------------------------------------------------
    data, crc, size = _repeated_deflate(b"", b"\0" * (1 << 20), 300, b"")
    add("zip_bomb_300mb_member.docx",
        _write_raw_zip(_docx_members(GOOD_BODY, skip=("word/document.xml",))[:2]
                       + [_RawMember("word/document.xml", data, crc, size)]
                       + _docx_members(GOOD_BODY, skip=("word/document.xml",))[2:]),
        "error", "too large when unpacked (zip bomb)",
        note="word/document.xml is 300 MB of zeros (really, not only in its header) in ~300 KB")
    lying = _raw_member("word/media/image1.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 1024)
    lying.usize = 0xFFFFFFF0
    add("zip_bomb_header_claims_4gb.docx", _write_raw_zip(_docx_members(GOOD_BODY) + [lying]),
        "error", "too large when unpacked (zip bomb)",
        note="a member whose headers claim ~4 GB uncompressed (its real data is 1 KB)")
    head = GOOD_BODY[: GOOD_BODY.index(b"<w:body>") + len(b"<w:body>")]
    tail = GOOD_BODY[len(head):]
    data, crc, size = _repeated_deflate(head, b" " * (1 << 20), 20, tail)
    add("zip_bomb_extreme_ratio.docx",
        _write_raw_zip([m if m.name != "word/document.xml" else _RawMember(m.name, data, crc, size)
                        for m in _docx_members(GOOD_BODY)]),
        "error", "too large when unpacked (compression ratio ~1000:1)",
        note="word/document.xml is the good resolution with 20 MB of spaces after <w:body>: well-formed, "
             "but libxml2 without huge_tree refuses the 20 MB text node, so a reader without a ratio "
             "check fails fast instead of exhausting memory")
    many = _docx_members(GOOD_BODY, {"styles.xml": STYLES_XML})
    filler = _raw_member("customXml/item.xml", b"<a/>", method=0)
    many += [_RawMember(f"customXml/item{i}.xml", filler.data, filler.crc, filler.usize, 0) for i in range(20000)]
    add("zip_bomb_20000_entries.docx", _write_raw_zip(many), "error", "too many parts in the .docx (zip bomb)")

    # --- XML attacks ----------------------------------------------------------------------------------
    for part in ("document", "footnotes", "numbering", "styles"):
        for attack, (_, forbidden) in _ATTACKS.items():
            doc, extra = _attacked_part(part, attack)
            add(f"{attack}_in_{part}_xml.docx", minimal_docx(doc, extra), "error", "DOCTYPE / entity declarations",
                must_not_output=forbidden,
                note=f"word/{part}.xml carries {attack.replace('_', ' ')}; no entity may be expanded or fetched")

    # --- loops and dangling references: read cleanly, never hang --------------------------------------
    add("styles_basedon_cycle.docx", minimal_docx(_based_on_cycle_doc(), {"styles.xml": _BASED_ON_CYCLE}),
        "clean", "styles basedOn cycle (A -> B -> A, self-based) must not hang")
    add("numbering_missing_num.docx",
        minimal_docx(resolution_xml(_good_paragraphs(op_ppr=_NUM_PR.format(42))),
                     {"styles.xml": STYLES_XML, "numbering.xml": _NUMBERING_NO_NUM}),
        "clean", "numId points to no w:num (typed numbers remain)")
    add("numbering_without_part.docx",
        minimal_docx(resolution_xml(_good_paragraphs(op_ppr=_NUM_PR.format(1))), {"styles.xml": STYLES_XML}),
        "clean", "numPr but no numbering part at all")
    paras = _good_paragraphs(pp_ppr=_NUM_PR.format(3), op_ppr=_NUM_PR.format(1))
    paras[3] = paras[3].replace(_NUM_PR.format(1), _NUM_PR.format(2))
    add("numbering_stylelink_loop.docx",
        minimal_docx(resolution_xml(paras), {"styles.xml": _STYLES_LINK_LOOP, "numbering.xml": _NUMBERING_LINK_LOOP}),
        "clean", "numStyleLink to a numbering style that links back must not hang")
    add("footnote_reference_missing.docx",
        minimal_docx(resolution_xml(_good_paragraphs(op1_extra=_fnref(5))),
                     {"styles.xml": STYLES_XML, "footnotes.xml": FOOTNOTES_XML}),
        "clean", "footnote reference to a missing footnote (a finding, not an input error)")
    add("footnote_reference_no_part.docx",
        minimal_docx(resolution_xml(_good_paragraphs(op1_extra=_fnref(1))), {"styles.xml": STYLES_XML}),
        "clean", "footnote reference but no footnotes part (a finding, not an input error)")

    # --- big but legal --------------------------------------------------------------------------------
    add("big_10000_paragraphs.docx", minimal_docx(_big_draft(10_000), {"styles.xml": STYLES_XML}),
        "clean", "10,000 paragraphs (must be read, and quickly)")
    doc, notes = _many_footnotes(1000)
    add("big_1000_footnotes.docx", minimal_docx(doc, {"styles.xml": STYLES_XML, "footnotes.xml": notes}),
        "clean", "1,000 footnotes (must be read, and quickly)")

    # --- text encodings -------------------------------------------------------------------------------
    add("utf16_bom.txt", GOOD_TEXT.encode("utf-16"), "clean", "UTF-16 with BOM (read it)",
        note="Word's File > Save As > Plain Text with the 'Unicode' encoding, and Notepad's 'Unicode', write "
             "UTF-16LE with a BOM; the BOM makes it unambiguous, so reading it serves drafters better "
             "than refusing it")
    add("utf16le_no_bom.txt", GOOD_TEXT.encode("utf-16-le"), "error", "not UTF-8 (UTF-16 without a BOM)",
        note="ASCII text in UTF-16 without a BOM is technically valid UTF-8 full of NUL bytes; a reader "
             "must refuse text with NULs rather than read 'T\\0h\\0e\\0'")
    latin1 = GOOD_TEXT.replace("of the report;", "of the report on Côte d'Ivoire and São Tomé and Príncipe;")
    add("latin1.txt", latin1.encode("latin-1"), "error", "not UTF-8")
    cp1252 = GOOD_TEXT.replace("of the report;", "of the report on “Côte d’Ivoire” – follow-up;")
    add("windows1252.md", cp1252.encode("cp1252"), "error", "not UTF-8",
        note="what Windows editors save as 'ANSI': curly quotes and dashes in cp1252")
    add("utf8_bom.txt", b"\xef\xbb\xbf" + GOOD_TEXT.encode(), "clean", "UTF-8 with BOM (read it)")

    # --- paths ----------------------------------------------------------------------------------------
    folder = d / "draft.docx"
    if folder.exists() and not folder.is_dir():
        folder.unlink()
    folder.mkdir(exist_ok=True)
    add("draft.docx", None, "error", "is a folder, not a file")
    missing = d / "does_not_exist.docx"
    if missing.exists():
        missing.unlink()
    add("does_not_exist.docx", None, "error", "no such file")
    unreadable = d / "unreadable.docx"
    _write(unreadable, good)
    unreadable.chmod(0)
    running_as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    add("unreadable.docx", None, "error", "cannot be read (permission denied)", root_can_read=True,
        skip_reason="running as root: chmod 000 does not stop root from reading" if running_as_root else None)

    return cases


def _corrupt_member() -> bytes:
    """A good .docx whose word/document.xml deflate data has bytes flipped (CRC or zlib error)."""
    paras = _good_paragraphs() + [_pp("Noting", f" the report on item {i},") for i in range(40)]
    data = bytearray(minimal_docx(resolution_xml(paras), {"styles.xml": STYLES_XML}))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("word/document.xml")
    off = info.header_offset
    name_len, extra_len = struct.unpack_from("<HH", data, off + 26)
    start = off + 30 + name_len + extra_len
    mid = start + info.compress_size // 2
    for i in range(mid, mid + 16):
        data[i] ^= 0xFF
    return bytes(data)
