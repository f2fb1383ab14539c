// Runs node's test runner over test/**/*.test.ts through tsx. `--browser` runs the Chromium
// tests (test/**/*.browser.ts) instead. Node 20's --test takes no globs, so we list files here.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const browser = process.argv.includes('--browser');
const suffix = browser ? '.browser.ts' : '.test.ts';
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else if (name.endsWith(suffix)) out.push(path);
  }
  return out;
}

const files = walk('test').filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
if (files.length === 0) {
  console.error(`no ${suffix} files found`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
