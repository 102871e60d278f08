// A case with a year of entries (the demo's デモ 相談者L at the NPO, issue 17 point 7): the page
// opens on the newest 50 with the count of all, the link loads the older ones in place (htmx)
// and, without JavaScript, as a page of its own; axe on both.
const { test, expect } = require('./support/fixtures.js');
const { checkA11y } = require('./support/a11y.js');
const { kDemo, logIn, contextOptions } = require('./support/accounts.js');

const kAll = 64; // src/app/demo_long_case.cpp
const kFirst = 50; // the case page's first step (cases/handlers)

test('a long case opens on its newest entries and loads the older ones, with axe', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext(contextOptions(baseURL));
  const page = await context.newPage();
  await logIn(page, kDemo.career);

  await page.goto('/cases');
  await page.getByRole('link', { name: 'デモ 相談者L' }).click();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  const timeline = page.locator('#timeline');
  await expect(timeline.getByRole('heading', { level: 2 })).toContainText(`（${kAll}）`);
  const entries = timeline.locator('.timeline__entry');
  await expect(entries).toHaveCount(kFirst);
  // Newest first: the first entry is the latest date.
  const dates = await entries.locator('time').evaluateAll((ts) => ts.map((t) => t.dateTime));
  expect([...dates].sort().reverse()).toEqual(dates);
  const older = timeline.getByRole('link', { name: /以前の記録をさらに/ });
  await expect(older).toContainText(`${kAll - kFirst} 件`);
  await checkA11y(page);

  await older.click();
  await expect(entries).toHaveCount(kAll);
  await expect(timeline.getByRole('link', { name: /以前の記録をさらに/ })).toHaveCount(0);
  await checkA11y(page);

  // Without JavaScript the same link is a page showing more.
  const plain = await browser.newContext(contextOptions(baseURL, { javaScriptEnabled: false }));
  await plain.addCookies(await context.cookies());
  const noJs = await plain.newPage();
  await noJs.goto(page.url());
  await noJs.locator('#timeline').getByRole('link', { name: /以前の記録をさらに/ }).click();
  await expect(noJs).toHaveURL(/shown=100/);
  await expect(noJs.locator('#timeline .timeline__entry')).toHaveCount(kAll);
  await plain.close();
  await context.close();
});
