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
  // keystroke until a save of exactly its text comes back. If the connection drops, the
  // dirty fields are sent again every few seconds and when the browser is back online; if
  // the page goes away (tab closed, link followed) they go with navigator.sendBeacon.
  var saveUrl = form.getAttribute("action");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]");
  var status = document.getElementById("save-status");
  var dirty = {};
  var sent = {};
  var retrying = null;

  function keyOf(el) {
    return el && el.tagName === "TEXTAREA" && el.id.indexOf("answer-") === 0 ? el.id.slice(7) : null;
  }

  function body(key) {
    var data = new FormData();
    data.append("field", key);
    data.append("answer-" + key, document.getElementById("answer-" + key).value);
    if (token) data.append("csrfmiddlewaretoken", token.value);
    return data;
  }

  function retry() {
    var keys = Object.keys(dirty);
    if (!keys.length) { window.clearInterval(retrying); retrying = null; return; }
    keys.forEach(function (key) {
      var value = document.getElementById("answer-" + key).value;
      fetch(saveUrl, {
        method: "POST", body: body(key), credentials: "same-origin",
        headers: { "HX-Request": "true", "X-CSRFToken": token ? token.value : "" },
      })
        .then(function (response) {
          if (!response.ok && response.status !== 422) throw new Error("not saved");
          return response.text();
        })
        .then(function (html) {
          if (document.getElementById("answer-" + key).value === value) delete dirty[key];
          if (status) status.innerHTML = html;
        })
        .catch(function () { /* still offline: the next round tries again */ });
    });
  }

  function offline() {
    if (status) {
      status.textContent = "Not saved yet: the connection dropped. What you typed stays here " +
        "and is saved as soon as the connection is back.";
    }
    if (!retrying) retrying = window.setInterval(retry, 3000);
  }

  form.addEventListener("input", function (event) {
    var key = keyOf(event.target);
    if (key) dirty[key] = true;
  });
  document.body.addEventListener("htmx:beforeRequest", function (event) {
    var key = keyOf(event.detail.elt);
    if (key) sent[key] = event.detail.elt.value;
  });
  document.body.addEventListener("htmx:afterRequest", function (event) {
    var key = keyOf(event.detail.elt);
    if (!key) return;
    var code = event.detail.xhr ? event.detail.xhr.status : 0;
    if ((code === 200 || code === 422) && event.detail.elt.value === sent[key]) delete dirty[key];
    if (!code || code >= 500) offline();
  });
  window.addEventListener("online", retry);
  window.addEventListener("pagehide", function () {
    Object.keys(dirty).forEach(function (key) {
      if (navigator.sendBeacon) navigator.sendBeacon(saveUrl, body(key));
    });
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
