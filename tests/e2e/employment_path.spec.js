// One person's whole employment path (issue 16, "Done when"): the NPO's career consultant
// registers an employer and a job opening; on デモ 相談者D's support case she finds the opening
// among the openings that fit and records an application from it, then 面接 and the 就労決定
// (the placement). With D's consent for coordination with that new employer (recorded by the NPO
// over its own case, naming the employer's personnel address; a link to any other address is
// refused), she sends the employer a link; the employer reads the mail from the SMTP sink and, on
// a phone with JavaScript off, fills the 勤務情報提供書. The referring hospital's case page, open
// in another browser context, shows the placement and the returned form without a reload. The
// placement's 1-month follow-up is due and answered on /org/retention, and /reports/employment
// counts the placement. Axe runs on each page (the no-script pages are checked in a scripted
// copy). The server's clock cannot move during a run (support/clock.js), so, as in
// placements.spec.js, the placement started a month before the run's day: its 1-month
// follow-up is due today.
const { test, expect } = require('./support/fixtures.js');
const { readMail } = require('./support/mail.js');
const { checkA11y, checkA11yOfHtml } = require('./support/a11y.js');
const {
  kDemo,
  logIn,
  mainNav,
  contextOptions,
  expectNoHorizontalOverflow,
} = require('./support/accounts.js');
const { isoDateInJapan, aMonthBefore } = require('./support/clock.js');

const kEmployer = 'E2E 一貫 みどり会計事務所';
const kOpening = 'E2E 一貫 経理事務（短時間）';
// Only this spec writes to this address, so its mail needs no clean-up.
const kEmployerEmail = 'jinji@e2e-ikkan-kaikei.example.jp';
const kAccommodations = '週1回の通院日は休み（E2E 一貫）';
const kDuties = '伝票の入力と月次の集計（E2E 一貫）';
const kHospital = 'みどり市立病院 がん相談支援センター';

// The fiscal year (April to March) a YYYY-MM-DD date falls in.
function fiscalYear(iso) {
  const [y, m] = iso.split('-').map(Number);
  return m >= 4 ? y : y - 1;
}

// The first number in the row labelled `label` of the figures table `id`.
async function figure(page, id, label) {
  const row = page
    .locator(`section:has(h2#${id}) tbody tr`)
    .filter({ has: page.locator('th', { hasText: new RegExp(`^${label}$`) }) });
  return Number((await row.locator('td').first().textContent()).trim());
}

test('one person: opening → application → 面接 → 就労決定 → employer link → follow-up → figures', async ({
  browser,
  baseURL,
  mailDir,
}) => {
  test.setTimeout(300_000);
  const today = isoDateInJapan(0);
  // A coherent past: applied six weeks ago, interviewed, decided, started a month ago.
  const appliedOn = isoDateInJapan(-42);
  const interviewOn = isoDateInJapan(-38);
  const decidedOn = isoDateInJapan(-35);
  const startOn = aMonthBefore(today);
  const figuresPath = `/reports/employment?year=${fiscalYear(startOn)}`;

  const staffContext = await browser.newContext(contextOptions(baseURL));
  const npo = await staffContext.newPage();
  await logIn(npo, kDemo.career);

  // The programme's figures before: the placement will add one person.
  await npo.goto(figuresPath);
  await expect(npo.getByRole('heading', { level: 1 })).toContainText('就労の実績');
  const placedBefore = await figure(npo, 'placements', '就労決定（人）');

  // 1. The employer and its opening.
  await mainNav(npo).getByRole('link', { name: '事業所・求人' }).click();
  await expect(npo.getByRole('heading', { level: 1 })).toHaveText('事業所');
  await npo.getByRole('link', { name: '事業所を登録する' }).click();
  await expect(npo.getByRole('heading', { level: 1 })).toHaveText('事業所を登録する');
  await checkA11y(npo);
  await npo.getByLabel('事業所名').fill(kEmployer);
  await npo.getByLabel(/^ふりがな/).fill('いーつーいー いっかん みどりかいけいじむしょ');
  await npo.getByLabel('業種（日本標準産業分類）').selectOption('L');
  await npo.getByLabel('従業員規模').selectOption('10-49');
  await npo.getByLabel('市町村').fill('みどり市');
  await npo.getByLabel('通院休暇').check();
  await npo.getByRole('button', { name: '保存する' }).click();
  await expect(npo.getByRole('status')).toContainText('事業所を登録しました。');
  await expect(npo.getByRole('heading', { level: 1 })).toContainText(kEmployer);
  await checkA11y(npo);
  await npo.getByLabel('氏名').fill('人事 一貫（E2E）');
  await npo.getByLabel('メールアドレス').fill(kEmployerEmail);
  await npo.getByRole('button', { name: '追加する' }).click();
  await expect(npo.getByRole('status')).toContainText('担当者を追加しました。');
  await expect(npo.locator('main')).toContainText(kEmployerEmail);

  await npo.getByRole('link', { name: '求人を登録する' }).click();
  await checkA11y(npo);
  await npo.getByLabel('職種・求人名').fill(kOpening);
  await npo.getByLabel('パート・アルバイト').check();
  await npo.getByLabel('市町村').fill('みどり市');
  await npo.getByLabel('始業時刻').fill('09:30');
  await npo.getByLabel('終業時刻').fill('15:30');
  await npo.getByLabel('週の所定労働時間（時間）').fill('25');
  await npo.getByLabel('短時間勤務可').check();
  await npo.getByLabel('通院休暇あり').check();
  await npo.getByLabel('求人の有効期限').fill(isoDateInJapan(30));
  await npo.getByRole('button', { name: '保存する' }).click();
  await expect(npo.getByRole('status')).toContainText('求人を登録しました。');
  await expect(npo.locator('main')).toContainText('09:30–15:30');
  await checkA11y(npo);

  // 2. デモ 相談者D's case: the opening fits her, and the application is recorded from it.
  await mainNav(npo).getByRole('link', { name: '支援ケース' }).click();
  await npo.getByRole('link', { name: 'デモ 相談者D' }).first().click();
  await expect(npo).toHaveURL(/\/cases\/\d+$/);
  await expect(npo.getByRole('heading', { level: 1 })).toContainText('デモ 相談者D');
  const casePath = new URL(npo.url()).pathname;
  const caseId = casePath.split('/').pop();
  await npo.getByRole('link', { name: 'この方に合う求人' }).click();
  await expect(npo.getByRole('heading', { level: 1 })).toHaveText('この方に合う求人');
  await checkA11y(npo);
  const fit = npo.locator('li', { hasText: kOpening });
  await expect(fit).toContainText(kEmployer);
  await expect(fit).toContainText('短時間勤務可');
  await fit.getByRole('link', { name: /この求人への応募を記録する/ }).click();
  await expect(npo.getByRole('heading', { level: 1 })).toHaveText('応募を記録する');
  await expect(npo.locator('#opening_id option:checked')).toContainText(kOpening);
  await checkA11y(npo);
  await npo.getByLabel('応募した日').fill(appliedOn);
  await npo.getByLabel('開示する（病気のことを勤務先に伝える）').check();
  await npo.getByLabel('メモ').fill('通院と両立できる短時間の求人（E2E 一貫）');
  await npo.getByRole('button', { name: '応募を記録する' }).click();
  await expect(npo.getByRole('status')).toContainText('応募を記録しました。');
  const card = npo.locator('article', { hasText: kOpening });
  await expect(card.getByRole('heading')).toHaveText(`${kEmployer} — ${kOpening}`);
  await expect(card.locator('.application-status')).toHaveText('応募');
  await checkA11y(npo);

  // 3. 面接, then the 就労決定.
  await card.getByLabel('次の段階').selectOption({ label: '面接' });
  await card.getByLabel('その段階になった日').fill(interviewOn);
  await card.getByRole('button', { name: '段階を記録する' }).click();
  await expect(npo.getByRole('status')).toContainText('段階を記録しました。');
  await expect(card.locator('.application-status')).toHaveText('面接');

  // The referring hospital's MSW keeps the case page open from here on.
  const hospitalContext = await browser.newContext(contextOptions(baseURL));
  const hospital = await hospitalContext.newPage();
  await logIn(hospital, kDemo.msw);
  await hospital.goto(casePath);
  await expect(hospital.locator('#timeline')).toBeVisible();
  await hospital.waitForFunction(
    () => {
      const el = document.querySelector('[sse-connect]');
      const data = el && el['htmx-internal-data'];
      return !!(data && data.sseEventSource && data.sseEventSource.readyState === 1);
    },
    null,
    { timeout: 10_000 }
  );
  await expect(hospital.locator('#timeline')).not.toContainText('応募：就労決定');
  await checkA11y(hospital);

  await card.getByRole('link', { name: '就労決定を記録する' }).click();
  await expect(npo.getByRole('heading', { level: 1 })).toHaveText(
    '就労決定・復職・就労継続を記録する'
  );
  await expect(npo.locator('main')).toContainText(`${kEmployer} — ${kOpening}`);
  await npo.getByLabel('仕事の内容・職種').fill('経理事務（E2E 一貫）');
  await npo.getByLabel('決まった日').fill(decidedOn);
  await npo.getByLabel('働き始める日').fill(startOn);
  await npo.getByLabel('雇用形態').selectOption({ label: 'パート・アルバイト' });
  await npo.getByLabel('週の労働時間').fill('25');
  await npo.getByLabel('合意した配慮').fill(kAccommodations);
  await checkA11y(npo);
  await npo.getByRole('button', { name: '記録する' }).click();
  await expect(npo.getByRole('status')).toContainText('定着支援の確認日を設けました。');
  await expect(card.locator('.application-status')).toHaveText('就労決定');
  const placement = npo.locator('article', { hasText: kAccommodations });
  await expect(placement.getByRole('heading')).toHaveText(`就労決定：${kEmployer}`);
  const firstCheck = placement.getByRole('row', { name: /^1か月/ });
  await expect(firstCheck).toContainText('未確認');
  await checkA11y(npo);

  // The hospital's open page shows the placement without a reload.
  await expect(hospital.locator('#timeline')).toContainText('応募：就労決定', {
    timeout: 10_000,
  });

  // 4. Her consent to coordinate with the new employer, naming its personnel address.
  await npo.goto(casePath);
  await npo.getByRole('link', { name: '相談者の情報を見る' }).click();
  await npo.getByRole('link', { name: '同意を記録する' }).click();
  await expect(npo.getByRole('heading', { level: 1 })).toHaveText('同意の記録');
  await checkA11y(npo);
  await npo.getByRole('checkbox', { name: new RegExp(`^${kHospital}`) }).check();
  await npo.getByLabel('支援の経過（経過記録・コメント・ケースの状況）').check();
  await npo.getByLabel('書類', { exact: true }).check();
  await npo.getByLabel('勤務先との両立支援の調整', { exact: true }).check();
  await npo.getByLabel('提供先の勤務先', { exact: true }).fill(kEmployer);
  await npo.getByLabel('勤務先の担当者のメールアドレス').fill(kEmployerEmail);
  await npo.getByLabel('書面', { exact: true }).check();
  await npo.getByRole('button', { name: '同意を記録する' }).click();
  await expect(npo.getByRole('status')).toContainText('同意を記録しました。');
  await expect(npo.locator('main')).toContainText(kEmployer);
  await expect(npo.locator('main')).toContainText(kEmployerEmail);
  await checkA11y(npo);

  // 5. The employer's link under that consent: only the address it names is accepted.
  await npo.goto(casePath);
  await npo.getByRole('link', { name: '勤務先・主治医へのリンク' }).click();
  await expect(npo.getByRole('heading', { level: 1 })).toHaveText('勤務先・主治医へのリンク');
  await checkA11y(npo);
  const fillLink = async (email) => {
    const consent = new RegExp(`^${kEmployer}（勤務先との両立支援の調整）`);
    await npo.getByRole('radio', { name: consent }).check();
    await npo.check('[name=recipient_kind][value=employer]');
    await npo.check('[name=asks][value=work_info_form]');
    await npo.getByLabel('送り先の担当者名').fill('人事 一貫（E2E）');
    await npo.check('[name=delivery][value=mail]');
    await npo.getByLabel('送り先のメールアドレス').fill(email);
    await npo.getByRole('button', { name: 'リンクを作る' }).click();
  };
  await fillLink('someone-else@e2e-ikkan-kaikei.example.jp');
  await expect(npo.locator('.error-summary')).toContainText(
    '同意書に記されたメールアドレスにだけ送れます。'
  );
  await checkA11y(npo);
  await fillLink(kEmployerEmail);
  await expect(npo.getByRole('status').first()).toContainText('リンクを作りました');
  await expect(npo.locator('#links')).toContainText(kEmployerEmail);
  await checkA11y(npo);

  const mail = await readMail(mailDir, { to: kEmployerEmail, subjectIncludes: '書類のご記入' });
  expect(mail.text).not.toContain('デモ 相談者D');
  const linkPath = new URL(mail.text.match(/https?:\/\/\S+\/l\/[A-Za-z0-9_-]{43}/)[0]).pathname;

  // 6. The employer, on a phone with JavaScript off.
  const phone = { javaScriptEnabled: false, viewport: { width: 375, height: 667 } };
  const employerContext = await browser.newContext(contextOptions(baseURL, phone));
  const employer = await employerContext.newPage();
  const axeContext = await browser.newContext(
    contextOptions(baseURL, { viewport: { width: 375, height: 667 } })
  );
  const axePage = await axeContext.newPage();
  const checkNoScriptPage = async () => checkA11yOfHtml(axePage, await employer.content());
  await employer.goto(linkPath);
  await expect(employer.getByRole('heading', { level: 1 })).toHaveText('書類のご記入のお願い');
  // The consent covers records and documents only: no name, no diagnosis.
  await expect(employer.locator('main')).not.toContainText('デモ 相談者D');
  await expect(employer.locator('main')).not.toContainText('乳がん');
  await expectNoHorizontalOverflow(employer);
  await checkNoScriptPage();
  await employer.getByRole('link', { name: '勤務情報提供書' }).click();
  await expect(employer.getByRole('heading', { level: 1 })).toHaveText('勤務情報提供書');
  await expectNoHorizontalOverflow(employer);
  await checkNoScriptPage();
  await employer.fill('[name=employee_name]', 'デモ 相談者D');
  await employer.fill('[name=occupation]', '経理事務');
  await employer.fill('[name=duties_text]', kDuties);
  await employer.fill('[name=company_name]', kEmployer);
  await employer.getByRole('button', { name: '提出する' }).click();
  await expect(employer.getByRole('status')).toContainText('ご提出ありがとうございました');
  await checkNoScriptPage();

  // The hospital's open page shows it without a reload.
  await expect(hospital.locator('#timeline')).toContainText(
    '勤務先がリンクから「勤務情報提供書」を提出しました',
    { timeout: 10_000 }
  );
  await checkA11y(hospital);
  await axeContext.close();
  await employerContext.close();
  await hospitalContext.close();

  // 7. The 1-month follow-up is due today on /org/retention and is answered.
  await mainNav(npo).getByRole('link', { name: '定着支援の確認' }).click();
  await expect(npo.getByRole('heading', { level: 1 })).toHaveText('定着支援の確認');
  await checkA11y(npo);
  const due = npo
    .getByRole('row')
    .filter({ has: npo.getByRole('link', { name: `ケース ${caseId}`, exact: true }) });
  await expect(due).toHaveCount(1);
  await expect(due).toContainText('1か月');
  await due.getByRole('link', { name: `ケース ${caseId}`, exact: true }).click();
  await expect(npo.getByRole('heading', { level: 1 })).toHaveText('定着支援の確認（1か月）');
  await expect(npo.locator('main')).toContainText(`就労決定：${kEmployer}`);
  await checkA11y(npo);
  await npo.getByLabel('継続中').check();
  await npo.getByLabel('メモ（任意・暗号化して保存）').fill('通院日の休みが取れて順調（E2E 一貫）');
  await npo.getByRole('button', { name: '状況を記録する' }).click();
  await expect(npo.getByRole('status')).toContainText('状況を記録しました。');
  await expect(npo.locator('#check-answer')).toHaveText('継続中');
  await checkA11y(npo);
  await npo.goto(`${casePath}/applications`);
  await expect(firstCheck).toContainText('継続中');

  // 8. The programme's employment figures count the placement.
  await npo.goto(figuresPath);
  await expect(npo.getByRole('heading', { level: 1 })).toContainText('就労の実績');
  expect(await figure(npo, 'placements', '就労決定（人）')).toBe(placedBefore + 1);
  await checkA11y(npo);
  await staffContext.close();
});
