// People named in filing prose: full names ("Peter Karmanos, Jr.", "Dina Powell McCormick"),
// later references ("Mr. Spear", "Messrs. Petno and Rohrbaugh") and pronouns, each resolved to
// the full name the section introduced.

export interface Mention {
  /** Full names this mention stands for (two for "Messrs. Petno and Rohrbaugh"). */
  names: string[];
  start: number;
  end: number;
  kind: 'full' | 'reference' | 'pronoun';
}

const BARE_WORD = String.raw`\p{Lu}\p{Ll}*(?:\p{Lu}\p{Ll}+)?(?:[-'’]\p{Lu}?\p{Ll}+)*\.?`;
// A word ends where a letter or digit does not follow; where a comma or a space must follow
// anyway (inside "Messrs. A, B and C"), the bare word says the same.
const WORD = String.raw`${BARE_WORD}(?![\p{L}\p{N}])`;
const PARTICLE = String.raw`(?:de|del|della|der|den|di|da|dos|du|van|von|la|le)`;
const RUN = new RegExp(String.raw`${WORD}(?:\s+(?:${PARTICLE}\s+)?${WORD})*(?:,?\s+(?:Jr|Sr)\.|\s+(?:II|III|IV)\b)?`, 'gu');
const REFERENCE = new RegExp(String.raw`\b(?:Mr|Ms|Mrs|Dr)\.\s+(${WORD}(?:[-\s]${WORD})?)|\bMessrs\.\s+(${BARE_WORD})((?:,\s+${BARE_WORD})*),?\s+and\s+(${WORD})`, 'gu');
const PRONOUN = /\b(?:he|she|He|She)\b/g;

// Words that make a capitalised run a title, an organisation, a date or a heading, not a person.
const NOT_PERSON = new Set(`
chief officer officers president presidents vice executive senior board directors director company inc inc. corp corp.
corporation committee chairman chairwoman chair chairperson treasurer secretary counsel general financial operating
accounting technology information marketing the on in at as by for from with effective item items form section exhibit
mr. ms. mrs. dr. messrs. january february march april may june july august september october november december
group international bank bancorp bancshares holdings trust llc l.p. n.a. capital partners management securities exchange
commission annual meeting report current plan agreement compensation human resources nominating governance audit
interim acting global worldwide sales operations development business division segment unit products services strategy
controller principal independent lead mobility transformation corporate sole co-chief co-president co-presidents ceo cfo
coo cto cio co-ceo co-ceos member members north south east west american america americas united states federal
national foods energy industries technologies systems pharmaceuticals financial regulation rule act code bylaws
stockholders shareholders employment separation consulting release award awards units stock incentive equity
subsidiary subsidiaries registrant firm our its their his her this that these those each both such all any no not
although however also additionally following pursuant upon under effective prior after before during
`.trim().split(/\s+/));

/** A word without its trailing comma or possessive ("Corporation's" -> "Corporation"). */
const bare = (w: string): string => w.replace(/,$/, '').replace(/[’']s$/, '');

const ORG_TAIL = /^,?\s*(?:Inc|Corp|Corporation|Co|Company|LLC|Ltd|L\.P|N\.A|plc|Holdings|Group|Bank)\b/;

function personRuns(sentence: string): Array<{ name: string; start: number; end: number }> {
  const out: Array<{ name: string; start: number; end: number }> = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(sentence); m; m = RUN.exec(sentence)) {
    const words = m[0].split(/\s+/);
    const after = sentence.slice(m.index + m[0].length);
    if (words.some((w) => ORGANISATION_WORD.test(bare(w))) || ORG_TAIL.test(after) || /^\s*&/.test(after) || /&\s*$/.test(sentence.slice(0, m.index))) continue;
    // Split the run at title and calendar words: "Director Fred R. Miller" -> "Fred R. Miller".
    let offset = m.index;
    let current: string[] = [];
    let currentStart = offset;
    const flush = () => {
      const real = current.filter((w) => !/^[A-Z]\.$/.test(w) && !/^(?:Jr|Sr)\.$|^(?:II|III|IV)$/.test(w));
      if (real.length >= 2 || (real.length === 1 && current.length >= 2)) {
        const name = current.join(' ').replace(/(?<!\s)\s+,/g, ',').replace(/[’']s$/, '').replace(/,$/, '');
        out.push({ name, start: currentStart, end: currentStart + name.length });
      }
      current = [];
    };
    for (const w of words) {
      const at = sentence.indexOf(w, offset);
      offset = at + w.length;
      if (NOT_PERSON.has(bare(w).toLowerCase()) || /^\d/.test(w)) {
        flush();
        continue;
      }
      if (!current.length) currentStart = at;
      current.push(w);
    }
    flush();
  }
  return out;
}

const ORGANISATION_WORD = /^(?:Inc\.?|Corp\.?|Co\.|Corporation|Company|LLC|Ltd\.?|Bank|Banking|Bancorp|Holdings|Utilities|Brands|Software|Robotics|Medical|Minerals|Semiconductor|Logistics|Devices|Services|Solutions|Pharmaceuticals|Therapeutics|Financial|Insurance|Realty|Properties|Partners|Capital|Trust|Group|Technologies|Systems|Industries|Foods|Energy|University|College|Association|Foundation|Fund|Management|Securities|Commission|&)$/;

const surname = (full: string): string => full.replace(/(?:,|(?<![\s,]))\s+(?:Jr|Sr)\.$|(?<!\s)\s+(?:II|III|IV)$/, '').split(/\s+/).at(-1) ?? full;

/** Remembers who the section has named, so "Mr. Spear" and "he" find "Greg B. Spear". */
export function createPeopleBook() {
  const known: string[] = [];
  let last: string | null = null;

  const byReference = (raw: string): string => {
    const ref = raw.replace(/[’']s$/, '');
    const words = ref.split(/[-\s]+/);
    const tail = words.at(-1) ?? ref;
    return [...known].reverse().find((n) => surname(n) === tail || surname(n) === ref) ?? ref;
  };

  return {
    /** Every person mention in the sentence, in order; full names become known. */
    mentions(sentence: string): Mention[] {
      const found: Mention[] = [];
      for (const r of personRuns(sentence)) {
        found.push({ names: [r.name], start: r.start, end: r.end, kind: 'full' });
        if (!known.includes(r.name)) known.push(r.name);
      }
      REFERENCE.lastIndex = 0;
      for (let m = REFERENCE.exec(sentence); m; m = REFERENCE.exec(sentence)) {
        const refs = m[1] ? [m[1]] : [m[2]!, ...(m[3] ?? '').split(/,\s+/).filter(Boolean), m[4]!];
        found.push({ names: refs.map(byReference), start: m.index, end: m.index + m[0].length, kind: 'reference' });
      }
      // A reference overlapping a full-name run ("Mr. Spear" read as a run "Spear") wins.
      const refs = found.filter((f) => f.kind === 'reference');
      const kept = found.filter((f) => f.kind === 'reference' || !refs.some((r) => f.start < r.end && r.start < f.end));
      PRONOUN.lastIndex = 0;
      for (let m = PRONOUN.exec(sentence); m; m = PRONOUN.exec(sentence)) {
        kept.push({ names: [], start: m.index, end: m.index + m[0].length, kind: 'pronoun' });
      }
      kept.sort((a, b) => a.start - b.start);
      // A pronoun is the nearest person before it in the sentence, else the last one before.
      let prev: string | null = last;
      for (const k of kept) {
        if (k.kind === 'pronoun') {
          if (prev) k.names = [prev];
        } else {
          prev = k.names.at(-1) ?? prev;
        }
      }
      return kept.filter((k) => k.names.length > 0);
    },
    /** The person the sentence was about: pronouns in the next sentence refer to them. */
    setLast(name: string | null) {
      if (name) last = name;
    },
  };
}
export type PeopleBook = ReturnType<typeof createPeopleBook>;
