/* The career offsite worksheet: the clock ticks on between page loads (the server keeps the
   time; this only counts on from what the page says), and in a facilitated offsite the
   other person's changes come in every two seconds. A field someone is typing in is never
   overwritten: the last one to save a field wins, and a hint says who changed what.
   Without this script the page still works: the clock shows the time at page load and the
   buttons save and move on. */
(function () {
  "use strict";

  var form = document.getElementById("worksheet");
  if (!form) return;

  function clock(seconds) {
    seconds = Math.max(0, Math.floor(seconds));
    var h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    var mm = (h && m < 10 ? "0" : "") + m, ss = (s < 10 ? "0" : "") + s;
    return h ? h + ":" + mm + ":" + ss : mm + ":" + ss;
  }

  var loadedAt, base;
  function readClock() {
    var el = form.querySelector(".offsite-clock");
    if (!el) return;
    loadedAt = Date.now();
    base = {
      el: el,
      running: el.dataset.running === "1",
      section: Number(el.dataset.sectionSeconds) || 0,
      total: Number(el.dataset.totalSeconds) || 0,
    };
  }

  function tick() {
    if (!base || !base.running) return;
    var extra = (Date.now() - loadedAt) / 1000;
    var section = base.el.querySelector('[data-clock="section"]');
    var total = base.el.querySelector('[data-clock="total"]');
    if (section) section.textContent = clock(base.section + extra);
    if (total) total.textContent = clock(base.total + extra);
  }

  readClock();
  window.setInterval(tick, 1000);

  // --- nothing lost: fields typed in but not saved yet ------------------------------------
  // htmx saves a field 600 ms after the typing stops. A field is "dirty" from the first
  // keystroke until a save of exactly its text comes back. A save sent as the page goes away
  // (keepalive fetch, or sendBeacon) may land after the next page is drawn, or not at all,
  // so none of what follows relies on it:
  // - every keystroke also keeps the text in sessionStorage (this tab only) until a save of
  //   it is confirmed; when the worksheet is drawn again and the server still has the text
  //   the draft was typed over, the draft comes back into the field and is saved then;
  // - a link or a form of this page that leads away waits for the unsaved fields' saves;
  // - if the connection drops, the dirty fields are sent again every few seconds and when
  //   the browser is back online.
  var saveUrl = form.getAttribute("action");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]");
  var status = document.getElementById("save-status");
  var dirty = {};
  var sent = {};
  var known = {}; // per field, the text the server has as far as this page knows
  var retrying = null;
  var draftPrefix = "headway:offsite-draft:" + (form.dataset.drafts || "") + ":" + saveUrl + ":";

  function keyOf(el) {
    return el && el.tagName === "TEXTAREA" && el.id.indexOf("answer-") === 0 ? el.id.slice(7) : null;
  }

  function box(key) { return document.getElementById("answer-" + key); }

  function body(key) {
    var data = new FormData();
    data.append("field", key);
    data.append("answer-" + key, box(key).value);
    if (token) data.append("csrfmiddlewaretoken", token.value);
    return data;
  }

  function headers() {
    return { "HX-Request": "true", "X-CSRFToken": token ? token.value : "" };
  }

  // Drafts: a failing sessionStorage (private mode, full) only loses this safety net.
  function draftOf(key) {
    try { return JSON.parse(window.sessionStorage.getItem(draftPrefix + key) || "null"); }
    catch (e) { return null; }
  }
  function keepDraft(key) {
    try {
      window.sessionStorage.setItem(draftPrefix + key, JSON.stringify({ text: box(key).value, over: known[key] }));
    } catch (e) { /* no storage: the saves alone */ }
  }
  function dropDraft(key, text) {
    var draft = draftOf(key);
    if (!draft || draft.text !== text) return; // a newer draft waits for its own save
    try { window.sessionStorage.removeItem(draftPrefix + key); } catch (e) { /* nothing kept */ }
  }

  function savedAs(key, text) {
    known[key] = text;
    dropDraft(key, text);
    if (box(key).value === text) delete dirty[key];
  }

  // One field's save, now; resolves once the server has it (or has said why not).
  function save(key) {
    var value = box(key).value;
    return fetch(saveUrl, { method: "POST", body: body(key), credentials: "same-origin", headers: headers() })
      .then(function (response) {
        if (!response.ok && response.status !== 422) throw new Error("not saved");
        return response.text();
      })
      .then(function (html) {
        savedAs(key, value);
        if (status) status.innerHTML = html;
      });
  }

  function retry() {
    var keys = Object.keys(dirty);
    if (!keys.length) { window.clearInterval(retrying); retrying = null; return; }
    keys.forEach(function (key) {
      save(key).catch(function () { /* still offline: the next round tries again */ });
    });
  }

  function offline() {
    if (status) {
      status.textContent = "Not saved yet: the connection dropped. What you typed stays here " +
        "and is saved as soon as the connection is back.";
    }
    if (!retrying) retrying = window.setInterval(retry, 3000);
  }

  form.querySelectorAll("textarea").forEach(function (el) {
    var key = keyOf(el);
    if (key) known[key] = el.defaultValue;
  });

  form.addEventListener("input", function (event) {
    var key = keyOf(event.target);
    if (!key) return;
    dirty[key] = true;
    keepDraft(key);
  });
  document.body.addEventListener("htmx:beforeRequest", function (event) {
    var key = keyOf(event.detail.elt);
    if (key) sent[key] = event.detail.elt.value;
  });
  document.body.addEventListener("htmx:afterRequest", function (event) {
    var key = keyOf(event.detail.elt);
    if (!key) return;
    var code = event.detail.xhr ? event.detail.xhr.status : 0;
    if (code === 200 || code === 422) savedAs(key, sent[key]);
    if (!code || code >= 500) offline();
  });
  window.addEventListener("online", retry);

  // Back on the worksheet: what was typed here before and never confirmed saved.
  Object.keys(known).forEach(function (key) {
    var draft = draftOf(key);
    if (!draft) return;
    var server = known[key];
    if (draft.text === server) { dropDraft(key, server); return; } // it did land
    if (draft.over !== server) {
      // Saved since from elsewhere: the newer text stays; the draft is shown, not lost.
      var by = document.getElementById("answer-" + key + "-by");
      if (by) by.textContent = "Changed elsewhere after you left. What you had typed here: " + draft.text;
      try { window.sessionStorage.removeItem(draftPrefix + key); } catch (e) { /* nothing kept */ }
      return;
    }
    box(key).value = draft.text;
    dirty[key] = true;
    if (status) status.textContent = "Saving what you typed before you left…";
    save(key).catch(offline);
  });

  // Typed before this script ran (a slow page): no input event was heard for it. Only on a
  // fresh load: after a reload or back/forward the browser may have put old text back.
  var nav = window.performance && performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
  var fresh = nav && nav.type === "navigate";
  Object.keys(known).forEach(function (key) {
    if (!fresh || dirty[key] || box(key).value === known[key]) return;
    dirty[key] = true;
    keepDraft(key);
  });

  // Leaving by a link or a form of this page (unsaved.js holds them until this resolves):
  // the unsaved fields are saved first. The worksheet's own buttons post every field, so
  // they need no wait.
  function flush() {
    var keys = Object.keys(dirty);
    if (status) status.textContent = "Saving before you go…";
    var saves = Promise.all(keys.map(function (key) { return save(key).catch(function () {}); }));
    // A server that does not answer does not keep anyone here: the draft stays in the tab.
    var patience = new Promise(function (resolve) { window.setTimeout(resolve, 10000); });
    return Promise.race([saves, patience]).then(function () { return true; });
  }
  if (window.headwayBeforeLeaving) {
    window.headwayBeforeLeaving(function (beingSent) {
      return beingSent === form || !Object.keys(dirty).length ? null : flush();
    });
  }

  // The tab closes or the address bar takes the page away: one last try, which may arrive
  // after the next page is drawn (the draft covers that).
  window.addEventListener("pagehide", function () {
    Object.keys(dirty).forEach(function (key) {
      try {
        fetch(saveUrl, {
          method: "POST", body: body(key), credentials: "same-origin", headers: headers(), keepalive: true,
        }).catch(function () {
          if (navigator.sendBeacon) navigator.sendBeacon(saveUrl, body(key));
        });
      } catch (e) {
        if (navigator.sendBeacon) navigator.sendBeacon(saveUrl, body(key));
      }
    });
  });
  // Back from the browser's page cache: whatever was still unsaved goes again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) retry();
  });

  var liveUrl = form.dataset.liveUrl;
  if (!liveUrl) return;
  var every = Number(form.dataset.liveEvery) || 2000;
  var busy = false;
  var pending = {}; // remote changes held back while their field has the focus

  function hint(key, text) {
    var by = document.getElementById("answer-" + key + "-by");
    if (by) by.textContent = text;
  }

  function apply(field) {
    var box = document.getElementById("answer-" + field.key);
    if (!box || field.mine) return;
    if (box.value === field.text) {
      known[field.key] = field.text;
      hint(field.key, "Last written by " + field.by + ".");
      return;
    }
    if (document.activeElement === box) {
      // Never pull text from under someone's cursor: their next save wins. If they leave
      // the field without typing, the other person's text comes in then.
      pending[field.key] = { field: field, value: box.value };
      hint(field.key, field.by + " changed this too; what you type now is saved over it.");
      return;
    }
    delete pending[field.key];
    box.value = field.text;
    known[field.key] = field.text;
    var orig = form.querySelector('input[name="orig-' + field.key + '"]');
    if (orig) orig.dataset.remote = "1";
    hint(field.key, field.by + " changed this just now.");
    box.closest(".offsite-field").classList.add("changed");
  }

  form.addEventListener("focusout", function (event) {
    var box = event.target;
    var key = box && box.id && box.id.indexOf("answer-") === 0 ? box.id.slice(7) : null;
    var waiting = key && pending[key];
    if (!waiting) return;
    delete pending[key];
    if (box.value === waiting.value) {
      window.setTimeout(function () { apply(waiting.field); }, 0);
    }
  });

  function poll() {
    if (busy || document.hidden) return;
    busy = true;
    var url = liveUrl + "?since=" + encodeURIComponent(form.dataset.version) +
      "&section=" + encodeURIComponent(form.dataset.section) +
      "&status=" + encodeURIComponent(form.dataset.status);
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) return;
        if (data.completed) { window.location.reload(); return; }
        data.fields.forEach(apply);
        form.dataset.version = data.version;
        form.dataset.section = data.section;
        form.dataset.status = data.status;
        if (data.clock) {
          document.getElementById("offsite-clock").innerHTML = data.clock;
          document.getElementById("offsite-actions").innerHTML = data.actions || "";
          readClock();
          form.querySelectorAll(".offsite-section").forEach(function (s) {
            s.classList.toggle("current", s.id === "section-" + data.section);
          });
        }
      })
      .catch(function () { /* offline for a moment: the next poll catches up */ })
      .then(function () { busy = false; });
  }

  window.setInterval(poll, every);
})();
