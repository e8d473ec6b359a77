/* Working checklists, on pages whose front matter says `checklist: true`.
 *
 * The page's task lists (`- [ ] item` in Markdown) become boxes you can tick.
 * Ticks are kept in this browser only (localStorage), one record per page,
 * saved at each tick. A tick in another tab shows here too (the storage event).
 * Nothing is sent anywhere. A "Clear ticks" button empties the boxes, and a
 * polite live region says how many are done ("3 of 12 done").
 *
 * Ticked state is only ever the `checked` property, never an attribute, so
 * print.css can show every box empty on paper.
 *
 * Without this script the lists read as plain lists: guide.css hides
 * the unnamed boxes while the page has Material's "no-js" class.
 */
(function () {
  "use strict";

  /* The page's words (guide-tools.js, GuideStrings), or the English given. */
  function say(key, english, fill) {
    if (window.GuideStrings) return window.GuideStrings.say(key, english, fill);
    return english.replace("{DONE}", fill && fill.DONE).replace("{ALL}", fill && fill.ALL);
  }

  var STORE_PREFIX = "co-production-guide:checklist:";
  // One record per page, whichever address opened it: /checklist/ and
  // /checklist/index.html are the same page.
  var storeKey = STORE_PREFIX + window.location.pathname.replace(/index\.html$/, "");

  function readStore() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(storeKey) || "[]");
      return Array.isArray(saved) ? saved : [];
    } catch (error) {
      return []; // Storage is blocked or the record is damaged: start empty.
    }
  }

  function writeStore(keys) {
    try {
      if (keys.length) {
        window.localStorage.setItem(storeKey, JSON.stringify(keys));
      } else {
        window.localStorage.removeItem(storeKey);
      }
    } catch (error) {
      // Storage is blocked: the ticks still work until the page closes.
    }
  }

  // The item's own words, without any list nested inside it.
  function itemText(item) {
    var words = [];
    Array.prototype.forEach.call(item.childNodes, function (node) {
      if (node.nodeType === 1 && /^(UL|OL)$/.test(node.tagName)) return;
      words.push(node.textContent);
    });
    return words.join("").replace(/\s+/g, " ").trim();
  }

  // Put the item's words inside its label, so each box is named by its text
  // and the whole line can be clicked.
  function nameBox(item, label) {
    var node = label.nextSibling;
    while (node && !(node.nodeType === 1 && /^(UL|OL|P|DIV)$/.test(node.tagName))) {
      var next = node.nextSibling;
      label.appendChild(node);
      node = next;
    }
    // A loose list puts the words in a paragraph after the label.
    if (!itemText(label) && node && node.tagName === "P") {
      while (node.firstChild) label.appendChild(node.firstChild);
      node.parentNode.removeChild(node);
    }
  }

  function setUp() {
    var boxes = [];
    var keyCount = {};
    document.querySelectorAll("article .task-list-item").forEach(function (item) {
      var label = item.querySelector(":scope > .task-list-control, :scope > p > .task-list-control");
      var box = label && label.querySelector("input[type=checkbox]");
      if (!box) return;
      nameBox(item, label);
      box.disabled = false;
      box.removeAttribute("checked");
      // Key by the item's words, so ticks survive when items are reordered.
      var text = itemText(item);
      keyCount[text] = (keyCount[text] || 0) + 1;
      box.dataset.checklistKey = keyCount[text] > 1 ? text + " #" + keyCount[text] : text;
      boxes.push(box);
    });
    if (!boxes.length) return;

    var tools = document.createElement("div");
    tools.className = "checklist-tools";
    var progress = document.createElement("p");
    progress.className = "checklist-tools__progress";
    progress.id = "checklist-progress";
    progress.setAttribute("role", "status");
    progress.setAttribute("aria-live", "polite");
    var clear = document.createElement("button");
    clear.type = "button";
    clear.className = "md-button checklist-tools__clear";
    clear.textContent = say("clear_ticks", "Clear ticks");
    var note = document.createElement("p");
    note.className = "checklist-tools__note";
    note.textContent = say("ticks_note", "Your ticks stay in this browser only. They are not sent anywhere.");
    tools.appendChild(progress);
    tools.appendChild(clear);
    tools.appendChild(note);
    var firstList = boxes[0].closest("ul.task-list");
    var topList = firstList;
    while (topList.parentElement && topList.parentElement.closest("ul.task-list")) {
      topList = topList.parentElement.closest("ul.task-list");
    }
    topList.parentNode.insertBefore(tools, topList);

    function save() {
      writeStore(boxes.filter(function (box) { return box.checked; })
        .map(function (box) { return box.dataset.checklistKey; }));
    }

    function showProgress(before) {
      var done = boxes.filter(function (box) { return box.checked; }).length;
      progress.textContent = (before ? before + " " : "") + say("ticks_done", "{DONE} of {ALL} done", { DONE: done, ALL: boxes.length });
    }

    function load() {
      var saved = readStore();
      boxes.forEach(function (box) {
        box.checked = saved.indexOf(box.dataset.checklistKey) !== -1;
      });
    }
    load();
    window.addEventListener("storage", function (event) {
      if (event.key !== storeKey && event.key !== null) return;
      load();
      showProgress(say("ticks_changed", "Ticks changed in another tab."));
    });
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        save();
        showProgress();
      });
    });

    clear.addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = false; });
      save();
      showProgress(say("ticks_cleared", "Ticks cleared."));
    });

    showProgress();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
