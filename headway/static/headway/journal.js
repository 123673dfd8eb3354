/* Energy journal quick add: after htmx saves an entry, empty the form for the next one. A
   refused entry comes back as the form itself, with its errors (HX-Retarget), and stays. A
   file rather than an hx-on attribute: the Content Security Policy runs no inline code. */
document.addEventListener("htmx:afterRequest", function (event) {
  "use strict";
  var form = event.detail.elt;
  if (!form || form.id !== "quick-add") return;
  if (event.detail.successful && !event.detail.xhr.getResponseHeader("HX-Retarget")) form.reset();
});
