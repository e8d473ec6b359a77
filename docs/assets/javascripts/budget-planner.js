/* Involvement budget planner, on pages whose front matter says
 * `budget_planner: true` (docs/budget-planner.md).
 *
 * The page holds the form (hidden until this script runs) and the budget
 * table. Without this script the table prints with blank cells, as a
 * worksheet for one group of partners, to fill in by hand.
 *
 * The form has one or more groups of partners (each with its own number of
 * partners, sessions, hours and rate) and the costs shared by every group.
 * Each input says what kind of number it takes (data-kind) and the largest
 * it accepts (data-max). This script builds the table's body from the
 * groups: for each group its lines and its total, then the shared lines.
 *
 * Sums are exact: money is kept in pence and hours in hundredths, as BigInt
 * (number-input.js). A line shows a total only when all its entries are
 * valid, and the whole budget only when every entry is.
 *
 * What is kept (docs/budget-planner.md, "Your entries stay on this device"):
 * nothing until the reader selects "Save on this device"; from then on every
 * change is saved as they type. Another tab's change arrives through the
 * `storage` event: the form takes it and the status line says so. Clear
 * empties the form and offers Undo. A damaged record is ignored, with a
 * message, and nothing else stored is touched.
 */
(function () {
  "use strict";

  var STORE_KEY = "co-production-guide:budget-planner";
  var numbers = window.GuideNumbers; // number-input.js: the rules for each kind of number
  var GROUP_FIELDS = ["partners", "sessions", "hours", "rate", "prep", "follow", "care-people"];
  var SHARED_FIELDS = ["travel", "care", "interpreters", "formats", "venue", "other"];
  var KIND = {
    partners: "count", sessions: "count", hours: "hours", rate: "money", prep: "hours", follow: "hours",
    "care-people": "count", travel: "money", care: "money", interpreters: "money", formats: "money",
    venue: "money", other: "money"
  };
  // Each group's lines: the factors multiplied, and what each column shows.
  var GROUP_LINES = [
    { key: "time", label: "Partners' time in sessions", unit: "(£ an hour)",
      people: "partners", sessions: true, hours: "hours", cost: "rate" },
    { key: "prep", label: "Preparation time", unit: "(£ an hour)",
      people: "partners", sessions: true, hours: "prep", cost: "rate" },
    { key: "follow", label: "Follow-up time", unit: "(£ an hour)",
      people: "partners", sessions: true, hours: "follow", cost: "rate" },
    { key: "travel", label: "Travel", unit: "(£ for each partner, each session)",
      people: "partners", sessions: true, cost: "travel" },
    { key: "care", label: "Care cover", unit: "(£ for each partner, each session)",
      people: "care-people", sessions: true, cost: "care" }
  ];
  // Shared lines: "sessions" here is every group's sessions added up.
  var SHARED_LINES = [
    { key: "interpreters", label: "Interpreters", unit: "(£ for each session, all groups)", sessions: true, cost: "interpreters" },
    { key: "formats", label: "Large print and other formats", unit: "(£ in total)", cost: "formats" },
    { key: "venue", label: "Venue", unit: "(£ for each session, all groups)", sessions: true, cost: "venue" },
    { key: "other", label: "Other access costs", unit: "(£ in total)", cost: "other" }
  ];
  var COLUMNS = ["line", "people", "sessions", "hours", "cost", "total"];
  var COLUMN_LABELS = { people: "People", sessions: "Sessions", hours: "Hours each",
    cost: "Rate or cost (£)", total: "Line total (£)" };

  function show(value, kind) {
    if (kind === "count") return numbers.formatWhole(value);
    var whole = value / 100n;
    var part = (value % 100n).toString().padStart(2, "0");
    if (kind === "money") return numbers.formatWhole(whole) + "." + part;
    part = part.replace(/0+$/, "");
    return numbers.formatWhole(whole) + (part ? "." + part : "");
  }

  function money(pence) {
    return "£" + show(pence, "money");
  }

  // Round a product of money and hours (hundredths) half up to the penny.
  function toPence(product, divisor) {
    return (product + divisor / 2n) / divisor;
  }

  /* The budget for parsed values: {groups: [{partners: 6n, ...}], shared:
   * {travel: 1250n, ...}}, any of them possibly undefined. Every line is
   * rounded to the penny; a group's total is the sum of its lines, and the
   * budget the sum of the group totals and the shared lines. A total is
   * undefined when any line under it is. Pure, so a test can call it. */
  function compute(parsed) {
    var shared = parsed.shared;
    var allSessions = 0n;
    var sessionsKnown = true;
    var complete = true;
    var groups = parsed.groups.map(function (group) {
      var v = {};
      Object.keys(group).forEach(function (name) { v[name] = group[name]; });
      SHARED_FIELDS.forEach(function (name) { v[name] = shared[name]; });
      if (v.sessions === undefined) sessionsKnown = false; else allSessions += v.sessions;
      var lines = {};
      var total = 0n;
      GROUP_LINES.forEach(function (line) {
        var names = [line.people, "sessions", line.hours, line.cost].filter(Boolean);
        var known = names.every(function (name) { return v[name] !== undefined; });
        if (!known) { lines[line.key] = undefined; total = undefined; return; }
        var product = 1n;
        var divisor = 1n;
        names.forEach(function (name) {
          product *= v[name];
          if (KIND[name] === "hours") divisor *= 100n;
        });
        lines[line.key] = toPence(product, divisor);
        if (total !== undefined) total += lines[line.key];
      });
      if (total === undefined) complete = false;
      return { lines: lines, total: total };
    });
    var sharedLines = {};
    SHARED_LINES.forEach(function (line) {
      var known = shared[line.cost] !== undefined && (!line.sessions || sessionsKnown);
      if (!known) { sharedLines[line.key] = undefined; complete = false; return; }
      sharedLines[line.key] = shared[line.cost] * (line.sessions ? allSessions : 1n);
    });
    var all;
    if (complete) {
      all = 0n;
      groups.forEach(function (group) { all += group.total; });
      SHARED_LINES.forEach(function (line) { all += sharedLines[line.key]; });
    }
    return { groups: groups, shared: sharedLines, sessions: sessionsKnown ? allSessions : undefined, total: all };
  }

  function setUp() {
    var form = document.querySelector("[data-budget-form]");
    var table = document.querySelector("[data-budget-table]");
    if (!form || !table || !numbers || typeof BigInt !== "function") return;
    var groupList = form.querySelector("[data-budget-groups]");
    var pattern = groupList.querySelector("[data-budget-group]").cloneNode(true);
    var status = form.querySelector("[data-budget-status]");
    var undoButton = form.querySelector("[data-budget-undo]");
    var message = document.querySelector("[data-budget-message]");
    table.classList.add("budget-table--filled"); // filled in here: printed more compactly
    var touched = {};
    var showAll = false;
    var saving = false; // the reader chose to save on this device
    var undoState = null; // what Clear took away, until the next change

    function inputId(field, index) {
      return "bp-" + field + (index ? "-" + (index + 1) : "");
    }

    function groupName(index, name) {
      var label = "Group " + (index + 1);
      return name ? label + ": " + name : label;
    }

    // One group's fieldset, from the first group's pattern, with ids for its place.
    function makeGroup(index) {
      var group = pattern.cloneNode(true);
      group.querySelectorAll(".budget-field").forEach(function (box) {
        var input = box.querySelector("input");
        var field = input.dataset.field;
        var id = inputId(field, index);
        input.id = id;
        input.value = "";
        input.removeAttribute("aria-invalid");
        input.setAttribute("aria-describedby", id + "-hint");
        box.querySelector("label").htmlFor = id;
        box.querySelector(".budget-field__hint").id = id + "-hint";
        var error = box.querySelector(".budget-field__error");
        error.id = id + "-error";
        error.textContent = "";
      });
      group.querySelector("[data-budget-group-title]").textContent = groupName(index, "");
      var remove = group.querySelector("[data-budget-remove-group]");
      remove.textContent = "Remove group " + (index + 1);
      return group;
    }

    function groups() {
      return Array.prototype.slice.call(groupList.querySelectorAll("[data-budget-group]"));
    }

    function setGroupCount(count) {
      var list = groups();
      while (list.length < count) {
        var group = makeGroup(list.length);
        groupList.appendChild(group);
        list.push(group);
      }
      while (list.length > count) groupList.removeChild(list.pop());
      list.forEach(function (group) {
        group.querySelector("[data-budget-remove-group]").hidden = list.length < 2;
      });
    }

    function sharedInput(name) {
      return form.querySelector('[data-shared] input[data-field="' + name + '"]');
    }

    // What the form holds, as typed: the record that is saved.
    function collect() {
      var state = { groups: [], values: {} };
      groups().forEach(function (group) {
        var entry = {};
        group.querySelectorAll("input[data-field]").forEach(function (input) { entry[input.dataset.field] = input.value; });
        state.groups.push(entry);
      });
      SHARED_FIELDS.forEach(function (name) { state.values[name] = sharedInput(name).value; });
      return state;
    }

    // Put a record into the form; return how many of its values could not be read.
    function apply(state) {
      var unreadable = 0;
      function take(input, value) {
        if (value !== undefined && typeof value !== "string") unreadable += 1;
        input.value = typeof value === "string" ? value : "";
      }
      var list = Array.isArray(state.groups) ? state.groups : [state.values || {}];
      list = list.slice(0, 50).map(function (entry) {
        if (entry && typeof entry === "object" && !Array.isArray(entry)) return entry;
        unreadable += 1;
        return {};
      });
      if (!list.length) list = [{}];
      setGroupCount(list.length);
      groups().forEach(function (group, index) {
        group.querySelectorAll("input[data-field]").forEach(function (input) { take(input, list[index][input.dataset.field]); });
      });
      var values = state.values && typeof state.values === "object" && !Array.isArray(state.values) ? state.values : {};
      SHARED_FIELDS.forEach(function (name) { take(sharedInput(name), values[name]); });
      // A box with something in it has been filled in: say now if it is wrong.
      touched = {};
      form.querySelectorAll("input[data-kind]").forEach(function (input) {
        if (input.value.trim()) touched[input.id] = true;
      });
      update();
      return unreadable;
    }

    function setError(input, error) {
      var errorBox = document.getElementById(input.id + "-error");
      var hint = input.id + "-hint";
      if (error) {
        if (errorBox.textContent !== error) errorBox.textContent = error;
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", errorBox.id + " " + hint);
      } else {
        if (errorBox.textContent) errorBox.textContent = "";
        input.removeAttribute("aria-invalid");
        input.setAttribute("aria-describedby", hint);
      }
    }

    // Parse every input, show the messages the reader should see now,
    // and count what is wrong and what is empty.
    function readAll() {
      var counts = { problems: 0, missing: 0 };
      function read(input) {
        if (input.dataset.kind === undefined) return undefined; // the group's name
        var result = numbers.parse(input.value, input.dataset.kind, input.dataset.max);
        var visible = showAll || touched[input.id];
        setError(input, visible ? result.error : "");
        if (result.value !== undefined) return result.value;
        if (result.empty) counts.missing += 1; else counts.problems += 1;
        return undefined;
      }
      var parsed = { groups: [], shared: {} };
      groups().forEach(function (group) {
        var values = {};
        var inputs = {};
        group.querySelectorAll("input[data-field]").forEach(function (input) {
          inputs[input.dataset.field] = input;
          values[input.dataset.field] = read(input);
        });
        // Partners who need care cover cannot outnumber the group's partners.
        if (values["care-people"] !== undefined && values.partners !== undefined &&
            values["care-people"] > values.partners) {
          setError(inputs["care-people"], "This is more than the number of partners in this group. Check both numbers.");
          values["care-people"] = undefined;
          counts.problems += 1;
        }
        values.name = inputs.name ? inputs.name.value.trim() : "";
        var title = group.querySelector("[data-budget-group-title]");
        var name = groupName(parsed.groups.length, values.name);
        if (title.textContent !== name) title.textContent = name;
        parsed.groups.push(values);
      });
      SHARED_FIELDS.forEach(function (name) { parsed.shared[name] = read(sharedInput(name)); });
      parsed.counts = counts;
      return parsed;
    }

    function cell(tag, text, headers, className) {
      var element = document.createElement(tag);
      if (text) element.textContent = text;
      if (headers) element.setAttribute("headers", headers);
      if (className) element.className = className;
      return element;
    }

    // A body row: a row header and five cells, each tied to its headers.
    function row(id, label, unit, values, extraHeaders) {
      var tr = document.createElement("tr");
      var th = cell("th", label, extraHeaders);
      th.id = id;
      th.setAttribute("scope", "row");
      if (unit) {
        th.appendChild(document.createTextNode(" "));
        th.appendChild(cell("span", unit, null, "budget-table__unit"));
      }
      tr.appendChild(th);
      COLUMNS.slice(1).forEach(function (column) {
        var value = values[column];
        var headers = "bp-col-" + column + " " + (extraHeaders ? extraHeaders + " " : "") + id;
        var td = cell("td", value === null ? "—" : value || "", headers,
          value === null ? "budget-table__none" : column === "total" ? "budget-table__total" : "");
        td.dataset.label = COLUMN_LABELS[column];
        tr.appendChild(td);
      });
      return tr;
    }

    // One tbody for each group (its heading row names the group, for the
    // rows under it), then one for the shared lines.
    function render(parsed, result) {
      var bodies = [];
      var body;
      var many = parsed.groups.length > 1;
      parsed.groups.forEach(function (values, index) {
        body = document.createElement("tbody");
        bodies.push(body);
        var prefix = "bp-row-g" + (index + 1);
        var name = groupName(index, values.name);
        var groupHeader = "";
        if (many || values.name) {
          var head = document.createElement("tr");
          head.className = "budget-table__group";
          var th = cell("th", name);
          th.id = prefix;
          th.setAttribute("scope", "rowgroup");
          th.colSpan = 6;
          head.appendChild(th);
          body.appendChild(head);
          groupHeader = prefix;
        }
        var lines = result.groups[index].lines;
        GROUP_LINES.forEach(function (line) {
          function of(name) { return values[name] === undefined ? "" : show(values[name], KIND[name]); }
          var tr = row(prefix + "-" + line.key, line.label, line.unit, {
            people: of(line.people), sessions: of("sessions"), hours: line.hours ? of(line.hours) : null,
            cost: of(line.cost), total: lines[line.key] === undefined ? "" : money(lines[line.key])
          }, groupHeader);
          tr.dataset.line = line.key;
          tr.lastChild.dataset.total = (index ? "g" + (index + 1) + "-" : "") + line.key;
          body.appendChild(tr);
        });
        if (many) {
          var total = result.groups[index].total;
          var tr = row(prefix + "-total", "Total for " + name, "", {
            people: null, sessions: null, hours: null, cost: null,
            total: total === undefined ? "" : money(total)
          }, groupHeader);
          tr.className = "budget-table__group-total";
          tr.lastChild.dataset.total = "g" + (index + 1);
          body.appendChild(tr);
        }
      });
      body = document.createElement("tbody");
      bodies.push(body);
      SHARED_LINES.forEach(function (line) {
        var cost = parsed.shared[line.cost];
        var amount = result.shared[line.key];
        var tr = row("bp-row-" + line.key, line.label, line.unit, {
          people: null, sessions: line.sessions ? (result.sessions === undefined ? "" : show(result.sessions, "count")) : null,
          hours: null, cost: cost === undefined ? "" : show(cost, "money"),
          total: amount === undefined ? "" : money(amount)
        });
        tr.dataset.line = line.key;
        tr.lastChild.dataset.total = line.key;
        body.appendChild(tr);
      });
      Array.prototype.slice.call(table.tBodies).forEach(function (old) { table.removeChild(old); });
      bodies.forEach(function (element) { table.insertBefore(element, table.tFoot); });
    }

    function update() {
      var parsed = readAll();
      var result = compute(parsed);
      render(parsed, result);
      var totalCell = table.querySelector('[data-total="all"]');
      if (result.total !== undefined) {
        totalCell.textContent = money(result.total);
        message.textContent = "";
      } else {
        totalCell.textContent = "";
        var counts = parsed.counts;
        var parts = [];
        if (counts.problems) parts.push(counts.problems === 1 ? "1 entry needs checking" : counts.problems + " entries need checking");
        if (counts.missing) parts.push(counts.missing === 1 ? "1 box is empty" : counts.missing + " boxes are empty");
        // The form does not print, so the printed message does not point to it.
        var text = "No total yet: " + parts.join(" and ") + ".";
        if (message.firstChild === null || message.firstChild.nodeValue !== text) {
          message.textContent = text;
          var onScreen = document.createElement("span");
          onScreen.className = "no-print";
          onScreen.textContent = " The form says what to change.";
          message.appendChild(onScreen);
        }
      }
      return result.total !== undefined;
    }

    // The status line is a live region: set it only when its words change,
    // so saving as you type is not announced at every key.
    function say(text, offerUndo) {
      if (status.textContent !== text) status.textContent = text;
      undoButton.hidden = !offerUndo;
      if (!offerUndo) undoState = null;
    }

    function store() {
      var record = collect();
      record.saved = new Date().toISOString();
      try {
        window.localStorage.setItem(STORE_KEY, JSON.stringify(record));
        return true;
      } catch (error) {
        saving = false;
        say("Your browser did not let the planner save. Print the budget instead.");
        return false;
      }
    }

    function forget() {
      try {
        window.localStorage.removeItem(STORE_KEY);
      } catch (error) {
        // Storage is blocked: nothing was saved.
      }
    }

    // A record that is not {values: {...}} or {groups: [...], values: {...}} is damaged.
    function readSaved() {
      var text;
      try {
        text = window.localStorage.getItem(STORE_KEY);
      } catch (error) {
        return { blocked: true }; // the browser keeps nothing for this site
      }
      try {
        if (text === null) return null;
        var saved = JSON.parse(text);
        var isObject = function (x) { return x && typeof x === "object" && !Array.isArray(x); };
        if (isObject(saved) && isObject(saved.values) && (saved.groups === undefined || Array.isArray(saved.groups))) return saved;
      } catch (error) {
        // Not JSON, or storage is blocked: said as for any damaged record.
      }
      return { damaged: true };
    }

    function restore(saved, from) {
      if (saved.blocked) {
        saving = false;
        say("Your browser does not let the planner keep numbers on this device. Print the budget to keep it.");
        return;
      }
      if (saved.damaged) {
        saving = false;
        say("The numbers saved on this device could not be read, so the planner ignored them. " +
          "Enter your numbers and select Save on this device.");
        return;
      }
      saving = true;
      var unreadable = apply(saved);
      say(unreadable ?
        from + ", but some could not be read. Check the empty boxes." :
        from + ". Changes are saved as you type. Select Clear the planner to remove them.");
    }

    // Checked when the reader leaves the box or it changes, not while they
    // type: "1." is on its way to "1.5". Typing can only clear an error.
    function changed(input, checkNow) {
      if (checkNow) touched[input.id] = true;
      else touched[input.id] = input.getAttribute("aria-invalid") === "true" &&
        Boolean(input.dataset.kind && numbers.parse(input.value, input.dataset.kind, input.dataset.max).error);
      update();
      if (saving) {
        if (store()) say("Saved on this device as you type. Select Clear the planner to remove it.");
      } else if (undoState && !checkNow) {
        say("");
      }
    }
    form.addEventListener("input", function (event) {
      if (event.target.matches("input[data-field]")) changed(event.target, false);
    });
    form.addEventListener("change", function (event) {
      if (event.target.matches("input[data-field]")) changed(event.target, true);
    });
    form.addEventListener("focusout", function (event) {
      var input = event.target;
      if (input.matches("input[data-kind]") && input.value.trim()) {
        touched[input.id] = true;
        update();
      }
    });

    form.addEventListener("click", function (event) {
      var remove = event.target.closest("[data-budget-remove-group]");
      if (!remove) return;
      var state = collect();
      var index = groups().indexOf(remove.closest("[data-budget-group]"));
      var removed = state.groups.splice(index, 1)[0];
      apply(state);
      var list = groups();
      list[Math.min(index, list.length - 1)].querySelector("input").focus();
      if (saving) store();
      var before = { groups: state.groups.slice(), values: state.values };
      before.groups.splice(index, 0, removed);
      undoState = { state: before, saving: saving };
      say("Group " + (index + 1) + " was removed. The groups after it are numbered again.", true);
    });

    form.querySelector("[data-budget-add-group]").addEventListener("click", function () {
      var state = collect();
      state.groups.push({});
      apply(state);
      var list = groups();
      list[list.length - 1].querySelector("input").focus();
      if (saving) store();
      say("Group " + list.length + " was added. Its boxes are empty.");
    });

    form.querySelector("[data-budget-save]").addEventListener("click", function () {
      saving = true;
      if (store()) say("Saved on this device. From now on, changes are saved as you type. Select Clear the planner to remove them.");
    });

    form.querySelector("[data-budget-clear]").addEventListener("click", function () {
      var before = { state: collect(), saving: saving };
      forget();
      saving = false;
      apply({ values: {} });
      showAll = false;
      undoState = before;
      say("The planner is empty and nothing is saved on this device. Select Undo to put your numbers back.", true);
    });

    undoButton.addEventListener("click", function () {
      if (!undoState) return;
      var back = undoState;
      apply(back.state);
      saving = back.saving;
      if (saving && !store()) return;
      say(saving ? "Your numbers are back, and saved on this device again." : "Your numbers are back. They are not saved on this device.");
      form.querySelector("input").focus();
    });

    form.querySelector("[data-budget-print]").addEventListener("click", function () {
      showAll = true;
      if (!update()) {
        say("Some boxes need checking first. You can still print the table and fill in the gaps by hand.");
      }
      window.print();
    });

    // Another tab saved or cleared: take what it kept, and say so.
    window.addEventListener("storage", function (event) {
      if (event.key !== STORE_KEY && event.key !== null) return;
      var saved = readSaved();
      if (saved === null) {
        var before = { state: collect(), saving: saving };
        saving = false;
        apply({ values: {} });
        undoState = before;
        say("The planner was cleared in another tab, so it is empty here too. Select Undo to put these numbers back.", true);
      } else {
        restore(saved, "The planner was changed in another tab. These are the numbers it saved");
      }
    });

    var saved = readSaved();
    if (saved) restore(saved, "We filled in the numbers you saved on this device");
    else apply({ values: {} });
    var rules = form.querySelector("[data-number-rules]");
    if (rules) rules.textContent = numbers.RULES;
    form.hidden = false;
  }

  window.GuideBudget = { compute: compute, GROUP_FIELDS: GROUP_FIELDS, SHARED_FIELDS: SHARED_FIELDS };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
