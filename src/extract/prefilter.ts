// A cheap relevance score: could this item report a leadership change? It looks for a title word
// and a change word near each other; it is tuned for recall (the extractor decides), and is what
// chooses the items an LLM sees.
import type { NewsItem } from '../core/change.js';

const ROLE = /\b(?:ceo|cfo|coo|cto|cio|cmo|cpo|ciso|chro|co-ceo|chief|president|chair(?:man|woman|person)?|vice[- ]chair\w*|director|board|head of|heads? |general counsel|vp|svp|evp|vice president|founder|co-founder|boss|executive|leader|managing partner|top job|helm|reins|successor|chief executive|co-?leaders?|co-?heads?|leaders?)\b/i;
const CHANGE = /\b(?:names?|named|naming|appoint\w*|hire[sd]?|hiring|taps?|tapped|picks?|picked|promot\w*|elevat\w*|elect\w*|nominat\w*|select\w*|chose|choose[sn]?|poach\w*|recruit\w*|join\w*|rejoin\w*|return\w*|succeed\w*|successor|succession|replac\w*|takes? over|took over|taking over|take the helm|takes the helm|helm|reins|step(?:s|ped|ping)? (?:down|aside|back)|resign\w*|quit\w*|retir\w*|depart\w*|exit\w*|leav\w*|left|ousts?|ousted|fire[sd]?|remov\w*|dismiss\w*|sack\w*|out|becom\w*|became|hand\w*|cedes?|ceded|interim|acting|new|next|shake-?up|reshuffle|overhaul|transition|moves? to|to lead|will lead|to head|will head|to run|will run|co-lead\w*|stand for re-?election|stays? on|remain\w*|will be|to be|serves? as|serving as|turn as|launch\w*|found(?:s|ed|ing)?|start\w*|lead\w*|run\w*|head\w*|no longer|in favou?r of|parting ways|part ways)\b/i;
const STRONG = /\b(?:appoint\w*|names? .{0,40}(?:ceo|cfo|coo|cto|chief|president|chair)|steps? down|resign\w*|succeed\w*|successor|takes? the helm|ousts?|ousted|named (?:interim |acting )?(?:ceo|cfo|coo|cto|chief|president|chair)|to retire|retires|new (?:ceo|cfo|coo|cto|chief|president|chair))\b/i;

/** 0..1: how likely the item reports a leadership change. */
export function relevanceScore(item: NewsItem): number {
  const text = `${item.title ?? ''}\n${item.summary ?? ''}\n${(item.content ?? '').slice(0, 6000)}`;
  if (!ROLE.test(text)) return 0;
  if (!CHANGE.test(text)) return 0.1;
  let score = 0.4;
  if (STRONG.test(text)) score += 0.4;
  const t = item.title ?? '';
  if (ROLE.test(t) && CHANGE.test(t)) score += 0.2;
  return Math.min(1, score);
}

export const RELEVANCE_THRESHOLD = 0.4;

export function isRelevant(item: NewsItem): boolean {
  return relevanceScore(item) >= RELEVANCE_THRESHOLD;
}
