#!/usr/bin/env node
// Runs the e2e test against the mock server (e2e/mock-server.mjs) on a free loopback port:
// a check of the web app alone, before or without the Java server. Needs web/dist (npm run build).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const port = await new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});

const mock = spawn(process.execPath, [join(here, 'mock-server.mjs'), '--port', String(port)], { stdio: ['ignore', 'inherit', 'inherit'] });
const stopMock = () => mock.exitCode === null && mock.kill('SIGTERM');
process.on('exit', stopMock);

const e2e = spawn(process.execPath, [join(here, 'app.e2e.mjs')], {
  stdio: 'inherit',
  env: { ...process.env, MEDFLOW_URL: `http://127.0.0.1:${port}` },
});
e2e.on('exit', (code, signal) => {
  stopMock();
  process.exit(code ?? (signal ? 1 : 0));
});
