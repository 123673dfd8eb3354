// Forms that hold what a person typed. Promises, so that leaving a page loses nothing by
// surprise:
// - form[data-warn-unsaved]: the browser asks before leaving while a change is not saved
//   (not yet submitted, nor saved by htmx, which counts as saved once it answers 2xx);
// - form[data-autosave="<url>"]: a draft is saved as the person types (the form's own data
//   plus _draft=1), the status shown in its [data-autosave-status]; leaving still asks
//   while a draft has not been saved;
// - [data-autosaved]: htmx saves this field (or form) as it is typed in, to its hx-post;
// - a link or a form of the page that leads away while an autosave (or anything a page's
//   own script registers with window.headwayBeforeLeaving) is not saved yet waits for it.
// Without this script the forms post as they are.
(function () {
  "use strict";

  // --- leaving waits for the saves --------------------------------------------------------
  // Why hold the link rather than send the save as the page goes (a keepalive fetch, a
  // beacon): that save races the next page, which the server may draw from the old text
  // before the save lands, and a slow or dropped connection loses it outright. Keeping a
  // draft in the tab alone cannot help either: the next page is often another one (all the
  // questions after the one question), and it would show the old text. Waiting until the
  // server has answered is the one way the next page is sure to show what was typed. Only
  // the page's own links and forms can be held; the address bar, the back button and a
  // closed tab cannot, which is why the offsite worksheet also keeps a draft in the tab.
  var PATIENCE = 10000; // ms: a server that does not answer does not keep anyone here
  var savers = []; // each: null if nothing is unsaved, else a promise of true once saved
  var next = null; // while waiting: the way out the person chose last
  var letGo = false; // a save failed and the person was told: their next way out is let go

  window.headwayBeforeLeaving = function (saver) { savers.push(saver); };

  function snapshot(form) {
    var data = new FormData(form);
    data.delete("csrfmiddlewaretoken");
    return new URLSearchParams(data).toString();
  }

  // Starts every unsaved save; null when there is none. `beingSent`: the form the person
  // sends, if any, which posts its own fields.
  function saveAll(beingSent) {
    var waits = savers.map(function (saver) { return saver(beingSent); }).filter(Boolean);
    if (!waits.length) return null;
    return Promise.all(waits).then(function (saved) { return saved.indexOf(false) < 0; });
  }

  // A save's promise, given up as false after PATIENCE (and `slow` says so).
  function patiently(saving, slow) {
    var timer;
    var late = new Promise(function (resolve) {
      timer = window.setTimeout(function () { slow(); resolve(false); }, PATIENCE);
    });
    return Promise.race([saving.then(function (ok) { window.clearTimeout(timer); return ok; }), late]);
  }

  function hold(event, form, go) {
    if (letGo || event.defaultPrevented) return; // htmx's own links and forms stay here
    if (next) { event.preventDefault(); next = go; return; } // a second click does not skip the wait
    var all = saveAll(form);
    if (!all) return;
    event.preventDefault();
    next = go;
    all.then(function (saved) {
      var way = next;
      next = null;
      if (saved) way();
      else letGo = true;
    });
  }

  function leadsAway(link, event) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
    if (link.hasAttribute("download") || (link.target && link.target !== "_self")) return false;
    var url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin) return false;
    return !(url.pathname === window.location.pathname && url.search === window.location.search && url.hash);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || !leadsAway(link, event)) return;
    hold(event, null, function () { window.location.assign(link.href); });
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var submitter = event.submitter;
    var target = (submitter && submitter.getAttribute("formtarget")) || form.target;
    if ((target && target !== "_self") || form.method === "dialog") return;
    hold(event, form, function () {
      if (form.requestSubmit) form.requestSubmit(submitter || undefined);
      else form.submit();
    });
  });
  document.addEventListener("input", function () { letGo = false; });
  window.addEventListener("pageshow", function () { next = null; letGo = false; });

  // --- fields htmx saves as they are typed in -------------------------------------------
  function statusOf(elt) {
    try { return document.querySelector(elt.getAttribute("hx-target")); }
    catch (e) { return null; } // a target htmx resolves its own way: no words then
  }

  function autosaved(elt) {
    function value() { return elt.tagName === "FORM" ? snapshot(elt) : elt.value; }
    var saved = value(); // what the server has, as far as this page knows
    var inFlight = 0, lastSent = null;
    var waiting = null, settle = null;

    elt.addEventListener("htmx:beforeRequest", function (event) {
      if (event.detail.elt !== elt) return;
      inFlight += 1;
      lastSent = event.detail.xhr.headwaySent = value();
    });
    elt.addEventListener("htmx:afterRequest", function (event) {
      var xhr = event.detail.xhr;
      if (event.detail.elt !== elt || !xhr) return;
      inFlight -= 1;
      var ok = xhr.status >= 200 && xhr.status < 300;
      if (ok) saved = xhr.headwaySent;
      // An older text's answer is not the one a leave waits for.
      if (settle && xhr.headwaySent === value()) settle(ok, xhr.status === 422);
    });

    savers.push(function (beingSent) {
      if ((beingSent && beingSent.contains(elt)) || value() === saved || !window.htmx) return null;
      if (waiting) return waiting;
      var status = statusOf(elt);
      waiting = patiently(new Promise(function (resolve) {
        settle = function (ok, answered) {
          waiting = settle = null;
          // A 422 came with the server's own words; a silence or an error did not.
          if (!ok && !answered && status) {
            status.textContent = "Not saved yet: the connection may have dropped. What you " +
              "typed is still here; leave again to go without it.";
          }
          resolve(ok);
        };
      }), function () { if (settle) settle(false, false); });
      if (status) status.textContent = "Saving before you go…";
      if (!(inFlight && lastSent === value())) {
        var sending = window.htmx.ajax("POST", elt.getAttribute("hx-post"), { source: elt });
        if (sending && sending.catch) sending.catch(function () { /* its afterRequest says */ });
      }
      return waiting;
    });
  }

  document.querySelectorAll("[data-autosaved][hx-post]").forEach(autosaved);

  // --- forms that warn, and drafts saved as typed ----------------------------------------
  var forms = document.querySelectorAll("form[data-warn-unsaved], form[data-autosave]");
  var dirty = new Set();

  forms.forEach(function (form) {
    var saved = snapshot(form);
    var timer = null;
    var status = form.querySelector("[data-autosave-status]");

    function mark() {
      if (snapshot(form) !== saved) dirty.add(form);
      else dirty.delete(form);
    }
    function say(text, bad) {
      if (!status) return;
      status.textContent = text;
      status.classList.toggle("error", !!bad);
    }
    var sending = null, sendingWhat = null;
    // Resolves true once the server has the draft, false if it has not; null: nothing to save.
    function save(leaving) {
      var url = form.dataset.autosave;
      var sent = snapshot(form);
      if (!url || sent === saved) return null;
      if (sending && sendingWhat === sent && !leaving) return sending; // on its way already
      var body = new FormData(form);
      body.set("_draft", "1");
      say("Saving…");
      sendingWhat = sent;
      sending = fetch(url, { method: "POST", body: body, credentials: "same-origin", keepalive: !!leaving })
        .then(function (response) {
          return response.text().then(function (text) {
            // Only our own plain-text answers are words for the person; a page is not.
            var type = response.headers.get("Content-Type") || "";
            if (type.indexOf("text/plain") !== 0) text = "";
            if (response.ok) {
              saved = sent;
              mark();
              say(text || "Draft saved.");
            } else {
              say(text || "Not saved: please check the form.", true);
            }
            return response.ok;
          });
        })
        .catch(function () {
          say("Not saved: the connection dropped. What you typed is still here.", true);
          return false;
        })
        .then(function (ok) {
          if (sendingWhat === sent) sending = sendingWhat = null;
          return ok;
        });
      return sending;
    }

    form.addEventListener("input", function () {
      mark();
      if (form.dataset.autosave) {
        clearTimeout(timer);
        timer = setTimeout(save, 800);
      }
    });
    form.addEventListener("change", function () {
      mark();
      if (form.dataset.autosave) {
        clearTimeout(timer);
        save();
      }
    });
    form.addEventListener("submit", function () {
      clearTimeout(timer);
      dirty.delete(form);
    });
    form.addEventListener("htmx:afterRequest", function (event) {
      if (event.detail && event.detail.successful) {
        saved = snapshot(form);
        mark();
      }
    });
    form.headwaySaveDraft = save;
    if (form.dataset.autosave) {
      savers.push(function (beingSent) {
        if (beingSent === form) return null; // its own submit posts the draft
        clearTimeout(timer);
        var saving = save();
        return saving && patiently(saving, function () {
          say("Not saved yet: the connection may be slow. What you typed is still here.", true);
        });
      });
    }
  });

  window.addEventListener("beforeunload", function (event) {
    if (!dirty.size) return;
    dirty.forEach(function (form) {
      if (form.headwaySaveDraft) form.headwaySaveDraft(true); // one more try on the way out
    });
    event.preventDefault();
    event.returnValue = "";
  });
})();
