import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDatabase } from './seed.js';
const dir = mkdtempSync(path.join(os.tmpdir(), 'seedtest-'));
const r = await seedDatabase(dir, { english: 700, arabic: 300, translations: 150 }, (d, t) => console.log(d, t));
console.log(r.ms, r.articles.length, r.articles.slice(0, 3));
rmSync(dir, { recursive: true });
