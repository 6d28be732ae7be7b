"""The one reader of sessions, agenda items and report requests that the agenda and recall-chain checks and
scaffold share: a disagreement between them would scaffold a draft that its own check then flags."""
from __future__ import annotations

from draftlint.formats import read
from draftlint.lint.checks.agenda import AGENDA_OP, GA
from draftlint.model import sessions
from draftlint.model.resolution import build


def _res(tmp_path, body: str):
    path = tmp_path / "draft.md"
    path.write_text(GA + body, encoding="utf-8")
    return build(read(str(path)))


def test_report_and_agenda_sessions(tmp_path):
    res = _res(tmp_path, "1. *Requests* the Secretary-General to report to the General Assembly at its eightieth "
                         "session;\n\n2. " + AGENDA_OP.format("79th"))
    assert sessions.session(res) == 77
    assert sessions.report_session(res) == 80
    assert sessions.report_request(res)[0] is res.operative[0]
    assert sessions.agenda_session(res) == 79  # in figures, as a draft may wrongly write it
    assert sessions.next_agenda_title(res) == ("General and complete disarmament: countering the threat posed by "
                                               "improvised explosive devices")


def test_another_bodys_session_is_not_the_report_request(tmp_path):
    res = _res(tmp_path, "1. *Requests* the Secretary-General to report to the Human Rights Council at its "
                         "sixtieth session;\n\n2. " + AGENDA_OP.format("seventy-ninth"))
    assert sessions.organ(res) == "General Assembly"
    assert sessions.report_request(res) is None and sessions.report_session(res) is None
    assert sessions.agenda_session(res) == 79
