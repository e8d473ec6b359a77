// fast-check properties of GuideNumbers.parse (docs/assets/javascripts/number-input.js).
// args.property: "accepted", "spaces" or "anything"; args.kind and args.max.
(fc, args) => {
  const parse = window.GuideNumbers.parse;
  const {kind, max} = args;
  const places = kind === "count" ? 0 : 2;
  const scale = kind === "count" ? 1n : 100n;
  const group = (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  // A number the reader might type: its whole part, its fraction (0 to 2 digits,
  // maybe with trailing zeros), and how they write it.
  const written = fc.record({
    whole: fc.integer({min: 0, max: max - 1}),
    fraction: fc.string({unit: fc.constantFrom(..."0123456789"), maxLength: places}),
    zeros: fc.nat({max: 2}), commas: fc.boolean(), pound: fc.boolean(),
    point: fc.boolean(), dropWhole: fc.boolean(),
    before: fc.constantFrom("", " ", "\t", "\n"), after: fc.constantFrom("", " ", "\n"),
  }).map((n) => {
    let whole = String(n.whole);
    if (n.commas) whole = group(whole);
    if (n.dropWhole && n.whole === 0 && n.fraction) whole = "";  // ".5"
    const fraction = n.fraction + (places ? "0".repeat(n.zeros) : "");
    const tail = fraction ? "." + fraction : (n.point ? "." : "");  // "12."
    const text = n.before + (n.pound && kind === "money" ? "£" : "") + whole + tail + n.after;
    const exact = BigInt(n.whole) * scale + BigInt((n.fraction + "00").slice(0, places) || "0");
    return {text, exact};
  });
  const refused = (result) => result.value === undefined && typeof result.error === "string" && result.error.length > 10;
  if (args.property === "accepted") {
    return fc.property(written, ({text, exact}) => {
      const result = parse(text, kind, max);
      if (result.value !== exact) throw new Error(`${JSON.stringify(text)} gave ${result.value} ${result.error || ""}, not ${exact}`);
    });
  }
  if (args.property === "spaces") {
    // A space, tab or line break inside a number is refused, never dropped.
    return fc.property(written, fc.constantFrom(" ", "\n", "\r\n", "\t", "\u00a0", "  "), fc.nat(),
      ({text}, gap, at) => {
        const core = text.trim();
        fc.pre(core.length >= 2);
        const cut = 1 + (at % (core.length - 1));
        const spaced = core.slice(0, cut) + gap + core.slice(cut);
        if (!refused(parse(spaced, kind, max))) throw new Error(`${JSON.stringify(spaced)} was not refused`);
      });
  }
  // Anything at all: a value in range or a message, never both, never a throw.
  return fc.property(fc.oneof(fc.string(), written.map((w) => w.text + "x"), fc.constant("")), (text) => {
    const result = parse(text, kind, max);
    const ok = typeof result.value === "bigint" && result.error === undefined &&
      result.value >= 0n && result.value <= BigInt(max) * scale;
    if (!ok && !refused(result)) throw new Error(`${JSON.stringify(text)} gave ${JSON.stringify(String(result.value))} / ${result.error}`);
  });
}
