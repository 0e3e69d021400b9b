// The emulator must be as strict as the real API, or the acceptance tests prove nothing.
import OpenAI, { AuthenticationError, BadRequestError } from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { reply, startOpenAIEmulator, type OpenAIEmulator } from '../support/openai-emulator.js';

let emulator: OpenAIEmulator;
afterEach(async () => {
  await emulator.close();
});

const client = (baseURL: string, apiKey = 'sk-test') => new OpenAI({ apiKey, baseURL, maxRetries: 0, timeout: 2_000 });
const messages = [{ role: 'user' as const, content: 'Say hi in JSON.' }];

describe('openai emulator', () => {
  it('answers in the chat.completion wire format, usage included', async () => {
    emulator = await startOpenAIEmulator();
    emulator.enqueue(reply.json({ hi: true }, { prompt_tokens: 11, completion_tokens: 3 }));
    const completion = await client(emulator.baseURL).chat.completions.create({ model: 'gpt-4o-mini', messages });
    expect(completion).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4o-mini',
      choices: [{ index: 0, message: { role: 'assistant', content: '{"hi":true}', refusal: null }, finish_reason: 'stop', logprobs: null }],
      usage: { prompt_tokens: 11, completion_tokens: 3, total_tokens: 14 },
    });
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(typeof completion.created).toBe('number');
  });

  it('rejects a json_schema that strict mode would reject', async () => {
    emulator = await startOpenAIEmulator();
    const request = client(emulator.baseURL).chat.completions.create({
      model: 'gpt-4o-mini',
      messages,
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'x', strict: true,
          schema: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, required: ['a'], additionalProperties: false },
        },
      },
    });
    await expect(request).rejects.toThrow(BadRequestError);
    await expect(request).rejects.toThrow(/Missing 'b'/);
  });

  it('requires the word JSON in the messages for JSON mode, and a valid key', async () => {
    emulator = await startOpenAIEmulator({ apiKey: 'sk-good' });
    await expect(client(emulator.baseURL, 'sk-good').chat.completions.create({
      model: 'm', messages: [{ role: 'user', content: 'hello' }], response_format: { type: 'json_object' },
    })).rejects.toThrow(/must contain the word 'json'/);
    await expect(client(emulator.baseURL, 'sk-bad').chat.completions.create({ model: 'm', messages }))
      .rejects.toThrow(AuthenticationError);
  });

  it('without json_schema support, answers json_schema requests with a 400 naming response_format', async () => {
    emulator = await startOpenAIEmulator({ supportsJsonSchema: false });
    const err = await client(emulator.baseURL).chat.completions.create({
      model: 'm', messages,
      response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object' } } },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as BadRequestError).param).toBe('response_format');
  });
});
