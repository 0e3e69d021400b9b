import { HONORIFICS, organizationKey, sameName } from '../core/names.js';
import { roleCategories } from '../core/roles.js';
import type { SubscriptionFilters } from '../ports/subscriptions.js';
import type { Alert } from './alert.js';

const fold = (s: string): string => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();

/** "Alibaba" matches Alibaba, Alibaba Group and a unit such as Alibaba Cloud Intelligence. */
export function companyMatches(wanted: string, names: readonly string[]): boolean {
  const key = organizationKey(wanted);
  if (!key) return false;
  return names.some((name) => {
    const k = organizationKey(name);
    return k === key || k.startsWith(`${key} `);
  });
}

export function personMatches(wanted: string, names: readonly string[]): boolean {
  return names.some((name) => sameName(wanted, name, HONORIFICS));
}

/** A category (CEO, Board, VP …) compares by category; anything else by the words of the title. */
export function roleMatches(wanted: string, title: string, category: string): boolean {
  const w = fold(wanted);
  if (!w) return false;
  const categories = [category, ...roleCategories(title)].map(fold);
  if (categories.includes(w)) return true;
  return ` ${fold(title)} `.includes(` ${w} `);
}

/** Whether an alert passes a channel's filters; an empty list lets everything through. */
export function matchesFilters(filters: SubscriptionFilters, alert: Alert): boolean {
  const c = alert.change;
  if (alert.confidence < filters.minConfidence) return false;
  if (filters.directions.length && !filters.directions.includes(c.direction)) return false;
  const orgNames = [c.organization.name, ...(c.organization.parent ? [c.organization.parent] : [])];
  if (filters.companies.length && !filters.companies.some((w) => companyMatches(w, orgNames))) return false;
  const people = [c.person.name, ...c.person.aliases];
  if (filters.people.length && !filters.people.some((w) => personMatches(w, people))) return false;
  if (filters.roles.length && !filters.roles.some((w) => roleMatches(w, c.role.title, c.role.category))) return false;
  return true;
}
