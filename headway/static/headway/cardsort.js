/* Values card sort: drag cards between piles and reorder the top values with pointer events
   (mouse, pen and touch alike; HTML5 drag and drop does not work on phones), keys 1-5 on a
   card's pile list, Up/Down/Add/Leave out buttons; every change autosaves. Without this
   script the same forms work as plain posts: a pile list per card, a rank number per card. */
(function () {
  "use strict";

  var saving = Promise.resolve();

  // Post the whole form (the server merges it) as htmx would, so the save view answers with
  // its small "Saved" fragment. Saves are chained so they arrive in the order they were made;
  // data-saving counts those still on their way.
  function save(form) {
    var body = new FormData(form);
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    var status = document.getElementById("save-status");
    form.dataset.saving = Number(form.dataset.saving) + 1;
    saving = saving.then(function () {
      return fetch(form.action, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": token ? token.value : "", "HX-Request": "true" },
      })
        .then(function (response) { return response.text(); })
        .then(function (html) { if (status) status.innerHTML = html; })
        .catch(function () {
          if (status) status.textContent = "Not saved: check your connection, then try again.";
        })
        .then(function () { form.dataset.saving = Number(form.dataset.saving) - 1; });
    });
  }

  function ordinal(n) {
    var s = n % 100 >= 10 && n % 100 <= 20 ? "th" : { 1: "st", 2: "nd", 3: "rd" }[n % 10] || "th";
    return n + s;
  }

  function nameOf(item) {
    return item.querySelector(".value-name").textContent.trim();
  }

  // Drag an item by pointer: a floating copy follows the pointer (a transform on the item
  // itself would be clipped by a scrolling pile), and onDrop(item, x, y) decides what the
  // drop means. A mouse drags from anywhere on the card but its controls; touch and pen drag
  // only by the handle, so a finger on a card still scrolls the page.
  function draggable(form, itemSelector, onDrop) {
    var drag = null;

    form.addEventListener("pointerdown", function (event) {
      if (event.button !== 0 || !event.isPrimary) return;
      var item = event.target.closest(itemSelector);
      if (!item || event.target.closest("select, button, input, textarea, a")) return;
      var onHandle = event.target.closest(".grip");
      if (event.pointerType !== "mouse" && !onHandle) return;
      if (onHandle) event.preventDefault();
      drag = { item: item, id: event.pointerId, x: event.clientX, y: event.clientY, ghost: null };
    });

    document.addEventListener("pointermove", function (event) {
      if (!drag || event.pointerId !== drag.id) return;
      if (!drag.ghost) {
        if (Math.abs(event.clientX - drag.x) + Math.abs(event.clientY - drag.y) < 6) return;
        var box = drag.item.getBoundingClientRect();
        drag.ghost = drag.item.cloneNode(true);
        drag.ghost.removeAttribute("id");
        drag.ghost.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
        drag.ghost.classList.add("drag-ghost");
        drag.ghost.setAttribute("aria-hidden", "true");
        drag.ghost.style.width = box.width + "px";
        drag.dx = drag.x - box.left;
        drag.dy = drag.y - box.top;
        document.body.appendChild(drag.ghost);
        drag.item.classList.add("drag-source");
        document.body.classList.add("is-dragging");
      }
      event.preventDefault();
      drag.ghost.style.left = event.clientX - drag.dx + "px";
      drag.ghost.style.top = event.clientY - drag.dy + "px";
      var over = document.elementFromPoint(event.clientX, event.clientY);
      var zone = over && over.closest("[data-pile], [data-list]");
      form.querySelectorAll(".drop-over").forEach(function (el) {
        if (el !== zone) el.classList.remove("drop-over");
      });
      if (zone && form.contains(zone)) zone.classList.add("drop-over");
      // Near the top or bottom of the window, scroll so that far piles can be reached.
      if (event.clientY < 40) window.scrollBy(0, -14);
      else if (event.clientY > window.innerHeight - 40) window.scrollBy(0, 14);
    });

    function end(event, drop) {
      if (!drag || event.pointerId !== drag.id) return;
      var done = drag;
      drag = null;
      if (!done.ghost) return;
      done.ghost.remove();
      done.item.classList.remove("drag-source");
      document.body.classList.remove("is-dragging");
      form.querySelectorAll(".drop-over").forEach(function (el) { el.classList.remove("drop-over"); });
      if (drop) onDrop(done.item, event.clientX, event.clientY);
    }
    document.addEventListener("pointerup", function (event) { end(event, true); });
    document.addEventListener("pointercancel", function (event) { end(event, false); });
  }

  // --- step 1: sort every card into a pile ------------------------------------------------

  function initSort(form) {
    form.classList.add("js");
    form.dataset.saving = 0;
    var total = form.querySelectorAll(".value-card").length;
    var announce = document.getElementById("sort-announce");

    function refresh() {
      form.querySelectorAll("[data-pile]").forEach(function (zone) {
        var n = zone.querySelectorAll(".value-card").length;
        zone.querySelector(".pile-count").textContent = "(" + n + ")";
        var done = zone.querySelector(".deck-done");
        if (done) done.hidden = n > 0;
      });
      var left = form.querySelector('[data-pile=""]').querySelectorAll(".value-card").length;
      var sorted = total - left;
      document.getElementById("sort-count").textContent = sorted + " of " + total + " sorted";
      form.querySelector("progress").value = sorted;
      return sorted;
    }

    function move(card, pile) {
      var select = card.querySelector("select");
      var from = card.closest("[data-pile]");
      var zone = form.querySelector('[data-pile="' + pile + '"]');
      if (!zone || zone === from) return;
      var hadFocus = card.contains(document.activeElement);
      // Sorting from the deck, the next card to sort takes the focus: the one just placed has
      // gone to its pile, perhaps far down the page.
      var next = from.dataset.pile === "" ? card.nextElementSibling || card.previousElementSibling : null;
      select.value = pile;
      zone.querySelector(".value-cards").appendChild(card);
      var sorted = refresh();
      announce.textContent = nameOf(card) + " is now in " + zone.dataset.label + ". " +
        sorted + " of " + total + " sorted.";
      if (hadFocus) (next ? next.querySelector("select") : select).focus();
      save(form);
    }

    form.addEventListener("change", function (event) {
      var card = event.target.closest(".value-card");
      if (card && event.target.tagName === "SELECT") move(card, event.target.value);
    });
    form.addEventListener("keydown", function (event) {
      var card = event.target.closest(".value-card");
      if (!card || event.target.tagName !== "SELECT") return;
      if (event.altKey || event.ctrlKey || event.metaKey || event.key.length !== 1) return;
      var number = "12345".indexOf(event.key);
      if (number < 0) return;
      event.preventDefault();
      move(card, event.target.options[number + 1].value);
    });
    draggable(form, ".value-card", function (card, x, y) {
      var over = document.elementFromPoint(x, y);
      var zone = over && over.closest("[data-pile]");
      if (zone && form.contains(zone)) move(card, zone.dataset.pile);
    });
  }

  // --- step 2: choose and order the top values --------------------------------------------

  function initRank(form) {
    form.classList.add("js");
    form.dataset.saving = 0;
    var ranked = form.querySelector('[data-list="ranked"]');
    var unranked = form.querySelector('[data-list="unranked"]');
    if (!ranked || !unranked) return;
    var min = Number(form.dataset.min);
    var max = Number(form.dataset.max);
    var count = document.getElementById("rank-count");
    var announce = document.getElementById("rank-announce");

    function renumber() {
      ranked.querySelectorAll(".rank-item").forEach(function (item, i) {
        item.querySelector("input").value = i + 1;
      });
      unranked.querySelectorAll(".rank-item").forEach(function (item) {
        item.querySelector("input").value = "";
      });
      var n = ranked.querySelectorAll(".rank-item").length;
      var problem = n < min ? "Choose at least " + min + ": you have chosen " + n + "." :
        n > max ? "Keep it to " + max + " at most: you have chosen " + n + "." : "";
      count.textContent = problem || n + " chosen.";
      count.classList.toggle("problem", Boolean(problem));
      return problem;
    }

    function changed(item, message, focusOn) {
      var problem = renumber();
      announce.textContent = message + (problem ? " " + problem : "");
      if (focusOn) {
        var button = item.querySelector('[data-move="' + focusOn + '"]');
        if (button) button.focus();
      }
      save(form);
    }

    function position(item) {
      return Array.prototype.indexOf.call(ranked.children, item) + 1;
    }

    form.addEventListener("click", function (event) {
      var button = event.target.closest("[data-move]");
      if (!button) return;
      var item = button.closest(".rank-item");
      var how = button.dataset.move;
      var name = nameOf(item);
      // Up and Down move the neighbour rather than the item, so the focused button stays put.
      if (how === "up") {
        var before = item.previousElementSibling;
        if (!before) { announce.textContent = name + " is already first."; return; }
        ranked.insertBefore(before, item.nextElementSibling);
        changed(item, name + " moved up to " + ordinal(position(item)) + ".");
      } else if (how === "down") {
        var after = item.nextElementSibling;
        if (!after) { announce.textContent = name + " is already last."; return; }
        ranked.insertBefore(after, item);
        changed(item, name + " moved down to " + ordinal(position(item)) + ".");
      } else if (how === "in") {
        ranked.appendChild(item);
        changed(item, name + " added as " + ordinal(position(item)) + ".", "up");
      } else if (how === "out") {
        unranked.insertBefore(item, unranked.firstChild);
        changed(item, name + " left out of the top list.", "in");
      }
    });

    draggable(form, ".rank-item", function (item, x, y) {
      var over = document.elementFromPoint(x, y);
      var list = over && over.closest("[data-list]");
      if (!list || !form.contains(list)) return;
      var target = over.closest(".rank-item");
      if (target === item) return;
      if (target && list.contains(target)) {
        var box = target.getBoundingClientRect();
        list.insertBefore(item, y > box.top + box.height / 2 ? target.nextElementSibling : target);
      } else {
        list.appendChild(item);
      }
      changed(item, list === ranked ?
        nameOf(item) + " is now " + ordinal(position(item)) + "." :
        nameOf(item) + " left out of the top list.");
    });
  }

  document.querySelectorAll("form[data-cardsort]").forEach(initSort);
  document.querySelectorAll("form[data-rank]").forEach(initRank);
})();
