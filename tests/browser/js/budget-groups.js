// fast-check property of the budget planner (docs/assets/javascripts/budget-planner.js),
// driven through its form in the open page: for any valid entries in 1 to 4
// groups of partners, every line shows its exact value rounded half up to
// the penny, each group's total is the exact sum of its lines, and the
// budget is the exact sum of the group totals and the shared lines.
(fc) => {
  const form = document.querySelector("[data-budget-form]");
  const pence = (text) => {
    const m = /^£([\d,]+)\.(\d\d)$/.exec(text.trim());
    if (!m) throw new Error(`${JSON.stringify(text)} is not an amount in pounds`);
    return BigInt(m[1].replace(/,/g, "")) * 100n + BigInt(m[2]);
  };
  const cell = (key) => document.querySelector(`[data-total="${key}"]`).textContent;
  // A value and how a reader might write it: "1,250", "12.5", "£3", "7."
  const amount = (maxPounds, places, isMoney = places === 2) => fc.record({
    whole: fc.integer({min: 0, max: maxPounds - 1}), frac: fc.integer({min: 0, max: places ? 99 : 0}),
    commas: fc.boolean(), pound: fc.boolean(),
  }).map(({whole, frac, commas, pound}) => {
    let text = commas ? whole.toLocaleString("en-GB") : String(whole);
    if (places && frac) text += "." + String(frac).padStart(2, "0");
    if (pound && isMoney) text = "£" + text;
    return {text, value: BigInt(whole) * (places ? 100n : 1n) + BigInt(frac)};
  });
  const group = fc.record({
    partners: amount(1000, 0), sessions: amount(1000, 0), hours: amount(24, 2, false), rate: amount(1000, 2),
    prep: amount(24, 2, false), follow: amount(24, 2, false), care: fc.nat(),
  }).map((g) => ({...g, "care-people": {text: String(g.care % (Number(g.partners.value) + 1)),
    value: BigInt(g.care % (Number(g.partners.value) + 1))}}));
  const shared = fc.record({
    travel: amount(10000, 2), care: amount(10000, 2), interpreters: amount(100000, 2),
    formats: amount(100000, 2), venue: amount(100000, 2), other: amount(100000, 2),
  });
  const round = (product, divisor) => (product + divisor / 2n) / divisor;
  const set = (input, text) => {
    input.value = text;
    input.dispatchEvent(new Event("input", {bubbles: true}));
    input.dispatchEvent(new Event("change", {bubbles: true}));
  };
  return fc.property(fc.array(group, {minLength: 1, maxLength: 4}), shared, (groups, costs) => {
    form.querySelector("[data-budget-clear]").click();
    for (let i = 1; i < groups.length; i += 1) form.querySelector("[data-budget-add-group]").click();
    const fieldsets = form.querySelectorAll("[data-budget-group]");
    if (fieldsets.length !== groups.length) throw new Error(`${fieldsets.length} groups in the form, not ${groups.length}`);
    groups.forEach((g, i) => {
      for (const name of ["partners", "sessions", "hours", "rate", "prep", "follow", "care-people"]) {
        set(fieldsets[i].querySelector(`input[data-field="${name}"]`), g[name].text);
      }
    });
    for (const name of Object.keys(costs)) set(form.querySelector(`[data-shared] input[data-field="${name}"]`), costs[name].text);
    let sum = 0n;
    let sessions = 0n;
    groups.forEach((g, i) => {
      const v = Object.fromEntries(Object.entries(g).filter(([k]) => k !== "care").map(([k, x]) => [k, x.value]));
      const expected = {
        time: round(v.partners * v.sessions * v.hours * v.rate, 100n),
        prep: round(v.partners * v.sessions * v.prep * v.rate, 100n),
        follow: round(v.partners * v.sessions * v.follow * v.rate, 100n),
        travel: v.partners * v.sessions * costs.travel.value,
        care: v["care-people"] * v.sessions * costs.care.value,
      };
      let lines = 0n;
      for (const [key, want] of Object.entries(expected)) {
        const shown = pence(cell((i ? `g${i + 1}-` : "") + key));
        if (shown !== want) throw new Error(`group ${i + 1} ${key}: shows ${shown}p, exact is ${want}p`);
        lines += shown;
      }
      const total = groups.length > 1 ? pence(cell(`g${i + 1}`)) : lines;
      if (total !== lines) throw new Error(`group ${i + 1}: total ${total}p is not the sum of its lines, ${lines}p`);
      sum += total;
      sessions += v.sessions;
    });
    const sharedLines = {
      interpreters: sessions * costs.interpreters.value, formats: costs.formats.value,
      venue: sessions * costs.venue.value, other: costs.other.value,
    };
    for (const [key, want] of Object.entries(sharedLines)) {
      const shown = pence(cell(key));
      if (shown !== want) throw new Error(`${key}: shows ${shown}p, exact is ${want}p`);
      sum += shown;
    }
    const all = pence(cell("all"));
    if (all !== sum) throw new Error(`the budget shows ${all}p, but its groups and shared lines add up to ${sum}p`);
  });
}
