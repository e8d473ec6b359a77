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
  // Scale of each kind: whole numbers, hundredths of an hour, pence.
  var SCALE = { count: 1n, hours: 100n, money: 100n };
  var WHAT = {
    count: "a whole number, such as 6",
    hours: "a number of hours, such as 2 or 1.5",
    money: "an amount in pounds, such as 25 or 12.50"
  };

  function formatNumber(whole) {
    return whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  // A scaled BigInt as text: 150 hundredths -> "1.5"; 1250 pence -> "12.50".
  function show(value, kind) {
    if (kind === "count") return formatNumber(value);
    var whole = value / 100n;
    var part = (value % 100n).toString().padStart(2, "0");
    if (kind === "money") return formatNumber(whole) + "." + part;
    part = part.replace(/0+$/, "");
    return formatNumber(whole) + (part ? "." + part : "");
  }

  function money(pence) {
    return "£" + show(pence, "money");
  }

  // Read one field. Returns {value} (a scaled BigInt), {error}, or {empty}.
  function parse(input) {
    var kind = input.dataset.kind;
    var max = input.dataset.max;
    var text = input.value.trim().replace(/\s+/g, "");
    if (!text) return { empty: true, error: "Enter " + WHAT[kind] + ". Enter 0 if it does not apply." };
    if (kind === "money") text = text.replace(/^£/, "");
    if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, "");
    if (/^[-\u2212]/.test(text)) return { error: "Enter 0 or more. The number cannot be negative." };
    if (!/^\d+(\.\d+)?$/.test(text)) return { error: "“" + input.value.trim() + "” is not a number. Enter " + WHAT[kind] + "." };
    var parts = text.split(".");
    var decimals = parts[1] || "";
    if (kind === "count" && decimals.replace(/0+$/, "")) return { error: "Enter a whole number, such as 6." };
    if (kind !== "count" && decimals.replace(/0+$/, "").length > 2) return { error: "Use no more than 2 decimal places." };
    var value = BigInt(parts[0]) * SCALE[kind];
    if (kind !== "count") value += BigInt((decimals + "00").slice(0, 2));
    if (value > BigInt(max) * SCALE[kind]) {
      var limit = kind === "money" ? "£" + formatNumber(BigInt(max)) : formatNumber(BigInt(max));
      return { error: "That is more than " + limit + ", which looks like a mistake. Check the number." };
    }
    return { value: value };
  }

  function setUp() {
    var form = document.querySelector("[data-budget-form]");
    var table = document.querySelector("[data-budget-table]");
    if (!form || !table || typeof BigInt !== "function") return;
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
        var visible = showAll || touched[input.name] || (!result.empty && result.error);
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
        message.textContent = "No total yet: " + parts.join(" and ") + ". The form says what to change.";
      }
      return complete;
    }

    function readSaved() {
      try {
        var saved = JSON.parse(window.localStorage.getItem(STORE_KEY) || "null");
        return saved && typeof saved.values === "object" ? saved : null;
      } catch (error) {
        return null;
      }
    }

    inputs.forEach(function (input) {
      input.addEventListener("input", update);
      input.addEventListener("change", function () {
        touched[input.name] = true;
        update();
      });
    });

    form.querySelector("[data-budget-save]").addEventListener("click", function () {
      var values = {};
      inputs.forEach(function (input) { values[input.name] = input.value; });
      try {
        window.localStorage.setItem(STORE_KEY, JSON.stringify({ saved: new Date().toISOString(), values: values }));
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

    var saved = readSaved();
    if (saved) {
      inputs.forEach(function (input) {
        var value = saved.values[input.name];
        input.value = typeof value === "string" ? value : "";
      });
      status.textContent = "We filled in the numbers you saved on this device. Select Clear the planner to remove them.";
    }
    form.hidden = false;
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
