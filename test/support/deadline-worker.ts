import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

/**
 * Calls `fn(...args)` of a TypeScript module in a worker thread and gives up after `deadlineMs`,
 * counted from when the module has loaded (loading through tsx is slow on a busy machine). A
 * catastrophic regex blocks its thread; here it blocks only the worker, which is terminated, so a
 * test can say "this does not hang" without a timing threshold of its own.
 */
export async function callWithDeadline(modulePath: string, fn: string, args: unknown[], deadlineMs: number): Promise<{ done: true; value: unknown } | { done: false }> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    (async () => {
      const { register } = await import('tsx/esm/api');
      register();
      const mod = await import(workerData.url);
      parentPort.postMessage({ ready: true });
      parentPort.once('message', () => parentPort.postMessage({ value: mod[workerData.fn](...workerData.args) }));
    })().catch((err) => parentPort.postMessage({ error: String(err && err.stack || err) }));
  `;
  const worker = new Worker(code, { eval: true, workerData: { url: pathToFileURL(modulePath).href, fn, args } });
  try {
    return await new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      worker.on('error', reject);
      worker.on('message', (m: { ready?: true; value?: unknown; error?: string }) => {
        if (m.error) reject(new Error(m.error));
        else if (m.ready) {
          timer = setTimeout(() => resolve({ done: false }), deadlineMs);
          worker.postMessage('go');
        } else {
          clearTimeout(timer);
          resolve({ done: true, value: m.value });
        }
      });
    });
  } finally {
    await worker.terminate();
  }
}
