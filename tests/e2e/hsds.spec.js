// The information directory's HSDS 3.0 API (issue 15) on the demo data: the index, every page of
// /services and every /services/{id} are checked against HSDS's schemas (support/
// hsds_schema.js) with Ajv; ids are UUIDs and every id of a list answers its own URL.
const { test, expect } = require('./support/fixtures.js');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');
const schema = require('./support/hsds_schema.js');

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = {
  index: ajv.compile(schema.index),
  page: ajv.compile(schema.page),
  service: ajv.compile(schema.service),
};

function expectValid(name, body) {
  const ok = validate[name](body);
  expect(ok, `${name}: ${ajv.errorsText(validate[name].errors)}`).toBe(true);
}

test('the HSDS endpoints answer what HSDS 3.0 specifies, page after page', async ({ request }) => {
  const index = await request.get('/directory/hsds/');
  expect(index.status()).toBe(200);
  expect(index.headers()['content-type']).toContain('application/json');
  expectValid('index', await index.json());

  const seen = new Set();
  let pageNumber = 1;
  for (;;) {
    const res = await request.get(`/directory/hsds/services?page=${pageNumber}&per_page=4`);
    expect(res.status()).toBe(200);
    const body = await res.json();
    expectValid('page', body);
    expect(body.page_number).toBe(pageNumber);
    for (const item of body.contents) {
      expect(seen.has(item.id), `service ${item.id} on two pages`).toBe(false);
      seen.add(item.id);
    }
    if (body.last_page) {
      expect(seen.size).toBe(body.total_items);
      break;
    }
    pageNumber += 1;
    expect(pageNumber).toBeLessThan(100);
  }
  // The demo holds an entry for every category.
  expect(seen.size).toBeGreaterThanOrEqual(10);

  for (const id of seen) {
    const res = await request.get(`/directory/hsds/services/${id}`);
    expect(res.status()).toBe(200);
    const body = await res.json();
    expectValid('service', body);
    expect(body.id).toBe(id);
  }

  const missing = await request.get('/directory/hsds/services/7473756e-6167-8002-8000-0000000fffff');
  expect(missing.status()).toBe(404);
  expect(missing.headers()['content-type']).toContain('application/problem+json');
});

test('the schemas catch what HSDS does not allow', async () => {
  // The check is not empty: a service without status, with a numeric id, or an unknown status
  // fails it.
  const good = { id: '7473756e-6167-8002-8000-000000000001', name: 'x', status: 'active' };
  expect(validate.service(good)).toBe(true);
  expect(validate.service({ id: good.id, name: 'x' })).toBe(false);
  expect(validate.service({ ...good, id: '12' })).toBe(false);
  expect(validate.service({ ...good, status: 'open' })).toBe(false);
  expect(validate.service({ ...good, phones: [{ id: good.id }] })).toBe(false);
});
