// The title written beside a name: ", 54, the Company’s Senior Vice President, has …". Read by a
// small scanner rather than the regex it replaces,
//   /^,\s*(?:(?:age\s+)?\d{1,3},\s*)?(?:(?:our|its|the|current|then|then-current)\s+)*([^;]+?),?\s*(?:(?:has|…|announced)\b|$)/
// whose lazy title and the white space around it backtrack quadratically on long runs of spaces.
// The scanner tries the places the title may start in the order that regex would (greedy
// spaces, age and articles first) and ends the title where that regex would: at the first verb
// or the end, without a semicolon in between.

const VERB = /(?:has|have|had|will|would|who|informed|notified|advised|announced)\b/y;
const ARTICLES = ['our', 'its', 'the', 'current', 'then', 'then-current'];
const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/** The appositive's text after a name (`between` starts at the name's end), or null. */
export function appositiveText(between: string): string | null {
  if (between[0] !== ',') return null;
  const n = between.length;
  const semi = between.indexOf(';', 1);
  const last = semi === -1 ? n : semi;
  // spaceEnd[i]: the first index at or after i that is not white space.
  const spaceEnd = new Array<number>(n + 1);
  spaceEnd[n] = n;
  for (let i = n - 1; i >= 0; i--) spaceEnd[i] = isSpace(between[i]) ? spaceEnd[i + 1]! : i;
  const verbOrEnd = (i: number): boolean => {
    if (i === n) return true;
    VERB.lastIndex = i;
    return VERB.test(between);
  };
  // endAfter[s]: the first e > s (e <= last) where the title may end: `,?\s*(?:verb\b|$)` follows.
  const endAfter = new Array<number>(last + 2).fill(-1);
  for (let e = last; e >= 1; e--) {
    const ends = verbOrEnd(spaceEnd[between[e] === ',' ? e + 1 : e]!);
    endAfter[e - 1] = ends ? e : endAfter[e]!;
  }
  const seen = new Set<string>();
  const once = (key: string): boolean => !seen.has(key) && Boolean(seen.add(key));
  // Each step returns the title's start when a title can follow, else -1.
  const titleAt = (s: number): number => (s <= last && endAfter[s]! !== -1 ? s : -1);
  // Articles ("the", "its current" …) repeat: a depth-first walk, deepest articles first, on a
  // stack of its own (a recursion would overflow on a long run of them).
  const articles = (from: number): number => {
    if (!once(`a${from}`)) return -1;
    const stack = [{ j: from, alt: 0, k: -1 }];
    while (stack.length) {
      const f = stack.at(-1)!;
      let child = -1;
      while (child === -1 && f.alt < ARTICLES.length) {
        const a = ARTICLES[f.alt]!;
        const after = f.j + a.length;
        if (f.k === -1) f.k = between.startsWith(a, f.j) ? spaceEnd[after]! : after;
        if (f.k > after) {
          const k = f.k--;
          if (once(`a${k}`)) child = k;
        } else {
          f.alt++;
          f.k = -1;
        }
      }
      if (child !== -1) {
        stack.push({ j: child, alt: 0, k: -1 });
        continue;
      }
      stack.pop();
      if (titleAt(f.j) !== -1) return f.j;
    }
    return -1;
  };
  const age = (j: number): number => {
    const digits = /\d{1,3},/y;
    digits.lastIndex = j;
    const d = digits.exec(between);
    if (!d) return -1;
    const after = j + d[0].length;
    for (let k = spaceEnd[after]!; k >= after; k--) {
      const s = articles(k);
      if (s !== -1) return s;
    }
    return -1;
  };
  for (let k = spaceEnd[1]!; k >= 1; k--) {
    if (between.startsWith('age', k)) {
      for (let a = spaceEnd[k + 3]!; a > k + 3; a--) {
        const s = age(a);
        if (s !== -1) return between.slice(s, endAfter[s]!);
      }
    }
    const viaAge = age(k);
    const s = viaAge !== -1 ? viaAge : articles(k);
    if (s !== -1) return between.slice(s, endAfter[s]!);
  }
  return null;
}
