/* Copy buttons: a button with data-copy="<id>" copies that field's text. The button is
   hidden in the page and shown here, so without JavaScript only the selectable field is
   there. Where the clipboard is out of reach (a page on plain http, a refused permission),
   the text is selected for Ctrl+C instead. A file, not inline code: the Content Security
   Policy runs no inline scripts. */
(function () {
  "use strict";

  function say(button, text) {
    var status = document.getElementById(button.getAttribute("aria-describedby") || "");
    if (status) status.textContent = text;
  }

  function selectAll(field) {
    field.focus();
    field.select();
  }

  function copy(button) {
    var field = document.getElementById(button.dataset.copy);
    if (!field) return;
    var fallback = function () {
      selectAll(field);
      say(button, "Selected: press Ctrl+C (⌘C on a Mac) to copy.");
    };
    if (!navigator.clipboard || !window.isSecureContext) {
      fallback();
      return;
    }
    navigator.clipboard.writeText(field.value).then(function () {
      say(button, "Copied.");
    }, fallback);
  }

  function start() {
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        copy(button);
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
