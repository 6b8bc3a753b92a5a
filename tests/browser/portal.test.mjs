// The partner portal in a real browser (headless Debian Chromium through playwright-core), against
// the release binaries on a fresh store. The steps run in order and share two browser sessions:
// an administrator (who is also a policy manager) and a partner.
//
//   cd tests/browser && npm ci && node --test --test-concurrency=1 portal.test.mjs
//
// Screenshots of every step are saved under target/browser-artifacts/.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';

import { ADMIN, ARTIFACTS, ROOT, makeCa, makePartnerCertificate, otpFor, startServices } from './harness.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

const PARTNER = {
  id: 'portalpartner1',
  org: 'Portal Test Org',
  email: 'contact@portal-test.example.org',
  password: 'Partner-Secret-2026',
  group: 'portal-group',
  policy: 'portal-auth-policy',
};
const MISP = {
  id: 'portalmisp1',
  org: 'Portal MISP Org',
  email: 'misp@portal-test.example.org',
  password: 'Licence-Secret-2026',
};
const DEVICE = {
  id: 'portaldevice1',
  org: 'Portal Device Org',
  email: 'device@portal-test.example.org',
  password: 'Biometric-Pass-2026',
};
const FTM = {
  id: 'portalftm1',
  org: 'Portal FTM Org',
  email: 'ftm@portal-test.example.org',
  password: 'Chip-Secret-2026',
};
const VALID_POLICY = {
  allowedAuthTypes: [{ authSubType: 'FINGER', authType: 'bio', mandatory: false }],
  allowedKycAttributes: [{ attributeName: 'fullName' }],
  authTokenType: 'partner',
};
const BROKEN_POLICY = {
  allowedAuthTypes: [{ authSubType: 'FINGER', mandatory: 'yes' }],
  authTokenType: 'partner',
};

let env;
let browser;
let admin;
let partner;
let misp;
let device;
let ftm;
let certs;
let shots = 0;

async function shot(page, name, fullPage = true) {
  shots += 1;
  const file = path.join(ARTIFACTS, `${String(shots).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage });
}

/** A test whose failure leaves a screenshot of both sessions. */
function step(name, fn) {
  test(name, async () => {
    try {
      await fn();
    } catch (e) {
      const slug = name.replace(/[^a-z0-9]+/gi, '-').slice(0, 50);
      for (const [who, page] of [['admin', admin], ['partner', partner], ['misp', misp], ['device', device], ['ftm', ftm]]) {
        await page?.screenshot({ path: path.join(ARTIFACTS, `FAILED-${slug}-${who}.png`), fullPage: true }).catch(() => {});
      }
      throw e;
    }
  });
}

async function newSession() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(15000);
  return context.newPage();
}

async function login(page, user, password) {
  await page.goto(`${env.base}/portal/login`);
  await page.fill('#f-userName', user);
  await page.fill('#f-password', password);
  await page.click('form.card button[type=submit]');
}

/** Signs `who` up as a partner of `type` (no policy group) and logs in. */
async function signUp(page, who, type, phone) {
  await page.goto(`${env.base}/portal/signup`);
  await page.fill('#f-partnerId', who.id);
  await page.fill('#f-organizationName', who.org);
  await page.fill('#f-emailId', who.email);
  await page.selectOption('#f-partnerType', type);
  await page.fill('#f-contactNumber', phone);
  await page.fill('#f-address', '2 Portal Street, Test City');
  await page.click('text=Send me the code');
  await page.waitForURL(/\/portal\/signup\/verify/);
  await page.fill('#f-otp', otpFor(env.dataDir, who.email));
  await page.fill('#f-password', who.password);
  await page.fill('#f-confirm', who.password);
  await page.click('text=Complete sign-up');
  await page.waitForURL(`${env.base}/portal/login`);
  await login(page, who.id, who.password);
  await page.waitForURL(`${env.base}/portal/`);
}

/** Uploads the partner certificate `file` for `domain` on the certificates page. */
async function uploadCertificate(page, domain, file) {
  await page.goto(`${env.base}/portal/certificates`);
  await page.selectOption('#f-partnerDomain', domain);
  await page.setInputFiles('#f-certificate', file);
  await page.click('form button[type=submit]:has-text("Upload")');
  await page.waitForSelector('#cert-subject');
}

/** A date `days` from today, as a date input takes it. */
function isoDay(days) {
  return new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
}

/** The text of the page's error banner. */
async function errorText(page) {
  return (await page.locator('#errors').innerText()).trim();
}

before(async () => {
  env = await startServices();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  admin = await newSession();
  partner = await newSession();
  misp = await newSession();
  device = await newSession();
  ftm = await newSession();
  const dir = fs.mkdtempSync(path.join(env.work, 'certs-'));
  certs = {
    ca: makeCa(dir),
    partner: makePartnerCertificate(dir, 'partner', PARTNER.org, PARTNER.id),
    misp: makePartnerCertificate(dir, 'misp', MISP.org, MISP.id),
    device: makePartnerCertificate(dir, 'device', DEVICE.org, DEVICE.id),
    ftm: makePartnerCertificate(dir, 'ftm', FTM.org, FTM.id),
    chip: makePartnerCertificate(dir, 'chip', FTM.org, 'portal-chip-1'),
  };
});

after(async () => {
  await browser?.close();
  await env?.stop();
});

step('the administrator logs in and sees the administration home', async () => {
  await login(admin, ADMIN.user, ADMIN.password);
  await admin.waitForURL(`${env.base}/portal/`);
  assert.equal(await admin.locator('h1').innerText(), 'Administration');
  await shot(admin, 'admin-home');
});

step('every portal page sends a Content-Security-Policy and escapes what it shows', async () => {
  const res = await admin.goto(`${env.base}/portal/admin/partners?name=%3Cscript%3Ealert(1)%3C%2Fscript%3E`);
  assert.match(res.headers()['content-security-policy'], /default-src 'none'/);
  assert.equal(await admin.locator('#f-name').inputValue(), '<script>alert(1)</script>');
  // the scripts are files of the portal (time zone, copy buttons; the JSON editor's on the
  // policy editor only); nothing inline
  assert.equal(await admin.locator('script:not([src])').count(), 0);
  assert.deepEqual(await admin.locator('script').evaluateAll((s) => s.map((e) => e.getAttribute('src'))), ['/portal/static/tz.js', '/portal/static/copy.js']);
});

step('policy manager: a policy group, then a policy whose schema errors are shown first, then published', async () => {
  await admin.goto(`${env.base}/portal/admin/policy-groups`);
  await admin.fill('#f-name', PARTNER.group);
  await admin.fill('#f-desc', 'Partners of the browser tests');
  await admin.click('text=Create group');
  await admin.waitForSelector('#flash');
  assert.match(await admin.locator('#groups').innerText(), new RegExp(PARTNER.group));
  await shot(admin, 'policy-groups');

  await admin.goto(`${env.base}/portal/admin/policies/new`);
  await admin.selectOption('#f-policyGroupName', PARTNER.group);
  await admin.selectOption('#f-policyType', 'Auth');
  await admin.fill('#f-name', PARTNER.policy);
  await admin.fill('#f-desc', 'Fingerprint authentication, full name');
  await admin.fill('#f-policies', JSON.stringify(BROKEN_POLICY, null, 2));
  await admin.click('text=Create draft');
  const violations = admin.locator('#f-policies-err li');
  await violations.first().waitFor();
  const listed = await violations.allInnerTexts();
  assert.ok(listed.length >= 2, `every violation is listed: ${listed}`);
  assert.ok(listed.some((v) => v.includes('allowedKycAttributes') && v.includes('PMS_PV_006')), listed.join('\n'));
  assert.ok(listed.some((v) => v.includes('PMS_PV_005')), listed.join('\n'));
  await shot(admin, 'policy-schema-errors');

  await admin.fill('#f-policies', JSON.stringify(VALID_POLICY, null, 2));
  await admin.click('text=Create draft');
  await admin.waitForSelector('#flash');
  assert.match(await admin.locator('#flash').innerText(), /draft policy is saved/);
  await admin.goto(`${env.base}/portal/admin/policies`);
  const row = admin.locator(`tr[data-policy="${PARTNER.policy}"]`);
  await row.locator('a:has-text("Publish")').click();
  // a confirmation page names the policy and takes an optional reason
  assert.match(await admin.locator('#confirm').innerText(), new RegExp(`Publish policy ${PARTNER.policy}`));
  await admin.fill('#f-reason', 'Reviewed by the policy board');
  await admin.click('#confirm button:has-text("Publish")');
  await admin.waitForSelector('#flash');
  assert.match(await admin.locator('#flash').innerText(), /Reason: Reviewed by the policy board/);
  assert.match(await row.locator('td.state').innerText(), /PUBLISHED/i);
  await shot(admin, 'policy-published');
});

step('the policy editor colours the JSON document as it is typed, says whether it is JSON and lays it out', async () => {
  await admin.goto(`${env.base}/portal/admin/policies/new?policyType=Auth`);
  await admin.waitForSelector('.json-editor.painted pre.paint .j-key');
  assert.equal(await admin.locator('pre.paint .j-key').first().innerText(), '"allowedAuthTypes"');
  assert.equal(await admin.locator('pre.paint .j-str').first().innerText(), '"partner"');
  // the coloured copy holds exactly the textarea's text
  const area = admin.locator('#f-policies');
  assert.equal((await admin.locator('pre.paint').textContent()).replace(/\n$/, ''), await area.inputValue());
  await area.fill('{"a": [1, true');
  await admin.waitForSelector('.json-state.bad');
  assert.match(await admin.locator('.json-state').innerText(), /Not JSON yet:/);
  assert.ok(await admin.locator('.json-state button').isDisabled());
  await area.fill('{"a":[1,true],"b":null}');
  await admin.waitForSelector('.json-state:not(.bad)');
  assert.match(await admin.locator('.json-state').innerText(), /The document is JSON\./);
  await admin.click('.json-state button:has-text("Lay out")');
  assert.equal(await area.inputValue(), '{\n  "a": [\n    1,\n    true\n  ],\n  "b": null\n}');
  assert.equal(await admin.locator('pre.paint .j-lit').count(), 2);
  assert.equal(await admin.locator('pre.paint .j-num').count(), 1);
  await area.fill(JSON.stringify(VALID_POLICY, null, 2));
  await shot(admin, 'policy-json-editor');
  // a draft opens with what was saved and saves a change back
  await admin.selectOption('#f-policyGroupName', PARTNER.group);
  await admin.fill('#f-name', 'browser draft policy');
  await admin.fill('#f-desc', 'first words');
  await admin.click('text=Create draft');
  await admin.waitForSelector('#flash');
  await admin.goto(`${env.base}/portal/admin/policies?q=browser%20draft`);
  await admin.locator('tr[data-policy="browser draft policy"] a:has-text("browser draft policy")').click();
  assert.equal(await admin.locator('#f-name').inputValue(), 'browser draft policy');
  assert.equal(await admin.locator('#f-desc').inputValue(), 'first words');
  assert.deepEqual(JSON.parse(await area.inputValue()), VALID_POLICY);
  await admin.fill('#f-desc', 'second words');
  await admin.click('text=Save draft');
  await admin.waitForSelector('#flash');
  await admin.reload();
  assert.equal(await admin.locator('#f-desc').inputValue(), 'second words');
  // a published policy's document is coloured by the server (no script needed)
  await admin.goto(`${env.base}/portal/admin/policies`);
  await admin.locator(`tr[data-policy="${PARTNER.policy}"] a:has-text("${PARTNER.policy}")`).click();
  assert.ok((await admin.locator('pre.json .j-key').count()) > 0, 'the published document is coloured');
});

step('the administrator uploads the CA certificate (AUTH, MISP, DEVICE and FTM domains)', async () => {
  for (const domain of ['AUTH', 'MISP', 'DEVICE', 'FTM']) {
    await admin.goto(`${env.base}/portal/admin/certificates`);
    await admin.selectOption('#f-partnerDomain', domain);
    await admin.setInputFiles('#f-certificate', certs.ca);
    await admin.click('form button[type=submit]:has-text("Upload")');
    await admin.waitForSelector('#flash');
    assert.match(await admin.locator('#flash').innerText(), /upload/i);
  }
  await shot(admin, 'ca-uploaded');
});

let registration;

step('partner sign-up: the form, a wrong OTP refused, the right one completes it', async () => {
  await partner.goto(`${env.base}/portal/signup`);
  await partner.fill('#f-partnerId', PARTNER.id);
  await partner.fill('#f-organizationName', PARTNER.org);
  await partner.fill('#f-emailId', PARTNER.email);
  await partner.selectOption('#f-partnerType', 'Auth_Partner');
  await partner.selectOption('#f-policyGroup', PARTNER.group);
  await partner.fill('#f-contactNumber', '9876543210');
  await partner.fill('#f-address', '1 Portal Street, Test City');
  await shot(partner, 'signup-form');
  await partner.click('text=Send me the code');
  await partner.waitForURL(/\/portal\/signup\/verify\?registration=/);
  registration = await partner.locator('#f-registrationId').inputValue();
  assert.ok(registration.length > 0);
  assert.match(await partner.locator('#flash').innerText(), new RegExp(PARTNER.email));

  const otp = otpFor(env.dataDir, PARTNER.email);
  const wrong = otp === '000000' ? '111111' : '000000';
  await partner.fill('#f-otp', wrong);
  await partner.fill('#f-password', PARTNER.password);
  await partner.fill('#f-confirm', PARTNER.password);
  await partner.click('text=Complete sign-up');
  assert.match(await errorText(partner), /The code is not correct\..*left/);
  assert.match(await errorText(partner), /PMS_ONB_006/);
  await shot(partner, 'signup-wrong-otp');

  await partner.fill('#f-otp', otp);
  await partner.fill('#f-password', PARTNER.password);
  await partner.fill('#f-confirm', PARTNER.password);
  await partner.click('text=Complete sign-up');
  await partner.waitForURL(`${env.base}/portal/login`);
  assert.match(await partner.locator('#flash').innerText(), new RegExp(`Partner ${PARTNER.id} is registered`));
  await shot(partner, 'signup-complete');
});

step('partner login: a wrong password is refused, the right one opens the dashboard', async () => {
  await login(partner, PARTNER.id, 'Not-The-Password-1');
  assert.match(await errorText(partner), /user name or password is not correct.*PMS_ONB_011/);
  await shot(partner, 'login-wrong-password');
  await login(partner, PARTNER.id, PARTNER.password);
  await partner.waitForURL(`${env.base}/portal/`);
  assert.equal(await partner.locator('h1').innerText(), 'Dashboard');
  assert.match(await partner.locator('#next-steps').innerText(), /Upload your certificate/);
  await shot(partner, 'partner-dashboard');
});

step('a partner opening an admin page is refused', async () => {
  const res = await partner.goto(`${env.base}/portal/admin/partners`);
  assert.equal(res.status(), 403);
  assert.match(await errorText(partner), /KER-ATH-403/);
  await shot(partner, 'partner-refused-admin-page');
});

step('the partner uploads its certificate and sees its subject and validity', async () => {
  await partner.goto(`${env.base}/portal/certificates`);
  await partner.selectOption('#f-partnerDomain', 'AUTH');
  await partner.setInputFiles('#f-certificate', certs.partner);
  await partner.click('form button[type=submit]:has-text("Upload")');
  await partner.waitForSelector('#flash');
  assert.match(await partner.locator('#cert-subject').innerText(), new RegExp(PARTNER.org));
  assert.match(await partner.locator('#cert-valid-to').innerText(), /20\d\d/);
  await shot(partner, 'partner-certificate');
});

step('the partner profile and a contact open with what is stored and save it back', async () => {
  await partner.goto(`${env.base}/portal/profile`);
  await partner.fill('#f-address', '1 Browser Street');
  await partner.fill('#f-contactNumber', '9123456780');
  await partner.click('form[action="/portal/profile"] button[type=submit]');
  await partner.waitForSelector('#flash');
  assert.equal(await partner.locator('#f-address').inputValue(), '1 Browser Street');
  assert.equal(await partner.locator('#f-contactNumber').inputValue(), '9123456780');
  await partner.fill('#c-emailId', 'desk@portal-test.example.org');
  await partner.fill('#c-contactNumber', '9000000001');
  await partner.fill('#c-address', 'Front desk');
  await partner.click('#contact-form button[type=submit]');
  await partner.waitForSelector('#flash');
  await partner.click('#contacts a:has-text("Edit")');
  assert.equal(await partner.locator('#c-emailId').inputValue(), 'desk@portal-test.example.org');
  assert.equal(await partner.locator('#c-address').inputValue(), 'Front desk');
  assert.ok(await partner.locator('#c-isActive').isChecked());
  await partner.fill('#c-address', 'Back desk');
  await partner.uncheck('#c-isActive');
  await partner.click('#contact-form button[type=submit]');
  await partner.waitForSelector('#flash');
  const row = await partner.locator('#contacts tr:has-text("desk@portal-test.example.org")').innerText();
  assert.match(row, /Back desk/);
  assert.match(row, /Inactive/);
});

step('a form post without the CSRF token is refused', async () => {
  await partner.goto(`${env.base}/portal/policies`);
  await partner.evaluate(() => document.querySelector('form[action="/portal/policies"] input[name=_csrf]').remove());
  await partner.fill('#f-useCaseDescription', 'no token');
  const [res] = await Promise.all([partner.waitForNavigation(), partner.click('text=Send the request')]);
  assert.equal(res.status(), 403);
  assert.match(await errorText(partner), /PMS_POR_001/);
  await shot(partner, 'csrf-refused');
});

step('the partner requests the policy', async () => {
  await partner.goto(`${env.base}/portal/policies`);
  await partner.selectOption('#f-policyName', PARTNER.policy);
  await partner.fill('#f-useCaseDescription', 'Authenticate our customers by fingerprint');
  await partner.click('text=Send the request');
  await partner.waitForSelector('#flash');
  assert.match(await partner.locator('#requests').innerText(), new RegExp(`${PARTNER.policy}[\\s\\S]*Pending`));
  await shot(partner, 'policy-requested');
});

step('the administrator approves the request in a second session', async () => {
  await admin.goto(`${env.base}/portal/admin/requests`);
  const row = admin.locator('#requests tr', { hasText: PARTNER.policy });
  await shot(admin, 'admin-pending-requests');
  await row.locator('button:has-text("Approve")').click();
  await admin.waitForSelector('#flash');
  assert.match(await admin.locator('#flash').innerText(), /approved/i);
  await admin.goto(`${env.base}/portal/admin/requests?status=approved`);
  assert.match(await admin.locator('#requests').innerText(), new RegExp(PARTNER.policy));
  await shot(admin, 'admin-request-approved');
});

step('the partner generates an API key and sees it', async () => {
  await partner.goto(`${env.base}/portal/keys`);
  await partner.selectOption('#f-policyName', PARTNER.policy);
  await partner.fill('#f-label', 'production-key');
  await partner.click('button:has-text("Generate")');
  const key = (await partner.locator('#api-key').innerText()).trim();
  assert.ok(key.length >= 20, `a key is shown: ${key}`);
  // the copy button puts exactly the key on the clipboard
  await partner.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
  await partner.click('#new-key button:has-text("Copy")');
  await partner.waitForSelector('#new-key button:has-text("Copied")');
  assert.equal(await partner.evaluate(() => navigator.clipboard.readText()), key);
  const keys = await partner.locator('#keys').innerText();
  assert.match(keys, /production-key/);
  assert.match(keys, /Active/);
  await shot(partner, 'api-key-generated');
  // post/redirect/get: a reload shows the list again, the key is not shown twice nor re-posted
  await partner.reload();
  assert.equal(await partner.locator('#api-key').count(), 0);
  assert.equal((await partner.locator('#keys').innerText()).match(/production-key/g).length, 1);
  await partner.goto(`${env.base}/portal/`);
  await shot(partner, 'partner-dashboard-done');
});

step('the partner creates an OIDC client with a pasted JWK, edits its redirect URIs and deactivates it', async () => {
  const { publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = JSON.stringify(publicKey.export({ format: 'jwk' }));
  await partner.goto(`${env.base}/portal/oidc-clients`);
  await partner.fill('#f-name', 'Portal relying party');
  await partner.selectOption('#f-policyId', { label: PARTNER.policy });
  await partner.fill('#f-publicKey', jwk);
  await partner.fill('#f-logoUri', 'https://rp.portal-test.example.org/logo.png');
  await partner.fill('#f-redirectUris', 'https://rp.portal-test.example.org/callback#fragment');
  await partner.click('button:has-text("Create")');
  assert.match(await errorText(partner), /PMS_COR_001|fragment/);
  await shot(partner, 'oidc-client-refused');
  await partner.fill('#f-redirectUris', 'https://rp.portal-test.example.org/callback');
  await partner.click('button:has-text("Create")');
  await partner.waitForSelector('#client-id');
  const clientId = (await partner.locator('#client-id').innerText()).trim();
  assert.equal(clientId.length, 43, `MOSIP's client id: ${clientId}`);
  await shot(partner, 'oidc-client-created');
  await partner.fill('#f-redirectUris', 'https://rp.portal-test.example.org/callback\nhttps://rp.portal-test.example.org/other');
  await partner.click('button:has-text("Save")');
  await partner.waitForSelector('#flash');
  assert.match(await partner.locator('#f-redirectUris').inputValue(), /other/);
  await partner.click('button:has-text("Deactivate (final)")');
  await partner.waitForSelector('#flash');
  assert.match(await partner.locator('main').innerText(), /Inactive/);
  await partner.goto(`${env.base}/portal/oidc-clients`);
  assert.match(await partner.locator('#clients').innerText(), new RegExp(clientId));
  await shot(partner, 'oidc-clients');
});

step('the administrator deactivates the partner', async () => {
  await admin.goto(`${env.base}/portal/admin/partners?name=Portal`);
  await shot(admin, 'admin-partners');
  await admin.click(`a:has-text("${PARTNER.id}")`);
  assert.match(await admin.locator('#status').innerText(), /^Active$/i);
  await admin.click('a:has-text("Deactivate partner")');
  await admin.fill('#f-reason', 'Contract ended');
  await admin.click('#confirm button:has-text("Deactivate partner")');
  await admin.waitForSelector('#flash');
  assert.match(await admin.locator('#flash').innerText(), /Reason: Contract ended/);
  assert.match(await admin.locator('#status').innerText(), /inactive/i);
  await shot(admin, 'admin-partner-deactivated');
});

step('the deactivated partner is told why on its dashboard', async () => {
  await partner.goto(`${env.base}/portal/`);
  assert.match(await partner.locator('#deactivated').innerText(), /deactivated by an administrator/);
  assert.equal(await partner.locator('#next-steps').count(), 0);
  await shot(partner, 'partner-deactivated');
});

step('a form sent after the session ended keeps what was typed and is sent after the login', async () => {
  await admin.goto(`${env.base}/portal/admin/policy-groups`);
  await admin.fill('#f-name', 'kept-after-expiry');
  await admin.fill('#f-desc', 'Typed before the session ended');
  // the session ends while the form is open (a token that no longer verifies)
  await admin.context().addCookies([{ name: 'Authorization', value: 'expired.token.value', url: env.base }]);
  await admin.click('text=Create group');
  assert.match(await admin.locator('#session-ended').innerText(), /session has ended/);
  assert.match(await admin.locator('details.typed').innerText(), /kept-after-expiry/);
  await shot(admin, 'session-ended-kept');
  await admin.fill('#f-userName', ADMIN.user);
  await admin.fill('#f-password', ADMIN.password);
  await admin.click('form.card button[type=submit]');
  await admin.click('#resend button:has-text("Send again")');
  await admin.waitForSelector('#flash');
  assert.match(await admin.locator('#flash').innerText(), /kept-after-expiry created/);
});

step('at 375 px the menu is one row and the tables show every column without page scroll', async () => {
  await admin.setViewportSize({ width: 375, height: 800 });
  await admin.goto(`${env.base}/portal/admin/policies`);
  const overflow = await admin.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal page scroll (${overflow}px)`);
  const oneRow = await admin.evaluate(() => {
    const boxes = [...document.querySelectorAll('header.top nav li')].map((li) => li.getBoundingClientRect());
    const firstBottom = Math.min(...boxes.map((b) => b.bottom));
    return boxes.every((b) => b.top < firstBottom);
  });
  assert.ok(oneRow, 'the menu is one row (it scrolls sideways)');
  await shot(admin, 'narrow-policies');
  await admin.setViewportSize({ width: 1280, height: 800 });
});

step('the audit viewer shows the portal actions, newest first, filtered by user', async () => {
  await admin.goto(`${env.base}/portal/admin/audit?userId=${ADMIN.user}`);
  const text = await admin.locator('#audit').innerText();
  assert.match(text, /PMS_PRT_/);
  const users = await admin.locator('#audit tbody td.user').allInnerTexts();
  assert.ok(users.length > 0 && users.every((u) => u === ADMIN.user), `only the filtered user: ${users}`);
  const times = await admin.locator('#audit tbody td.time').allInnerTexts();
  assert.deepEqual([...times].sort().reverse(), times, 'newest first');
  await shot(admin, 'audit', false);
});

step('a MISP partner signs up, generates its licence key and downloads it', async () => {
  await signUp(misp, MISP, 'MISP_Partner', '9876543211');
  await uploadCertificate(misp, 'MISP', certs.misp);

  await misp.goto(`${env.base}/portal/licence`);
  await misp.click('button:has-text("Generate")');
  await misp.waitForSelector('#flash');
  const key = (await misp.locator('#licences code.key').first().innerText()).trim();
  assert.ok(key.length >= 16, `a licence key is listed: ${key}`);
  await shot(misp, 'misp-licence');
  const [download] = await Promise.all([misp.waitForEvent('download'), misp.click('text=Download the current key')]);
  const saved = path.join(ARTIFACTS, 'misp-licence-key.txt');
  await download.saveAs(saved);
  assert.equal(fs.readFileSync(saved, 'utf8').trim(), key);
});

step('the administrator approves a MISP registered through the MISP service and switches its licence key off', async () => {
  // a MISP registered through MOSIP 1.1's MISP API by a MISP user
  const token = env.token('misp-operator', ['MISP']);
  const res = await fetch(`${env.mispBase}/partnermanagement/v1/misps/misps`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({
      id: 'mosip.partnermanagement.misp.create', version: '1.0', requesttime: new Date().toISOString(),
      request: { organizationName: 'Portal Infra Provider', contactNumber: '9876543212', emailId: 'infra@portal-test.example.org', address: '3 Portal Street' },
    }),
  });
  const created = await res.json();
  const mispId = created.response?.mispID;
  assert.ok(mispId, JSON.stringify(created));

  await admin.goto(`${env.base}/portal/admin/misps`);
  const card = admin.locator(`section[data-misp="${mispId}"]`);
  await card.locator('button:has-text("Approve")').click();
  await admin.waitForSelector('#flash');
  assert.match(await admin.locator('#flash').innerText(), /approved/i);
  assert.match(await card.innerText(), /approved/i);
  await card.locator('button:has-text("Switch off")').click();
  await admin.waitForSelector('#flash');
  assert.ok(await card.locator('button:has-text("Switch on")').count() === 1, await card.innerText());
  await shot(admin, 'admin-misps');
  // deactivating asks first, naming the MISP; cancelling changes nothing
  await card.locator('a:has-text("Deactivate")').click();
  assert.match(await admin.locator('#confirm').innerText(), /Deactivate MISP Portal Infra Provider/);
  await admin.click('#confirm a:has-text("Cancel")');
  assert.match(await admin.locator(`section[data-misp="${mispId}"]`).innerText(), /Active/);
});

step('a device provider signs up, adds an SBI (a date in the future refused first) and a device', async () => {
  await signUp(device, DEVICE, 'Device_Provider', '9876543213');
  assert.match(await device.locator('nav').innerText(), /SBIs[\s\S]*Devices/);
  await uploadCertificate(device, 'DEVICE', certs.device);

  await device.goto(`${env.base}/portal/sbis`);
  await device.fill('#f-swVersion', 'PORTAL.SBI.1');
  await device.fill('#f-swBinaryHash', 'c0ffee');
  await device.fill('#f-swCreateDateTime', isoDay(1));
  await device.fill('#f-swExpiryDateTime', isoDay(365));
  await device.click('button:has-text("Add the SBI")');
  assert.match(await errorText(device), /PMS_AUT_514/);
  await device.fill('#f-swCreateDateTime', isoDay(0));
  await device.click('button:has-text("Add the SBI")');
  await device.waitForSelector('#flash');
  assert.match(await device.locator('#sbis').innerText(), /PORTAL\.SBI\.1[\s\S]*Pending/);
  await shot(device, 'device-sbis');

  await device.goto(`${env.base}/portal/devices`);
  await device.selectOption('#f-deviceSubTypeCode', 'Finger/Slap');
  await device.fill('#f-make', 'Portal Make');
  await device.fill('#f-model', 'Portal Slap 1');
  await device.click('button:has-text("Add the device")');
  await device.waitForSelector('#flash');
  assert.match(await device.locator('#devices').innerText(), /Portal Slap 1[\s\S]*Finger[\s\S]*Slap[\s\S]*Pending/);
  await shot(device, 'device-details');
});

step('an FTM provider signs up, adds a chip, uploads its certificate and downloads it re-signed', async () => {
  await signUp(ftm, FTM, 'FTM_Provider', '9876543214');
  await uploadCertificate(ftm, 'FTM', certs.ftm);
  await ftm.goto(`${env.base}/portal/ftm-chips`);
  await ftm.fill('#f-make', 'Portal Chip');
  await ftm.fill('#f-model', 'PC-1');
  await ftm.click('button:has-text("Add the chip")');
  await ftm.waitForSelector('#flash');
  const row = ftm.locator('#chips tr', { hasText: 'PC-1' });
  assert.match(await row.innerText(), /Certificate needed[\s\S]*not uploaded/);
  await row.locator('summary').click();
  await row.locator('input[type=file]').setInputFiles(certs.chip);
  await row.locator('button:has-text("Upload")').click();
  await ftm.waitForSelector('#flash');
  assert.match(await ftm.locator('#flash').innerText(), /certificate is uploaded/, await ftm.locator('#flash').innerText());
  assert.match(await ftm.locator('#chips tr', { hasText: 'PC-1' }).innerText(), /Pending[\s\S]*uploaded/);
  await shot(ftm, 'ftm-chips');
  const [download] = await Promise.all([ftm.waitForEvent('download'), ftm.click('#chips a:has-text("Download")')]);
  const saved = path.join(ARTIFACTS, 'ftm-chip-certificate.pem');
  await download.saveAs(saved);
  assert.match(fs.readFileSync(saved, 'utf8'), /-----BEGIN CERTIFICATE-----/);
});

step('the administrator approves the SBI, the device and the chip, confirming each', async () => {
  await admin.goto(`${env.base}/portal/admin/devices`);
  await shot(admin, 'admin-device-approvals');
  for (const [queue, text] of [['#pending-sbis', 'PORTAL.SBI.1'], ['#pending-devices', 'Portal Slap 1'], ['#pending-chips', 'PC-1']]) {
    await admin.goto(`${env.base}/portal/admin/devices`);
    await admin.locator(`${queue} tr`, { hasText: text }).locator('a:has-text("Approve")').click();
    await admin.waitForSelector('#confirm');
    assert.match(await admin.locator('#confirm').innerText(), new RegExp(text.replaceAll('.', '\\.')));
    await admin.click('button:has-text("Yes, approve")');
    await admin.waitForSelector('#flash');
    assert.match(await admin.locator('#flash').innerText(), /approved|updated/i);
    assert.doesNotMatch(await admin.locator(queue).innerText(), new RegExp(text.replaceAll('.', '\\.')));
  }
  await shot(admin, 'admin-devices-approved');
  await ftm.goto(`${env.base}/portal/ftm-chips`);
  assert.match(await ftm.locator('#chips tr', { hasText: 'PC-1' }).innerText(), /approved/i);
});

step('the device provider adds its approved device to its approved SBI', async () => {
  await device.goto(`${env.base}/portal/sbis`);
  assert.match(await device.locator('#sbis').innerText(), /approved/i);
  assert.match(await device.locator('#f-sbiId').innerText(), /PORTAL\.SBI\.1/);
  assert.match(await device.locator('#f-deviceDetailId').innerText(), /Portal Slap 1/);
  await device.click('button:has-text("Add the device")');
  await device.waitForSelector('#flash');
  assert.match(await device.locator('#flash').innerText(), /device is added to the SBI/);
  await shot(device, 'device-mapped');
});

// ---- languages: each role's main pages in French and Arabic, one by Accept-Language, the other
// by the footer's picker; the choice is remembered; no message id shows; nothing scrolls sideways
// at 375 px. Screenshots for docs/portal.md land in docs/portal/.
const DOCS = path.join(ROOT, 'docs', 'portal');
const MESSAGE_IDS = fs.readFileSync(path.join(ROOT, 'crates', 'partner-portal', 'locales', 'en', 'portal.ftl'), 'utf8')
  .split('\n').map((l) => /^([a-zA-Z][\w-]*) =/.exec(l)?.[1]).filter(Boolean);

/** A new session whose browser asks for `locale` first. */
async function sessionIn(locale) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale });
  context.setDefaultTimeout(15000);
  return context.newPage();
}

/** The page is in `lang` (`dir` for it), its heading is `heading`, and no message id shows. */
async function speaks(page, lang, heading) {
  assert.equal(await page.locator('html').getAttribute('lang'), lang);
  assert.equal(await page.locator('html').getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
  assert.equal((await page.locator('h1').innerText()).trim(), heading);
  const text = await page.locator('body').innerText();
  const shown = MESSAGE_IDS.filter((id) => new RegExp(`(^|\\s)${id}(\\s|$)`).test(text));
  assert.deepEqual(shown, [], `message ids on ${page.url()}`);
}

/** Picks `lang` in the footer's form; the same page comes back in it. */
async function pick(page, lang) {
  const before = new URL(page.url()).pathname;
  await page.selectOption('#pick-lang', lang);
  await Promise.all([page.waitForNavigation(), page.click('form.picker button[type=submit]')]);
  assert.equal(new URL(page.url()).pathname, before);
}

/** At 375 px wide, none of `paths` scrolls sideways. */
async function fitsNarrow(page, paths) {
  await page.setViewportSize({ width: 375, height: 800 });
  for (const p of paths) {
    await page.goto(`${env.base}${p}`);
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(scroll <= inner, `${p}: ${scroll} > ${inner}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

step('languages: a partner in French (Accept-Language), then Arabic (picker), remembered', async () => {
  const page = await sessionIn('fr-FR');
  await login(page, DEVICE.id, DEVICE.password);
  await page.waitForURL(`${env.base}/portal/`);
  await speaks(page, 'fr', 'Tableau de bord');
  await page.screenshot({ path: path.join(DOCS, 'dashboard-fr.png') });
  for (const [p, h] of [['/portal/certificates', 'Certificats'], ['/portal/sbis', 'Interfaces biométriques sécurisées'], ['/portal/devices', 'Appareils'], ['/portal/profile', 'Profil']]) {
    await page.goto(`${env.base}${p}`);
    await speaks(page, 'fr', h);
  }
  await fitsNarrow(page, ['/portal/', '/portal/certificates', '/portal/sbis']);
  await page.goto(`${env.base}/portal/certificates`);
  await pick(page, 'ar');
  await speaks(page, 'ar', 'الشهادات');
  for (const [p, h] of [['/portal/', 'لوحة التحكم'], ['/portal/sbis', 'واجهات القياسات الحيوية الآمنة'], ['/portal/devices', 'الأجهزة']]) {
    await page.goto(`${env.base}${p}`);
    await speaks(page, 'ar', h);
  }
  await page.goto(`${env.base}/portal/`);
  await page.screenshot({ path: path.join(DOCS, 'dashboard-ar.png') });
  await fitsNarrow(page, ['/portal/', '/portal/certificates', '/portal/sbis', '/portal/devices']);
  await page.context().close();
});

step('languages: partner admin and policy manager in Arabic (Accept-Language), then French (picker)', async () => {
  const page = await sessionIn('ar-EG');
  await login(page, ADMIN.user, ADMIN.password);
  await page.waitForURL(`${env.base}/portal/`);
  await speaks(page, 'ar', 'الإدارة');
  await page.screenshot({ path: path.join(DOCS, 'admin-home-ar.png') });
  const adminPages = [['/portal/admin/partners', 'الشركاء'], ['/portal/admin/requests', 'طلبات السياسات'],
    ['/portal/admin/keys', 'مفاتيح API'], ['/portal/admin/certificates', 'شهادات سلطات التصديق']];
  const policyPages = [['/portal/admin/policy-groups', 'مجموعات السياسات'], ['/portal/admin/policies', 'السياسات']];
  for (const [p, h] of [...adminPages, ...policyPages]) {
    await page.goto(`${env.base}${p}`);
    await speaks(page, 'ar', h);
  }
  await fitsNarrow(page, ['/portal/', '/portal/admin/partners', '/portal/admin/requests', '/portal/admin/policies']);
  await page.goto(`${env.base}/portal/admin/partners`);
  await pick(page, 'fr');
  await speaks(page, 'fr', 'Partenaires');
  for (const [p, h] of [['/portal/admin/requests', 'Demandes de politique'], ['/portal/admin/policy-groups', 'Groupes de politiques'],
    ['/portal/admin/policies', 'Politiques'], ['/portal/', 'Administration']]) {
    await page.goto(`${env.base}${p}`);
    await speaks(page, 'fr', h);
  }
  await fitsNarrow(page, ['/portal/admin/partners', '/portal/admin/policy-groups', '/portal/admin/policies']);
  await page.context().close();
});

step('languages: English stays the default, and the picker brings it back', async () => {
  await admin.goto(`${env.base}/portal/admin/partners`);
  await speaks(admin, 'en', 'Partners');
  await pick(admin, 'fr');
  await speaks(admin, 'fr', 'Partenaires');
  await pick(admin, 'en');
  await speaks(admin, 'en', 'Partners');
  await admin.goto(`${env.base}/portal/`);
  await admin.screenshot({ path: path.join(DOCS, 'admin-home-en.png') });
});

step('a policy group opens with its values, saves them back, and asks before it is deactivated', async () => {
  await admin.goto(`${env.base}/portal/admin/policy-groups`);
  await admin.fill('#f-name', 'browser-spare-group');
  await admin.fill('#f-desc', 'Spare group');
  await admin.click('text=Create group');
  await admin.waitForSelector('#flash');
  await admin.click('#groups a:has-text("browser-spare-group")');
  assert.equal(await admin.inputValue('#f-name'), 'browser-spare-group');
  assert.equal(await admin.inputValue('#f-desc'), 'Spare group');
  assert.ok(await admin.isChecked('#f-isActive'));
  await admin.fill('#f-name', 'browser-spare-renamed');
  await admin.uncheck('#f-isActive');
  await admin.click('main form button[type=submit]');
  assert.match(await admin.locator('#confirm').innerText(), /Deactivate policy group browser-spare-renamed\?/);
  await admin.fill('#f-reason', 'not needed');
  await admin.click('#confirm button:has-text("Deactivate the group")');
  assert.match(await admin.locator('#flash').innerText(), /Reason: not needed/);
  await admin.click('#groups a:has-text("browser-spare-renamed")');
  assert.equal(await admin.inputValue('#f-name'), 'browser-spare-renamed');
  assert.ok(!(await admin.isChecked('#f-isActive')));
});

step('times: a browser whose first page shows times sees them in its own zone', async () => {
  // a signed-in browser that never ran the time-zone script (a bookmarked page): that page shows
  // times in UTC at first, and the script loads it again once it told the zone
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'Asia/Kolkata' });
  context.setDefaultTimeout(15000);
  const session = (await admin.context().cookies()).filter((c) => c.name === 'Authorization');
  await context.addCookies(session);
  const page = await context.newPage();
  await page.goto(`${env.base}/portal/admin/certificates`);
  await page.waitForFunction(() => !document.documentElement.hasAttribute('data-zone-reload'));
  const text = await page.locator('main').innerText();
  assert.match(text, /UTC\+05:30/);
  assert.doesNotMatch(text, /UTC\+00:00/);
  assert.ok((await context.cookies()).some((c) => c.name === 'pms_tz' && c.value === '330'));
  await context.close();
});

step('logging out ends the session', async () => {
  await partner.goto(`${env.base}/portal/`);
  await partner.click('button:has-text("Log out")');
  await partner.waitForURL(`${env.base}/portal/login`);
  const res = await partner.goto(`${env.base}/portal/keys`);
  assert.match(res.url(), /\/portal\/login\?next=/);
});
