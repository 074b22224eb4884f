/** A made-up news article for the demo page; the article service stores threads, not articles. */
export interface DemoArticle {
  section: string;
  headline: string;
  standfirst: string;
  author: string;
  published: string;
  caption: string;
  paragraphs: string[];
}

const ARTICLES: Record<string, DemoArticle> = {
  'china-russia-ties': {
    section: 'World',
    headline: 'Trade between China and Russia hits a record, but the numbers hide a lopsided bargain',
    standfirst:
      'Customs figures show two-way trade at new highs. Economists say the partnership is growing more unequal every year.',
    author: 'Mara Lindqvist',
    published: '2026-01-12T07:30:00Z',
    caption: 'Containers wait at a rail terminal on the border. Illustration.',
    paragraphs: [
      'Trade between China and Russia reached a record last year, according to customs data published on Monday, extending a run of growth that began long before the war in Ukraine and accelerated sharply after it.',
      'The headline figure flatters both governments. Officials in Beijing and Moscow describe a partnership "without limits", and the totals appear to bear that out: more oil, more coal and more liquefied gas flowing east, and more cars, machinery and electronics flowing west.',
      'But the composition of that trade tells a more complicated story. Russia now sells China mostly raw materials, often at a discount, while buying manufactured goods it can no longer source from Europe. Chinese carmakers hold more than half of the Russian market, up from a small fraction five years ago.',
      '"It is a relationship of dependence, and the dependence runs one way," said an economist who studies the region\'s trade flows. "China has alternatives for almost everything it buys from Russia. Russia has few alternatives for what it buys from China."',
      'Payment remains a sticking point. Several large Chinese banks have tightened checks on transactions with Russian firms for fear of secondary sanctions, and traders describe settlement delays of weeks. A growing share of the trade is settled in yuan, which Moscow presents as a step away from the dollar, and which critics describe as swapping one currency dependence for another.',
      'Revisions to the statistical series used by the two customs services also complicate comparisons across years, and independent analysts caution against reading too much into any single month.',
    ],
  },
};

/** The article for an id: a known one, or a generic piece titled after the id. */
export function demoArticle(articleId: string): DemoArticle {
  const known = ARTICLES[articleId];
  if (known) return known;
  const words = articleId
    .split(/[-_.:]+/)
    .filter((w) => w.length > 0 && !/^[0-9a-f]{8}$/.test(w))
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  const topic = words.length > 0 ? words.join(' ') : 'Today';
  return {
    section: 'News',
    headline: `${topic}: what we know so far`,
    standfirst:
      'A developing story. This page is the Replyguard demo: the article is filler, the comments are real.',
    author: 'The Newsroom',
    published: '2026-01-12T07:30:00Z',
    caption: 'Illustration.',
    paragraphs: [
      'Officials confirmed the main facts on Monday morning, and further details are expected over the course of the day. Our reporters are following the story and this article will be updated as it develops.',
      'Readers can join the discussion below. Comments are checked for spam and abuse before they appear; most are published within seconds, and some wait for a moderator.',
      'Please keep to the subject, be civil to other readers, and link to sources where you can.',
    ],
  };
}
