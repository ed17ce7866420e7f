/* The Team results page: pool a group's self-assessment answers in the browser.
 *
 * It reads the same rule file as `hlskit pool` (embedded in the page with each self-assessment's
 * items and the report's two charts) and follows the same steps, so the same files and codes give
 * the same figures and the same words: responses.py (reading and checking files and codes),
 * assessments.py (pooling, questions to talk about) and reports.py (the report's figures and text).
 * Files are read here and never sent anywhere. All text from files goes in with textContent.
 * window.HLSPool.model() is the pure part, used by the page and by the tests.
 */
(function () {
  "use strict";
  var me = document.currentScript;
  var LIBS = (me && me.getAttribute("data-libs") || "").split(/\s+/).filter(Boolean);
  var DATA = null;       // the page's data block: rules, instruments, known ids
  var R = null;          // DATA.rules

  /* ---------- small shared pieces ---------- */
  function fill(template, values) {          // as pooling_rules.fill: {name} fields, nothing else
    return String(template).replace(/\{([a-z_]+)\}/g, function (m, k) {
      return Object.prototype.hasOwnProperty.call(values, k) ? String(values[k]) : m;
    });
  }
  function msg(key, values) { return fill(R.messages[key], values || {}); }
  function round9(v) { return Number(Number(v).toFixed(R.sort_digits)); }   // pooling_rules.rank_key
  function rankKey(v) { return v === null || v === undefined || v !== v ? NaN : round9(v); }
  function oneDecimal(v) {                   // reports.one_decimal: half up, after rounding away float noise
    if (v === null || v === undefined || v !== v) { return ""; }
    return (Math.floor(round9(v) * 10 + 0.5) / 10).toFixed(1);
  }

  /* ---------- JSON as Python's json module reads it ----------
   * Same values (NaN and Infinity too), the same place for an error (reported as a line number), and
   * every object kept as its pairs in order, so a repeated key is caught as `object_pairs_hook` does. */
  function Pairs(list) { this.list = list; }
  Pairs.prototype.get = function (k) {
    for (var i = this.list.length - 1; i >= 0; i--) { if (this.list[i][0] === k) { return this.list[i][1]; } }
    return undefined;
  };
  Pairs.prototype.has = function (k) { return this.list.some(function (p) { return p[0] === k; }); };
  function JsonError(pos) { this.pos = pos; }
  function RepeatedKey(key) { this.key = key; }
  var ESCAPES = { "\"": "\"", "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
  var NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;

  function parseJson(s) {
    function ws(p) {
      while (p < s.length) {
        var c = s.charCodeAt(p);
        if (c !== 32 && c !== 9 && c !== 10 && c !== 13) { break; }
        p++;
      }
      return p;
    }
    function string(p) {                     // p: just after the opening quote
      var begin = p - 1, out = "";
      for (;;) {
        var q = p;
        while (q < s.length) {
          var c = s.charCodeAt(q);
          if (c === 34 || c === 92 || c < 32) { break; }
          q++;
        }
        if (q >= s.length) { throw new JsonError(begin); }
        out += s.slice(p, q);
        var t = s.charAt(q);
        if (t === "\"") { return [out, q + 1]; }
        if (t !== "\\") { throw new JsonError(q); }      // a control character
        if (q + 1 >= s.length) { throw new JsonError(begin); }
        var e = s.charAt(q + 1);
        if (e !== "u") {
          if (!Object.prototype.hasOwnProperty.call(ESCAPES, e)) { throw new JsonError(q + 1); }
          out += ESCAPES[e];
          p = q + 2;
          continue;
        }
        var hex = s.slice(q + 2, q + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) { throw new JsonError(q + 1); }
        var u = parseInt(hex, 16);
        p = q + 6;
        if (u >= 0xd800 && u <= 0xdbff && s.slice(p, p + 2) === "\\u") {
          var hex2 = s.slice(p + 2, p + 6);
          if (/^[0-9a-fA-F]{4}$/.test(hex2)) {
            var u2 = parseInt(hex2, 16);
            if (u2 >= 0xdc00 && u2 <= 0xdfff) { out += String.fromCharCode(u, u2); p += 6; continue; }
          }
        }
        out += String.fromCharCode(u);
      }
    }
    function value(p) {
      var c = s.charAt(p);
      if (c === "\"") { return string(p + 1); }
      if (c === "{") { return object(p + 1); }
      if (c === "[") { return array(p + 1); }
      if (c === "n" && s.substr(p, 4) === "null") { return [null, p + 4]; }
      if (c === "t" && s.substr(p, 4) === "true") { return [true, p + 4]; }
      if (c === "f" && s.substr(p, 5) === "false") { return [false, p + 5]; }
      NUMBER.lastIndex = p;
      var m = NUMBER.exec(s);
      if (m && m[0] !== "-") {
        var n = Number(m[0]);
        return [m[1] || m[2] ? { float: n } : n, p + m[0].length];
      }
      if (c === "N" && s.substr(p, 3) === "NaN") { return [{ float: NaN }, p + 3]; }
      if (c === "I" && s.substr(p, 8) === "Infinity") { return [{ float: Infinity }, p + 8]; }
      if (c === "-" && s.substr(p, 9) === "-Infinity") { return [{ float: -Infinity }, p + 9]; }
      throw new JsonError(p);
    }
    function object(p) {
      var pairs = [];
      p = ws(p);
      if (s.charAt(p) === "}") { return [new Pairs(pairs), p + 1]; }
      if (s.charAt(p) !== "\"") { throw new JsonError(p); }
      for (;;) {
        var k = string(p + 1);
        p = ws(k[1]);
        if (s.charAt(p) !== ":") { throw new JsonError(p); }
        var v = value(ws(p + 1));
        pairs.push([k[0], v[0]]);
        p = ws(v[1]);
        if (s.charAt(p) === "}") { break; }
        if (s.charAt(p) !== ",") { throw new JsonError(p); }
        p = ws(p + 1);
        if (s.charAt(p) !== "\"") { throw new JsonError(p); }
      }
      var seen = {};
      for (var i = 0; i < pairs.length; i++) {
        if (Object.prototype.hasOwnProperty.call(seen, pairs[i][0])) { throw new RepeatedKey(pairs[i][0]); }
        seen[pairs[i][0]] = true;
      }
      return [new Pairs(pairs), p + 1];
    }
    function array(p) {
      var out = [];
      p = ws(p);
      if (s.charAt(p) === "]") { return [out, p + 1]; }
      for (;;) {
        var v = value(p);
        out.push(v[0]);
        p = ws(v[1]);
        if (s.charAt(p) === "]") { return [out, p + 1]; }
        if (s.charAt(p) !== ",") { throw new JsonError(p); }
        p = ws(p + 1);
      }
    }
    var r = value(ws(0));
    var end = ws(r[1]);
    if (end !== s.length) { throw new JsonError(end); }
    return r[0];
  }
  function lineAt(s, pos) { return s.slice(0, pos).split("\n").length; }

  /* A value from a file as Python's json.dumps writes it (for messages): pooling_rules.shown. */
  function pyFloat(n) {
    if (n !== n) { return "NaN"; }
    if (n === Infinity) { return "Infinity"; }
    if (n === -Infinity) { return "-Infinity"; }
    if (Number.isInteger(n) && Math.abs(n) < 1e16) { return n.toFixed(1); }
    var t = String(n);
    return t.replace(/e([+-])(\d)$/, "e$10$2");
  }
  function shown(v) {
    if (v === undefined) { return "missing"; }
    if (v === null) { return "null"; }
    if (v === true || v === false) { return String(v); }
    if (typeof v === "number") { return String(v); }
    if (typeof v === "string") { return JSON.stringify(v); }
    if (v instanceof Pairs) {
      return "{" + v.list.map(function (p) { return JSON.stringify(p[0]) + ":" + shown(p[1]); }).join(",") + "}";
    }
    if (Array.isArray(v)) { return "[" + v.map(shown).join(",") + "]"; }
    return pyFloat(v.float);
  }
  function isFloat(v) { return v !== null && typeof v === "object" && !(v instanceof Pairs) && !Array.isArray(v); }

  /* ---------- answer codes (answer_codes.py); the check letters come from the forms script ---------- */
  function findCodes(text) { return String(text).toLowerCase().match(new RegExp(R.code.pattern, "g")) || []; }

  function instrumentById(id) {
    return DATA.instruments.filter(function (i) { return i.id === id; })[0] || null;
  }

  function decodeCode(codeText) {
    var C = R.code, text = codeText.trim().toLowerCase(), parts = text.split("-");
    if (parts.length < 6 || parts[0] !== C.prefix || parts[parts.length - 1].length !== C.check_length ||
        !/^v[0-9]+$/.test(parts[parts.length - 4])) {
      throw new Error(msg("code_broken"));
    }
    var body = text.slice(0, -(C.check_length + 1));
    if (window.HLSCodes.checkLetters(body, C.check_length) !== parts[parts.length - 1]) { throw new Error(msg("code_check")); }
    var instId = parts.slice(1, -4).join("-"), version = parseInt(parts[parts.length - 4].slice(1), 10);
    var chars = parts[parts.length - 3], key = parts[parts.length - 2];
    var inst = instrumentById(instId);
    if (!inst) { throw new Error(msg("unknown_instrument", { instrument: instId, known: DATA.known })); }
    if (version !== inst.version) {
      throw new Error(msg("old_version", { got: String(version), instrument: inst.id, current: inst.version }));
    }
    if (chars.length !== inst.items.length) {
      throw new Error(msg("code_length", { got: chars.length, instrument: inst.id, version: inst.version,
                                           want: inst.items.length }));
    }
    var top = inst.scale.length, answers = [];
    for (var i = 0; i < chars.length; i++) {
      var ch = chars.charAt(i);
      if (ch === C.unanswered) { continue; }
      if (ch === C.dont_know) { answers.push([inst.items[i].id, R.dont_know]); }
      else if (/^[0-9]$/.test(ch) && +ch >= 1 && +ch <= top) { answers.push([inst.items[i].id, +ch]); }
      else { throw new Error(msg("code_value", { value: ch, position: i + 1, top: top })); }
    }
    var raw = new Pairs([["format", R.format], ["instrument", inst.id], ["version", inst.version],
                         ["answers", new Pairs(answers)]]);
    return { raw: raw, key: key };
  }

  /* ---------- one response, checked (responses.check_raw) ---------- */
  function Problem(problem) { this.problem = problem; }

  function checkRaw(raw, position) {
    if (!(raw instanceof Pairs) || raw.get("format") !== R.format) {
      throw new Problem(msg("not_response", { format: R.format }));
    }
    var instId = raw.get("instrument");
    var inst = typeof instId === "string" ? instrumentById(instId) : null;
    if (!inst) {
      throw new Problem(msg("unknown_instrument", { instrument: typeof instId === "string" ? instId : shown(instId),
                                                    known: DATA.known }));
    }
    var version = raw.get("version");
    var vnum = isFloat(version) ? version.float : version;
    if (typeof vnum !== "number" || vnum !== inst.version) {
      throw new Problem(msg("old_version", { got: shown(version), instrument: inst.id, current: inst.version }));
    }
    var answers = raw.get("answers");
    if (!(answers instanceof Pairs)) { throw new Problem(msg("no_answers")); }
    var items = {}, top = inst.scale.length, clean = {};
    inst.items.forEach(function (it) { items[it.id] = true; });
    answers.list.forEach(function (pair) {
      var id = pair[0], v = pair[1];
      if (!items[id]) {
        var other = DATA.other_items[id];
        throw new Problem(other && other !== inst.id ? msg("other_instrument_item", { item: id, other: other })
                                                     : msg("unknown_item", { item: id }));
      }
      if (v === null) { return; }
      if (v === R.dont_know) { clean[id] = v; return; }
      if (isFloat(v) && Number.isInteger(v.float)) { v = v.float; }
      if (typeof v !== "number" || !Number.isInteger(v)) {
        throw new Problem(msg("not_a_number", { item: id, value: shown(v), top: top }));
      }
      if (v < 1 || v > top) { throw new Problem(msg("outside_scale", { item: id, value: v, top: top })); }
      clean[id] = v;
    });
    return { instrument: inst.id, answers: clean, position: position };
  }

  /* ---------- a group's files and codes (responses._Reader) ---------- */
  function textOf(bytes) {
    if (bytes.length > R.max_file_bytes) {
      throw new Problem(msg("too_big", { size: Math.floor(bytes.length / 1000 + 0.5) }));
    }
    var text;
    try { text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); }
    catch (e) { throw new Problem(msg("not_utf8")); }
    if (!text.trim()) { throw new Problem(msg("empty")); }
    return text;
  }

  function Reader(instrument) {
    this.instrument = instrument;
    this.responses = [];
    this.problems = [];
    this.given = 0;
    this.codes = {};     // code text -> position
    this.keys = {};      // instrument + key -> index in responses
  }
  Reader.prototype.problem = function (text, position) {
    this.problems.push({ position: position === undefined ? this.given : position, problem: text });
  };
  Reader.prototype.add = function (resp) {
    if (this.instrument && resp.instrument !== this.instrument) {
      return this.problem(msg("not_this_instrument", { got: resp.instrument, want: this.instrument }));
    }
    this.responses.push(resp);
  };
  Reader.prototype.file = function (bytes) {
    var text;
    try { text = textOf(bytes); }
    catch (e) { this.given += 1; return this.problem(e.problem); }
    var braced = text.replace(/^\s+/, "").charAt(0) === "{";
    var codes = findCodes(text);
    if (braced || !codes.length) {
      this.given += 1;
      try { return this.add(this.parse(text)); }
      catch (e) {
        if (!(e instanceof Problem)) { throw e; }
        return this.problem(braced ? e.problem : msg("no_codes"));
      }
    }
    var self = this;
    codes.forEach(function (c) { self.code(c); });
  };
  Reader.prototype.parse = function (text) {
    var raw;
    try { raw = parseJson(text); }
    catch (e) {
      if (e instanceof RepeatedKey) { throw new Problem(msg("duplicate_item", { item: e.key })); }
      if (e instanceof JsonError) { throw new Problem(msg("not_json", { line: lineAt(text, e.pos) })); }
      if (e instanceof RangeError) { throw new Problem(msg("not_json", { line: 1 })); }  // nested too deep
      throw e;
    }
    return checkRaw(raw, this.given);
  };
  Reader.prototype.code = function (code) {
    this.given += 1;
    if (Object.prototype.hasOwnProperty.call(this.codes, code)) {
      return this.problem(msg("given_twice", { first: this.codes[code] }));
    }
    this.codes[code] = this.given;
    var resp, decoded;
    try {
      decoded = decodeCode(code);
      resp = checkRaw(decoded.raw, this.given);
    } catch (e) {
      if (e instanceof Problem) { return this.problem(e.problem); }
      if (e instanceof Error) { return this.problem(e.message); }
      throw e;
    }
    var same = resp.instrument + " " + decoded.key;
    if (Object.prototype.hasOwnProperty.call(this.keys, same)) {   // the same person's later code replaces it
      var i = this.keys[same], earlier = this.responses[i];
      this.problem(msg("same_person", { later: resp.position }), earlier.position);
      this.responses[i] = resp;
      return;
    }
    if (!this.instrument || resp.instrument === this.instrument) { this.keys[same] = this.responses.length; }
    this.add(resp);
  };

  /* files: [{name, bytes}] in the order given; a file given twice (the same bytes) counts once. */
  function load(files, codesText, instrument) {
    var reader = new Reader(instrument), seen = [];
    files.forEach(function (f) {
      for (var k = 0; k < seen.length; k++) {
        if (sameBytes(seen[k].bytes, f.bytes)) {
          reader.given += 1;
          return reader.problem(msg("given_twice", { first: seen[k].position }));
        }
      }
      seen.push({ bytes: f.bytes, position: reader.given + 1 });
      reader.file(f.bytes);
    });
    findCodes(codesText || "").forEach(function (c) { reader.code(c); });
    reader.problems.sort(function (a, b) { return a.position - b.position; });
    return reader;
  }
  function sameBytes(a, b) {
    if (a.length !== b.length) { return false; }
    for (var i = 0; i < a.length; i++) { if (a[i] !== b[i]) { return false; } }
    return true;
  }

  /* ---------- pooling (assessments.pool, reflections) ---------- */
  function mean(xs) { return xs.reduce(function (a, b) { return a + b; }, 0) / xs.length; }
  function sd(xs) {
    var m = mean(xs);
    return Math.sqrt(xs.reduce(function (a, x) { return a + (x - m) * (x - m); }, 0) / xs.length);
  }
  function byText(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  /* a stable sort; keys compared in turn, NaN last */
  function sortBy(rows, keys) {
    return rows.map(function (r, i) { return [r, i]; }).sort(function (x, y) {
      for (var k = 0; k < keys.length; k++) {
        var a = keys[k].get(x[0]), b = keys[k].get(y[0]), d = keys[k].desc ? -1 : 1;
        if (a !== a || b !== b) { if (a === a) { return -1; } if (b === b) { return 1; } continue; }
        if (a !== b) { return a < b ? -d : d; }
      }
      return x[1] - y[1];
    }).map(function (p) { return p[0]; });
  }

  function pool(responses, inst) {
    var top = inst.scale.length, labels = {}, dimOf = {}, textOf_ = {};
    inst.scale.forEach(function (p) { labels[p[0]] = p[1]; });
    inst.items.forEach(function (it) { dimOf[it.id] = it.dimension; textOf_[it.id] = it.text; });
    var counts = {}, dk = {}, byItem = {}, persons = [];
    responses.forEach(function (r) {
      var dims = {};
      inst.items.forEach(function (it) {
        var v = r.answers[it.id];
        if (v === R.dont_know) { dk[it.id] = (dk[it.id] || 0) + 1; return; }
        if (typeof v !== "number") { return; }
        var scored = it.reverse ? top + 1 - v : v;
        counts[it.id] = counts[it.id] || {};
        counts[it.id][v] = (counts[it.id][v] || 0) + 1;
        (byItem[it.id] = byItem[it.id] || []).push(scored);
        (dims[it.dimension] = dims[it.dimension] || []).push(scored);
      });
      persons.push(dims);
    });
    var distribution = [];
    Object.keys(textOf_).sort(byText).forEach(function (id) {
      if (dk[id]) { distribution.push({ item: id, answer: 0, answer_label: inst.dont_know, count: dk[id] }); }
      Object.keys(counts[id] || {}).map(Number).sort(function (a, b) { return a - b; }).forEach(function (v) {
        distribution.push({ item: id, answer: v, answer_label: labels[v], count: counts[id][v] });
      });
    });
    var dimensions = inst.dimensions.map(function (d) {
      var scores = persons.filter(function (p) { return p[d.id]; }).map(function (p) { return mean(p[d.id]); });
      var dks = inst.items.filter(function (it) { return it.dimension === d.id; })
        .reduce(function (a, it) { return a + (dk[it.id] || 0); }, 0);
      var any = scores.length > 0;
      return { dimension: d.id, name: d.name, mean: any ? mean(scores) : null, sd: any ? sd(scores) : null,
               low: any ? Math.min.apply(null, scores) : null, high: any ? Math.max.apply(null, scores) : null,
               respondents: scores.length, dont_know: dks };
    });
    var items = Object.keys(byItem).sort(byText).map(function (id) {
      var xs = byItem[id], low = Math.min.apply(null, xs), high = Math.max.apply(null, xs);
      return { item: id, text: textOf_[id], sd: sd(xs), spread: high - low, answered: xs.length };
    });
    var differences = sortBy(items, [{ get: function (r) { return rankKey(r.sd); }, desc: true },
                                     { get: function (r) { return r.spread; }, desc: true }]);
    return { respondents: responses.length, distribution: distribution, dimensions: dimensions,
             differences: differences };
  }

  function reflections(dimensions, inst, howMany) {
    var prompts = {};
    inst.dimensions.forEach(function (d) { prompts[d.id] = d; });
    var scored = dimensions.filter(function (d) { return d.mean !== null; }).map(function (d) {
      return { d: d, rank: rankKey(d.mean), spread: rankKey(d.high - d.low) };
    });
    var low = sortBy(scored, [{ get: function (r) { return r.rank; } }]).slice(0, howMany);
    var divided = sortBy(scored.filter(function (r) { return r.spread === r.spread; }),
                         [{ get: function (r) { return r.spread; }, desc: true }]).slice(0, howMany);
    var dividedIds = {}, lowIds = {};
    divided.forEach(function (r) { if (r.spread > 0) { dividedIds[r.d.dimension] = true; } });
    low.forEach(function (r) { lowIds[r.d.dimension] = true; });
    var bottom = low.length ? Math.min.apply(null, low.map(function (r) { return r.rank; })) : null;
    var rows = low.map(function (r) {
      return { why: (r.rank === bottom ? "lowest" : "next lowest") + (dividedIds[r.d.dimension] ? " and most divided" : ""), d: r.d };
    });
    divided.forEach(function (r) {
      if (dividedIds[r.d.dimension] && !lowIds[r.d.dimension]) { rows.push({ why: "most divided", d: r.d }); }
    });
    return rows.map(function (r) {
      var why = fill(R.report.why[r.why.replace(/ /g, "_")],
                     { mean: oneDecimal(r.d.mean), low: oneDecimal(r.d.low), high: oneDecimal(r.d.high) });
      return { name: prompts[r.d.dimension].name, why: why, prompt: prompts[r.d.dimension].prompt };
    });
  }

  /* ---------- the report's figures and words (reports.report_model) ---------- */
  var SHOWN_DIFFERENCES = 5;

  function reportModel(team, inst, problems, given) {
    var W = R.report, label = {}, text = {};
    inst.items.forEach(function (it) { label[it.id] = it.label; text[it.id] = it.text; });
    var diffs = team.differences.slice(0, SHOWN_DIFFERENCES).filter(function (r) { return r.spread > 0; });
    var dims = {};
    team.dimensions.forEach(function (d) { dims[d.dimension] = d; });
    return {
      title: fill(W.title, { title: inst.title }),
      answered: fill(team.respondents !== 1 ? W.answered : W.answered_one, { n: team.respondents, version: inst.version }),
      small_group: "",
      skipped: problems.map(function (p) { return fill(W.skipped_item, { position: p.position, problem: p.problem }); }),
      skipped_count: problems.length ? fill(W.skipped_count, { n: problems.length, total: given || team.respondents + problems.length }) : "",
      dimensions: inst.dimensions.map(function (d) {
        var r = dims[d.id];
        return [d.name, oneDecimal(r.mean), oneDecimal(r.low), oneDecimal(r.high), String(r.respondents), String(r.dont_know)];
      }),
      differences: diffs.length ? diffs.map(function (r) { return fill(W.differ_item, { text: r.text, spread: oneDecimal(r.spread) }); })
                                : [W.differ_none],
      talk: reflections(team.dimensions, inst, 2),
      dimension_rows: inst.dimensions.filter(function (d) { return dims[d.id].respondents; }).map(function (d) {
        var r = dims[d.id];
        return { name: r.name, mean: r.mean, low: r.low, high: r.high, respondents: r.respondents };
      }),
      answer_rows: team.distribution.map(function (r) {
        return { item: r.item, text: text[r.item], label: label[r.item], answer_label: r.answer_label,
                 count: r.count, share: r.count / team.respondents };
      }),
    };
  }

  /* Everything the page shows, from the files and codes given: {model} or {refused} with the problems. */
  function model(files, codesText, instrumentId) {
    var inst = instrumentById(instrumentId);
    var got = load(files, codesText, inst.id);
    var need = R.min_group;
    var out = { given: got.given, problems: got.problems, n: got.responses.length };
    if (got.responses.length < need) {
      out.refused = msg("too_small", { n: got.responses.length, instrument: inst.id, min: need });
      return out;
    }
    out.model = reportModel(pool(got.responses, inst), inst, got.problems, got.given);
    return out;
  }

  /* ---------- drawing ---------- */
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  var loaded = null;
  function loadLibs() {
    if (!loaded) {
      loaded = LIBS.reduce(function (p, src) {
        return p.then(function () {
          return new Promise(function (resolve, reject) {
            var s = document.createElement("script");
            s.src = src;
            s.onload = resolve;
            s.onerror = function () { reject(new Error("could not load " + src)); };
            document.head.appendChild(s);
          });
        });
      }, Promise.resolve());
    }
    return loaded;
  }

  /* The report as the command line writes it (team_report_body.html); `top` is its title's heading level. */
  function reportElement(m, inst, top) {
    var W = R.report, h = function (level, t) { return el("h" + Math.min(6, top + level), t); };
    var a = el("article", null, "hls-team-report");
    a.appendChild(h(0, m.title));
    a.appendChild(el("p", m.answered));
    a.appendChild(el("p", W.purpose, "note"));
    if (m.skipped.length) {
      a.appendChild(h(1, W.skipped_heading));
      a.appendChild(el("p", m.skipped_count));
      var ul = el("ul");
      m.skipped.forEach(function (t) { ul.appendChild(el("li", t)); });
      a.appendChild(ul);
    }
    a.appendChild(h(1, W.stands_heading));
    a.appendChild(chartFigure(inst, "dimensions"));
    var table = el("table"), thead = el("thead"), tr = el("tr"), tbody = el("tbody");
    W.columns.forEach(function (c) { var th = el("th", c); th.scope = "col"; tr.appendChild(th); });
    thead.appendChild(tr); table.appendChild(thead);
    m.dimensions.forEach(function (row) {
      var r = el("tr"), th = el("th", row[0]);
      th.scope = "row"; r.appendChild(th);
      row.slice(1).forEach(function (v) { r.appendChild(el("td", v)); });
      tbody.appendChild(r);
    });
    table.appendChild(tbody); a.appendChild(table);
    a.appendChild(h(1, W.differ_heading));
    var ol = el("ol");
    m.differences.forEach(function (t) { ol.appendChild(el("li", t)); });
    a.appendChild(ol);
    a.appendChild(h(1, W.talk_heading));
    var talk = el("ul");
    m.talk.forEach(function (r) {
      var li = el("li");
      li.appendChild(el("strong", r.name));
      li.appendChild(document.createTextNode(" (" + r.why + "): " + r.prompt));
      talk.appendChild(li);
    });
    a.appendChild(talk);
    a.appendChild(h(1, W.items_heading));
    a.appendChild(chartFigure(inst, "answers"));
    a.appendChild(el("p", W.credit, "credit"));
    return a;
  }
  function chartFigure(inst, which) {
    var f = el("figure"), box = el("div", null, "hls-team-chart");
    box.setAttribute("data-which", which);
    f.appendChild(box);
    f.appendChild(el("figcaption", inst.charts[which].spec.description || ""));
    return f;
  }

  /* Draw both charts of a drawn report; resolves to their views (their SVG is made when saving). */
  function drawCharts(article, m, inst) {
    var rows = { dimensions: m.dimension_rows, answers: m.answer_rows };
    return loadLibs().then(function () {
      var boxes = Array.prototype.slice.call(article.querySelectorAll(".hls-team-chart"));
      return Promise.all(boxes.map(function (box) {
        var which = box.getAttribute("data-which"), chart = inst.charts[which];
        var spec = JSON.parse(JSON.stringify(chart.spec));
        spec.data.forEach(function (d) { if (d.name === chart.data) { d.values = rows[which]; } });
        return window.vegaEmbed(box, spec, { mode: "vega", actions: false, renderer: "svg" }).then(function (res) {
          return { which: which, view: res.view };
        });
      }));
    });
  }

  /* ---------- the page ---------- */
  function setup(root) {
    DATA = JSON.parse(root.querySelector("script.hls-pool-data").textContent);
    R = DATA.rules;
    var select = root.querySelector("#hls-team-instrument");
    var input = root.querySelector("#hls-team-files");
    var drop = root.querySelector(".hls-team-drop");
    var codes = root.querySelector("#hls-team-codes");
    var status = root.querySelector(".hls-team-status");
    var problemsBox = root.querySelector(".hls-team-problems");
    var output = root.querySelector(".hls-team-output");
    var here = root.querySelector(".hls-team-report-here");
    var files = [];          // {name, bytes}, kept in name order
    var current = null;      // {result, inst, views, drawn: Promise}
    var want = new URLSearchParams(window.location.search).get(select.name);
    if (want && instrumentById(want)) { select.value = want; }

    function addFiles(list) {
      var t0 = performance.now();
      var picked = Array.prototype.slice.call(list || []);
      if (!picked.length) { return; }
      loadLibs().catch(function () { /* the report says so if the charts cannot be drawn */ });
      status.textContent = "Reading " + picked.length + (picked.length === 1 ? " file" : " files") + "…";
      Promise.all(picked.map(function (f) {
        return f.arrayBuffer().then(function (buf) { return { name: f.name, bytes: new Uint8Array(buf) }; });
      })).then(function (read) {
        files = files.concat(read).sort(function (a, b) { return byText(a.name, b.name); });
        update(t0);
      });
    }
    /* t0: when the files were added (the timings in HLSPool.last start there) */
    function update(t0) {
      t0 = typeof t0 === "number" ? t0 : performance.now();
      var codeText = codes.value;
      while (problemsBox.firstChild) { problemsBox.removeChild(problemsBox.firstChild); }
      problemsBox.hidden = true;
      if (!files.length && !findCodes(codeText).length) {
        output.hidden = true;
        current = null;
        status.textContent = codeText.trim() ? "No answer codes found in the text you pasted yet." : "No answers added yet.";
        return;
      }
      var inst = instrumentById(select.value);
      var result = model(files, codeText, inst.id);
      var count = files.length + " " + (files.length === 1 ? "file" : "files") + " and " +
                  findCodes(codeText).length + " " + (findCodes(codeText).length === 1 ? "code" : "codes") + " added. ";
      if (result.refused) {
        output.hidden = true;
        current = null;
        status.textContent = count + "No team report yet: " + result.refused + ".";
        if (result.problems.length) {
          problemsBox.appendChild(el("p", fill(R.report.skipped_count, { n: result.problems.length, total: result.given })));
          var ul = el("ul");
          result.problems.forEach(function (p) {
            ul.appendChild(el("li", fill(R.report.skipped_item, { position: p.position, problem: p.problem })));
          });
          problemsBox.appendChild(ul);
          problemsBox.hidden = false;
        }
        return;
      }
      var article = reportElement(result.model, inst, 2);
      while (here.firstChild) { here.removeChild(here.firstChild); }
      here.appendChild(article);
      output.hidden = false;
      status.textContent = count + result.model.answered.split(". ")[0] + ": the team report is below" +
        (result.problems.length ? "; " + result.problems.length + " not used (listed in the report)." : ".");
      var me_ = { result: result, inst: inst, views: null };
      current = me_;
      var last = window.HLSPool.last = { model: result.model, problems: result.problems, ms: performance.now() - t0 };
      me_.drawn = drawCharts(article, result.model, inst).then(function (views) {
        me_.views = views;
        last.charts_ms = performance.now() - t0;
        article.setAttribute("data-drawn", "");
        return views;
      }, function () {
        article.setAttribute("data-drawn", "failed");
        status.textContent += " The charts could not be drawn; the tables show the same figures.";
        return [];
      });
    }

    input.addEventListener("change", function () { addFiles(input.files); input.value = ""; });
    ["dragenter", "dragover"].forEach(function (type) {
      drop.addEventListener(type, function (ev) { ev.preventDefault(); drop.classList.add("hls-team-dragging"); });
    });
    ["dragleave", "drop"].forEach(function (type) {
      drop.addEventListener(type, function () { drop.classList.remove("hls-team-dragging"); });
    });
    drop.addEventListener("drop", function (ev) { ev.preventDefault(); addFiles(ev.dataTransfer && ev.dataTransfer.files); });
    var timer = null;
    codes.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 250); });
    select.addEventListener("change", update);
    root.querySelector(".hls-team-restart").addEventListener("click", function () {
      files = [];
      codes.value = "";
      update();
      status.textContent = "Everything was cleared from this page. No answers added yet.";
      select.focus();
    });
    /* The report as a page of its own (title level 1, charts as SVG), for printing or saving. */
    function withCopy(use) {
      if (!current) { return; }
      var shown = current;
      shown.drawn.then(svgsOf).then(function (svgs) {
        var holder = document.createElement("div");
        holder.appendChild(reportElement(shown.result.model, shown.inst, 1));
        fillCharts(holder, svgs);
        use(holder, shown);
      });
    }
    root.querySelector(".hls-team-print").addEventListener("click", function () {
      withCopy(function (sheet) { window.HLSPrint.printAlone(sheet); });
    });
    root.querySelector(".hls-team-save").addEventListener("click", function () {
      withCopy(function (holder, saving) {
        var title = document.createElement("div");
        title.textContent = saving.result.model.title;
        var html = DATA.report_shell.replace(DATA.title_mark, title.innerHTML).replace("<!--hls-team-report-->", holder.innerHTML);
        var name = "team-report-" + saving.inst.id + "-" + new Date().toISOString().slice(0, 10) + ".html";
        window.HLSPrint.download(name, html, "text/html");
        status.textContent = "Saved the team report as " + name + ". It opens in any browser, without the internet.";
      });
    });
  }
  function svgsOf(views) {
    return Promise.all((views || []).map(function (v) {
      return v.view.toSVG().then(function (svg) { return { which: v.which, svg: svg }; });
    }));
  }
  function fillCharts(container, svgs) {    // the drawn charts, as SVG, into a copy of the report
    (svgs || []).forEach(function (s) {
      var box = container.querySelector(".hls-team-chart[data-which='" + s.which + "']");
      if (box) { box.innerHTML = s.svg; }        // SVG written by the chart library, its text escaped
    });
  }

  window.HLSPool = {
    model: function (files, codesText, instrumentId) { return model(files, codesText, instrumentId); },
    useData: function (data) { DATA = data; R = data.rules; },
    last: null,
  };
  function start() {
    var root = document.querySelector(".hls-team");
    if (!root) { return; }
    setup(root);
    /* the chart library when the first file or code comes in (addFiles, update), not before: a page
       opened to look costs no chart library; pasting a code starts it before the pause that redraws */
    var codes = root.querySelector("#hls-team-codes");
    codes.addEventListener("input", function () { loadLibs().catch(function () { /* said when drawing */ }); },
                           { once: true });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
