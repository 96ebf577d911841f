import { rmSync } from 'node:fs';

// A fresh embedded database for every e2e run, seeded with the demo region like `npm start`.
const dir = process.env.E2E_DATA_DIR;
if (!dir) throw new Error('E2E_DATA_DIR is set by playwright.config.ts');
rmSync(dir, { recursive: true, force: true });
process.env.DATA_DIR = dir;
process.env.PORT = process.env.E2E_PORT ?? '3100';
process.env.LOG_LEVEL = 'warn';
// every journey signs in its people from this one address
process.env.SIGN_IN_RATE_LIMIT = '200';
delete process.env.DATABASE_URL;
await import('../src/server/main.js');
