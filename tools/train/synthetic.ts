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
];
const HATEFUL = [
  '{A} people are disgusting.', 'I hate {a} people.', 'All {a} people should be banned from this country.',
  '{A} people are stupid and worthless.', 'Get rid of all the {a} scum.', '{A} people are animals.',
  'Kill all the {a} vermin.', 'Every {a} {n} is a filthy parasite.', 'Those {a} freaks should go back where they came from.',
  '{A} people are a disease.', 'No one wants your kind here, you dirty {a} {n}.', '{A} trash like you should be shot.',
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

/** Blog comment spam with a promotional link (1) and genuine blog comments, some with links (0). */
export function blogRows(count: number, seed: number): SyntheticRow[] {
  const random = seededRandom(seed);
  const rows = new Map<string, SyntheticRow>();
  for (let i = 0; rows.size < count && i < count * 20; i++) {
    let text: string;
    let label: number;
    if (random() < 0.5) {
      const link = pick(LINK_FORMS, random).replaceAll('{d}', pick(SPAM_DOMAINS, random)).replaceAll('{t}', pick(ANCHORS, random));
      const second = random() < 0.3 ? ' ' + pick(OPENERS, random) : '';
      text = `${pick(OPENERS, random)} ${link}${second}`.trim();
      label = 1;
    } else {
      text = pick(HAM, random).replaceAll('{topic}', pick(TOPICS, random));
      label = 0;
    }
    rows.set(text, { text, label, kind: 'blog' });
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
