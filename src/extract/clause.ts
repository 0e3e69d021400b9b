// Reading one clause: the sentence context the rules see, the helpers that find a clause's
// subject, object and counterpart, and `emit`, which turns a reading into a change unless the
// clause is a rumour, negated, or background.
import type { Reason } from '../core/change.js';
import type { RoleInfo, Unit } from './mentions.js';
import { BACKGROUND, MODALITY } from './patterns.js';
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
  /** The organisation speaking in the sentence ("Harbour Lines said …"), the employer when nothing nearer says. */
  speakerOrg?: string | null;
}

export interface Descriptor {
  role: RoleInfo;
  org: string | null;
  former: boolean;
  sent: number;
}

export interface View {
  units: Unit[];
  /** Indices into the sentence's units. */
  idx: number[];
  str: string;
  pos: number[];
  /** Relative-clause view: the antecedent person stands as subject. */
  relative: boolean;
}

const MONTH_INDEX = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export const PAST_IRREGULAR = /^(?:took|became|left|quit|gave|ran|led|rose|came|stood|chose|made|was|were|had|stepped|passed|handed)$/;
export interface SentCtx {
  si: number;
  sent: Sentence;
  us: Unit[];
  pubYear: number | null;
  /** Month of publication (1–12), when known. */
  pubMonth: number | null;
  resolve: (u: Unit) => string;
  descriptors: Map<string, Descriptor[]>;
  protos: Proto[];
  mainOrg: string | null;
  lastSubject: string | null;
  isModal: (u: Unit) => boolean;
  clauseText: (u: Unit) => string;
  stays: Array<{ name: string; role: RoleInfo; sent: number }>;
  /** "The company also elected three directors." — a post given to people the next sentence names. */
  plural: Array<{ role: RoleInfo; sent: number }>;
  allUnits: Unit[][];
  /** "Harbour Lines Inc said …", "…, Harbour Lines said": the organisation the sentence reports. */
  speaker: string | null;
}

export type Groups = Record<string, [number, number] | undefined>;

export function unitsIn(v: View, span: [number, number] | undefined): number[] {
  if (!span) return [];
  const out: number[] = [];
  for (let k = 0; k < v.pos.length; k++) {
    const p = v.pos[k] as number;
    if (p >= span[0] && p < span[1]) out.push(k);
  }
  return out;
}
export function unitAt(v: View, span: [number, number] | undefined): Unit | null {
  const ks = unitsIn(v, span);
  return ks.length ? (v.units[ks[0] as number] as Unit) : null;
}
export function peopleIn(v: View, span: [number, number] | undefined): Unit[] {
  return unitsIn(v, span).map((k) => v.units[k] as Unit).filter((u) => u.type === 'P' || /^(?:he|she|they)$/.test(u.sym));
}

export function pluralRoleInItem(ctx: SentCtx): RoleInfo | null {
  for (let s = 0; s <= ctx.si; s++) {
    for (const u of ctx.allUnits[s] ?? []) if (u.type === 'R' && u.role && (/\bco-/i.test(u.role.title))) return u.role;
  }
  return null;
}

export function boardRole(): RoleInfo {
  return { title: 'board member', interim: false, orgText: null, plural: false, descriptive: false };
}

export function sameWords(a: string, b: string): boolean {
  const w = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return w(a) === w(b);
}

export function unitAfterTakeover(v: View, m: RegExpExecArray): string | null {
  const rest = v.str.slice(m.index + m[0].length - (m.groups?.tail ?? '').length);
  const mm = /^\s*O\b/.exec(rest);
  if (!mm) return null;
  const k = v.pos.indexOf(m.index + m[0].length - (m.groups?.tail ?? '').length + mm[0].length - 1);
  return k >= 0 ? (v.units[k] as Unit).text : null;
}

/** The organisation acting in an appoint/fire clause: the last O before the verb in the view. */
export function agentBefore(v: View, m: RegExpExecArray): string | null {
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
export function conjSubject(ctx: SentCtx, v: View, vStart: number): string | null {
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
export function subjectBefore(ctx: SentCtx, v: View, vStart: number, preferLast = false): string | null {
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

export function resolvePerson(ctx: SentCtx, v: View, u: Unit): string {
  if (u.type === 'P') return ctx.resolve(u);
  // "they" stands for several people: never for the one person last named
  if (u.sym === 'they') return u.text;
  // pronoun: the last subject in this sentence before it, else the last subject of the item
  const k = v.units.indexOf(u);
  for (let j = k - 1; j >= 0; j--) {
    const w = v.units[j] as Unit;
    if (w.type === 'P') return ctx.resolve(w);
  }
  return ctx.lastSubject ?? u.text;
}

/** "him"/"her": the most recent person other than the subject. */
export function previousPerson(ctx: SentCtx, v: View, subj: string | null): string | null {
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

export function continueRoles(ctx: SentCtx, v: View, m: RegExpExecArray, people: Unit[], direction: 'in' | 'out', reason: Reason | null, objectsMayChange = false): void {
  // "… CEO and chairman of HP Inc." / "names Wu Zeming CTO and Jane Jiang chief people officer" / ", Joe Tsai chairman"
  let rest = v.str.slice(m.index + m[0].length);
  let offset = m.index + m[0].length;
  for (let n = 0; n < 4; n++) {
    const mm = /^ (?:and|,|, and|, as well as|as well as|, plus) (?:(?:O 's|its|the|a|an) )?(?:(P) (?:(?:as|to|to be|to become) )?(?:(?:its|the|O 's) )?)?R\b/.exec(rest);
    if (!mm) break;
    const rPos = offset + mm[0].length - 1;
    const k = v.pos.indexOf(rPos);
    const r = k >= 0 ? v.units[k] : undefined;
    if (!r?.role || r.role.descriptive) break;
    // "… and vice president-sales Piet Maas has been named": the title belongs to the next subject
    if (v.units[k + 1]?.type === 'P') break;
    let target = people;
    if (mm[1]) {
      if (!objectsMayChange && !/^(?:in)$/.test(direction)) break;
      const pk = v.pos.indexOf(offset + mm[0].indexOf('P'));
      const pu = pk >= 0 ? v.units[pk] : undefined;
      if (!pu) break;
      target = [pu];
    }
    const role = r.role;
    const made = target.map((p) => emit(ctx, v, m, { person: p, direction, role, org: null, orgFrom: 'none', reason, conf: 0.85, rule: 'coordinated' }));
    offset += mm[0].length;
    rest = v.str.slice(offset);
    // "… and William Hamilton president, succeeding Warren": the one succeeded leaves that post
    const succ = direction === 'in' && mm[1] ? /^ (?:, )?(?:succeeding|replacing) (?:(?:R|O 's R|the|its) )*P\b/.exec(rest) : null;
    const inP = made[0];
    if (succ && inP) {
      const ck = v.pos.indexOf(offset + succ[0].length - 1);
      const cu = ck >= 0 ? v.units[ck] : undefined;
      if (cu?.type === 'P' && ctx.resolve(cu) !== inP.name) {
        emitNamed(ctx, m, ctx.resolve(cu), 'out', role, null, { name: inP.name, relation: 'succeeded_by' }, 'coordinated-succeeding', 0.8, inP);
        inP.counterpart = { name: ctx.resolve(cu), relation: 'succeeds' };
      }
    }
  }
}

export function reasonFor(verb: string, direction: 'in' | 'out'): Reason | null {
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

export interface EmitArgs {
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
export function isPast(m: RegExpExecArray): boolean {
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

const PAST_BEFORE = /^(?: [^ .;]+){0,6}? (?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few) (?:days|weeks|months|years) before\b/;

export function isBackground(ctx: SentCtx, m: RegExpExecArray, clause: string, subjName: string, before = ''): boolean {
  // "…, replacing William Amelio": a participle takes its time from the clause
  const participle = /^(?:replacing|succeeding|ousting|handing|ceding|taking over from)\b/.test(m[0]) || /(?:^|, )(?:replacing|succeeding) /.test(m[0]);
  const past = isPast(m) || (participle && (/\b(?:was|were|had|became|took|returned)\b/.test(clause) || /\b[a-z]+ed\b/.test(clause.split(/replacing|succeeding/)[0] ?? '')));
  const descs = ctx.descriptors.get(subjName) ?? [];
  const former = descs.some((d) => d.former && d.sent === ctx.si);
  if (/\b(?:days|weeks|months|years|a year|a decade|decades) later\b/i.test(clause)) return true;
  if (!past) return false;
  if (former) return true;
  // "quit as president 10 months before the bank collapsed": dated against a later past event
  if (PAST_BEFORE.test(m.input.slice(m.index + m[0].length, m.index + m[0].length + 80))) return true;
  // "… seven months after the board pushed out X", "since Y's exit": a subordinate past event
  const tailBefore = before.slice(before.lastIndexOf(';') + 1).split(/\b(?:said|says|announced|that)\b/).pop() ?? '';
  // ("In addition to his duties as chairman, X was named …": "as" before a title is a preposition, not "when")
  if (/\b(?:after|since|when|following|before|until|as)\b/.test(tailBefore.replace(/\bas (?:(?:its|the|a|an|his|her) )?R\b/g, ''))) return true;
  if (BACKGROUND.test(clause)) return true;
  const years = [...clause.matchAll(/\b(19\d\d|20\d\d)\b/g)].map((x) => Number(x[1]));
  if (years.some((y) => (ctx.pubYear ? y < ctx.pubYear : true))) return true;
  // "was elected president effective July 1" in an October story: done months ago
  const eff = /\beffective (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.exec(clause);
  if (eff && ctx.pubMonth && MONTH_INDEX.indexOf((eff[1] ?? '').toLowerCase()) + 1 < ctx.pubMonth - 1) return true;
  if (/\bin (?:early |late |mid-)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(clause) && !/\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|this week)\b/.test(clause)) return true;
  return false;
}

/** "won't replace", "did not name", "never stepped down": the trigger is negated. */
export function negated(v: View | null, m: RegExpExecArray): boolean {
  const vs = m.indices?.groups?.v?.[0] ?? m.indices?.groups?.vo?.[0] ?? m.indices?.groups?.vi?.[0] ?? m.index;
  const str = v ? v.str : m.input;
  const before = str.slice(Math.max(0, vs - 40), vs);
  return /(?:^|\s)(?:not|never|n't|won't|wouldn't|didn't|doesn't|don't|can't|cannot|couldn't|shouldn't|isn't|aren't|wasn't|hasn't|haven't|no longer)(?: (?:even|yet|be|been|have|to|immediately|formally))* $/.test(before);
}

export function emit(ctx: SentCtx, v: View, m: RegExpExecArray, a: EmitArgs): Proto | null {
  const name = resolvePerson(ctx, v, a.person);
  if (!name || /^(?:he|she|they|him|her)$/i.test(name)) return null;
  if (ctx.isModal(a.person)) return null;
  if (negated(v, m)) return null;
  const clause = v.relative ? relativeText(ctx, v) : localClauseText(ctx, v, m);
  // "He replaces Jeff Zhang, who stepped down as president": why the post is open is part of the news
  if (v.relative && a.direction === 'out' && replacedAntecedent(ctx, v) && !olderYear(ctx, clause)) return push(ctx, m, name, a);
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

/** A relative clause's antecedent is the object of a succession: "replaces X, who …", "succeeding X, who …". */
function replacedAntecedent(ctx: SentCtx, v: View): boolean {
  const ante = v.idx[0] ?? -1;
  for (let k = ante - 1; k >= Math.max(0, ante - 5); k--) {
    const u = ctx.us[k] as Unit;
    if (/^(?:replaces|replace|replaced|replacing|succeeds|succeed|succeeded|succeeding)$/.test(u.sym)) return true;
    if (!(u.type === 'R' || u.type === 'O' || /^(?:'s|the|its|his|her|outgoing|retiring|longtime|founder|co-founder)$/.test(u.sym))) return false;
  }
  return false;
}

/** A year more than one before publication ("who resigned in 2015"). */
function olderYear(ctx: SentCtx, clause: string): boolean {
  return [...clause.matchAll(/\b(?:19|20)\d\d\b/g)].some((x) => ctx.pubYear !== null && Number(x[0]) < ctx.pubYear - 1);
}

/**
 * The words around a trigger that can date it: from the previous comma or semicolon to the next
 * comma, semicolon or subordinating word ("after", "when" …), appositives left out. "Intel said X
 * had resigned …, after the board learned of a relationship years ago" is dated by its own clause.
 */
export function localClauseText(ctx: SentCtx, v: View, m: RegExpExecArray): string {
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


export function addDescriptor(ctx: SentCtx, name: string, role: RoleInfo, org: string | null): void {
  const list = ctx.descriptors.get(name) ?? [];
  list.push({ role, org: org ?? role.orgText, former: false, sent: ctx.si });
  ctx.descriptors.set(name, list);
}

export function relativeText(ctx: SentCtx, v: View): string {
  const toks = ctx.sent.tokens;
  const first = v.units[1];
  const last = v.units[v.units.length - 1];
  if (!first || !last) return ctx.sent.text;
  const s = toks[first.s]?.start ?? ctx.sent.start;
  const e = toks[last.e - 1]?.end ?? ctx.sent.end;
  return ctx.sent.text.slice(s - ctx.sent.start, e - ctx.sent.start);
}

export function emitNamed(
  ctx: SentCtx, m: RegExpExecArray, name: string, direction: 'in' | 'out', role: RoleInfo | null, org: string | null,
  counterpart: Proto['counterpart'], rule: string, conf: number, _ref: Proto | null, reason: Reason | null = null,
): Proto | null {
  if (MODALITY.test(ctx.sent.text.split(';').find((c) => c.includes(name.split(' ').pop() ?? name)) ?? ctx.sent.text)) return null;
  if (negated(null, m)) return null;
  if (isBackground(ctx, m, ctx.sent.text, name)) return null;
  return push(ctx, m, name, { person: { type: 'P', s: 0, e: 0, text: name, sym: 'P' }, direction, role, org, orgFrom: org ? 'explicit' : 'none', reason, conf, rule, counterpart });
}

export function push(ctx: SentCtx, m: RegExpExecArray, name: string, a: EmitArgs): Proto {
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
    speakerOrg: ctx.speaker,
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

