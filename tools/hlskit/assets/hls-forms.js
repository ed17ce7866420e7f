/* Forms on the published handbook pages, with no kernel and no server.
 *
 * - Self-assessments (.hls-questionnaire): the radio buttons are drawn by the profile chart's
 *   Vega bindings; this script keeps the answers in the reader's browser (localStorage, one key
 *   per instrument *and version*, so answers to an older version are never mixed in), restores
 *   them after a reload, clears them, and downloads them as a response file in exactly the format
 *   the facilitator's `hlskit pool` command reads.
 * - The experiment designer (.hls-experiment-form): applies the same review rules as the Python
 *   package (they are embedded in the page as JSON), keeps the draft, and downloads the card.
 * Nothing is ever sent anywhere. All user text is inserted with textContent, never as HTML.
 */
(function () {
  "use strict";
  var FORMAT = "hls-response/1";

  function readStore(key) {
    try { return JSON.parse(window.localStorage.getItem(key) || "{}") || {}; } catch (e) { return {}; }
  }
  function writeStore(key, value) {
    try { window.localStorage.setItem(key, JSON.stringify(value)); return true; } catch (e) { return false; }
  }
  function today() { return new Date().toISOString().slice(0, 10); }
  function download(filename, text, type) {
    var blob = new Blob([text], { type: type });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }
  function say(el, text) { if (el) { el.textContent = text; } }
  /* A short random tag, so that twelve files handed in on one day never share a name. */
  function tag() {
    var letters = "abcdefghjkmnpqrstuvwxyz23456789", out = "", bytes = new Uint8Array(4);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    for (var i = 0; i < bytes.length; i++) { out += letters.charAt(bytes[i] % letters.length); }
    return out;
  }
  /* "Clear" asks first: the button turns into a question with Yes and Keep buttons beside it.
   * Nothing to lose (isEmpty) means no question. */
  function confirmBeforeClearing(button, question, isEmpty, clear, status) {
    var row = document.createElement("span");
    row.className = "hls-confirm";
    row.hidden = true;
    var ask = document.createElement("span");
    ask.className = "hls-confirm-question";
    var yes = document.createElement("button");
    yes.type = "button";
    yes.className = "hls-confirm-yes btn btn-danger";
    yes.textContent = "Yes, clear them";
    var no = document.createElement("button");
    no.type = "button";
    no.className = "hls-confirm-no btn btn-outline-secondary";
    no.textContent = "No, keep them";
    row.appendChild(ask); row.appendChild(yes); row.appendChild(no);
    button.parentNode.insertBefore(row, button.nextSibling);
    function close(focusBack) { row.hidden = true; button.hidden = false; if (focusBack) { button.focus(); } }
    button.addEventListener("click", function () {
      if (isEmpty()) { clear(); return; }
      ask.textContent = question();
      button.hidden = true;
      row.hidden = false;
      no.focus();
    });
    yes.addEventListener("click", function () { close(true); clear(); });
    no.addEventListener("click", function () { close(true); say(status, "Nothing was cleared."); });
  }

  /* Show only `keep` (and what is inside it): every sibling along the way up to <body> gets `cls`.
   * Used for the participant view (on screen) and for printing one card or one profile (print only). */
  function isolate(keep, cls) {
    keep.forEach(function (el) {
      for (var e = el; e && e.parentElement && e !== document.body; e = e.parentElement) {
        Array.prototype.forEach.call(e.parentElement.children, function (sib) {
          if (keep.some(function (k) { return sib === k || sib.contains(k); })) { return; }
          if (sib.tagName !== "SCRIPT" && sib.tagName !== "STYLE") { sib.classList.add(cls); }
        });
      }
    });
  }
  function release(cls) {
    Array.prototype.forEach.call(document.querySelectorAll("." + cls), function (e) { e.classList.remove(cls); });
  }
  /* Print `sheet` alone, once: everything else is hidden from the printer until printing ends. */
  function printAlone(sheet) {
    sheet.classList.add("hls-print-sheet");
    document.body.appendChild(sheet);
    isolate([sheet], "hls-print-hide");
    document.documentElement.classList.add("hls-printing");
    function done() {
      window.removeEventListener("afterprint", done);
      document.documentElement.classList.remove("hls-printing");
      release("hls-print-hide");
      if (sheet.parentNode) { sheet.parentNode.removeChild(sheet); }
    }
    window.addEventListener("afterprint", done);
    window.print();
  }
  window.HLSPrint = { printAlone: function (sheet) { printAlone(sheet); }, download: download };
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }

  /* ---------- answer codes: the rules of hlskit/answer_codes.py, from the shared rule file ----------
   * prefix-instrument-vN-<one character per item>-<key>-<check>; the check is CRC-32 in base 36. */
  var CRC_TABLE = null;
  var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
  function crc32(text) {
    if (!CRC_TABLE) {
      CRC_TABLE = [];
      for (var n = 0; n < 256; n++) {
        var c = n;
        for (var k = 0; k < 8; k++) { c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; }
        CRC_TABLE[n] = c >>> 0;
      }
    }
    var bytes = new TextEncoder().encode(text), crc = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) { crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8); }
    return (crc ^ 0xffffffff) >>> 0;
  }
  function base36(n, width) {
    var out = "";
    while (n) { out = DIGITS.charAt(n % 36) + out; n = Math.floor(n / 36); }
    while (out.length < width) { out = "0" + out; }
    return out;
  }
  function checkLetters(body, length) { return base36(crc32(body), length || 7); }
  function newKey(length) {
    var bytes = new Uint8Array(length), out = "";
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    for (var i = 0; i < length; i++) { out += DIGITS.charAt(bytes[i] % DIGITS.length); }
    return out;
  }
  /* rules: the rule file's "code" part; values: item id -> "1".."9" or "-1" (don't know), in item order */
  function answerCode(rules, inst, version, items, values, key) {
    var chars = items.map(function (id) {
      var v = values[id];
      return v === undefined ? rules.unanswered : v === "-1" ? rules.dont_know : String(v);
    }).join("");
    var body = [rules.prefix, inst, "v" + version, chars, key].join("-");
    return body + "-" + checkLetters(body, rules.check_length);
  }
  window.HLSCodes = { checkLetters: checkLetters, answerCode: answerCode };

  /* The participant view (chapter?answer=<instrument>): the questions and the profile only. */
  function answerView(root) {
    var cell = root.closest(".cell") || root;
    var bar = el("p", "", "hls-answer-bar");
    bar.appendChild(document.createTextNode("Your answers stay on this device and are sent nowhere. "));
    var back = el("a", "Read the chapter");
    back.href = window.location.pathname;
    bar.appendChild(back);
    root.insertBefore(bar, root.firstChild);
    root.insertBefore(el("h1", "Self-assessment: " + root.getAttribute("data-title"), "hls-answer-title"), bar);
    root.insertBefore(el("h2", "The statements, by theme", "visually-hidden"), bar.nextSibling);
    isolate([cell], "hls-answer-hide");
    document.documentElement.classList.add("hls-answer-view");
    window.scrollTo(0, 0);
  }

  /* ---------- self-assessments ---------- */
  function setupQuestionnaire(root) {
    var inst = root.getAttribute("data-instrument");
    var version = Number(root.getAttribute("data-version"));
    var key = "hls:" + inst + ":v" + version;
    var state = readStore(key);
    state.answers = state.answers || {};
    var boxes = Array.prototype.slice.call(root.querySelectorAll("[data-item]"));
    var alias = root.querySelector(".hls-alias");
    var status = root.querySelector(".hls-status");
    if (alias) { alias.value = state.name || ""; }

    function radios(box) { return Array.prototype.slice.call(box.querySelectorAll("input[type=radio]")); }
    function choose(box, value) {
      var r = radios(box).filter(function (x) { return x.value === String(value); })[0];
      if (r && !r.checked) { r.checked = true; r.dispatchEvent(new Event("change", { bubbles: true })); }
    }
    function count() { return Object.keys(state.answers).length; }
    function report(extra) {
      var end = extra && /[.!?]$/.test(extra) ? "" : ".";   // every status line is a full sentence
      say(status, count() + " of " + boxes.length + " answered" + (extra ? ". " + extra : "") + end);
      showCode();
    }
    var codeSpec = root.querySelector("script.hls-code-rules");
    codeSpec = codeSpec ? JSON.parse(codeSpec.textContent) : null;
    var codeField = root.querySelector(".hls-code");
    /* The answer code follows the answers; its key stays with this browser's answers, so a later
     * code from the same person replaces an earlier one when the facilitator pools them. */
    function showCode() {
      if (!codeField || !codeSpec) { return; }
      if (!count()) { codeField.value = ""; return; }
      if (!state.key) { state.key = newKey(codeSpec.code.key_length); writeStore(key, state); }
      codeField.value = answerCode(codeSpec.code, inst, version, codeSpec.items, state.answers, state.key);
    }
    function restore() {
      if (!boxes.every(function (b) { return radios(b).length > 0; })) { return false; }
      boxes.forEach(function (b) {
        var want = state.answers[b.getAttribute("data-item")];
        if (want !== undefined) { choose(b, want); }
      });
      report(count() ? "Your earlier answers were restored from this browser" : "");
      return true;
    }
    if (new URLSearchParams(window.location.search).get("answer") === inst) { answerView(root); }
    var tries = 0;
    var timer = setInterval(function () { if (restore() || ++tries > 200) { clearInterval(timer); } }, 100);

    root.addEventListener("change", function (ev) {
      var box = ev.target.closest ? ev.target.closest("[data-item]") : null;
      if (!box || ev.target.type !== "radio") { return; }
      var item = box.getAttribute("data-item");
      if (ev.target.value === "0") { delete state.answers[item]; } else { state.answers[item] = ev.target.value; }
      writeStore(key, state);
      report();
    });
    if (alias) {
      alias.addEventListener("input", function () { state.name = alias.value; writeStore(key, state); });
    }
    var copyButton = root.querySelector(".hls-copy-code");
    if (copyButton && codeField) {
      copyButton.addEventListener("click", function () {
        showCode();
        if (!codeField.value) { report("Answer at least one statement before copying your answer code"); return; }
        var copied = function () {
          report("Your answer code is copied. Paste it where your facilitator asked (the meeting chat or the shared document)");
        };
        codeField.focus();
        codeField.select();
        var viaSelection = function () {
          var ok = false;
          try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
          if (ok) { copied(); } else { report("Your answer code is selected: copy it with your device's Copy command"); }
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(codeField.value).then(copied, viaSelection);
        } else { viaSelection(); }
      });
    }
    root.querySelector(".hls-download").addEventListener("click", function () {
      if (!count()) { report("Answer at least one item before downloading"); return; }
      var answers = {};
      boxes.forEach(function (b) {
        var item = b.getAttribute("data-item");
        var v = state.answers[item];
        if (v === undefined) { return; }
        answers[item] = v === "-1" ? "dk" : Number(v);
      });
      var file = { format: FORMAT, instrument: inst, version: version, date: today(),
                   name: alias ? alias.value.trim() : "", answers: answers };
      var filename = inst + "-" + today() + "-" + tag() + ".json";
      download(filename, JSON.stringify(file, null, 1), "application/json");
      report("Downloaded your answers file, " + filename);
    });
    var printButton = root.querySelector(".hls-print-profile");
    if (printButton) {
      printButton.addEventListener("click", function () {
        var cell = root.closest(".cell") || root.parentNode;
        var chart = cell.querySelector(".vega-embed svg") || cell.querySelector(".vega-embed");
        var sheet = el("div");
        sheet.appendChild(el("h1", "My profile: " + root.getAttribute("data-title")));
        sheet.appendChild(el("p", today() + ". " + count() + " of " + boxes.length + " statements answered. " +
          "For learning together, never for ranking people or judging performance."));
        if (chart) { sheet.appendChild(chart.cloneNode(true)); }
        sheet.appendChild(el("p", root.getAttribute("data-credit"), "hls-print-credit"));
        printAlone(sheet);
      });
    }
    confirmBeforeClearing(root.querySelector(".hls-clear"), function () {
      return "Clear all " + count() + " of your answers from this browser? This cannot be undone.";
    }, function () { return !count() && !(alias && alias.value); }, function () {
      boxes.forEach(function (b) { choose(b, 0); });   // each change also updates the chart
      state = { answers: {} };
      if (alias) { alias.value = ""; }
      try { window.localStorage.removeItem(key); } catch (e) { /* storage blocked: nothing was stored */ }
      report("Your answers were cleared from this browser");
    }, status);
  }

  /* ---------- experiment designer ---------- */
  function isoDate(text) {   // "2026-03-01" (a real day) or null
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text || "").trim());
    if (!m) { return null; }
    var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? m[0] : null;
  }
  function evaluate(rule, d) {   // the same rules, in the same order, as hlskit/experiments.py
    var text = rule.fields.map(function (f) { return d[f] || ""; }).join(" ");
    var blank = function (f) { return String(d[f] || "").trim() === ""; };
    if (rule.fields.every(blank)) { return rule.missing; }   // an empty form meets no criterion
    var filled = !rule.fields.some(blank);
    var hit = rule.pattern ? new RegExp(rule.pattern, "i").test(text) : false;
    var start = isoDate(d.start), end = isoDate(d.end);
    var dated = Boolean(start && end && end >= start);   // ISO dates compare as text
    var months = dated ? (Date.parse(end) - Date.parse(start)) / 86400000 / 30.44 : Infinity;
    var ok = { filled: filled, dates: dated, max_months: dated && months <= rule.limit, absent: !hit,
               present: filled && hit, filled_absent: filled && !hit }[rule.kind];
    return ok ? "met" : rule.missing;
  }
  // The reader's words in a downloaded Markdown card, as typed: only emphasis, code, links, a tag or
  // an entity are made inert (the same rule as md_export_escape in the package's html.py).
  function mdEscape(s) {
    return String(s || "").replace(/[\\`*_\[\]]|<(?=[A-Za-z\/!?])|&(?=#?\w+;)/g,
                                   function (c) { return c === "<" ? "&lt;" : "\\" + c; })
      .split(/\s+/).join(" ").trim();
  }
  function plain(s) { return String(s || "").split(/\s+/).join(" ").trim(); }
  function setupExperiment(root) {
    var spec = JSON.parse(root.querySelector("script.hls-rules").textContent);
    spec.labelOf = {};
    spec.labels.forEach(function (pair) { spec.labelOf[pair[0]] = pair[1]; });
    var key = "hls:experiment:v" + spec.version;
    var inputs = Array.prototype.slice.call(root.querySelectorAll("[data-field]"));
    var list = root.querySelector(".hls-findings");
    var summary = root.querySelector(".hls-summary");
    var status = root.querySelector(".hls-status");
    var saved = readStore(key);
    inputs.forEach(function (el) { if (saved[el.getAttribute("data-field")] !== undefined) { el.value = saved[el.getAttribute("data-field")]; } });

    function design() {
      var d = {};
      inputs.forEach(function (el) { d[el.getAttribute("data-field")] = el.value; });
      return d;
    }
    function dateProblem(d) {   // a typed date the form cannot read is named, never dropped
      var bad = ["start", "end"].filter(function (f) { return plain(d[f]) && !isoDate(d[f]); });
      return bad.length ? bad.map(function (f) { return spec.labelOf[f] + ": \u201c" + plain(d[f]) + "\u201d"; })
        .join("; ") : "";
    }
    function findings(d) {
      var order = { gap: 0, caution: 1, met: 2 };
      var problem = dateProblem(d);
      var met = {};
      return spec.rules.map(function (r) {   // a rule only follows the one it needs, as in the package
        var sev = evaluate(r, d);
        var msg = sev === "met" ? r.prompt : r.gap;
        if (r.needs && !met[r.needs]) { sev = r.missing; msg = r.waiting; }
        met[r.id] = sev === "met";
        if (r.kind === "dates" && sev !== "met" && problem) {
          msg = "This is not a date the form can read (" + problem + "). Write dates as year-month-day, for example 2026-03-01.";
        } else if (r.kind === "dates" && sev !== "met" && isoDate(d.start) && isoDate(d.end)) {
          msg = "The end date (" + d.end + ") is before the start date (" + d.start + ").";
        }
        return { check: r.id, severity: sev, message: msg };
      }).sort(function (a, b) { return order[a.severity] - order[b.severity]; });
    }
    function markDates(d) {
      ["start", "end"].forEach(function (f) {
        var el = root.querySelector("[data-field=" + f + "]");
        if (el) { el.setAttribute("aria-invalid", plain(d[f]) && !isoDate(d[f]) ? "true" : "false"); }
      });
    }
    function render() {
      var d = design();
      writeStore(key, d);
      markDates(d);
      var found = findings(d);
      var met = found.filter(function (f) { return f.severity === "met"; }).length;
      say(summary, met + " of " + found.length + " criteria met.");
      while (list.firstChild) { list.removeChild(list.firstChild); }
      found.forEach(function (f) {
        var li = document.createElement("li");
        li.setAttribute("data-check", f.check);
        li.setAttribute("data-severity", f.severity);
        var b = document.createElement("strong");
        b.textContent = spec.marks[f.severity] + ": ";
        li.appendChild(b);
        li.appendChild(document.createTextNode(f.message));
        list.appendChild(li);
      });
      return found;
    }
    function cardText() {   // plain text, to paste into an email: no markup of any kind
      var d = design();
      var lines = ["Experiment card: " + (plain(d.title) || "untitled"), ""];
      spec.labels.forEach(function (pair) {
        var v = d[pair[0]];
        if (pair[0] === "scale" || pair[0] === "stage") { v = spec.names[v] || v; }
        lines.push(pair[1] + ": " + (plain(v) || "\u2014"));
      });
      lines.push("", "Review against the criteria");
      findings(d).forEach(function (f) { lines.push("- " + spec.marks[f.severity] + ": " + f.message); });
      lines.push("", spec.credit);
      return lines.join("\n") + "\n";
    }
    function cardMarkdown() {
      var d = design();
      var lines = ["# Experiment card: " + mdEscape(d.title || "untitled"), ""];
      spec.labels.forEach(function (pair) {
        var v = d[pair[0]];
        if (pair[0] === "scale" || pair[0] === "stage") { v = spec.names[v] || v; }
        lines.push("**" + pair[1] + ":** " + (mdEscape(v) || "—"), "");
      });
      lines.push("## Review against the criteria", "");
      findings(d).forEach(function (f) { lines.push("- " + spec.marks[f.severity] + ": " + mdEscape(f.message)); });
      lines.push("", spec.credit);
      return lines.join("\n") + "\n";
    }
    root.addEventListener("input", render);
    root.addEventListener("change", render);
    function slug() {
      return (design().title || "experiment").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "experiment";
    }
    root.querySelector(".hls-download-text").addEventListener("click", function () {
      download("experiment-" + slug() + ".txt", cardText(), "text/plain");
      say(status, "Downloaded the card as a text file. Open it and copy the text into your email.");
    });
    root.querySelector(".hls-download").addEventListener("click", function () {
      download("experiment-" + slug() + ".md", cardMarkdown(), "text/markdown");
      say(status, "Downloaded the card for the facilitator.");
    });
    function cardSheet() {
      var d = design(), sheet = el("div"), list = el("dl"), table = el("table"), body = el("tbody");
      sheet.appendChild(el("h1", "Experiment card: " + (d.title || "untitled")));
      spec.labels.forEach(function (pair) {
        var v = d[pair[0]];
        if (pair[0] === "scale" || pair[0] === "stage") { v = spec.names[v] || v; }
        list.appendChild(el("dt", pair[1]));
        list.appendChild(el("dd", String(v || "").trim() || "—"));
      });
      sheet.appendChild(list);
      sheet.appendChild(el("h2", "Review against the criteria"));
      var head = el("tr");
      head.appendChild(el("th", "Result")); head.appendChild(el("th", "What it means"));
      var thead = el("thead"); thead.appendChild(head); table.appendChild(thead);
      findings(d).forEach(function (f) {
        var tr = el("tr");
        tr.appendChild(el("td", spec.marks[f.severity])); tr.appendChild(el("td", f.message));
        body.appendChild(tr);
      });
      table.appendChild(body);
      sheet.appendChild(table);
      sheet.appendChild(el("p", spec.credit, "hls-print-credit"));
      return sheet;
    }
    root.querySelector(".hls-print").addEventListener("click", function (ev) {
      ev.preventDefault();
      printAlone(cardSheet());
    });
    function blank(el) { return el.tagName === "SELECT" ? el.options[0].value : ""; }
    confirmBeforeClearing(root.querySelector(".hls-clear"), function () {
      return "Clear everything you typed in this form? This cannot be undone.";
    }, function () { return inputs.every(function (el) { return el.value === blank(el); }); }, function () {
      inputs.forEach(function (el) { el.value = blank(el); });
      try { window.localStorage.removeItem(key); } catch (e) { /* nothing stored */ }
      render();
      say(status, "The form was cleared.");
    }, status);
    render();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".hls-questionnaire[data-instrument]"), setupQuestionnaire);
    Array.prototype.forEach.call(document.querySelectorAll(".hls-experiment-form"), setupExperiment);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
