// Runs `npm ci` or `npm run build` in this folder under a cross-process lock, so two builds started side
// by side (two `dotnet build`s, a test run and an IDE) never run npm here at the same time. Whoever gets
// the lock second finds the work done and skips it.
//   node scripts/npm-locked.mjs ci      install exactly package-lock.json, unless node_modules already matches it
//   node scripts/npm-locked.mjs build   build into dist/, unless dist/ is newer than every source
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = join(dirname(fileURLToPath(import.meta.url)), '..');
const lockPath = join(app, '.npm.lock');
const staleAfterMs = 15 * 60 * 1000;
const mode = process.argv[2];

if (mode !== 'ci' && mode !== 'build') {
  console.error('usage: node scripts/npm-locked.mjs ci|build');
  process.exit(2);
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function newestIn(path) {
  let newest = mtime(path);
  if (existsSync(path) && statSync(path).isDirectory()) {
    for (const entry of readdirSync(path)) {
      newest = Math.max(newest, newestIn(join(path, entry)));
    }
  }

  return newest;
}

function upToDate() {
  const installed = mtime(join(app, 'node_modules', '.package-lock.json'));
  if (mode === 'ci') {
    return installed > 0 && installed >= mtime(join(app, 'package-lock.json')) && installed >= mtime(join(app, 'package.json'));
  }

  const built = mtime(join(app, 'dist', 'index.html'));
  const sources = ['src', 'public', 'index.html', 'package.json', 'package-lock.json', 'vite.config.ts', 'tsconfig.json']
    .map((name) => newestIn(join(app, name)));
  return built > 0 && built >= Math.max(installed, ...sources);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function tryLock() {
  try {
    const fd = openSync(lockPath, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if (error.code !== 'EEXIST') {
      throw error;
    }

    // A lock left by a process that died, or far too old, is taken over.
    const holder = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    if (!Number.isInteger(holder) || !alive(holder) || Date.now() - mtime(lockPath) > staleAfterMs) {
      rmSync(lockPath, { force: true });
    }

    return false;
  }
}

async function acquire() {
  let announced = false;
  while (!tryLock()) {
    if (!announced) {
      console.log(`web client: waiting for another build that runs npm in ${app}`);
      announced = true;
    }

    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function release() {
  try {
    if (readFileSync(lockPath, 'utf8') === String(process.pid)) {
      rmSync(lockPath, { force: true });
    }
  } catch {
    // Already gone.
  }
}

await acquire();
let status = 0;
try {
  if (upToDate()) {
    console.log(`web client: ${mode === 'ci' ? 'packages' : 'build'} already up to date`);
  } else {
    const args = mode === 'ci' ? ['ci', '--no-audit', '--no-fund', '--loglevel=error'] : ['run', 'build', '--silent'];
    console.log(`web client: npm ${args.join(' ')}`);
    const result = spawnSync('npm', args, { cwd: app, stdio: 'inherit', shell: process.platform === 'win32' });
    status = result.status ?? 1;
    if (result.error) {
      console.error(`web client: npm could not start: ${result.error.message}`);
      status = 1;
    }
  }
} finally {
  release();
}

process.exit(status);
