import { personNameKey, personWords, significantWords } from './person-names.js';

/**
 * Names learned to denote one person: an item that calls him "Jeff Zhang (Zhang Jianfeng)"
 * teaches that a later "Zhang Jianfeng" is Jeff Zhang. Groups are unions of full names only;
 * a bare surname is never linked, since it would link everyone who shares it.
 */
export interface AliasBook {
  /** All names linked to this one (itself included). */
  namesOf(name: string): string[];
  /** Links the names; returns the group's names when anything new was learned, else null. */
  link(names: readonly string[]): string[] | null;
  groups(): string[][];
}

const linkable = (name: string): boolean => significantWords(personWords(name)).length >= 2;

export function createAliasBook(initialGroups: Iterable<readonly string[]> = []): AliasBook {
  const groupOf = new Map<string, number>();
  const members = new Map<number, Map<string, string>>(); // group -> key -> display name
  let nextGroup = 1;

  const book: AliasBook = {
    namesOf(name) {
      const key = personNameKey(name);
      const g = groupOf.get(key);
      if (g === undefined) return [name];
      return [...(members.get(g)?.values() ?? [])];
    },
    link(names) {
      const usable = names.filter(linkable);
      if (usable.length < 2) return null;
      const keys = usable.map(personNameKey);
      const groups = [...new Set(keys.map((k) => groupOf.get(k)).filter((g): g is number => g !== undefined))];
      let target = groups[0];
      let changed = false;
      if (target === undefined) {
        target = nextGroup++;
        members.set(target, new Map());
      }
      const into = members.get(target) as Map<string, string>;
      for (const g of groups.slice(1)) {
        for (const [k, n] of members.get(g) ?? []) {
          into.set(k, n);
          groupOf.set(k, target);
        }
        members.delete(g);
        changed = true;
      }
      usable.forEach((n, i) => {
        const k = keys[i] as string;
        if (!into.has(k)) {
          into.set(k, n);
          groupOf.set(k, target);
          changed = true;
        }
      });
      return changed ? [...into.values()] : null;
    },
    groups: () => [...members.values()].map((m) => [...m.values()]),
  };
  for (const g of initialGroups) book.link(g);
  return book;
}
