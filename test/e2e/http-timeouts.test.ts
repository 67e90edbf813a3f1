/**
 * Slow clients: a client that trickles its headers or its body is cut off after the HTTP
 * timeouts, so it cannot hold a socket (and a slot) for minutes.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

/** Sends `head` at once, then `trickle` one byte every `everyMs`; resolves when the server closes. */
function trickle(port: number, head: string, trickle: string, everyMs: number) {
  return new Promise<{ closedAfterMs: number; answer: string }>((resolve, reject) => {
    const started = Date.now();
    let answer = '';
    let sent = 0;
    const socket = net.connect(port, '127.0.0.1', () => socket.write(head));
    const timer = setInterval(() => {
      if (sent < trickle.length && !socket.destroyed) socket.write(trickle[sent++]!);
    }, everyMs);
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('error', () => {}); // a reset is a close too
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ closedAfterMs: Date.now() - started, answer });
    });
    setTimeout(() => {
      clearInterval(timer);
      socket.destroy();
      reject(new Error('The server kept a trickling client for 20 s.'));
    }, 20_000);
  });
}

describe('slow clients', () => {
  let server: ServerProcess;
  let port: number;
  beforeAll(async () => {
    server = await startServerProcess({ HTTP_HEADERS_TIMEOUT_MS: '2000', HTTP_REQUEST_TIMEOUT_MS: '3000' });
    port = Number(new URL(server.baseUrl).port);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('closes a connection whose headers trickle in, after HTTP_HEADERS_TIMEOUT_MS', async () => {
    const { closedAfterMs, answer } = await trickle(port, 'POST /graphql HTTP/1.1\r\nHost: x\r\n', 'X-Slow: ' + 'a'.repeat(100), 200);
    expect(closedAfterMs).toBeGreaterThanOrEqual(1_900);
    expect(closedAfterMs).toBeLessThan(5_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes a connection whose body trickles in, after HTTP_REQUEST_TIMEOUT_MS', async () => {
    const body = JSON.stringify({ query: '{ sources { id } }' });
    const head = `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const { closedAfterMs } = await trickle(port, head, body, 200);
    expect(closedAfterMs).toBeGreaterThanOrEqual(2_900);
    expect(closedAfterMs).toBeLessThan(6_000);
  });

  it('still answers a client that sends its request at once', async () => {
    const { data } = await server.graphql<{ sources: unknown[] }>('{ sources { id } }');
    expect(data?.sources.length).toBeGreaterThan(0);
  });
});
