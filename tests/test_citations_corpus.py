"""Citations, cross-references and session numbers as the General Assembly's editors print them (the 78th
session's adopted texts in ../shared/corpus), each beside the real fault the same rule must still find."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, lint_text, run_cli
from draftlint.lint.checks.agenda import GA as GA_HEAD
from draftlint.model.citations import cited_lists, owner

CORPUS = ROOT.parent / "shared" / "corpus"
OPEN = "*The General Assembly,*\n\n"
END = "\n\n1. *Decides* to remain seized of the matter.\n"


def _rules(text, tmp_path, prefix):
    _, findings = lint_text(text, tmp_path)
    return [(f.label, f.rule, f.severity) for f in findings if f.rule.startswith(prefix)]


def _pp(paragraph, tmp_path, prefix="recall-chain"):
    return _rules(OPEN + paragraph + END, tmp_path, prefix)


# --- whose resolution: only the Assembly's are dated against its sessions ------------------------------------

OTHER_BODIES = [
    "*Recalling* Human Rights Council resolution 52/3 of 4 April 2023,",
    "*Recalling* United Nations Habitat Assembly resolution 2/3 of 9 June 2023,",
    "*Recalling* Commission on Narcotic Drugs resolution 65/2 of 18 March 2022,",
    "*Noting also* the adoption, by the Economic and Social Commission for Asia and the Pacific at its seventy-ninth "
    "session, of resolution 79/8 of 19 May 2023 on the Aral Sea basin,",
    "*Welcoming* resolution 3/2023 of 7 July 2023, entitled “International Day of the Potato”, adopted by the "
    "Conference of the Food and Agriculture Organization of the United Nations,",
    "*Taking note* of resolution 5/12 of 2 March 2022 of the United Nations Environment Assembly,",
    "*Reaffirming also* its resolution 76/185 of 16 December 2021, as well as resolutions 10/6 of 16 October 2020 "
    "and 11/3 of 21 October 2022 of the Conference of the Parties to the Convention,",
    "*Recalling* its previous resolutions, including resolution 77/206 of 15 December 2022, and Human Rights "
    "Council resolutions, including resolution 54/3 of 11 October 2023,",
    "*Welcoming* the decision by the United Nations Environment Assembly at its resumed fifth session, in its "
    "resolution 5/14 of 2 March 2022, to convene a committee,",
    "*Noting* that through its resolution 54/18 of 12 October 2023, the Human Rights Council submitted the draft,",
    "*Welcoming* the Framework adopted in decision 15/4 of 19 December 2022 at the fifteenth meeting of the "
    "Conference of the Parties to the Convention on Biological Diversity,",
    "*Recalling* Economic and Social Council decision 2017/206 of 5 October 2016,",  # the 2017 session opened in July 2016
    "*Recalling* its resolutions 23 (I) of 10 February 1946, 194 (III) of 11 December 1948, 212 (III) of "
    "19 November 1948 and 302 (IV) of 8 December 1949,",
    "*Recalling* its resolutions S-30/1 of 19 April 2016 and ES-10/24 of 13 September 2024,",
]


@pytest.mark.parametrize("paragraph", OTHER_BODIES)
def test_other_bodies_and_old_forms_are_not_dated_against_assembly_sessions(paragraph, tmp_path):
    assert _pp(paragraph, tmp_path) == []


ASSEMBLY_SLIPS = [
    "*Recalling* its resolution 71/72 of 5 December 2015,",
    "*Recalling* General Assembly resolution 55/56 of 1 December 2001,",  # 78/270 PP17 as printed
    "*Recalling* its resolutions 72/269 of 4 April 2018 and 73/287 of 15 April 2018,",  # 78/276 PP1 as printed
    "*Recalling* Human Rights Council resolution 52/3 of 4 April 2023 and General Assembly resolution 71/72 of "
    "5 December 2015,",
    "*Recalling* its resolution 194 (III) of 11 December 1950,",
    "*Recalling* Economic and Social Council resolution 2016/7 of 2 June 2015,",
    "*Recalling* resolution 71/72 of 5 December 2015,",  # unqualified, in an Assembly text: the Assembly's
    # "its" after a body named only as an object (78/317 PP1, 78/107 OP22 with a wrong year put in)
    "*Recalling* its resolution 76/203 of 17 December 2021, in which it decided to organize the fourth International "
    "Conference on Small Island Developing States at the highest possible level, as well as its resolutions 77/245 of "
    "30 December 2019 and 77/328 of 25 August 2023,",
    "*Recalling* the Vienna Declaration, adopted by the World Conference on Human Rights on 25 June 1993, and its "
    "resolution 48/121 of 20 December 1992,",
    "*Noting* the Programme of Assistance, including a seminar in furtherance of paragraph 20 of its resolution "
    "71/139 of 13 December 2013,",
]


@pytest.mark.parametrize("paragraph", ASSEMBLY_SLIPS)
def test_an_assembly_or_council_text_dated_outside_its_session_is_still_an_error(paragraph, tmp_path):
    assert ("PP1", "recall-chain.date", "error") in _pp(paragraph, tmp_path)


def test_owner_reads_names_before_after_and_its():
    text = ("Recalls the decision taken by the Human Rights Council, in its resolution 54/15 of 11 October 2023, and "
            "recalling its resolution 77/64 of 7 December 2022")
    lists = cited_lists(text)
    assert [owner(text, lst, "General Assembly") for lst in lists] == ["other", "General Assembly"]


# --- lists: order, grammar, the UN's grouped and newest-first lists --------------------------------------------

CLEAN_LISTS = [
    # "the most recent of which …" runs from the newest back
    "*Recalling* its resolutions on the situation, the most recent of which being resolutions 77/227 of "
    "15 December 2022, 76/180 of 16 December 2021 and 75/287 of 18 June 2021,",
    # texts adopted together under one number, letters up to AA
    "*Recalling* its resolutions 77/253 A of 30 December 2022 and 77/253 B of 30 June 2023,",
    "*Recalling* its resolutions 52/38 F of 9 December 1997, 53/77 AA of 4 December 1998 and 54/54 U of 1 December 1999,",
    # items with their own words, grouped by subject
    "*Recalling* its resolutions 72/241 of 20 December 2017 on a world against violence and violent extremism, "
    "73/285 of 2 April 2019 and 77/298 of 30 June 2023,",
    "*Recalling* its resolutions 64/292 of 28 July 2010, in which it recognized the right to water, and 76/153 of "
    "16 December 2021,",
    "*Recalling* its resolutions 77/181 of 14 December 2022 on women in development and 62/136 of 18 December 2007 "
    "on rural women,",
    # the plural covers words after the number; a list that goes on in words has its "and" further on
    "*Recalling* General Assembly resolutions 1514 (XV) of 14 December 1960, 1541 (XV) of 15 December 1960 and "
    "other resolutions of the Assembly,",
    "*Recalling* its resolutions 76/218 of 17 December 2021, 77/179 of 14 December 2022 and all other resolutions "
    "related to the eradication of poverty,",
    "*Recalling* Economic and Social Council resolutions 2016/7 and 2016/8, of 2 June 2016,",
    "*Recalling also* Human Rights Council resolutions 52/5 of 3 April 2023, which extended the mandate, as well as "
    "49/14 of 31 March 2022,",
]


@pytest.mark.parametrize("paragraph", CLEAN_LISTS)
def test_lists_as_the_un_prints_them(paragraph, tmp_path):
    assert _pp(paragraph, tmp_path) == []


LIST_FAULTS = [
    ("*Recalling* its resolutions 71/72 of 5 December 2016 and 70/46 of 7 December 2015,", "recall-chain.order"),
    ("*Recalling* its resolutions 70/46 of 7 December 2015, 72/36 of 4 December 2017 and 71/72 of 5 December 2016,",
     "recall-chain.order"),
    ("*Recalling* its resolutions 77/227 of 15 December 2022, 75/287 of 18 June 2021 and 76/180 of 16 December 2021,",
     "recall-chain.order"),
    ("*Recalling* its resolutions 77/253 B of 30 June 2023 and 77/253 B of 30 June 2023,", "recall-chain.order"),
    # 78/181 PP1 and 78/229 OP37 as printed: a serial comma
    ("*Recalling* its resolutions 72/148 of 19 December 2017, 74/126 of 18 December 2019, and 76/140 of "
     "16 December 2021,", "recall-chain.list"),
    ("*Recalling* its resolutions 70/46 of 7 December 2015, 71/72 of 5 December 2016,", "recall-chain.list"),
    ("*Recalling* its resolutions 70/46 of 7 December 2015,", "recall-chain.list"),
]


@pytest.mark.parametrize("paragraph, rule", LIST_FAULTS)
def test_list_faults_still_found(paragraph, rule, tmp_path):
    assert rule in {r for _, r, _ in _pp(paragraph, tmp_path)}


# --- --previous the wrong way round ----------------------------------------------------------------------------

def test_previous_given_the_newer_text_is_reported():
    r = run_cli("check", "--select", "recall-chain", "--previous", EXAMPLES / "A_RES_77_64.docx",
                EXAMPLES / "A_RES_75_59.docx")
    assert "recall-chain.previous" in r.stdout and "newer" in r.stdout, r.stdout + r.stderr
    assert "lacks" not in r.stdout  # the missing-link noise of a reversed pair is not listed


def test_previous_the_right_way_round_is_not_reversed():
    r = run_cli("check", "--select", "recall-chain", "--previous", EXAMPLES / "A_RES_75_59.docx",
                EXAMPLES / "A_RES_77_64.docx")
    assert "newer" not in r.stdout and "swap" not in r.stdout, r.stdout


# --- Ibid. -----------------------------------------------------------------------------------------------------

def _ibid(tmp_path, *notes):
    marks = "".join(f"¹²³⁴"[k] for k in range(len(notes)))
    text = OPEN + f"1. *Takes note* of the documents{marks};" + END.replace("1.", "2.")
    text += "".join(f"\n{'¹²³⁴'[k]} {n}\n" for k, n in enumerate(notes))
    return [(lab, sev) for lab, _, sev in _rules(text, tmp_path, "references.ibid")]


@pytest.mark.parametrize("first", [
    "See A/ES-10/273 and A/ES-10/273/Corr.1.",  # 78/192 and 78/78: a document and its corrigendum
    "See *Official Records of the General Assembly, Sixty-ninth Session, Supplement No. 53A* and corrigenda "
    "(A/69/53/Add.1, A/69/53/Add.1/Corr.1 and A/69/53/Add.1/Corr.2), chap. IV, sect. A.",
    "*Official Records of the Economic and Social Council, 2005, Supplement No. 7* (E/2005/27); ibid., *2010, "
    "Supplement No. 7* (E/2010/27); and ibid., *2020, Supplement No. 7* (E/2020/27).",
])
def test_ibid_after_one_publication_is_clean(first, tmp_path):
    assert _ibid(tmp_path, first, "Ibid., chap. II.") == []


def test_ibid_inside_the_first_note_is_not_a_first_note_ibid(tmp_path):
    first = ("*Official Records of the General Assembly, Seventy-eighth Session, Supplement No. 13* (A/78/13); and "
             "ibid., *Supplement No. 13A* (A/78/13/Add.1).")
    assert _ibid(tmp_path, first, "Ibid., *Supplement No. 13* (A/78/13), pp. 7–9.") == []


def test_ibid_faults_still_found(tmp_path):
    assert _ibid(tmp_path, "Ibid., vol. 2048.") == [("footnote 1", "error")]
    # 78/39 footnote 7 as printed: a note inserted between the Treaty Series and its Ibid.
    assert _ibid(tmp_path, "United Nations, *Treaty Series*, vol. 729, No. 10485.",
                 "NPT/CONF.2020/16 and NPT/CONF.2015/23.", "Ibid., vol. 1833, No. 31363.") == [("footnote 3", "warning")]


# --- internal references ---------------------------------------------------------------------------------------

SUBS = "1. *Encourages* States:\n\n(a) To act;\n\n(b) To report on the measures referred to in {ref};\n\n"


@pytest.mark.parametrize("ref", [
    "Article 13, paragraph 1 (a), of the Charter of the United Nations",
    "paragraphs 3 (a) to (f) of General Assembly resolution 51/210",
    "paragraph 1 (a) above",  # a sibling sub-paragraph of the same paragraph
    "section IV, paragraphs 22 and 26, thereof",
    "paragraph 187 (35) of NPT/CONF.2020/WP.77",
    "its paragraph 4.1",
    "paragraphs 1 to 10 of the annex thereto, as well as paragraphs 13 and 14",
])
def test_references_to_other_texts_and_siblings_are_clean(ref, tmp_path):
    text = OPEN + SUBS.format(ref=ref) + "2. *Decides* to remain seized of the matter.\n"
    assert _rules(text, tmp_path, "references.internal") == []


@pytest.mark.parametrize("ref, severity", [
    ("paragraph 1 (c) above", "error"),  # no such sub-paragraph
    ("paragraph 1 (b) above", "warning"),  # itself
    ("paragraph 3 above", "error"),
    ("paragraphs 2 and 3 below", "error"),
    ("paragraph 7", "warning"),  # nothing else named: read as this text's, and it has no paragraph 7
])
def test_internal_reference_faults_still_found(ref, severity, tmp_path):
    text = OPEN + SUBS.format(ref=ref) + "2. *Decides* to remain seized of the matter.\n"
    assert [s for _, _, s in _rules(text, tmp_path, "references.internal")] == [severity]


# --- session numbers -------------------------------------------------------------------------------------------

def _op(op, tmp_path, prefix="agenda"):
    return _rules(GA_HEAD + "1. " + op + "\n", tmp_path, prefix)


def test_other_bodies_sessions_in_figures_are_theirs(tmp_path):
    op = ("*Takes note* of the adoption by the International Labour Conference on 11 June 2014, at its 103rd session, "
          "of the Protocol, and by the Council of the Food and Agriculture Organization at its 144th session;")
    assert _op(op, tmp_path, "agenda.ordinal") == []
    assert _op("*Decides* to consider the question at its 79th session.", tmp_path, "agenda.ordinal") != []
    assert _op("*Decides* to consider the question at the 79th session of the General Assembly.", tmp_path,
               "agenda.ordinal") != []


def test_non_breaking_hyphen_does_not_hide_a_stale_session(tmp_path):
    stale = ("*Decides* to include in the provisional agenda of its seventy\u2011seventh session the item entitled "
             "“General and complete disarmament”.")
    assert ("OP1", "agenda.later-session", "error") in _op(stale, tmp_path)
    right = stale.replace("seventy\u2011seventh", "seventy\u2011ninth")
    assert _op(right, tmp_path, "agenda.later-session") == [] and _op(right, tmp_path, "agenda.ordinal") == []


def test_secretary_general_without_hyphen_still_checked(tmp_path):
    op = "*Requests* the Secretary General to report to the General Assembly at its seventy-sixth session."
    assert ("OP1", "agenda.later-session", "error") in _op(op, tmp_path)


def test_report_later_in_the_same_session_is_a_warning(tmp_path):
    op = "*Also requests* the Secretary-General to submit to the General Assembly at its seventy-seventh session a report."
    assert _op(op, tmp_path, "agenda.later-session") == [("OP1", "agenda.later-session", "warning")]
    other = ("*Requests* the Secretary-General to submit a report to the General Assembly at its seventy-ninth session "
             "for discussion in the meetings of the Working Group at its eighth session.")
    assert _op(other, tmp_path, "agenda.later-session") == []


@pytest.mark.parametrize("op, warned", [
    # a new sub-item under the heading's item (78/36, 78/240) or a new item (78/241): routine
    ("the sub-item entitled “Regional disarmament”", False),
    ("the sub-item entitled “Countering the threat posed by improvised explosive devices”", False),
    # the next conference of a series (78/163)
    ("the sub-item entitled “Countering the threat posed by improvised explosive devices: third review”", False),
    ("the sub-item entitled “Countering the threat posed by explosive devices”", True),
    ("the sub-item entitled “Countering the threats posed by improvised explosive device”", True),
])
def test_agenda_item_near_misses_only(op, warned, tmp_path):
    text = ("*Decides* to include in the provisional agenda of its seventy-ninth session, under the item entitled "
            f"“General and complete disarmament”, {op}.")
    assert bool(_op(text, tmp_path, "agenda.item")) == warned


def test_sub_item_of_the_item_form(tmp_path):
    text = ("*Decides* to include in the provisional agenda of its seventy-ninth session the sub-item entitled "
            "“Countering the threat posed by improvised explosive devices” of the item entitled “General and complete "
            "disarmament”.")
    assert _op(text, tmp_path, "agenda.item") == []


# --- closing lines of a resumed meeting ------------------------------------------------------------------------

ADOPTED = ("United Nations A/RES/78/230\n\nSeventy-eighth session\n\nAgenda item 16\n\n78/230. A title\n\n"
           "*The General Assembly,*\n\n*Recalling* its resolution 77/1 of 7 October 2022,\n\n"
           "1. *Decides* to remain seized of the matter.\n\n")


def test_resumed_plenary_meeting_closes_the_text(tmp_path):
    text = ADOPTED + "50th (resumed) plenary meeting\n\n22 December 2023\n"
    assert _rules(text, tmp_path, "structure.closing") == []
    assert _rules(ADOPTED, tmp_path, "structure.closing") != []
    draft = ("Seventy-eighth session\n\nSecond Committee\n\nAgenda item 16\n\nA title\n\nAustria and Brazil: draft "
             "resolution\n\nA title\n\n" + ADOPTED.split("78/230. A title\n\n")[1])
    assert _rules(draft, tmp_path, "structure.closing") == []
    leftover = draft + "50th (resumed) plenary meeting\n\n22 December 2023\n"
    assert [r for _, r, _ in _rules(leftover, tmp_path, "structure.closing")] == ["structure.closing"]


# --- the corpus itself -----------------------------------------------------------------------------------------

MINE = ("recall-chain", "references", "agenda", "dates", "structure")
# Real slips of the printed texts: (text, paragraph, rule).
FLAWS = {("A_RES_78_270", "PP17", "recall-chain.date"),  # "General Assembly resolution 55/56 of 1 December 2001" (2000)
         ("A_RES_78_276", "PP1", "recall-chain.date")}  # "73/287 of 15 April 2018": session 73 opened in September 2018


@pytest.fixture(scope="module")
def corpus_report():
    if not (CORPUS / "word").is_dir():
        pytest.skip("../shared/corpus is not beside the repository")
    r = run_cli("check", "--format", "json", "--exit-zero", "--select", ",".join(MINE), CORPUS / "word",
                CORPUS / "libreoffice")
    return json.loads(r.stdout)


def test_corpus_errors_of_these_rules_are_the_known_flaws(corpus_report):
    found = {(Path(f["path"]).stem, d["location"]["label"], d["rule"])
             for f in corpus_report["files"] for d in f["diagnostics"] if d["severity"] == "error"}
    assert found == FLAWS


def test_corpus_warnings_of_these_rules_are_rare(corpus_report):
    files = corpus_report["files"]
    texts: dict[str, set] = {}
    for f in files:
        for d in f["diagnostics"]:
            if d["severity"] == "warning":
                texts.setdefault(d["rule"], set()).add(Path(f["path"]).stem)
    warnings = sum(1 for f in files for d in f["diagnostics"] if d["severity"] == "warning")
    assert warnings / len(files) <= 0.05, warnings
    assert all(len(t) <= 0.02 * 282 for t in texts.values()), {r: len(t) for r, t in texts.items()}


# --- other organs: their own numbers follow their own calendars ------------------------------------------------

HRC = "*The Human Rights Council,*\n\n"


def test_a_council_text_dates_only_the_assemblys_resolutions(tmp_path):
    own = HRC + "*Recalling* its resolution 52/3 of 4 April 2023," + END
    assert _rules(own, tmp_path, "recall-chain.date") == []
    assembly = HRC + "*Recalling* General Assembly resolution 71/72 of 5 December 2015," + END
    assert _rules(assembly, tmp_path, "recall-chain.date") == [("PP1", "recall-chain.date", "error")]


def test_a_council_names_its_own_session_in_words(tmp_path):
    text = HRC + "*Recalling* its resolution 52/3,\n\n1. *Decides* to consider the question at its 57th session.\n"
    assert [r for _, r, _ in _rules(text, tmp_path, "agenda.ordinal")] == ["agenda.ordinal"]
