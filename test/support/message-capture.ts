import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedMessage {
  channelId: string;
  /** The JSON body, or the multipart request's payload_json. */
  body: Record<string, unknown>;
  files: Array<{ field: string; name: string; type: string; data: Buffer }>;
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A Discord-shaped server that only takes message creates (JSON or multipart with files), for the
 * one thing the shared emulator does not parse yet: attachments. `refuseFiles`: a channel where
 * the bot lacks Attach Files (403, 50013 for a create with files). Requests are parsed by the
 * platform's own multipart reader (undici's Request.formData), not by hand.
 */
export async function startMessageCapture(options: { refuseFiles?: boolean } = {}) {
  const messages: CapturedMessage[] = [];
  let next = 1000;
  const server = createServer((req, res) => {
    void (async () => {
      const match = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
      if (req.method !== 'POST' || !match) {
        res.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ message: '404: Not Found', code: 0 }));
        return;
      }
      const raw = await readAll(req);
      const type = String(req.headers['content-type'] ?? '');
      let body: Record<string, unknown> = {};
      const files: CapturedMessage['files'] = [];
      if (type.startsWith('multipart/form-data')) {
        const form = await new Request('http://x/', { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(raw) }).formData();
        for (const [field, value] of form.entries()) {
          if (typeof value === 'string') {
            if (field === 'payload_json') body = JSON.parse(value) as Record<string, unknown>;
          } else {
            files.push({ field, name: value.name, type: value.type, data: Buffer.from(await value.arrayBuffer()) });
          }
        }
      } else if (raw.length) {
        body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      }
      if (files.length && options.refuseFiles) {
        res.writeHead(403, { 'Content-Type': 'application/json' }).end(JSON.stringify({ message: 'Missing Permissions', code: 50013 }));
        return;
      }
      messages.push({ channelId: match[1]!, body, files });
      const id = String(next++);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id, channel_id: match[1], content: body.content ?? '', attachments: files.map((f, i) => ({ id: String(i), filename: f.name })) }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  return {
    apiUrl,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
