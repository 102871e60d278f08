// Accessibility check with axe-core against WCAG 2.1 A and AA, the level Japanese public-sector
// guidance (JIS X 8341-3:2016) asks for.
const { AxeBuilder } = require('@axe-core/playwright');

const kTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => {
          const summary = (n.failureSummary || '').replace(/\n/g, '\n        ');
          return `    - ${n.target.join(' ')}\n      ${n.html}\n        ${summary}`;
        })
        .join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/**
 * Runs axe on the current page and throws, listing each violation with its elements, unless
 * there are none. `exclude` takes selectors to skip (e.g. a third-party widget).
 */
async function checkA11y(page, { exclude = [] } = {}) {
  let builder = new AxeBuilder({ page }).withTags(kTags);
  for (const selector of exclude) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  if (violations.length > 0) {
    const count = `${violations.length} accessibility violation(s) on ${page.url()}`;
    throw new Error(`${count}:\n${formatViolations(violations)}`);
  }
}

/**
 * Axe on a page drawn with JavaScript off (axe runs as script): its HTML is put into `axePage`,
 * a page of a scripted context on the same server (so the stylesheets load), and checked there.
 */
async function checkA11yOfHtml(axePage, html) {
  await axePage.goto('/login');
  await axePage.setContent(html, { waitUntil: 'load' });
  await checkA11y(axePage);
}

module.exports = { checkA11y, checkA11yOfHtml, formatViolations };
