import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { FeedError } from './types.js';

/**
 * Undoes a Content-Encoding (gzip, deflate, br), and gzip bytes served or saved without one.
 * The output is capped so a small "gzip bomb" cannot exhaust memory.
 */
export function decompressBody(body: Buffer, contentEncoding: string | null, maxBytes: number): Buffer {
  const enc = (contentEncoding ?? '').toLowerCase().split(',').map((s) => s.trim()).filter((s) => s && s !== 'identity');
  const opts = { maxOutputLength: maxBytes };
  let out = body;
  try {
    for (const e of enc.reverse()) {
      if (e === 'gzip' || e === 'x-gzip') out = isGzip(out) ? gunzipSync(out, opts) : out;
      else if (e === 'deflate') {
        try {
          out = inflateSync(out, opts);
        } catch (err) {
          if (isTooLarge(err)) throw err;
          out = inflateRawSync(out, opts); // servers often send raw deflate without the zlib header
        }
      } else if (e === 'br') out = brotliDecompressSync(out, opts);
    }
    // Gzip bytes without a header saying so (a .xml.gz saved as .xml, a misconfigured server).
    if (isGzip(out)) out = gunzipSync(out, opts);
  } catch (err) {
    if (isTooLarge(err)) throw new FeedError('too-large', `the decompressed body is larger than ${maxBytes} bytes (compression bomb?)`);
    throw new FeedError('parse', `cannot decompress the body (${enc.join(', ') || 'gzip'}): ${(err as Error).message}`);
  }
  return out;
}

const isGzip = (b: Buffer) => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;
const isTooLarge = (err: unknown) => err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';

function bomEncoding(b: Buffer): { encoding: string; skip: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return { encoding: 'utf-32le', skip: 4 };
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return { encoding: 'utf-32be', skip: 4 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  // UTF-16 without a BOM still starts with "<" as a 16-bit unit.
  if (b[0] === 0x3c && b[1] === 0 && b[2] === 0x3f && b[3] === 0) return { encoding: 'utf-16le', skip: 0 };
  if (b[0] === 0 && b[1] === 0x3c && b[2] === 0 && b[3] === 0x3f) return { encoding: 'utf-16be', skip: 0 };
  return null;
}

function declaredEncoding(b: Buffer): string | null {
  const head = b.subarray(0, 1024).toString('latin1');
  const m = /<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

export function charsetOf(contentType: string | null | undefined): string | null {
  const m = /charset\s*=\s*["']?([A-Za-z0-9._:-]+)/i.exec(contentType ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

const UTF8 = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);
const WIDE = /^(utf-?16|utf-?32|ucs-?2|ucs-?4|unicode)/;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function asUtf8(b: Buffer): string | null {
  try {
    return strictUtf8.decode(b);
  } catch {
    return null;
  }
}

const hasHighBytes = (b: Buffer) => b.some((x) => x >= 0x80);

function decodeAs(b: Buffer, encoding: string): string {
  if (UTF8.has(encoding)) return b.toString('utf8');
  return iconv.decode(b, encoding);
}

/**
 * Bytes to text, choosing the encoding by BOM, then the HTTP charset, then the XML declaration.
 * A declared single-byte charset loses to bytes that are valid multi-byte UTF-8 (a common lie),
 * and an undeclared or unknown charset falls back to UTF-8 when valid, else windows-1252.
 */
export function decodeFeedBytes(bytes: Buffer, contentType?: string | null): { text: string; encoding: string } {
  const bom = bomEncoding(bytes);
  if (bom) {
    const encoding = bom.encoding === 'utf-8' ? 'utf-8' : bom.encoding;
    return { text: decodeAs(bytes.subarray(bom.skip), encoding), encoding };
  }
  const utf8 = asUtf8(bytes);
  const candidates = [charsetOf(contentType), declaredEncoding(bytes)].filter((c): c is string => !!c);
  for (const enc of candidates) {
    if (UTF8.has(enc) || enc === 'us-ascii' || enc === 'ascii') {
      if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
      continue; // said UTF-8 but is not: try the next clue, then the fallback
    }
    // Without a BOM a document that reads as ASCII is not really UTF-16/32, whatever it declares.
    if (WIDE.test(enc) || !iconv.encodingExists(enc)) continue;
    if (utf8 !== null && hasHighBytes(bytes)) return { text: utf8, encoding: 'utf-8' };
    return { text: iconv.decode(bytes, enc), encoding: enc };
  }
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  return { text: iconv.decode(bytes, 'windows-1252'), encoding: 'windows-1252' };
}
