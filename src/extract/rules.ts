// The clause patterns: each reads a trigger with the structure around it and emits changes
// through the helpers of clause.ts. See patterns.ts for the shared vocabulary.
import type { Reason } from '../core/change.js';
import {
  addDescriptor, agentBefore, boardRole, conjSubject, continueRoles, emit, emitNamed, peopleIn, pluralRoleInItem,
  previousPerson, reasonFor, resolvePerson, sameWords, subjectBefore, unitAfterTakeover, unitAt, unitsIn,
  type Groups, type SentCtx, type View,
} from './clause.js';
import type { RoleInfo, Unit } from './mentions.js';
import { APPOINT, AUX, FIRE, HAND, OUT_OBJ, PERSON_DESC, SUBJ, V_IN_ROLE, V_OUT } from './patterns.js';

interface Rule {
  name: string;
  re: RegExp;
  /** A cheap test the view must pass before `re` runs (the trigger words alone). */
  gate?: RegExp;
  apply: (ctx: SentCtx, v: View, m: RegExpExecArray, g: Groups) => void;
}

// Patterns that start with a word use \b (a fast scan); those that may start with punctuation need the lookbehind.
const rx = (s: string): RegExp => new RegExp(/^(?:\(\?:,|;)/.test(s) ? `(?<![\\w'])${s}(?![\\w'])` : `\\b${s}(?![\\w'])`, 'gd');

const ROLE = ` (?:(?:a|the|an|its|his|her) (?:newly )?(?:(?:new|created|added|additional|vacant|combined|expanded|newly-created|newly created) )*(?:post|role|position|job|title|duties|responsibilities|functions|office)s? (?:of |, |as )?)?(?:(?:its|the|their|a|an|as|his|her) )*(?:(?<o>O) (?:'s )?)?(?:(?:the )?(?:[a-z][a-z-]* ){1,3}'s )?(?:(?:new|next|permanent|first|sole|incoming|new interim|group|unit) )*(?<r>R)`;

/** "EA Sports" of "Electronic Arts", "Google Cloud" of "Google": a unit named after its company. */
function unitOf(unit: string, company: string): boolean {
  const head = (unit.split(/\s+/)[0] ?? '').toLowerCase();
  const words = company.toLowerCase().split(/\s+/).filter(Boolean);
  return words.includes(head) || words.map((w) => w[0]).join('') === head;
}

/** Posts below the leadership ranks, named where a title would stand ("appointed X treasurer"). */
const BELOW_LEADERSHIP = /^ (?:treasurer|secretary|controller|comptroller|manager|engineer|auditor|spokesman|spokeswoman|spokesperson|adviser|advisor|consultant|analyst|economist|coach|actuary|cashier|clerk)$/;

const LEFT_TO_BECOME = /^ to (?:become|accept the (?:position|post|job|role|title) of|take up the (?:position|post|job|role) of|assume the (?:position|post|role) of) (?:(?:its|the|a|an) )?(?:(?<o>O) (?:'s )?)?(?<r>R)(?! P)/d;
/** Why someone "has left": to pursue other things (a reason given only for a departure). */
const PURSUE = /^ (?:the company )?to (?:pursue|explore|seek) (?:other|new) (?:opportunities|interests|ventures|challenges)\b/;
const shiftSpan = (span: [number, number] | undefined, by: number): [number, number] | undefined => (span ? [span[0] + by, span[1] + by] : undefined);

export const RULES: Rule[] = [
  {
    // "Jeff Bezos will step down as chief executive", "Infosys CEO Vishal Sikka resigns", "Jeff Zhang is leaving his job as president of X"
    name: 'out-self',
    gate: new RegExp(`\\b${V_OUT}(?![\\w'])`),
    re: rx(`${SUBJ} ${AUX}(?<v>${V_OUT})${OUT_OBJ}(?: (?:(?:on|in|at|effective) (?:M |\\w+ )?(?:\\d+ )?(?:Y )?)?in favou?r of (?:(?:R|O 's R|the|its) )*(?<cf>P))?`),
    apply(ctx, v, m, g) {
      const verb = m.groups?.v ?? '';
      const cf = unitAt(v, g.cf);
      const r = unitAt(v, g.r) ?? unitAt(v, g.r2) ?? unitAt(v, g.r3);
      const o = unitAt(v, g.o) ?? unitAt(v, g.o2) ?? unitAt(v, g.o3) ?? unitAt(v, g.o4);
      if (verb === 'out' && !/\b(?:are|is|was|were)\s*$/.test(m[0].slice(0, (m.indices?.groups?.v?.[0] ?? 0) - m.index)) && !(ctx.sent.isTitle && (r || o))) return;
      // a bare "left" is background unless the sentence says why ("has left to pursue other opportunities")
      if (/^(?:left|leave|leaves|leaving|quit|quits|exit|exits|depart|departs)$/.test(verb) && !r && !o && !g.board && !/\b(?:will|to|is|are)\b/.test(m[0]) && /^left$/.test(verb)
        && !(/\bhas $/.test(m[0].slice(0, (m.indices?.groups?.v?.[0] ?? 0) - m.index)) && PURSUE.test(v.str.slice(m.index + m[0].length)))) return;
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
      // "resigned as president of the company and president of Kierulff, its largest division"
      if (r) continueRoles(ctx, v, m, peopleIn(v, g.s), 'out', reasonFor(verb, 'out'));
      // "resigned as president of its unit to accept the position of president of Wolverine": the post left for
      const end = m.index + m[0].length;
      const next = LEFT_TO_BECOME.exec(v.str.slice(end));
      const nr = next ? unitAt(v, shiftSpan(next.indices?.groups?.r, end)) : null;
      if (!nr?.role || nr.role.descriptive) return;
      const no = unitAt(v, shiftSpan(next?.indices?.groups?.o, end));
      for (const p of peopleIn(v, g.s)) emit(ctx, v, m, { person: p, direction: 'in', role: nr.role, org: no?.text ?? null, orgFrom: no ? 'explicit' : 'none', reason: null, conf: 0.85, rule: 'out-to-become' });
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
    gate: new RegExp(`\\b(?:${V_IN_ROLE}|returns?|returning|returned|rejoins?|rejoined|rejoining|joins?|joined|joining|moves|moving|move|comes back|come back|heads back|head back)(?![\\w'])`),
    re: rx(`${SUBJ} ${AUX}(?:(?<v>${V_IN_ROLE})|(?<v2>returns?|returning|returned|rejoins?|rejoined|rejoining|joins?|joined|joining|moves|moving|move|comes back|come back|heads back|head back) (?:to )?(?:(?:the|its|parent) )?(?:(?<oj>O)(?: 's)?(?: as)?|(?<ojp>P) as))${ROLE}(?! P)(?: (?:(?:on|in|at|effective) (?:M |\\w+ )?(?:\\d+ )?(?:Y )?)?(?:from|replacing|succeeding|, replacing|, succeeding|, taking over from|taking over from) (?:(?:R|O 's R|O R|the|its|retiring|outgoing|co-founder|founder|longtime) )*(?<c>P))?`),
    apply(ctx, v, m, g) {
      const r = unitAt(v, g.r);
      const cu = unitAt(v, g.c);
      if (!r?.role || r.role.descriptive) return;
      if (/\bof the (?:year|decade|month)\b/i.test(r.role.title)) return;
      // "Karmazin Joins Sirius As CEO": what one joins as an officer is an employer, even where the name reads as a person's
      const o = unitAt(v, g.o) ?? unitAt(v, g.oj) ?? unitAt(v, g.ojp);
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
    gate: /\b(?:take|takes|took|taking|assume|assumes|assumed|assuming|step|steps|stepping|is taking|regain|regains|regained|reclaim|reclaims|reclaimed)\b/,
    re: rx(`${SUBJ} ${AUX}(?:(?<v>take|takes|took|taking|assume|assumes|assumed|assuming|step in|steps in|stepping in|step up|steps up|is taking|take up|takes up|take on|takes on|regain|regains|regained|reclaim|reclaims|reclaimed) (?:over|the helm|charge|the reins|the top job|the top post|the top spot|top spot|control|the job|the role|the post|the chief executive role|both roles|both posts|both positions|the roles|the posts|the management|management|the job|the role|the post|the chief executive role|both roles|both posts|both positions|the roles|the posts|the management|management)|(?<v3>steps in|step in|stepping in)(?= *(?:$|;|,|\\.|as\\b|to\\b)))(?: (?:at|of|as head of) (?:the )?(?<o>O))?(?<tail>.*)?`),
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
    re: rx(`${SUBJ} ${AUX}(?:(?:appointed|named|picked|tapped|chosen|elected|selected|brought in) )?(?:to )?(?<v>succeed|succeeds|succeeded|succeeding|replace|replaces|replaced|replacing|(?:take|takes|took|taking) over(?: (?:on|in|at|by|next|early|late|effective)(?: \\S+){1,3}?)? from) (?:(?:R|O 's R|O R|the|its|his|her|co-founder|founder|retiring|outgoing|departing|longtime|current|incumbent|embattled|ousted|former|founding) )*${PERSON_DESC}?(?<c>(?:P (?:and|&) )?P|him|her)(?: (?:as|at) (?:the )?(?:(?<o>O) (?:'s )?)?(?<r>R)?(?:helm)?| in (?:the )?(?<unit>O)(?! 's))?`),
    apply(ctx, v, m, g) {
      const unit = unitAt(v, g.unit);
      // "will succeed Williams in Corporate Banking": the post is the head of the unit named
      const r = unitAt(v, g.r) ?? (unit ? { ...unit, type: 'R' as const, role: { title: `head of ${unit.text}`, interim: false, orgText: unit.text, plural: false, descriptive: false } } : null);
      const o = unitAt(v, g.o) ?? unit;
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
    gate: /\b(?:replaced|succeeded|ousted|pushed out)(?: (?:as|in)(?: \S+){1,3}?)? by\b/,
    re: rx(`${SUBJ} ${AUX}(?:replaced|succeeded|ousted|pushed out)(?: as (?:(?:its|the) )?(?<r0>R)| in (?:the|that|this|his|her|its) (?:role|post|position|job|seat))? by (?:(?:O 's|R|O R|its|the|board member|former|co-founder) )*(?<c>P)(?: as (?<r>R))?`),
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
    gate: new RegExp(`\\b${APPOINT}(?![\\w'])`),
    re: rx(`(?:(?<a>O|board|directors|company|it) (?:(?:on|this|last) (?:\\w+ )?|has |have |had |also |said it |said it had |said it has |quietly |formally |officially )*)?(?<v>${APPOINT}) (?:(?:O 's|O|R|R of O|its|former|longtime|veteran|the|board member|its own|his|her|new|ex|co-founder|cofounder|chairman|fellow|insider|outsider|outside|executive|company|veteran) )*${PERSON_DESC}?(?<p>(?:P , )*(?:P (?:and|&) (?:O 's |O )?(?:R )?)?P)(?:(?<top> to the top (?:job|post))|(?: (?:as|to|to be|to become|to serve as|to the post of|to the role of|to the position of|to take over as|to lead (?:the company )?as|to run (?:the company )?as|to its|to head))?(?:${ROLE.replace('(?<o>O)', '(?<o2>O)')}))?(?: (?:(?:on|in|at|effective) (?:M |\\w+ )?(?:\\d+ )?(?:Y )?)?(?:, )?(?:replacing|succeeding|to succeed|to replace) (?:(?:R|O 's R|O R|the|its|interim|outgoing|retiring|co-founder|founder) )*(?<c>P))?(?=(?<after> [a-z]+)?)`),
    apply(ctx, v, m, g) {
      const verb = m.groups?.v ?? '';
      const cu = unitAt(v, g.c);
      // "appointed X treasurer": a post the grammar does not know is named, so it is not a leadership post
      if (!g.r && !g.top && !cu && BELOW_LEADERSHIP.test(m.groups?.after ?? '')) return;
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
    // "Ostrava Mills names a new CFO, Hedda Brant": the post first, marked new, then the person (the comma is
    // read away in engine.ts); "named its chief executive X" without "new" stays a described object
    name: 'appoint-new-title',
    gate: /\bnew R P\b/,
    re: rx(`(?:(?<a>O|it) (?:has |have |had |also |said it |said it had |said it has )*)?(?<v>${APPOINT}) (?:a|its) new (?<r>R) (?<p>P)(?! (?:as|to) )`),
    apply(ctx, v, m, g) {
      const r = unitAt(v, g.r);
      if (!r?.role || r.role.descriptive) return;
      const agent = unitAt(v, g.a);
      for (const p of peopleIn(v, g.p)) {
        emit(ctx, v, m, {
          person: p, direction: 'in', role: r.role, org: r.role.orgText ?? null, orgFrom: r.role.orgText ? 'explicit' : 'none',
          agentOrg: agent?.type === 'O' ? agent.text : agentBefore(v, m), reason: reasonFor(m.groups?.v ?? '', 'in'), conf: 0.9, rule: 'appoint-new-title',
        });
      }
    },
  },
  {
    // "BlackBerry ousts CEO Thorsten Heins", "Ford replaces CEO Mark Fields with Jim Hackett", "replaced him with Larry Culp"
    name: 'fire',
    gate: new RegExp(`\\b${FIRE}(?![\\w'])`),
    re: rx(`(?<v>${FIRE}) (?:(?:O 's|O|R|its|the|co-founder|founder|chief|embattled|longtime) )*(?<p>(?:P (?:and|&) (?:R )?)?P(?! 's)|him|her)(?<both> in both (?:roles|posts|positions|jobs))?(?: (?:as|from) (?:(?:O 's|its|the|his|her) )?(?<r>R))?(?<rest>(?: [^;]*?)? with (?:(?:O 's|R|O R|its|the|board member|former|co-founder|veteran) )*${PERSON_DESC}?(?<n>P))?`),
    apply(ctx, v, m, g) {
      const verb = m.groups?.v ?? '';
      const r = unitAt(v, g.r);
      const n = unitAt(v, g.n);
      const before = v.str.slice(0, (m.indices?.groups?.v ?? [0])[0]).trim();
      const subjIsPerson = /(?:^|\s)(?<!\b(?:to|of|for|with|from|about|than) )(?:P|he|she)(?: (?:will|would|is|to|has|had|was))*$/.test(before);
      if (/^(?:replaces|replaced|replace|replacing)$/.test(verb) && subjIsPerson && !n) return; // "Wu replaces X" is succeed
      if (/^(?:suspends|suspended|suspend)$/.test(verb)) return;
      // "the ousted Catalan president, X, has admitted": a participle describing the person, not the act
      if (/(?:^|\s)(?:the|a|an|its|his|her|their|recently|newly)$/.test(before)) return;
      const people = peopleIn(v, g.p);
      const pron = !people.length ? unitAt(v, g.p) : null;
      // "Laura Ashley is parting company with its chief executive X": whoever has "its" executives is the company
      const namedLikePerson = / its (?:R )?P/.test(m[0]) ? /(?:^|[;,] )(?:(?:the )?P)(?: (?:is|has|will|had|was|said it|said it has|said it had|said it will))*$/.exec(before) : null;
      const companyAsPerson = namedLikePerson ? v.units[v.pos.indexOf(before.lastIndexOf('P'))]?.text ?? null : null;
      if (/^releas/.test(verb) && !r) return; // "released X as president", not a product or a prisoner
      const targets: Array<{ unit: Unit | null; name: string }> = people.map((u) => ({ unit: u, name: resolvePerson(ctx, v, u) }));
      if (pron && /^(?:him|her)$/.test(pron.sym)) {
        const prev = previousPerson(ctx, v, null);
        if (prev) targets.push({ unit: null, name: prev });
      }
      for (const t of targets) {
        const base = { direction: 'out' as const, role: r?.role ?? null, org: null, orgFrom: 'none' as const, reason: (/^(?:replac|succeed|part)/.test(verb) ? null : 'fired') as Reason | null, conf: 0.9, rule: 'fire', agentOrg: agentBefore(v, m) ?? companyAsPerson, both: !!g.both };
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
    gate: new RegExp(`\\b${HAND}(?![\\w'])`),
    re: rx(`(?<v>${HAND}) (?:over )?(?:(?:the|his|her|its|their|both|day-to-day) |(?<ho>O) (?:'s )?)*(?:(?<r>R) )?(?:(?:role|job|post|title|reins|baton|torch|top job|helm|duties|company|mantle|position|chairmanship|leadership|control|top post) )?(?:(?:[^;]{0,90}?) )??to (?:(?:R|O 's R|O R|fellow|R and|co-founder|cofounder|its|his|her|the|board member|deputy|longtime|veteran|O 's|former|ex|ex-) )*${PERSON_DESC}?(?<n>P)`),
    apply(ctx, v, m, g) {
      const n = unitAt(v, g.n);
      const r = unitAt(v, g.r);
      if (!n) return;
      if (/^(?:gives|give|passes|passed|passing|pass)$/.test(m.groups?.v ?? '') && !/(?:reins|baton|torch|helm|role|job|post|R|mantle|title)\b/.test(m[0])) return;
      const vStart = (m.indices?.groups?.v ?? [0])[0];
      if (/(?:^|\s)(?:R|roles?|jobs?|posts?|titles?|reins) (?:that |which )?(?:he|she|they) (?:had )?$|(?:^|\s)(?:the|its|both) (?:R|roles?|jobs?|posts?|titles?) (?:that |which )?P (?:had )?$/.test(v.str.slice(0, vStart))) return;
      const subj = subjectBefore(ctx, v, vStart);
      if (!subj) {
        // "Disney surprised everyone by handing the chief executive job to Bob Chapek"
        if (r?.role && /\b(?:handing|hands|handed|hand)\b/.test(m.groups?.v ?? '')) emit(ctx, v, m, { person: n, direction: 'in', role: r.role, org: null, orgFrom: 'none', reason: null, conf: 0.75, rule: 'hand-in', agentOrg: agentBefore(v, m) });
        return;
      }
      const nName = ctx.resolve(n);
      if (nName === subj) return;
      // "hand Alibaba's chairmanship to …" names the organisation; else the giver's ("Pinterest's X hands …")
      const giverOrg = unitAt(v, g.ho)?.text ?? possessorBefore(v, vStart);
      const outP = emitNamed(ctx, m, subj, 'out', r?.role ?? null, giverOrg, { name: nName, relation: 'succeeded_by' }, 'hand', 0.85, null);
      if (outP) emit(ctx, v, m, { person: n, direction: 'in', role: r?.role ?? null, org: giverOrg, orgFrom: giverOrg ? 'explicit' : 'none', reason: null, conf: 0.85, rule: 'hand-in', counterpart: { name: subj, relation: 'succeeds' } });
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
    gate: /\buntil (?:he|she|P) (?:retire|step|leave|depart)/,
    re: rx(`${SUBJ} ${AUX}(?:remain|remains|stay|stays|stay on|stays on|continue|continues|become|becomes|serve as|serves as|be) (?:as )?(?:(?:its|the) )?(?<r>R)(?: [^;]{0,40}?)? until (?:he|she|P) (?:retires|steps down|leaves|departs|retire|step down)`),
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
    // "Keith Block steps down, leaving Marc Benioff as sole chief executive": the one left in charge
    name: 'leaving-sole',
    gate: /\bleaving P as\b/,
    re: rx(`(?:,|and) leaving (?<p>P) (?:as|in) (?:(?:its|the) )?(?<r>R)`),
    apply(ctx, v, m, g) {
      const r = unitAt(v, g.r);
      const p = unitAt(v, g.p);
      if (!p || !r?.role || !/^sole\b/i.test(r.role.title)) return;
      emit(ctx, v, m, { person: p, direction: 'in', role: r.role, org: null, orgFrom: 'none', reason: null, conf: 0.8, rule: 'sole', agentOrg: agentBefore(v, m) });
    },
  },
  {
    // "Schultz … will take the helm …, and will rejoin the board": a board seat in a coordinated verb phrase
    name: 'conj-board-in',
    gate: /\b(?:join|joins|rejoin|rejoins)\b/,
    re: rx(`(?:,|and|, and) ${AUX}(?:also )?(?:join|joins|rejoin|rejoins) (?:(?:the|its) )*(?:(?<o>O) (?:'s )?)?board(?: of directors)?`),
    apply(ctx, v, m, g) {
      const subj = conjSubject(ctx, v, m.index);
      if (!subj) return;
      const o = unitAt(v, g.o);
      emitNamed(ctx, m, subj, 'in', boardRole(), o?.text ?? null, null, 'conj-board-in', 0.8, null);
    },
  },
  {
    // "Oracle's two presidents, Mark Hurd and Safra Catz, were named co-chief executives": a list in apposition
    name: 'appositive-list-in',
    gate: /R , P (?:, P )*(?:and|&) P , /,
    re: rx(`R , (?<s>P (?:, P )*(?:and|&) P) , ${AUX}(?<v>${V_IN_ROLE})${ROLE}`),
    apply(ctx, v, m, g) {
      const r = unitAt(v, g.r);
      if (!r?.role || r.role.descriptive) return;
      const o = unitAt(v, g.o);
      for (const p of peopleIn(v, g.s)) emit(ctx, v, m, { person: p, direction: 'in', role: r.role, org: o?.text ?? null, orgFrom: o ? 'explicit' : 'none', reason: reasonFor(m.groups?.v ?? '', 'in'), conf: 0.85, rule: 'appositive-list-in' });
    },
  },
  {
    // "Telefónica ousts chairman X, puts Indra's Marc Murtra in his place": the newcomer takes the post just vacated
    name: 'in-place',
    gate: /\bin (?:his|her|their) place\b/,
    re: rx(`(?<v>puts|put|putting|installs|installed|installing|names|named|appoints|appointed|places|placed) (?:(?:O 's|O|R|its|the|former) )*${PERSON_DESC}?(?<p>P) in (?:his|her|their) place`),
    apply(ctx, v, m, g) {
      const p = unitAt(v, g.p);
      if (!p) return;
      const name = resolvePerson(ctx, v, p);
      const prior = [...ctx.protos].reverse().find((q) => q.sent === ctx.si && q.direction === 'out' && q.name !== name);
      if (!prior) return;
      const inP = emit(ctx, v, m, { person: p, direction: 'in', role: prior.role, org: prior.org, orgFrom: prior.org ? 'explicit' : 'none', reason: null, conf: 0.85, rule: 'in-place', counterpart: { name: prior.name, relation: 'succeeds' } });
      if (inP && !prior.counterpart) prior.counterpart = { name: inP.name, relation: 'succeeded_by' };
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
    gate: /\b(?:lead|head|run|oversee) O 's/,
    re: rx(`${SUBJ} (?:will|to|is to|would) (?:also |now )?(?:lead|head|run|oversee) (?<o>O) 's (?<obj>[a-z][a-z-]*(?: (?:and|&|[a-z][a-z-]*|O)){0,4})`),
    apply(ctx, v, m, g) {
      const o = unitAt(v, g.o);
      const objUnits = unitsIn(v, g.obj).map((k) => v.units[k] as Unit);
      const stop = objUnits.findIndex((u) => u.type === 'W' && /^(?:as|at|in|on|for|with|from|to|and report|report|reporting|while|after|teams?|efforts?|work)$/.test(u.sym));
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
    re: rx(`${SUBJ} ${AUX}(?:(?:also )?(?:join|joins|joined|joining|rejoin|rejoins|elected to|appointed to|named to|nominated to|added to)) (?:(?:the|its|company 's|chipmaker 's) )*(?:(?<o>O|P(?= board)) (?:'s )?)?board(?: of directors)?(?: (?:along|together) with (?<with>(?:P (?:and|&) )?P))?`),
    apply(ctx, v, m, g) {
      const o = unitAt(v, g.o);
      // "Tebbit is joining the board along with Michael Davies": both join
      for (const p of [...peopleIn(v, g.s), ...peopleIn(v, g.with)]) emit(ctx, v, m, { person: p, direction: 'in', role: boardRole(), org: o?.text ?? null, orgFrom: o ? 'explicit' : 'none', reason: 'elected', conf: 0.85, rule: 'board-in' });
    },
  },
  {
    // "Facebook nominates PayPal's Peggy Alford to board", "Erskine Bowles and Reed Hastings to leave"
    name: 'appoint-board',
    gate: /\bboard\b/,
    re: rx(`(?<v>${APPOINT}) (?:(?:O 's|O|R|its|former) )*${PERSON_DESC}?(?<p>(?:P , )*(?:P (?:and|&) )?P) (?:to|for|as a member of|to join) (?:(?:the|its|O 's) )*board`),
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
      const stop = objUnits.findIndex((u) => /^(?:as|at|in|on|for|with|from|to|and|teams?|group|business|unit|division|operations?)$/.test(u.sym) && u.type === 'W');
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
    gate: /\b(?:resignations?|retirements?|departures?|appointments?|promotions?|elections?|dismissals?|ousters?|exits?|firing|sacking|removal|ousting) of\b/,
    re: rx(`(?<v>resignation|retirement|departure|appointment|promotion|election|dismissal|ouster|exit|firing|sacking|removal|ousting)s? of (?:(?:R|O 's R|its|the|mr|ms|mrs|dr|two|three|four|(?<dirs>directors))(?: ,)? )*(?<p>(?:P , )*(?:P(?: ,)? (?:and|&) )?P)(?: as (?:(?:its|the) )?(?:(?<o>O) (?:'s )?)?(?<r>R))?`),
    apply(ctx, v, m, g) {
      const noun = m.groups?.v ?? '';
      const r = unitAt(v, g.r);
      const o = unitAt(v, g.o);
      const dir = /^(?:appointment|promotion|election)$/.test(noun) ? 'in' : 'out';
      if (dir === 'in' && !r) return;
      const before = v.str.slice(Math.max(0, m.index - 60), m.index);
      // said or announced, a reason given for it, or the agent's own act ("PeopleSoft's firing of CEO X")
      if (!/\b(?:announced|announces|announce|accepted|accepts|confirmed|confirms|approved|approves|said|says|of|following|with|for|follows)\b[^;]*$/.test(before) && !/\bO 's $/.test(before) && !ctx.sent.isTitle) return;
      if (/\b(?:after|since|following|before) [^;]{0,12}$/.test(before) && !/announc/.test(before)) return;
      const reason: Reason | null = noun === 'resignation' ? 'resigned' : noun === 'retirement' ? 'retired' : /^(?:dismissal|ouster|firing|sacking|removal|ousting)$/.test(noun) ? 'fired' : noun === 'promotion' ? 'promoted' : noun === 'election' ? 'elected' : null;
      const role = r?.role ?? (g.dirs ? { title: 'directors', interim: false, orgText: null, plural: true, descriptive: false } : null);
      for (const p of peopleIn(v, g.p)) emit(ctx, v, m, { person: p, direction: dir, role, org: o?.text ?? null, orgFrom: o ? 'explicit' : 'none', reason, conf: 0.85, rule: 'nominal' });
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
    re: rx(`${SUBJ} ${AUX}(?:(?<act>act|acts|acting|serve|serves|serving) as )?(?:(?<c>P) 's|his|her) (?:permanent |new |interim |temporary )?(?:replacement|successor)(?: as (?:(?:its|the) )?(?<r>R))?(?<tail> (?:on an? |in an? )?(?:interim|temporary|acting) (?:basis|capacity))?`),
    apply(ctx, v, m, g) {
      const r = unitAt(v, g.r);
      const cu = unitAt(v, g.c);
      // without a title, a verb must make the subject the replacement ("will act as his replacement")
      if (!r && !g.act && !/\b(?:is|was|will be|be|becomes|become|became|named|appointed)\b/.test(m[0])) return;
      const provisional = !!g.tail || /\b(?:interim|temporary)\b/.test(m[0]);
      for (const p of peopleIn(v, g.s)) {
        const subj = resolvePerson(ctx, v, p);
        const cname = cu ? ctx.resolve(cu) : previousPerson(ctx, v, subj);
        const inP = emit(ctx, v, m, { person: p, direction: 'in', role: r?.role ?? null, org: null, orgFrom: 'none', reason: null, conf: 0.85, rule: 'replacement-noun', counterpart: cname ? { name: cname, relation: 'succeeds' } : null, provisional });
        if (inP && cname && cname !== subj) emitNamed(ctx, m, cname, 'out', r?.role ?? null, null, { name: subj, relation: 'succeeded_by' }, 'replacement-noun-out', 0.8, inP);
      }
    },
  },
  {
    // "his responsibilities will be assumed by chairman X", "Geiger's post, in turn, has been filled by Y":
    // the newcomer takes the posts the possessor held (or leaves)
    name: 'duties-by',
    gate: /\b(?:assumed|taken over|filled|handled|taken on|shared|split|performed) by\b/,
    re: rx(`(?<who>P 's|his|her) (?:former )?(?:post|position|job|role|duties|responsibilities|reponsibilities|functions|positions|posts|seat|title|titles|roles|jobs)(?: , in turn ,)? ${AUX}(?:assumed|taken over|filled|handled|taken on|shared|split|performed) by (?:(?:R|O 's R|O R|the|its|O 's|company 's R|company 's) )*(?<n>P)(?: and (?:(?:R|O 's R|O R) )*(?<n2>P))?`),
    apply(ctx, v, m, g) {
      const whoU = unitAt(v, g.who);
      if (!whoU) return;
      const who = whoU.type === 'P' ? ctx.resolve(whoU) : ctx.lastSubject;
      if (!who) return;
      const provisional = /\b(?:interim|temporar\w*|until a (?:successor|replacement|permanent))\b/.test(ctx.clauseText(whoU));
      // the post given up: the one the item says they leave, else the last one it says they held,
      // not one they have just taken ("Geiger, who had been CEO, … Geiger's post has been filled by")
      const left = ctx.protos.find((q) => q.name === who && q.direction === 'out' && q.role);
      const taken = new Set(ctx.protos.filter((q) => q.name === who && q.direction === 'in' && q.role).map((q) => q.role?.title));
      const held = [...(ctx.descriptors.get(who) ?? [])].reverse().find((d) => !d.role.descriptive && !taken.has(d.role.title));
      const role = left?.role ?? held?.role ?? null;
      for (const n of [unitAt(v, g.n), unitAt(v, g.n2)]) {
        if (!n || ctx.resolve(n) === who) continue;
        const inP = emit(ctx, v, m, { person: n, direction: 'in', role, org: null, orgFrom: 'none', reason: null, conf: 0.8, rule: 'duties-by', counterpart: { name: who, relation: 'succeeds' }, provisional });
        if (inP && !left) emitNamed(ctx, m, who, 'out', role, held?.org ?? null, { name: inP.name, relation: 'succeeded_by' }, 'duties-by-out', 0.75, inP);
      }
    },
  },
  {
    // "he assumes the positions from Roger Houmes", "takes over the duties from X": X leaves the posts taken
    name: 'take-from',
    gate: /\b(?:positions?|posts?|titles?|roles?|duties|jobs?|responsibilities|reins) from\b/,
    re: rx(`${SUBJ} ${AUX}(?:assumes|assumed|assume|assuming|takes|took|take|taking|taken|inherits|inherited|inherit)(?: over)? (?:the |both |these |those |his |her |their )?(?:positions?|posts?|titles?|roles?|duties|jobs?|responsibilities|reins) from (?:(?:R|O 's R|the|its|outgoing|retiring) )*(?<c>P)`),
    apply(ctx, v, m, g) {
      const cu = unitAt(v, g.c);
      if (!cu) return;
      const cname = ctx.resolve(cu);
      for (const p of peopleIn(v, g.s)) {
        const inP = emit(ctx, v, m, { person: p, direction: 'in', role: null, org: null, orgFrom: 'none', reason: null, conf: 0.8, rule: 'take-from', counterpart: { name: cname, relation: 'succeeds' } });
        if (inP && inP.name !== cname) emitNamed(ctx, m, cname, 'out', null, null, { name: inP.name, relation: 'succeeded_by' }, 'take-from-out', 0.8, inP);
      }
    },
  },
  {
    // "elected three directors: A, B and C", "elected three Vice-Chairmen -- A of X, B of Y and C of Z";
    // without the names ("The company also elected three directors.") the next sentence may give them
    name: 'plural-list',
    gate: /\b(?:two|three|four|five|six|seven|several) (?:new |additional |outside |independent )*(?:R|directors|officers|members)\b/,
    re: rx(`(?<v>${APPOINT}) (?:two|three|four|five|six|seven|several) (?:(?:new|additional|outside|independent) )*(?:(?<r>R)|(?<dirs>directors|officers|members))(?<list> (?::|- -|-|\u2014|,|, including|, namely) (?<p>(?:P(?: of (?:the )?[OLP](?: of (?:new )?[OL])?)?(?: ,)? )*P(?: of (?:the )?[OLP](?: of (?:new )?[OL])?)?(?: ,)? (?:and|&) P))?(?! P)`),
    apply(ctx, v, m, g) {
      const r = unitAt(v, g.r);
      const role: RoleInfo | null = r?.role ?? (g.dirs ? { title: m.groups?.dirs ?? 'directors', interim: false, orgText: null, plural: true, descriptive: false } : null);
      if (!role || role.descriptive) return;
      if (!g.list) {
        ctx.plural.push({ role, sent: ctx.si });
        return;
      }
      // "A of Nordbank, B of Kiel Trust": the name after "of" is the appointee's employer
      const appointees = peopleIn(v, g.p).filter((u) => v.units[v.units.indexOf(u) - 1]?.sym !== 'of');
      for (const p of appointees) emit(ctx, v, m, { person: p, direction: 'in', role, org: null, orgFrom: 'none', reason: reasonFor(m.groups?.v ?? '', 'in'), conf: 0.8, rule: 'plural-list', agentOrg: agentBefore(v, m) });
    },
  },
  {
    // "They are Paul Hermann, John Clive Bayley and Costas Galetakis." after "elected three directors"
    name: 'they-are',
    gate: /^they (?:are|were|include)\b/,
    re: rx(`^they (?:are|were|include) (?<p>(?:P(?: ,)? )*P(?: ,)? (?:and|&) P)`),
    apply(ctx, v, m, g) {
      const pending = ctx.plural.find((x) => x.sent === ctx.si - 1);
      if (!pending) return;
      for (const p of peopleIn(v, g.p)) emit(ctx, v, m, { person: p, direction: 'in', role: pending.role, org: null, orgFrom: 'none', reason: null, conf: 0.75, rule: 'they-are' });
    },
  },
  {
    // "… and named him chief financial officer": the person just named in the clause
    name: 'appoint-pronoun',
    gate: /\b(?:names|named|appoints|appointed|elects|elected|makes|made|promoted) (?:him|her)\b/,
    re: rx(`(?<v>names|named|appoints|appointed|elects|elected|makes|made|promoted) (?:him|her) (?:as |to |to be )?(?:(?:its|the|a|an|O 's) )?(?<r>R)`),
    apply(ctx, v, m, g) {
      const r = unitAt(v, g.r);
      if (!r?.role || r.role.descriptive) return;
      let person: string | null = null;
      for (let k = 0; k < v.units.length && (v.pos[k] as number) < m.index; k++) if ((v.units[k] as Unit).type === 'P') person = ctx.resolve(v.units[k] as Unit);
      person ??= ctx.lastSubject;
      if (person) emitNamed(ctx, m, person, 'in', r.role, null, null, 'appoint-pronoun', 0.8, null, reasonFor(m.groups?.v ?? '', 'in'));
    },
  },
  {
    // "will name a successor to its outgoing chairman and chief executive X": X is leaving
    name: 'successor-to',
    gate: /\b(?:outgoing|retiring|departing)\b/,
    re: rx(`(?:successor|replacement)(?: (?:on|by|before|after|within|in|early|late|next|this|or|M|\\d+))* (?:to|for) (?:(?:its|the|his|her) )?(?:outgoing|retiring|departing) (?:(?:O 's )?R )?(?<c>P)`),
    apply(ctx, v, m, g) {
      const cu = unitAt(v, g.c);
      if (cu) emit(ctx, v, m, { person: cu, direction: 'out', role: null, org: null, orgFrom: 'none', reason: null, conf: 0.75, rule: 'successor-to' });
    },
  },
  {
    // "Chairman X also held the position of president", "… president, a position Ely also held": the post
    // is theirs, so a newcomer to it replaces them (resolve.ts, inferVacated)
    name: 'also-held',
    gate: /\b(?:held|occupied)\b/,
    re: rx(`(?:${SUBJ} ${AUX}(?:also |previously |had )*(?:held|occupied) (?:the |that )?(?:post|position|role|title|job)s? of (?:the )?(?<r>R)|(?<r2>R) , (?:a|the) (?:post|position|role|job|title) (?:that |which )?(?<p>P) (?:also |previously |formerly |had |has )*(?:held|occupied))`),
    apply(ctx, v, m, g) {
      const r = unitAt(v, g.r) ?? unitAt(v, g.r2);
      if (!r?.role || r.role.descriptive) return;
      const holders = g.p ? [unitAt(v, g.p)].filter((u): u is Unit => !!u) : peopleIn(v, g.s);
      for (const p of holders) addDescriptor(ctx, resolvePerson(ctx, v, p), r.role, r.role.orgText);
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
    gate: /\b(?:poach|hire|lure|recruit|tap|name|pick)\w* O (?:'s )?R P\b/,
    re: rx(`(?:O )(?<v>poaches|poached|hires|hired|lures|lured|recruits|recruited|taps|tapped|names|named|picks|picked) (?:(?<o>O) 's |(?<o2>O) )(?:R )(?<p>P)`),
    apply(ctx, v, m, g) {
      const p = unitAt(v, g.p);
      const from = unitAt(v, g.o) ?? unitAt(v, g.o2);
      if (!p || !from) return;
      const name = resolvePerson(ctx, v, p);
      const d = (ctx.descriptors.get(name) ?? []).find((x) => !x.former && !x.role.descriptive && x.sent === ctx.si);
      const agent = agentBefore(v, m);
      if (!d || !agent || sameWords(agent, from.text) || unitOf(from.text, agent)) return;
      // "Facebook taps Dropbox CEO Drew Houston for its board": a directorship is held alongside the post
      if (/^ (?:for|to|on|onto|as a member of|to join) (?:(?:the|its|O 's|O) )*board\b/.test(v.str.slice(m.index + m[0].length))) return;
      emitNamed(ctx, m, name, 'out', d.role, from.text, null, 'hired-away', 0.75, null);
    },
  },
  {
    // "Twitter's new CEO Linda Yaccarino starts Monday"
    name: 'new-starts',
    gate: /\b(?:new|incoming) R P\b/,
    re: rx(`(?:(?<o>O) 's )?(?:new|incoming) (?<r>R) (?<p>P) ${AUX}(?:starts|started|begins|began|takes office|took office|takes over|took over|officially starts|starts work|joins|joined|arrives|arrived)\\b`),
    apply(ctx, v, m, g) {
      const r = unitAt(v, g.r);
      const p = unitAt(v, g.p);
      const o = unitAt(v, g.o);
      if (!p || !r?.role || r.role.descriptive) return;
      emit(ctx, v, m, { person: p, direction: 'in', role: r.role, org: o?.text ?? null, orgFrom: o ? 'explicit' : 'none', reason: null, conf: 0.8, rule: 'new-starts' });
    },
  },
  {
    // "Ginni Rometty to remain executive chairman": a stay, used to infer who gave up the other post
    name: 'remain',
    gate: /\b(?:remain\w*|stays? on|continues? as)\b/,
    re: rx(`${SUBJ} ${AUX}(?:remain|remains|remaining|stay on as|stays on as|continue as|continues as|will remain) (?:as )?(?:(?:its|the|O 's) )?(?<r>R)`),
    apply(ctx, v, m, g) {
      const r = unitAt(v, g.r);
      if (!r?.role) return;
      for (const p of peopleIn(v, g.s)) ctx.stays.push({ name: resolvePerson(ctx, v, p), role: r.role, sent: ctx.si });
    },
  },
];

// One scan for any trigger before the per-rule gates (most sentences of an article have none).
let anyTrigger: RegExp | null = null;

/** "Pinterest's Ben Silbermann hands …": the organisation owning the subject just before the verb. */
function possessorBefore(v: View, vStart: number): string | null {
  let found: string | null = null;
  for (let k = 0; k + 2 < v.units.length && (v.pos[k + 2] as number) < vStart; k++) {
    const u = v.units[k] as Unit;
    if (u.sym === ';') found = null;
    if (u.type === 'O' && v.units[k + 1]?.sym === "'s" && v.units[k + 2]?.type === 'P') found = u.text;
  }
  return found;
}

/**
 * Patterns that open with a subject can only match where a person or a pronoun stands: they are
 * tried there alone (sticky), not scanned across the whole clause.
 */
const SUBJECT_LED = new Map<Rule, RegExp>();
for (const rule of RULES) {
  if (rule.re.source.startsWith(`\\b${SUBJ}`)) SUBJECT_LED.set(rule, new RegExp(rule.re.source, 'yd'));
}

/** A number of posts filled without names in the clause (the next sentence may give them). */
const PLURAL_POST = /\b(?:two|three|four|five|six|seven|several) (?:new |additional |outside |independent )*(?:R|directors|officers|members)\b/;

function runRule(ctx: SentCtx, v: View, rule: Rule, m: RegExpExecArray): void {
  const g: Groups = {};
  const ind = m.indices?.groups ?? {};
  for (const k in ind) {
    const span = ind[k];
    if (span) g[k] = span;
  }
  rule.apply(ctx, v, m, g);
}

export function applyRules(ctx: SentCtx, v: View): void {
  if (!v.str.includes('P') && !/\b(?:he|she)\b/.test(v.str) && !PLURAL_POST.test(v.str)) return;
  anyTrigger ??= new RegExp(RULES.map((r) => (r.gate ? r.gate.source : '')).filter(Boolean).map((x) => `(?:${x})`).join('|'));
  if (!anyTrigger.test(v.str)) return;
  // where a subject can start: persons and pronouns, in order
  const starts: number[] = [];
  v.units.forEach((u, k) => {
    if (u.type === 'P' || u.sym === 'he' || u.sym === 'she' || u.sym === 'they') starts.push(v.pos[k] as number);
  });
  for (const rule of RULES) {
    if (rule.gate && !rule.gate.test(v.str)) continue;
    const sticky = SUBJECT_LED.get(rule);
    if (sticky) {
      let end = 0;
      for (const at of starts) {
        if (at < end) continue;
        sticky.lastIndex = at;
        const m = sticky.exec(v.str);
        if (!m) continue;
        end = m.index + Math.max(1, m[0].length);
        runRule(ctx, v, rule, m);
      }
      continue;
    }
    rule.re.lastIndex = 0;
    for (const m of v.str.matchAll(rule.re)) runRule(ctx, v, rule, m as RegExpExecArray);
  }
}

