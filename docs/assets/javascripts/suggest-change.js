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
