// Staff pages as staff use them (issue 14, point 12): on a 1920 px desktop the day's board uses
// the screen's width, so every row's actions are in view; on a 375 px phone no page needs
// sideways scrolling (wide tables scroll inside their own box); a form sent back with errors
// says so in its title and puts the focus on its summary.
const { test, expect } = require('./support/fixtures.js');
const { checkA11y } = require('./support/a11y.js');
const {
  kDemo,
  logIn,
  contextOptions,
  expectNoHorizontalOverflow,
} = require('./support/accounts.js');

const kDemoProgram = '働くがん患者のためのワンストップ相談';

test('on a 1920 px desktop the board shows every row with its actions', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext(
    contextOptions(baseURL, { viewport: { width: 1920, height: 1080 } }),
  );
  const page = await context.newPage();
  await logIn(page, kDemo.jimu);
  await page.goto('/programs');
  await page.getByRole('link', { name: kDemoProgram }).click();
  // The demo's bookings are on the programme's first open day: the first day with bookings.
  const firstBooked = page
    .locator('table tbody tr')
    .filter({ hasNot: page.locator('td', { hasText: /^0 \// }) })
    .first();
  await firstBooked.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  // No table of the board hides a part that needs scrolling sideways.
  const hidden = await page.locator('.table-wrap').evaluateAll((wraps) =>
    wraps.map((w) => w.scrollWidth - w.clientWidth),
  );
  expect(hidden.length).toBeGreaterThan(0);
  for (const px of hidden) {
    expect(px, 'a board table scrolls sideways at 1920 px').toBeLessThanOrEqual(0);
  }
  // The last action of every booked row (cancelling) lies inside the window.
  const cancels = page.getByRole('link', { name: /^取り消す/ });
  expect(await cancels.count()).toBeGreaterThan(0);
  for (const link of await cancels.all()) {
    const box = await link.boundingBox();
    expect(box, 'a cancel link is laid out').not.toBeNull();
    expect(box.x + box.width, 'the cancel link is inside the window').toBeLessThanOrEqual(1920);
  }
  await checkA11y(page);
  await context.close();
});

test('on a 375 px phone the staff pages need no sideways scrolling', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext(
    contextOptions(baseURL, { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true }),
  );
  const page = await context.newPage();
  await logIn(page, kDemo.jimu);
  await expectNoHorizontalOverflow(page);
  await page.goto('/programs');
  await page.getByRole('link', { name: kDemoProgram }).click();
  const programPath = new URL(page.url()).pathname;
  for (const path of ['/', '/programs', programPath, `${programPath}/generate`]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoHorizontalOverflow(page);
  }
  await context.close();
});

test('a form sent back with errors names it in the title and focuses the summary', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext(contextOptions(baseURL));
  const page = await context.newPage();
  await logIn(page, kDemo.jimu);
  await page.goto('/programs');
  await page.getByRole('button', { name: '作成する' }).click();
  await expect(page).toHaveTitle(/^入力内容に誤りがあります：/);
  await expect(page.locator('.error-summary')).toBeFocused();
  await checkA11y(page);
  await context.close();
});
