/* Fixes to the markup of Material for MkDocs (written for mkdocs-material 9.8.2, as
   pinned in requirements.txt). Each fix is one function, and its comment
   names the Material template it works around. The guide's own tools are
   in guide-tools.js. The patch list, guide_core/patches.py, names the
   tests that guard these fixes.

   All of them run on Material's document$, which gives the page once it is
   ready (and again after each page change, if the feature
   navigation.instant is ever turned on). Each is safe to run twice: it
   fixes an element once, and adds a listener to the document only once.
   Without these fixes the page still works with a mouse or a finger.

   Material's own observables used here (its bundle sets them on window):
   document$ (each page), screen$ (true when the screen is as wide as
   Material's "screen" breakpoint, where the menu is a sidebar; below it
   the menu is a drawer) and alert$ (the messages of its alert box). The
   drawer breakpoint is Material's: it is not written in this file. */
(function () {
  "use strict";

  /* --- Helpers ---------------------------------------------------------- */

  var visited = new WeakMap();

  /* True the first time a fix visits an element (or the document), so
     a fix that runs again adds no second listener. */
  function firstVisit(target, fix) {
    var fixes = visited.get(target);
    if (!fixes) {
      fixes = new Set();
      visited.set(target, fixes);
    }
    if (fixes.has(fix)) return false;
    fixes.add(fix);
    return true;
  }

  /* Whether the menu is a drawer (below Material's screen breakpoint). */
  var drawerIsShown = true;
  function watchDrawerBreakpoint(onChange) {
    screen$.subscribe(function (wide) {
      drawerIsShown = !wide;
      onChange();
    });
  }

  function drawerToggle() { return document.getElementById("__drawer"); }
  function searchToggle() { return document.getElementById("__search"); }
  function menuButton() {
    return document.querySelector('.md-header label[for="__drawer"] > .guide-header-button');
  }
  function searchButton() {
    return document.querySelector('.md-header label[for="__search"] > .guide-header-button');
  }

  /* Opens or closes a toggle and tells Material, as a click would. */
  function setToggle(toggle, on) {
    if (toggle && toggle.checked !== on) {
      toggle.checked = on;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  /* Focus after Material has finished its own change. */
  function focusSoon(element) {
    if (element) window.setTimeout(function () { element.focus(); }, 0);
  }

  /* --- The fixes -------------------------------------------------------- */

  /* partials/header.html: the menu and search buttons are <label>s, so
     they work without JavaScript, but a label takes no Tab stop, role or
     name. Put a named button inside each: in the Tab order, pressed with
     Enter or Space. Its click reaches the label, which opens the drawer
     or search as a click on the icon does. */
  function nameHeaderButtons() {
    [["__drawer", "Menu"], ["__search", "Search"]].forEach(function (pair) {
      var label = document.querySelector('.md-header label[for="' + pair[0] + '"]');
      if (!label || label.querySelector(".guide-header-button")) return;
      var button = document.createElement("span");
      button.className = "guide-header-button";
      button.setAttribute("role", "button");
      button.setAttribute("tabindex", "0");
      button.setAttribute("aria-label", pair[1]);
      while (label.firstChild) button.appendChild(label.firstChild);
      label.appendChild(button);
      button.addEventListener("keydown", function (event) {
        if (event.key === " " || event.key === "Enter") {
          event.preventDefault();
          button.click();
        }
      });
    });
  }

  /* The icons Material writes inline (partials/header.html, nav-item.html,
     palette.html, source-file.html and others include .icons/*.svg) are
     pictures of their control's name. Hide them from screen readers,
     which read the control's name instead. */
  function hideIconsFromScreenReaders() {
    document.querySelectorAll(".md-icon svg, .twemoji svg, svg.md-icon").forEach(function (svg) {
      if (!svg.hasAttribute("aria-label") && !svg.querySelector("title")) {
        svg.setAttribute("aria-hidden", "true");
      }
    });
  }

  /* partials/search.html: the search panel has role="dialog" but no name.
     It takes its search box's name, which Material gives in the page's
     language ("Search", "Chwilio"). */
  function nameSearchDialog() {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    var input = document.querySelector(".md-search__input");
    if (dialog) dialog.setAttribute("aria-label", (input && input.getAttribute("aria-label")) || "Search");
  }

  /* partials/search.html: guide_core/valid_html.py takes autocorrect="off" out
     of the search box, as the HTML checker the tests use does not know it
     yet. Put it back, so Safari does not correct search words. */
  function stopSearchAutocorrect() {
    var input = document.querySelector(".md-search__input");
    if (input) input.setAttribute("autocorrect", "off");
  }

  /* Material's table component (assets/javascripts/components/content/
     table) wraps each table in .md-typeset__scrollwrap, a box that scrolls
     sideways. When a table is wider than its box, keyboard users need a
     Tab stop to scroll it, and screen readers need its name. */
  function syncScrollBoxes() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", window.GuideStrings
          ? window.GuideStrings.say("table_scrolls", "Table (scrolls sideways)") : "Table (scrolls sideways)");
      } else if (box.getAttribute("role") === "region") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }
  function nameScrollingTables() {
    /* Material wraps the tables on the same page event: wait for it. */
    window.setTimeout(syncScrollBoxes, 0);
    if (firstVisit(window, "nameScrollingTables")) {
      window.addEventListener("load", syncScrollBoxes);
      window.addEventListener("resize", syncScrollBoxes);
    }
  }

  /* partials/nav-item.html: in the drawer, each section's label opens its
     panel and each panel's title label goes back. Material gives them a
     Tab stop only in some cases, and opens them with Enter only. In the
     drawer, give each a Tab stop and let Space open it too; where the
     menu is a sidebar, they are plain headings again. */
  function drawerLabels() {
    return document.querySelectorAll(
      ".md-nav--primary label.md-nav__link, .md-nav--primary label.md-nav__title"
    );
  }
  function syncDrawerLabels() {
    drawerLabels().forEach(function (label) {
      if (drawerIsShown) {
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
  function makeDrawerLabelsKeyboardButtons() {
    drawerLabels().forEach(function (label) {
      if (!firstVisit(label, "makeDrawerLabelsKeyboardButtons")) return;
      label.addEventListener("keydown", function (event) {
        if (event.key === " ") {
          event.preventDefault();
          label.click();
        }
      });
    });
    if (firstVisit(document, "makeDrawerLabelsKeyboardButtons")) {
      watchDrawerBreakpoint(syncDrawerLabels);
    } else {
      syncDrawerLabels();
    }
  }

  /* base.html: guide_core/valid_html.py takes autocomplete="off" off the hidden
     drawer and search checkboxes, as the HTML standard allows it only on
     text boxes. It kept browsers from restoring them ticked on Back or
     reload: close them if a browser did (but not for a ?q= search
     address, which opens search on purpose). Once per page load. */
  function closeRestoredDrawerAndSearch() {
    if (!firstVisit(document, "closeRestoredDrawerAndSearch")) return;
    var navigation = window.performance && performance.getEntriesByType &&
      performance.getEntriesByType("navigation")[0];
    var restored = navigation && (navigation.type === "back_forward" || navigation.type === "reload");
    if (!restored || new URLSearchParams(location.search).has("q")) return;
    setToggle(drawerToggle(), false);
    setToggle(searchToggle(), false);
  }

  /* base.html and partials/nav.html: opening the drawer leaves focus on
     the menu button, behind the drawer. Move focus into the panel that
     shows; Escape closes the drawer and puts focus back on the button. */
  function openPanel() {
    var open = document.querySelectorAll(".md-nav--primary .md-nav__toggle:checked:not(#__toc) ~ .md-nav");
    return open.length ? open[open.length - 1] : document.querySelector(".md-nav--primary");
  }
  function moveFocusIntoDrawer() {
    var drawer = drawerToggle();
    if (!drawer || !firstVisit(drawer, "moveFocusIntoDrawer")) return;
    drawer.addEventListener("change", function () {
      var panel = openPanel();
      if (drawer.checked && drawerIsShown && panel) {
        focusSoon(panel.querySelector("label.md-nav__title, a[href]"));
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        setToggle(drawer, false);
        if (menuButton()) menuButton().focus();
      }
    });
  }

  /* partials/nav-item.html: each drawer panel opens from a checkbox, and
     focus stays on the label of the panel just hidden. Move it to the new
     panel's title (going in) or to the section's label (coming back). */
  function keepFocusInDrawerPanels() {
    document.querySelectorAll(".md-nav--primary .md-nav__toggle:not(#__toc)").forEach(function (toggle) {
      if (!firstVisit(toggle, "keepFocusInDrawerPanels")) return;
      toggle.addEventListener("change", function () {
        if (!drawerIsShown) return;
        focusSoon(toggle.checked
          ? toggle.parentElement.querySelector(":scope > .md-nav > label.md-nav__title")
          : toggle.parentElement.querySelector(':scope > label.md-nav__link[for="' + toggle.id + '"]'));
      });
    });
  }

  /* partials/header.html and partials/search.html: opening search from
     its button leaves focus on the button. Put it in the search box; on
     closing, where the button shows, put focus back on the button. */
  function moveFocusWithSearch() {
    var search = searchToggle();
    if (!search || !firstVisit(search, "moveFocusWithSearch")) return;
    search.addEventListener("change", function () {
      var button = searchButton();
      if (!button) return;
      var input = document.querySelector(".md-search__input");
      if (search.checked && document.activeElement === button) focusSoon(input);
      if (!search.checked && button.offsetParent !== null) {
        var active = document.activeElement;
        var dialog = document.querySelector(".md-search");
        if (!active || active === document.body || (dialog && dialog.contains(active))) {
          button.focus();
        }
      }
    });
  }

  /* partials/palette.html and Material's palette component: when the
     colours come from the system setting, Material shows the switch for
     the palette in use but leaves its radio button unticked. Then Tab
     lands on a radio button whose label is hidden, and the focus ring
     cannot be seen. Tick the one in use. */
  function syncPalette() {
    var palette = document.querySelector('[data-md-component="palette"]');
    if (!palette) return;
    var scheme = document.body.getAttribute("data-md-color-scheme");
    palette.querySelectorAll(".md-option").forEach(function (option) {
      var label = option.nextElementSibling;
      if (label && !label.hidden && option.getAttribute("data-md-color-scheme") === scheme) {
        option.checked = true;
      }
    });
  }
  function tickPaletteInUse() {
    /* After Material has set the colours for this page. */
    window.setTimeout(syncPalette, 0);
    var palette = document.querySelector('[data-md-component="palette"]');
    if (palette && firstVisit(palette, "tickPaletteInUse")) {
      palette.addEventListener("change", function () { window.setTimeout(syncPalette, 0); });
    }
  }

  /* partials/palette.html and Material's palette component: Material
     switches the palette with Enter only. Space works like Enter. */
  function spaceSwitchesPalette() {
    var palette = document.querySelector('[data-md-component="palette"]');
    if (!palette || !firstVisit(palette, "spaceSwitchesPalette")) return;
    palette.addEventListener("keydown", function (event) {
      if (event.key !== " " || !event.target.classList.contains("md-option")) return;
      event.preventDefault();
      var label = event.target.nextElementSibling;
      var next = label && document.getElementById(label.htmlFor);
      if (next) {
        next.click();
        next.focus();
      }
    });
  }

  /* base.html: the "Skip to content" link scrolls to the first heading
     but leaves focus where it was. Move focus there too. */
  function skipLinkMovesFocus() {
    var skip = document.querySelector(".md-skip");
    if (!skip || !firstVisit(skip, "skipLinkMovesFocus")) return;
    skip.addEventListener("click", function () {
      var id = decodeURIComponent((skip.getAttribute("href") || "").slice(1));
      var target = (id && document.getElementById(id)) || document.querySelector(".md-content");
      if (!target) return;
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus();
    });
  }

  /* base.html: Material's alert box (.md-dialog), which says "Copied to
     clipboard" after any copy, is not a live region, so screen readers
     do not hear it. Say each alert in a polite live region too. */
  function announceAlerts() {
    if (!firstVisit(document, "announceAlerts")) return;
    var status = document.createElement("div");
    status.className = "copy-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    document.body.appendChild(status);
    alert$.subscribe(function (message) {
      status.textContent = "";
      /* A fresh change, so the same message is read again on a second copy. */
      window.setTimeout(function () { status.textContent = message; }, 100);
    });
  }

  document$.subscribe(function () {
    nameHeaderButtons();
    hideIconsFromScreenReaders();
    nameSearchDialog();
    stopSearchAutocorrect();
    nameScrollingTables();
    makeDrawerLabelsKeyboardButtons();
    closeRestoredDrawerAndSearch();
    moveFocusIntoDrawer();
    keepFocusInDrawerPanels();
    moveFocusWithSearch();
    tickPaletteInUse();
    spaceSwitchesPalette();
    skipLinkMovesFocus();
    announceAlerts();
  });
})();
