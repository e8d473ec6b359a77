// Stylelint for the guide's stylesheets in docs/assets/stylesheets/.
// ./guide test runs it (tests/unit/test_lint.py); run it alone with
//   tools/lint/node_modules/.bin/stylelint --config tools/lint/stylelint.config.mjs "docs/assets/stylesheets/*.css"
// The standard rules hold, except where a rule is switched off below, each with its reason.
export default {
  extends: ["stylelint-config-standard"],
  rules: {
    // The stylesheets style Material's own markup, whose class names are BEM
    // (md-nav__link, md-nav--primary), not kebab-case.
    "selector-class-pattern": null,
    // Material's custom properties use the same BEM form (--md-default-fg-color--light).
    "custom-property-pattern": null,
    // Material's menu and table-of-contents toggles have ids such as #__drawer and #__toc.
    "selector-id-pattern": null,
  },
};
