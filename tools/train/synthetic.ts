import { pick, seededRandom } from './rng';

/**
 * Small, seeded, generated training sets for what the public data lacks: neutral sentences naming an
 * identity (so "gay", "Muslim", "Black" carry no toxic weight by themselves), the same identities in
 * hateful sentences (so the insult, not the identity, carries it), and blog-style link spam next to
 * genuine blog comments with links. Every generated row goes through the same held-out split as real data.
 */

export const IDENTITIES = [
  'gay', 'lesbian', 'bisexual', 'transgender', 'trans', 'queer', 'straight', 'muslim', 'christian', 'jewish',
  'hindu', 'buddhist', 'sikh', 'atheist', 'catholic', 'black', 'white', 'asian', 'latino', 'latina', 'hispanic',
  'african', 'african american', 'mexican', 'arab', 'indian', 'chinese', 'japanese', 'native american',
  'middle eastern', 'immigrant', 'deaf', 'blind', 'disabled', 'elderly', 'old', 'young', 'nonbinary', 'feminist',
  'female', 'male', 'american', 'european', 'refugee', 'jew', 'homosexual', 'heterosexual', 'lgbt',
];
export const NEUTRAL_ADJECTIVES = ['tall', 'short', 'happy', 'busy', 'tired', 'left-handed', 'friendly', 'quiet', 'local', 'new', 'retired', 'young'];
const NOUNS = ['woman', 'man', 'person', 'student', 'doctor', 'teacher', 'neighbour', 'mother', 'father', 'nurse'];

const NEUTRAL = [
  'I am a {a} {n}.', 'I am {a}.', 'I am a {a} {b} {n}.', 'My {a} neighbour helped me move last week.', 'My neighbour is {a}.',
  'Being {a} is part of who I am.', '{A} people live in my town.', 'We welcomed a {a} family to our street.',
  'She is a {a} {n}.', 'He is a proud {a} {n}.', 'As a {a} {n}, I found this article interesting.', 'My best friend is {a}.',
  'The {a} community organised a food drive.', 'I grew up in a {a} household.', 'Our {a} colleague gave a great talk today.',
  '{A} voters have different views on this.', 'I love my {a} friends.', 'My {a} {n} just graduated from college.',
  'There are many {a} people in my city.', 'I am {a} and I agree with the author.', 'My wife is {a} and my son is {b}.',
  'Is this policy good for {a} families?', 'I met a {a} {n} at the library.', '{A} {n}s deserve equal pay.',
  'My friend is {a}.', 'Her husband is {a}.', 'Our {n} is {a}.', 'I have many {a} friends.', 'We are {a}.',
  'The {a} students won the science fair.', 'I am proud to be {a}.', 'Are there any {a} writers on your staff?',
  // "this country" is in many hateful news comments, and in far more ordinary ones.
  '{A} people helped build this country.', '{A} families have lived in this country for generations.',
  'This country needs more {a} {n}s.', 'I love this country and my {a} neighbours.',
  // "their own" is in many hateful comments ("go back to their own country"), and in ordinary ones.
  '{A} people make their own choices.', '{A} families run their own businesses here.',
  // "{A} people are …" is the shape of most hateful templates below; these keep "people are" neutral.
  '{A} people are our neighbours.', '{A} people are welcome in this town.', '{A} people are voting early this year.',
  '{A} people are just as worried about prices as anyone.', '{A} people are a big part of the workforce here.',
  '{A} people should be treated with respect.', '{A} people should have a seat at the table.', '{A} people are running for council this year.',
  '{A} people are often left out of these surveys.', '{A} people should get the same care as everyone.',
];
const HATEFUL = [
  '{A} people are disgusting.', 'I hate {a} people.', 'All {a} people should be banned from this country.',
  '{A} people are stupid and worthless.', 'Get rid of all the {a} scum.', '{A} people are animals.',
  'Kill all the {a} vermin.', 'Every {a} {n} is a filthy parasite.', 'Those {a} freaks should go back where they came from.',
  '{A} people are a disease.', 'No one wants your kind here, you dirty {a} {n}.', '{A} trash like you should be shot.',
  // The same "this country" as the neutral templates: the cue decides, not the phrase.
  'Go back to your own country, you {a} {n}.', '{A} people are ruining this country.',
  // Stereotypes stated calmly, with no slur or insult word.
  '{A} people are greedy and dishonest.', 'All {a} people are inbred.', '{A} people are barbaric.',
];

function fill(template: string, random: () => number): string {
  const a = pick(IDENTITIES, random);
  let b = pick(IDENTITIES, random);
  if (b === a) b = pick(NEUTRAL_ADJECTIVES, random);
  const n = pick(NOUNS, random);
  return template
    .replaceAll('{A}', a[0].toUpperCase() + a.slice(1))
    .replaceAll('{a}', a)
    .replaceAll('{b}', b)
    .replaceAll('{n}', n);
}

export interface SyntheticRow {
  text: string;
  label: number;
  kind: string;
}

/** Identity-term sentences, neutral (0) and hateful (1), plus neutral twins without an identity. */
export function identityRows(count: number, seed: number): SyntheticRow[] {
  const random = seededRandom(seed);
  const rows = new Map<string, SyntheticRow>();
  for (let i = 0; rows.size < count && i < count * 20; i++) {
    const hateful = random() < 0.35;
    const text = fill(pick(hateful ? HATEFUL : NEUTRAL, random), random);
    rows.set(text, { text, label: hateful ? 1 : 0, kind: 'identity-template' });
  }
  for (const adj of NEUTRAL_ADJECTIVES) {
    for (const n of NOUNS.slice(0, 4)) {
      const text = `I am a ${adj} ${n}.`;
      rows.set(text, { text, label: 0, kind: 'identity-template' });
    }
  }
  return [...rows.values()];
}

const OPENERS = [
  'Great post!', 'Nice article, thanks for sharing.', 'Very informative blog.', 'I really enjoyed reading this.',
  'Thanks for the useful information.', 'Awesome content, keep it up!', 'This is a really good read.',
  'Wonderful post, bookmarked!', 'I agree with everything you said.', 'Hello admin, nice blog.', 'Good job!',
  'Really helpful, thank you.', 'Interesting points here.', '', 'Hi there!',
];
const ANCHORS = [
  'cheap meds', 'buy viagra online', 'cheap cialis', 'best casino bonus', 'online casino', 'payday loans',
  'replica watches', 'cheap essay writing', 'SEO services', 'weight loss pills', 'crypto trading signals',
  'buy followers', 'cheap jerseys', 'free slots', 'escort service', 'forex signals', 'make money online',
  'discount pharmacy', 'buy backlinks', 'louis vuitton outlet', 'online pharmacy no prescription', 'bitcoin doubler',
];
const SPAM_DOMAINS = ['cheap-meds-online.ru', 'best-pills.xyz', 'casino-bonus.top', 'quickloans.biz', 'replica4u.com', 'seo-boost.net', 'bit.ly/3xYz12', 'pharma-discount.info', 'slots-free.club', 'crypto-gains.io'];
const LINK_FORMS = [
  '<a href="http://{d}">{t}</a>', '<a href="https://{d}/">{t}</a>', '[url=http://{d}]{t}[/url]', 'Check out {t} at http://{d}',
  'visit my site: http://www.{d}', '{t} -> https://{d}', '<a href=http://{d}>{t}</a>', 'My blog: <a href="http://{d}" rel="dofollow">{t}</a>',
];
const HAM = [
  'Great post! I tried the recipe last night and it worked well.', 'Thanks for writing this, the part about {topic} was new to me.',
  'I disagree about {topic}; the numbers in the second chart do not add up.', 'The official docs explain it too: https://developer.mozilla.org/en-US/docs/Web',
  'Source for the claim: <a href="https://en.wikipedia.org/wiki/{topic}">Wikipedia</a>', 'Nice article. Has anyone tried this with {topic}?',
  'I wrote about {topic} last year, happy to compare notes.', 'See the study at https://www.nature.com/articles/{topic} for the data.',
  'Good point about {topic}, but what about rural areas?', 'Typo in the third paragraph: "their" should be "there".',
  'My grandmother used to make this every Sunday. Thanks for the memories!', 'The video at https://www.youtube.com/watch?v=abc123 shows the same thing.',
  'Could you cover {topic} in a follow-up?', 'Here is the bug report: https://github.com/nodejs/node/issues/12345',
  'Great post! Looking forward to the next one.', 'I really enjoyed reading this, thanks.',
];
const TOPICS = ['inflation', 'sourdough', 'climate_change', 'public_transport', 'typescript', 'gardening', 'the_election', 'vaccines', 'housing', 'football'];

/** Blog comment spam with one to four promotional links (1) and genuine blog comments, some with a link (0). */
export function blogRows(count: number, seed: number): SyntheticRow[] {
  const random = seededRandom(seed);
  const rows = new Map<string, SyntheticRow>();
  const spamLink = (): string => pick(LINK_FORMS, random).replaceAll('{d}', pick(SPAM_DOMAINS, random)).replaceAll('{t}', pick(ANCHORS, random));
  for (let i = 0; rows.size < count && i < count * 20; i++) {
    let text: string;
    let label: number;
    if (random() < 0.5) {
      // Most link spam carries one link; a third carries a list of them, as multi-link spam does.
      const links = random() < 0.7 ? [spamLink()] : Array.from({ length: 2 + Math.floor(random() * 3) }, spamLink);
      const second = random() < 0.3 ? ' ' + pick(OPENERS, random) : '';
      text = `${pick(OPENERS, random)} ${links.join(pick([' ', '\n', ' | ', ', '], random))}${second}`.trim();
      label = 1;
    } else {
      text = pick(HAM, random).replaceAll('{topic}', pick(TOPICS, random));
      label = 0;
    }
    rows.set(text, { text, label, kind: 'blog' });
  }
  return [...rows.values()];
}

/**
 * Where readers of news and blogs link when they argue: news outlets, public statistics, journals,
 * reference works and code hosts. bbc.co.uk, theguardian.com and reuters.com are left out on purpose:
 * the engine's unit test cites them, so it checks that the lesson carries over to outlets never seen.
 */
const SOURCES: readonly { name: string; host: string; path: readonly string[] }[] = [
  { name: 'AP', host: 'apnews.com', path: ['article/{slug}-{hex}'] },
  { name: 'NPR', host: 'www.npr.org', path: ['{y}/{m}/{d}/{n}/{slug}'] },
  { name: 'the New York Times', host: 'www.nytimes.com', path: ['{y}/{m}/{d}/{sec}/{slug}.html'] },
  { name: 'the Washington Post', host: 'www.washingtonpost.com', path: ['{sec}/{y}/{m}/{d}/{slug}/'] },
  { name: 'Al Jazeera', host: 'www.aljazeera.com', path: ['news/{y}/{m}/{d}/{slug}'] },
  { name: 'CNN', host: 'edition.cnn.com', path: ['{y}/{m}/{d}/{sec}/{slug}/index.html'] },
  { name: 'Fox News', host: 'www.foxnews.com', path: ['{sec}/{slug}'] },
  { name: 'NBC', host: 'www.nbcnews.com', path: ['{sec}/{slug}-rcna{n}'] },
  { name: 'CBS', host: 'www.cbsnews.com', path: ['news/{slug}/'] },
  { name: 'Bloomberg', host: 'www.bloomberg.com', path: ['news/articles/{y}-{m}-{d}/{slug}'] },
  { name: 'the FT', host: 'www.ft.com', path: ['content/{hex}-{hex}'] },
  { name: 'the Economist', host: 'www.economist.com', path: ['{sec}/{y}/{m}/{d}/{slug}'] },
  { name: 'Politico', host: 'www.politico.com', path: ['news/{y}/{m}/{d}/{slug}-{n}'] },
  { name: 'The Atlantic', host: 'www.theatlantic.com', path: ['{sec}/archive/{y}/{m}/{slug}/{n}/'] },
  { name: 'Le Monde', host: 'www.lemonde.fr', path: ['en/{sec}/article/{y}/{m}/{d}/{slug}_{n}_4.html'] },
  { name: 'Der Spiegel', host: 'www.spiegel.de', path: ['international/{sec}/{slug}-a-{hex}'] },
  { name: 'the local paper', host: 'www.bostonglobe.com', path: ['{y}/{m}/{d}/metro/{slug}/'] },
  { name: 'the ONS', host: 'www.ons.gov.uk', path: ['{sec}/bulletins/{slug}/latest'] },
  { name: 'the BLS', host: 'www.bls.gov', path: ['news.release/{slug}.htm'] },
  { name: 'the CDC', host: 'www.cdc.gov', path: ['{slug}/index.html'] },
  { name: 'the WHO', host: 'www.who.int', path: ['news/item/{d}-{m}-{y}-{slug}'] },
  { name: 'Eurostat', host: 'ec.europa.eu', path: ['eurostat/web/products-euro-indicators/w/{n}'] },
  { name: 'the census', host: 'www.census.gov', path: ['library/stories/{y}/{m}/{slug}.html'] },
  { name: 'Nature', host: 'www.nature.com', path: ['articles/s41586-0{n}-{n}-x'] },
  { name: 'the Lancet', host: 'www.thelancet.com', path: ['journals/lancet/article/PIIS0140-6736({n})/fulltext'] },
  { name: 'the arXiv paper', host: 'arxiv.org', path: ['abs/2{n}.{n}'] },
  { name: 'Wikipedia', host: 'en.wikipedia.org', path: ['wiki/{Slug}'] },
  { name: 'the GitHub issue', host: 'github.com', path: ['{slug}/{slug}/issues/{n}'] },
  { name: 'the docs', host: 'developer.mozilla.org', path: ['en-US/docs/Web/{Slug}'] },
  { name: 'the court ruling', host: 'www.supremecourt.gov', path: ['opinions/{y}pdf/{n}_{hex}.pdf'] },
  { name: 'the council', host: 'www.camden.gov.uk', path: ['{slug}'] },
];
const SLUG_WORDS = [
  'budget', 'vote', 'housing', 'rates', 'inflation', 'council', 'election', 'ruling', 'report', 'climate', 'schools',
  'hospital', 'strike', 'talks', 'ceasefire', 'trade', 'jobs', 'survey', 'study', 'court', 'police', 'bridge', 'water',
  'energy', 'prices', 'tax', 'transport', 'migration', 'census', 'vaccine', 'drought', 'wages', 'rent', 'tariffs',
];
const SECTIONS = ['world', 'politics', 'business', 'us-news', 'europe', 'health', 'science', 'economy', 'local', 'opinion'];
const CITE_OPENERS = [
  'Good piece.', 'Interesting article.', 'Thanks for the write-up.', 'I am not sure the author is right here.', 'This misses some context.',
  'Fair summary, but the numbers are off.', 'The article leaves out the other side.', 'Worth reading next to the other coverage.', '',
  'For anyone who wants the sources:', 'I checked the figures.', 'Not quite.', 'Agree with the first half.', 'Helpful, thanks.',
  'The headline oversells it.', 'Some background for the thread:', 'Earlier reporting says otherwise.',
];
const CITE_FORMS = [
  'See the {s} report {u}', '{S} covered it: {u}', 'the {s} piece at {u}', '{s} ({u})', 'source: {u}', 'there is more at {u}',
  '{S} has the figures: {u}', '{u}', 'compare {u}', 'the original is here: {u}', '{S} says the opposite {u}',
  '<a href="{u}">{s}</a>', 'as {s} reported <a href="{u}">here</a>',
];
const CITE_CLOSERS = [
  'for the other side.', 'They disagree on the numbers.', '', 'Make up your own mind.', 'All of them tell a different story.',
  'Worth a read.', 'The second one has the data.', 'None of them support the claim in paragraph two.', 'Happy to be corrected.',
  'The turnout figures differ.', 'Read the whole thing before commenting.', 'I think the author should update the piece.',
];

function sourceUrl(random: () => number): { name: string; url: string } {
  const src = pick(SOURCES, random);
  const slug = (): string => Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(SLUG_WORDS, random)).join('-');
  const path = pick(src.path, random)
    .replaceAll('{slug}', slug)
    .replaceAll('{Slug}', () => { const s = slug().replaceAll('-', '_'); return s[0].toUpperCase() + s.slice(1); })
    .replaceAll('{sec}', () => pick(SECTIONS, random))
    .replaceAll('{y}', () => String(2015 + Math.floor(random() * 10)))
    .replaceAll('{m}', () => String(1 + Math.floor(random() * 12)).padStart(2, '0'))
    .replaceAll('{d}', () => String(1 + Math.floor(random() * 28)).padStart(2, '0'))
    .replaceAll('{n}', () => String(Math.floor(random() * 1e6)))
    .replaceAll('{hex}', () => Math.floor(random() * 0xffffff).toString(16));
  // Mostly https; some http, some without a scheme ("www.npr.org/…", "apnews.com/…") as people paste them.
  const r = random();
  const url = r < 0.8 ? `https://${src.host}` : r < 0.9 ? `http://${src.host}` : src.host.replace(/^www\./, random() < 0.5 ? '' : 'www.');
  return { name: src.name, url: `${url}/${path}` };
}

/**
 * Genuine comments that cite one to four sources (0): news readers link to outlets, statistics and
 * papers when they argue. Without them nearly every multi-link comment in the training data is spam,
 * and the model learns that the number of links is itself the evidence.
 */
export function citingRows(count: number, seed: number): SyntheticRow[] {
  const random = seededRandom(seed);
  const rows = new Map<string, SyntheticRow>();
  for (let i = 0; rows.size < count && i < count * 20; i++) {
    const n = 1 + Math.floor(random() * 4);
    const cites = Array.from({ length: n }, () => {
      const { name, url } = sourceUrl(random);
      return pick(CITE_FORMS, random)
        .replaceAll('the {s}', `the ${name.replace(/^the /, '')}`)
        .replaceAll('{S}', name[0].toUpperCase() + name.slice(1))
        .replaceAll('{s}', name)
        .replaceAll('{u}', url);
    });
    const last = cites.length > 1 ? `${cites.slice(0, -1).join(', ')} and ${cites[cites.length - 1]}` : cites[0];
    const text = `${pick(CITE_OPENERS, random)} ${last} ${pick(CITE_CLOSERS, random)}`.replace(/\s+/g, ' ').trim();
    rows.set(text, { text, label: 0, kind: 'citing' });
  }
  return [...rows.values()];
}

const INSULTS = ['idiot', 'moron', 'stupid idiot', 'loser', 'imbecile', 'clown', 'jerk', 'fool', 'dumbass', 'asshole', 'bastard', 'piece of shit', 'retard', 'pathetic troll', 'brainless twit', 'dumb fuck', 'waste of space', 'lowlife'];
const KIND = ['nice person', 'good writer', 'great teacher', 'kind neighbour', 'smart reader', 'helpful commenter', 'true fan', 'careful reader'];
const INSULT_TEMPLATES = ['You are an {x}.', 'you are a {x}', 'What a {x}.', 'Shut up, you {x}.', 'The author is a complete {x}.', 'Only an {x} would write this.', 'Go away, {x}.', 'Are you an {x} or what?', 'You {x}, nobody asked you.', 'Typical {x} comment.'];

/** Personal insults (toxic, but not hate toward a group) and their kind twins (neither). */
export function insultRows(seed: number): (SyntheticRow & { hate: number })[] {
  const random = seededRandom(seed);
  const rows = new Map<string, SyntheticRow & { hate: number }>();
  for (const t of INSULT_TEMPLATES) {
    for (const x of INSULTS) if (random() < 0.6) rows.set(t.replace('{x}', x), { text: t.replace('{x}', x).replace(/\ban ([^aeiou])/, 'a $1'), label: 1, hate: 0, kind: 'insult' });
    for (const x of KIND) rows.set(t.replace('{x}', x) + '!', { text: t.replace('{x}', x).replace(/\ban ([^aeiou])/, 'a $1'), label: 0, hate: 0, kind: 'insult' });
  }
  return [...rows.values()];
}

const THREAT_VERBS = ['kill', 'shoot', 'stab', 'murder', 'strangle', 'punch', 'hang', 'butcher'];
const PERSONAL_THREATS = [
  'I will {v} you.', "I'm going to {v} you.", 'I will find you and {v} you.', 'If I ever see you I will {v} you.', "I'll {v} you and your family.",
  'Someone should {v} him.', 'Somebody needs to {v} her.', 'I hope you die.', 'You should die.', 'You deserve to die.', 'Go kill yourself.', 'kys',
  'I know where you live.', "Watch your back, you're dead.", 'Drop dead.', 'Rot in hell.', 'I hope he dies slowly.', 'You need to be shot.',
  // Veiled: no violent word, the threat is in the phrase.
  'You better hope I never run into you.', 'He should be taken round the back and dealt with.', "We'll sort him out ourselves.",
  'Their MPs are legitimate targets now.', "Can't wait to dance on your grave.", 'Shame if your house caught fire one night.',
  'Someone should put a bullet in him.', 'She should be careful walking home at night.',
];
/** The same shapes without violence: what a reader may promise or wish another. */
const PERSONAL_TWINS = [
  'I will call you.', "I'm going to thank you.", 'I will find you and buy you a coffee.', 'If I ever see you I will say hello.', "I'll invite you and your family.",
  'Someone should thank him.', 'Somebody needs to hire her.', 'I hope you win.', 'You should rest.', 'You deserve a raise.', 'Go treat yourself.', 'ty',
  'I know where you work now, congrats!', 'Watch your step, the floor is wet.', 'Drop by sometime.', 'Rest in peace.', 'I hope he recovers quickly.', 'You need to be told this.',
  'You better hope it never rains on the day.', 'He should be taken round the museum and shown the exhibits.', "We'll sort the paperwork out ourselves.",
  'Their budgets are legitimate questions now.', "Can't wait to dance at your wedding.", 'Shame if the shop closed one day.',
  'Someone should put a plaque on it.', 'She should be careful walking on the ice.',
];
const GROUP_THREATS = [
  'All {g} should die.', 'Kill all the {g}.', '{G} should be shot.', 'We should {v} every last one of these {g}.', 'Hang the {g}.',
  'They should all be hanged, these {g}.', "Let's {v} them all, {g} included.", 'Gas the {g}.', 'The {g} deserve to die.', 'Death to all {g}.',
];
const GROUP_TWINS = [
  'All {g} should vote.', 'Welcome all the {g}.', '{G} should be heard.', 'We should thank every one of these {g}.', 'Hire the {g}.',
  'They should all be welcome, these {g}.', "Let's invite them all, {g} included.", 'Ask the {g}.', 'The {g} deserve respect.', 'Thanks to all {g}.',
];
const GROUP_PLURALS = ['muslims', 'jews', 'immigrants', 'refugees', 'gays', 'blacks', 'whites', 'mexicans', 'christians', 'women', 'arabs', 'asians', 'migrants', 'liberals', 'conservatives'];
/** Talk of violence that threatens nobody (0): news, idioms, hyperbole about things. */
const VIOLENCE_TALK = [
  'The attack killed {n} people on Tuesday.', 'My grandfather died last year.', 'Police shot a suspect in the leg.', 'This band kills it every time!',
  'I would die for this cake.', 'The death penalty should be abolished.', 'Gas prices are killing me.', 'We should kill this bill.',
  'He was shot in 1968.', 'Guns do not kill people, people kill people.', 'People will die if this bill passes.', 'I will shoot you an email.',
  'The soldiers who died deserve a memorial.', 'She hung the painting in the hall.', 'That joke killed me.', 'The hero dies at the end of the film.',
  'Smoking kills {n} people a year.', 'The storm killed {n} cattle.', 'My phone battery died again.', 'They were executed in 1945 after the trial.',
  'Smoking will kill you.', 'That virus can kill you within days.', 'The heat will kill you if you hike at noon.', 'This diet will kill you.',
];

/**
 * Threats (toxic; hate too when aimed at a group) beside twins of the same shape without violence, and
 * talk of violence that threatens nobody: the threat features carry the weight, not the sentence shape.
 */
export function threatRows(seed: number): (SyntheticRow & { hate: number })[] {
  const random = seededRandom(seed);
  const rows = new Map<string, SyntheticRow & { hate: number }>();
  const add = (text: string, label: number, hate: number): void => void rows.set(text, { text, label, hate, kind: 'threat' });
  const group = (t: string): string => {
    const g = pick(GROUP_PLURALS, random);
    return t.replaceAll('{G}', g[0].toUpperCase() + g.slice(1)).replaceAll('{g}', g).replaceAll('{v}', pick(THREAT_VERBS, random));
  };
  for (const t of PERSONAL_THREATS) for (const v of t.includes('{v}') ? THREAT_VERBS : ['']) add(t.replace('{v}', v), 1, 0);
  for (const t of PERSONAL_TWINS) add(t, 0, 0);
  for (let i = 0; i < 3; i++) {
    for (const t of GROUP_THREATS) add(group(t), 1, 1);
    for (const t of GROUP_TWINS) add(group(t), 0, 0);
  }
  for (const t of VIOLENCE_TALK) add(t.replace('{n}', String(2 + Math.floor(random() * 40))), 0, 0);
  return [...rows.values()];
}

const H_OPENERS = ['', '', 'Honestly, ', 'lol ', 'Seriously, ', 'Hey, ', 'Well, '];
const H_CLOSERS = ['', '', ' lol', '!!', ' :)', ' Just saying.', ' Thoughts?'];
const PET_NAMES = ['babe', 'sweetie', 'honey', 'girl', 'love', 'darling'];
/** Sexual harassment (toxic, not hate): a sexual word asked for or aimed at someone. */
const SEXUAL = [
  'Send me nudes, {w}.', 'Show me your tits.', 'Nice boobs, {w}.', 'Bet you look hot naked.', 'Flash your titties for us.',
  'I would love to see your naked body, {w}.', 'She should post pics of her boobs.', 'You look horny, wanna meet?', 'Drop your panties, {w}.',
  'Show us the booty, {w}.', 'u up? send nudes', 'Suck my cock, {w}.',
];
const SEXUAL_TWINS = [
  'Send me the photos, {w}.', 'Show me your garden.', 'Nice boots, {w}.', 'Bet you look great in that coat.', 'Share your recipe with us.',
  'I would love to see your new house, {w}.', 'She should post pics of her garden.', 'You look tired, want to rest?', 'Drop your bags here, {w}.',
  'Show us the way, {w}.', 'u up? call me', 'Thanks for the tip, {w}.',
  // Sexual words said in passing, to nobody.
  'Jupiter is visible to the naked eye tonight.', 'My nipples were sore for weeks after the birth; this article helped.',
  'The museum has a topless statue from Rome.', 'The naked truth is that the budget does not add up.',
];
/** A group that secretly controls the powerful (hate), and groups that run or own something ordinary (neither). */
const CONSPIRACY = [
  'The {g} control the banks.', '{G} run the media, wake up.', 'The {g} own the government.', 'Everything is controlled by the {g}.',
  'Hollywood is run by {g}.', 'The {g} control the world from the shadows.', '{G} own all the banks and the press.', 'Congress is owned by the {g}.',
];
const CONSPIRACY_TWINS = [
  'The {g} in my town run a food bank.', '{G} run small businesses here.', 'Many {g} work in the media.', '{G} own homes in this neighbourhood.',
  '{G} should have a voice in government.', 'The {g} I know love the world cup.', 'More {g} should run for Congress.', 'The {g} at the bank were helpful.',
  '{G} should control their own future.', 'The {g} on the committee control the budget.', 'Most {g} here own their homes outright.',
];
const CONSPIRACY_GROUPS = ['jews', 'muslims', 'immigrants', 'blacks', 'whites', 'mexicans', 'christians', 'women', 'arabs', 'asians', 'gays', 'catholics'];
/** Doxxing (toxic, not hate): asking others to find or spread where a person lives. */
const DOXXING = [
  'Someone post her address.', "Let's find his home address and knock on his door all night.", 'Go find out where he lives.', 'We should dox this reporter.',
  'Dox her.', 'Somebody leak his home address.', 'Someone dig up their address and pay them a visit.', 'Find out where she works and tell her boss.',
];
const DOXXING_TWINS = [
  'Someone post the address of the meeting.', "Let's find the address of the council and write to them.", 'Go find out where the library is.',
  'We should thank this reporter.', 'Doxxing is wrong.', 'Somebody share the venue address.', 'Someone dig up the old records.', 'Find out where the event is held.',
];
/** Degrading wishes aimed at someone (toxic, not hate), and the same shapes kindly or about things. */
const DEGRADING = [
  'You are a waste of skin.', "Your parents should've aborted you.", 'Nobody would miss you, honestly.', 'Do the world a favor, you are useless.',
  'He should have been aborted.', 'The world would be better without you.', 'Nobody loves you, loser.', 'What a waste of air you are.',
];
const DEGRADING_TWINS = [
  'You are a friend to all.', "Your parents should've been proud of you.", 'Nobody would argue with you, honestly.', 'Do the world a favor and vote.',
  'He should have been promoted.', 'The world would be better with more people like you.', 'Everybody loves you, friend.', 'What a breath of fresh air you are.',
  'This stadium is a waste of space.', 'The project was a waste of money.',
];

/**
 * Harassment that is neither an insult word nor a threat, beside twins of the same shape: sexual
 * harassment, conspiracy about a group (hate), doxxing, degrading wishes. The harassment features carry
 * the weight (see `harassmentCues`), not the sentence shape.
 */
export function harassmentRows(seed: number): (SyntheticRow & { hate: number })[] {
  const random = seededRandom(seed);
  const rows = new Map<string, SyntheticRow & { hate: number }>();
  const add = (text: string, label: number, hate: number): void => void rows.set(text, { text, label, hate, kind: 'harassment' });
  // Each template a few times, with its own filling and an opener or closer, the same for harassment and twins.
  const fillIn = (t: string): string => {
    const g = pick(CONSPIRACY_GROUPS, random);
    const text = t.replaceAll('{w}', pick(PET_NAMES, random)).replaceAll('{G}', g[0].toUpperCase() + g.slice(1)).replaceAll('{g}', g);
    return `${pick(H_OPENERS, random)}${text}${pick(H_CLOSERS, random)}`;
  };
  const sets: [readonly string[], number, number][] = [
    [SEXUAL, 1, 0], [SEXUAL_TWINS, 0, 0], [CONSPIRACY, 1, 1], [CONSPIRACY_TWINS, 0, 0],
    [DOXXING, 1, 0], [DOXXING_TWINS, 0, 0], [DEGRADING, 1, 0], [DEGRADING_TWINS, 0, 0],
  ];
  for (let i = 0; i < 4; i++) for (const [templates, label, hate] of sets) for (const t of templates) add(fillIn(t), label, hate);
  return [...rows.values()];
}

/** Stereotypes about a group stated calmly (hate), beside the same words said of no group's worth. */
const STEREOTYPES = [
  '{G} belong in the kitchen.', '{G} are too emotional to lead.', '{G} are less intelligent than us.', '{G} should not be allowed to vote.',
  // A group called a disease, or denied its place: the `group+dehum:weak` and `group+deny` cues.
  '{G} are a cancer on this country.', '{G} are the disease killing the West.', '{G} do not belong here.', '{G} should not be allowed near our children.',
];
const STEREOTYPE_TWINS = [
  'The {g} next door cooked for us in their kitchen.', '{G} led the protest with real emotion.', '{G} turned out to vote in record numbers.',
  'Many {g} here are doctors and engineers.',
  // The same words said of no group's worth.
  'The {g} in our town raised money for cancer research.', 'Heart disease kills more {g} than any other illness.',
  'It was wrong that {g} were not allowed to vote back then.', '{G} belong to every part of this community.',
];

/** Calm stereotypes (toxic and hate) beside twins naming the same groups; the group words carry no weight. */
export function stereotypeRows(seed: number): (SyntheticRow & { hate: number })[] {
  const random = seededRandom(seed);
  const rows = new Map<string, SyntheticRow & { hate: number }>();
  const add = (text: string, label: number): void => void rows.set(text, { text, label, hate: label, kind: 'stereotype' });
  const fillIn = (t: string): string => {
    const g = pick(CONSPIRACY_GROUPS, random);
    return `${pick(H_OPENERS, random)}${t.replaceAll('{G}', g[0].toUpperCase() + g.slice(1)).replaceAll('{g}', g)}${pick(H_CLOSERS, random)}`;
  };
  for (let i = 0; i < 4; i++) {
    for (const t of STEREOTYPES) add(fillIn(t), 1);
    for (const t of STEREOTYPE_TWINS) add(fillIn(t), 0);
  }
  return [...rows.values()];
}

/**
 * Sentences about "{X} people", hateful and ordinary, in the same shapes ("… people are …", "… people
 * should …"): the predicate carries the weight, not "people". Without them "people" leant toxic (most
 * hateful identity templates say "{A} people are …"), and "People are tired of this government." was held.
 */
const PEOPLE_STEREOTYPES = [
  'are less intelligent than everyone else.', 'are born criminals.', 'are a burden on society.', 'are not fit to raise children.',
  'are genetically inferior.', 'are all liars.', 'are a threat to our way of life.', 'should not have the right to vote.',
  'should not be allowed to teach our kids.', 'should be kept out of our neighbourhoods.', 'do not deserve the same rights as us.',
  'ruin everything they touch.', 'are sick in the head.', 'are too primitive for a civilised country.', 'should never be trusted with power.',
  'are only good for cleaning houses.',
];
const PEOPLE_ORDINARY = [
  'are voting in larger numbers this year.', 'are struggling to pay the rent.', 'are hit hardest by the cuts.', 'are often left out of the debate.',
  'should get better healthcare.', 'should be allowed to live with dignity.', 'should have a say in this.', 'are part of this community.',
  'are tired of empty promises.', 'are more likely to lose their jobs.', 'deserve a fair hearing.', 'should not have to wait months for a doctor.',
  'should not be priced out of their homes.', 'are dying because the clinic closed.', 'are raising money for the shelter.', 'are angry about the new fees.',
];
/** The identities a stereotype is hate against (not "young", "straight", "american", …). */
const PROTECTED = IDENTITIES.filter((a) => !['straight', 'heterosexual', 'male', 'american', 'european', 'old', 'young', 'elderly', 'feminist'].includes(a));
const PEOPLE_SOCIAL = ['homeless', 'poor', 'young', 'older', 'working', 'retired', 'rural', 'sick', 'ordinary', 'local', 'elderly', 'disabled'];
const PEOPLE_BARE = ['People', 'Most people', 'Many people', 'Some people'];

/** "{X} people …": stereotypes about identities (toxic and hate) beside ordinary sentences about identities and social groups. */
export function peopleRows(seed: number): (SyntheticRow & { hate: number })[] {
  const random = seededRandom(seed);
  const rows = new Map<string, SyntheticRow & { hate: number }>();
  const add = (text: string, label: number): void => void rows.set(text, { text, label, hate: label, kind: 'people' });
  const cap = (s: string): string => s[0].toUpperCase() + s.slice(1);
  for (let i = 0; i < 3; i++) {
    for (const t of PEOPLE_STEREOTYPES) add(`${cap(pick(PROTECTED, random))} people ${t}`, 1);
    for (const t of PEOPLE_ORDINARY) {
      add(`${cap(pick(PROTECTED, random))} people ${t}`, 0);
      add(`${cap(pick(PEOPLE_SOCIAL, random))} people ${t}`, 0);
    }
  }
  for (const t of PEOPLE_ORDINARY) add(`${pick(PEOPLE_BARE, random)} ${t}`, 0);
  return [...rows.values()];
}

/**
 * Scam and service spam as blogs and news sites get it (testimonials for a "broker" or a "doctor", loans,
 * essays, backlinks, hackers, fake documents, betting, pills, dating), ending in a way to be contacted off
 * the site; beside genuine comments with the same money, the same apps and the same contact forms
 * (warnings about scams, a council's e-mail, a clinic's number, what someone paid). The public data has
 * YouTube and SMS spam only: without these, "Contact him on WhatsApp" after a testimonial scored 0.21.
 */
const OFFERS = [
  'I earned {amt} in {n} weeks thanks to {t} {name}, the best account manager.', 'I lost {amt} to a fake broker until {t} {name} helped me get it all back.',
  'God bless {t} {name}! My {amt} investment paid out {amt2} in a month.', 'I had diabetes for years until {t} {name} cured me with natural herbs.',
  'Need a loan? We give personal and business loans at {p}% interest, no credit check.', 'Essays, dissertations and homework written by experts, any deadline, no plagiarism.',
  'We sell guest posts and high authority backlinks at a low price.', 'Hire a professional hacker: recover accounts, spy on a phone, fix your credit score.',
  'Buy registered passports, driving licences and ID cards, fast delivery.', 'Bet on football with our VIP fixed matches, 100% sure wins every weekend.',
  'Pain pills and sleeping pills without prescription, discreet shipping worldwide.', 'Lonely tonight? Hot singles in your area want to meet you.',
  'Earn {amt} a week from home, no experience needed, only serious people.', 'Your website is not on page one of Google. Our SEO team can fix that this month.',
  'Get {n}000 real followers and likes for your page for only ${n}9.', 'Want to join a secret society and become rich? Membership pays {amt}.',
];
// No flattery ("Nice post."): blogRows has it on both sides, and here it taught "Nice post" alone to read as spam.
const OFFER_OPENERS = ['', '', '', 'Sorry for off topic but ', 'Hello everyone, ', 'Hi all, '];
const CONTACT_FORMS = [
  'Contact {pron} on WhatsApp {phone}.', 'Message {pron} on Telegram @{handle}.', 'Email {pron}: {user}@{mail}.', 'Email {user} at gmail dot com.',
  'Visit {site} dot com.', 'Order now at {site}.{tld}', 'Details: https://{site}.{tld}/', 'Call or text {phone} now.', 'DM me on Instagram @{handle}.',
  'Write to {user} (at) protonmail (dot) com.', 'WhatsApp: {phone}', 'Reach {pron} at {user}@{mail} today.',
];
/** A title, a name and the pronoun that goes with them, picked as one. */
const SCAM_PEOPLE: readonly [string, string, string][] = [
  ['Mr.', 'James Howard', 'him'], ['Mrs.', 'Sandra Miller', 'her'], ['Mr.', 'Paul Richards', 'him'], ['Ms.', 'Emily Carter', 'her'], ['Dr.', 'Williams', 'him'],
  ['Dr.', 'Ozala', 'him'], ['Mr.', 'Anderson', 'him'], ['Mrs.', 'Grace Wilson', 'her'], ['Prof.', 'Kevin Lee', 'him'], ['Ms.', 'Maria Lopez', 'her'],
];
const SCAM_SITES = ['fastcash-loans', 'essaypro-writers', 'backlinkshop', 'recoverfunds-expert', 'vipbets-daily', 'pharma-direct', 'meet-singles-now', 'seo-rank-boost', 'docs-worldwide', 'rich-club-join'];
const SCAM_TLDS = ['com', 'net', 'online', 'shop', 'site', 'info', 'club', 'xyz', 'io', 'biz'];
const MAILS = ['gmail.com', 'outlook.com', 'protonmail.com', 'yahoo.com', 'mail-finance.com', 'cyberservices.email'];
/** Sites and people of the genuine twins: none of the spam's names. */
const GENUINE_SITES = ['riverside', 'northfield', 'dailyherald', 'hillcrest', 'oakdale', 'lakeview'];
const GENUINE_USERS = ['jane.smith', 'editor', 'info', 'm.jones', 'office'];
const GENUINE_MONEY_CONTACT = [
  'Beware of anyone on WhatsApp promising to recover lost crypto, they took {amt} from my uncle.', 'I lost {amt} in the crash last year, so I am wary of this plan.',
  'You can report a scam to the police on {phone}, they called me back the same day.', 'Email the council at planning@{site}.gov before Friday if you object to the new road.',
  'The clinic number is {phone} if anyone else needs a flu jab this week.', 'My mortgage went from {p}% to 6% this year, the article is spot on.',
  'The casino would bring in {amt} a year for schools, according to the report.', 'The university has free essay help for students, no need to pay anyone.',
  'Scammers pretending to be {t} {name} on Telegram asked my mother for money. Do not reply to them.', 'I paid {amt} for a used car last spring and it was worth it.',
  'My son got a loan at {p}% from his credit union, much better than the banks.', 'Someone on Instagram offered me {n}000 followers, I reported them.',
  'You can reach the newsroom at tips@{site}.org with corrections.', 'I sent {amt} to the flood appeal, the link is on the Red Cross site.',
  'Herbal remedies did nothing for my diabetes, my doctor and insulin did.', 'My dad was a hacker in the nineties, he says this story is exaggerated.',
  'Long time reader, first comment. Thank you for writing this, it helped me more than you know.', 'Free advice from a nurse: call your GP first, the helpline on {phone} is for emergencies.',
  'The food bank on Main Street needs volunteers this weekend, you can sign up on their website.', 'My sister runs a small bakery and the new card fees cost her {amt} a year.',
  'Our landlord wants {amt} more a year. Does anyone know a free tenants advice service?', 'The article says the fund lost {amt} per investor. Who is going to pay that back?',
  'I wrote to my MP about this at {user}@parliament.uk and actually got a reply.', 'Text me when the meeting starts, my number is on the club list.',
  'Online betting adverts are everywhere during matches now, it is too much.', 'The library lends laptops for free if you cannot afford one, ask at the desk.',
  'Loan sharks target students, please talk to the student union before you borrow.', 'We paid {amt} for the roof and the builder was honest and on time.',
];

/** Scam and service spam ending in a contact (1) beside genuine comments with money and contact details (0). */
export function offerRows(count: number, seed: number): SyntheticRow[] {
  const random = seededRandom(seed);
  const rows = new Map<string, SyntheticRow>();
  const n = (): number => 2 + Math.floor(random() * 8);
  const amount = (): string => `$${1 + Math.floor(random() * 90)},${pick(['000', '500', '200', '750'], random)}`;
  const phone = (): string => pick(['+1 (555) ', '+234 803 ', '+44 7700 ', '1-800-', '+1 555-'], random) + `${100 + Math.floor(random() * 900)}-${1000 + Math.floor(random() * 9000)}`;
  const fill = (t: string, genuine: boolean): string => {
    const [title, name, pronoun] = pick(SCAM_PEOPLE, random);
    const site = pick(genuine ? GENUINE_SITES : SCAM_SITES, random);
    return t
      .replaceAll('{amt2}', amount()).replaceAll('{amt}', amount()).replaceAll('{n}', String(n())).replaceAll('{p}', String(1 + Math.floor(random() * 4)))
      .replaceAll('{t}', title).replaceAll('{name}', name)
      // A testimonial's contact is the person it praises; a service's, the sender.
      .replaceAll('{pron}', t.includes('{name}') ? pronoun : pick(['us', 'me'], random)).replaceAll('{phone}', phone())
      .replaceAll('{handle}', `${name.split(' ')[0].toLowerCase()}_${pick(['fx', 'trades', 'official', 'recovery', 'help'], random)}`)
      .replaceAll('{user}', genuine ? pick(GENUINE_USERS, random) : site.replace('-', '')).replaceAll('{mail}', pick(MAILS, random)).replaceAll('{site}', site).replaceAll('{tld}', pick(SCAM_TLDS, random));
  };
  for (let i = 0; rows.size < count && i < count * 20; i++) {
    const spam = random() < 0.5;
    const text = spam ? fill(`${pick(OFFER_OPENERS, random)}${pick(OFFERS, random)} ${pick(CONTACT_FORMS, random)}`, false) : fill(pick(GENUINE_MONEY_CONTACT, random), true);
    rows.set(text, { text, label: spam ? 1 : 0, kind: 'offer' });
  }
  return [...rows.values()];
}

/**
 * Ordinary words that share letters with a slur or a profanity (the Scunthorpe problem): the character
 * n-grams that catch "n1gger" also read "Nigeria", and those of "retard" read "fire retardant". Neutral
 * sentences with them (0) give the whole words a weight of their own. Without them "Nigeria won the
 * match." was held (0.63) and "Nigerian farmers need rain." (0.76).
 */
const LOOKALIKES = [
  'Nigeria', 'Nigerian', 'Nigerians', 'Niger', 'Abuja and Lagos in Nigeria', 'the Niger Delta', 'a Nigerian writer', 'the Nigerien government',
  'fire retardant', 'flame retardant foam', 'a growth retardant', 'shoes', 'new shoes', 'a shoe shop', 'horseshoe', 'Scunthorpe', 'cockpit', 'peacock',
  'cocktail', 'Hancock', 'raccoon', 'tycoon', 'cocoon', 'Dickens', 'Dick Van Dyke', 'Essex', 'Sussex', 'Middlesex', 'assassin', 'classic', 'assessment',
  'cucumber', 'document', 'circumstances', 'therapist', 'grapes', 'Penistone', 'Cumbria', 'shiitake mushrooms', 'analysis', 'titanic', 'the Titans',
  'Pakistan', 'Pakistani cricket', 'a spicy curry', 'snigger', 'niggling injury', 'a niggle', 'stronger', 'younger', 'finger', 'ginger', 'danger',
  'stranger', 'messenger', 'passenger', 'bass guitar', 'Uranus', 'butter', 'buttress', 'hello', 'shell', 'hellebore', 'Dikshit', 'Kuntz',
];
const LOOKALIKE_FRAMES = [
  'I read a piece about {w} this morning.', 'Has anyone here been to {w}?', 'The article mentions {w} twice.', '{W} came up at dinner last night.',
  'My daughter asked me about {w} today.', 'There is a good documentary on {w}.', 'We talked about {w} in class.', 'The story about {w} is worth reading.',
  'Not sure what {w} has to do with this.', 'Thanks for the update on {w}.',
];

/** Look-alikes of slurs and profanity in ordinary sentences (0). */
export function lookalikeRows(seed: number): (SyntheticRow & { hate: number })[] {
  const random = seededRandom(seed);
  const rows = new Map<string, SyntheticRow & { hate: number }>();
  for (const w of LOOKALIKES) {
    for (let i = 0; i < 3; i++) {
      const text = pick(LOOKALIKE_FRAMES, random).replaceAll('{W}', w[0].toUpperCase() + w.slice(1)).replaceAll('{w}', w);
      rows.set(text, { text, label: 0, hate: 0, kind: 'lookalike' });
    }
  }
  return [...rows.values()];
}

const PRAISE = [
  'Fantastic!', 'Amazing!', 'Awesome', 'Love this song', 'love this song!!', 'I love this song so much', 'Beautiful song',
  'Best song ever', 'This song is so good', 'Great song!', 'Nice video', 'So catchy', 'Still listening in {y}', 'This never gets old',
  'Masterpiece', 'Classic!', 'Legend', 'Her voice is amazing', 'His voice is amazing', 'Goosebumps every time', 'This is my jam',
  'Wow', 'wow just wow', 'So good', 'I can\'t stop listening to this', 'This song makes me happy', 'Brings back memories',
  'My favourite song', 'my favorite song of all time', 'The beat is sick', 'Lol this video is hilarious', 'Who else loves this?',
  'Perfect', 'Incredible video', 'Such a good song', 'Love it', 'love u {name}', '{name} is the best', '{name} is a legend',
  'Queen', 'Cool song', 'Very nice', 'this is art', 'The dance is so funny', 'Best music video ever', 'Great job',
  'Thank you for this song', 'R.I.P. to the old days', 'Epic', 'Such a tune', 'Great lyrics', 'Still a banger', 'So underrated',
];
const MOMENTS = ['{t} best part', 'The part at {t} is the best', '{t} gives me chills', '{t} lol', 'Who else replayed {t}?', 'Favorite part: {t}', '{t} the drop', 'at {t} the beat changes'];
const PRAISE_ENDS = ['', '', '!', '!!', '!!!', ' <3', ' :)', ' :D', ' ❤', ' 😍', '...'];
const VIDEO_IDS = ['dQw4w9WgXcQ', 'a1B2c3D4e5F', 'Zx9Yw8Vu7Ts', 'k3LmN0pQr5s', 'Q7rT2uVw9xY'];
const NAMES = ['Katy', 'Shakira', 'Eminem', 'Rihanna', 'PSY', 'Taylor', 'Adele', 'Drake'];

/**
 * Short genuine comments on a video or a post (0): praise, a favourite moment with its timestamp, a
 * question. Written without links or promotion, so short and enthusiastic does not read as spam.
 */
export function shortCommentRows(count: number, seed: number): SyntheticRow[] {
  const random = seededRandom(seed);
  const rows = new Map<string, SyntheticRow>();
  const time = (): string => `${Math.floor(random() * 5)}:${String(Math.floor(random() * 60)).padStart(2, '0')}`;
  for (let i = 0; rows.size < count && i < count * 20; i++) {
    let text = random() < 0.75 ? pick(PRAISE, random) : pick(MOMENTS, random);
    // A moment of the video itself, as YouTube writes it: a link back to the same video at that time.
    const stamp = (): string => {
      const t = time();
      if (random() < 0.5) return t;
      const [m, sec] = t.split(':');
      return `<a href="http://www.youtube.com/watch?v=${VIDEO_IDS[Math.floor(random() * VIDEO_IDS.length)]}&t=${m}m${sec}s">${t}</a>`;
    };
    text = text.replaceAll('{t}', stamp).replaceAll('{name}', () => pick(NAMES, random)).replaceAll('{y}', () => String(2012 + Math.floor(random() * 13)));
    const r = random();
    if (r < 0.15) text = text.toUpperCase();
    else if (r < 0.35) text = text.toLowerCase();
    text += pick(PRAISE_ENDS, random);
    rows.set(text, { text, label: 0, kind: 'short' });
  }
  return [...rows.values()];
}
