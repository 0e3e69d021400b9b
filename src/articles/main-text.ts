import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface MainText {
  title: string | null;
  /** Paragraphs separated by blank lines, whitespace collapsed within each. */
  text: string;
}

/** Elements whose text is a paragraph of its own in the plain-text result. */
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, dd, dt, td, th, div';
/** Never part of the story's prose: captions would put stray names next to real sentences. */
const NOISE = 'script, style, noscript, template, figure, figcaption, iframe, svg, button, form';

/** Less than this is a menu or a teaser, not an article worth extracting from. */
export const MIN_ARTICLE_CHARS = 200;

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Takes the main text of an article page with Readability (on a linkedom document, which is much
 * lighter than jsdom). Returns null when the page has no readable article.
 */
export function extractMainText(html: string, url?: string): MainText | null {
  const { document } = parseHTML(html);
  if (url) {
    // Readability resolves relative links against the document's base; linkedom has no URL.
    const base = document.createElement('base');
    base.setAttribute('href', url);
    document.head?.appendChild(base);
  }
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  if (!article?.content) return null;

  const { document: out } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  for (const el of out.querySelectorAll(NOISE)) el.remove();
  const paragraphs: string[] = [];
  // Each block's text becomes a paragraph, in document order: text before a nested block is flushed
  // first, and what a block holds after its last nested block is returned to be pushed next.
  const walk = (node: Node): string => {
    let own = '';
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) own += child.textContent ?? '';
      else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.matches(BLOCKS)) {
          if (collapse(own)) paragraphs.push(collapse(own));
          own = '';
          const inner = walk(el);
          if (collapse(inner)) paragraphs.push(collapse(inner));
        } else if (el.tagName === 'BR') own += ' ';
        else own += walk(el);
      }
    }
    return own;
  };
  const rest = walk(out.body as unknown as Node);
  if (collapse(rest)) paragraphs.push(collapse(rest));
  const text = paragraphs.join('\n\n');
  if (text.length < MIN_ARTICLE_CHARS) return null;
  return { title: article.title ? collapse(article.title) : null, text };
}
