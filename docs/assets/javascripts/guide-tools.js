/* The guide's own tools on every page, one section each:
     1. Print this page and Large print (overrides/guide/before-content.html)
     2. Copy links: beside each heading and in the share box (after-content.html)
     3. Suggest a change (overrides/guide/suggest-change.html)
   Each section is its own function and works without the others.
   Fixes to Material's own markup are in material-fixes.js.

   They are one file, not three, so a first visit on a slow phone makes one
   request for them (./guide bench counts requests against a budget of 10). */

/* ---------------------------------------------------------------------------
   1. Print this page and Large print
   --------------------------------------------------------------------------- */
/* Print this page and Large print: the two buttons above each page title
   (overrides/guide/before-content.html).

   They start hidden, so without JavaScript no button shows that cannot
   work. Large print is a switch (aria-pressed) that sets the class
   large-print on <html> and is saved in localStorage;
   overrides/guide/head-large-print.html applies it before the page paints. */
(function () {
  "use strict";

  var KEY = "guide-large-print";
  var root = document.documentElement;
  var working = new WeakSet();

  function saveLargePrint(on) {
    try {
      if (on) window.localStorage.setItem(KEY, "on");
      else window.localStorage.removeItem(KEY);
    } catch (error) { /* Private mode: the choice lasts for this page only. */ }
  }

  /* The QR code in the print header is a lazy image that loads only for
     print. */
  function printHeaderCode() {
    return document.querySelector("img.print-header__qr");
  }

  /* Print this page: load the QR code, then print. */
  function printPage() {
    var qr = printHeaderCode();
    if (!qr || qr.complete && qr.naturalWidth) {
      window.print();
      return;
    }
    qr.loading = "eager";
    qr.decode().catch(function () {}).then(function () { window.print(); });
  }

  /* Large print: switch it, show the switch's state, remember it. */
  function toggleLargePrint(button) {
    var on = !root.classList.contains("large-print");
    root.classList.toggle("large-print", on);
    button.setAttribute("aria-pressed", String(on));
    saveLargePrint(on);
  }

  function startPrintTools() {
    document.querySelectorAll("[data-print-tools]").forEach(function (tools) {
      if (working.has(tools)) return;
      working.add(tools);
      var print = tools.querySelector("[data-print-page]");
      var large = tools.querySelector("[data-large-print]");
      if (print) print.addEventListener("click", printPage);
      if (large) {
        large.setAttribute("aria-pressed", String(root.classList.contains("large-print")));
        large.addEventListener("click", function () { toggleLargePrint(large); });
      }
      tools.hidden = false;
    });
  }

  /* Browsers that do not load lazy images when printing from their own
     menu get the QR code loaded as printing starts. */
  window.addEventListener("beforeprint", function () {
    var qr = printHeaderCode();
    if (qr) qr.loading = "eager";
  });

  document$.subscribe(startPrintTools);
})();

/* ---------------------------------------------------------------------------
   2. Copy links
   --------------------------------------------------------------------------- */
/* Sharing: a "copy link" button beside each heading, and the copy buttons
   of the share box at the end of each page (overrides/guide/after-content.html).

   Material does the copying. Its bundle copies the text of any element
   with data-clipboard-text when it is clicked (its clipboard integration,
   assets/javascripts/integrations/clipboard), puts focus back on the
   button, and shows its alert, "Copied to clipboard". material-fixes.js
   says that alert to screen readers too.

   The buttons show only where Material can copy, so no button shows that
   cannot work. Without JavaScript the ¶ links beside the headings still
   work and the share box still shows its text. */
/* The words the guide's tools say, in the page's language: the JSON block
   guide-strings (overrides/guide/before-content.html, from
   includes/strings/). GuideStrings.say("clear_ticks", "Clear ticks") gives
   the page's words, or the English given when a page has none; {NAME} in
   them is filled from the third argument. */
window.GuideStrings = (function () {
  var words = null;
  function load() {
    if (words) return words;
    words = {};
    var block = document.getElementById("guide-strings");
    try {
      var data = block ? JSON.parse(block.textContent) : {};
      if (data && typeof data === "object") words = data;
    } catch (error) { /* no words: the English fallbacks */ }
    return words;
  }
  return {
    say: function (key, english, fill) {
      var text = typeof load()[key] === "string" ? load()[key] : english;
      Object.keys(fill || {}).forEach(function (name) { text = text.split("{" + name + "}").join(String(fill[name])); });
      return text;
    }
  };
})();

(function () {
  "use strict";

  /* Material copies only where the browser can (ClipboardJS.isSupported,
     which Material asks before it sets up copying). */
  function materialCanCopy() {
    return typeof document.queryCommandSupported === "function" &&
      document.queryCommandSupported("copy") && document.queryCommandSupported("cut");
  }

  /* The page's published address: its canonical address, or where it is. */
  function pageAddress() {
    var canonical = document.querySelector('link[rel="canonical"]');
    return canonical ? canonical.href : window.location.href.split("#")[0];
  }

  /* A copy-link button beside each heading's ¶ permalink. It copies the
     section's full published address (the page title's button copies the
     page's). */
  function addCopyLinkButtons() {
    var address = pageAddress();
    document.querySelectorAll(".md-content article .headerlink").forEach(function (link) {
      var heading = link.parentElement;
      if (!heading || !heading.id || !/^H[1-6]$/.test(heading.tagName)) return;
      if (heading.querySelector(":scope > .section-link-copy")) return;
      var isTitle = heading.tagName === "H1";
      var name = isTitle ? window.GuideStrings.say("copy_page_link", "Copy link to this page")
        : window.GuideStrings.say("copy_section_link", "Copy link to this section");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "section-link-copy no-print";
      button.setAttribute("data-clipboard-text", isTitle ? address : address + "#" + heading.id);
      button.setAttribute("aria-label", name);
      button.title = name;
      link.insertAdjacentElement("afterend", button);
    });
  }

  /* The share box's buttons carry their text in data-clipboard-text from
     the build; they start hidden until copying can work. */
  function showShareBoxButtons() {
    var actions = document.querySelector("[data-share-box] [data-share-actions]");
    if (actions) actions.hidden = false;
  }

  /* A tick on the button for a moment after a copy. Material puts focus
     back on the button it copied for before it sends its alert. */
  function markCopiedButton() {
    var button = document.activeElement;
    if (!button || !button.matches(".section-link-copy, .share-box__button")) return;
    button.classList.add("is-copied");
    window.setTimeout(function () { button.classList.remove("is-copied"); }, 2000);
  }

  if (!materialCanCopy()) return;
  alert$.subscribe(markCopiedButton);
  document$.subscribe(function () {
    addCopyLinkButtons();
    showShareBoxButtons();
  });
})();

/* ---------------------------------------------------------------------------
   3. Suggest a change
   --------------------------------------------------------------------------- */
/* "Suggest a change" links (overrides/guide/suggest-change.html): when the
 * reader focuses or selects one, add the section they are in to the email
 * subject and body, or the new issue's title and body.
 *
 * The section is the heading named in the address (#section), or else the
 * last heading above the top of the screen while the reader was reading
 * (before this box came into view). Without JavaScript the links
 * still carry the page's title and address.
 */
(function () {
  "use strict";

  var box = document.querySelector("[data-suggest-box]");
  if (!box) return;
  var title = box.dataset.suggestTitle;
  var address = box.dataset.suggestAddress;

  function headings() {
    return Array.prototype.filter.call(
      document.querySelectorAll("article h2[id], article h3[id]"),
      function (h) { return !h.closest(".share-box"); });
  }

  function headingText(h) {
    var copy = h.cloneNode(true);
    copy.querySelectorAll(".headerlink, button").forEach(function (el) { el.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function namedSection(all) {
    var hash = decodeURIComponent(window.location.hash.slice(1));
    return (hash && all.filter(function (h) { return h.id === hash; })[0]) || null;
  }

  function sectionOnScreen(all) {
    var found = null;
    all.forEach(function (h) {
      if (h.getBoundingClientRect().top <= 80) found = h;
    });
    return found;
  }

  // The section the reader is in, remembered while this box is off screen:
  // moving to the links (by Tab or by scrolling) must not change it.
  var reading = namedSection(headings());
  var scrolled = false;
  function remember() {
    if (box.getBoundingClientRect().top > window.innerHeight) {
      var all = headings();
      reading = (!scrolled && namedSection(all)) || sectionOnScreen(all);
    }
  }
  window.addEventListener("scroll", function () {
    scrolled = true;
    remember();
  }, { passive: true });
  window.addEventListener("hashchange", function () {
    reading = namedSection(headings()) || reading;
    scrolled = false;
  });

  function currentSection() {
    return reading;
  }

  function update(link) {
    var section = currentSection();
    var where = section ? address + "#" + section.id : address;
    var subject = "Suggestion for the guide: " + title + (section ? " (" + headingText(section) + ")" : "");
    var body = "Page: " + where + "\n" +
      (section ? "Section: " + headingText(section) + "\n" : "") +
      "\nWhat I would change, and why:\n\n";
    var query = link.dataset.suggest === "email"
      ? "subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(body)
      : "title=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(body);
    link.href = link.href.split("?")[0] + "?" + query;
  }

  box.querySelectorAll("a[data-suggest]").forEach(function (link) {
    ["focus", "mousedown", "touchstart", "click"].forEach(function (type) {
      link.addEventListener(type, function () { update(link); }, { passive: true });
    });
  });
})();
