// The page of `draftlint serve`. The server keeps nothing: the drafts stay in this page, which sends them
// again with each download. Everything shown is built with textContent, never as HTML, so a file name or
// a draft's words can never act as part of the page.
"use strict";

const KINDS = {
  "ga-resolution": "General Assembly resolution", "ga-draft": "General Assembly draft resolution",
  "sc-resolution": "Security Council resolution", "hrc-resolution": "Human Rights Council resolution",
  "hrc-draft": "Human Rights Council draft resolution", "ecosoc-resolution": "Economic and Social Council resolution",
  "draft-decision": "draft decision", "decision": "decision", "amendment": "amendments to a draft resolution",
  "resolution": "resolution",
};
const SEVERITIES = ["error", "warning", "info"];
const SEVERITY_WORDS = { error: "errors", warning: "warnings", info: "notes" };
const DOWNLOADS = [
  { what: "annotated", text: "Copy with the findings as Word comments (.docx)", word: true },
  { what: "fixed", text: "Fixed copy, the fixes as tracked changes (.docx)", word: true },
  { what: "redline", text: "Redline against last session's resolution (.docx)", word: true, previous: true },
  { what: "json", text: "Report (JSON)" },
  { what: "sarif", text: "Report (SARIF)" },
];

const state = { drafts: [], previous: null };
const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function plural(n, word, words) { return `${n} ${n === 1 ? word : (words || word + "s")}`; }

function say(text, bad) {
  const status = $("status");
  status.textContent = text;
  status.classList.toggle("bad", Boolean(bad));
}

function form(drafts, withPrevious) {
  const data = new FormData();
  for (const file of drafts) data.append("draft", file, file.name);
  if (withPrevious && state.previous) data.append("previous", state.previous, state.previous.name);
  return data;
}

async function post(url, data) {
  const response = await fetch(url, { method: "POST", body: data });
  if (!response.ok) {
    const line = (await response.text()).trim();
    throw new Error(line || `the server answered ${response.status}`);
  }
  return response;
}

// --- choosing and dropping files ---------------------------------------------------------------------

function choose(files, which) {
  if (which === "previous") {
    state.previous = files.length ? files[0] : null;
    $("scaffold").hidden = !state.previous;
  } else {
    state.drafts = Array.from(files);
  }
}

function dropZone(zone, input, which) {
  zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("over");
    const files = event.dataTransfer.files;
    if (!files.length) return;
    try { input.files = files; } catch (e) { /* an older browser: the page keeps them itself */ }
    choose(files, which);
    if (which === "drafts" || state.drafts.length) check();
  });
}

// --- checking -----------------------------------------------------------------------------------------

async function check() {
  if (!state.drafts.length) { say("Choose a draft first.", true); $("drafts").focus(); return; }
  const button = $("check");
  button.disabled = true;
  say(`Checking ${plural(state.drafts.length, "draft")}…`);
  try {
    const response = await post("check", form(state.drafts, true));
    show(await response.json());
  } catch (error) {
    say(error.message, true);
  } finally {
    button.disabled = false;
  }
}

function show(found) {
  const results = $("results");
  results.replaceChildren();
  let errors = 0, warnings = 0, unread = 0;
  found.drafts.forEach((draft, k) => {
    const file = state.drafts[k];
    results.append(draftSection(draft, file, k, Boolean(found.previous)));
    for (const f of draft.findings || []) { errors += f.severity === "error"; warnings += f.severity === "warning"; }
    unread += Boolean(draft.error);
  });
  say(`Checked ${plural(found.drafts.length, "draft")}: ${plural(errors, "error")}, ${plural(warnings, "warning")}` +
      (unread ? `, ${unread} not readable.` : "."), unread > 0);
  results.focus();
}

function draftSection(draft, file, k, withPrevious) {
  const id = `d${k}`;
  const findings = draft.findings || [];
  const section = el("section", { class: "draft", "aria-labelledby": `${id}-name`, id });
  section.append(el("h2", { id: `${id}-name`, text: draft.name }));
  const counts = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length]).filter(([, n]) => n);
  const summary = [KINDS[draft.kind] || draft.kind].filter(Boolean);
  summary.push(counts.length ? counts.map(([s, n]) => `${n} ${n === 1 ? s : SEVERITY_WORDS[s]}`).join(", ")
    : (draft.error ? "" : "no findings"));
  section.append(el("p", { class: "summary", text: summary.filter(Boolean).join(" · ") }));
  if (draft.error) section.append(el("p", { class: "error-line", text: draft.error }));
  if (draft.blocks === undefined) return section;
  section.append(downloads(draft, file, withPrevious, id));
  if (!findings.length) {
    section.append(el("p", { text: "No findings: the draft follows every convention draftlint checks." }));
  }
  const filter = filters(findings, draft.categories, id);
  section.append(filter);
  const list = findingsList(findings, section, draft.name);
  const article = resolution(draft, id);
  section.append(el("div", { class: "columns" }, list, article));
  const apply = () => applyFilter(section, filter, findings);
  filter.addEventListener("change", apply);
  apply();
  return section;
}

function downloads(draft, file, withPrevious, id) {
  const group = el("div", { class: "downloads", role: "group", "aria-labelledby": `${id}-dl` });
  const heading = el("h3", { id: `${id}-dl`, text: "Download" });
  heading.append(el("span", { class: "sr-only", text: ` for ${draft.name}` }));
  group.append(heading);
  for (const d of DOWNLOADS) {
    if ((d.word && !draft.word) || (d.previous && !withPrevious)) continue;
    const button = el("button", { type: "button", "data-what": d.what, text: d.text });
    button.addEventListener("click", () => fetchDownload(d.what, [file], button));
    group.append(button);
  }
  return group;
}

async function fetchDownload(what, drafts, button) {
  button.disabled = true;
  say(`Preparing ${button.textContent}…`);
  try {
    const response = await post(`download/${what}`, form(drafts, true));
    const blob = await response.blob();
    const name = fileName(response.headers.get("Content-Disposition")) || "draftlint-download";
    const url = URL.createObjectURL(blob);
    const link = el("a", { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    say(`Downloaded ${name}.`);
  } catch (error) {
    say(error.message, true);
  } finally {
    button.disabled = false;
  }
}

function fileName(header) {
  if (!header) return null;
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (utf8) { try { return decodeURIComponent(utf8[1]); } catch (e) { /* fall back on the plain name */ } }
  const plain = /filename="([^"]*)"/i.exec(header);
  return plain ? plain[1] : null;
}

// --- the filter ---------------------------------------------------------------------------------------

function filters(findings, categories, id) {
  const fieldset = el("fieldset", { class: "filter" }, el("legend", { text: "Show the findings of" }));
  const byCategory = {};
  for (const f of findings) byCategory[f.category] = (byCategory[f.category] || 0) + 1;
  const order = categories.filter((c) => byCategory[c]).concat(Object.keys(byCategory).filter((c) => !categories.includes(c)));
  const cats = el("div", { class: "group", role: "group", "aria-labelledby": `${id}-cats` },
    el("span", { class: "group-name", id: `${id}-cats`, text: "Category" }));
  for (const c of order) cats.append(checkbox(`${id}-cat-${c}`, "category", c, c, byCategory[c]));
  const sevs = el("div", { class: "group", role: "group", "aria-labelledby": `${id}-sevs` },
    el("span", { class: "group-name", id: `${id}-sevs`, text: "Severity" }));
  for (const s of SEVERITIES) {
    const n = findings.filter((f) => f.severity === s).length;
    if (n) sevs.append(checkbox(`${id}-sev-${s}`, "severity", s, SEVERITY_WORDS[s], n));
  }
  fieldset.append(cats, sevs, el("p", { class: "shown", "aria-live": "polite" }));
  if (!findings.length) fieldset.hidden = true;
  return fieldset;
}

function checkbox(id, group, value, words, count) {
  const box = el("input", { type: "checkbox", id, checked: true, "data-group": group, value });
  const label = el("label", { for: id }, box, ` ${words} `, el("span", { class: "count", text: `(${count})` }));
  return label;
}

function applyFilter(section, fieldset, findings) {
  const on = (group) => new Set(Array.from(fieldset.querySelectorAll(`input[data-group=${group}]`))
    .filter((box) => box.checked).map((box) => box.value));
  const categories = on("category"), severities = on("severity");
  const visible = new Set(findings.filter((f) => categories.has(f.category) && severities.has(f.severity)).map((f) => f.id));
  for (const item of section.querySelectorAll("[data-finding]")) item.hidden = !visible.has(Number(item.dataset.finding));
  for (const mark of section.querySelectorAll("mark[data-findings]")) {
    const ids = mark.dataset.findings.split(" ").map(Number).filter((n) => visible.has(n));
    mark.classList.remove("on", "sev-error", "sev-warning", "sev-info");
    if (ids.length) {
      const worst = SEVERITIES.find((s) => ids.some((n) => findings[n].severity === s));
      mark.classList.add("on", `sev-${worst}`);
      mark.title = ids.map((n) => `${findings[n].message} [${findings[n].rule}]`).join("\n");
    } else {
      mark.removeAttribute("title");
    }
  }
  fieldset.querySelector(".shown").textContent = `${visible.size} of ${plural(findings.length, "finding")} shown`;
}

// --- the findings and the draft -----------------------------------------------------------------------

function findingsList(findings, section, name) {
  const nav = el("nav", { class: "findings-list", "aria-label": `Findings in ${name}` }, el("h3", { text: "Findings" }));
  const list = el("ol");
  for (const f of findings) {
    const button = el("button", { type: "button", class: `finding sev-${f.severity}` },
      el("span", { class: "where", text: f.label }), el("span", { class: "sev", text: f.severity }),
      el("span", { class: "message", text: f.message }), el("span", { class: "rule", text: f.rule }));
    button.setAttribute("aria-label", `${f.label}, ${f.severity}: ${f.message} (rule ${f.rule})`);
    button.addEventListener("click", () => goTo(section, f.id));
    list.append(el("li", { "data-finding": f.id }, button));
  }
  nav.append(list);
  return nav;
}

// The words of finding k in the draft (where a list entry sends the reader), or its line among those on the
// draft as a whole.
function goTo(section, k) {
  const target = section.querySelector(`mark[data-findings~="${k}"]`) ||
    section.querySelector(`.unplaced li[data-finding="${k}"]`);
  if (!target) return;
  target.scrollIntoView({ block: "center" });
  target.focus({ preventScroll: true });
  target.classList.add("flash");
  setTimeout(() => target.classList.remove("flash"), 1500);
}

function resolution(draft, id) {
  const article = el("article", { class: "resolution", "aria-label": `The draft ${draft.name}` },
    el("h3", { class: "sr-only", text: "The draft" }));
  const findings = draft.findings;
  if (draft.unplaced.length) {
    const box = el("div", { class: "unplaced" }, el("strong", { text: "On the draft as a whole" }));
    box.append(notes(draft.unplaced, findings, id, true));
    article.append(box);
  }
  let last = null;
  for (const block of draft.blocks) {
    article.append(blockElement(block, block.label === last ? "" : labelText(block), findings, id));
    last = block.label;
  }
  if (draft.footnotes.length) {
    const notesBox = el("section", { class: "footnotes", "aria-label": "Footnotes" }, el("h3", { text: "Footnotes" }));
    for (const note of draft.footnotes) notesBox.append(blockElement(note, "", findings, id));
    article.append(notesBox);
  }
  return article;
}

function labelText(block) {
  return ["heading", "text"].includes(block.kind) ? "" : block.label;
}

function blockElement(block, label, findings, id) {
  const wrap = el("div", { class: `block kind-${block.kind}`, style: block.depth ? `--depth:${block.depth}` : null });
  wrap.append(el("span", { class: "label", "aria-hidden": label ? null : "true", text: label }));
  const p = el("p");
  if (block.number && block.kind !== "footnote") p.append(el("span", { class: "number", text: block.number }), " ");
  if (block.kind === "footnote") p.append(el("sup", { class: "note", text: block.number }), " ");
  for (const piece of block.pieces) p.append(pieceNode(piece, id));
  wrap.append(p);
  if (block.findings.length) wrap.append(notes(block.findings, findings, id, false));
  return wrap;
}

// A piece of text; on a finding's words, a <mark> described by the finding's caption under the paragraph, which
// a screen reader reads when the focus comes to the words from the list.
function pieceNode(piece, id) {
  if (piece.note !== undefined) return el("sup", { class: "note", text: piece.note });
  const text = piece.italic ? el("em", { text: piece.text }) : document.createTextNode(piece.text);
  if (!piece.findings.length) return text;
  const mark = el("mark", { "data-findings": piece.findings.join(" "), tabindex: "-1",
    "aria-describedby": piece.findings.map((k) => `${id}-n${k}`).join(" ") });
  if (piece.text.trim().length <= 2) mark.classList.add("short");
  mark.append(text);
  return mark;
}

function notes(ids, findings, id, whole) {
  const list = el("ul", { class: "notes" });
  for (const k of ids) {
    const f = findings[k];
    const item = el("li", { class: `sev-${f.severity}`, "data-finding": k, id: `${id}-n${k}`, tabindex: whole ? "-1" : null },
      el("strong", { text: `${f.severity}: ` }), `${f.message} `, el("span", { class: "rule", text: `[${f.rule}]` }));
    list.append(item);
  }
  return list;
}

// --- next session's draft, start again ----------------------------------------------------------------

function init() {
  const drafts = $("drafts"), previous = $("previous");
  drafts.addEventListener("change", () => { choose(drafts.files, "drafts"); if (state.drafts.length) check(); });
  previous.addEventListener("change", () => { choose(previous.files, "previous"); if (state.drafts.length) check(); });
  dropZone($("drop-drafts"), drafts, "drafts");
  dropZone($("drop-previous"), previous, "previous");
  $("upload").addEventListener("submit", (event) => { event.preventDefault(); check(); });
  $("scaffold").addEventListener("click", () => fetchDownload("scaffold", [], $("scaffold")));
  $("clear").addEventListener("click", () => {
    state.drafts = []; state.previous = null;
    $("upload").reset();
    $("scaffold").hidden = true;
    $("results").replaceChildren();
    say("");
    drafts.focus();
  });
}

document.addEventListener("DOMContentLoaded", init);
