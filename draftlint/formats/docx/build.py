"""Writes a real .docx from a mini-draft in the text format (docs/text-drafts.md), read by the same grammar
as the text reader (formats/text/inline.py).

Used by the tests, the examples script and the benchmark to make Word files the way Word structures them:
operative numbers typed or automatic (numbering.xml), footnotes as Word footnotes or typed superscripts,
italics set directly or through a character style, tracked changes ({++…++}, {--…--}) and comments ({>>…<<}).
"""
from __future__ import annotations

import functools
import io
import os
import re
import zipfile
from xml.sax.saxutils import escape

from draftlint.files import atomic_write
from draftlint.model.labels import roman
from draftlint.model.patterns import AGENDA_LINE, HEADING_ADOPTED, HEADING_ADOPTED_HOW
from draftlint.formats.text import inline as text_inline
from draftlint.formats.text.markup import accept_changes

SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
OP_NUMBER = re.compile(r"^(\d{1,3})\.\s+")
# The words that open a resolution's body ("The General Assembly,"): the lines above it are its heading.
OPENING = re.compile(r"^\*?The [A-Z][A-Za-z ]{2,60},\*?$")
# The title of a draft follows its sponsors' line; an adopted General Assembly title starts "77/64. ".
SPONSORS = re.compile(r":\*?\s+(?:revised\s+)?draft\s+(?:resolution|decision)\s*$", re.I)
ADOPTED_TITLE = re.compile(r"^(?:\d+|\[\.\.\])/?\d*\.\s+\S")
SUB_NUMBER = re.compile(r"^\(([a-z]{1,4})\)\s+")


def _now() -> str:
    """The date of a revision or comment written now, as Word writes it (UTC, to the second)."""
    import datetime

    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class _Writer:
    def __init__(self, numbering: str, footnotes: str, italics: str):
        self.numbering, self.footnotes_mode, self.italics = numbering, footnotes, italics
        self.footnotes: dict[str, str] = {}  # typed number -> footnote id
        self.comments: list[str] = []
        self.change_id = 100
        self.sub_levels: list[str] = []  # state of the letter level, then the roman labels used under it

    def run(self, text: str, italic=False, superscript=False, deleted=False, bold=False, highlight=False) -> str:
        props = ["<w:b/>"] if bold else []
        if italic:
            props.append('<w:rStyle w:val="LeadPhrase"/>' if self.italics == "style" else "<w:i/>")
        if highlight:
            props.append('<w:highlight w:val="yellow"/>')
        if superscript:
            props.append('<w:vertAlign w:val="superscript"/>')
        rpr = f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""
        parts = re.split(r"(\t)", text)
        tag = "w:delText" if deleted else "w:t"
        body = "".join("<w:tab/>" if p == "\t" else f'<{tag} xml:space="preserve">{escape(p)}</{tag}>' for p in parts if p)
        return f"<w:r>{rpr}{body}</w:r>"

    def inline(self, text: str, notes: dict[str, str]) -> tuple[str, list[str]]:
        """The runs of one paragraph from the pieces of the text format (formats/text/inline.py), and its comments."""
        levels: list[list[str]] = [[]]  # the runs of the paragraph, then of each insertion open in it
        comments: list[str] = []
        buf: list[str] = []
        italic = bold = False

        def flush():
            if buf:
                levels[-1].append(self.run("".join(buf), italic=italic, bold=bold))
                buf.clear()

        for kind, value in text_inline.pieces(text, changes=True):
            if kind == text_inline.TEXT:
                buf.append(value)
                continue
            if kind == text_inline.STARS:  # a star that opens and closes nothing stays as typed
                buf.append("*" * value[0])
                continue
            flush()
            out = levels[-1]
            if kind == text_inline.ITALIC:
                italic = value
            elif kind == text_inline.BOLD:
                bold = value
            elif kind == text_inline.PLACEHOLDER:
                # A placeholder the drafter must fill in, in the italics or bold around it.
                out.append(self.run(value, italic=italic, bold=bold, highlight=True))
            elif kind == text_inline.INSERTED and value:
                self.change_id += 1
                out.append(f'<w:ins w:id="{self.change_id}" w:author="draftlint" w:date="{_now()}">')
                levels.append([])
            elif kind == text_inline.INSERTED:
                inner = levels.pop()
                levels[-1].append("".join(inner) + "</w:ins>")
            elif kind == text_inline.DELETED:
                self.change_id += 1
                out.append(f'<w:del w:id="{self.change_id}" w:author="draftlint" w:date="{_now()}">'
                           f'{self.run(value, deleted=True)}</w:del>')
            elif kind == text_inline.COMMENT:
                comments.append(value)
            elif self.footnotes_mode == "word" and value in notes:  # text_inline.SUP
                fid = self.footnotes.setdefault(value, str(len(self.footnotes) + 2))
                out.append('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                           f'<w:footnoteReference w:id="{fid}"/></w:r>')
            else:
                out.append(self.run(value, superscript=True))
        flush()
        return "".join(levels[0]), comments

    def paragraph(self, text: str, notes: dict[str, str], style: str = "SingleTxt") -> str:
        numpr = ""
        # Only body paragraphs are numbered: a heading line such as "(a) ..." stays as typed.
        m = OP_NUMBER.match(text) if style == "SingleTxt" else None
        s = SUB_NUMBER.match(text) if style == "SingleTxt" else None
        if self.numbering == "auto" and m:
            text = text[m.end():]
            numpr = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
            self.sub_levels = []
        elif self.numbering == "auto" and s:
            token = s.group(1)
            text = text[s.end():]
            level = self._sub_level(token, text)
            numpr = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>'
        elif m or s:
            mark = (m or s)
            text = mark.group(0).rstrip() + "\t" + text[mark.end():]
        body, comments = self.inline(text, notes)
        if comments:
            start = len(self.comments)
            marks_open = "".join(f'<w:commentRangeStart w:id="{start + k}"/>' for k in range(len(comments)))
            marks_close = "".join(f'<w:commentRangeEnd w:id="{start + k}"/><w:r><w:commentReference w:id="{start + k}"/></w:r>'
                                  for k in range(len(comments)))
            body = marks_open + body + marks_close
            self.comments.extend(comments)
        return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{numpr}</w:pPr>{body}</w:p>'

    def _sub_level(self, token: str, text: str) -> int:
        """1 for (a), (b) …; 2 for (i), (ii) … under a letter sub-paragraph that ends with a colon."""
        state = self.sub_levels
        if token == roman(len(state[1:]) + 1) and (len(state) > 1 or (state and state[0] == "open")):
            state.append(token)
            level = 2
        else:
            state[:] = ["open" if _lead_in(text) else "closed"]
            level = 1
        return level


def _lead_in(text: str) -> bool:
    """Whether a paragraph introduces sub-paragraphs: it ends with a colon, before any footnote mark or comment."""
    text = accept_changes(text).rstrip().rstrip(SUP).rstrip()
    return text.endswith(":")


def _styles(texts: list[str]) -> list[str]:
    """The paragraph style of each paragraph: the heading block above the opening words in DocHeading, the
    draft's title in DocTitle, the rest in SingleTxt (the UN's name for body text). A text without an opening
    (a fragment for a test) is all body."""
    opening = next((k for k, t in enumerate(texts) if OPENING.match(t)), None)
    styles = ["SingleTxt"] * len(texts)
    if opening is not None and opening > 0:
        styles[opening] = "Opening"  # room between the heading block and the body, whatever the heading's last line
    for k in range(opening or 0):
        styles[k] = "DocHeading"
        if (k and SPONSORS.search(texts[k - 1])) or ADOPTED_TITLE.match(texts[k]):
            styles[k] = "DocTitle"
    return styles


# The heading block of a UN document, as the Official Documents System prints it: "United Nations" and the
# symbol on the top row over a rule; the organ's name beside the distribution, date and original language, over a
# second rule; then the session, committee and agenda item, the sponsors' line or the adoption lines, the title.
ORGANS = {"General Assembly", "Security Council", "Economic and Social Council", "Human Rights Council",
          "Trusteeship Council"}
MASTHEAD = re.compile(r"^United Nations(?: (?P<symbol>[A-Z]+/\S.*))?$")
SYMBOL_LINE = re.compile(r"^[A-Z]+/\S+")
DISTRIBUTION = re.compile(r"^(?:Distr\.:.*|Original:.*|\[date\]|\d{1,2} [A-Z][a-z]+ \d{4})$")
COLUMN = 6190  # where the symbol and the distribution lines start: room for "Distr.: General 14 December 2020"
# "United Nations" in Times New Roman 10 pt is 60.8 pt wide (1217 twentieths), its space 50: the space after it,
# widened by this much, starts the symbol at COLUMN, whatever the symbol.
MASTHEAD_GAP = COLUMN - 1217 - 50
SYMBOL_SIZE = 34  # half-points: the symbol 17 pt, the organ 20 pt bold, the adoption line 13 pt bold
RULE = '<w:pBdr><w:bottom w:val="single" w:sz="{}" w:space="{}" w:color="auto"/></w:pBdr>'
# The organ's name is a frame at the left margin, beside the first distribution line and raised to end above the
# rule (20 pt against 12 pt lines); the distribution lines start at COLUMN on full-width paragraphs, whose common
# bottom border, 6 pt under them, is the second rule. The frame's wrap "none" lets the lines pass beside it
# (LibreOffice reads it as run-through, which is how it matches Word); wrapped "around", the lines' first-line
# indent counts from the frame's edge and they move below it. Frames, not a table: each heading line stays a body
# paragraph, as a stacked heading has them (a redline or python-docx counts the same paragraphs).
ORGAN_FRAME = (f'<w:framePr w:w="{COLUMN - 400}" w:hSpace="0" w:wrap="none" w:vAnchor="text" w:hAnchor="margin" '
               'w:x="0" w:y="-230"/>')
NAME_FRAME = (f'<w:framePr w:w="{COLUMN - 400}" w:hSpace="0" w:wrap="none" w:vAnchor="text" w:hAnchor="margin" '
              'w:x="0" w:y="130"/>')
# Each look of a heading line: direct paragraph properties (in schema order), bold, size. The lines keep the
# DocHeading style, which a drafter and the scaffold know them by; the look is direct formatting on top.
LOOKS = {
    "masthead": ("<w:keepNext/>" + RULE.format(4, 1) + '<w:spacing w:after="300" w:line="240" w:lineRule="auto"/>',
                 False, None),
    "name": ("<w:keepNext/>" + NAME_FRAME, False, None),
    "symbol": ("<w:keepNext/>" + RULE.format(4, 1) + '<w:spacing w:after="300" w:line="240" w:lineRule="auto"/>'
               '<w:jc w:val="right"/>', False, SYMBOL_SIZE),
    "organ": ("<w:keepNext/>" + ORGAN_FRAME + '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>', True, 40),
    "distribution": ("<w:keepNext/>" + RULE.format(12, 6) + f'<w:spacing w:after="0"/><w:ind w:left="0" w:firstLine="{COLUMN}"/>',
                     False, None),
    "under-rule": ('<w:spacing w:before="200"/>', False, None),
    "item-title": ('<w:ind w:right="3402"/>', True, None),
    "sponsors": ('<w:spacing w:before="360" w:after="0"/><w:ind w:left="1267" w:right="1267"/>', False, None),
    "adopted": ('<w:spacing w:before="360" w:after="0" w:line="270" w:lineRule="exact"/>'
                '<w:ind w:left="1267" w:right="1267"/>', True, 26),
    "adopted-note": ('<w:spacing w:before="120"/><w:ind w:left="1267" w:right="1267"/>', False, None),
    "draft-title": ('<w:ind w:left="1267" w:right="1267" w:hanging="0"/>', False, None),
}
RPR_ORDER = {"rStyle": 0, "b": 1, "i": 2, "spacing": 3, "sz": 4, "szCs": 5, "highlight": 6, "vertAlign": 7}


class _Heading:
    """How each heading line looks: the top row ("United Nations" and the symbol, as one line or two), the organ
    beside the distribution lines, the lines under the rules. Every line stays one body paragraph with its own
    text, in its place, so the reader reads the same lines in the same order as from a stacked heading."""

    def __init__(self, texts: list[str], styles: list[str]):
        end = next((k for k, s in enumerate(styles) if s != "DocHeading"), len(styles))
        self.looks: dict[int, str] = {}
        m = MASTHEAD.match(texts[0]) if end else None
        self.symbol = m.group("symbol") if m else None
        k = 0
        if self.symbol:
            self.looks[0], k = "masthead", 1
        elif m and end > 1 and SYMBOL_LINE.match(texts[1]):
            self.looks.update({0: "name", 1: "symbol"})
            k = 2
        if k:
            organ = k < end and texts[k] in ORGANS
            n = 0
            while k + organ + n < end and DISTRIBUTION.match(texts[k + organ + n]):
                n += 1
            if organ and n:  # the frame needs a line to stand beside
                self.looks[k], k = "organ", k + 1
            for _ in range(n):
                self.looks[k], k = "distribution", k + 1
        rows_end = k
        for k in range(rows_end, end):
            t = texts[k]
            if SPONSORS.search(t):
                self.looks[k] = "sponsors"
                if k + 1 < len(styles) and styles[k + 1] == "DocTitle":
                    self.looks[k + 1] = "draft-title"
            elif HEADING_ADOPTED.match(t):
                self.looks[k] = "adopted"
            elif HEADING_ADOPTED_HOW.match(t):
                self.looks[k] = "adopted-note"
            elif k and AGENDA_LINE.match(texts[k - 1]):
                self.looks[k] = "item-title"  # the agenda item's title, in bold under its number
            elif k == rows_end and rows_end:
                self.looks[k] = "under-rule"

    def paragraph(self, wr, texts: list[str], k: int, notes: dict, style: str) -> str:
        look = self.looks.get(k)
        if look == "masthead":
            # "United Nations", a space widened to reach COLUMN, the symbol: the line reads as typed.
            p = _look(wr.paragraph(self.symbol, notes, style), LOOKS[look][0], False, SYMBOL_SIZE)
            lead = ('<w:r><w:t xml:space="preserve">United Nations</w:t></w:r>'
                    f'<w:r><w:rPr><w:spacing w:val="{MASTHEAD_GAP}"/></w:rPr><w:t xml:space="preserve"> </w:t></w:r>')
            return p.replace("</w:pPr>", "</w:pPr>" + lead, 1)
        p = wr.paragraph(texts[k], notes, style)
        return _look(p, *LOOKS[look]) if look else p


def _look(p: str, ppr: str, bold: bool, size: int | None) -> str:
    """A paragraph written by _Writer.paragraph with direct paragraph properties and every run bold or sized."""
    p = re.sub(r'(<w:pStyle w:val="[^"]*"/>)', lambda m: m.group(1) + ppr, p, count=1)
    extra = (["<w:b/>"] if bold else []) + ([f'<w:sz w:val="{size}"/>', f'<w:szCs w:val="{size}"/>'] if size else [])
    if not extra:
        return p

    def run(m):
        props = re.findall(r"<w:\w+[^>]*/>", m.group(1) or "")
        have = {re.match(r"<w:(\w+)", x).group(1) for x in props}
        props += [x for x in extra if re.match(r"<w:(\w+)", x).group(1) not in have]
        props.sort(key=lambda x: RPR_ORDER.get(re.match(r"<w:(\w+)", x).group(1), 9))
        return f"<w:r><w:rPr>{''.join(props)}</w:rPr>"

    return re.sub(r"<w:r>(?:<w:rPr>(.*?)</w:rPr>)?", run, p)


def build_docx(draft: str, path: str, *, numbering: str = "typed", footnotes: str = "word",
               italics: str = "direct", overwrite: bool = True) -> str:
    """Write `draft` (text format) to `path` as .docx. numbering typed|auto, footnotes word|typed, italics direct|style."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", draft.strip()) if b.strip()]
    notes = {}
    body_blocks = []
    for block in blocks:
        m = re.match(rf"^([{SUP}]+)\s+(.*)$", block, re.S)
        if m and footnotes == "word":
            notes[m.group(1).translate(str.maketrans(SUP, "0123456789"))] = m.group(2)
        else:
            body_blocks.append(block)
    wr = _Writer(numbering, footnotes, italics)
    paras = []
    texts = [" ".join(line.strip() for line in block.splitlines()) for block in body_blocks]
    styles = _styles(texts)
    heading = _Heading(texts, styles)
    for k, (text, style) in enumerate(zip(texts, styles)):
        if OP_NUMBER.match(text):
            wr.sub_levels = []
        paras.append(heading.paragraph(wr, texts, k, notes, style))
    footnote_parts = []
    for number, fid in wr.footnotes.items():
        inner, _ = wr.inline(notes[number], {})
        footnote_parts.append(f'<w:footnote w:id="{fid}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                              '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
                              f'<w:r><w:t xml:space="preserve"> </w:t></w:r>{inner}</w:p></w:footnote>')
    parts = {
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NS}><w:body>'
                             f'{"".join(paras)}{SECTION}</w:body></w:document>',
        "word/styles.xml": STYLES,
        "word/numbering.xml": NUMBERING,
        "word/footnotes.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {NS}>'
                              '<w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                              '<w:footnote w:type="continuationSeparator" w:id="1"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
                              f'{"".join(footnote_parts)}</w:footnotes>',
    }
    if wr.comments:
        parts["word/comments.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments {NS}>' + "".join(
            f'<w:comment w:id="{k}" w:author="Editor" w:date="{_now()}"><w:p><w:r><w:t xml:space="preserve">{escape(c)}</w:t></w:r></w:p></w:comment>'
            for k, c in enumerate(wr.comments)) + "</w:comments>")
    write_package(path, parts, overwrite)
    return path


def write_package(path: str, parts: dict[str, str | bytes], overwrite: bool = True) -> None:
    """A .docx with the given word/ parts, its content types and relationships; written atomically."""
    # Word and the OOXML schema require settings, fontTable and theme parts; a caller's own copies win.
    parts = {**_required_parts(), **parts}
    kinds = {"styles": "styles", "numbering": "numbering", "footnotes": "footnotes", "comments": "comments",
             "settings": "settings", "fontTable": "fontTable", "theme/theme1": "theme"}
    rels, overrides = [], []
    for k, (name, kind) in enumerate(kinds.items(), 1):
        part = f"word/{name}.xml"
        if part in parts:
            rels.append(f'<Relationship Id="rId{k}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{name}.xml"/>')
            media = "application/vnd.openxmlformats-officedocument." + (
                "theme+xml" if kind == "theme" else f"wordprocessingml.{name}+xml")
            overrides.append(f'<Override PartName="/{part}" ContentType="{media}"/>')
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                               '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                               '<Default Extension="xml" ContentType="application/xml"/>'
                               '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                               + "".join(overrides) + "</Types>",
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/_rels/document.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                        + "".join(rels) + "</Relationships>",
    }
    files.update(parts)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data if isinstance(data, bytes) else data.encode("utf-8"))
    atomic_write(path, buffer.getvalue(), overwrite)


SETTINGS = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings {NS}><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/></w:settings>'''


@functools.lru_cache(maxsize=1)
def _required_parts() -> dict[str, str | bytes]:
    """settings, plus the font table and Office theme of python-docx's own default template (a Word-made file)."""
    from importlib.util import find_spec

    # Found without importing python-docx, which would cost its whole start-up.
    template = os.path.join(find_spec("docx").submodule_search_locations[0], "templates", "default.docx")
    with zipfile.ZipFile(template) as zf:
        return {"word/settings.xml": SETTINGS, "word/fontTable.xml": zf.read("word/fontTable.xml"),
                "word/theme/theme1.xml": zf.read("word/theme/theme1.xml")}


# An A4 page with the margins of UN documents (the text block 16.5 cm wide, as in the Official Documents System).
SECTION = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1200" w:bottom="1898" '
           'w:left="1200" w:header="576" w:footer="1030" w:gutter="0"/></w:sectPr>')

# UN layout in twentieths of a point: body text indented 1267 (2.235 cm) on both sides, first line 720 (1.27 cm)
# further in, 12 pt lines and 6 pt after each paragraph, justified; a typed or automatic operative number sits
# at the first-line indent and its tab reaches the stop 475 further on, where the text starts.
STYLES = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {NS}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="SingleTxt"><w:name w:val="Single Txt"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:tabs><w:tab w:val="left" w:pos="2462"/><w:tab w:val="left" w:pos="2938"/></w:tabs><w:spacing w:after="120"/><w:ind w:left="1267" w:right="1267" w:firstLine="720"/><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Opening"><w:name w:val="Opening"/><w:basedOn w:val="SingleTxt"/><w:next w:val="SingleTxt"/><w:qFormat/><w:pPr><w:spacing w:before="240"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="DocHeading"><w:name w:val="Doc Heading"/><w:basedOn w:val="Normal"/><w:next w:val="DocHeading"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:after="40"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="DocTitle"><w:name w:val="Doc Title"/><w:basedOn w:val="Normal"/><w:next w:val="SingleTxt"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="240" w:line="270" w:lineRule="exact"/><w:ind w:left="1267" w:right="1267" w:hanging="1267"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="40" w:line="210" w:lineRule="exact"/><w:ind w:left="1267" w:right="1267"/></w:pPr><w:rPr><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Emphasis"><w:name w:val="Emphasis"/><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="character" w:styleId="LeadPhrase"><w:name w:val="Lead phrase"/><w:basedOn w:val="Emphasis"/></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
</w:styles>'''

NUMBERING = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {NS}>
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="tab"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1267" w:firstLine="720"/></w:pPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:suff w:val="tab"/><w:lvlText w:val="(%2)"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1267" w:firstLine="720"/></w:pPr></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:suff w:val="tab"/><w:lvlText w:val="(%3)"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1267" w:firstLine="1195"/></w:pPr></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>'''
