// What a clause leaves implicit, filled in from the rest of the item: roles from descriptors and
// successions, organisations from agents, counterparts and the item's topic, and posts vacated
// implicitly when someone new fills them.
import { primaryRoleCategory, roleCategories } from './memo.js';
import { boardRole, type Descriptor, type Proto } from './clause.js';
import type { RoleInfo, Unit } from './mentions.js';
import type { Sentence } from './text.js';


export function resolveImplicit(protos: Proto[], descriptors: Map<string, Descriptor[]>, mainOrg: string | null, units: Unit[][], sentences: Sentence[]): void {
  const cats = (r: RoleInfo | null): ReadonlySet<string> => roleCategories(r?.title ?? null);
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
        // the post changes hands: whoever is replaced by an acting holder left the permanent post
        const permanent = p.direction === 'in' || cp.direction === 'in';
        p.role = { ...cp.role, interim: permanent ? false : cp.role.interim, title: permanent ? cp.role.title.replace(/^(?:interim|acting)\s+/i, '') : cp.role.title };
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
    // the organisation whose statement the sentence reports ("MidCon Corp said X has resigned")
    if (p.speakerOrg && p.rule !== 'join-elsewhere') {
      p.org = p.speakerOrg;
      p.orgFrom = 'clause';
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

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
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
export function inferVacated(protos: Proto[], descriptors: Map<string, Descriptor[]>, stays: Array<{ name: string; role: RoleInfo; sent: number }>, mainOrg: string | null): void {
  const cats = (t: string | undefined): ReadonlySet<string> => roleCategories(t ?? null);
  const meets = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => [...a].some((x) => b.has(x) && x !== 'Other');
  const sameOrg = (a: string | null, b: string | null): boolean => {
    const x = (a ?? mainOrg ?? '').toLowerCase().split(/[^a-z0-9]+/).filter((w) => w && !/^(?:inc|corp|co|ltd|group|holdings|the|company)$/.test(w));
    const y = (b ?? mainOrg ?? '').toLowerCase().split(/[^a-z0-9]+/).filter((w) => w && !/^(?:inc|corp|co|ltd|group|holdings|the|company)$/.test(w));
    if (!x.length || !y.length) return false;
    if (x.map((w) => w[0]).join('') === y.join('') || y.map((w) => w[0]).join('') === x.join('')) return true;
    const [sm, bg] = x.length <= y.length ? [x, y] : [y, x];
    return sm.every((w) => bg.includes(w));
  };
  const hasChange = (name: string, dir: 'in' | 'out', c: ReadonlySet<string>, org?: string | null): boolean =>
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
      const orgOf = (x: Descriptor): string | null => x.org ?? protos.find((q) => q.sent === x.sent && q.org && q.orgFrom !== 'item')?.org ?? protos.find((q) => q.name === name && q.org && q.orgFrom !== 'item')?.org ?? null;
      const unitPost = (x: Descriptor): boolean => /\s(?:of|for)\s/i.test(x.role.title) && !(x.role.orgText && a.org && x.role.orgText.toLowerCase() === a.org.toLowerCase());
      // the current holder, or one the item says held it until this reshuffle: "Axelrod, who had been
      // president, replaces …" while Kim is named president (Axelrod moves to another post here)
      const moving = protos.some((q) => q.name === name && q.direction === 'in' && q.role && !meets(cats(q.role.title), c) && Math.abs(q.sent - a.sent) <= 2);
      const d = ds.find((x) => (!x.former || (moving && Math.abs(x.sent - a.sent) <= 2)) && !x.role.descriptive && !unitPost(x) && meets(cats(x.role.title), c) && sameOrg(orgOf(x), a.org) && !/^co-|\bco-/i.test(x.role.title));
      if (!d || hasChange(name, 'out', c) || hasChange(name, 'in', c, a.org)) continue;
      if (!protos.some((q) => q.name === name) && !stays.some((st) => st.name === name) && Math.abs(d.sent - a.sent) > 3) continue;
      added.push(vacate(name, d.role, a, 0.7, [d.sent, a.sent]));
      break;
    }
    if (added.some((q) => q.counterpart?.name === a.name)) continue;
    // (b) someone in the same sentence who stays on in, or moves to, another post
    const others = [
      ...stays.filter((st) => st.sent === a.sent && st.name !== a.name).map((st) => ({ name: st.name, role: st.role, sent: st.sent })),
      ...protos.filter((q) => (q.sent === a.sent || (a.rule === 'hand-in' && Math.abs(q.sent - a.sent) <= 1)) && q.direction === 'in' && q.name !== a.name && q.role && movesToChair(q, a) && c.has('CEO') && sameOrg(q.org, a.org)).map((q) => ({ name: q.name, role: q.role as RoleInfo, sent: q.sent })),
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

/**
 * "IBM names Krishna CEO, Rometty to become executive chairman", "Yoshida named Sony's next CEO as
 * Hirai becomes chairman": the one who moves up to the chair as a new CEO comes in is the CEO leaving.
 * A plain (not vice, deputy or co-) chair counts when both moves are told in the same sentence.
 */
function movesToChair(q: Proto, a: Proto): boolean {
  const t = q.role?.title ?? '';
  if (/\bexecutive chair/i.test(t)) return true;
  return q.sent === a.sent && /^(?:the )?chair(?:man|woman|person)?$/i.test(t.trim()) && q.roleFrom === 'explicit';
}

function vacate(name: string, role: RoleInfo, a: Proto, conf: number, evidence: number[]): Proto {
  return {
    sent: a.sent, pos: a.pos + 1, name, aliases: [], direction: 'out', role, roleFrom: 'descriptor', org: a.org, orgFrom: a.orgFrom,
    interim: role.interim, counterpart: { name: a.name, relation: 'succeeded_by' }, reason: null, confidence: conf,
    rule: 'vacated', evidence: [...new Set(evidence)].sort((x, y) => x - y), destination: null,
  };
}

