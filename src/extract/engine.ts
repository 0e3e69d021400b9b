// The built-in extractor's core: chunk each sentence, read its clauses with the rules, then
// resolve what the clauses leave implicit (role, organisation, counterpart) from the rest of the item.
import type { Descriptor, Proto, SentCtx, View } from './clause.js';
import { chunk, type KnownPeople, type RoleInfo, type Unit } from './mentions.js';
import { MODALITY } from './patterns.js';
import { inferVacated, resolveImplicit } from './resolve.js';
import { applyRules } from './rules.js';
import type { Sentence } from './text.js';

export type { Proto } from './clause.js';

export interface Analysis {
  sentences: Sentence[];
  units: Unit[][];
  protos: Proto[];
  mainOrg: string | null;
}

export function analyse(sentences: Sentence[], publishedAt: string | null): Analysis {
  const known: KnownPeople = { names: [] };
  const units = sentences.map((s) => chunk(s, known));
  // "HGS Picks Watkins as New Chief Executive": a surname alone in the title is read again once the
  // story has given the full name ("H. Thomas Watkins")
  const title = sentences[0];
  // (not a word the story also uses in a company's name: "Ford" of "Ford Motor Co." and "Bill Ford")
  const orgWords = new Set(units.slice(1).flatMap((us) => us.filter((u) => u.type === 'O').flatMap((u) => u.text.toLowerCase().split(/\s+/))));
  if (title?.isTitle && units.length > 1 && (units[0] ?? []).some((u) => u.type !== 'P' && /^\p{Lu}[\p{L}'-]+$/u.test(u.text) && knownSurname(u.text, known.names) && !orgWords.has(u.text.toLowerCase()))) {
    units[0] = chunk(title, known);
  }
  const pubYear = publishedAt && /^\d{4}/.test(publishedAt) ? Number(publishedAt.slice(0, 4)) : null;
  const pubMonth = publishedAt && /^\d{4}-\d{2}/.test(publishedAt) ? Number(publishedAt.slice(5, 7)) : null;
  const mainOrg = findMainOrg(units, known.names);
  const protos: Proto[] = [];
  const descriptors = new Map<string, Descriptor[]>();
  const aliasMap = new Map<string, Set<string>>();
  let lastSubject: string | null = null;
  const mentionOrder: string[] = [];
  const stays: Array<{ name: string; role: RoleInfo; sent: number }> = [];
  const plural: Array<{ role: RoleInfo; sent: number }> = [];

  const resolve = (u: Unit): string => {
    const words = u.text.split(/\s+/);
    for (const [full, al] of aliasMap) if (al.has(u.text)) return full;
    let best: string | null = null;
    for (let k = mentionOrder.length - 1; k >= 0; k--) {
      const n = mentionOrder[k] as string;
      const nw = n.split(/\s+/);
      if (nw.length > words.length && words.every((w) => nw.includes(w))) {
        best = n;
        break;
      }
    }
    if (!best) {
      for (const [full, al] of aliasMap) if ([...al].some((a) => a === u.text)) best = full;
    }
    return best ?? u.text;
  };

  for (let si = 0; si < sentences.length; si++) {
    const sent = sentences[si] as Sentence;
    const us = units[si] as Unit[];
    // register names and aliases, then descriptors
    const aliasUnits = new Set<Unit>();
    for (let k = 0; k < us.length; k++) {
      const u = us[k] as Unit;
      if (u.type !== 'P' || aliasUnits.has(u)) continue;
      const full = resolve(u);
      if (full.split(/\s+/).length >= 2 || !mentionOrder.includes(full)) mentionOrder.push(full);
      if (u.aliases) addAliases(aliasMap, full, u.aliases.filter((a) => a !== full));
      const alias = aliasAfter(us, k);
      if (alias) {
        addAliases(aliasMap, full, [alias.text]);
        aliasUnits.add(alias);
      }
      for (const d of descriptorsOf(us, k)) {
        const list = descriptors.get(full) ?? [];
        list.push({ ...d, sent: si });
        descriptors.set(full, list);
      }
    }
    const views = buildViews(us);
    const clauseTexts = sent.text.split(/;/);
    const modal = clauseTexts.map((c) => MODALITY.test(c));
    const clauseOf = (tokIdx: number): number => {
      const tok = sent.tokens[tokIdx];
      if (!tok) return 0;
      let off = tok.start - sent.start;
      for (let c = 0; c < clauseTexts.length; c++) {
        const len = (clauseTexts[c] as string).length + 1;
        if (off < len) return c;
        off -= len;
      }
      return clauseTexts.length - 1;
    };
    const ctx: SentCtx = {
      si, sent, us, pubYear, pubMonth, resolve, descriptors, protos, mainOrg,
      get lastSubject() { return lastSubject; },
      set lastSubject(v) { lastSubject = v; },
      isModal: (u: Unit) => modal[clauseOf(u.s)] === true,
      clauseText: (u: Unit) => clauseTexts[clauseOf(u.s)] ?? sent.text,
      stays,
      plural,
      allUnits: units,
      speaker: speakerOf(us),
    };
    for (const v of views) applyRules(ctx, v);
  }
  for (const p of protos) {
    const al = aliasMap.get(p.name);
    if (al) p.aliases = [...new Set([...p.aliases, ...al])].filter((a) => a !== p.name);
  }
  resolveImplicit(protos, descriptors, mainOrg, units, sentences);
  inferVacated(protos, descriptors, stays, mainOrg);
  return { sentences, units, protos, mainOrg };
}

const SPEAKING = /^(?:said|says|announced|announces|reported|reports|disclosed|discloses|confirmed|confirms|stated)$/;

/** The organisation a sentence quotes: "Harbour Lines Inc said …", "…, Harbour Lines said." */
function speakerOf(us: Unit[]): string | null {
  for (let k = 1; k < us.length; k++) {
    if (!SPEAKING.test((us[k] as Unit).sym)) continue;
    let j = k - 1;
    // "Coastal Tug Co, a unit of Harbour Group, said": the speaker stands before its appositive
    if (us[j]?.sym === ',') {
      let open = j - 1;
      while (open > 0 && open > j - 12 && us[open]?.sym !== ',') open--;
      j = us[open]?.sym === ',' ? open - 1 : -1;
    }
    const u = us[j];
    if (u?.type === 'O' && us[j - 1]?.sym !== "'s") return u.text;
  }
  return null;
}

/** A word that ends a multi-word person's name met in the item ("Watkins" of "H. Thomas Watkins"). */
function knownSurname(word: string, names: string[]): boolean {
  const w = word.toLowerCase();
  return names.some((n) => {
    const parts = n.toLowerCase().split(/\s+/);
    return parts.length >= 2 && parts[parts.length - 1] === w;
  });
}

function addAliases(map: Map<string, Set<string>>, full: string, names: string[]): void {
  if (!names.length) return;
  const set = map.get(full) ?? new Set<string>();
  for (const n of names) if (n && n !== full) set.add(n);
  map.set(full, set);
}

/** "Jeff Zhang, whose Chinese name is Zhang Jianfeng", "Cho, also known as Cho Joo-wan", "X (Y)". */
function aliasAfter(us: Unit[], k: number): Unit | null {
  const syms = us.slice(k + 1, k + 9).map((u) => u.sym).join(' ');
  const m = /^(?:, )?(?:(?:a|an|the) (?:\S+ ){0,3}?)?(?:whose (?:\w+ )?name is|also known as|known (?:in \w+ )?as|better known as|or|aka|\() (?:simply )?P\b/.exec(syms);
  if (!m) return null;
  const n = m[0].split(' ').length - 1;
  const u = us[k + 1 + n];
  return u && u.type === 'P' ? u : null;
}

/** Roles that describe a person where they are mentioned: "Intel CEO X", "X, Apple's CFO,". */
function descriptorsOf(us: Unit[], k: number): Array<Omit<Descriptor, 'sent'>> {
  const out: Array<Omit<Descriptor, 'sent'>> = [];
  const at = (i: number): Unit | undefined => us[i];
  const isFormer = (i: number): boolean => /^(?:former|ex|ex-|onetime|one-time|erstwhile|previous|previously|formerly|then|late)$/.test(at(i)?.sym ?? '');
  // pre-title: [O ['s]] R P
  const pre = at(k - 1);
  if (pre?.type === 'R' && pre.role) {
    let org: string | null = pre.role.orgText;
    let j = k - 2;
    if (at(j)?.type === 'O') {
      org = org ?? (at(j) as Unit).text;
      j--;
    } else if (at(j)?.sym === "'s" && at(j - 1)?.type === 'O') {
      org = org ?? (at(j - 1) as Unit).text;
      j -= 2;
    } else if (/^(?:its|the|their)$/.test(at(j)?.sym ?? '')) j--;
    const former = isFormer(j) || isFormer(k - 2);
    out.push({ role: pre.role, org, former });
  }
  // shared by a list: "co-founders X and Y"
  if (pre?.sym === 'and' && at(k - 2)?.type === 'P' && at(k - 3)?.type === 'R' && at(k - 3)?.role?.plural) {
    out.push({ role: at(k - 3)?.role as RoleInfo, org: at(k - 4)?.type === 'O' ? (at(k - 4) as Unit).text : null, former: false });
  }
  // fronted: [O 's] [former] R , P ,
  if (pre?.sym === ',' && at(k - 2)?.type === 'R' && at(k - 2)?.role && at(k + 1)?.sym === ',' && (k - 3 < 0 || /^(?:'s|former|ex-|ex|the|its|a|an|then|longtime)$/.test(at(k - 3)?.sym ?? '') || at(k - 3)?.type === 'O')) {
    const r = at(k - 2) as Unit;
    const org = r.role?.orgText ?? (at(k - 3)?.sym === "'s" && at(k - 4)?.type === 'O' ? (at(k - 4) as Unit).text : at(k - 4)?.sym === "'s" && at(k - 5)?.type === 'O' ? (at(k - 5) as Unit).text : null);
    out.push({ role: r.role as RoleInfo, org, former: isFormer(k - 3) });
  }
  // appositive: P , [a|the] [former] [O 's|O] R [of O] ,
  if (at(k + 1)?.sym === ',') {
    let j = k + 2;
    let former = false;
    let org: string | null = null;
    for (let n = 0; n < 5 && j < us.length; n++) {
      const u = at(j) as Unit;
      if (/^(?:a|an|the|its|his|her|who|is|was|has|had|been|currently|now|also|still|presently)$/.test(u.sym)) j++;
      // "the German co-head of EADS": a nationality or place before the title
      else if (u.type === 'L' && at(j + 1)?.type === 'R' && /^(?:the|its|a|an)$/.test(at(j - 1)?.sym ?? '')) j++;
      else if (u.type === 'W' && /^[a-z][a-z-]+$/.test(u.sym) && at(j + 1)?.sym === "'s") j += 2;
      else if (isFormer(j)) {
        former = true;
        j++;
      } else if (u.type === 'O') {
        org = u.text;
        j++;
        if (at(j)?.sym === "'s") j++;
      } else break;
    }
    const r = at(j);
    if (r?.type === 'R' && r.role) {
      const wasBefore = us.slice(k + 2, j).some((u) => u.sym === 'was' || u.sym === 'had');
      out.push({ role: r.role, org: r.role.orgText ?? org, former: former || wasBefore });
    }
  }
  return out;
}

/**
 * The company the item is about: the organisation named most often (the title's count double),
 * earliest first on ties; capitalised words that turn out to be a person's name do not count.
 */
function findMainOrg(units: Unit[][], people: string[]): string | null {
  const personWords = new Set(people.flatMap((n) => n.toLowerCase().split(/\s+/)));
  // a title that opens with its actor ("DocuSign hires …", "Intel's board …", "Ford replaces …")
  const title = units[0] ?? [];
  const t0 = title[0];
  const t1 = title[1];
  if (t0?.type === 'O' && t1 && (t1.sym === "'s" || t1.type === 'R' || /^(?:names|named|taps|hires|appoints|ousts|fires|replaces|promotes|picks|elevates|announces|says|said|elects|nominates|adds|brings|poaches|lands|makes|to|has|is|will)$/.test(t1.sym))) {
    return t0.text;
  }
  const score = new Map<string, { n: number; first: number }>();
  let order = 0;
  units.forEach((us, si) => {
    for (const u of us) {
      if (u.type !== 'O') continue;
      const key = u.text;
      if (!key.includes(' ') && personWords.has(key.toLowerCase())) continue;
      const e = score.get(key) ?? { n: 0, first: order++ };
      e.n += si === 0 ? 2 : 1;
      score.set(key, e);
    }
  });
  let best: string | null = null;
  let bestN = 0;
  let bestFirst = Infinity;
  for (const [k, e] of score) {
    if (e.n > bestN || (e.n === bestN && e.first < bestFirst)) {
      best = k;
      bestN = e.n;
      bestFirst = e.first;
    }
  }
  return best;
}

const VERBISH = /^(?:will|would|is|are|was|were|has|have|had|to|takes?|took|becomes?|became|steps?|stepped|resigns?|resigned|retires?|retired|leaves|left|joins?|joined|said|says|succeeds?|replaces?|moves?|returns?|heads?|runs?|leads?|departs?|exits?|quits?|also|now|who|and|,|named|appointed|hands?|cedes?|gives?|remains?|stays?|continues?|plans?)$/;

/** Words that open a verb phrase right after a subject ("…, Orin Smith, will retire"). */
const CLAUSE_VERB = /^(?:will|would|is|are|was|were|has|have|had|said|says|resigned|resigns|retired|retires|quit|quits|stepped|steps|became|becomes|joined|joins|left|leaves|succeeds|succeeded|replaces|replaced|takes|took|to|died|dies|assumes|assumed)$/;

const LIST_STOP = /^(?:as|on|in|at|for|with|from|to|by|effective|after|before|since|until|who|which|that|the|a|an|its|his|her|their|told|ending|replacing|succeeding|according|while|when|where|but|or|following|amid|despite)$/;

function buildViews(us: Unit[]): View[] {
  const keep: number[] = [];
  const relatives: Array<{ ante: number; from: number; to: number }> = [];
  for (let k = 0; k < us.length; k++) {
    keep.push(k);
    const u = us[k] as Unit;
    // "named a new chief executive, X", "ousted its chief executive, X,": a title after its article, then the
    // name in apposition to it; the clause reads without that comma ("named a new R P"), as with a title
    // before a name (a name that closes a sentence has no comma after it, so this comes first)
    if (u.type === 'P' && us[k - 1]?.sym === ',' && us[k - 2]?.type === 'R' && /^(?:a|an|the|its|his|her|their|new)$/.test(us[k - 3]?.sym ?? '')
      && keep[keep.length - 2] === k - 1 && !/^(?:said|says|told|added|noted)$/.test(us[k + 1]?.sym === ',' ? us[k + 2]?.sym ?? '' : us[k + 1]?.sym ?? '')) {
      keep.splice(keep.length - 2, 1);
    }
    // "Cai Chongxin (Joe Tsai) will succeed": the other name is an alias, not a clause member
    let at = k;
    if (u.type === 'P' && us[k + 1]?.sym === '(' && us[k + 2]?.type === 'P' && us[k + 3]?.sym === ')') {
      k += 3;
      at = k;
    }
    if (u.type !== 'P' || us[at + 1]?.sym !== ',') continue;
    // find the closing comma of an appositive or relative clause
    let close = -1;
    for (let j = k + 2; j < Math.min(us.length, k + 30); j++) {
      const s = (us[j] as Unit).sym;
      if (s === ';' || s === ':') break;
      if (s === ',' || s === '\u2014' || s === '-') {
        close = j;
        break;
      }
    }
    const first = us[k + 2];
    if (!first || first.type === 'P') continue;
    // "its chief executive, Orin Smith, will retire": the name closes an appositive and its verb follows;
    // the clause reads without the commas ("its R P will retire"); so does an object ("named its former
    // chairman, Jon Jacoby, vice chairman")
    if (CLAUSE_VERB.test(first.sym) || (first.type === 'R' && us[k - 1]?.sym === ',' && us[k - 2]?.type === 'R')) {
      if (us[k - 1]?.sym === ',' && us[k - 2]?.type === 'R' && keep[keep.length - 2] === k - 1) keep.splice(keep.length - 2, 1);
      k++;
      continue;
    }
    // an appositive holding a list ("…, the parks, experiences and products, takes over"): close at the comma before a verb
    for (let tries = 0; close >= 0 && tries < 3; tries++) {
      const after = us[close + 1];
      const listItem = after && (after.type === 'O' || after.type === 'R') && (us[close + 2]?.sym === 'and' || us[close + 2]?.sym === ',');
      if (!after || (!listItem && (after.type !== 'W' || VERBISH.test(after.sym) || LIST_STOP.test(after.sym) || !/^[a-z]/.test(after.sym)))) break;
      let next = -1;
      for (let j = close + 1; j < Math.min(us.length, close + 12); j++) {
        const sy = (us[j] as Unit).sym;
        if (sy === ';' || sy === ':' || (us[j] as Unit).type === 'P') break;
        if (sy === ',') {
          next = j;
          break;
        }
      }
      if (next < 0) break;
      close = next;
    }
    // appositives in a row ("Lubensky, 64, its largest shareholder, has been named"; "Long, vice president of
    // the company, and president of its unit, Acme Inc, is resigning"): close at the comma before the verb
    if (close >= 0 && !CLAUSE_VERB.test(us[close + 1]?.sym ?? '')) {
      for (let j = close + 1; j < Math.min(us.length - 1, close + 25); j++) {
        const u2 = us[j] as Unit;
        if (u2.sym === ';' || u2.sym === ':' || u2.type === 'P' || (u2.type === 'W' && CLAUSE_VERB.test(u2.sym))) break;
        if (u2.sym === ',' && CLAUSE_VERB.test(us[j + 1]?.sym ?? '')) {
          close = j;
          break;
        }
      }
    }
    // "Rainer Hertrich, the co-head of EADS will also step down": an appositive whose closing comma was
    // left out ends at the title's last word when a verb follows it
    if (close < 0 && /^(?:the|its|a|an)$/.test(first.sym)) {
      for (let j = k + 3; j < Math.min(us.length, k + 8); j++) {
        const u2 = us[j] as Unit;
        if (u2.type === 'P' || u2.sym === ',') break;
        if (u2.type === 'R' && CLAUSE_VERB.test(us[j + 1]?.sym ?? '')) {
          close = j;
          break;
        }
      }
    }
    const isRel = /^(?:who|whose)$/.test(first.sym);
    const end = close >= 0 ? close : us.length;
    // an appositive that runs to the end of the sentence is only taken for relative clauses
    if (close < 0 && !isRel) continue;
    if (close >= 0) {
      const nextSym = us[close + 1]?.sym ?? '';
      if (!isRel && nextSym === '' ) continue;
    }
    if (isRel) relatives.push({ ante: k, from: k + 3, to: end });
    k = close >= 0 ? close : us.length - 1;
  }
  const views: View[] = [makeView(us, keep, false)];
  for (const r of relatives) {
    const idx = [r.ante];
    for (let j = r.from; j < r.to; j++) idx.push(j);
    views.push(makeView(us, idx, true));
  }
  return views;
}

function makeView(us: Unit[], idx: number[], relative: boolean): View {
  const vUnits = idx.map((i) => us[i] as Unit);
  const pos: number[] = [];
  let str = '';
  for (const u of vUnits) {
    if (str) str += ' ';
    pos.push(str.length);
    str += u.sym;
  }
  return { units: vUnits, idx, str, pos, relative };
}

