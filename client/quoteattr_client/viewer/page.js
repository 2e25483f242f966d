"use strict";
// The verification page: the article with every quote marked in its speaker's colour.
// Results come either from the server (POST to data.api) or embedded (data.result, written by
// `quoteattr view`). Both the proto's JSON mapping ("QUOTE_KIND_DIRECT") and the client's
// JSON ("direct") are read. Offsets count Unicode code points, so the text is split into
// code points, never sliced as UTF-16.
(function () {
  const data = JSON.parse(document.getElementById("quoteattr-data").textContent);
  const PALETTE = ["#d1495b", "#2f6fd6", "#2a9d58", "#b5651d", "#8e44ad", "#0f8b8d",
    "#c2185b", "#6d7f10", "#e07b00", "#3f51b5", "#795548", "#00897b"];
  const UNKNOWN_COLOUR = "#7a828f";
  const PREFIXES = /^(QUOTE_KIND|SPEAKER_KIND|ATTRIBUTION_TYPE|GENDER|SOURCE_CATEGORY)_/;
  const $ = (id) => document.getElementById(id);
  const state = { text: "", result: null, colours: new Map(), speakers: new Map() };

  function plain(value) {
    return value === undefined || value === null
      ? "" : String(value).replace(PREFIXES, "").toLowerCase();
  }

  function piecesOf(quote) {
    const pieces = quote.pieces && quote.pieces.length ? quote.pieces : [quote.span];
    return pieces.map((span) => ({ start: span.start || 0, end: span.end || 0, quote }));
  }

  function visible(quote) {
    const type = plain(quote.attribution_type) || "speech";
    if ($("speech-only").checked && type !== "speech") {
      return false;
    }
    return (quote.confidence || 0) >= Number($("min-confidence").value) - 1e-9;
  }

  // "A", "A and B", "A, B and C": as the client's speaker_names writes it.
  function saidBy(names) {
    return names.length < 2 ? names.join("") :
      names.slice(0, -1).join(", ") + " and " + names[names.length - 1];
  }

  function describe(quote) {
    const speaker = state.speakers.get(quote.speaker_id);
    const together = (quote.co_speaker_ids || [])
      .map((id) => state.speakers.get(id))
      .filter((other) => other)
      .map((other) => other.name);
    const lines = [speaker ? saidBy(together.concat([speaker.name])) : "Speaker not found"];
    if (speaker && speaker.roles && speaker.roles.length) {
      lines.push(speaker.roles.map((role) => role.text).join("; "));
    }
    if (quote.cue) {
      lines.push("cue: " + quote.cue.text);
    }
    lines.push(plain(quote.kind) + " quote, " + (plain(quote.attribution_type) || "speech"));
    lines.push("confidence " + (quote.confidence || 0).toFixed(2) +
      (quote.rule ? " (" + quote.rule + ")" : ""));
    return lines.join("\n");
  }

  function markFor(quote) {
    const mark = document.createElement("mark");
    const speaker = state.speakers.get(quote.speaker_id);
    mark.className = "quote";
    mark.dataset.speaker = speaker ? speaker.name : "";
    mark.dataset.kind = plain(quote.kind);
    mark.style.setProperty("--speaker", state.colours.get(quote.speaker_id) || UNKNOWN_COLOUR);
    mark.title = describe(quote);
    mark.tabIndex = 0;
    return mark;
  }

  // Writes chars[from, to) into parent, each piece as a mark; a piece inside another is
  // nested in it, one that overlaps the end of another is cut there.
  function fill(parent, chars, from, to, pieces) {
    let cursor = from;
    let index = 0;
    while (index < pieces.length) {
      const piece = pieces[index];
      const start = Math.max(piece.start, cursor);
      const end = Math.min(piece.end, to);
      const inner = [];
      let next = index + 1;
      while (next < pieces.length && pieces[next].start < end) {
        const child = pieces[next];
        inner.push({ start: Math.max(child.start, start), end: Math.min(child.end, end),
          quote: child.quote });
        next += 1;
      }
      if (end > start) {
        if (start > cursor) {
          parent.append(chars.slice(cursor, start).join(""));
        }
        const mark = markFor(piece.quote);
        fill(mark, chars, start, end, inner.filter((child) => child.end > child.start));
        parent.append(mark);
        cursor = end;
      }
      index = next;
    }
    if (to > cursor) {
      parent.append(chars.slice(cursor, to).join(""));
    }
  }

  function assignColours(result) {
    state.colours = new Map();
    state.speakers = new Map((result.speakers || []).map((speaker) => [speaker.id, speaker]));
    for (const quote of result.quotes || []) {
      if (quote.speaker_id && !state.colours.has(quote.speaker_id)) {
        state.colours.set(quote.speaker_id, PALETTE[state.colours.size % PALETTE.length]);
      }
    }
  }

  function renderSpeakers(quotes) {
    const list = $("speakers");
    list.replaceChildren();
    const counts = new Map();
    for (const quote of quotes) {
      counts.set(quote.speaker_id || "", (counts.get(quote.speaker_id || "") || 0) + 1);
    }
    for (const [id, count] of counts) {
      const speaker = state.speakers.get(id);
      const item = document.createElement("li");
      item.dataset.speaker = speaker ? speaker.name : "";
      item.style.setProperty("--speaker", state.colours.get(id) || UNKNOWN_COLOUR);
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      const name = document.createElement("span");
      name.className = "name";
      name.textContent = speaker ? speaker.name : "Speaker not found";
      const roles = document.createElement("span");
      roles.className = "roles";
      roles.textContent = speaker && speaker.roles ? speaker.roles.map((r) => r.text).join("; ") : "";
      const facts = document.createElement("span");
      facts.className = "facts";
      const kind = speaker ? plain(speaker.kind) : "";
      facts.textContent = [kind && kind !== "unknown" ? kind : "",
        speaker && speaker.anonymous ? "anonymous" : "",
        count + (count === 1 ? " quote" : " quotes")].filter(Boolean).join(" · ");
      item.append(swatch, name, roles, facts);
      list.append(item);
    }
  }

  function render() {
    const result = state.result;
    if (!result) {
      return;
    }
    const quotes = (result.quotes || []).filter(visible);
    const pieces = quotes.flatMap(piecesOf)
      .sort((a, b) => a.start - b.start || b.end - a.end);
    const chars = Array.from(state.text);
    const view = $("article-view");
    view.replaceChildren();
    fill(view, chars, 0, chars.length, pieces);
    renderSpeakers(quotes);
    const total = (result.quotes || []).length;
    $("summary").textContent = quotes.length + " of " + total + " quotes shown";
    $("min-confidence-value").textContent = Number($("min-confidence").value).toFixed(2);
    const model = result.model || {};
    $("model").textContent = "engine " + (result.engine_version || "?") + " · Stanza " +
      (model.stanza_version || "?") + " (" + (model.package || "?") + ")" +
      (result.document_id ? " · " + result.document_id : "");
    $("controls").hidden = false;
    $("result").hidden = false;
  }

  function show(text, result) {
    state.text = text;
    state.result = result;
    assignColours(result);
    render();
  }

  function showError(message) {
    const box = $("error");
    box.textContent = message;
    box.hidden = !message;
  }

  async function attribute() {
    const text = $("article").value;
    if (!text.trim()) {
      showError("Paste an article first.");
      return;
    }
    showError("");
    $("attribute").disabled = true;
    $("busy").hidden = false;
    try {
      const response = await fetch(data.api, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text, document_id: $("document-id").value,
          options: { include_reported_speech: true } }),
      });
      const body = await response.json();
      if (!response.ok) {
        const error = body.error || {};
        showError((error.status || response.status) + ": " + (error.message || "the call failed"));
        return;
      }
      show(text, body);
    } catch (error) {
      showError("The service could not be reached: " + error.message);
    } finally {
      $("attribute").disabled = false;
      $("busy").hidden = true;
    }
  }

  function download() {
    const blob = new Blob([JSON.stringify(state.result, null, 2) + "\n"],
      { type: "application/json" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = (state.result.document_id || "quoteattr-result").replace(/[\\/]/g, "_") +
      ".json";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  async function open(event) {
    const file = event.target.files[0];
    if (!file) {
      return;
    }
    $("article").value = await file.text();
    $("document-id").value = file.name;
  }

  $("speech-only").addEventListener("change", render);
  $("min-confidence").addEventListener("input", render);
  $("download").addEventListener("click", download);
  if (data.result) {
    $("input").hidden = true;
    show(data.text || "", data.result);
  } else {
    $("attribute").addEventListener("click", attribute);
    $("file").addEventListener("change", open);
  }
}());
