// Start the real `relais` binary on a random port with a fresh SQLite database and demo data.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const here = dirname(fileURLToPath(import.meta.url));
export const RELAIS_BIN = process.env.RELAIS_BIN || resolve(here, '../../target/debug/relais');

export async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'relais-e2e-'));
  const child = spawn(
    RELAIS_BIN,
    ['serve', '--demo', '--bind', '127.0.0.1:0', '--database', `sqlite://${dir}/relais.db`, '--outbox', `${dir}/outbox`, '--sms-outbox', `${dir}/sms-outbox`],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RELAIS_LOG: 'warn' } },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const baseUrl = await new Promise((resolvePromise, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`relais did not start in 30 s\n${stderr}`)), 30_000);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = stdout.match(/listening on (http:\/\/[^\s]+)/);
      if (match) { clearTimeout(timer); resolvePromise(match[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`relais exited (${code})\n${stderr}`)); });
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { baseUrl, stop, outbox: join(dir, 'outbox'), database: join(dir, 'relais.db') };
}

/** Every registered route pattern, from `relais routes` (so new pages are covered automatically). */
export function registeredRoutes() {
  return execFileSync(RELAIS_BIN, ['routes'], { encoding: 'utf8' })
    .split('\n').map((line) => line.trim()).filter(Boolean);
}
