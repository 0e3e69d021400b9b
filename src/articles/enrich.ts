import type { Extractor, NewsItem } from '../core/change.js';
import { SHORT_ITEM_CHARS, withArticleText, type ArticleFetcher } from './article-fetcher.js';

/**
 * An extractor that first fills short items with their article's main text, for the items
 * `wants` picks (the feeds configured with `fetchArticles: true`). Everything else about the
 * inner extractor stays as it is.
 */
export function withArticleFetching(
  inner: Extractor,
  fetcher: ArticleFetcher,
  wants: (item: NewsItem) => boolean,
  minChars = SHORT_ITEM_CHARS,
): Extractor {
  return {
    ...inner,
    name: inner.name,
    extract: async (item) => inner.extract(wants(item) ? await withArticleText(item, fetcher, minChars) : item),
  };
}
