"""The session numbers and the agenda-item sentence: heading, symbol and title agree; the agenda paragraph
and the report request name a later session, spelled as the UN spells ordinals."""
from __future__ import annotations

import re

from draftlint.model import sessions as identity
from draftlint.model.citations import session_owner
from draftlint.model.ordinals import ORDINAL_RE, ordinal, value
from draftlint.lint.rule import DRAFT_HEAD, Rule

GA = ("Seventy-seventh session\n\nFirst Committee\n\nAgenda item 99 (kk)\n\nGeneral and complete disarmament: "
      "countering the threat posed by improvised explosive devices\n\nAustria and Brazil: draft resolution\n\n"
      "Countering the threat posed by improvised explosive devices\n\n" + DRAFT_HEAD)
AGENDA_OP = ("*Decides* to include in the provisional agenda of its {} session, under the item entitled “General and "
             "complete disarmament”, the sub-item entitled “Countering the threat posed by improvised explosive devices”.")
FIGURES = re.compile(r"\b(?P<n>\d{1,3})(?:st|nd|rd|th) (?:regular |special )?session\b")

SESSIONS = Rule(
    "agenda.sessions", "agenda", "error",
    summary="The session in the heading, in the symbol and in the title number agree.",
    why="A resolution of the seventy-seventh session is numbered 77/…; a mismatch means a heading copied from "
        "another year.",
    wrong="United Nations A/RES/77/64\n\nSeventy-sixth session\n\n77/64. Countering the threat\n\n" + DRAFT_HEAD
          + "1. *Decides* to remain seized of the matter.\n\n46th plenary meeting\n\n7 December 2022",
    right="United Nations A/RES/77/64\n\nSeventy-seventh session\n\n77/64. Countering the threat\n\n" + DRAFT_HEAD
          + "1. *Decides* to remain seized of the matter.\n\n46th plenary meeting\n\n7 December 2022",
)
LATER = Rule(
    "agenda.later-session", "agenda", "error",
    summary="The agenda paragraph and the report request name a session after the current one.",
    why="“Decides to include in the provisional agenda of its seventy-seventh session” in a text of the "
        "seventy-seventh session is a paragraph copied forward without moving the session on.",
    wrong=GA + "1. " + AGENDA_OP.format("seventy-seventh"),
    right=GA + "1. " + AGENDA_OP.format("seventy-ninth"),
)
SPELLING = Rule(
    "agenda.ordinal", "agenda", "error",
    summary="Sessions are named in words, lower case and hyphenated: “seventy-ninth session”.",
    why="UN resolutions spell session numbers as ordinal words (meetings are in figures: “46th plenary meeting”).",
    wrong=GA + "1. " + AGENDA_OP.format("79th"),
    right=GA + "1. " + AGENDA_OP.format("seventy-ninth"),
)
ITEM = Rule(
    "agenda.item", "agenda", "warning",
    summary="The item and sub-item named in the agenda paragraph are those of the heading.",
    why="The agenda paragraph puts the item on a future agenda; a title that differs from the heading creates "
        "a different item.",
    wrong=GA + "1. " + AGENDA_OP.format("seventy-ninth").replace("improvised explosive devices”", "explosive devices”"),
    right=GA + "1. " + AGENDA_OP.format("seventy-ninth"),
)
SEIZED = Rule(
    "agenda.seized", "agenda", "info",
    summary="A Security Council resolution ends with “Decides to remain (actively) seized of the matter.”",
    why="The closing formula keeps the question on the Council's agenda.",
    wrong="*The Security Council,*\n\n*Recalling* its resolution 2365 (2017),\n\n1. *Requests* the Secretary-General to report.",
    right="*The Security Council,*\n\n*Recalling* its resolution 2365 (2017),\n\n1. *Decides* to remain seized of the matter.",
)
MISMATCH = Rule(
    "agenda.report-session", "agenda", "info",
    summary="The report request and the agenda paragraph name the same session.",
    why="Usually they do; but a resolution may ask for the report later than the next debate (71/72 asks for it at "
        "the seventy-third session and puts the item on the seventy-second), so this is only information.",
    wrong=GA + "1. *Requests* the Secretary-General to report to the General Assembly at its eightieth session;\n\n2. "
          + AGENDA_OP.format("seventy-ninth"),
    right=GA + "1. *Requests* the Secretary-General to report to the General Assembly at its seventy-ninth session;\n\n2. "
          + AGENDA_OP.format("seventy-ninth"),
)
RULES = [SESSIONS, LATER, SPELLING, ITEM, SEIZED, MISMATCH]


def check(res):
    if not res.has_structure:
        return
    found = identity.sessions(res)
    if len(set(found.values())) > 1:
        target = next((n for n in res.nodes if n.kind in ("heading", "title")), None)
        said = ", ".join(f"{k} {v}" for k, v in found.items())
        yield SESSIONS.at(target, f"the heading does not agree on the session: {said}", label="heading")
    current = identity.session(res)
    agenda_session = None
    organ = identity.organ(res)
    for node in res.of_kind("pp", "op", "sub"):
        text = node.text
        if "session" in text.lower():  # what _spelling's patterns need; most paragraphs lack it
            yield from _spelling(node, organ)
        if node.kind != "op":
            continue
        m = identity.agenda_match(text)
        if m:
            agenda_session = identity.session_value(m.group("ord"))
            yield from _later(node, agenda_session, current, m.group("ord"), "the agenda paragraph")
            yield from _items(res, node)
        r = identity.own_report(text, res)
        if r:
            yield from _later(node, identity.session_value(r.group("ord")), current, r.group("ord"),
                              "the report request", same_ok=True)
    request = identity.report_request(res)
    asked = identity.session_value(request[1].group("ord")) if request else None
    if asked and agenda_session and asked != agenda_session:
        node = request[0]
        yield MISMATCH.at(node, f"the report is asked for the {ordinal(asked)} session and the item is put on the "
                                f"agenda of the {ordinal(agenda_session)} session")
    if res.security_council and res.operative:
        last = res.operative[-1]
        if not re.search(r"\bDecides to remain (?:actively )?seized of the matter\b", last.text):
            yield SEIZED.at(last, "a Security Council resolution usually ends with “Decides to remain seized of the matter.”")


def _later(node, named, current, word, what, same_ok=False):
    if named is None or current is None:
        return
    if named < current or named == current and not same_ok:
        yield LATER.at(node, f"{what} names the {word} session, which is not after the current ({ordinal(current)}) "
                             "session", match=word)
    elif named == current:
        # A report may be due later in the same session (78/226 asks for one at the seventy-eighth); it is
        # also what a paragraph copied forward from last year's text says.
        yield LATER.at(node, f"{what} names the current ({word}) session; if the paragraph was copied from last "
                             "session's text, move the session on", match=word, severity="warning")


def _spelling(node, organ):
    """For a paragraph with the word "session" in any case, which both patterns need."""
    for m in FIGURES.finditer(node.text):
        n = int(m.group("n"))
        # Other bodies number their sessions in figures: "the International Labour Conference …, at its 103rd
        # session", "the Council of FAO at its 144th session". Only the organ's own are in words.
        if 0 < n < 200 and session_owner(node.text, m.start(), m.end(), organ) == organ:
            yield SPELLING.at(node, f"write “{ordinal(n)} session”, not “{m.group(0)}”", match=m.group(0))
    for m in ORDINAL_RE.finditer(node.text):
        word = m.group(0)
        n = value(word)
        plain = re.sub(r"[\u2010\u2011]", "-", word)  # a non-breaking hyphen prints as the hyphen it is
        if n is not None and plain != ordinal(n) and not (m.start() == 0 and plain == ordinal(n).capitalize()):
            yield SPELLING.at(node, f"write “{ordinal(n)}”, not “{word}”", match=word)


def _items(res, node):
    """The agenda paragraph either continues the heading's item or creates a new one: Assembly texts put new
    items and sub-items on the next agenda routinely ("Lethal autonomous weapons systems" under "General and
    complete disarmament"). Only a title close to the heading's or the resolution's, but not the same, is a
    slip."""
    named_items = identity.agenda_items(node.text)
    title = identity.agenda_title(res)
    if not named_items or not title:
        return
    item, _, sub = title.partition(": ")
    own = [_norm(t) for t in (title, item, sub, _title(res)) if t]
    parent, named = named_items
    for words, against in ((parent, [_norm(item)]), (named, own)):
        if words and _norm(words) not in against and any(_near(_norm(words), t) for t in against):
            yield ITEM.at(node, f"the agenda paragraph names “{words}”, close to but not the heading's “{title}”",
                          match=words)
            return


def _title(res) -> str:
    node = next((n for n in res.nodes if n.kind == "title"), None)
    return re.sub(r"^\d+/\d+(?:\s+[A-Z]{1,2})?\.\s+", "", node.text) if node else ""


NUMBERING = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}


def _near(a: str, b: str) -> bool:
    """A title with a word or two changed, dropped or misspelt. A changed ordinal or number is the next
    conference of a series ("Follow-up to the third United Nations Conference on …"), not a slip."""
    from difflib import SequenceMatcher  # only for a title that differs from the heading's

    x, y = a.split(), b.split()
    if len(y) < 3:
        return False
    ops = [op for op in SequenceMatcher(None, x, y, autojunk=False).get_opcodes() if op[0] != "equal"]
    changed = {w for tag, i1, i2, j1, j2 in ops for w in x[i1:i2] + y[j1:j2]}
    if changed and all(w in NUMBERING or w.isdigit() for w in changed):
        return False
    # A word dropped or added, or letters misspelt in a few words ("threats … device").
    return (SequenceMatcher(None, x, y, autojunk=False).ratio() >= 0.8
            or SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.9)


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").replace("\u2011", "-").split())
