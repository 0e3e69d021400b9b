import type { Json } from './types.js';
import type { ApiError } from './validate.js';

/** A file as a client uploaded it: the form field (`files[0]`), its name, type and bytes. */
export interface UploadedFile {
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

export interface RequestBody {
  raw: string;
  json: Json;
  files: UploadedFile[];
}

const invalidJson: ApiError = { status: 400, code: 50109, message: 'The request body contains invalid JSON.' };

function parseJson(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    throw invalidJson;
  }
}

/**
 * A request body as Discord reads it: JSON, or multipart/form-data with the message in
 * `payload_json` and the uploads in `files[n]` (what discord.js sends when a message carries
 * attachments). The form is parsed by the platform's own multipart reader (fetch's Response).
 */
export async function parseRequestBody(bytes: Buffer, contentType: string | undefined): Promise<RequestBody> {
  if (!contentType?.toLowerCase().startsWith('multipart/form-data')) {
    const raw = bytes.toString('utf8');
    return { raw, json: raw ? parseJson(raw) : {}, files: [] };
  }
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw { status: 400, code: 50035, message: 'Invalid Form Body' } satisfies ApiError;
  }
  const files: UploadedFile[] = [];
  let raw = '';
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') raw = value;
      continue;
    }
    files.push({ field, name: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
  }
  return { raw, json: raw ? parseJson(raw) : {}, files };
}
