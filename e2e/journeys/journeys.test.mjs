// The journeys of the issue, each a test, in headless Chromium against a
// real server. Each page visited is checked with axe-core; the last page of
// each journey is saved as a screenshot under e2e/artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import ICAL from 'ical.js';
import { smtpSink, startServer, browser, checkA11y, screenshot, axeResults, mimeParts, ARTIFACTS, PASSWORD } from '../lib/harness.mjs';

let sink;
let server;
let chrome;
let brussels; // a published Brussels session on export control, open to all
let biosafety; // a SEA biosafety session
let roundTable; // a hybrid session in Tashkent: a room and online places

before(async () => {
  sink = await smtpSink();
  server = await startServer(sink);
  chrome = await browser();
  brussels = await server.api('POST', '/api/v1/sessions', {
    title: 'Export control essentials', summary: 'Licensing dual-use goods.', time_zone: 'Europe/Brussels',
    starts_at: '2027-03-09T09:00', ends_at: '2027-03-09T10:30', topics: ['export-control'], status: 'published',
    capacity: 50,
  });
  roundTable = await server.api('POST', '/api/v1/sessions', {
    title: 'Border control round table', time_zone: 'Asia/Tashkent', starts_at: '2027-05-12T10:00',
    ends_at: '2027-05-12T13:00', status: 'published', format: 'hybrid', kind: 'meeting', capacity: 40,
    in_person_capacity: 25, waitlist: true, venue_name: 'Hotel Uzbekistan, hall B', venue_address: '45 Amir Temur Avenue',
    venue_city: 'Tashkent', interpretation: ['ru', 'fr'], join_url: 'https://meet.example.org/round-table',
  });
  biosafety = await server.api('POST', '/api/v1/sessions', {
    title: 'Biosafety in diagnostic laboratories', time_zone: 'Asia/Manila', starts_at: '2027-03-10T16:00',
    ends_at: '2027-03-10T17:30', topics: ['biosafety'], regions: ['south-east-asia'], status: 'published', capacity: 40,
  });
});

/** Signs in to the workspace on `page` and waits for the session list. */
async function signIn(page, email) {
  await page.goto(server.url + '/admin/login');
  await page.fill('#f-email', email);
  await page.fill('#f-password', PASSWORD);
  await page.click('main form button[type=submit]');
  await page.waitForURL(/\/admin\/sessions$/);
}

/** Fills the registration form, gives consent, sends it and waits for the manage page. */
async function registerWith(page, { name, email, organisation, country }) {
  await page.fill('#f-name', name);
  await page.fill('#f-email', email);
  await page.fill('#f-organisation', organisation);
  await page.selectOption('#f-country', country);
  await page.check('#f-consent');
  await page.click('form.register button[type=submit]');
  await page.waitForURL(/\/registrations\//);
}

after(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, 'axe-results.json'), JSON.stringify(Object.fromEntries(axeResults), null, 2));
  await chrome?.close();
  await server?.stop();
  sink?.close();
});

test('a participant in Jakarta sees Jakarta times, filters by topic and registers with the keyboard only', async () => {
  const context = await chrome.newContext({ timezoneId: 'Asia/Jakarta', locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(server.url + '/');
  // The browser's zone is picked up without any choice (one reload).
  await page.waitForFunction(() => document.documentElement.dataset.tz === 'Asia/Jakarta');
  await checkA11y(page, 'home');
  const first = page.locator('ul.sessions li', { hasText: 'Export control essentials' });
  // 09:00 in Brussels (UTC+01:00) is 15:00 in Jakarta (UTC+07:00).
  assert.match(await first.locator('.time').first().innerText(), /15:00/);
  await page.selectOption('#f-topic', 'export-control');
  await page.click('form.filters button[type=submit]');
  await page.waitForURL(/topic=export-control/);
  assert.equal(await page.locator('ul.sessions li').count(), 1);
  await page.click('text=Export control essentials');
  await page.waitForURL(/\/sessions\/\d+$/);
  await checkA11y(page, 'session');
  await page.click('a[href$="/register"]');
  await page.waitForURL(/\/register$/);
  await checkA11y(page, 'register form');
  // Keyboard only from here: the name field, then Tab through the form.
  await page.focus('#f-name');
  await page.keyboard.type('Siti Rahma');
  await page.keyboard.press('Tab');
  await page.keyboard.type('siti@example.org');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Ministry of Health');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Analyst');
  await page.keyboard.press('Tab');
  // The country select: type to choose Indonesia.
  await page.keyboard.type('Indonesia');
  assert.equal(await page.$eval('#f-country', (s) => s.value), 'ID');
  // Tab on to the consent box and tick it with the space bar.
  for (let i = 0; i < 6; i++) {
    const id = await page.evaluate(() => document.activeElement?.id);
    if (id === 'f-consent') break;
    await page.keyboard.press('Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-consent', 'consent reachable by Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/registrations\//);
  assert.match(await page.locator('main').innerText(), /confirmed/i);
  assert.match(await page.locator('main').innerText(), /15:00/);
  await checkA11y(page, 'manage');
  await screenshot(page, 'jakarta-registered');
  const mail = await sink.waitFor('siti@example.org', /Registration confirmed/);
  assert.match(mail.text, /Export control essentials/);
  await context.close();
});

test('in Brussels the page shows Brussels times, and a zone picked in the header is remembered', async () => {
  const context = await chrome.newContext({ timezoneId: 'Europe/Brussels', locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(server.url + '/');
  await page.waitForFunction(() => document.documentElement.dataset.tz === 'Europe/Brussels');
  const item = page.locator('ul.sessions li', { hasText: 'Export control essentials' });
  assert.match(await item.locator('.time').first().innerText(), /09:00/);
  await page.selectOption('#tz', 'Asia/Manila');
  await page.click('header.site button[type=submit]');
  await page.waitForURL(/tz=Asia%2FManila/);
  await page.waitForFunction(() => document.documentElement?.dataset.tz === 'Asia/Manila');
  // Every time on the page moved: 09:00 Brussels is 16:00 in Manila.
  assert.match(await item.locator('.time').first().innerText(), /16:00/);
  await page.goto(server.url + `/sessions/${brussels.id}`);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.tz), 'Asia/Manila', 'remembered');
  assert.match(await page.locator('main').innerText(), /16:00/);
  await checkA11y(page, 'session in a picked zone');
  await screenshot(page, 'brussels-picked-manila');
  await context.close();
});

test('a participant cancels through the manage link and the next waiting person is promoted', async () => {
  const small = await server.api('POST', '/api/v1/sessions', {
    title: 'Small workshop', time_zone: 'Asia/Jakarta', starts_at: '2027-04-06T10:00', ends_at: '2027-04-06T12:00',
    capacity: 1, waitlist: true, status: 'published',
  });
  const register = (email) => fetch(`${server.url}/api/v1/sessions/${small.id}/registrations`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: email.split('@')[0], email, organisation: 'Agency', country: 'ID', consent: true }),
  }).then((r) => r.json());
  const first = await register('first@example.org');
  const second = await register('second@example.org');
  assert.equal(first.status, 'confirmed');
  assert.equal(second.status, 'waitlisted');
  const context = await chrome.newContext({ timezoneId: 'Asia/Jakarta' });
  const page = await context.newPage();
  await page.goto(first.manage_url);
  await checkA11y(page, 'manage (confirmed)');
  await page.click('text=Cancel my registration');
  await checkA11y(page, 'cancel confirmation');
  await page.click('button:has-text("Yes, cancel")');
  assert.match(await page.locator('main').innerText(), /cancelled/i);
  await screenshot(page, 'cancelled');
  const mail = await sink.waitFor('second@example.org', /(seat|confirmed)/i);
  assert.match(mail.text, /Small workshop/);
  await context.close();
});

test('a nominee opens the link they were emailed, accepts with their consent and is confirmed', async () => {
  const round = await server.api('POST', '/api/v1/sessions', {
    title: 'Regional round table', time_zone: 'Asia/Manila', starts_at: '2027-05-11T09:00', ends_at: '2027-05-11T12:00',
    participation: 'nomination', capacity: 30, country_quota: 3, quotas: { PH: 12 }, status: 'published',
  });
  const nominated = await server.api('POST', `/api/v1/sessions/${round.id}/nominations`, {
    name: 'Ana Reyes', email: 'ana@example.ph', organisation: 'Department of Health', country: 'PH', role: 'trainer',
  });
  assert.equal(nominated.status, 'nominated');
  const context = await chrome.newContext({ timezoneId: 'Asia/Manila' });
  const page = await context.newPage();
  await page.goto(`${server.url}/sessions/${round.id}`);
  assert.match(await page.locator('main').innerText(), /National Focal Point/);
  await checkA11y(page, 'session by nomination');
  const mail = await sink.waitFor('ana@example.ph', /nominated/i);
  const link = mail.text.match(/https?:\/\/\S+\/registrations\/m_[A-Za-z0-9_-]+/)[0];
  await page.goto(link);
  await checkA11y(page, 'manage (nominated)');
  await page.check('#accept-consent');
  await page.click('#accept');
  assert.equal(await page.getAttribute('#status', 'data-status'), 'confirmed');
  await screenshot(page, 'nomination-accepted');
  await page.goto(`${server.url}/sessions/999999`);
  assert.match(await page.locator('h1').innerText(), /not found/i);
  await checkA11y(page, 'error page in the frame');
  await context.close();
});

test('a focal point in Manila nominates by form and by pasted rows, replaces a nominee, and the organisers see the countries', async () => {
  const training = await server.api('POST', '/api/v1/sessions', {
    title: 'Train the trainers', time_zone: 'Asia/Manila', starts_at: '2027-06-15T09:00', ends_at: '2027-06-15T16:00',
    participation: 'nomination', capacity: 30, country_quota: 4, nominations_close_at: '2027-06-01T17:00',
    regions: ['south-east-asia'], status: 'published',
  });
  const context = await chrome.newContext({ timezoneId: 'Asia/Manila', locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(server.url + '/admin/login');
  await page.fill('#f-email', 'nfp@example.org');
  await page.fill('#f-password', PASSWORD);
  await page.click('main form button[type=submit]');
  await page.waitForURL(/\/admin\/nominations$/);
  await checkA11y(page, 'focal point: nominations');
  assert.match(await page.locator('#sessions').innerText(), /Philippines: 0 of 4 places held/);
  await page.click(`a[href="/admin/nominations/${training.id}"]`);
  await page.waitForURL(/\/admin\/nominations\/\d+$/);
  assert.match(await page.locator('main').innerText(), /2027-06-01 17:00 \(UTC\+08:00\)/);
  // A mistake first: the form says which field and keeps what was typed.
  await page.fill('#n-name', 'Ana Reyes');
  await page.fill('#n-email', 'ana-at-example.ph');
  await page.fill('#n-organisation', 'Department of Health');
  await page.selectOption('#n-role', 'trainer');
  await page.click('form[action$="#nominate"] button[type=submit]');
  await page.waitForSelector('#n-email-error');
  await checkA11y(page, 'focal point: nomination form with an error');
  await page.fill('#n-email', 'ana@example.ph');
  await page.click('form[action$="#nominate"] button[type=submit]');
  await page.waitForSelector('#notice');
  assert.match(await page.locator('#notice').innerText(), /Ana Reyes is nominated/);
  await checkA11y(page, 'focal point: session with a nominee');
  await page.fill('#n-sheet', 'name\temail\torganisation\nBo Cruz\tbo@example.ph\tDOH\nCy Lim\tcy-example.ph\tDOH');
  await page.click('form[action$="/sheet#sheet-preview"] button[type=submit]');
  await page.waitForSelector('#sheet-result');
  assert.match(await page.locator('#sheet-result').innerText(), /1 of 2 rows are ready/);
  await checkA11y(page, 'focal point: pasted rows previewed');
  await page.click('#sheet-preview form button[type=submit]');
  await page.waitForSelector('#sheet-result');
  assert.match(await page.locator('#sheet-result').innerText(), /1 of 2 rows nominated/);
  await page.click('a[aria-label="Replace Bo Cruz with someone else"]');
  await page.waitForURL(/\/replace$/);
  await checkA11y(page, 'focal point: replace a nominee');
  await page.fill('#n-name', 'Dee Santos');
  await page.fill('#n-email', 'dee@example.ph');
  await page.fill('#n-organisation', 'DOH');
  await page.click('form[action$="/replace"] button[type=submit]');
  await page.waitForSelector('#notice');
  assert.match(await page.locator('#notice').innerText(), /Dee Santos now holds the place/);
  await page.goto(server.url + '/admin/nominations/country/PH?year=2027');
  await checkA11y(page, 'focal point: a country\'s year');
  // Three nominations made for this session (one replaced), none answered yet.
  assert.match(await page.locator('#year tbody tr', { hasText: 'Train the trainers' }).innerText(), /\t3\t0\t0\t0\t0$/);
  await page.click('nav.languages a[hreflang=fr]');
  await page.waitForFunction(() => document.documentElement?.lang === 'fr');
  await page.goto(`${server.url}/admin/nominations/${training.id}`);
  assert.match(await page.locator('h2#people').innerText(), /Vos participants/);
  await checkA11y(page, 'focal point: session (fr)');
  await screenshot(page, 'focal-point-session-fr');
  await context.close();

  const organiser = await chrome.newContext({ timezoneId: 'Europe/Brussels', locale: 'en-GB' });
  const admin = await organiser.newPage();
  await admin.goto(server.url + '/admin/login');
  await admin.fill('#f-email', 'admin@example.org');
  await admin.fill('#f-password', PASSWORD);
  await admin.click('main form button[type=submit]');
  await admin.waitForURL(/\/admin\/sessions$/);
  await admin.goto(`${server.url}/admin/sessions/${training.id}`);
  assert.match(await admin.locator('#country-table tbody tr').first().innerText(), /Philippines\s+4\s+2\s+3/);
  await checkA11y(admin, 'workspace session: countries and nominations');
  await organiser.close();
});

test('an organiser plans a Manila session with the best-slot suggestion, publishes it and finds it in the region feed', async () => {
  const context = await chrome.newContext({ timezoneId: 'Asia/Manila' });
  const page = await context.newPage();
  await page.goto(server.url + '/admin/login');
  await checkA11y(page, 'login');
  await page.fill('#f-email', 'manila@example.org');
  await page.fill('#f-password', PASSWORD);
  await page.click('main form button[type=submit]');
  await page.waitForURL(/\/admin\/sessions$/);
  await checkA11y(page, 'workspace sessions');
  await page.goto(server.url + '/admin/planner?date=2027-05-11&time=09:00&zone=Asia%2FManila&minutes=60&region=south-east-asia');
  await checkA11y(page, 'planner');
  const best = page.locator('a[data-best-slot]').first();
  assert.ok(await best.isVisible(), 'a best slot is shown');
  await best.click();
  await page.waitForURL(/planner\?/);
  await page.click('#create-here');
  await page.waitForURL(/\/admin\/sessions\/new\?/);
  await checkA11y(page, 'session form');
  assert.equal(await page.inputValue('#s-time_zone'), 'Asia/Manila');
  await page.fill('#s-title', 'Regional lab network call');
  await page.selectOption('#s-status', 'published');
  await page.click('form.session-form button[type=submit]:not([name])');
  await page.waitForURL(/\/admin\/sessions\/\d+/);
  await checkA11y(page, 'workspace session');
  await screenshot(page, 'organiser-published');
  const feed = await fetch(`${server.url}/feeds/regions/south-east-asia.ics`).then((r) => r.text());
  const events = new ICAL.Component(ICAL.parse(feed)).getAllSubcomponents('vevent');
  assert.ok(events.some((e) => e.getFirstPropertyValue('summary') === 'Regional lab network call'), 'in the region feed');
  await context.close();
});

test('a series page in Manila shows the dates the EU clock change moves; registering for all is one email whose recurring invite ical.js and recurring-ical-events expand across the clock change and a move', async () => {
  const series = await server.api('POST', '/api/v1/series', {
    title: 'CBRN risk mitigation clinic', time_zone: 'Europe/Brussels', starts_at: '2027-03-11T10:00',
    ends_at: '2027-03-11T11:30', status: 'published', capacity: 40, repeat: 'weekly', count: 4,
  });
  const context = await chrome.newContext({ timezoneId: 'Asia/Manila', locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${server.url}/series/${series.id}?tz=Asia/Manila`);
  await checkA11y(page, 'series page');
  assert.match(await page.locator('#occurrences li').nth(3).innerText(), /instead of 17:00/);
  await page.click('#register-series');
  await page.waitForURL(/register\?series=1$/);
  assert.ok(await page.isChecked('#f-whole_series'));
  await checkA11y(page, 'register for a series');
  await registerWith(page, { name: 'Budi Santoso', email: 'budi@example.ph', organisation: 'DOST', country: 'PH' });
  assert.match(await page.locator('main').innerText(), /registered for 4 dates/);

  // One email for the four dates, its invite one recurring event in Brussels time.
  const mail = await sink.waitFor('budi@example.ph', /Registered for 4 dates/);
  assert.equal(sink.messages.filter((m) => m.to.includes('budi@example.ph')).length, 1, 'one email, not four');
  const invite = mimeParts(mail.data).find((p) => p.type === 'text/calendar')?.text;
  assert.ok(invite, 'an invite');
  // 10:00 in Brussels is 09:00 UTC before the EU clock change of 28 March, 08:00 after.
  const asRuled = ['2027-03-11T09:00:00Z', '2027-03-18T09:00:00Z', '2027-03-25T09:00:00Z', '2027-04-01T08:00:00Z'];
  assert.deepEqual(expandWithIcalJs(invite), asRuled);
  assert.deepEqual(expandWithPython(invite).map((o) => o.start), asRuled);

  // 18 March moves to Friday 19 March 11:00: the update replaces that instance only.
  const second = series.sessions[1].id;
  await server.api('PATCH', `/api/v1/sessions/${second}`, { starts_at: '2027-03-19T11:00', ends_at: '2027-03-19T12:30' });
  const update = await sink.waitFor('budi@example.ph', /Session changed/);
  const updated = mimeParts(update.data).find((p) => p.type === 'text/calendar')?.text;
  const moved = ['2027-03-11T09:00:00Z', '2027-03-19T10:00:00Z', '2027-03-25T09:00:00Z', '2027-04-01T08:00:00Z'];
  assert.deepEqual(expandWithIcalJs(updated), moved);
  const python = expandWithPython(updated);
  assert.deepEqual(python.map((o) => o.start), moved);
  assert.equal(python[1].recurrence_id, '2027-03-18T09:00:00Z', 'the instance of 18 March, replaced');
  assert.equal(new Set(python.map((o) => o.uid)).size, 1, 'one event in the calendar');
  await context.close();
});

/** The starts (UTC) of every occurrence of an invite's recurring event, as ical.js expands it. */
function expandWithIcalJs(text) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const zone of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const master = events.find((e) => e.isRecurring());
  assert.ok(master, 'a recurring event');
  for (const e of events.filter((e) => e.isRecurrenceException())) master.relateException(e);
  const out = [];
  const it = master.iterator();
  for (let next = it.next(); next; next = it.next()) {
    out.push(master.getOccurrenceDetails(next).startDate.toJSDate().toISOString().replace('.000Z', 'Z'));
  }
  return out.sort();
}

/** The same with python recurring-ical-events (e2e/ical/expand.py), another implementation. */
function expandWithPython(text) {
  const python = process.env.ICAL_PYTHON || 'python3';
  const out = execFileSync(python, [join(import.meta.dirname, '..', 'ical', 'expand.py'), '2027-01-01', '2028-01-01'], { input: text });
  return JSON.parse(out.toString());
}

test('a participant subscribes: webcal and https feed links are there and the feed parses', async () => {
  const context = await chrome.newContext({ timezoneId: 'Asia/Jakarta' });
  const page = await context.newPage();
  await page.goto(server.url + `/sessions/${biosafety.id}`);
  const hrefs = await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href') || ''));
  const webcal = hrefs.find((h) => h.startsWith('webcal://'));
  const https = hrefs.find((h) => h.startsWith(server.url) && h.endsWith('.ics'));
  assert.ok(webcal, 'a webcal link');
  assert.ok(https, 'an https feed link');
  await page.goto(server.url + '/feeds');
  await checkA11y(page, 'feeds');
  await screenshot(page, 'feeds');
  assert.equal(webcal, https.replace(/^https?:/, 'webcal:'), 'the same feed either way');
  const text = await fetch(https).then((r) => r.text());
  const cal = new ICAL.Component(ICAL.parse(text));
  assert.ok(cal.getAllSubcomponents('vevent').length >= 1, 'the feed has events');
  await context.close();
});

test('public pages fit a 360 px wide phone and the skip link leads to the content', async () => {
  const context = await chrome.newContext({ timezoneId: 'Asia/Jakarta', viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  for (const path of ['/', `/sessions/${brussels.id}`, `/sessions/${brussels.id}/register`, '/feeds', '/privacy', `/sessions/${roundTable.id}`, `/sessions/${roundTable.id}/register`]) {
    await page.goto(server.url + path);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 361, `${path} is ${wide}px wide at 360px`);
  }
  // On a 390 px phone the header is one line: zone and language behind one control.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(server.url + '/');
  const header = await page.locator('header.site').boundingBox();
  const summary = await page.locator('details.viewer-settings > summary').boundingBox();
  const brand = await page.locator('header.site .brand').boundingBox();
  assert.ok(Math.abs(summary.y - brand.y) < brand.height && header.height < summary.height + 40, `one line: ${JSON.stringify({ header, summary, brand })}`);
  assert.equal(await page.locator('#tz').isVisible(), false, 'the zone picker waits behind the control');
  await page.click('details.viewer-settings > summary');
  assert.ok(await page.locator('#tz').isVisible(), 'one tap shows it');
  const opened = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(opened <= 391, `opened, the header still fits: ${opened}px`);
  await checkA11y(page, 'header opened at 390px');
  // A hybrid session: its venue with a map link, and the form asks how one comes.
  await page.goto(server.url + `/sessions/${roundTable.id}`);
  assert.match(await page.locator('#venue').innerText(), /Hotel Uzbekistan, hall B/);
  await checkA11y(page, 'hybrid session at 360px');
  await page.goto(server.url + `/sessions/${roundTable.id}/register`);
  await page.check('#f-attendance-in_person');
  await page.selectOption('#f-interpretation', 'ru');
  await checkA11y(page, 'hybrid register form at 360px');
  await page.goto(server.url + '/');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#main', 'the skip link comes first');
  await checkA11y(page, 'home at 360px');
  await screenshot(page, 'phone-home');
  await context.close();
});

test('a participant in Dakar has everything in French: pages, form errors, confirmation and email', async () => {
  const context = await chrome.newContext({ timezoneId: 'Africa/Dakar', locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(server.url + '/');
  await page.waitForFunction(() => document.documentElement.dataset.tz === 'Africa/Dakar');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal(await page.locator('h1').innerText(), 'Sessions à venir');
  await checkA11y(page, 'home (fr)');
  await page.goto(server.url + `/sessions/${brussels.id}/register`);
  // Sent empty: the errors are announced, in French, beside each field.
  await page.click('form.register button[type=submit]');
  await page.waitForSelector('.error-summary[role=alert]');
  assert.match(await page.locator('.error-summary h2').innerText(), /Veuillez corriger \d+ champs/);
  assert.equal(await page.getAttribute('#f-name', 'aria-describedby'), 'f-name-error');
  assert.equal(await page.locator('#f-name-error').innerText(), 'est obligatoire');
  await checkA11y(page, 'register form with errors (fr)');
  await registerWith(page, { name: 'Awa Diop', email: 'awa@example.org', organisation: 'Ministère de la Santé', country: 'SN' });
  assert.equal(await page.locator('h1').innerText(), 'Votre inscription');
  // 09:00 in Brussels (UTC+01:00) is 08:00 in Dakar (UTC+00:00): "mar. 9 mars 2027, 08:00".
  assert.match(await page.locator('#time-participant').innerText(), /mar\. 9 mars 2027, 08:00/);
  await checkA11y(page, 'manage (fr)');
  const manage = page.url();
  for (const [path, name] of [['/cancel', 'cancel (fr)'], ['/erase', 'erase (fr)']]) {
    await page.goto(manage + path);
    await checkA11y(page, name);
  }
  // Everything about the address opens only from a link sent to it.
  await page.goto(manage);
  await page.click('#email-address-link');
  await page.waitForURL(/sent=1/);
  assert.match(await page.locator('p.note').innerText(), /awa@example\.org/);
  const linkMail = await sink.waitFor('awa@example.org', /\/my\/l_/);
  const address = linkMail.text.match(/https?:\/\/\S+\/my\/l_[A-Za-z0-9_-]{43}/)[0];
  await page.goto(address);
  assert.equal(await page.locator('h1').innerText(), 'Toutes vos inscriptions');
  await checkA11y(page, 'all my registrations (fr)');
  await page.goto(address + '/erase');
  await checkA11y(page, 'erase the address (fr)');
  await page.goto(address.replace(/l_.*/, 'l_' + 'x'.repeat(43)));
  await checkA11y(page, 'expired address link (fr)');
  for (const [path, name] of [['/registrations/recover', 'recover (fr)'], ['/privacy', 'privacy (fr)'], ['/feeds', 'feeds (fr)'], ['/no/such/page', 'not found (fr)']]) {
    await page.goto(server.url + path);
    assert.equal(await page.getAttribute('html', 'lang'), 'fr', path);
    await checkA11y(page, name);
  }
  assert.equal(await page.locator('h1').innerText(), 'Page introuvable');
  await page.goto(manage);
  await screenshot(page, 'dakar-registered-fr');
  const mail = await sink.waitFor('awa@example.org', /Inscription confirm/);
  assert.match(mail.text, /Bonjour Awa Diop/);
  assert.match(mail.text, /mardi 9 mars 2027, 08:00/);
  await context.close();
});

test('an admin\'s pages pass axe in all four languages', async () => {
  const context = await chrome.newContext({ timezoneId: 'Europe/Brussels', locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(server.url + '/admin/login');
  await page.fill('#f-email', 'admin@example.org');
  await page.fill('#f-password', PASSWORD);
  await page.click('main form button[type=submit]');
  await page.waitForURL(/\/admin\/sessions$/);
  // A session held in the past, with one certificate issued: its page
  // shows the certificates, and the certificate's public page is checked.
  const held = await server.api('POST', '/api/v1/sessions', {
    title: 'Chemical security round table', time_zone: 'Asia/Amman', starts_at: '2027-04-06T10:00',
    ends_at: '2027-04-06T12:00', status: 'published', kind: 'training',
  });
  const attendee = await server.api('POST', `/api/v1/sessions/${held.id}/registrations`, {
    name: 'Omar Khalil', email: 'omar@example.org', organisation: 'Ministry of Interior', country: 'JO', consent: true,
  });
  // Held ten days ago: recent enough for its feedback form to go out.
  const heldDay = new Date(Date.now() - 10 * 86400e3).toISOString().slice(0, 10);
  server.sql(`UPDATE sessions SET starts_at = '${heldDay} 07:00:00', ends_at = '${heldDay} 09:00:00' WHERE id = ${held.id}; UPDATE change_counter SET value = value + 1 WHERE id = 1;`);
  await server.api('POST', `/api/v1/registrations/${attendee.id}/attendance`, { attended: true, minutes: 110 });
  const issued = await server.api('POST', `/api/v1/sessions/${held.id}/certificates`, {});
  assert.equal(issued.issued, 1);
  const [certificate] = await server.api('GET', `/api/v1/sessions/${held.id}/certificates`);
  // Gender asked network-wide, and a file and a link shared through the
  // workspace's forms: the pages that show them are checked too.
  await page.goto(server.url + '/admin/reference');
  await page.check('#ask-gender');
  await page.click('form[action="/admin/reference/settings"] button[type=submit]');
  assert.match(await page.locator('#notice').innerText(), /ask for gender/);
  await page.goto(server.url + `/admin/sessions/${held.id}`);
  await page.fill('#file-title', 'Slides');
  await page.setInputFiles('#file-file', { name: 'slides.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%%EOF\n') });
  await page.click('#upload button[type=submit]');
  await page.waitForURL(/#materials$/);
  await page.fill('#link-title', 'Recording');
  await page.fill('#link-url', 'https://video.example.org/r/1');
  await page.check('#link-public');
  await page.click('#add-link button[type=submit]');
  await page.waitForURL(/#materials$/);
  assert.deepEqual(await page.locator('#materials-table td:first-child a').allInnerTexts(), ['Slides', 'Recording']);
  // A feedback form with the usual questions, sent at once: the attendee
  // answers it by keyboard from the link in their email (the server's
  // round runs every 30 s).
  await page.goto(server.url + `/admin/sessions/${held.id}#feedback`);
  await page.fill('#fb-hours', '0');
  await page.click('#feedback-form button[type=submit]');
  await page.waitForURL(/#feedback$/);
  const asked = await sink.waitFor('omar@example.org', /feedback/, 45000);
  const feedbackPath = /\/feedback\/fb_[A-Za-z0-9_-]+/.exec(asked.text)[0];
  await page.goto(server.url + feedbackPath);
  await checkA11y(page, 'feedback form');
  await page.focus('#q-overall-5');
  await page.keyboard.press('Space');
  await page.check('#q-useful-4');
  await page.fill('#q-improve', 'More time for the exercise');
  await page.click('form.register button[type=submit]');
  await page.waitForSelector('#notice');
  assert.match(await page.locator('#notice').innerText(), /recorded/);
  await page.goto(server.url + '/admin/reports?from=2026-01-01&to=2026-12-31');
  assert.ok(await page.locator('svg.map-svg path.m5').count() >= 1, 'a country is shaded on the map');
  await screenshot(page, 'reports-map');
  // An email to the held session's registrants: the preview shows the HTML
  // part with the person's name filled in, and the form keeps the text.
  await page.goto(server.url + `/admin/sessions/${held.id}#email`);
  await page.fill('#e-subject', 'Slides for {title}');
  await page.fill('#e-message', 'Dear {name},\n\nThe slides are on your page: {link}');
  await page.click('#email-form button[type=submit]');
  await page.waitForSelector('#email-html');
  assert.match(await page.locator('#email-html').innerText(), /Dear Omar Khalil,/);
  assert.equal(await page.inputValue('#e-subject'), 'Slides for {title}');
  await checkA11y(page, 'workspace email preview');
  const manage = new URL(attendee.manage_url).pathname;
  const wsSeries = await server.api('POST', '/api/v1/series', {
    title: 'Weekly biosecurity clinic', time_zone: 'Asia/Manila', starts_at: '2027-06-01T10:00',
    ends_at: '2027-06-01T11:00', status: 'published', capacity: 30, repeat: 'weekly', count: 3,
  });
  await server.api('POST', `/api/v1/series/${wsSeries.id}/registrations`, {
    name: 'Ana Reyes', email: 'ana.series@example.ph', organisation: 'DOH', country: 'PH', consent: true,
  });
  // Public pages first: the last one must be a workspace page (its nav is read after the loop).
  const pages = ['/', '/archive', '/?q=biosecurity', `/sessions/${held.id}`, manage, `/sessions/${brussels.id}/register`, '/privacy', feedbackPath, `/certificates/${certificate.code}`, '/certificates/AAAA-BBBB-CCCC-DDDD', '/admin/users', '/admin/tokens', '/admin/audit', '/admin/reports', '/admin/reports?region=south-east-asia&kind=training', '/admin/reference', '/admin/password', '/admin/sessions', `/admin/sessions/${brussels.id}`, `/admin/sessions/${brussels.id}/cancel`, `/admin/sessions/${held.id}`, `/admin/sessions/${held.id}/check-in`, `/admin/sessions/${held.id}/feedback`, `/admin/series/${wsSeries.id}`,
    '/admin/planner?date=2027-05-11&time=09:00&zone=Europe%2FBrussels&minutes=60&region=south-east-asia&organiser=south-east-asia&stretch=strict',
    `/admin/sessions/${brussels.id}/edit`];
  for (const path of pages) {
    await page.goto(server.url + path);
    await checkA11y(page, `workspace ${path}`);
  }
  // The language switcher, by keyboard-reachable link.
  await page.click('nav.languages a[hreflang=fr]');
  await page.waitForFunction(() => document.documentElement?.lang === 'fr');
  for (const path of pages) {
    await page.goto(server.url + path);
    assert.equal(await page.getAttribute('html', 'lang'), 'fr', path);
    await checkA11y(page, `workspace ${path} (fr)`);
  }
  assert.match(await page.locator('nav.admin-nav').innerText(), /Planificateur/);
  await screenshot(page, 'workspace-edit-fr');
  for (const [lang, dir, planner] of [['ar', 'rtl', /المخطِّط/], ['ru', 'ltr', /Планировщик/]]) {
    await page.click(`nav.languages a[hreflang=${lang}]`);
    await page.waitForFunction((l) => document.documentElement?.lang === l, lang);
    for (const path of pages) {
      await page.goto(server.url + path);
      assert.equal(await page.getAttribute('html', 'dir'), dir, path);
      await checkA11y(page, `workspace ${path} (${lang})`);
    }
    assert.match(await page.locator('nav.admin-nav').innerText(), planner);
    await screenshot(page, `workspace-edit-${lang}`);
  }
  await context.close();
});

test('pages reflow at 200% zoom: page zoom and text-only zoom', async () => {
  // A 1280 px wide window at 200% zoom lays pages out in 640 CSS px.
  const context = await chrome.newContext({ timezoneId: 'Asia/Jakarta', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const paths = ['/', `/sessions/${brussels.id}`, `/sessions/${brussels.id}/register`, '/feeds', '/privacy', '/registrations/recover', '/admin/login'];
  const overflow = () => page.evaluate(() => {
    // Data tables may scroll inside their own box; the page itself may not.
    const wide = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    const clipped = [...document.querySelectorAll('h1, h2, label, button, p, a, dd, dt, li')]
      // (What waits closed behind the header's zone and language control is not shown.)
      .filter((e) => !e.closest('table') && e.checkVisibility() && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .map((e) => `${e.tagName.toLowerCase()}: ${e.innerText.slice(0, 40)}`);
    return { wide, clipped };
  });
  for (const path of paths) {
    await page.goto(server.url + path);
    const { wide, clipped } = await overflow();
    assert.ok(wide <= 1, `${path} scrolls sideways by ${wide}px at 200% zoom`);
    assert.deepEqual(clipped, [], `${path}: cut off at 200% zoom`);
  }
  await checkA11y(page, 'register form at 200% zoom');
  await screenshot(page, 'zoom-200-register');
  // The workspace too, tables and all.
  await page.goto(server.url + '/admin/login');
  await page.fill('#f-email', 'admin@example.org');
  await page.fill('#f-password', PASSWORD);
  await page.click('main form button[type=submit]');
  await page.waitForURL(/\/admin\/sessions$/);
  const workspace = ['/admin/sessions', `/admin/sessions/${brussels.id}`, `/admin/sessions/${brussels.id}/edit`, '/admin/users',
    '/admin/tokens', '/admin/audit', '/admin/reference', '/admin/planner?date=2027-05-11&time=09:00&zone=Asia%2FManila&minutes=60&region=south-east-asia'];
  for (const path of workspace) {
    await page.goto(server.url + path);
    const { wide, clipped } = await overflow();
    assert.ok(wide <= 1, `${path} scrolls sideways by ${wide}px at 200% zoom`);
    assert.deepEqual(clipped, [], `${path}: cut off at 200% zoom`);
  }
  paths.push(...workspace);
  // Text-only zoom: the browser's default font size doubled (what the
  // "font size" setting does, media queries included), on a desktop width.
  await page.setViewportSize({ width: 1280, height: 800 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  for (const path of paths) {
    await page.goto(server.url + path);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).fontSize), '32px', 'text doubled');
    const { wide, clipped } = await overflow();
    assert.ok(wide <= 1, `${path} scrolls sideways by ${wide}px with text at 200%`);
    assert.deepEqual(clipped, [], `${path}: cut off with text at 200%`);
  }
  await context.close();
});

/** Sideways scrolling and elements cut off at either edge (right to left spills to the left). */
const spill = (page) => page.evaluate(() => {
  const width = document.documentElement.clientWidth;
  const wide = document.documentElement.scrollWidth - width;
  const clipped = [...document.querySelectorAll('h1, h2, label, button, p, a, dd, dt, li, input, select')]
    .filter((e) => !e.closest('table') && !e.closest('.hp') && !e.classList.contains('skip') && !e.closest('.visually-hidden') && e.checkVisibility())
    .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > width + 1 || r.left < -1); })
    .map((e) => `${e.tagName.toLowerCase()}: ${(e.innerText || e.id || '').slice(0, 40)}`);
  return { wide, clipped };
});

test('a participant in Amman reads Arabic right to left: the form mirrors and fits a phone and 200% zoom, the email is right to left with the time isolated', async () => {
  const context = await chrome.newContext({ timezoneId: 'Asia/Amman', locale: 'ar', viewport: { width: 800, height: 700 } });
  const page = await context.newPage();
  await page.goto(server.url + '/');
  await page.waitForFunction(() => document.documentElement.dataset.tz === 'Asia/Amman');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.locator('h1').innerText(), 'الجلسات القادمة');
  // 09:00 in Brussels (UTC+01:00) is 11:00 in Amman (UTC+03:00), the
  // times and the offset in a left-to-right isolate.
  const card = page.locator('ul.sessions li', { hasText: 'Export control essentials' });
  assert.equal(await card.locator('.time bdi[dir=ltr]').first().innerText(), '11:00–12:30 (UTC+03:00)');
  assert.deepEqual(await page.locator('nav.languages a').allInnerTexts(), ['English', 'Français', 'العربية', 'Русский']);
  await checkA11y(page, 'home (ar)');

  await page.goto(server.url + `/sessions/${brussels.id}/register`);
  const side = () => page.evaluate(() => {
    const label = document.querySelector('label[for=f-name]').getBoundingClientRect();
    const main = document.querySelector('main').getBoundingClientRect();
    return { fromStart: label.left - main.left, fromEnd: main.right - label.right };
  });
  const rtl = await side();
  assert.ok(rtl.fromEnd < rtl.fromStart, 'labels start on the right');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('#f-email')).direction), 'ltr', 'an address is typed left to right');
  await checkA11y(page, 'register (ar)');
  // Sent empty: the errors in Arabic, tied to their fields.
  await page.click('form.register button[type=submit]');
  await page.waitForSelector('.error-summary[role=alert]');
  assert.match(await page.locator('.error-summary h2').innerText(), /يُرجى تصحيح/);
  assert.equal(await page.locator('#f-name-error').innerText(), 'مطلوب');
  await checkA11y(page, 'register form with errors (ar)');
  for (const [width, height, scale, name] of [[360, 740, 1, '360 px'], [640, 400, 2, '200% zoom']]) {
    const narrow = await chrome.newContext({ timezoneId: 'Asia/Amman', locale: 'ar', viewport: { width, height }, deviceScaleFactor: scale });
    const p = await narrow.newPage();
    for (const path of ['/', `/sessions/${brussels.id}`, `/sessions/${brussels.id}/register`]) {
      await p.goto(server.url + path);
      const { wide, clipped } = await spill(p);
      assert.ok(wide <= 1, `${path} scrolls sideways by ${wide}px at ${name} in Arabic`);
      assert.deepEqual(clipped, [], `${path}: cut off at ${name} in Arabic`);
    }
    await screenshot(p, `register-ar-${width}`);
    await narrow.close();
  }

  await registerWith(page, { name: 'ليلى حداد', email: 'layla@example.org', organisation: 'وزارة الصحة', country: 'JO' });
  assert.equal(await page.locator('h1').innerText(), 'تسجيلك');
  assert.equal(await page.locator('#time-participant bdi[dir=ltr]').first().innerText(), '11:00–12:30 (UTC+03:00)');
  await checkA11y(page, 'manage (ar)');
  await screenshot(page, 'amman-registered-ar');
  const mail = await sink.waitFor('layla@example.org', /./);
  const html = mimeParts(mail.data).find((p) => p.type === 'text/html')?.text ?? '';
  const text = mimeParts(mail.data).find((p) => p.type === 'text/plain')?.text ?? '';
  assert.match(html, /<html lang="ar" dir="rtl">/);
  assert.match(html, /<bdi dir="ltr">11:00–12:30 \(UTC\+03:00\)<\/bdi>/, 'the time with its offset in an isolate');
  assert.ok(text.includes('\u2066' + '11:00–12:30 (UTC+03:00)' + '\u2069'), 'and in plain text, the Unicode isolates');
  assert.match(text, /تم تأكيد تسجيلك/);
  await context.close();
});

test('a participant in Tashkent reads Russian, with Tashkent times in pages and email', async () => {
  const context = await chrome.newContext({ timezoneId: 'Asia/Tashkent', locale: 'ru-RU' });
  const page = await context.newPage();
  await page.goto(server.url + '/');
  await page.waitForFunction(() => document.documentElement.dataset.tz === 'Asia/Tashkent');
  assert.equal(await page.getAttribute('html', 'lang'), 'ru');
  assert.equal(await page.locator('h1').innerText(), 'Предстоящие мероприятия');
  const card = page.locator('ul.sessions li', { hasText: 'Export control essentials' });
  assert.match(await card.locator('.time').first().innerText(), /вт, 9 мар 2027, 13:00–14:30 Ташкент \(UTC\+05:00\)/);
  await checkA11y(page, 'home (ru)');
  await page.goto(server.url + `/sessions/${brussels.id}`);
  await checkA11y(page, 'session (ru)');
  await page.goto(server.url + `/sessions/${brussels.id}/register`);
  await checkA11y(page, 'register (ru)');
  await registerWith(page, { name: 'Азиз Каримов', email: 'aziz@example.org', organisation: 'Министерство здравоохранения', country: 'UZ' });
  assert.equal(await page.locator('h1').innerText(), 'Ваша регистрация');
  assert.match(await page.locator('#time-participant').innerText(), /вт, 9 мар 2027, 13:00–14:30 Ташкент \(UTC\+05:00\)/);
  await checkA11y(page, 'manage (ru)');
  for (const [path, name] of [['/registrations/recover', 'recover (ru)'], ['/privacy', 'privacy (ru)'], ['/feeds', 'feeds (ru)'], ['/no/such/page', 'not found (ru)']]) {
    await page.goto(server.url + path);
    assert.equal(await page.getAttribute('html', 'lang'), 'ru', path);
    await checkA11y(page, name);
  }
  await screenshot(page, 'tashkent-ru');
  const mail = await sink.waitFor('aziz@example.org', /./);
  const text = mimeParts(mail.data).find((p) => p.type === 'text/plain')?.text ?? '';
  assert.match(text, /Здравствуйте, Азиз Каримов!/);
  assert.match(text, /вторник, 9 марта 2027, 13:00–14:30 Ташкент \(UTC\+05:00\)/);
  await context.close();
});

test('wherever the keyboard goes, the focus is visible', async () => {
  const context = await chrome.newContext({ timezoneId: 'Asia/Jakarta' });
  const page = await context.newPage();
  const walk = async (path, steps) => {
    await page.goto(server.url + path);
    const seen = [];
    for (let i = 0; i < steps; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const e = document.activeElement;
        if (!e || e === document.body) return null;
        const s = getComputedStyle(e);
        const visible = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
        return { what: `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}`, visible };
      });
      if (!focus) break;
      seen.push(focus);
    }
    const hidden = seen.filter((f) => !f.visible).map((f) => f.what);
    assert.deepEqual(hidden, [], `${path}: focus not visible on ${hidden.join(', ')}`);
    assert.ok(seen.length >= 5, `${path}: the keyboard reached ${seen.length} controls`);
  };
  await walk(`/sessions/${brussels.id}/register`, 25);
  await walk('/registrations/recover', 12);
  await page.goto(server.url + '/admin/login');
  await page.fill('#f-email', 'admin@example.org');
  await page.fill('#f-password', PASSWORD);
  await page.click('main form button[type=submit]');
  await page.waitForURL(/\/admin\/sessions$/);
  await walk(`/admin/sessions/${brussels.id}/edit`, 40);
  await context.close();
});

test('the planner\'s day grid moves the slot with the keyboard alone and reads without colour', async () => {
  const context = await chrome.newContext({ timezoneId: 'Europe/Brussels', locale: 'en-GB' });
  const page = await context.newPage();
  await signIn(page, 'manila@example.org');
  await page.goto(server.url + '/admin/planner?date=2027-05-11&time=09:00&zone=Europe%2FBrussels&minutes=60&region=south-east-asia&organiser=south-east-asia');
  await checkA11y(page, 'planner day grid');
  const chosen = page.locator('table.day-grid thead a[aria-current]');
  const first = await chosen.first().innerText();
  // From the slot's own column, Tab to the next hour's and press Enter.
  await chosen.first().focus();
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => document.activeElement.textContent.trim());
  assert.notEqual(next, first, 'the next column has focus');
  await Promise.all([page.waitForURL((u) => /time=10(%3A|:)00/.test(u.toString())), page.keyboard.press('Enter')]);
  assert.equal((await page.locator('table.day-grid thead a[aria-current]').first().innerText()).trim(), next,
    'the slot moved to the column chosen');
  assert.equal(await page.inputValue('#p-time'), '10:00');
  // Each cell says its band in words (for screen readers) besides its colour.
  const cell = await page.locator('table.day-grid tbody tr').first().locator('td').first().innerText();
  assert.match(cell, /\d\d\s+(working hours|early or late|night|weekend)/i, cell);
  await checkA11y(page, 'planner day grid, slot moved');
  await context.close();
});

test('a participant registers from a card of the list, and an admin\'s logo then shows in every header', async () => {
  const context = await chrome.newContext({ timezoneId: 'Asia/Manila', locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(server.url + '/?q=diagnostic');
  await checkA11y(page, 'home, searched');
  const card = page.locator('li', { has: page.locator('a.button[aria-label*="Biosafety in diagnostic laboratories"]') }).first();
  assert.match(await card.locator('.seats').innerText(), /^\d+ of 40 left$/, 'the card says the seats left');
  await card.locator('a.button').click();
  await page.waitForURL(new RegExp(`/sessions/${biosafety.id}/register`));
  await registerWith(page, { name: 'Maria Santos', email: 'maria.card@example.ph', organisation: 'DOH', country: 'PH' });
  assert.match(await page.locator('main').innerText(), /Add to my calendar/);

  const admin = await context.newPage();
  await signIn(admin, 'admin@example.org');
  await admin.goto(server.url + '/admin/reference#logo');
  // A 1×1 PNG, recognised by its bytes.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  await admin.setInputFiles('#logo-file', { name: 'logo.png', mimeType: 'image/png', buffer: png });
  await admin.click('#logo-form button[type=submit]');
  await admin.waitForLoadState();
  assert.ok(await admin.locator('#remove-logo').isVisible(), 'the logo can now be removed');
  await checkA11y(admin, 'network settings with a logo');
  await page.goto(server.url + '/');
  const logo = page.locator('header .brand img.logo');
  assert.ok(await logo.isVisible(), 'the logo is in the public header');
  assert.equal(await logo.evaluate((img) => img.naturalWidth), 1, 'and it loads');
  await checkA11y(page, 'home with a logo');
  // Removed again, so the other journeys see the plain header.
  await admin.goto(server.url + '/admin/reference#logo');
  await admin.click('#remove-logo');
  await admin.waitForLoadState();
  await context.close();
});

test('an organiser asks a question with the builder and reads the answer, moves the session seeing before and after, and cancels it with a reason', async () => {
  const drill = await server.api('POST', '/api/v1/sessions', {
    title: 'Chemical emergency drill', time_zone: 'Europe/Brussels', starts_at: '2027-06-08T10:00',
    ends_at: '2027-06-08T11:00', status: 'published', capacity: 30,
  });
  const context = await chrome.newContext({ timezoneId: 'Europe/Brussels', locale: 'en-GB' });
  const page = await context.newPage();
  await signIn(page, 'admin@example.org');

  // Questions and answers: a row of the builder, no JSON anywhere.
  await page.goto(`${server.url}/admin/sessions/${drill.id}/edit`);
  await page.fill('#sq0-label', 'Which laboratory do you work in?');
  await page.selectOption('#sq0-kind', 'short_text');
  await page.check('#sq0-required');
  await page.click('form.session-form button[type=submit]:not([name])');
  await page.waitForURL(new RegExp(`/admin/sessions/${drill.id}(\\?|#|$)`));
  const visitor = await context.newPage();
  await visitor.goto(`${server.url}/sessions/${drill.id}/register`);
  await visitor.getByLabel('Which laboratory do you work in?').fill('Central reference laboratory');
  await registerWith(visitor, { name: 'Jan Peeters', email: 'jan.drill@example.be', organisation: 'FPS Health', country: 'MA' });
  await page.goto(`${server.url}/admin/sessions/${drill.id}`);
  await page.getByLabel('Which laboratory do you work in?').check();
  await page.click('form:has(#f-q) button[type=submit]');
  await page.waitForLoadState();
  assert.match(await page.locator('table').filter({ hasText: 'Jan Peeters' }).innerText(), /Central reference laboratory/);
  await checkA11y(page, 'workspace session with a question column');

  // A time change says before and after, and checks the new slot.
  await page.goto(`${server.url}/admin/sessions/${drill.id}/edit`);
  await page.fill('#s-starts_at', '2027-06-08T16:00');
  await page.fill('#s-ends_at', '2027-06-08T17:00');
  await page.click('form.session-form button[type=submit]:not([name])');
  await page.waitForSelector('#move-was-now');
  assert.match(await page.locator('#move-was-now').innerText(), /It was .*10:00.*; it would be .*16:00/);
  await checkA11y(page, 'confirm a move');
  await page.click('form.session-form button[type=submit]:not([name])');
  await page.waitForURL(new RegExp(`/admin/sessions/${drill.id}(\\?|#|$)`));
  const moved = await sink.waitFor('jan.drill@example.be', /It was/);
  assert.match(moved.text, /It was[\s\S]*10:00[\s\S]*it is now[\s\S]*16:00/);

  // Cancelling is a step of its own, in the danger style, with a reason
  // required when people are registered.
  await page.click(`a[href="/admin/sessions/${drill.id}/cancel"]`);
  await page.waitForURL(new RegExp(`/admin/sessions/${drill.id}/cancel`));
  assert.match(await page.locator('#consequences').innerText(), /One person will be emailed that the session is cancelled/);
  await checkA11y(page, 'cancel a session: what will happen');
  await page.click('form[action$="/cancel"] button.danger');
  // Without a reason the page comes back saying so beside the field.
  await page.waitForSelector('#cancel-reason-error');
  await checkA11y(page, 'cancel a session: reason missing');
  await page.fill('#cancel-reason', 'The venue is closed for repairs.');
  await page.click('form[action$="/cancel"] button.danger');
  await page.waitForURL(new RegExp(`/admin/sessions/${drill.id}(\\?|#|$)`));
  assert.match(await page.locator('#notice').innerText(), /cancel/i);
  const cancelled = await sink.waitFor('jan.drill@example.be', /venue is closed for repairs/);
  assert.match(cancelled.text, /Chemical emergency drill/);
  await context.close();
});
