import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throw-away PostgreSQL server for one bench run: initdb in a temp dir, loopback only, stopped at the end. */
export interface TPgServer {
  url: string;
  /** the server's log file (statement tracing reads it) */
  logFile: string;
  version: string;
  settings: Record<string, string>;
  stop(): void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function findBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  // production runs 15: prefer it, else the newest installed
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  const v = versions.includes('15') ? '15' : versions[0];
  return v && existsSync(join(root, v, 'bin', 'initdb')) ? join(root, v, 'bin') : null;
}

/** Settings a small production server would have; recorded with the results. */
export const PG_SETTINGS: Record<string, string> = {
  listen_addresses: '127.0.0.1',
  max_connections: '100',
  shared_buffers: '2GB',
  effective_cache_size: '8GB',
  work_mem: '16MB',
  maintenance_work_mem: '512MB',
  max_wal_size: '8GB',
  checkpoint_timeout: '30min',
  random_page_cost: '1.1',
};

export async function startPostgres(log: (s: string) => void): Promise<TPgServer> {
  let bin = findBin();
  if (!bin) {
    if (process.getuid?.() !== 0)
      throw new Error('PostgreSQL is not installed: set DATABASE_URL, or install the Debian package postgresql');
    log('installing PostgreSQL (apt-get install -y postgresql)…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'postgresql'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    bin = findBin();
    if (!bin) throw new Error('PostgreSQL installed, but initdb was not found under /usr/lib/postgresql');
  }
  const dir = mkdtempSync(join(tmpdir(), 'rondom-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  // initdb refuses to run as root: use the postgres system user then
  const run = (cmd: string, args: string[]) => {
    const res = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', join(bin!, cmd), ...args], { encoding: 'utf8' })
      : spawnSync(join(bin!, cmd), args, { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`${cmd} failed: ${res.stderr || res.stdout}`);
    return res.stdout;
  };
  if (asRoot)
    chownSync(
      dir,
      Number(execFileSync('id', ['-u', 'postgres']).toString()),
      Number(execFileSync('id', ['-g', 'postgres']).toString()),
    );
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const opts = [`-p ${port}`, `-k ${dir}`, ...Object.entries(PG_SETTINGS).map(([k, v]) => `-c ${k}=${v}`)].join(' ');
  run('pg_ctl', ['-D', data, '-l', join(dir, 'pg.log'), '-w', '-o', opts, 'start']);
  const version = run('postgres', ['--version']).trim();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    logFile: join(dir, 'pg.log'),
    version,
    settings: PG_SETTINGS,
    stop,
  };
}
