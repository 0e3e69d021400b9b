import { decodeEntities } from './entities.js';

/**
 * A forgiving XML reader for feeds. Real feeds break the rules in predictable ways (bare `&`,
 * HTML entities, junk before `<?xml`, undeclared prefixes, unclosed or mis-nested tags, truncated
 * downloads), so this reads what a browser-like parser would and never throws. External entities
 * are never fetched: only entities declared inline in the DOCTYPE with a literal value expand.
 */
export interface XmlElement {
  /** The qualified name as written (`atom:link`). */
  name: string;
  local: string;
  prefix: string;
  /** The namespace URI, trimmed and lower-cased; an undeclared prefix stands for itself. */
  ns: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  parent: XmlElement | null;
  nsMap: Record<string, string> | null;
  /** Position in document order (start tags counted from 0). */
  seq: number;
}
export type XmlNode = XmlElement | string;

export interface XmlDocument {
  /** Top-level elements (normally exactly one). */
  roots: XmlElement[];
}

const NAME_START = /[A-Za-z_:\u00c0-\uffff]/;
const MAX_DOC_ENTITIES = 64;
const MAX_DEPTH = 256;
// Parsing is synchronous, so one counter serves every call.
const seqCounter = { n: 0 };
// Most elements have no attributes: they share one frozen empty record.
const NO_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;
const MAX_ENTITY_VALUE = 1024;

function resolveNs(el: XmlElement, prefix: string): string {
  for (let cur: XmlElement | null = el; cur; cur = cur.parent) {
    const map = cur.nsMap;
    if (map && prefix in map) return map[prefix]!;
  }
  if (prefix === 'xml') return 'http://www.w3.org/xml/1998/namespace';
  return prefix;
}

/** Reads the entity declarations of an internal DTD subset; external ones are ignored on purpose. */
function readDoctypeEntities(doctype: string, into: Map<string, string>): void {
  const re = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;
  for (let m = re.exec(doctype); m && into.size < MAX_DOC_ENTITIES; m = re.exec(doctype)) {
    const value = (m[2] ?? m[3] ?? '').slice(0, MAX_ENTITY_VALUE);
    // Values are expanded once with the built-in entities only: no recursion, so no "billion laughs".
    into.set(m[1]!, decodeEntities(value, null));
  }
}

export interface ParseXmlOptions {
  /**
   * Called as each element ends (closed, self-closing, or closed implicitly by a mis-nested end
   * tag or the end of the document). Returning true drops the element from the tree: a feed
   * reader maps each item as it ends and keeps only the channel, so big documents stay cheap.
   */
  onEnd?: (el: XmlElement) => boolean;
}

export function parseXml(text: string, opts: ParseXmlOptions = {}): XmlDocument {
  const roots: XmlElement[] = [];
  seqCounter.n = 0;
  const onEnd = opts.onEnd;
  const ended = onEnd
    ? (el: XmlElement) => {
      if (!onEnd(el)) return;
      const siblings = el.parent ? el.parent.children : roots;
      // An element that just ended is its parent's last child: nothing was added after it.
      if (siblings[siblings.length - 1] === el) siblings.pop();
    }
    : null;
  const stack: XmlElement[] = [];
  const docEntities = new Map<string, string>();
  const len = text.length;
  let pos = 0;

  const addText = (t: string) => {
    const top = stack[stack.length - 1];
    if (!top || !t) return;
    const kids = top.children;
    const last = kids.length - 1;
    if (last >= 0 && typeof kids[last] === 'string') kids[last] = (kids[last] as string) + t;
    else kids.push(t);
  };

  while (pos < len) {
    const lt = text.indexOf('<', pos);
    if (lt === -1) {
      addText(decodeEntities(text.slice(pos), docEntities));
      break;
    }
    if (lt > pos) addText(decodeEntities(text.slice(pos, lt), docEntities));
    const c = text.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        pos = end === -1 ? len : end + 3;
      } else if (text.startsWith('<![CDATA[', lt)) {
        const end = text.indexOf(']]>', lt + 9);
        addText(text.slice(lt + 9, end === -1 ? len : end));
        pos = end === -1 ? len : end + 3;
      } else {
        // <!DOCTYPE ...> possibly with an internal subset in [ ]; any other <!...> ends at '>'.
        const doctype = /^<!DOCTYPE/i.test(text.slice(lt, lt + 9));
        let i = lt + 2;
        let depth = 0;
        for (; i < len; i++) {
          const ch = text[i];
          if (ch === '[' && doctype) depth++;
          else if (ch === ']' && doctype) depth--;
          else if (ch === '>' && depth <= 0) break;
        }
        const decl = text.slice(lt, i + 1);
        if (doctype) readDoctypeEntities(decl, docEntities);
        pos = i + 1;
      }
      continue;
    }
    if (c === 63 /* ? */) {
      const end = text.indexOf('?>', lt + 2);
      pos = end === -1 ? len : end + 2;
      continue;
    }
    if (c === 47 /* / */) {
      const end = text.indexOf('>', lt + 2);
      const name = text.slice(lt + 2, end === -1 ? len : end).trim();
      pos = end === -1 ? len : end + 1;
      closeTag(stack, name, ended);
      continue;
    }
    if (!NAME_START.test(text[lt + 1] ?? '')) {
      addText('<');
      pos = lt + 1;
      continue;
    }
    pos = readStartTag(text, lt + 1, stack, roots, docEntities, ended);
  }
  if (ended) while (stack.length) ended(stack.pop()!);
  return { roots };
}

function closeTag(stack: XmlElement[], name: string, ended: ((el: XmlElement) => void) | null): void {
  let at = -1;
  for (let i = stack.length - 1; i >= 0 && at === -1; i--) if (stack[i]!.name === name) at = i;
  if (at === -1) {
    const lower = name.toLowerCase();
    for (let i = stack.length - 1; i >= 0 && at === -1; i--) if (stack[i]!.name.toLowerCase() === lower) at = i;
  }
  // An end tag that closes nothing open is ignored; one that closes an outer element closes
  // everything opened inside it too.
  if (at === -1) return;
  if (ended) while (stack.length > at) ended(stack.pop()!);
  else stack.length = at;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function readStartTag(
  text: string, start: number, stack: XmlElement[], roots: XmlElement[], ents: Map<string, string>, ended: ((el: XmlElement) => void) | null,
): number {
  const len = text.length;
  let i = start;
  while (i < len) {
    const code = text.charCodeAt(i);
    if (isSpace(code) || code === 62 /* > */ || code === 47 /* / */) break;
    i++;
  }
  const name = text.slice(start, i);
  let attrs: Record<string, string> = NO_ATTRS;
  let nsMap: Record<string, string> | null = null;
  let selfClosing = false;
  for (;;) {
    while (i < len && isSpace(text.charCodeAt(i))) i++;
    if (i >= len) break;
    const ch = text[i];
    if (ch === '>') {
      i++;
      break;
    }
    if (ch === '/') {
      if (text[i + 1] === '>') {
        selfClosing = true;
        i += 2;
        break;
      }
      i++;
      continue;
    }
    if (ch === '<') break; // a tag that never closed: start over at the next tag
    const nameStart = i;
    while (i < len) {
      const code = text.charCodeAt(i);
      if (isSpace(code) || code === 61 /* = */ || code === 62 || code === 47 || code === 60) break;
      i++;
    }
    const attrName = text.slice(nameStart, i);
    while (i < len && isSpace(text.charCodeAt(i))) i++;
    let value = '';
    if (text[i] === '=') {
      i++;
      while (i < len && isSpace(text.charCodeAt(i))) i++;
      const q = text[i];
      if (q === '"' || q === "'") {
        const end = text.indexOf(q, i + 1);
        const stop = end === -1 ? len : end;
        value = text.slice(i + 1, stop);
        i = stop + 1;
      } else {
        const vs = i;
        while (i < len && !isSpace(text.charCodeAt(i)) && text[i] !== '>') i++;
        value = text.slice(vs, i);
      }
      if (value.includes('&')) value = decodeEntities(value, ents);
    }
    if (!attrName) {
      i++;
      continue;
    }
    if (attrs === NO_ATTRS) attrs = {};
    attrs[attrName] = value;
    if (attrName === 'xmlns' || attrName.startsWith('xmlns:')) {
      nsMap ??= {};
      nsMap[attrName === 'xmlns' ? '' : attrName.slice(6)] = value.trim().toLowerCase();
    }
  }
  const colon = name.indexOf(':');
  const parent = stack[stack.length - 1] ?? null;
  const el: XmlElement = {
    name,
    local: colon === -1 ? name : name.slice(colon + 1),
    prefix: colon === -1 ? '' : name.slice(0, colon),
    ns: '',
    attrs,
    children: [],
    parent,
    nsMap,
    seq: seqCounter.n++,
  };
  el.ns = resolveNs(el, el.prefix);
  if (parent) parent.children.push(el);
  else roots.push(el);
  // Past MAX_DEPTH, elements stay empty and their content goes to the deepest open element:
  // runaway nesting (thousands of unclosed tags) cannot blow the stack or go quadratic.
  if (!selfClosing && stack.length < MAX_DEPTH) stack.push(el);
  else ended?.(el);
  return i;
}

/** All text below the element, in document order (markup inside is dropped, CDATA kept). */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return '';
  const kids = el.children;
  if (kids.length === 1 && typeof kids[0] === 'string') return kids[0];
  let out = '';
  for (const k of kids) out += typeof k === 'string' ? k : textOf(k);
  return out;
}

/** The element's children re-serialised as markup (for content sent as inline XHTML). */
export function innerXml(el: XmlElement): string {
  let out = '';
  for (const k of el.children) {
    if (typeof k === 'string') out += k.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    else {
      const attrs = Object.entries(k.attrs).map(([n, v]) => ` ${n}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`).join('');
      out += `<${k.local}${attrs}>${innerXml(k)}</${k.local}>`;
    }
  }
  return out;
}

export function childElements(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const k of el.children) if (typeof k !== 'string') out.push(k);
  return out;
}
