"""Suppression in the document: a Word comment (or, in Markdown, an HTML comment) on a paragraph whose text
starts "draftlint: allow <rule-id>[, <rule-id>]" silences those rules on that paragraph."""
from __future__ import annotations

import re

from draftlint.lint.rule import DRAFT_HEAD, Rule, prefix_length

ALLOW = re.compile(r"^\s*draftlint:\s*allow\s+(?P<ids>.+?)\s*$", re.I | re.S)

UNUSED = Rule(
    "suppression.unused", "style", "warning",
    summary="A “draftlint: allow …” comment silences something.",
    why="A suppression that suppresses nothing is left over from an earlier version of the paragraph and would "
        "hide a future finding nobody looked at.",
    wrong=DRAFT_HEAD + "1. *Decides* to remain seized of the matter.<!-- draftlint: allow italics.lead -->",
    right=DRAFT_HEAD + "1. Decides to act;<!-- draftlint: allow italics.lead -->\n\n"
          "2. *Decides* to remain seized of the matter.",
)
RULES = [UNUSED]


def apply(res, findings):
    """Findings minus the suppressed ones, plus a warning for every suppression that silenced nothing."""
    allows = {}  # comment id -> list of prefixes
    for cid, comment in res.source.comments.items():
        m = ALLOW.match(comment.text)
        if m:
            allows[cid] = [p for p in re.split(r"[,\s]+", m.group("ids")) if p]
    if not allows:
        return findings
    by_order = {n.order: n for n in res.nodes}
    used: set[str] = set()
    kept = []
    for f in findings:
        node = by_order.get(f.order) if isinstance(f.order, int) else None
        hit = None
        if node is not None:
            for cid in node.para.comments:
                if cid in allows and any(prefix_length(f.rule, p) >= 0 for p in allows[cid]):
                    hit = cid
                    break
        if hit is None:
            kept.append(f)
        else:
            used.add(hit)
    for cid in allows:
        if cid in used:
            continue
        node = next((n for n in res.nodes if cid in n.para.comments), None)
        if node is not None:
            kept.append(UNUSED.at(node, f"the comment “draftlint: allow {', '.join(allows[cid])}” silences nothing "
                                        "on this paragraph; remove it"))
    kept.sort(key=lambda f: (f.order, f.rule, f.message))
    return kept
