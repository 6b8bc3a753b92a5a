// Starts partner-service and misp-license-service (release binaries) on a fresh SQLite store,
// creates an administrator, reads OTP mail from the file drop and makes test certificates with
// openssl. Everything lives in a temporary directory that is removed at the end.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const ARTIFACTS = process.env.PORTAL_ARTIFACTS ?? path.join(ROOT, 'target', 'browser-artifacts');
const BIN = process.env.PMS_BIN_DIR ?? path.join(ROOT, 'target', 'release');
export const ADMIN = { user: 'padmin', password: 'Portal-Manager-Pass-42' };

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url, child, log) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) break;
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not become healthy:\n${fs.existsSync(log) ? fs.readFileSync(log, 'utf8').slice(-3000) : ''}`);
}

export async function startServices() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pms-portal-'));
  const dataDir = path.join(work, 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const f of fs.readdirSync(ARTIFACTS)) {
    if (f.endsWith('.png')) fs.rmSync(path.join(ARTIFACTS, f));
  }
  const [pPort, mPort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${pPort}`;
  const mispBase = `http://127.0.0.1:${mPort}`;
  const env = {
    ...process.env,
    PMS__DATABASE__URL: `sqlite://${path.join(work, 'pms.sqlite3')}`,
    PMS__DATA_DIR: dataDir,
    PMS__AUTH__HS256_SECRET: 'portal-browser-secret-0123456789abcdef0123',
    PMS__SERVER__HOST: '127.0.0.1',
    // no longer needed (the MISP pages call the MISP operations directly); still accepted
    PMS__PORTAL__MISP_URL: mispBase,
    PMS__LOG__FILTER: 'info',
  };
  const bin = (name) => path.join(BIN, name);
  execFileSync(bin('partner-service'), ['migrate'], { env, stdio: 'pipe' });
  // MOSIP's device types and sub-types (reference data the device pages offer)
  const seed = path.join(work, 'seed');
  fs.mkdirSync(seed);
  fs.writeFileSync(path.join(seed, 'reg_device_type.csv'),
    'code,name,descr,is_active\nFinger,Finger,Fingerprint Biometric,TRUE\nFace,Face,Face Biometric,TRUE\n');
  fs.writeFileSync(path.join(seed, 'reg_device_sub_type.csv'),
    'code,dtyp_code,name,descr,is_active\nSlap,Finger,Slap,Fingerprint Slap,TRUE\nFull face,Face,Full face,Full face,TRUE\n');
  execFileSync(bin('partner-service'), ['import-mosip', seed], { env, stdio: 'pipe' });
  execFileSync(bin('partner-service'), ['admin', 'create', '--user', ADMIN.user, '--email', 'admin@portal.example.org'], {
    env: { ...env, PMS_ADMIN_PASSWORD: ADMIN.password },
    stdio: 'pipe',
  });
  const children = [];
  const start = async (name, port, health) => {
    const log = path.join(ARTIFACTS, `${name}.log`);
    const out = fs.openSync(log, 'w');
    const child = spawn(bin(name), [], { env: { ...env, PMS__SERVER__PORT: String(port) }, stdio: ['ignore', out, out] });
    children.push(child);
    await waitHealthy(`http://127.0.0.1:${port}${health}`, child, log);
  };
  await start('partner-service', pPort, '/v1/partnermanager/actuator/health');
  await start('misp-license-service', mPort, '/partnermanagement/v1/misps/actuator/health');
  return {
    base,
    mispBase,
    work,
    dataDir,
    /** A development token (the `token` subcommand, signed with the services' secret). */
    token(user, roles) {
      return execFileSync(bin('partner-service'), ['token', '--user', user, '--roles', roles.join(',')], { env, stdio: 'pipe' })
        .toString()
        .trim();
    },
    async stop() {
      for (const c of children) c.kill('SIGTERM');
      await Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r)))));
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}

/** The OTP of the newest mail to `email` in the file drop. */
export function otpFor(dataDir, email) {
  const dir = path.join(dataDir, 'mail');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.eml')).sort().reverse();
  for (const f of files) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    if (!text.includes(email)) continue;
    const m = text.match(/code is (\d{6})/);
    if (m) return m[1];
  }
  throw new Error(`no OTP mail to ${email} in ${dir}`);
}

/** A root CA (PEM files `ca.pem`, `ca.key` under `dir`). */
export function makeCa(dir) {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-keyout', 'ca.key', '-out', 'ca.pem',
    '-days', '3650', '-subj', '/C=IN/O=Portal Test CA/CN=Portal Test Root CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], { cwd: dir, stdio: 'pipe' });
  return path.join(dir, 'ca.pem');
}

/** A partner certificate for organisation `org`, signed by the CA of `makeCa(dir)`. */
export function makePartnerCertificate(dir, name, org, cn) {
  const run = (...args) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  fs.writeFileSync(path.join(dir, 'partner.ext'),
    'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
  run('req', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/C=IN/O=${org}/CN=${cn}`);
  run('x509', '-req', '-sha256', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`,
    '-days', '730', '-extfile', 'partner.ext');
  return path.join(dir, `${name}.pem`);
}
