/* Page tools on every page. One section per tool, each headed by a comment.
   Everything here is an extra: each page reads fully without it. */

/* ---------------------------------------------------------------------------
   Accessibility fixes
   Material builds its menu, search and palette buttons from <label> and
   <input> pairs. These lines make them work from the keyboard and give
   them names that screen readers can read out.
   --------------------------------------------------------------------------- */
(function () {
  "use strict";

  var narrow = window.matchMedia("(max-width: 76.234375em)");
  var drawer = document.getElementById("__drawer");
  var search = document.getElementById("__search");
  var menuButton = document.querySelector('.md-header label[for="__drawer"]');
  var searchButton = document.querySelector('.md-header label[for="__search"]');

  /* A label that acts as a button: in the Tab order, named, and pressed
     with Space as well as Enter (Material already handles Enter). */
  function makeButton(label, name) {
    if (!label) return;
    label.setAttribute("tabindex", "0");
    if (name) label.setAttribute("aria-label", name);
    label.addEventListener("keydown", function (event) {
      if (event.key === " ") {
        event.preventDefault();
        label.click();
      }
    });
  }

  makeButton(menuButton, "Menu");
  makeButton(searchButton, "Search");

  /* The search panel is a dialog: give it a name. */
  var dialog = document.querySelector('.md-search[role="dialog"]');
  if (dialog) dialog.setAttribute("aria-label", "Search");

  /* Wide tables scroll sideways in their own box. Keyboard users need to
     reach that box to scroll it, and screen readers need its name. */
  function syncScrollBoxes() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "Table (scrolls sideways)");
      } else if (box.getAttribute("role") === "region") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }
  /* Material wraps the tables after the page loads: wait for it. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { window.setTimeout(syncScrollBoxes, 0); });
  }
  window.addEventListener("load", syncScrollBoxes);
  window.addEventListener("resize", syncScrollBoxes);

  /* The drawer's section and back labels open panels on small screens.
     There they need a Tab stop; on wide screens they are plain headings. */
  var panelLabels = document.querySelectorAll(
    ".md-nav--primary label.md-nav__link, .md-nav--primary label.md-nav__title"
  );
  function syncPanelLabels() {
    panelLabels.forEach(function (label) {
      if (narrow.matches) {
        if (!label.hasAttribute("data-guide-tab")) {
          label.setAttribute("data-guide-tab", label.getAttribute("tabindex") || "");
        }
        label.setAttribute("tabindex", "0");
      } else if (label.hasAttribute("data-guide-tab")) {
        var was = label.getAttribute("data-guide-tab");
        if (was) label.setAttribute("tabindex", was);
        else label.removeAttribute("tabindex");
        label.removeAttribute("data-guide-tab");
      }
    });
  }
  panelLabels.forEach(function (label) {
    label.addEventListener("keydown", function (event) {
      if (event.key === " ") {
        event.preventDefault();
        label.click();
      }
    });
  });
  syncPanelLabels();
  narrow.addEventListener("change", syncPanelLabels);

  /* Material leaves an empty tabindex on section labels: drop it. */
  document.querySelectorAll('[tabindex=""]').forEach(function (el) {
    el.removeAttribute("tabindex");
  });

  /* The panel of the drawer that is showing: the deepest open section. */
  function openPanel() {
    var open = document.querySelectorAll(".md-nav--primary .md-nav__toggle:checked:not(#__toc) ~ .md-nav");
    return open.length ? open[open.length - 1] : document.querySelector(".md-nav--primary");
  }

  /* Opening the menu moves focus into it; Escape closes it and puts
     focus back on the menu button. */
  if (drawer && menuButton) {
    drawer.addEventListener("change", function () {
      if (drawer.checked && narrow.matches) {
        var first = openPanel().querySelector("label.md-nav__title, a[href]");
        if (first) window.setTimeout(function () { first.focus(); }, 0);
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        drawer.checked = false;
        drawer.dispatchEvent(new Event("change"));
        menuButton.focus();
      }
    });
  }

  /* Moving between panels in the drawer keeps focus in the new panel. */
  document.querySelectorAll(".md-nav--primary .md-nav__toggle:not(#__toc)").forEach(function (toggle) {
    toggle.addEventListener("change", function () {
      if (!narrow.matches) return;
      var target = toggle.checked
        ? toggle.parentElement.querySelector(":scope > .md-nav > label.md-nav__title")
        : toggle.parentElement.querySelector(':scope > label.md-nav__link[for="' + toggle.id + '"]');
      if (target) window.setTimeout(function () { target.focus(); }, 0);
    });
  });

  /* Closing search on a small screen puts focus back on its button. */
  if (search && searchButton) {
    search.addEventListener("change", function () {
      if (!search.checked && searchButton.offsetParent !== null) {
        var active = document.activeElement;
        if (!active || active === document.body || (dialog && dialog.contains(active))) {
          searchButton.focus();
        }
      }
    });
  }

  /* The palette switch: Space works like Enter. */
  var palette = document.querySelector('[data-md-component="palette"]');
  if (palette) {
    palette.addEventListener("keydown", function (event) {
      if (event.key === " " && event.target.classList.contains("md-option")) {
        event.preventDefault();
        var label = event.target.nextElementSibling;
        var next = label && document.getElementById(label.htmlFor);
        if (next) {
          next.click();
          next.focus();
        }
      }
    });
  }

  /* The skip link puts focus on the page heading, not just the scroll. */
  var skip = document.querySelector(".md-skip");
  if (skip) {
    skip.addEventListener("click", function () {
      var id = decodeURIComponent((skip.getAttribute("href") || "").slice(1));
      var target = (id && document.getElementById(id)) || document.querySelector(".md-content");
      if (!target) return;
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus();
    });
  }
})();
