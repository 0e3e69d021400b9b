import { describe, expect, it } from 'vitest';
import type { Alert } from '../../src/notify/alert.js';
import { matchesFilters } from '../../src/notify/subscription-match.js';
import type { SubscriptionFilters } from '../../src/ports/subscriptions.js';
import { buildChange } from './harness.js';

const change = buildChange({ person: 'Jeff Zhang', aliases: ['Zhang Jianfeng'], org: 'Alibaba Cloud Intelligence', parent: 'Alibaba Group', title: 'president', category: 'President', direction: 'out', confidence: 0.7 });
const alert: Alert = { key: 'k', change, sources: [], confidence: 0.7, notes: [] };
const none: SubscriptionFilters = { companies: [], people: [], roles: [], directions: [], minConfidence: 0 };

describe('subscription filters', () => {
  it.each<[string, Partial<SubscriptionFilters>, boolean]>([
    ['no filter', {}, true],
    ['the company', { companies: ['Alibaba Cloud Intelligence'] }, true],
    ['the parent company covers its unit', { companies: ['alibaba'] }, true],
    ['legal suffixes do not matter', { companies: ['Alibaba Group Holding Ltd'] }, true],
    ['another company', { companies: ['Tencent'] }, false],
    ['a prefix that is not a word', { companies: ['Ali'] }, false],
    ['the person, any case', { people: ['jeff zhang'] }, true],
    ['an alias', { people: ['Zhang Jianfeng'] }, true],
    ['accents do not matter', { people: ['Jéff Zhâng'] }, true],
    ['another person', { people: ['Daniel Zhang'] }, false],
    ['the role category', { roles: ['President'] }, true],
    ['a title word', { roles: ['president'] }, true],
    ['another role', { roles: ['CFO'] }, false],
    ['the direction', { directions: ['out'] }, true],
    ['the other direction', { directions: ['in'] }, false],
    ['confidence at the threshold', { minConfidence: 0.7 }, true],
    ['confidence below the threshold', { minConfidence: 0.71 }, false],
    ['one of several companies', { companies: ['Tencent', 'Alibaba'] }, true],
    ['all filters must pass', { companies: ['Alibaba'], directions: ['in'] }, false],
  ])('%s', (_name, filters, expected) => {
    expect(matchesFilters({ ...none, ...filters }, alert)).toBe(expected);
  });
});
