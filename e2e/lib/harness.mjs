// The harness: a real `convene serve` on a temp SQLite database with a real
// SMTP sink, and Debian's Chromium driven by playwright-core (no browser
// download). Every page a journey visits is checked with axe-core.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const ARTIFACTS = join(here, '..', 'artifacts');
const BIN = process.env.CONVENE_BIN || join(here, '..', '..', 'target', 'debug', 'convene');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const PASSWORD = 'correct horse battery staple';

/** An SMTP server on 127.0.0.1 that keeps every message in memory. */
export async function smtpSink() {
  const messages = [];
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let rcpt = [];
    let data = [];
    // A multi-byte character may be split across chunks.
    const utf8 = new StringDecoder('utf8');
    socket.write('220 e2e-sink ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += utf8.write(chunk);
      let i;
      while ((i = buffer.indexOf('\r\n')) !== -1) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            messages.push({ to: rcpt.slice(), data: data.join('\r\n') });
            data = [];
            socket.write('250 OK\r\n');
          } else {
            data.push(line.startsWith('..') ? line.slice(1) : line);
          }
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO') socket.write('250-e2e-sink\r\n250 8BITMIME\r\n');
        else if (cmd === 'MAIL') { rcpt = []; socket.write('250 OK\r\n'); }
        else if (cmd === 'RCPT') { rcpt.push(line.split(':').slice(1).join(':').trim().replace(/^<|>$/g, '')); socket.write('250 OK\r\n'); }
        else if (cmd === 'DATA') { inData = true; socket.write('354 go ahead\r\n'); }
        else if (cmd === 'QUIT') { socket.end('221 bye\r\n'); }
        else socket.write('250 OK\r\n');
      }
    });
    socket.on('error', () => {});
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    /** Waits for a message to `to` whose text matches `pattern`. */
    async waitFor(to, pattern, timeoutMs = 15000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = messages.find((m) => m.to.includes(to) && pattern.test(decode(m.data)));
        if (found) return { ...found, text: decode(found.data) };
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no email to ${to} matching ${pattern} (got ${messages.map((m) => m.to).join(', ')})`);
    },
    close: () => server.close(),
  };
}

/**
 * The decoded leaf parts of a message, multiparts flattened: [{ type, text }],
 * base64 and quoted-printable bodies decoded as UTF-8.
 */
export function mimeParts(raw) {
  const split = raw.indexOf('\r\n\r\n');
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split + 4);
  const headers = head.replace(/\r\n[ \t]+/g, ' ').split('\r\n');
  const header = (name) => headers.find((h) => h.toLowerCase().startsWith(name + ':'))?.slice(name.length + 1).trim();
  const type = header('content-type') || 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    return body.split('--' + boundary).slice(1).filter((p) => !p.startsWith('--'))
      .flatMap((p) => mimeParts(p.replace(/^\r\n/, '')));
  }
  const encoding = (header('content-transfer-encoding') || '7bit').toLowerCase();
  let bytes;
  if (encoding === 'base64') {
    bytes = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  } else if (encoding === 'quoted-printable') {
    const soft = body.replace(/=\r\n/g, '');
    const out = [];
    for (const piece of soft.split(/(=[0-9A-Fa-f]{2})/)) {
      if (/^=[0-9A-Fa-f]{2}$/.test(piece)) out.push(parseInt(piece.slice(1), 16));
      else out.push(...Buffer.from(piece, 'utf8'));
    }
    bytes = Buffer.from(out);
  } else {
    bytes = Buffer.from(body, 'utf8');
  }
  return [{ type: type.split(';')[0].trim().toLowerCase(), text: bytes.toString('utf8') }];
}

/** Undoes quoted-printable soft breaks and =XX escapes, enough to read the words. */
function decode(raw) {
  return raw.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
}

/** A fresh server with an admin account and an API token. */
export async function startServer(sink) {
  const dir = mkdtempSync(join(tmpdir(), 'convene-e2e-'));
  const env = {
    PATH: process.env.PATH,
    CONVENE_DATABASE_URL: `sqlite://${join(dir, 'convene.db')}`,
    CONVENE_BIND: '127.0.0.1:0',
    CONVENE_SMTP_URL: sink.url,
    CONVENE_DEMO: 'false',
    CONVENE_RATE_LIMIT_PER_MINUTE: '0',
    CONVENE_FILES_DIR: join(dir, 'files'),
  };
  const token = execFileSync(BIN, ['token', 'create', '--name', 'e2e'], { env }).toString().trim().split('\n').pop();
  execFileSync(BIN, ['admin', 'create', '--email', 'admin@example.org'], { env, input: `${PASSWORD}\n` });
  execFileSync(BIN, ['admin', 'create', '--email', 'manila@example.org', '--role', 'organiser', '--region', 'south-east-asia'], { env, input: `${PASSWORD}\n` });
  execFileSync(BIN, ['admin', 'create', '--email', 'nfp@example.org', '--role', 'focal-point', '--country', 'PH'], { env, input: `${PASSWORD}\n` });
  const child = spawn(BIN, ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr.on('data', (d) => { if (process.env.E2E_LOG) process.stderr.write(d); });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the server did not start')), 20000);
    child.stdout.on('data', (d) => {
      out += d.toString();
      const m = out.match(/Convene is running at (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => reject(new Error(`convene exited with ${code}`)));
  });
  const api = async (method, path, body) => {
    const res = await fetch(url + path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json().catch(() => null);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  /** Runs SQL on the server's SQLite file (Python's sqlite3): for what no route does, such as holding a session in the past. */
  const sql = (statement) => execFileSync('python3', ['-c',
    'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()', join(dir, 'convene.db'), statement]);
  return { url, api, sql, stop: () => new Promise((r) => { child.on('exit', r); child.kill('SIGTERM'); }) };
}

export async function browser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** Per page: rule id → impact, for every violation axe finds. */
export const axeResults = new Map();

/**
 * Runs axe-core in the page (through the DevTools protocol, which the
 * page's Content-Security-Policy does not block) and fails on any serious
 * or critical violation.
 */
export async function checkA11y(page, name) {
  await page.evaluate(`${AXE};0`);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  axeResults.set(name, result);
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) {
    throw new Error(`axe on ${name}: ${bad.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(', ')}`).join('; ')}`);
  }
  return result;
}

export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
