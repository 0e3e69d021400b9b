import type { Json } from './types.js';

/** A Discord error body: { code, message, errors? }. */
export interface ApiError {
  status: number;
  code: number;
  message: string;
  errors?: Json;
}

const invalidForm = (errors: Json): ApiError => ({ status: 400, code: 50035, message: 'Invalid Form Body', errors });

const len = (value: unknown): number => (typeof value === 'string' ? [...value].length : 0);

/** Discord's documented embed limits; a bot that breaks them gets 50035 in production, so here too. */
export function validateMessageBody(body: unknown, uploads = 0): ApiError | null {
  if (!body || typeof body !== 'object') return invalidForm({ _errors: [{ code: 'DICT_TYPE_CONVERT', message: 'Only dictionaries may be used in a DictType' }] });
  const b = body as Json;
  const embeds = Array.isArray(b.embeds) ? (b.embeds as Json[]) : [];
  const content = typeof b.content === 'string' ? b.content : '';
  const components = Array.isArray(b.components) ? b.components : [];
  const attachments = Array.isArray(b.attachments) ? b.attachments.length : 0;
  if (!content && embeds.length === 0 && components.length === 0 && !b.sticker_ids && !b.poll && attachments + uploads === 0) {
    return { status: 400, code: 50006, message: 'Cannot send an empty message' };
  }
  if (len(content) > 2000) return invalidForm({ content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] } });
  if (uploads > 10) return invalidForm({ files: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 10 or fewer in length.' }] } });
  if (embeds.length > 10) return invalidForm({ embeds: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 10 or fewer in length.' }] } });
  let total = 0;
  for (const [i, embed] of embeds.entries()) {
    const problems: string[] = [];
    const check = (field: string, value: unknown, max: number): void => {
      const n = len(value);
      total += n;
      if (n > max) problems.push(`${field} must be ${max} or fewer in length`);
    };
    check('title', embed.title, 256);
    check('description', embed.description, 4096);
    const footer = embed.footer as Json | undefined;
    if (footer) check('footer.text', footer.text, 2048);
    const author = embed.author as Json | undefined;
    if (author) check('author.name', author.name, 256);
    const fields = Array.isArray(embed.fields) ? (embed.fields as Json[]) : [];
    if (fields.length > 25) problems.push('fields must be 25 or fewer');
    for (const field of fields) {
      if (!len(field.name) || !len(field.value)) problems.push('field name and value are required');
      check('fields.name', field.name, 256);
      check('fields.value', field.value, 1024);
    }
    if (embed.color !== undefined && embed.color !== null && (typeof embed.color !== 'number' || embed.color < 0 || embed.color > 0xffffff)) {
      problems.push('color must be an integer 0..16777215');
    }
    if (embed.timestamp !== undefined && Number.isNaN(Date.parse(String(embed.timestamp)))) problems.push('timestamp must be ISO8601');
    if (embed.url !== undefined && !/^https?:\/\//.test(String(embed.url))) problems.push('url must be http(s)');
    if (problems.length) return invalidForm({ embeds: { [i]: { _errors: problems.map((message) => ({ code: 'BASE_TYPE_BAD', message })) } } });
  }
  if (total > 6000) return invalidForm({ embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' }] } });
  return null;
}

const NAME_PATTERN = /^[-_\p{L}\p{N}]{1,32}$/u;

function validateOptions(options: unknown, path: string, problems: string[]): void {
  if (options === undefined) return;
  if (!Array.isArray(options)) {
    problems.push(`${path}.options must be an array`);
    return;
  }
  if (options.length > 25) problems.push(`${path}.options must be 25 or fewer`);
  let sawOptional = false;
  for (const raw of options as Json[]) {
    const name = String(raw.name ?? '');
    const where = `${path}.${name}`;
    if (!NAME_PATTERN.test(name) || name !== name.toLowerCase()) problems.push(`${where}: invalid name`);
    if (len(raw.description) < 1 || len(raw.description) > 100) problems.push(`${where}: description must be 1-100 characters`);
    const type = Number(raw.type);
    if (type === 1 || type === 2) {
      validateOptions(raw.options, where, problems);
      continue;
    }
    if (raw.required) {
      if (sawOptional) problems.push(`${where}: required options must be placed before non-required options`);
    } else {
      sawOptional = true;
    }
    if (raw.autocomplete && Array.isArray(raw.choices) && raw.choices.length) problems.push(`${where}: autocomplete and choices are exclusive`);
  }
}

/** The checks Discord applies on PUT …/commands that a deploy script most often trips over. */
export function validateCommand(command: unknown): string[] {
  const problems: string[] = [];
  if (!command || typeof command !== 'object') return ['command must be an object'];
  const c = command as Json;
  const name = String(c.name ?? '');
  const type = c.type === undefined ? 1 : Number(c.type);
  if (!NAME_PATTERN.test(name) || (type === 1 && name !== name.toLowerCase())) problems.push(`${name}: invalid name`);
  if (type === 1 && (len(c.description) < 1 || len(c.description) > 100)) problems.push(`${name}: description must be 1-100 characters`);
  validateOptions(c.options, name, problems);
  return problems;
}
