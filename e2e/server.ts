import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A fresh embedded database for every e2e run, seeded with the demo region like `npm start`.
process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'rondom-e2e-'));
process.env.PORT = process.env.E2E_PORT ?? '3100';
process.env.LOG_LEVEL = 'warn';
delete process.env.DATABASE_URL;
await import('../src/server/main.js');
