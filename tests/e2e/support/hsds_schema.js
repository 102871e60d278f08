// Open Referral HSDS 3.0's response schemas for the API endpoints HSDS requires (`/`,
// `/services`, `/services/{id}`), written out by us as JSON Schema (draft-07) from the
// specification's published schema (openreferral/specification, schema/openapi.json and
// schema/*.json at 3.0): the same required fields, types, formats and enumerations for every
// object Tsunagu returns (service, organization, phone, schedule, service_at_location,
// location, address, the Page fields). Extra fields are allowed, as HSDS allows profiles to add
// them (Tsunagu's profile: /directory/hsds/profile).

const uuid = { type: 'string', format: 'uuid' };
const text = { type: 'string' };

const phone = {
  type: 'object',
  required: ['id', 'number'],
  properties: {
    id: uuid,
    location_id: uuid,
    service_id: uuid,
    organization_id: uuid,
    contact_id: uuid,
    service_at_location_id: uuid,
    number: text,
    extension: { type: 'number' },
    type: text,
    description: text,
  },
};

const schedule = {
  type: 'object',
  required: ['id'],
  properties: {
    id: uuid,
    service_id: uuid,
    location_id: uuid,
    service_at_location_id: uuid,
    valid_from: text,
    valid_to: text,
    dtstart: text,
    timezone: { type: 'number' },
    until: text,
    count: { type: 'number' },
    wkst: { enum: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] },
    freq: { enum: ['WEEKLY', 'MONTHLY'] },
    interval: { type: 'number' },
    byday: text,
    description: text,
    opens_at: text,
    closes_at: text,
    schedule_link: { type: 'string', format: 'uri' },
    attending_type: text,
    notes: text,
  },
};

const address = {
  type: 'object',
  required: ['id', 'address_1', 'city', 'state_province', 'postal_code', 'country', 'address_type'],
  properties: {
    id: uuid,
    location_id: uuid,
    attention: text,
    address_1: text,
    address_2: text,
    city: text,
    region: text,
    state_province: text,
    postal_code: text,
    country: text,
    address_type: { enum: ['physical', 'postal', 'virtual'] },
  },
};

const location = {
  type: 'object',
  required: ['id', 'location_type'],
  properties: {
    id: uuid,
    location_type: { enum: ['physical', 'postal', 'virtual'] },
    url: { type: 'string', format: 'uri' },
    organization_id: uuid,
    name: text,
    alternate_name: text,
    description: text,
    transportation: text,
    latitude: { type: 'number' },
    longitude: { type: 'number' },
    addresses: { type: 'array', items: address },
    phones: { type: 'array', items: phone },
    schedules: { type: 'array', items: schedule },
  },
};

const serviceAtLocation = {
  type: 'object',
  required: ['id'],
  properties: {
    id: uuid,
    service_id: uuid,
    location_id: uuid,
    description: text,
    location,
    phones: { type: 'array', items: phone },
    schedules: { type: 'array', items: schedule },
  },
};

// HSDS allows an empty string where a format applies only to a value that is there.
const optionalEmail = { anyOf: [{ const: '' }, { type: 'string', format: 'email' }] };
const optionalUri = { anyOf: [{ const: '' }, { type: 'string', format: 'uri' }] };

const organization = {
  type: 'object',
  required: ['id', 'name', 'description'],
  properties: {
    id: uuid,
    name: text,
    alternate_name: text,
    description: text,
    email: optionalEmail,
    website: optionalUri,
    uri: optionalUri,
    parent_organization_id: uuid,
    phones: { type: 'array', items: phone },
    locations: { type: 'array', items: location },
  },
};

const service = {
  type: 'object',
  required: ['id', 'name', 'status'],
  properties: {
    id: uuid,
    organization_id: uuid,
    program_id: uuid,
    name: text,
    alternate_name: text,
    description: text,
    url: optionalUri,
    email: optionalEmail,
    status: { enum: ['active', 'inactive', 'defunct', 'temporarily closed'] },
    interpretation_services: text,
    application_process: text,
    fees_description: text,
    wait_time: text,
    fees: text,
    accreditations: text,
    eligibility_description: text,
    minimum_age: { type: 'number' },
    maximum_age: { type: 'number' },
    assured_date: text,
    assurer_email: optionalEmail,
    licenses: text,
    alert: text,
    last_modified: { type: 'string', format: 'date-time' },
    phones: { type: 'array', items: phone },
    schedules: { type: 'array', items: schedule },
    service_at_locations: { type: 'array', items: serviceAtLocation },
    organization,
  },
};

const page = {
  type: 'object',
  required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'],
  properties: {
    total_items: { type: 'integer' },
    total_pages: { type: 'integer' },
    page_number: { type: 'integer' },
    size: { type: 'integer' },
    first_page: { type: 'boolean' },
    last_page: { type: 'boolean' },
    empty: { type: 'boolean' },
    contents: { type: 'array', items: service },
  },
};

const index = {
  type: 'object',
  required: ['version', 'openapi_url'],
  properties: {
    version: { const: '3.0' },
    profile: { type: 'string', format: 'uri' },
    openapi_url: { type: 'string', format: 'uri' },
  },
};

module.exports = { index, page, service };
