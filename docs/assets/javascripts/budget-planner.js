/* Involvement budget planner, on pages whose front matter says
 * `budget_planner: true` (docs/budget-planner.md).
 *
 * The page holds everything the planner needs: the form (hidden until this
 * script runs) and the budget table. Each table row names its factors in
 * data-factors, the ids of the form fields it multiplies; each field says
 * what kind of number it takes (data-kind) and the largest it accepts
 * (data-max). Without this script the table prints with blank cells, as a
 * worksheet to fill in by hand.
 *
 * Sums are exact: money is kept in pence and hours in hundredths, as BigInt.
 * A line shows a total only when all its entries are valid, and the whole
 * budget only when every entry is. Nothing is stored unless the reader
 * selects "Save on this device"; "Clear the planner" removes it.
 */
(function () {
  "use strict";

  var STORE_KEY = "co-production-guide:budget-planner";
  var numbers = window.GuideNumbers; // number-input.js: the rules for each kind of number

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

  function parse(input) {
    return numbers.parse(input.value, input.dataset.kind, input.dataset.max);
  }

  function setUp() {
    var form = document.querySelector("[data-budget-form]");
    var table = document.querySelector("[data-budget-table]");
    if (!form || !table || !numbers || typeof BigInt !== "function") return;
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input[data-kind]"));
    var byName = {};
    inputs.forEach(function (input) { byName[input.name] = input; });
    var status = form.querySelector("[data-budget-status]");
    var message = document.querySelector("[data-budget-message]");
    var touched = {};
    var showAll = false;

    function setError(input, error) {
      var errorBox = document.getElementById(input.id + "-error");
      var hint = input.id + "-hint";
      if (error) {
        errorBox.textContent = error;
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", errorBox.id + " " + hint);
      } else {
        errorBox.textContent = "";
        input.removeAttribute("aria-invalid");
        input.setAttribute("aria-describedby", hint);
      }
    }

    function update() {
      var values = {};
      var problems = 0;
      var missing = 0;
      inputs.forEach(function (input) {
        var result = parse(input);
        var visible = showAll || touched[input.name];
        if (result.value !== undefined) {
          values[input.name] = result.value;
        } else if (result.empty) {
          missing += 1;
        } else {
          problems += 1;
        }
        setError(input, visible ? result.error : "");
      });
      // Partners who need care cover cannot outnumber the partners.
      if (values["care-people"] !== undefined && values.partners !== undefined &&
          values["care-people"] > values.partners) {
        setError(byName["care-people"], "This is more than the number of partners. Check both numbers.");
        delete values["care-people"];
        problems += 1;
      }

      table.querySelectorAll("td[data-show]").forEach(function (cell) {
        var name = cell.dataset.show;
        cell.textContent = values[name] !== undefined ? show(values[name], byName[name].dataset.kind) : "";
      });

      var total = 0n;
      var complete = true;
      table.querySelectorAll("tr[data-line]").forEach(function (row) {
        var names = row.dataset.factors.split(" ");
        var product = 1n;
        var divisor = 1n;
        var known = names.every(function (name) {
          if (values[name] === undefined) return false;
          product *= values[name];
          if (byName[name].dataset.kind === "hours") divisor *= 100n;
          return true;
        });
        var cell = row.querySelector("[data-total]");
        if (known) {
          var pence = (product + divisor / 2n) / divisor; // round half up to the penny
          total += pence;
          cell.textContent = money(pence);
        } else {
          complete = false;
          cell.textContent = "";
        }
      });
      var totalCell = table.querySelector('[data-total="all"]');
      if (complete) {
        totalCell.textContent = money(total);
        message.textContent = "";
      } else {
        totalCell.textContent = "";
        var parts = [];
        if (problems) parts.push(problems === 1 ? "1 entry needs checking" : problems + " entries need checking");
        if (missing) parts.push(missing === 1 ? "1 box is empty" : missing + " boxes are empty");
        // The form does not print, so the printed message does not point to it.
        message.textContent = "No total yet: " + parts.join(" and ") + ".";
        var onScreen = document.createElement("span");
        onScreen.className = "no-print";
        onScreen.textContent = " The form says what to change.";
        message.appendChild(onScreen);
      }
      return complete;
    }

    function readSaved() {
      try {
        var text = window.localStorage.getItem(STORE_KEY);
        if (text === null) return null;
        var saved = JSON.parse(text);
        var values = saved && saved.values;
        if (values && typeof values === "object" && !Array.isArray(values)) return values;
      } catch (error) {
        // Not JSON, or storage is blocked: said below, as for any damaged record.
      }
      return { damaged: true };
    }

    // A number is checked when the reader leaves the box or it changes, not
    // while they type: "1." is on its way to "1.5". Typing can only clear
    // an error, never add one.
    function check(input) {
      touched[input.name] = true;
      update();
    }
    inputs.forEach(function (input) {
      input.addEventListener("input", function () {
        touched[input.name] = input.getAttribute("aria-invalid") === "true" && Boolean(parse(input).error);
        update();
        if (saved) status.textContent = "You changed the numbers since you saved them. Select Save on this device to keep the changes.";
      });
      input.addEventListener("change", function () { check(input); });
      input.addEventListener("blur", function () { if (input.value.trim()) check(input); });
    });

    form.querySelector("[data-budget-save]").addEventListener("click", function () {
      var values = {};
      inputs.forEach(function (input) { values[input.name] = input.value; });
      try {
        window.localStorage.setItem(STORE_KEY, JSON.stringify({ saved: new Date().toISOString(), values: values }));
        saved = true;
        status.textContent = "Saved on this device. Select Clear the planner to remove it.";
      } catch (error) {
        status.textContent = "Your browser did not let the planner save. Print the budget instead.";
      }
    });

    form.querySelector("[data-budget-clear]").addEventListener("click", function () {
      inputs.forEach(function (input) { input.value = ""; });
      touched = {};
      showAll = false;
      try {
        window.localStorage.removeItem(STORE_KEY);
      } catch (error) {
        // Storage is blocked: nothing was saved.
      }
      saved = false;
      update();
      status.textContent = "The planner is empty. Nothing is saved on this device.";
    });

    form.querySelector("[data-budget-print]").addEventListener("click", function () {
      showAll = true;
      if (!update()) {
        status.textContent = "Some boxes need checking first. You can still print the table and fill in the gaps by hand.";
      }
      window.print();
    });

    var values = readSaved();
    var saved = Boolean(values);
    if (values && values.damaged) {
      saved = false;
      status.textContent = "The numbers saved on this device could not be read, so the form is empty. Enter them again and save.";
    } else if (values) {
      var unreadable = 0;
      inputs.forEach(function (input) {
        var value = values[input.name];
        if (value !== undefined && typeof value !== "string") unreadable += 1;
        input.value = typeof value === "string" ? value : "";
      });
      status.textContent = unreadable ?
        "We filled in the numbers you saved on this device, but some could not be read. Check the empty boxes." :
        "We filled in the numbers you saved on this device. Select Clear the planner to remove them.";
    }
    // Another tab saved or cleared the planner: say so, rather than let
    // "Saved" stand for numbers that are no longer what is kept.
    window.addEventListener("storage", function (event) {
      if (event.key !== STORE_KEY && event.key !== null) return;
      saved = false;
      status.textContent = "The planner was saved or cleared in another tab, so these numbers may not be what is kept. " +
        "Select Save on this device to keep these, or reload the page to see what is kept.";
    });
    var rules = form.querySelector("[data-number-rules]");
    if (rules) rules.textContent = numbers.RULES;
    form.hidden = false;
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
