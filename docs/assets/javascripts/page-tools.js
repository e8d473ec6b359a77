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
  var menuLabel = document.querySelector('.md-header label[for="__drawer"]');
  var searchLabel = document.querySelector('.md-header label[for="__search"]');

  /* Material's menu and search buttons are <label>s (partials/header.html),
     so they work without JavaScript. A label may not take a role or a
     name, so the button is a span inside it: in the Tab order, named, and
     pressed with Enter or Space. Its click reaches the label, which opens
     the drawer or search as a click on the icon does. */
  function makeButton(label, name) {
    if (!label) return null;
    var button = document.createElement("span");
    button.className = "guide-header-button";
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    button.setAttribute("aria-label", name);
    while (label.firstChild) button.appendChild(label.firstChild);
    label.appendChild(button);
    button.addEventListener("keydown", function (event) {
      if (event.key === " " || event.key === "Enter") {
        event.preventDefault();
        button.click();
      }
    });
    return button;
  }

  var menuButton = makeButton(menuLabel, "Menu");
  var searchButton = makeButton(searchLabel, "Search");

  /* Icons are pictures of their button's name: hide them from screen
     readers, which read the button's name instead. */
  document.querySelectorAll(".md-icon svg, .twemoji svg, svg.md-icon").forEach(function (svg) {
    if (!svg.hasAttribute("aria-label") && !svg.querySelector("title")) {
      svg.setAttribute("aria-hidden", "true");
    }
  });

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

  /* hooks/valid_html.py takes autocorrect="off" out of Material's search
     box (partials/search.html), as the HTML checker the tests use does not
     know it yet. Set it here, so Safari does not correct search words. */
  var searchInput = document.querySelector(".md-search__input");
  if (searchInput) searchInput.setAttribute("autocorrect", "off");

  /* hooks/valid_html.py also takes autocomplete="off" off Material's
     drawer and search checkboxes (base.html), which kept browsers from
     restoring them ticked on Back or reload. Close them if a browser did. */
  var navigation = window.performance && performance.getEntriesByType &&
    performance.getEntriesByType("navigation")[0];
  var restored = navigation && (navigation.type === "back_forward" || navigation.type === "reload");
  [drawer, search].forEach(function (toggle) {
    if (restored && toggle && toggle.checked && !new URLSearchParams(location.search).has("q")) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
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

  /* Opening search from its button puts focus in the search box; closing
     it on a small screen puts focus back on the button. */
  if (search && searchButton) {
    search.addEventListener("change", function () {
      var input = document.querySelector(".md-search__input");
      if (search.checked && input && document.activeElement === searchButton) {
        window.setTimeout(function () { input.focus(); }, 0);
      }
      if (!search.checked && searchButton.offsetParent !== null) {
        var active = document.activeElement;
        if (!active || active === document.body || (dialog && dialog.contains(active))) {
          searchButton.focus();
        }
      }
    });
  }

  /* The palette switch: Material shows the button for the palette in use
     but leaves its radio button unticked when the palette came from the
     system setting. Then Tab lands on a radio button whose label is
     hidden, and the focus ring cannot be seen. Tick the one in use. */
  var palette = document.querySelector('[data-md-component="palette"]');
  function syncPalette() {
    var scheme = document.body.getAttribute("data-md-color-scheme");
    palette.querySelectorAll(".md-option").forEach(function (option) {
      var label = option.nextElementSibling;
      if (label && !label.hidden && option.getAttribute("data-md-color-scheme") === scheme) {
        option.checked = true;
      }
    });
  }
  if (palette) {
    syncPalette();
    palette.addEventListener("change", function () { window.setTimeout(syncPalette, 0); });
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(function () { window.setTimeout(syncPalette, 0); });
    }

    /* Space works like Enter. */
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

/* ---------------------------------------------------------------------------
   Section links and the share box
   Each heading gets a "copy link" button beside its ¶ permalink. It copies
   the section's full published address (the canonical address of the page
   plus #id) and says "Link copied" to screen readers. The share box at the
   end of the page gets its copy buttons here. Without JavaScript the ¶
   links still work and the share box still shows its text.
   --------------------------------------------------------------------------- */
(function () {
  "use strict";

  var canonical = document.querySelector('link[rel="canonical"]');
  var pageAddress = canonical ? canonical.href : window.location.href.split("#")[0];

  /* One polite live region for every copy message. */
  var status = document.createElement("div");
  status.className = "copy-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);

  function announce(message) {
    status.textContent = "";
    /* A fresh change, so the same message is read again on a second copy. */
    window.setTimeout(function () { status.textContent = message; }, 100);
  }

  /* Older browsers and pages opened from a file have no clipboard API:
     copy from a hidden text box instead, then put focus back. */
  function copyWithTextBox(text) {
    var active = document.activeElement;
    var box = document.createElement("textarea");
    box.value = text;
    box.setAttribute("readonly", "");
    box.className = "copy-status";
    document.body.appendChild(box);
    box.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (error) { done = false; }
    document.body.removeChild(box);
    if (active && active.focus) active.focus();
    return done ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return copyWithTextBox(text); });
    }
    return copyWithTextBox(text);
  }

  /* Show a tick on the button for a moment after a copy. */
  function markCopied(button) {
    button.classList.add("is-copied");
    window.setTimeout(function () { button.classList.remove("is-copied"); }, 2000);
  }

  function copyAndTell(text, button, message, failure) {
    copy(text).then(
      function () { markCopied(button); announce(message); },
      function () { announce(failure); }
    );
  }

  /* Copy-link buttons beside each heading's permalink. */
  document.querySelectorAll(".md-content article .headerlink").forEach(function (link) {
    var heading = link.parentElement;
    if (!heading || !heading.id || !/^H[1-6]$/.test(heading.tagName)) return;
    var isTitle = heading.tagName === "H1";
    var address = isTitle ? pageAddress : pageAddress + "#" + heading.id;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "section-link-copy no-print";
    button.setAttribute("data-address", address);
    var name = isTitle ? "Copy link to this page" : "Copy link to this section";
    button.setAttribute("aria-label", name);
    button.title = name;
    button.addEventListener("click", function () {
      copyAndTell(address, button, "Link copied",
        "Could not copy. Use the ¶ link beside the heading instead.");
    });
    link.insertAdjacentElement("afterend", button);
  });

  /* The share box: copy the address, or the title, summary and address. */
  var box = document.querySelector("[data-share-box]");
  if (box) {
    var actions = box.querySelector("[data-share-actions]");
    var summary = box.querySelector("[data-share-summary]");
    var addressText = box.querySelector("[data-share-address]");
    box.querySelectorAll("button[data-copy]").forEach(function (button) {
      button.addEventListener("click", function () {
        if (button.getAttribute("data-copy") === "summary") {
          var lines = Array.prototype.map.call(summary.querySelectorAll("p"), function (p) {
            return p.textContent.trim();
          });
          copyAndTell(lines.join("\n"), button, "Summary copied",
            "Could not copy. Select the summary and copy it yourself.");
        } else {
          copyAndTell(addressText.textContent.trim(), button, "Link copied",
            "Could not copy. Select the address and copy it yourself.");
        }
      });
    });
    if (actions) actions.hidden = false;
  }
})();

/* ---------------------------------------------------------------------------
   Print this page and Large print
   The two buttons above each page title start hidden, so without
   JavaScript no button shows that cannot work. Large print is a switch
   (aria-pressed) that sets the class large-print on <html> and is saved in
   localStorage; overrides/guide/head-large-print.html applies it before
   the page paints.
   --------------------------------------------------------------------------- */
(function () {
  "use strict";

  var KEY = "guide-large-print";
  var root = document.documentElement;

  function save(on) {
    try {
      if (on) window.localStorage.setItem(KEY, "on");
      else window.localStorage.removeItem(KEY);
    } catch (error) { /* Private mode: the choice lasts for this page only. */ }
  }

  /* Browsers that do not load lazy images when printing from their own
     menu get the QR code loaded as printing starts. */
  window.addEventListener("beforeprint", function () {
    var qr = document.querySelector("img.print-header__qr");
    if (qr) qr.loading = "eager";
  });

  document.querySelectorAll("[data-print-tools]").forEach(function (tools) {
    var print = tools.querySelector("[data-print-page]");
    var large = tools.querySelector("[data-large-print]");
    if (print) {
      /* The QR code in the print header is a lazy image that loads only
         for print: load it before printing. */
      print.addEventListener("click", function () {
        var qr = document.querySelector("img.print-header__qr");
        if (!qr || qr.complete && qr.naturalWidth) return window.print();
        qr.loading = "eager";
        qr.decode().catch(function () {}).then(function () { window.print(); });
      });
    }
    if (large) {
      large.setAttribute("aria-pressed", String(root.classList.contains("large-print")));
      large.addEventListener("click", function () {
        var on = !root.classList.contains("large-print");
        root.classList.toggle("large-print", on);
        large.setAttribute("aria-pressed", String(on));
        save(on);
      });
    }
    tools.hidden = false;
  });
})();
