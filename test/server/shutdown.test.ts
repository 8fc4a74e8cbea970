/**
 * Graceful shutdown: no new connections once it starts, the request in flight still answered,
 * then the process exits 0. In-process through `listen`, and as the real process does it on
 * SIGTERM (`runServer`, in a child process).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { listen } from '../../demo/server/listen.js';
import { harness } from './doubles.js';

/** Whether a new TCP connection to the port is refused. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

describe('graceful shutdown', () => {
  it('refuses new connections and finishes the request in flight (listen)', async () => {
    const h = harness();
    const server = await listen(h.app.fetch, { host: '127.0.0.1', port: 0, graceMs: 30_000 });
    assert.equal(await refused(server.port), false, 'accepting before the shutdown');

    const slow = fetch(`${server.url}/api/slow`);
    await h.slowStarted;
    const closed = server.close();
    assert.equal(await refused(server.port), true, 'new connections are refused');

    h.release();
    const response = await slow;
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { slow: true });
    assert.equal(response.headers.get('connection'), 'close');
    assert.equal(await closed, 'drained');
  });

  it('closes what is still open after the grace period', async () => {
    const h = harness();
    const server = await listen(h.app.fetch, { host: '127.0.0.1', port: 0, graceMs: 0 });
    const slow = fetch(`${server.url}/api/slow`).then(
      () => 'answered',
      () => 'cut off',
    );
    await h.slowStarted;
    assert.equal(await server.close(), 'forced');
    assert.equal(await slow, 'cut off');
    h.release();
  });

  it('on SIGTERM: stops accepting, answers the request in flight, closes storage, exits 0', async () => {
    const fixture = fileURLToPath(new URL('./fixtures/serve.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const exited = once(child, 'exit');
    try {
      const logs: Record<string, unknown>[] = [];
      const waiters: [(line: Record<string, unknown>) => boolean, () => void][] = [];
      createInterface({ input: child.stdout! }).on('line', (text) => {
        const line = JSON.parse(text) as Record<string, unknown>;
        logs.push(line);
        for (const waiter of [...waiters]) {
          if (waiter[0](line)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter[1]();
          }
        }
      });
      const logged = (msg: string) =>
        new Promise<void>((resolve) => {
          if (logs.some((line) => line.msg === msg)) resolve();
          else waiters.push([(line) => line.msg === msg, resolve]);
        });
      const stderr = createInterface({ input: child.stderr! });
      const slowStarted = new Promise<void>((resolve) =>
        stderr.on('line', (line) => line === 'slow started' && resolve()),
      );

      await logged('listening');
      const { port, url } = logs.find((line) => line.msg === 'listening') as {
        port: number;
        url: string;
      };
      const slow = fetch(`${url}/api/slow`);
      await slowStarted;

      child.kill('SIGTERM');
      await logged('stopping');
      // The listener is closed in the same tick as 'stopping' is logged.
      const isRefused = await refused(port);
      assert.equal(isRefused, true, 'new connections are refused');
      assert.equal(
        logs.some((line) => line.msg === 'stopped'),
        false,
        'still waiting for the request',
      );

      child.stdin!.write('release\n');
      const response = await slow;
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { slow: true });

      const [code] = await exited;
      assert.equal(code, 0);
      const order = logs.map((line) => line.msg).filter((msg) => msg !== 'request');
      assert.deepEqual(order, ['listening', 'stopping', 'storage closed', 'stopped']);
      assert.ok(
        logs.some(
          (line) => line.msg === 'request' && line.route === '/api/*' && line.status === 200,
        ),
      );
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
