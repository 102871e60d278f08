// Employers and job openings (issue 16): an NPO worker registers an employer and an opening on a
// desktop; the opening then appears among the openings that fit a person's support case and on
// the public job list. Axe runs on each page, on a desktop and on a phone.
const { test, expect } = require('./support/fixtures.js');
const { checkA11y, checkA11yOfHtml } = require('./support/a11y.js');
const { kDemo, logIn, contextOptions, expectNoHorizontalOverflow } = require('./support/accounts.js');

// A date a month ahead in Japan, as the date input wants it.
function inAMonthJst() {
  const d = new Date(Date.now() + 9 * 3600 * 1000 + 30 * 24 * 3600 * 1000);
  return d.toISOString().slice(0, 10);
}

test('an employer and its opening reach the case that fits and the public list', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const desktop = await browser.newContext(contextOptions(baseURL));
  const npo = await desktop.newPage();
  await logIn(npo, kDemo.career);
  await npo.getByRole('navigation').getByRole('link', { name: '事業所・求人' }).click();
  await expect(npo.getByRole('heading', { level: 1 })).toHaveText('事業所');
  await expect(npo.locator('main')).toContainText('みどり精密工業（デモ）');
  await checkA11y(npo);

  await npo.getByRole('link', { name: '事業所を登録する' }).click();
  await npo.getByRole('button', { name: '保存する' }).click();
  await expect(npo.locator('.error-summary')).toContainText('事業所名を入力してください');
  await checkA11y(npo);
  await npo.getByLabel('事業所名').fill('E2E みどり物産');
  await npo.getByLabel(/^ふりがな/).fill('いーつーいー みどりぶっさん');
  await npo.getByLabel('業種（日本標準産業分類）').selectOption('I');
  await npo.getByLabel('従業員規模').selectOption('10-49');
  await npo.getByLabel('市町村').fill('みどり市');
  await npo.getByLabel('テレワーク可').check();
  await npo.getByLabel('通院休暇').check();
  await npo.getByRole('button', { name: '保存する' }).click();
  await expect(npo.getByRole('status')).toContainText('事業所を登録しました。');
  await checkA11y(npo);

  await npo.getByLabel('氏名').fill('人事 E2E');
  await npo.getByLabel('電話番号').fill('000-1111-2222');
  await npo.getByRole('button', { name: '追加する' }).click();
  await expect(npo.getByRole('status')).toContainText('担当者を追加しました。');
  await expect(npo.locator('main')).toContainText('人事 E2E');

  await npo.getByRole('link', { name: '求人を登録する' }).click();
  await npo.getByLabel('職種・求人名').fill('E2E 在宅の事務補助');
  await npo.getByLabel('パート・アルバイト').check();
  await npo.getByLabel('市町村').fill('みどり市');
  await npo.getByLabel('始業時刻').fill('9:00');
  await npo.getByLabel('終業時刻').fill('14時');
  await npo.getByLabel('週の所定労働時間（時間）').fill('20');
  await npo.getByLabel('短時間勤務可').check();
  await npo.getByLabel('テレワーク可').check();
  await npo.getByLabel('求人の有効期限').fill(inAMonthJst());
  await npo.getByLabel('公開の求人一覧に載せる').check();
  await npo.getByRole('button', { name: '保存する' }).click();
  await expect(npo.locator('.error-summary')).toContainText('終業時刻は 17:30 のように');
  await expect(npo.getByLabel('職種・求人名')).toHaveValue('E2E 在宅の事務補助');
  await checkA11y(npo);
  await npo.getByLabel('終業時刻').fill('14:00');
  await npo.getByRole('button', { name: '保存する' }).click();
  await expect(npo.getByRole('status')).toContainText('求人を登録しました。');
  await expect(npo.locator('main')).toContainText('09:00–14:00');
  await checkA11y(npo);

  // The person's case (みどり市): the new opening fits, with a link to record an application.
  await npo.getByRole('navigation').getByRole('link', { name: '支援ケース' }).click();
  await npo.getByRole('link', { name: 'デモ 相談者D' }).first().click();
  const caseUrl = new URL(npo.url());
  const fitPath = `${caseUrl.pathname}/openings`;
  await npo.goto(fitPath);
  await expect(npo.getByRole('heading', { level: 1 })).toHaveText('この方に合う求人');
  const item = npo.locator('li', { hasText: 'E2E 在宅の事務補助' });
  await expect(item).toContainText('テレワーク可');
  await expect(item.getByRole('link', { name: /この求人への応募を記録する/ })).toHaveAttribute(
    'href',
    new RegExp(`^${caseUrl.pathname}/applications/new\\?opening=\\d+$`)
  );
  await checkA11y(npo);
  await npo.goto('/org/openings');
  await checkA11y(npo);

  // On a phone: the same pages fit the screen and stay accessible.
  const phone = await browser.newContext(
    contextOptions(baseURL, { viewport: { width: 375, height: 667 }, isMobile: true })
  );
  const mobile = await phone.newPage();
  await logIn(mobile, kDemo.career);
  for (const path of ['/org/employers', '/org/openings', fitPath, '/org/employers/new']) {
    await mobile.goto(path);
    await expectNoHorizontalOverflow(mobile);
    await checkA11y(mobile);
  }
  await phone.close();

  // The public list, without a session and without JavaScript: no contact people.
  const visitor = await browser.newContext(
    contextOptions(baseURL, { javaScriptEnabled: false, viewport: { width: 375, height: 667 } })
  );
  const anon = await visitor.newPage();
  await anon.goto('/');
  await anon.getByRole('link', { name: '求人を見る' }).click();
  await expect(anon.getByRole('heading', { level: 1 })).toHaveText('治療と両立しやすい求人');
  await anon.getByRole('link', { name: 'E2E 在宅の事務補助' }).click();
  await expect(anon.locator('main')).toContainText('E2E みどり物産');
  await expect(anon.locator('main')).not.toContainText('人事 E2E');
  const html = await anon.content();
  await visitor.close();
  const axeContext = await browser.newContext(contextOptions(baseURL));
  const axePage = await axeContext.newPage();
  await checkA11yOfHtml(axePage, html);
  await axeContext.close();
  await desktop.close();
});

// Last year's list: the import page, a file with a bad row (every problem listed by line, the
// file written nowhere) and a good file's preview; axe on each. Nothing is confirmed, so the
// demo's employers stay as they are for the other tests.
test('the import of last year’s employers is previewed with its row errors, axe clean', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext(contextOptions(baseURL));
  const npo = await context.newPage();
  await logIn(npo, kDemo.career);
  await npo.goto('/org/employers');
  await npo.getByRole('link', { name: '事業所・求人を取り込む' }).click();
  await expect(npo.getByRole('heading', { level: 1 })).toHaveText('事業所・求人を取り込む');
  await checkA11y(npo);
  const header =
    '事業所名,ふりがな,業種,規模,市町村,所在地,取組,求人名,雇用形態,仕事の内容,就業場所,始業,終業,' +
    '週日数,週時間,短時間,時差,テレワーク,通院休暇,賃金形態,下限,上限,有効期限\r\n';
  const upload = async (name, text) => {
    await npo.getByLabel('ファイル（CSV または .xlsx）').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(text, 'utf8'),
    });
    await npo.getByRole('button', { name: '内容を確認する' }).click();
  };
  await upload('bad.csv', header + 'E2E 取込商事,,宇宙業,,,,,,,,,,,,,,,,,,,,\r\n');
  await expect(npo.locator('main')).toContainText('取り込めない行があります');
  await expect(npo.getByRole('button', { name: '取り込む' })).toHaveCount(0);
  await checkA11y(npo);
  await npo.goto('/org/employers/import');
  await upload(
    'good.csv',
    header +
      'E2E 取込商事,いーつーいーとりこみしょうじ,製造業,50-299,みどり市,,,' +
      '検査補助,パート・アルバイト,,,,,,,,,,,,,,\r\n'
  );
  await expect(npo.locator('main')).toContainText(
    '新しい事業所 1 件、登録済みの事業所 0 件、求人 1 件'
  );
  await expect(npo.getByRole('button', { name: '取り込む' })).toBeVisible();
  await checkA11y(npo);
  await context.close();
});
