/* Workspace enhancements. Everything works without this file; it only adds
   drag-and-drop on the pipeline board, context-dependent move fields, the
   mobile menu toggle and focus on error summaries. No inline scripts (CSP). */
(function () {
  "use strict";

  // Fields a move needs, per target status (the service explains anything else).
  var NEEDS = { proefplaatsing: "trial_end_date", in_dienst: "start_date", beeindigd: "end_reason", doorstroom: "end_reason" };

  function syncMoveForm(form) {
    var select = form.querySelector("[name=target]");
    if (!select) return;
    var target = select.value;
    form.querySelectorAll("[data-needs]").forEach(function (box) {
      var wanted = (box.getAttribute("data-needs") || "").split(" ");
      if (!box.getAttribute("data-needs")) return;
      box.classList.toggle("is-hidden", wanted.indexOf(target) === -1);
    });
  }

  function initAll(root) {
    (root || document).querySelectorAll("[data-move-form]").forEach(syncMoveForm);
    var summary = (root || document).querySelector("[data-autofocus]");
    if (summary) summary.focus();
  }

  document.addEventListener("change", function (event) {
    if (event.target.matches("[data-move-form] [name=target]")) {
      syncMoveForm(event.target.closest("form"));
    }
  });

  // Mobile navigation toggle.
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest("[data-nav-toggle]");
    if (!toggle) return;
    var nav = document.getElementById(toggle.getAttribute("aria-controls"));
    var expanded = toggle.getAttribute("aria-expanded") === "true";
    toggle.setAttribute("aria-expanded", String(!expanded));
    nav.classList.toggle("is-collapsed", expanded);
  });

  function collapseFiltersOnSmallScreens() {
    if (!window.matchMedia("(max-width: 40rem)").matches) return;
    document.querySelectorAll("[data-collapse-small]").forEach(function (el) { el.open = false; });
  }

  function collapseNavOnSmallScreens() {
    var toggle = document.querySelector("[data-nav-toggle]");
    if (!toggle) return;
    var nav = document.getElementById(toggle.getAttribute("aria-controls"));
    if (nav && window.matchMedia("(max-width: 40rem)").matches) {
      nav.classList.add("is-collapsed");
      toggle.setAttribute("aria-expanded", "false");
    }
  }

  // Drag-and-drop on the board: dropping a card submits its move form with the
  // target status. When the move needs a date or reason, the form opens instead.
  var dragged = null;
  document.addEventListener("dragstart", function (event) {
    var card = event.target.closest && event.target.closest("[data-card]");
    if (!card) return;
    dragged = card;
    card.classList.add("is-dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.getAttribute("data-uuid"));
  });
  document.addEventListener("dragend", function () {
    if (dragged) dragged.classList.remove("is-dragging");
    document.querySelectorAll(".is-drop-target").forEach(function (el) { el.classList.remove("is-drop-target"); });
    dragged = null;
  });
  document.addEventListener("dragover", function (event) {
    var column = event.target.closest && event.target.closest("[data-drop-status]");
    if (!column || !dragged) return;
    event.preventDefault();
    document.querySelectorAll(".is-drop-target").forEach(function (el) { if (el !== column) el.classList.remove("is-drop-target"); });
    column.classList.add("is-drop-target");
  });
  document.addEventListener("drop", function (event) {
    var column = event.target.closest && event.target.closest("[data-drop-status]");
    if (!column || !dragged) return;
    event.preventDefault();
    column.classList.remove("is-drop-target");
    var target = column.getAttribute("data-drop-status");
    if (target === dragged.getAttribute("data-status")) return;
    var form = dragged.querySelector("[data-move-form]");
    if (!form) return;
    var select = form.querySelector("[name=target]");
    if (!Array.prototype.some.call(select.options, function (o) { return o.value === target; })) {
      // Not an allowed move: let the server say why, in its own words.
      var option = document.createElement("option");
      option.value = target;
      option.textContent = target;
      select.appendChild(option);
    }
    select.value = target;
    syncMoveForm(form);
    var needed = NEEDS[target] && form.querySelector("[name=" + NEEDS[target] + "]");
    if (needed && !needed.value) {
      var details = form.closest("details");
      if (details) details.open = true;
      needed.focus();
      return;
    }
    form.requestSubmit();
  });

  document.addEventListener("htmx:afterSwap", function (event) { initAll(event.target); });
  document.addEventListener("DOMContentLoaded", function () { initAll(document); collapseNavOnSmallScreens(); collapseFiltersOnSmallScreens(); });
})();
