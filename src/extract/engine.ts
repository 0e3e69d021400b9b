// The built-in extractor's core: chunk each sentence, read its clauses with the patterns, then
// resolve what the clause leaves implicit (role, organisation, counterpart) from the rest of the item.
import { primaryRoleCategory, roleCategories } from '../core/roles.js';
import type { Reason } from '../core/change.js';
import { chunk, type KnownPeople, type RoleInfo, type Unit } from './mentions.js';
import {
  APPOINT, AUX, BACKGROUND, FIRE, HAND, MODALITY, OUT_OBJ, SUBJ, V_IN_ROLE, V_OUT,
} from './patterns.js';
import type { Sentence } from './text.js';

export interface Proto {
  sent: number;
  /** Position of the trigger in the sentence (for ordering). */
  pos: number;
  name: string;
  aliases: string[];
  direction: 'in' | 'out';
  role: RoleInfo | null;
  roleFrom: 'explicit' | 'descriptor' | 'counterpart' | 'implied' | 'none';
  org: string | null;
  orgFrom: 'explicit' | 'agent' | 'descriptor' | 'counterpart' | 'clause' | 'item' | 'none';
  interim: boolean;
  counterpart: { name: string; relation: 'succeeds' | 'succeeded_by' } | null;
  reason: Reason | null;
  confidence: number;
  rule: string;
  /** Evidence sentences (indices). */
  evidence: number[];
  destination: string | null;
  /** "takes the helm": a post that is implied to be the top job. */
  impliedTop?: boolean;
}

interface Descriptor {
  role: RoleInfo;
  org: string | null;
  former: boolean;
  sent: number;
}

interface View {
  units: Unit[];
  /** Indices into the sentence's units. */
  idx: number[];
  str: string;
  pos: number[];
  /** Relative-clause view: the antecedent person stands as subject. */
  relative: boolean;
}

export interface Analysis {
  sentences: Sentence[];
  units: Unit[][];
  protos: Proto[];
  mainOrg: string | null;
}

const PAST_IRREGULAR = /^(?:took|became|left|quit|gave|ran|led|rose|came|stood|chose|made|was|were|had|stepped|passed|handed)$/;

export function analyse(sentences: Sentence[], publishedAt: string | null): Analysis {
  const known: KnownPeople = { names: [] };
  const units = sentences.map((s) => chunk(s, known));
  const pubYear = publishedAt && /^\d{4}/.test(publishedAt) ? Number(publishedAt.slice(0, 4)) : null;
  const mainOrg = findMainOrg(units, known.names);
  const protos: Proto[] = [];
  const descriptors = new Map<string, Descriptor[]>();
  const aliasMap = new Map<string, Set<string>>();
  let lastSubject: string | null = null;
  const mentionOrder: string[] = [];
  const stays: Array<{ name: string; role: RoleInfo; sent: number }> = [];

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
      si, sent, us, pubYear, resolve, descriptors, protos, mainOrg,
      get lastSubject() { return lastSubject; },
      set lastSubject(v) { lastSubject = v; },
      isModal: (u: Unit) => modal[clauseOf(u.s)] === true,
      clauseText: (u: Unit) => clauseTexts[clauseOf(u.s)] ?? sent.text,
      stays,
      allUnits: units,
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
  const isFormer = (i: number): boolean => /^(?:former|ex|ex-|onetime|one-time|erstwhile|previous|then|late)$/.test(at(i)?.sym ?? '');
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
      if (/^(?:a|an|the|its|his|her|who|is|was|has|been|currently|now|also|still)$/.test(u.sym)) j++;
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

const VERBISH = /^(?:will|would|is|are|was|were|has|have|had|to|takes?|took|becomes?|became|steps?|stepped|resigns?|resigned|retires?|retired|leaves|left|joins?|joined|said|says|succeeds?|replaces?|moves?|returns?|heads?|runs?|leads?|departs?|exits?|quits?|also|now|who|will|and|,|becomes|named|appointed|hands?|cedes?|gives?|remains?|stays?|continues?|plans?)$/;

const LIST_STOP = /^(?:as|on|in|at|for|with|from|to|by|effective|after|before|since|until|who|which|that|the|a|an|its|his|her|their|told|ending|replacing|succeeding|according|while|when|where|but|or|following|amid|despite)$/;

function buildViews(us: Unit[]): View[] {
  const keep: number[] = [];
  const relatives: Array<{ ante: number; from: number; to: number }> = [];
  for (let k = 0; k < us.length; k++) {
    keep.push(k);
    const u = us[k] as Unit;
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

interface SentCtx {
  si: number;
  sent: Sentence;
  us: Unit[];
  pubYear: number | null;
  resolve: (u: Unit) => string;
  descriptors: Map<string, Descriptor[]>;
  protos: Proto[];
  mainOrg: string | null;
  lastSubject: string | null;
  isModal: (u: Unit) => boolean;
  clauseText: (u: Unit) => string;
  stays: Array<{ name: string; role: RoleInfo; sent: number }>;
  allUnits: Unit[][];
}

type Groups = Record<string, [number, number] | undefined>;

interface Rule {
  name: string;
  re: RegExp;
  /** A cheap test the view must pass before `re` runs (the trigger words alone). */
  gate?: RegExp;
  apply: (ctx: SentCtx, v: View, m: RegExpExecArray, g: Groups) => void;
}

// Patterns that start with a word use \b (a fast scan); those that may start with punctuation need the lookbehind.
const rx = (s: string): RegExp => new RegExp(/^(?:\(\?:,|;)/.test(s) ? `(?<![\\w'])${s}(?![\\w'])` : `\\b${s}(?![\\w'])`, 'gd');

function unitsIn(v: View, span: [number, number] | undefined): number[] {
  if (!span) return [];
  const out: number[] = [];
  for (let k = 0; k < v.pos.length; k++) {
    const p = v.pos[k] as number;
    if (p >= span[0] && p < span[1]) out.push(k);
  }
  return out;
}
function unitAt(v: View, span: [number, number] | undefined): Unit | null {
  const ks = unitsIn(v, span);
  return ks.length ? (v.units[ks[0] as number] as Unit) : null;
}
function peopleIn(v: View, span: [number, number] | undefined): Unit[] {
  return unitsIn(v, span).map((k) => v.units[k] as Unit).filter((u) => u.type === 'P' || /^(?:he|she|they)$/.test(u.sym));
}

const ROLE = ` (?:(?:a|the) (?:newly )?(?:new |created )*(?:post|role|position|job) (?:of |, |as )?)?(?:(?:its|the|their|a|an|as|his|her) )*(?:(?<o>O) (?:'s )?)?(?:(?:the )?(?:[a-z][a-z-]* ){1,3}'s )?(?:(?:new|next|permanent|first|sole|incoming|new interim|group|unit) )*(?<r>R)`;

const RULES: Rule[] = [
  {
    // "Jeff Bezos will step down as chief executive", "Infosys CEO Vishal Sikka resigns", "Jeff Zhang is leaving his job as president of X"
    name: 'out-self',
    gate: new RegExp(`(?<![\\w'])${V_OUT}(?![\\w'])`),
    re: rx(`${SUBJ} ${AUX}(?<v>${V_OUT})${OUT_OBJ}(?: (?:(?:on|in|at|effective) (?:M |\\w+ )?(?:\\d+ )?)?in favou?r of (?:(?:R|O 's R|the|its) )*(?<cf>P))?`),
    apply(ctx, v, m, g) {
      const verb = m.groups?.v ?? '';
      const cf = unitAt(v, g.cf);
      const r = unitAt(v, g.r) ?? unitAt(v, g.r2) ?? unitAt(v, g.r3);
      const o = unitAt(v, g.o) ?? unitAt(v, g.o2) ?? unitAt(v, g.o3) ?? unitAt(v, g.o4);
      if (verb === 'out' && !/\b(?:are|is|was|were)\s*$/.test(m[0].slice(0, (m.indices?.groups?.v?.[0] ?? 0) - m.index)) && !(ctx.sent.isTitle && (r || o))) return;
      if (/^(?:left|leave|leaves|leaving|quit|quits|exit|exits|depart|departs)$/.test(verb) && !r && !o && !g.board && !/\b(?:will|to|is|are)\b/.test(m[0]) && /^left$/.test(verb)) return;
      const board = g.board ? boardRole() : null;
      const both = /\bboth (?:posts|roles|jobs|titles|positions)\b/.test(m[0]);
      for (const p of peopleIn(v, g.s)) {
        const outP = emit(ctx, v, m, {
          both,
          person: p, direction: 'out', role: r?.role ?? board, org: o?.text ?? null,
          orgFrom: o ? 'explicit' : 'none', reason: reasonFor(verb, 'out'), conf: r || board ? 0.9 : 0.8, rule: 'out-self',
          counterpart: cf ? { name: ctx.resolve(cf), relation: 'succeeded_by' } : null,
        });
        if (outP && cf) emit(ctx, v, m, { person: cf, direction: 'in', role: r?.role ?? null, org: o?.text ?? null, orgFrom: o ? 'explicit' : 'none', reason: null, conf: 0.85, rule: 'in-favor', counterpart: { name: outP.name, relation: 'succeeds' } });
      }
    },
  },
  {
    // "Liu will not stand for re-election", "will not seek re-election"
    name: 'out-reelection',
    gate: /re-?election/,
    re: rx(`${SUBJ} ${AUX}(?:will )?(?:not|n't) (?:stand|seek|run) for re-?election`),
    apply(ctx, v, m, g) {
      for (const p of peopleIn(v, g.s)) {
        emit(ctx, v, m, { person: p, direction: 'out', role: null, org: null, orgFrom: 'none', reason: 'other', conf: 0.75, rule: 'out-reelection', fallbackBoard: true });
      }
    },
  },
  {
    // "Stankey becomes CEO", "U.B. Pravin Rao named interim CEO", "returns to Amazon as AWS CEO"
    name: 'in-self',
    gate: new RegExp(`(?<![\\w'])(?:${V_IN_ROLE}|returns?|returning|returned|rejoins?|rejoined|rejoining|joins?|joined|joining|moves|moving|move|comes back|come back|heads back|head back)(?![\\w'])`),
    re: rx(`${SUBJ} ${AUX}(?:(?<v>${V_IN_ROLE})|(?<v2>returns?|returning|returned|rejoins?|rejoined|rejoining|joins?|joined|joining|moves|moving|move|comes back|come back|heads back|head back) (?:to )?(?:(?:the|its|parent) )?(?<oj>O)(?: 's)?(?: as)?)${ROLE}(?! P)(?: (?:(?:on|in|at|effective) (?:M |\\w+ )?(?:\\d+ )?)?(?:from|replacing|succeeding|, replacing|, succeeding|, taking over from|taking over from) (?:(?:R|O 's R|O R|the|its|retiring|outgoing|co-founder|founder|longtime) )*(?<c>P))?`),
    apply(ctx, v, m, g) {
      const r = unitAt(v, g.r);
      const cu = unitAt(v, g.c);
      if (!r?.role || r.role.descriptive) return;
      if (/\bof the (?:year|decade|month)\b/i.test(r.role.title)) return;
      const o = unitAt(v, g.o) ?? unitAt(v, g.oj);
      const verb = m.groups?.v ?? m.groups?.v2 ?? '';
      const people = peopleIn(v, g.s);
      for (const p of people) {
        const inP = emit(ctx, v, m, {
          person: p, direction: 'in', role: r.role, org: o?.text ?? null, orgFrom: o ? 'explicit' : 'none',
          reason: reasonFor(verb, 'in'), conf: 0.9, rule: 'in-self',
          counterpart: cu ? { name: ctx.resolve(cu), relation: 'succeeds' } : null,
        });
        if (inP && cu) emitNamed(ctx, m, ctx.resolve(cu), 'out', r.role.interim ? null : r.role, o?.text ?? null, { name: inP.name, relation: 'succeeded_by' }, 'in-self-from', 0.85, inP);
      }
      continueRoles(ctx, v, m, people, 'in', reasonFor(verb, 'in'));
    },
  },
  {
    // "Thomas Dohmke takes the helm", "Xu Lei takes over", "Cher Wang Takes Over as CEO From Peter Chou"
    name: 'in-takeover',
    gate: /\b(?:take|takes|took|taking|assume|assumes|assumed|assuming|step|steps|stepping|is taking)\b/,
    re: rx(`${SUBJ} ${AUX}(?:(?<v>take|takes|took|taking|assume|assumes|assumed|assuming|step in|steps in|stepping in|step up|steps up|is taking|take up|takes up|take on|takes on) (?:over|the helm|charge|the reins|the top job|the top post|control|the job|the role|the post|the chief executive role|both roles|both posts|both positions|the roles|the posts|the management|management)|(?<v3>steps in|step in|stepping in)(?= *(?:$|;|,|\\.|as\\b|to\\b)))(?: (?:at|of|as head of) (?:the )?(?<o>O))?(?<tail>.*)?`),
    apply(ctx, v, m, g) {
      const o = unitAt(v, g.o);
      const tail = m.groups?.tail ?? '';
      if (/^\s*as R/.test(tail)) return; // in-self reads "takes over as R"
      const prov = /\b(?:provisionally|temporarily|interim|until a (?:successor|replacement|permanent))\b/.test(m[0]);
      const obj = !o ? unitAfterTakeover(v, m) : null;
      // "takes over Google" names the company; "takes over Knowledge & Information" a unit of it
      const objIsOrg = !!obj && !!ctx.mainOrg && sameWords(obj, ctx.mainOrg);
      for (const p of peopleIn(v, g.s)) {
        emit(ctx, v, m, {
          person: p, direction: 'in', role: null, org: o?.text ?? (objIsOrg ? obj : null), orgFrom: o || objIsOrg ? 'explicit' : 'none',
          reason: null, conf: 0.8, rule: 'in-takeover', impliedTop: /helm|reins|top|chief|management|steps? in/.test(m[0]),
          provisional: prov,
          takeoverOf: obj,
        });
      }
    },
  },
  {
    // "Y succeeds X as CEO", "Wu replaces Cheng Li as CTO", "Pope has been appointed to succeed him"
    name: 'succeed',
    gate: /\b(?:succeed\w*|replac\w*|over)\b/,
    re: rx(`${SUBJ} ${AUX}(?:(?:appointed|named|picked|tapped|chosen|elected|selected|brought in) )?(?:to )?(?<v>succeed|succeeds|succeeded|succeeding|replace|replaces|replaced|replacing|(?:take|takes|took|taking) over(?: (?:on|in|at|by|next|early|late|effective)(?: \\S+){1,3}?)? from) (?:(?:R|O 's R|O R|the|its|his|her|co-founder|founder|retiring|outgoing|departing|longtime|current|incumbent|embattled|ousted|former|founding) )*(?<c>(?:P (?:and|&) )?P|him|her)(?: (?:as|at) (?:the )?(?:(?<o>O) (?:'s )?)?(?<r>R)?(?:helm)?)?`),
    apply(ctx, v, m, g) {
      const r = unitAt(v, g.r);
      const o = unitAt(v, g.o);
      const cus = unitsIn(v, g.c).map((k) => v.units[k] as Unit).filter((u) => u.type === 'P' || /^(?:him|her)$/.test(u.sym));
      const people = peopleIn(v, g.s);
      if (!cus.length) return;
      for (const p of people) for (const cu of cus) {
        const subj = resolvePerson(ctx, v, p);
        const cname = cu.type === 'P' ? ctx.resolve(cu) : previousPerson(ctx, v, subj);
        if (!cname || cname === subj) continue;
        const inP = emit(ctx, v, m, {
          person: p, direction: 'in', role: r?.role ?? null, org: o?.text ?? null, orgFrom: o ? 'explicit' : 'none',
          reason: null, conf: 0.9, rule: 'succeed', counterpart: { name: cname, relation: 'succeeds' },
        });
        if (inP) emitNamed(ctx, m, cname, 'out', r?.role ?? null, o?.text ?? null, { name: subj, relation: 'succeeded_by' }, 'succeed-out', 0.85, inP);
      }
    },
  },
  {
    // "Juul CEO Kevin Burns replaced by Altria's K.C. Crosthwaite"
    name: 'replaced-by',
    gate: /\b(?:replaced|succeeded|ousted|pushed out) by\b/,
    re: rx(`${SUBJ} ${AUX}(?:replaced|succeeded|ousted|pushed out)(?: as (?:(?:its|the) )?(?<r0>R))? by (?:(?:O 's|R|O R|its|the|board member|former|co-founder) )*(?<c>P)(?: as (?<r>R))?`),
    apply(ctx, v, m, g) {
      const cu = unitAt(v, g.c);
      const r = unitAt(v, g.r) ?? unitAt(v, g.r0);
      if (!cu) return;
      for (const p of peopleIn(v, g.s)) {
        const subj = resolvePerson(ctx, v, p);
        const outP = emit(ctx, v, m, { person: p, direction: 'out', role: r?.role ?? null, org: null, orgFrom: 'none', reason: null, conf: 0.85, rule: 'replaced-by', counterpart: { name: ctx.resolve(cu), relation: 'succeeded_by' } });
        if (outP) emit(ctx, v, m, { person: cu, direction: 'in', role: r?.role ?? null, org: null, orgFrom: 'none', reason: null, conf: 0.85, rule: 'replaced-by-in', counterpart: { name: subj, relation: 'succeeds' } });
      }
    },
  },
  {
    // "Ford names Jim Hackett CEO", "Apple promotes Jeff Williams to COO", "Intel hires AMD graphics chief Raja Koduri"
    name: 'appoint',
    gate: new RegExp(`(?<![\\w'])${APPOINT}(?![\\w'])`),
    re: rx(`(?:(?<a>O|board|directors|company|it) (?:(?:on|this|last) (?:\\w+ )?|has |have |had |also |said it |said it had |said it has |quietly |formally |officially )*)?(?<v>${APPOINT}) (?:(?:O 's|O|R|R of O|its|former|longtime|veteran|the|board member|its own|his|her|new|ex|co-founder|cofounder|chairman|fellow|insider|outsider|outside|executive|company|veteran) )*(?<p>(?:P , )*(?:P (?:and|&) (?:R )?)?P)(?:(?<top> to the top (?:job|post))|(?: (?:as|to|to be|to become|to serve as|to the post of|to the role of|to the position of|to take over as|to lead (?:the company )?as|to run (?:the company )?as|to its|to head))?(?:${ROLE.replace('(?<o>O)', '(?<o2>O)')}))?(?: (?:(?:on|in|at|effective) (?:M |\\w+ )?(?:\\d+ )?)?(?:, )?(?:replacing|succeeding) (?:(?:R|O 's R|O R|the|its|interim|outgoing|retiring|co-founder|founder) )*(?<c>P))?`),
    apply(ctx, v, m, g) {
      const verb = m.groups?.v ?? '';
      const cu = unitAt(v, g.c);
      if (/^(?:confirms|confirmed|welcomes|welcomed|makes|made|make|lands|landed)$/.test(verb) && !g.r) return;
      const r = unitAt(v, g.r);
      if (r?.role && /\bof the (?:year|decade|month)\b/i.test(r.role.title)) return;
      if (r?.role?.descriptive) return;
      const o = unitAt(v, g.o2);
      const agent = unitAt(v, g.a);
      const people = peopleIn(v, g.p);
      const passive = /^(?:named|appointed|elected|picked|tapped|chosen|selected|promoted|hired)$/.test(verb) && !agent && !/\b(?:has|have|had|it)\s+\S+\s*$/.test(v.str.slice(0, (m.indices?.groups?.v ?? [0])[0]));
      if (passive) {
        // "named X CEO" after a subject person would be odd; "X was named" is in-self's
        const before = v.str.slice(0, (m.indices?.groups?.v ?? [0])[0]).trim();
        if (/P(?: (?:was|is|were|has been|have been|had been|been))?$/.test(before)) return;
      }
      for (const p of people) {
        const inP = emit(ctx, v, m, {
          person: p, direction: 'in', role: r?.role ?? null, org: o?.text ?? null,
          orgFrom: o ? 'explicit' : 'none', agentOrg: agent?.type === 'O' ? agent.text : agentBefore(v, m),
          reason: reasonFor(verb, 'in'), conf: r ? 0.9 : 0.7, rule: 'appoint', impliedTop: !!g.top,
          counterpart: cu ? { name: ctx.resolve(cu), relation: 'succeeds' } : null,
        });
        if (inP && cu && people.length === 1) emitNamed(ctx, m, ctx.resolve(cu), 'out', r?.role && !r.role.interim ? r.role : null, o?.text ?? null, { name: inP.name, relation: 'succeeded_by' }, 'appoint-replacing', 0.85, inP);
      }
      continueRoles(ctx, v, m, people, 'in', reasonFor(verb, 'in'), true);
    },
  },
  {
    // "BlackBerry ousts CEO Thorsten Heins", "Ford replaces CEO Mark Fields with Jim Hackett", "replaced him with Larry Culp"
    name: 'fire',
    gate: new RegExp(`(?<![\\w'])${FIRE}(?![\\w'])`),
    re: rx(`(?<v>${FIRE}) (?:(?:O 's|O|R|its|the|co-founder|founder|chief|embattled|longtime) )*(?<p>(?:P (?:and|&) (?:R )?)?P|him|her)(?<both> in both (?:roles|posts|positions|jobs))?(?: (?:as|from) (?:(?:O 's|its|the|his|her) )?(?<r>R))?(?<rest>(?: [^;]*?)? with (?:(?:O 's|R|O R|its|the|board member|former|co-founder|veteran) )*(?<n>P))?`),
    apply(ctx, v, m, g) {
      const verb = m.groups?.v ?? '';
      const r = unitAt(v, g.r);
      const n = unitAt(v, g.n);
      const before = v.str.slice(0, (m.indices?.groups?.v ?? [0])[0]).trim();
      const subjIsPerson = /(?:^|\s)(?:P|he|she)(?: (?:will|would|is|to|has|had|was))*$/.test(before);
      if (/^(?:replaces|replaced|replace|replacing)$/.test(verb) && subjIsPerson && !n) return; // "Wu replaces X" is succeed
      if (/^(?:suspends|suspended|suspend)$/.test(verb)) return;
      const people = peopleIn(v, g.p);
      const pron = !people.length ? unitAt(v, g.p) : null;
      const targets: Array<{ unit: Unit | null; name: string }> = people.map((u) => ({ unit: u, name: resolvePerson(ctx, v, u) }));
      if (pron && /^(?:him|her)$/.test(pron.sym)) {
        const prev = previousPerson(ctx, v, null);
        if (prev) targets.push({ unit: null, name: prev });
      }
      for (const t of targets) {
        const base = { direction: 'out' as const, role: r?.role ?? null, org: null, orgFrom: 'none' as const, reason: (/^(?:replac|succeed)/.test(verb) ? null : 'fired') as Reason | null, conf: 0.9, rule: 'fire', agentOrg: agentBefore(v, m), both: !!g.both };
        const outP = t.unit
          ? emit(ctx, v, m, { ...base, person: t.unit, counterpart: n ? { name: ctx.resolve(n), relation: 'succeeded_by' } : null })
          : emitNamed(ctx, m, t.name, 'out', r?.role ?? null, null, n ? { name: ctx.resolve(n), relation: 'succeeded_by' } : null, 'fire', 0.85, null);
        if (outP && n) {
          emit(ctx, v, m, { person: n, direction: 'in', role: r?.role ?? null, org: null, orgFrom: 'none', reason: null, conf: 0.85, rule: 'fire-with', counterpart: { name: t.name, relation: 'succeeds' }, agentOrg: agentBefore(v, m) });
        }
      }
    },
  },
  {
    // "Su Hua hands CEO role to Cheng Yixiao", "hands reins to Bill Staples", "cede CEO job to co-founder Larry Page"
    name: 'hand',
    gate: new RegExp(`(?<![\\w'])${HAND}(?![\\w'])`),
    re: rx(`(?<v>${HAND}) (?:over )?(?:(?:the|his|her|its|their|both|O 's|O|day-to-day) )*(?:(?<r>R) )?(?:(?:role|job|post|title|reins|baton|torch|top job|helm|duties|company|mantle|position|chairmanship|leadership|control|top post) )?(?:(?:[^;]{0,90}?) )??to (?:(?:R|O 's R|O R|fellow|R and|co-founder|cofounder|its|his|her|the|board member|deputy|longtime|veteran|O 's) )*(?<n>P)`),
    apply(ctx, v, m, g) {
      const n = unitAt(v, g.n);
      const r = unitAt(v, g.r);
      if (!n) return;
      if (/^(?:gives|give|passes|passed|passing|pass)$/.test(m.groups?.v ?? '') && !/(?:reins|baton|torch|helm|role|job|post|R|mantle|title)\b/.test(m[0])) return;
      const vStart = (m.indices?.groups?.v ?? [0])[0];
      const subj = subjectBefore(ctx, v, vStart);
      if (!subj) {
        // "Disney surprised everyone by handing the chief executive job to Bob Chapek"
        if (r?.role && /\b(?:handing|hands|handed|hand)\b/.test(m.groups?.v ?? '')) emit(ctx, v, m, { person: n, direction: 'in', role: r.role, org: null, orgFrom: 'none', reason: null, conf: 0.75, rule: 'hand-in', agentOrg: agentBefore(v, m) });
        return;
      }
      const nName = ctx.resolve(n);
      if (nName === subj) return;
      const outP = emitNamed(ctx, m, subj, 'out', r?.role ?? null, null, { name: nName, relation: 'succeeded_by' }, 'hand', 0.85, null);
      if (outP) emit(ctx, v, m, { person: n, direction: 'in', role: r?.role ?? null, org: null, orgFrom: 'none', reason: null, conf: 0.85, rule: 'hand-in', counterpart: { name: subj, relation: 'succeeds' } });
      const base = m.index + m[0].length;
      const gm = /^ ,? ?and (?:the |his |her |its )?(R) (?:role |job |post |title )?to (?:(?:R|O 's R|fellow|the|its|co-founder) )*(P)\b/.exec(v.str.slice(base));
      if (outP && gm) {
        const rk = v.pos.indexOf(base + gm[0].indexOf('R'));
        const pk = v.pos.indexOf(base + gm[0].length - 1);
        const r2 = v.units[rk];
        const n2 = v.units[pk];
        if (r2?.role && n2?.type === 'P') {
          emitNamed(ctx, m, subj, 'out', r2.role, null, { name: ctx.resolve(n2), relation: 'succeeded_by' }, 'hand', 0.85, null);
          emit(ctx, v, m, { person: n2, direction: 'in', role: r2.role, org: null, orgFrom: 'none', reason: null, conf: 0.85, rule: 'hand-in', counterpart: { name: subj, relation: 'succeeds' } });
        }
      }
    },
  },
  {
    // "…, moves to executive chair", "and become executive chair", "and stepped down from its board": the subject is the sentence's last
    name: 'conj-vp',
    gate: new RegExp(`(?:,|\\band|\\bwhile) (?:\\S+ ){0,4}?(?:${V_IN_ROLE}|${V_OUT})\\b`),
    re: rx(`(?:,|and|, and|while) ${AUX}(?:(?<vi>${V_IN_ROLE})(?: (?:(?:its|the|their|a|an) )*(?:(?<o>O) (?:'s )?)?(?:(?:new|next|permanent|first|sole) )*(?<r>R)(?! P))|(?<vo>${V_OUT})${OUT_OBJ.replace(/\?<(o|r|o2|r2|r3|o3|o4|board)>/g, '?<x$1>')})`),
    apply(ctx, v, m, g) {
      const vStart = m.index;
      const subj = conjSubject(ctx, v, vStart);
      if (!subj) return;
      if (m.groups?.vi) {
        const r = unitAt(v, g.r);
        if (!r?.role || r.role.descriptive) return;
        const o = unitAt(v, g.o);
        emitNamed(ctx, m, subj, 'in', r.role, o?.text ?? null, null, 'conj-in', 0.85, null);
      } else {
        const verb = m.groups?.vo ?? '';
        if (verb === 'out' || verb === 'left') return;
        const r = unitAt(v, g.xr) ?? unitAt(v, g.xr2) ?? unitAt(v, g.xr3);
        const o = unitAt(v, g.xo) ?? unitAt(v, g.xo2) ?? unitAt(v, g.xo3) ?? unitAt(v, g.xo4);
        emitNamed(ctx, m, subj, 'out', r?.role ?? (g.xboard ? boardRole() : null), o?.text ?? null, null, 'conj-out', 0.8, null, reasonFor(verb, 'out'));
      }
    },
  },
  {
    // "Immelt will remain chairman until he retires on Dec. 31"
    name: 'remain-until',
    gate: /\buntil\b/,
    re: rx(`${SUBJ} ${AUX}(?:remain|remains|stay|stays|stay on|stays on|continue|continues) (?:as )?(?:(?:its|the) )?(?<r>R) until (?:he|she|P) (?:retires|steps down|leaves|departs)`),
    apply(ctx, v, m, g) {
      const r = unitAt(v, g.r);
      for (const p of peopleIn(v, g.s)) emit(ctx, v, m, { person: p, direction: 'out', role: r?.role ?? null, org: null, orgFrom: 'none', reason: 'retired', conf: 0.8, rule: 'remain-until' });
    },
  },
  {
    // "Cannon-Brookes will continue to lead the company as its sole CEO"
    name: 'sole',
    gate: /\b(?:continues?|remains?)\b/,
    re: rx(`${SUBJ} ${AUX}(?:continue|continues|remain|remains|will continue)(?: to lead| to run)?(?: the company| the group)? as (?:its |the )?(?<r>R)`),
    apply(ctx, v, m, g) {
      const r = unitAt(v, g.r);
      if (!r?.role || !/^sole\b/i.test(r.role.title)) return;
      for (const p of peopleIn(v, g.s)) emit(ctx, v, m, { person: p, direction: 'in', role: r.role, org: null, orgFrom: 'none', reason: null, conf: 0.8, rule: 'sole' });
    },
  },
  {
    // "New Intel CEO: Lip-Bu Tan", "Amazon's new CFO: Brian Olsavsky"
    name: 'headline-colon',
    gate: /^[^:]{0,40}R : P/,
    re: rx(`^(?:(?:the|meet|introducing) )?(?:new |next )?(?:(?<o>O) (?:'s )?)?(?:new |next )(?:(?<o2>O) )?(?<r>R) : (?<p>P)`),
    apply(ctx, v, m, g) {
      if (!ctx.sent.isTitle) return;
      const r = unitAt(v, g.r);
      const o = unitAt(v, g.o) ?? unitAt(v, g.o2);
      const p = unitAt(v, g.p);
      if (!p || !r?.role) return;
      emit(ctx, v, m, { person: p, direction: 'in', role: r.role, org: o?.text ?? null, orgFrom: o ? 'explicit' : 'none', reason: null, conf: 0.85, rule: 'headline-colon' });
    },
  },
  {
    // "Tim Cook named successor", "Rami Rahim named successor"
    name: 'named-successor',
    gate: /\bsuccessor\b/,
    re: rx(`${SUBJ} ${AUX}(?:named|appointed|picked|chosen|tapped|confirmed|announced) (?:as )?(?:(?:his|her|its|the|O 's) )?(?:permanent )?successor`),
    apply(ctx, v, m, g) {
      for (const p of peopleIn(v, g.s)) emit(ctx, v, m, { person: p, direction: 'in', role: null, org: null, orgFrom: 'none', reason: null, conf: 0.85, rule: 'named-successor', successorOfSentence: true });
    },
  },
  {
    // "Craig Federighi will lead both iOS and OS X", "Bob Mansfield will head a new Technologies group"
    name: 'will-lead',
    gate: /\b(?:lead|head|run|oversee)\b/,
    re: rx(`${SUBJ} (?:will|to|is to|is set to|would|are to) (?:also |now |concurrently )?(?<v>lead|head|run|oversee) (?:(?:both|the|a|an|its|new|newly|created|formed|O 's) )*(?<o>O)(?: (?:and|&) (?<o2>O))?(?<tail>(?: \\S+){0,4})`),
    apply(ctx, v, m, g) {
      const o = unitAt(v, g.o);
      const o2 = unitAt(v, g.o2);
      if (!o) return;
      const tail = m.groups?.tail ?? '';
      if (/\bas R\b/.test(tail)) return;
      const alone = /\b(?:alone|solo|own|himself|herself|sole)\b/.test(tail);
      const unit = o2 ? `${o.text} and ${o2.text}` : o.text;
      const isMain = !!ctx.mainOrg && sameWords(unit, ctx.mainOrg);
      if (isMain && !alone) return;
      const role: RoleInfo = { title: alone ? 'sole leader' : `head of ${unit}`, interim: false, orgText: null, plural: false, descriptive: false };
      const orgLike = /\b(?:Group|Unit|Division|Cloud|Services|Studios?|Labs?|Entertainment|Products|Business)\b/.test(unit) || alone;
      for (const p of peopleIn(v, g.s)) emit(ctx, v, m, { person: p, direction: 'in', role, org: orgLike ? unit : null, orgFrom: orgLike ? 'explicit' : 'none', reason: null, conf: alone ? 0.75 : 0.6, rule: alone ? 'lead-alone' : 'will-lead' });
      // "… will run the Local Services Group and Jiang Fan the Global Digital Commerce Group"
      const rest = v.str.slice(m.index + m[0].length - tail.length);
      const gm = /^ and (P) (?:the )?(O)\b/.exec(rest);
      if (gm) {
        const base = m.index + m[0].length - tail.length;
        const pk = v.pos.indexOf(base + 5);
        const ok = v.pos.indexOf(base + gm[0].length - 1);
        const pu = v.units[pk];
        const ou = v.units[ok];
        if (pu?.type === 'P' && ou?.type === 'O') {
          emit(ctx, v, m, { person: pu, direction: 'in', role: { title: `head of ${ou.text}`, interim: false, orgText: null, plural: false, descriptive: false }, org: ou.text, orgFrom: 'explicit', reason: null, conf: 0.6, rule: 'will-lead' });
        }
      }
    },
  },
  {
    // "Giannandrea will run Apple's machine learning and AI strategy"
    name: 'will-lead-unit',
    gate: /\b(?:lead|head|run|oversee)\b O 's/,
    re: rx(`${SUBJ} (?:will|to|is to|would) (?:also |now )?(?:lead|head|run|oversee) (?<o>O) 's (?<obj>[a-z][a-z-]*(?: (?:and|&|[a-z][a-z-]*|O)){0,4})`),
    apply(ctx, v, m, g) {
      const o = unitAt(v, g.o);
      const objUnits = unitsIn(v, g.obj).map((k) => v.units[k] as Unit);
      const stop = objUnits.findIndex((u) => u.type === 'W' && /^(?:as|at|in|on|for|with|from|to|and report|report|reporting|while|after|teams?|team|efforts?|work)$/.test(u.sym));
      const parts = stop >= 0 ? objUnits.slice(0, stop) : objUnits;
      while (parts.length && /^(?:and|&)$/.test(parts[parts.length - 1]?.sym ?? '')) parts.pop();
      const text = parts.map((u) => u.text).join(' ');
      if (!o || !text || /\b(?:company|firm|business|group|operations|day-to-day)$/.test(text)) return;
      const role: RoleInfo = { title: `head of ${text}`, interim: false, orgText: null, plural: false, descriptive: false };
      for (const p of peopleIn(v, g.s)) emit(ctx, v, m, { person: p, direction: 'in', role, org: o.text, orgFrom: 'explicit', reason: null, conf: 0.6, rule: 'will-lead' });
    },
  },
  {
    // "Intel's board elects X", "joins the board", "elected to the board", "joins Dropbox board of directors"
    name: 'board-in',
    gate: /\bboard\b/,
    re: rx(`${SUBJ} ${AUX}(?:(?:also )?(?:join|joins|joined|joining|rejoin|rejoins|elected to|appointed to|named to|nominated to|added to)) (?:(?:the|its|company 's|chipmaker 's) )*(?:(?<o>O) (?:'s )?)?board(?: of directors)?`),
    apply(ctx, v, m, g) {
      const o = unitAt(v, g.o);
      for (const p of peopleIn(v, g.s)) emit(ctx, v, m, { person: p, direction: 'in', role: boardRole(), org: o?.text ?? null, orgFrom: o ? 'explicit' : 'none', reason: 'elected', conf: 0.85, rule: 'board-in' });
    },
  },
  {
    // "Facebook nominates PayPal's Peggy Alford to board", "Erskine Bowles and Reed Hastings to leave"
    name: 'appoint-board',
    gate: /\bboard\b/,
    re: rx(`(?<v>${APPOINT}) (?:(?:O 's|O|R|its|former) )*(?<p>(?:P , )*(?:P (?:and|&) )?P) (?:to|as a member of|to join) (?:(?:the|its|O 's) )*board`),
    apply(ctx, v, m, g) {
      for (const p of peopleIn(v, g.p)) emit(ctx, v, m, { person: p, direction: 'in', role: boardRole(), org: null, orgFrom: 'none', reason: 'elected', conf: 0.85, rule: 'appoint-board', agentOrg: agentBefore(v, m) });
    },
  },
  {
    // "Noam Shazeer, the startup's CEO, … will join Google DeepMind": joining another company leaves the post held
    name: 'join-elsewhere',
    gate: /\b(?:join\w*|rejoin\w*|back to|moves? to|defects? to|decamps? to|take over|takes over)\b/,
    re: rx(`${SUBJ} ${AUX}(?<v>join|joins|joining|joined|rejoin|rejoins|head back to|heads back to|moves to|move to|defects to|defect to|decamps to|is joining|are joining|takes over|take over|to take over) (?:the )?(?<o>O)(?! 's)`),
    apply(ctx, v, m, g) {
      const o = unitAt(v, g.o);
      if (!o) return;
      for (const p of peopleIn(v, g.s)) {
        const name = resolvePerson(ctx, v, p);
        const d = (ctx.descriptors.get(name) ?? []).find((x) => !x.former && !x.role.descriptive && x.sent === ctx.si);
        if (!d) continue;
        const from = d.org ?? ctx.mainOrg;
        if (!from || sameWords(from, o.text) || o.text.includes(from) || from.includes(o.text)) continue;
        emitNamed(ctx, m, name, 'out', d.role, from, null, 'join-elsewhere', 0.75, null);
      }
    },
  },
  {
    // "Amar Hanspal and Andrew Anagnost will share the top job", "will share responsibility … as co-leaders"
    name: 'share',
    gate: /\b(?:share|split|co-lead|jointly)\b/,
    re: rx(`${SUBJ} ${AUX}(?:share|split|co-lead|jointly lead|jointly run) (?:the )?(?:top job|leadership|role|job|helm|responsibility|duties|R)(?:[^;]*? as (?<r>R))?`),
    apply(ctx, v, m, g) {
      const r = unitAt(v, g.r);
      const plural = r?.role ?? pluralRoleInItem(ctx);
      const role: RoleInfo = plural ?? { title: 'co-CEO', interim: false, orgText: null, plural: false, descriptive: false };
      for (const p of peopleIn(v, g.s)) emit(ctx, v, m, { person: p, direction: 'in', role, org: null, orgFrom: 'none', reason: null, conf: 0.75, rule: 'share' });
    },
  },
  {
    // "Patricia Russo will chair Hewlett Packard Enterprise"
    name: 'will-chair',
    gate: /\b(?:will|to|would) (?:also )?(?:chair|co-chair|R)\b/,
    re: rx(`${SUBJ} (?:will|to|is to|would) (?:also )?(?<c>chair|co-chair|R) (?:the )?(?:(?<o>O)|board)`),
    apply(ctx, v, m, g) {
      const o = unitAt(v, g.o);
      const cu = unitAt(v, g.c);
      if (cu && cu.type === 'R' && !/^(?:co-)?chair$/i.test(cu.text)) return;
      const role: RoleInfo = { title: 'chair', interim: false, orgText: null, plural: false, descriptive: false };
      for (const p of peopleIn(v, g.s)) emit(ctx, v, m, { person: p, direction: 'in', role, org: o?.text ?? null, orgFrom: o ? 'explicit' : 'none', reason: null, conf: 0.8, rule: 'will-chair' });
    },
  },
  {
    // "Ann Kelleher has been appointed to lead technology development", "and lead its Corporate Services teams"
    name: 'appointed-to-lead',
    gate: /\b(?:lead|head|run|oversee)\b/,
    re: rx(`(?:${SUBJ} ${AUX}(?:appointed|named|tapped|picked|chosen|promoted|elevated|brought in|hired) to|(?<conj>and|, and)(?: will)?) (?:lead|head|run|oversee) (?:(?:its|the|a|an|new|newly|created|both|O 's) )*(?<obj>(?:O|[a-z][a-z-]*)(?: (?:&|and|O|[a-z][a-z-]*)){0,3})`),
    apply(ctx, v, m, g) {
      const objUnits = unitsIn(v, g.obj).map((k) => v.units[k] as Unit);
      const stop = objUnits.findIndex((u) => /^(?:as|at|in|on|for|with|from|to|and|teams?|team|group|business|unit|division|operations?)$/.test(u.sym) && u.type === 'W');
      let parts = stop >= 0 ? objUnits.slice(0, stop) : objUnits;
      if (objUnits[stop] && /^(?:teams?|group|business|unit|division)$/.test(objUnits[stop]?.sym ?? '')) parts = objUnits.slice(0, stop);
      if (!parts.length) return;
      const text = parts.map((u) => u.text).join(' ');
      if (ctx.mainOrg && sameWords(text, ctx.mainOrg)) return;
      if (/^(?:the|a|an|it|them|efforts?|work|search|company)$/i.test(text)) return;
      const role: RoleInfo = { title: `head of ${text}`, interim: false, orgText: null, plural: false, descriptive: false };
      const people = g.conj ? [conjSubject(ctx, v, m.index)].filter((x): x is string => !!x) : peopleIn(v, g.s).map((p) => resolvePerson(ctx, v, p));
      for (const name of people) emitNamed(ctx, m, name, 'in', role, null, null, 'appointed-to-lead', g.conj ? 0.55 : 0.7, null);
    },
  },
  {
    // "Larry Page will run the new holding company Alphabet as CEO, with co-founder Sergey Brin as its president"
    name: 'run-as',
    gate: /\b(?:run|lead|head)\b[^;]* as /,
    re: rx(`${SUBJ} (?:will|to|is to|would) (?:run|lead|head) (?:the )?(?:[a-z-]+ ){0,4}(?<o>O) as (?:its |the )?(?<r>R)(?:(?: ,)? with (?:R |co-founder |cofounder )?(?<p2>P) as (?:its |the )?(?<r2>R))?`),
    apply(ctx, v, m, g) {
      const o = unitAt(v, g.o);
      const r = unitAt(v, g.r);
      if (!o || !r?.role) return;
      for (const p of peopleIn(v, g.s)) emit(ctx, v, m, { person: p, direction: 'in', role: r.role, org: o.text, orgFrom: 'explicit', reason: null, conf: 0.8, rule: 'run-as' });
      const p2 = unitAt(v, g.p2);
      const r2 = unitAt(v, g.r2);
      if (p2 && r2?.role) emit(ctx, v, m, { person: p2, direction: 'in', role: r2.role, org: o.text, orgFrom: 'explicit', reason: null, conf: 0.75, rule: 'run-as' });
    },
  },
  {
    // "Intel today announced the resignation of Brian Krzanich as chief executive officer"
    name: 'nominal',
    gate: /\b(?:resignation|retirement|departure|appointment|promotion|election|dismissal|ouster|exit) of\b/,
    re: rx(`(?<v>resignation|retirement|departure|appointment|promotion|election|dismissal|ouster|exit) of (?:(?:R|O 's R|its|the|mr|ms|mrs|dr) )*(?<p>(?:P (?:and|&) )?P)(?: as (?:(?:its|the) )?(?:(?<o>O) (?:'s )?)?(?<r>R))?`),
    apply(ctx, v, m, g) {
      const noun = m.groups?.v ?? '';
      const r = unitAt(v, g.r);
      const o = unitAt(v, g.o);
      const dir = /^(?:appointment|promotion|election)$/.test(noun) ? 'in' : 'out';
      if (dir === 'in' && !r) return;
      const before = v.str.slice(Math.max(0, m.index - 60), m.index);
      if (!/\b(?:announced|announces|announce|accepted|accepts|confirmed|confirms|approved|approves|said|says|of|following|with)\b[^;]*$/.test(before) && !ctx.sent.isTitle) return;
      if (/\b(?:after|since|following|before)\b [^;]{0,12}$/.test(before) && !/announc/.test(before)) return;
      const reason: Reason | null = noun === 'resignation' ? 'resigned' : noun === 'retirement' ? 'retired' : noun === 'dismissal' || noun === 'ouster' ? 'fired' : noun === 'promotion' ? 'promoted' : noun === 'election' ? 'elected' : null;
      for (const p of peopleIn(v, g.p)) emit(ctx, v, m, { person: p, direction: dir, role: r?.role ?? null, org: o?.text ?? null, orgFrom: o ? 'explicit' : 'none', reason, conf: 0.85, rule: 'nominal' });
    },
  },
  {
    // "His departure from Google became known a day earlier"
    name: 'departure-noun',
    gate: /\b(?:departure|exit|resignation|retirement) (?:from|at)\b/,
    re: rx(`(?<who>his|her|P 's) (?:abrupt |sudden |planned |expected |surprise )?(?:departure|exit|resignation|retirement) (?:from|at) (?:the )?(?<o>O)`),
    apply(ctx, v, m, g) {
      const o = unitAt(v, g.o);
      const whoU = unitAt(v, g.who);
      if (!o || !whoU) return;
      const name = whoU.type === 'P' ? ctx.resolve(whoU) : ctx.lastSubject;
      if (!name) return;
      emitNamed(ctx, m, name, 'out', null, o.text, null, 'departure-noun', 0.7, null);
    },
  },
  {
    // "Pravin Rao … will go back to concentrating on his job as chief operating officer"
    name: 'go-back',
    gate: /\b(?:back|return|returns|revert|reverts) to\b/,
    re: rx(`${SUBJ} ${AUX}(?:go back|goes back|return|returns|revert|reverts) to (?:concentrating on |focusing on |being |his |her |the )*(?:(?:job|role|post|position) as |former role as |previous role as )?(?:(?:its|the|O 's) )?(?<r>R)`),
    apply(ctx, v, m, g) {
      const r = unitAt(v, g.r);
      if (!r?.role) return;
      for (const p of peopleIn(v, g.s)) ctx.stays.push({ name: resolvePerson(ctx, v, p), role: r.role, sent: ctx.si });
    },
  },
  {
    // "Bob Chapek … is Iger's replacement as CEO", "X is his successor as CFO"
    name: 'replacement-noun',
    gate: /\b(?:replacement|successor)\b/,
    re: rx(`${SUBJ} ${AUX}(?:(?<c>P) 's|his|her) (?:permanent |new )?(?:replacement|successor) as (?:(?:its|the) )?(?<r>R)`),
    apply(ctx, v, m, g) {
      const r = unitAt(v, g.r);
      const cu = unitAt(v, g.c);
      for (const p of peopleIn(v, g.s)) {
        const subj = resolvePerson(ctx, v, p);
        const cname = cu ? ctx.resolve(cu) : previousPerson(ctx, v, subj);
        const inP = emit(ctx, v, m, { person: p, direction: 'in', role: r?.role ?? null, org: null, orgFrom: 'none', reason: null, conf: 0.85, rule: 'replacement-noun', counterpart: cname ? { name: cname, relation: 'succeeds' } : null });
        if (inP && cname && cname !== subj) emitNamed(ctx, m, cname, 'out', r?.role ?? null, null, { name: subj, relation: 'succeeded_by' }, 'replacement-noun-out', 0.8, inP);
      }
    },
  },
  {
    // "Jen Oneal and Mike Ybarra will co-lead the studio", "are to lead the company jointly on a transitional basis"
    name: 'co-lead',
    gate: /\b(?:co-lead|co-run|co-head|jointly|together)\b|\b(?:will|to) R\b/,
    re: rx(`${SUBJ} ${AUX}(?:(?:co-lead|co-run|co-head|jointly lead|jointly run|(?<cr>R)) (?:the |its )?(?:O|company|studio|group|business|firm|unit|division|team|organization|organisation|chipmaker|automaker|startup)|(?:lead|run|head) (?:the |its )?(?:O|company|studio|group|business|firm|unit|division|team|chipmaker|automaker|startup) (?:jointly|together))(?<tail>.*)`),
    apply(ctx, v, m, g) {
      const people = peopleIn(v, g.s);
      const cr = unitAt(v, g.cr);
      if (cr && !/^co-(?:head|lead|run)$/i.test(cr.text)) return;
      const prov = /\b(?:transitional|interim|provisional|temporar|until)/.test(m.groups?.tail ?? '');
      const plural = pluralRoleInItem(ctx);
      const role: RoleInfo = plural ?? { title: prov ? 'interim co-CEO' : 'co-leader', interim: prov, orgText: null, plural: false, descriptive: false };
      for (const p of people) emit(ctx, v, m, { person: p, direction: 'in', role, org: null, orgFrom: 'none', reason: null, conf: 0.75, rule: 'co-lead' });
    },
  },
  {
    // "CFO Thomas Seifert will run the chipmaker as interim CEO"
    name: 'run-as-interim',
    gate: /\b(?:run|lead|head|running|leading|heading)\b/,
    re: rx(`${SUBJ} (?:will |to |is to |would |is |are )(?:be )?(?:run|lead|head|running|leading|heading) (?:the|its) (?:[a-z-]+ ){0,2}as (?:its |the )?(?<r>R)`),
    apply(ctx, v, m, g) {
      const r = unitAt(v, g.r);
      if (!r?.role?.interim) return;
      for (const p of peopleIn(v, g.s)) emit(ctx, v, m, { person: p, direction: 'in', role: r.role, org: null, orgFrom: 'none', reason: null, conf: 0.8, rule: 'run-as-interim' });
    },
  },
  {
    // "Lenovo president Rory Read leaves for AMD top job"
    name: 'leaves-for',
    gate: /\b(?:leaves|leaving|left|departs|quits|exits) for\b/,
    re: rx(`${SUBJ} ${AUX}(?:leaves|leaving|left|departs|quits|exits) for (?:the )?(?<o>O)(?: 's)? (?:(?<top>top job|top post|helm)|(?<r>R))`),
    apply(ctx, v, m, g) {
      const o = unitAt(v, g.o);
      const r = unitAt(v, g.r);
      for (const p of peopleIn(v, g.s)) emit(ctx, v, m, { person: p, direction: 'in', role: r?.role ?? null, org: o?.text ?? null, orgFrom: 'explicit', reason: 'hired', conf: 0.8, rule: 'leaves-for', impliedTop: !!g.top });
    },
  },
  {
    // "JD.com names Ian Su Shan CFO as Sandy Xu moves up": the promoted person's old post is the one filled
    name: 'moves-up',
    gate: /\b(?:moves up|steps up|is promoted|gets promoted|moves on)\b/,
    re: rx(`${SUBJ} ${AUX}(?:moves up|steps up|is promoted|gets promoted|moves on)(?! as| to)`),
    apply(ctx, v, m, g) {
      const role: RoleInfo = { title: 'promotion', interim: false, orgText: null, plural: false, descriptive: true };
      for (const p of peopleIn(v, g.s)) ctx.stays.push({ name: resolvePerson(ctx, v, p), role, sent: ctx.si });
    },
  },
  {
    // "Intel names X and Y interim co-CEOs; Yeary interim executive chair": a title's gapped clause
    name: 'headline-gap',
    gate: /; [PO] R/,
    re: rx(`; (?<p>P|O) (?<r>R)(?= ;|$)`),
    apply(ctx, v, m, g) {
      if (!ctx.sent.isTitle || !/\b(?:names|named|appoints|taps|picks|elects|promotes)\b/.test(v.str.slice(0, m.index))) return;
      const p = unitAt(v, g.p);
      const r = unitAt(v, g.r);
      if (p && p.type === 'O' && /\s/.test(p.text)) return;
      if (p && r?.role && !r.role.descriptive) emit(ctx, v, m, { person: p.type === 'P' ? p : { ...p, type: 'P', sym: 'P' }, direction: 'in', role: r.role, org: null, orgFrom: 'none', reason: null, conf: 0.8, rule: 'headline-gap', agentOrg: agentBefore(v, m) });
    },
  },
  {
    // "Nortech CEO Tom Lindqvist ousted", "X was fired as CFO" (not "X ousted Y")
    name: 'passive-out',
    gate: /\b(?:ousted|fired|removed|dismissed|sacked|pushed out|forced out|let go|terminated|axed)\b/,
    re: rx(`${SUBJ} ${AUX}(?<v>ousted|fired|removed|dismissed|sacked|pushed out|forced out|let go|terminated|axed)(?! (?:(?:R|O 's R|its|the|co-founder|founder|chief|his|her) )*(?:P|him|her)\b)(?: (?:as|from) (?:(?:the|its|his|her) )?(?:(?<o>O) (?:'s )?)?(?<r>R))?`),
    apply(ctx, v, m, g) {
      const r = unitAt(v, g.r);
      const o = unitAt(v, g.o);
      const aux = m[0].slice(0, (m.indices?.groups?.v?.[0] ?? m.index) - m.index);
      // a bare past participle is passive only in a headline or after a form of "be"
      if (!ctx.sent.isTitle && !/\b(?:was|were|is|are|been|be|being|has been|had been|got|gets)\s*$/.test(aux)) return;
      for (const p of peopleIn(v, g.s)) emit(ctx, v, m, { person: p, direction: 'out', role: r?.role ?? null, org: o?.text ?? null, orgFrom: o ? 'explicit' : 'none', reason: 'fired', conf: 0.85, rule: 'passive-out' });
    },
  },
  {
    // "… will step down at the end of the year and be succeeded by Priya Raman"
    name: 'conj-succeeded-by',
    gate: /\bbe (?:succeeded|replaced) by\b/,
    re: rx(`(?:and|, and|,) (?:will )?be (?:succeeded|replaced) by (?:(?:R|O 's R|O R|its|the|co-founder|founder) )*(?<c>P)`),
    apply(ctx, v, m, g) {
      const cu = unitAt(v, g.c);
      const subj = conjSubject(ctx, v, m.index);
      if (!cu || !subj) return;
      emit(ctx, v, m, { person: cu, direction: 'in', role: null, org: null, orgFrom: 'none', reason: null, conf: 0.85, rule: 'conj-succeeded-by', counterpart: { name: subj, relation: 'succeeds' } });
      const outP = ctx.protos.find((q) => q.name === subj && q.direction === 'out' && q.sent === ctx.si);
      if (outP && !outP.counterpart) outP.counterpart = { name: ctx.resolve(cu), relation: 'succeeded_by' };
    },
  },
  {
    // "Vexa poaches Nortech CTO Priya Raman": hired away from a post the item names
    name: 'hired-away',
    gate: /\b(?:poaches|poached|hires|hired|lures|lured|recruits|recruited|taps|tapped|names|named|picks|picked)\b/,
    re: rx(`(?:O )(?<v>poaches|poached|hires|hired|lures|lured|recruits|recruited|taps|tapped|names|named|picks|picked) (?:(?<o>O) 's |(?<o2>O) )(?:R )(?<p>P)`),
    apply(ctx, v, m, g) {
      const p = unitAt(v, g.p);
      const from = unitAt(v, g.o) ?? unitAt(v, g.o2);
      if (!p || !from) return;
      const name = resolvePerson(ctx, v, p);
      const d = (ctx.descriptors.get(name) ?? []).find((x) => !x.former && !x.role.descriptive && x.sent === ctx.si);
      const agent = agentBefore(v, m);
      if (!d || !agent || sameWords(agent, from.text)) return;
      emitNamed(ctx, m, name, 'out', d.role, from.text, null, 'hired-away', 0.75, null);
    },
  },
  {
    // "Ginni Rometty to remain executive chairman": a stay, used to infer who gave up the other post
    name: 'remain',
    gate: /\b(?:remain\w*|stays? on|continues? as|continue as)\b/,
    re: rx(`${SUBJ} ${AUX}(?:remain|remains|remaining|stay on as|stays on as|continue as|continues as|will remain) (?:as )?(?:(?:its|the|O 's) )?(?<r>R)`),
    apply(ctx, v, m, g) {
      const r = unitAt(v, g.r);
      if (!r?.role) return;
      for (const p of peopleIn(v, g.s)) ctx.stays.push({ name: resolvePerson(ctx, v, p), role: r.role, sent: ctx.si });
    },
  },
];

function pluralRoleInItem(ctx: SentCtx): RoleInfo | null {
  for (let s = 0; s <= ctx.si; s++) {
    for (const u of ctx.allUnits[s] ?? []) if (u.type === 'R' && u.role && (/\bco-/i.test(u.role.title))) return u.role;
  }
  return null;
}

function boardRole(): RoleInfo {
  return { title: 'board member', interim: false, orgText: null, plural: false, descriptive: false };
}

function sameWords(a: string, b: string): boolean {
  const w = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return w(a) === w(b);
}

function unitAfterTakeover(v: View, m: RegExpExecArray): string | null {
  const rest = v.str.slice(m.index + m[0].length - (m.groups?.tail ?? '').length);
  const mm = /^\s*O\b/.exec(rest);
  if (!mm) return null;
  const k = v.pos.indexOf(m.index + m[0].length - (m.groups?.tail ?? '').length + mm[0].length - 1);
  return k >= 0 ? (v.units[k] as Unit).text : null;
}

/** The organisation acting in an appoint/fire clause: the last O before the verb in the view. */
function agentBefore(v: View, m: RegExpExecArray): string | null {
  const vStart = (m.indices?.groups?.v ?? [m.index])[0];
  let found: string | null = null;
  for (let k = 0; k < v.units.length; k++) {
    const p = v.pos[k] as number;
    if (p >= vStart) break;
    const u = v.units[k] as Unit;
    if (u.sym === ';') found = null;
    if (u.type === 'O' && v.units[k + 1]?.sym !== "'s" && v.units[k + 1]?.type !== 'R') found = u.text;
    if (u.type === 'P') found = found ?? null;
  }
  return found;
}

/** The subject a coordinated verb phrase shares: the mover of the sentence's last change, else its first person. */
function conjSubject(ctx: SentCtx, v: View, vStart: number): string | null {
  const inSentence = ctx.protos.filter((p) => p.sent === ctx.si && p.pos < vStart && !['succeed-out', 'hand-in', 'fire-with', 'replaced-by-in', 'coordinated'].includes(p.rule));
  const last = inSentence[inSentence.length - 1];
  // only a verb phrase coordinated with a change already read shares its subject …
  if (last) return last.name;
  // … or a participle or second verb of a clause with a plain subject ("X, …, stepping in as", "X will stay at Y and lead")
  const after = v.str.slice(vStart);
  const clauseStart = v.str.lastIndexOf(';', vStart) + 1;
  const head = v.str.slice(clauseStart, vStart).trim();
  if (/^(?:, )?(?:stepping|taking|becoming|moving|replacing|succeeding|joining|returning)\b/.test(after.replace(/^,? ?/, '')) || /^(?:and|, and) (?:will )?(?:lead|head|run|oversee)\b/.test(after)) {
    const m = /^(?:(?:R|O|O 's|the|its) )*(P|he|she) (?:will|to|is|has|had|was|would)\b/.exec(head) ?? /(?:^|that )(?:(?:R|O|O 's) )*(P|he|she) (?:is|will|has|was)\b/.exec(head);
    if (m) return subjectBefore(ctx, v, vStart);
  }
  return null;
}

/** The person a verb without its own subject belongs to. */
function subjectBefore(ctx: SentCtx, v: View, vStart: number, preferLast = false): string | null {
  let cand: string | null = null;
  for (let k = 0; k < v.units.length; k++) {
    const p = v.pos[k] as number;
    if (p >= vStart) break;
    const u = v.units[k] as Unit;
    if (u.sym === ';') cand = null;
    if (u.type === 'P') {
      // the first person of the clause is its subject; later ones are objects
      if (cand === null || preferLast) cand = cand === null || !preferLast ? resolvePerson(ctx, v, u) : cand;
    } else if (/^(?:he|she)$/.test(u.sym) && cand === null) cand = resolvePerson(ctx, v, u);
  }
  if (preferLast) {
    const inSentence = ctx.protos.filter((p) => p.sent === ctx.si);
    const last = inSentence[inSentence.length - 1];
    if (last && !last.counterpart && last.direction) return last.name;
    if (last?.counterpart && last.direction === 'out') return last.name;
    if (last) {
      const subjProto = inSentence.find((p) => p.rule !== 'hand-in' && p.rule !== 'fire-with' && p.rule !== 'succeed-out');
      if (subjProto) return subjProto.name;
    }
  }
  return cand;
}

function resolvePerson(ctx: SentCtx, v: View, u: Unit): string {
  if (u.type === 'P') return ctx.resolve(u);
  // pronoun: the last subject in this sentence before it, else the last subject of the item
  const k = v.units.indexOf(u);
  for (let j = k - 1; j >= 0; j--) {
    const w = v.units[j] as Unit;
    if (w.type === 'P') return ctx.resolve(w);
  }
  return ctx.lastSubject ?? u.text;
}

/** "him"/"her": the most recent person other than the subject. */
function previousPerson(ctx: SentCtx, v: View, subj: string | null): string | null {
  for (let j = v.units.length - 1; j >= 0; j--) {
    const w = v.units[j] as Unit;
    if (w.type === 'P') {
      const n = ctx.resolve(w);
      if (n !== subj) {
        const pos = v.pos[j] as number;
        const firstP = v.str.indexOf('P');
        if (pos === firstP && subj && n !== subj) return n;
        if (pos !== firstP) continue;
      }
    }
  }
  for (let j = ctx.us.length - 1; j >= 0; j--) {
    const w = ctx.us[j] as Unit;
    if (w.type === 'P' && ctx.resolve(w) !== subj && !v.units.includes(w)) return ctx.resolve(w);
  }
  for (let i = ctx.protos.length - 1; i >= 0; i--) {
    const p = ctx.protos[i] as Proto;
    if (p.name !== subj) return p.name;
  }
  return null;
}

function continueRoles(ctx: SentCtx, v: View, m: RegExpExecArray, people: Unit[], direction: 'in' | 'out', reason: Reason | null, objectsMayChange = false): void {
  // "… CEO and chairman of HP Inc." / "names Wu Zeming CTO and Jane Jiang chief people officer" / ", Joe Tsai chairman"
  let rest = v.str.slice(m.index + m[0].length);
  let offset = m.index + m[0].length;
  for (let n = 0; n < 4; n++) {
    const mm = /^ (?:and|,|, and) (?:(?:O 's|its|the) )?(?:(P) (?:(?:as|to|to be|to become) )?(?:(?:its|the|O 's) )?)?R\b/.exec(rest);
    if (!mm) break;
    const rPos = offset + mm[0].length - 1;
    const k = v.pos.indexOf(rPos);
    const r = k >= 0 ? v.units[k] : undefined;
    if (!r?.role || r.role.descriptive) break;
    let target = people;
    if (mm[1]) {
      if (!objectsMayChange && !/^(?:in)$/.test(direction)) break;
      const pk = v.pos.indexOf(offset + mm[0].indexOf('P'));
      const pu = pk >= 0 ? v.units[pk] : undefined;
      if (!pu) break;
      target = [pu];
    }
    for (const p of target) emit(ctx, v, m, { person: p, direction, role: r.role, org: null, orgFrom: 'none', reason, conf: 0.85, rule: 'coordinated' });
    offset += mm[0].length;
    rest = v.str.slice(offset);
  }
}

function reasonFor(verb: string, direction: 'in' | 'out'): Reason | null {
  if (direction === 'out') {
    if (/^resign|^quit/.test(verb)) return 'resigned';
    if (/^retir/.test(verb)) return 'retired';
    if (/^(?:dies|died|has died|pass)/.test(verb)) return 'died';
    if (/^(?:oust|fire|remov|dismiss|sack|push|forc|ax|boot|termin)/.test(verb)) return 'fired';
    return null;
  }
  if (/^(?:promot|elevat)/.test(verb)) return 'promoted';
  if (/^(?:hire|poach|recruit|lure|land)/.test(verb)) return 'hired';
  if (/^elect/.test(verb)) return 'elected';
  return null;
}

interface EmitArgs {
  person: Unit;
  direction: 'in' | 'out';
  role: RoleInfo | null;
  org: string | null;
  orgFrom: Proto['orgFrom'];
  reason: Reason | null;
  conf: number;
  rule: string;
  counterpart?: Proto['counterpart'];
  agentOrg?: string | null;
  impliedTop?: boolean;
  boardDefault?: boolean;
  fallbackBoard?: boolean;
  successorOfSentence?: boolean;
  takeoverOf?: string | null;
  provisional?: boolean;
  /** "gives up both posts", "replacing X in both roles": one out per post filled in the item. */
  both?: boolean;
}

const PAST_PARTICIPLES = /^(?:named|appointed|elected|promoted|tapped|picked|chosen|selected|hired|made)$/;

/** Simple past or pluperfect ("stepped down", "was named", "had run"), not present perfect or future. */
function isPast(m: RegExpExecArray): boolean {
  const words = m[0].split(' ').filter((w) => w && !/^[A-Z]$/.test(w) && w !== ',' && w !== 'and' && w !== '&' && w !== "'s");
  for (const w of words) {
    if (/^(?:will|would|to|is|are|has|have|be|being|shall|can|may|set|plans|agreed)$/.test(w)) return false;
    if (/^(?:was|were|had)$/.test(w)) return true;
    if (PAST_PARTICIPLES.test(w)) return false; // headline passive: "X named CEO"
    if (PAST_IRREGULAR.test(w) || (/ed$/.test(w) && w.length > 4)) return true;
    if (/^(?:steps?|resigns?|retires?|leaves|departs?|exits?|joins?|becomes?|takes?|succeeds?|replaces?|returns?|names?|hands?|moves?|ousts?|fires?)$/.test(w)) return false;
  }
  return false;
}

function isBackground(ctx: SentCtx, m: RegExpExecArray, clause: string, subjName: string, before = ''): boolean {
  // "…, replacing William Amelio": a participle takes its time from the clause
  const participle = /^(?:replacing|succeeding|ousting|handing|ceding|taking over from)\b/.test(m[0]) || /(?:^|, )(?:replacing|succeeding) /.test(m[0]);
  const past = isPast(m) || (participle && (/\b(?:was|were|had|became|took|returned)\b/.test(clause) || /\b[a-z]+ed\b/.test(clause.split(/replacing|succeeding/)[0] ?? '')));
  const descs = ctx.descriptors.get(subjName) ?? [];
  const former = descs.some((d) => d.former && d.sent === ctx.si);
  if (/\b(?:days|weeks|months|years|a year|a decade|decades) later\b/i.test(clause)) return true;
  if (!past) return false;
  if (former) return true;
  // "… seven months after the board pushed out X", "since Y's exit": a subordinate past event
  const tailBefore = before.slice(before.lastIndexOf(';') + 1).split(/\b(?:said|says|announced|that)\b/).pop() ?? '';
  if (/\b(?:after|since|when|following|before|until|as)\b/.test(tailBefore)) return true;
  if (BACKGROUND.test(clause)) return true;
  const years = [...clause.matchAll(/\b(19\d\d|20\d\d)\b/g)].map((x) => Number(x[1]));
  if (years.some((y) => (ctx.pubYear ? y < ctx.pubYear : true))) return true;
  if (/\bin (?:early |late |mid-)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(clause) && !/\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|this week)\b/.test(clause)) return true;
  return false;
}

/** "won't replace", "did not name", "never stepped down": the trigger is negated. */
function negated(v: View | null, m: RegExpExecArray): boolean {
  const vs = m.indices?.groups?.v?.[0] ?? m.indices?.groups?.vo?.[0] ?? m.indices?.groups?.vi?.[0] ?? m.index;
  const str = v ? v.str : m.input;
  const before = str.slice(Math.max(0, vs - 40), vs);
  return /(?:^|\s)(?:not|never|n't|won't|wouldn't|didn't|doesn't|don't|can't|cannot|couldn't|shouldn't|isn't|aren't|wasn't|hasn't|haven't|no longer)(?: (?:even|yet|be|been|have|to|immediately|formally))* $/.test(before);
}

function emit(ctx: SentCtx, v: View, m: RegExpExecArray, a: EmitArgs): Proto | null {
  const name = resolvePerson(ctx, v, a.person);
  if (!name || /^(?:he|she|they|him|her)$/i.test(name)) return null;
  if (ctx.isModal(a.person)) return null;
  if (negated(v, m)) return null;
  const clause = v.relative ? relativeText(ctx, v) : localClauseText(ctx, v, m);
  if (isBackground(ctx, m, clause, name, v.str.slice(0, m.index))) {
    if (a.direction === 'in' && a.role && !a.role.descriptive) addDescriptor(ctx, name, a.role, a.org);
    return null;
  }
  if (v.relative && isPast(m) && !/\b(?:is|are|will|has|have)\b/.test(m[0]) && !/\b(?:also)\b/.test(clause)) {
    // a past appointment told in passing ("who became CEO") still tells us the post the person holds
    if (a.direction === 'in' && a.role && !a.role.descriptive) addDescriptor(ctx, name, a.role, a.org);
    return null;
  }
  return push(ctx, m, name, a);
}

/**
 * The words around a trigger that can date it: from the previous comma or semicolon to the next
 * comma, semicolon or subordinating word ("after", "when" …), appositives left out. "Intel said X
 * had resigned …, after the board learned of a relationship years ago" is dated by its own clause.
 */
function localClauseText(ctx: SentCtx, v: View, m: RegExpExecArray): string {
  const toks = ctx.sent.tokens;
  const start = m.index;
  const end = m.index + m[0].length;
  let a = 0;
  let b = v.units.length - 1;
  for (let k = 0; k < v.units.length; k++) {
    const p = v.pos[k] as number;
    const sym = (v.units[k] as Unit).sym;
    const boundary = sym === ';' || sym === ',' || /^(?:after|when|because|while|before|although|though|whereas|which|who)$/.test(sym);
    if (p < start && sym === ';') a = k + 1;
    if (p >= end && boundary) {
      b = k - 1;
      break;
    }
  }
  const parts: string[] = [];
  for (let j = a; j <= b; j++) {
    const w = v.units[j] as Unit;
    for (let t = w.s; t < w.e; t++) parts.push(toks[t]?.text ?? '');
  }
  return parts.join(' ');
}


function addDescriptor(ctx: SentCtx, name: string, role: RoleInfo, org: string | null): void {
  const list = ctx.descriptors.get(name) ?? [];
  list.push({ role, org: org ?? role.orgText, former: false, sent: ctx.si });
  ctx.descriptors.set(name, list);
}

function relativeText(ctx: SentCtx, v: View): string {
  const toks = ctx.sent.tokens;
  const first = v.units[1];
  const last = v.units[v.units.length - 1];
  if (!first || !last) return ctx.sent.text;
  const s = toks[first.s]?.start ?? ctx.sent.start;
  const e = toks[last.e - 1]?.end ?? ctx.sent.end;
  return ctx.sent.text.slice(s - ctx.sent.start, e - ctx.sent.start);
}

function emitNamed(
  ctx: SentCtx, m: RegExpExecArray, name: string, direction: 'in' | 'out', role: RoleInfo | null, org: string | null,
  counterpart: Proto['counterpart'], rule: string, conf: number, _ref: Proto | null, reason: Reason | null = null,
): Proto | null {
  if (MODALITY.test(ctx.sent.text.split(';').find((c) => c.includes(name.split(' ').pop() ?? name)) ?? ctx.sent.text)) return null;
  if (negated(null, m)) return null;
  if (isBackground(ctx, m, ctx.sent.text, name)) return null;
  return push(ctx, m, name, { person: { type: 'P', s: 0, e: 0, text: name, sym: 'P' }, direction, role, org, orgFrom: org ? 'explicit' : 'none', reason, conf, rule, counterpart });
}

function push(ctx: SentCtx, m: RegExpExecArray, name: string, a: EmitArgs): Proto {
  const role = a.role ?? (a.boardDefault ? boardRole() : null);
  const p: Proto = {
    sent: ctx.si,
    pos: m.index,
    name,
    aliases: a.person.aliases ? a.person.aliases.filter((x) => x !== name) : [],
    direction: a.direction,
    role,
    roleFrom: role ? 'explicit' : 'none',
    org: a.org ?? (role?.orgText ?? null),
    orgFrom: a.org ? a.orgFrom : role?.orgText ? 'explicit' : a.agentOrg ? 'agent' : 'none',
    interim: role?.interim ?? false,
    counterpart: a.counterpart ?? null,
    reason: a.reason,
    confidence: a.conf,
    rule: a.rule,
    evidence: [ctx.si],
    destination: null,
    impliedTop: a.impliedTop,
  };
  if (!p.org && a.agentOrg) p.org = a.agentOrg;
  if (a.takeoverOf) (p as Proto & { takeoverOf?: string }).takeoverOf = a.takeoverOf;
  if (a.successorOfSentence) (p as Proto & { successor?: boolean }).successor = true;
  if (a.fallbackBoard) (p as Proto & { fallbackBoard?: boolean }).fallbackBoard = true;
  if (a.provisional) (p as Proto & { provisional?: boolean }).provisional = true;
  if (a.both) (p as Proto & { both?: boolean }).both = true;
  if (/\b(?:expected|plans|planned|planning)\b/.test(m[0])) p.confidence -= 0.1;
  if (ctx.sent.isTitle) p.confidence = Math.min(1, p.confidence + 0.02);
  ctx.protos.push(p);
  if (a.direction && !['succeed-out', 'hand-in', 'fire-with', 'replaced-by-in'].includes(a.rule)) ctx.lastSubject = name;
  return p;
}

// One scan for any trigger before the per-rule gates (most sentences of an article have none).
let anyTrigger: RegExp | null = null;

function applyRules(ctx: SentCtx, v: View): void {
  if (!v.str.includes('P') && !/\b(?:he|she)\b/.test(v.str)) return;
  anyTrigger ??= new RegExp(RULES.map((r) => (r.gate ? r.gate.source : '')).filter(Boolean).map((x) => `(?:${x})`).join('|'));
  if (!anyTrigger.test(v.str)) return;
  for (const rule of RULES) {
    if (rule.gate && !rule.gate.test(v.str)) continue;
    rule.re.lastIndex = 0;
    for (const m of v.str.matchAll(rule.re)) {
      const g: Groups = {};
      const ind = m.indices?.groups ?? {};
      for (const [k, span] of Object.entries(ind)) if (span) g[k] = span as [number, number];
      rule.apply(ctx, v, m as RegExpExecArray, g);
    }
  }
}

// ---- resolution of what clauses leave implicit ------------------------------------------------

function resolveImplicit(protos: Proto[], descriptors: Map<string, Descriptor[]>, mainOrg: string | null, units: Unit[][], sentences: Sentence[]): void {
  const cats = (r: RoleInfo | null): Set<string> => roleCategories(r?.title ?? null);
  // 0. "both posts": the posts others take up in that sentence (else in the item)
  for (const p of [...protos]) {
    if (!(p as Proto & { both?: boolean }).both || p.direction !== 'out') continue;
    const ins = (sent: number | null): Proto[] => protos.filter((q) => q.direction === 'in' && q.role && q.name !== p.name && (sent === null || q.sent === sent));
    const pool = ins(p.sent).length >= 2 ? ins(p.sent) : ins(null);
    const seen = new Set<string>();
    const roles: RoleInfo[] = [];
    for (const q of pool) {
      const c = primaryRoleCategory(q.role?.title);
      if (seen.has(c)) continue;
      seen.add(c);
      roles.push({ ...(q.role as RoleInfo), interim: false });
    }
    if (roles.length < 2) continue;
    p.role = roles[0] as RoleInfo;
    p.roleFrom = 'counterpart';
    for (const r of roles.slice(1, 3)) protos.push({ ...p, role: r, evidence: [...p.evidence] });
  }
  // 1. roles: descriptors for outs, counterparts for successions
  for (let pass = 0; pass < 3; pass++) {
    for (const p of protos) {
      if (p.role) continue;
      if (p.direction === 'out') {
        const d = (descriptors.get(p.name) ?? []).filter((x) => !x.former && !x.role.descriptive);
        const best = d.find((x) => x.sent === p.sent) ?? d[0];
        if (best) {
          p.role = best.role;
          p.roleFrom = 'descriptor';
          if (!p.org && best.org) {
            p.org = best.org;
            p.orgFrom = 'descriptor';
          }
          continue;
        }
      }
      if (p.direction === 'in' && p.rule === 'succeed') {
        const mine = protos.find((q) => q !== p && q.name === p.name && q.direction === 'in' && q.role && q.roleFrom === 'explicit' && !roleCategories(q.role.title).has('Board'));
        if (mine?.role) {
          p.role = mine.role;
          p.roleFrom = 'counterpart';
          continue;
        }
      }
      const cp = protos.find((q) => q.counterpart?.name === p.name && q.direction !== p.direction && q.role && q.roleFrom !== 'counterpart')
        ?? (p.counterpart ? protos.find((q) => q.name === p.counterpart?.name && q.direction !== p.direction && q.role && q.sent === p.sent) : null);
      if (cp?.role) {
        p.role = { ...cp.role, interim: p.direction === 'in' ? false : cp.role.interim, title: p.direction === 'in' ? cp.role.title.replace(/^(?:interim|acting)\s+/i, '') : cp.role.title };
        p.roleFrom = 'counterpart';
        continue;
      }
      if (p.counterpart && p.direction === 'out') {
        const d = (descriptors.get(p.name) ?? []).filter((x) => !x.role.descriptive);
        if (d[0]) {
          p.role = d[0].role;
          p.roleFrom = 'descriptor';
          continue;
        }
      }
      // a change in the same sentence the other way (X steps down; Y takes over)
      const other = protos.find((q) => q !== p && q.sent === p.sent && q.direction !== p.direction && q.role && q.name !== p.name);
      const rivals = protos.filter((q) => q.sent === p.sent && q.direction === p.direction && !q.role && q.rule === p.rule && q.pos === p.pos);
      if (rivals.length > 1 && rivals[0] !== p && other?.role && !other.role.plural && !/\bco-/i.test(other.role.title)) continue;
      if (other?.role && (p.impliedTop || (p as Proto & { successor?: boolean }).successor || p.rule === 'in-takeover' || p.direction === 'out')) {
        p.role = { ...other.role, interim: false, title: other.role.title.replace(/^(?:interim|acting)\s+/i, '') };
        p.roleFrom = 'counterpart';
        continue;
      }
      const same = protos.find((q) => q !== p && q.name === p.name && q.direction === p.direction && q.role);
      if (same?.role && pass >= 1) {
        p.role = same.role;
        p.roleFrom = 'counterpart';
        continue;
      }
      if (pass === 2 && p.direction === 'out') {
        // "co-founders X and Y resign": the only title the item gives them
        const d = (descriptors.get(p.name) ?? []).find((x) => !x.former);
        if (d) {
          p.role = d.role;
          p.roleFrom = 'descriptor';
          p.confidence -= 0.15;
          continue;
        }
      }
      if (pass === 2) {
        // the post the item is about: "JD.com gets its second new CEO …"
        const topicRole = (units[0] ?? []).find((u) => u.type === 'R' && u.role && !u.role.descriptive)?.role;
        if (topicRole && (p.rule === 'in-takeover' || p.rule === 'succeed' || p.rule === 'succeed-out' || p.counterpart)) {
          p.role = { ...topicRole, interim: false, title: topicRole.title.replace(/^(?:interim|acting|new)\s+/i, '') };
          p.roleFrom = 'implied';
          p.confidence -= 0.1;
          continue;
        }
      }
      if (pass >= 1) {
        const anyOther = protos.find((q) => q.direction !== p.direction && q.role && q.name !== p.name && Math.abs(q.sent - p.sent) <= 2);
        const takeover = (p as Proto & { takeoverOf?: string }).takeoverOf;
        if (takeover && p.direction === 'in') {
          p.role = { title: `head of ${takeover}`, interim: false, orgText: null, plural: false, descriptive: false };
          p.roleFrom = 'implied';
        } else if (anyOther?.role) {
          p.role = { ...anyOther.role, interim: false, title: anyOther.role.title.replace(/^(?:interim|acting)\s+/i, '') };
          p.roleFrom = 'counterpart';
        } else if (p.impliedTop) {
          p.role = { title: 'CEO', interim: false, orgText: null, plural: false, descriptive: false };
          p.roleFrom = 'implied';
        }
      }
    }
  }
  for (const p of protos) {
    if (!p.role && (p as Proto & { fallbackBoard?: boolean }).fallbackBoard) {
      p.role = boardRole();
      p.roleFrom = 'implied';
    }
  }
  // 2. organisations
  for (const p of protos) {
    if (p.org) continue;
    if (p.direction === 'out') {
      const d = (descriptors.get(p.name) ?? []).find((x) => x.org && !x.former && (!p.role || intersects(cats(p.role), cats(x.role))));
      if (d?.org) {
        p.org = d.org;
        p.orgFrom = 'descriptor';
        continue;
      }
    }
    // the same post changing hands: take the organisation of the other side
    const linked = protos.find((q) => q !== p && q.org && q.direction !== p.direction && intersects(cats(p.role), cats(q.role)) && (q.counterpart?.name === p.name || p.counterpart?.name === q.name));
    const other = linked ?? protos.find((q) => q !== p && q.org && q.direction !== p.direction && Math.abs(q.sent - p.sent) <= 1 && intersects(cats(p.role), cats(q.role)) && (q.sent === p.sent || q.orgFrom === 'explicit'));
    if (other?.org) {
      p.org = other.org;
      p.orgFrom = 'counterpart';
      if (!p.counterpart && !other.counterpart && other.role && p.role && other.sent <= p.sent && primaryRoleCategory(other.role.title) === primaryRoleCategory(p.role.title)) {
        p.counterpart = { name: other.name, relation: p.direction === 'in' ? 'succeeds' : 'succeeded_by' };
        other.counterpart = { name: p.name, relation: p.direction === 'in' ? 'succeeded_by' : 'succeeds' };
      }
      continue;
    }
    // the organisation under discussion: the latest change with an explicit one, this sentence or the one before
    // (not the organisation the same person is leaving)
    const near = protos.filter((q) => q !== p && q.org && (q.orgFrom === 'explicit' || q.orgFrom === 'agent') && q.sent <= p.sent && p.sent - q.sent <= 1 && q.sent > 0 && q.rule !== 'join-elsewhere' && q.name !== p.name);
    const topic = near.filter((q) => q.direction === 'in').pop() ?? near.pop();
    if (topic?.org && p.sent > 0) {
      p.org = topic.org;
      p.orgFrom = 'counterpart';
      continue;
    }
    const inClause = firstOrgInSentence(units[p.sent] ?? [], p.name);
    if (inClause && (p.sent === 0 || !mainOrg)) {
      p.org = inClause;
      p.orgFrom = 'clause';
      continue;
    }
    if (mainOrg) {
      p.org = mainOrg;
      p.orgFrom = 'item';
    }
  }
  // 3. interim from titles or from "provisionally"/"until a successor is found"
  for (const p of protos) {
    if ((p as Proto & { provisional?: boolean }).provisional && p.role && !p.role.interim) {
      p.role = { ...p.role, interim: true, title: `interim ${p.role.title}` };
    }
    if (p.role?.interim) p.interim = true;
  }
  void sentences;
}

function intersects(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return a.has('Other') || b.has('Other');
}

function firstOrgInSentence(us: Unit[], person: string): string | null {
  for (let k = 0; k < us.length; k++) {
    const u = us[k] as Unit;
    if (u.type !== 'O') continue;
    // "Alibaba's Lucy Peng": the person's old employer, not the post's
    const next = us[k + 1];
    const after = us[k + 2];
    if (next?.sym === "'s" && after?.type === 'P' && person.includes(after.text)) continue;
    return u.text;
  }
  return null;
}

/**
 * Posts left implicitly: a new holder named while the item calls someone else the current holder
 * ("Thomas Seifert, who has been interim CEO, will remain CFO"), or while the other person stays on
 * or moves to executive chair ("IBM names Krishna CEO, Rometty to remain executive chairman").
 */
function inferVacated(protos: Proto[], descriptors: Map<string, Descriptor[]>, stays: Array<{ name: string; role: RoleInfo; sent: number }>, mainOrg: string | null): void {
  const cats = (t: string | undefined): Set<string> => roleCategories(t ?? null);
  const meets = (a: Set<string>, b: Set<string>): boolean => [...a].some((x) => b.has(x) && x !== 'Other');
  const sameOrg = (a: string | null, b: string | null): boolean => {
    const x = (a ?? mainOrg ?? '').toLowerCase().split(/[^a-z0-9]+/).filter((w) => w && !/^(?:inc|corp|co|ltd|group|holdings|the|company)$/.test(w));
    const y = (b ?? mainOrg ?? '').toLowerCase().split(/[^a-z0-9]+/).filter((w) => w && !/^(?:inc|corp|co|ltd|group|holdings|the|company)$/.test(w));
    if (!x.length || !y.length) return false;
    if (x.map((w) => w[0]).join('') === y.join('') || y.map((w) => w[0]).join('') === x.join('')) return true;
    const [sm, bg] = x.length <= y.length ? [x, y] : [y, x];
    return sm.every((w) => bg.includes(w));
  };
  const hasChange = (name: string, dir: 'in' | 'out', c: Set<string>, org?: string | null): boolean =>
    protos.some((q) => q.name === name && q.direction === dir && meets(cats(q.role?.title), c) && (org === undefined || sameOrg(q.org, org)));
  const added: Proto[] = [];
  for (const a of protos) {
    if (a.direction !== 'in' || !a.role) continue;
    const c = cats(a.role.title);
    if (c.has('Board') || c.has('Other') || c.has('Head') || c.has('VP')) continue;
    if ([...protos, ...added].some((q) => q.direction === 'out' && q.name !== a.name && meets(cats(q.role?.title), c) && sameOrg(q.org, a.org))) continue;
    // (a) someone the item calls the current holder
    for (const [name, ds] of descriptors) {
      if (name === a.name || name.includes(a.name) || a.name.includes(name)) continue;
      const orgOf = (x: Descriptor): string | null => x.org ?? protos.find((q) => q.sent === x.sent && q.org && q.orgFrom !== 'item')?.org ?? null;
      const unitPost = (x: Descriptor): boolean => /\s(?:of|for)\s/i.test(x.role.title) && !(x.role.orgText && a.org && x.role.orgText.toLowerCase() === a.org.toLowerCase());
      const d = ds.find((x) => !x.former && !x.role.descriptive && !unitPost(x) && meets(cats(x.role.title), c) && sameOrg(orgOf(x), a.org) && !/^co-|\bco-/i.test(x.role.title));
      if (!d || hasChange(name, 'out', c) || hasChange(name, 'in', c, a.org)) continue;
      if (!protos.some((q) => q.name === name) && !stays.some((st) => st.name === name) && Math.abs(d.sent - a.sent) > 3) continue;
      added.push(vacate(name, d.role, a, 0.7, [d.sent, a.sent]));
      break;
    }
    if (added.some((q) => q.counterpart?.name === a.name)) continue;
    // (b) someone in the same sentence who stays on in, or moves to, another post
    const others = [
      ...stays.filter((st) => st.sent === a.sent && st.name !== a.name).map((st) => ({ name: st.name, role: st.role, sent: st.sent })),
      ...protos.filter((q) => (q.sent === a.sent || (a.rule === 'hand-in' && Math.abs(q.sent - a.sent) <= 1)) && q.direction === 'in' && q.name !== a.name && q.role && /\bexecutive chair/i.test(q.role.title) && c.has('CEO') && sameOrg(q.org, a.org)).map((q) => ({ name: q.name, role: q.role as RoleInfo, sent: q.sent })),
    ];
    for (const o of others) {
      if (a.role.interim) break;
      if (meets(cats(o.role.title), c) || hasChange(o.name, 'out', c) || hasChange(o.name, 'in', c)) continue;
      added.push(vacate(o.name, { ...a.role, interim: false, title: a.role.title.replace(/^(?:interim|acting|permanent|new)\s+/i, '') }, a, 0.65, [a.sent]));
      break;
    }
  }
  protos.push(...added);
}

function vacate(name: string, role: RoleInfo, a: Proto, conf: number, evidence: number[]): Proto {
  return {
    sent: a.sent, pos: a.pos + 1, name, aliases: [], direction: 'out', role, roleFrom: 'descriptor', org: a.org, orgFrom: a.orgFrom,
    interim: role.interim, counterpart: { name: a.name, relation: 'succeeded_by' }, reason: null, confidence: conf,
    rule: 'vacated', evidence: [...new Set(evidence)].sort((x, y) => x - y), destination: null,
  };
}
