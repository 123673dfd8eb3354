// Forms that hold what a person typed. Two promises, so that leaving a page loses nothing
// by surprise:
// - form[data-warn-unsaved]: the browser asks before leaving while a change is not saved
//   (not yet submitted, nor saved by htmx, which counts as saved once it answers 2xx);
// - form[data-autosave="<url>"]: a draft is saved as the person types (the form's own data
//   plus _draft=1), the status shown in its [data-autosave-status]; leaving still asks
//   while a draft has not been saved.
(function () {
  "use strict";
  var forms = document.querySelectorAll("form[data-warn-unsaved], form[data-autosave]");
  if (!forms.length) return;
  var dirty = new Set();

  function snapshot(form) {
    var data = new FormData(form);
    data.delete("csrfmiddlewaretoken");
    return new URLSearchParams(data).toString();
  }

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
    function save(leaving) {
      var url = form.dataset.autosave;
      var sent = snapshot(form);
      if (!url || sent === saved) return;
      var body = new FormData(form);
      body.set("_draft", "1");
      say("Saving…");
      fetch(url, { method: "POST", body: body, credentials: "same-origin", keepalive: !!leaving })
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
          });
        })
        .catch(function () {
          say("Not saved: the connection dropped. What you typed is still here.", true);
        });
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
