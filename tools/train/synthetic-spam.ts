import { pick, seededRandom } from './rng';
import type { SyntheticRow } from './synthetic';

/**
 * Generated spam that blogs and news sites get and the public data (YouTube, SMS) lacks, each beside
 * genuine twins that share everything but what makes it spam:
 * - link drops: an on-topic remark signed with a business and its site ("-- Dave, roofer in Dallas,
 *   dallasroofingpros.com"), beside the same remarks signed with a name, a trade without a site, or a
 *   source;
 * - spam in other languages (casinos, loans, pills, followers, SEO) with a site or a contact, beside
 *   ordinary comments in the same languages.
 * Written for training in November 2026; no row comes from a probe set (tools/train/probes).
 */

const REMARKS = [
  'Great tips, thanks for putting this together.',
  'Really useful article.',
  'I learned a lot from this post.',
  'Well written and easy to follow.',
  'This is so true, especially the last part.',
  'Thanks for sharing this.',
  'Good points about {topic}.',
  'I had never thought about {topic} that way.',
  'Helpful read for anyone dealing with {topic}.',
  'Clear explanation of {topic}, bookmarked.',
  'Agree with most of this.',
  'Spot on about {topic}.',
  'Solid advice.',
  'We see this every week.',
  'So many people get {topic} wrong.',
  'Nice summary of the new rules on {topic}.',
];
const TOPICS = [
  'home repairs',
  'winter heating',
  'water damage',
  'saving for a house',
  'small business taxes',
  'garden pests',
  'moving house',
  'dental care',
  'car maintenance',
  'roof leaks',
  'pet health',
  'home security',
  'energy bills',
  'renovation costs',
  'skin care',
  'wedding planning',
];
/** [trade, service, host words]: a business that signs a comment with its site. */
const TRADES: readonly [string, string, readonly string[]][] = [
  ['plumber', 'emergency plumbing', ['plumbing', 'plumber', 'plumb']],
  ['roofer', 'roof repairs', ['roofing', 'roofers', 'roof']],
  ['dentist', 'teeth whitening', ['dental', 'smile', 'dentistry']],
  ['HVAC technician', 'AC installation', ['hvac', 'heating', 'aircon']],
  ['locksmith', '24h lockouts', ['locksmith', 'locks', 'keys']],
  ['cleaner', 'deep cleaning', ['cleaning', 'maids', 'clean']],
  ['landscaper', 'garden design', ['landscaping', 'gardens', 'lawn']],
  ['mover', 'house removals', ['movers', 'removals', 'moving']],
  ['tow truck driver', 'roadside towing', ['towing', 'tow', 'recovery']],
  ['pest controller', 'pest control', ['pest', 'termite', 'exterminators']],
  ['injury lawyer', 'accident claims', ['injury', 'law', 'attorneys']],
  ['electrician', 'rewiring', ['electric', 'electricians', 'sparky']],
  ['painter', 'interior painting', ['painters', 'painting', 'decor']],
  ['carpet cleaner', 'carpet cleaning', ['carpet', 'rugs', 'steam']],
  ['mechanic', 'auto repair', ['autorepair', 'garage', 'motors']],
  ['web designer', 'website design', ['webdesign', 'sites', 'digital']],
  ['photographer', 'wedding photography', ['photo', 'weddings', 'studio']],
  ['tutor', 'maths tutoring', ['tutoring', 'tutors', 'learning']],
  ['dog groomer', 'dog grooming', ['grooming', 'paws', 'pets']],
  ['solar installer', 'solar panels', ['solar', 'sun', 'energy']],
  ['accountant', 'tax returns', ['tax', 'accounting', 'cpa']],
  ['window fitter', 'double glazing', ['windows', 'glazing', 'glass']],
  ['tree surgeon', 'tree removal', ['tree', 'arborist', 'stump']],
  ['skin clinic', 'botox and fillers', ['skin', 'aesthetics', 'beauty']],
];
const CITIES = [
  'Dallas',
  'Leeds',
  'Phoenix',
  'Manchester',
  'Toronto',
  'Austin',
  'Bristol',
  'Denver',
  'Perth',
  'Glasgow',
  'Miami',
  'Essex',
  'Houston',
  'Brooklyn',
  'Calgary',
  'Cardiff',
  'Seattle',
  'Dublin',
  'Atlanta',
  'Sheffield',
  'Orlando',
  'Auckland',
  'Nashville',
  'Bolton',
];
const NAMES = [
  'Dave',
  'Sarah',
  'Mike',
  'Jenny',
  'Tom',
  'Priya',
  'Luke',
  'Anna',
  'Carlos',
  'Megan',
  'Raj',
  'Kate',
  'Ben',
  'Lucy',
];
const SHOP_TLDS = ['com', 'com', 'com', 'net', 'co.uk', 'ca', 'com.au', 'us', 'biz', 'shop', 'co', 'pro'];
const SHOP_SUFFIXES = ['pros', 'experts', '24', 'direct', 'co', 'hq', 'now', 'plus', 'team', 'services', ''];
const SIGN_OFFS = [
  '-- {name}, {trade} in {city}, {d}',
  'Regards, {name} from {Biz} – {d}',
  'Anyone needing {service} in {city} can visit {d}',
  'We do {service} in {city}: {d}',
  'Our team at {Biz} in {city} says the same! {d}',
  'Check out {d} for {service}.',
  'Cheers, {name} @ {Biz}, {d}',
  'Free quotes for {service} at {d}',
  '{Biz} | {service} | {city} | {d}',
  'Need {service}? Call us or see {d}',
  'By the way, we offer {service} across {city} at {d}',
  'Use code {code} for 10% off at {d}',
  'Thanks! {name} ({d})',
  'More tips on our blog: {d}',
];
/** Pitches to the site's owner (1), and readers telling the site about a problem (0). */
const PITCHES = [
  'Hi, I noticed your site {problem}. I can fix that this week for ${n}99. Contact: {d}',
  'Hello admin, your blog {problem}, which costs you visitors. My agency can help: {d}',
  'Do you accept guest posts? We pay ${n}0 per do-follow link on sites like yours. Email me via {d}',
  'I ran a free audit of your site and found {n}2 SEO errors. Want the report? {d}',
  'Hey, I build mobile apps and websites at fair prices, portfolio at {d}',
  'Your content is great but your site {problem}. Reply or visit {d} for a quote.',
  'Looking for sponsored posts on your blog, budget is flexible. Details at {d}',
];
const PROBLEMS = [
  'loads slowly on mobile',
  'is not ranking on Google',
  'has broken links',
  'has no SSL certificate',
  'is missing meta descriptions',
  'looks outdated',
];
const SITE_FEEDBACK = [
  'The page {problem} for me today, is anyone else seeing that?',
  'Heads up to the editors: the second link in the article is broken.',
  'Your site {problem} on my phone, but the article is worth the wait.',
  'Could you add the date to the article? It is hard to tell how old it is.',
  'The comments section {problem} since the redesign.',
  'Love the new layout, much easier to read than before.',
  'The photo caption says Tuesday but the text says Monday.',
  'Please fix the paywall popup, it covers half the page on mobile.',
];
/** The twins: the same remarks, signed by a person, a trade without a site, or a source. */
const GENUINE_SIGN_OFFS = [
  '',
  '',
  '-- {name}',
  'Thanks, {name} from {city}.',
  'As a {trade} myself, I agree with all of it.',
  'My brother is a {trade} in {city} and says the same.',
  'We had the same problem in {city} last winter.',
  'I asked our {trade} about this and he said the same.',
  '{name}, {city}',
  'Greetings from {city}!',
  'The council has a guide on this too: {src}',
  'More background here: {src}',
  'Tickets for the {city} fair are £{n} at the door, worth it.',
  'Our repair came to €{n}0, less than I feared.',
  'Still cheaper than the £{n}00 quote we got.',
  'Paid ${n}5 for the part, fitted it myself.',
  // Sign-offs and trades with no site, and commercial and news sites named by a reader: none of these is spam.
  'Cheers, {name}',
  'Regards, {name}',
  'Best, {name}',
  'As a {trade} in {city} I agree, {service} gets busier every winter.',
  'We needed {service} last year and a local firm did it well.',
  'I found a good {trade} through {review}, read the reviews first.',
  'I read about this on {news} too.',
  'There was a piece on {news} about it yesterday.',
  'Bought the same kit on {shop}, it works fine.',
];
/** Review and marketplace sites readers name when they recommend a trade. */
const REVIEW_SITES = [
  'yelp.com',
  'trustpilot.com',
  'angi.com',
  'nextdoor.com',
  'houzz.com',
  'thumbtack.com',
  'ratedpeople.com',
];
/** News sites named by their bare domain (not bbc.co.uk, theguardian.com or reuters.com: see `SOURCES`). */
const NEWS_DOMAINS = [
  'npr.org',
  'apnews.com',
  'cbc.ca',
  'abc.net.au',
  'irishtimes.com',
  'independent.co.uk',
  'latimes.com',
  'seattletimes.com',
  'thestar.com',
  'smh.com.au',
  'nzherald.co.nz',
];
const SHOPS = ['amazon.com', 'ebay.co.uk', 'argos.co.uk', 'homedepot.com', 'ikea.com', 'bestbuy.com'];
/**
 * Public bodies, charities and projects that genuine comments name by their bare domain ("report it at
 * actionfraud.police.uk"): without them, every bare domain reads as a link drop.
 */
const PUBLIC_DOMAINS = [
  'gov.uk',
  'nhs.uk',
  'usa.gov',
  'irs.gov',
  'ftc.gov',
  'ssa.gov',
  'medicare.gov',
  'cdc.gov',
  'who.int',
  'un.org',
  'europa.eu',
  'canada.ca',
  'unicef.org',
  'oxfam.org.uk',
  'amnesty.org',
  'msf.org',
  'samaritans.org',
  'shelter.org.uk',
  'rspca.org.uk',
  'citizensadvice.org.uk',
  'actionfraud.police.uk',
  'ofcom.org.uk',
  'which.co.uk',
  'archive.org',
  'wikipedia.org',
  'python.org',
  'mozilla.org',
  'khanacademy.org',
  'openstreetmap.org',
  'data.gov',
  'ons.gov.uk',
  'nasa.gov',
  'metoffice.gov.uk',
  'weather.gov',
  'consumerfinance.gov',
  'service-public.fr',
];
const PUBLIC_FORMS = [
  'You can report it at {o}.',
  'The official guidance is on {o}.',
  'Donations go through {o}, not through anyone who messages you.',
  'Free help at {o} if you need it.',
  'The phone number is on {o}.',
  'Check {o} before paying anyone for this.',
  'More on {o}.',
  'The figures are on {o} for anyone who wants them.',
  'I volunteer with {o}, they do great work.',
  'Their advice line, listed on {o}, helped us.',
];
const REFERENCE_SOURCES = [
  'https://en.wikipedia.org/wiki/Damp_proofing',
  'https://www.gov.uk/council-tax',
  'www.nhs.uk/conditions/',
  'https://www.consumerreports.org/',
  'https://www.energy.gov/energysaver/',
  'https://www.citizensadvice.org.uk/',
  'https://www.which.co.uk/reviews',
  'https://www.epa.gov/mold',
  'https://github.com/home-assistant/core',
  'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  'https://www.bbc.com/news/business',
];

function capitalise(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

/** Link drops (1): a remark signed with a business and its site; twins (0): signed without one. */
export function linkDropRows(count: number, seed: number): SyntheticRow[] {
  const random = seededRandom(seed);
  return balanced(count, random, (spam) => {
    const [trade, service, hostWords] = pick(TRADES, random);
    const city = pick(CITIES, random);
    const host =
      random() < 0.5
        ? `${city.toLowerCase()}${pick(hostWords, random)}${pick(SHOP_SUFFIXES, random)}`
        : `${pick(hostWords, random)}${pick(['-', ''], random)}${city.toLowerCase()}`;
    const scheme = random();
    const d = `${scheme < 0.6 ? '' : scheme < 0.8 ? 'www.' : 'https://www.'}${host}.${pick(SHOP_TLDS, random)}`;
    const biz = `${city} ${capitalise(pick(hostWords, random))} ${pick(['Pros', 'Co', 'Services', 'Experts', 'Ltd'], random)}`;
    const remark = pick(REMARKS, random).replaceAll('{topic}', pick(TOPICS, random));
    const forms = spam ? SIGN_OFFS : random() < 0.35 ? PUBLIC_FORMS : GENUINE_SIGN_OFFS;
    const sign = pick(forms, random)
      .replaceAll('{o}', pick(PUBLIC_DOMAINS, random))
      .replaceAll('{review}', pick(REVIEW_SITES, random))
      .replaceAll('{news}', pick(NEWS_DOMAINS, random))
      .replaceAll('{shop}', pick(SHOPS, random))
      .replaceAll('{name}', pick(NAMES, random))
      .replaceAll('{trade}', trade)
      .replaceAll('{service}', service)
      .replaceAll('{city}', city)
      .replaceAll('{Biz}', biz)
      .replaceAll('{d}', d)
      .replaceAll('{src}', pick(REFERENCE_SOURCES, random))
      .replaceAll('{code}', `${pick(['BLOG', 'SAVE', 'READER'], random)}${10 + Math.floor(random() * 20)}`)
      .replaceAll('{n}', String(2 + Math.floor(random() * 18)));
    // One in five: a pitch to the site, or a reader's note about the site.
    if (random() < 0.2) {
      const text = pick(spam ? PITCHES : SITE_FEEDBACK, random)
        .replaceAll('{problem}', pick(PROBLEMS, random))
        .replaceAll('{d}', d)
        .replaceAll('{n}', String(1 + Math.floor(random() * 9)));
      return { text, label: spam ? 1 : 0, kind: 'link-drop' };
    }
    return { text: `${remark} ${sign}`.trim(), label: spam ? 1 : 0, kind: 'link-drop' };
  });
}

/** `count` distinct rows, half spam and half genuine, alternating, from `make`. */
function balanced(
  count: number,
  random: () => number,
  make: (spam: boolean) => SyntheticRow,
): SyntheticRow[] {
  const sides = [new Map<string, SyntheticRow>(), new Map<string, SyntheticRow>()];
  const half = Math.floor(count / 2);
  for (let i = 0; i < count * 20 && (sides[0].size < half || sides[1].size < half); i++) {
    const spam = i % 2 === 0;
    const side = sides[spam ? 1 : 0];
    if (side.size >= half) continue;
    const row = make(spam);
    side.set(row.text, row);
  }
  // Interleaved, so a prefix of the rows is balanced too.
  const [ham, spam] = sides.map((m) => [...m.values()]);
  return spam.flatMap((r, i) => (i < ham.length ? [r, ham[i]] : [r])).concat(ham.slice(spam.length));
}

/**
 * Per language: spam offers with `{d}` (a site), `{p}` (a phone) or `{h}` (a handle), the words their sites
 * are made of, their top-level domains, and ordinary comments (some with `{src}`, a reference link).
 */
interface Language {
  spam: readonly string[];
  hostWords: readonly string[];
  tlds: readonly string[];
  ham: readonly string[];
  src: readonly string[];
  /** News sites of the language, named by bare domain in `{news}`. */
  news: readonly string[];
}

const LANGUAGES: Readonly<Record<string, Language>> = {
  es: {
    spam: [
      'Casino online con bono de bienvenida del 200% y giros gratis. Regístrate hoy en {d}',
      'Préstamos rápidos sin aval y sin buró, dinero en tu cuenta en 10 minutos: {d}',
      'Compra seguidores y likes reales para tu Instagram al mejor precio en {d}',
      'Viagra genérico sin receta, envío discreto a toda España. Pide ya en {d}',
      'Apuestas deportivas con las mejores cuotas, bono sin depósito. Escríbenos por WhatsApp {p}',
      'Posicionamiento SEO garantizado en la primera página de Google. Más info: {d}',
    ],
    hostWords: ['casino', 'prestamos', 'seguidores', 'farmacia', 'apuestas', 'bono', 'credito'],
    tlds: ['es', 'com', 'net', 'mx'],
    ham: [
      'Muy buen artículo, gracias por explicarlo con tanta claridad.',
      'No estoy de acuerdo con el autor, los datos del año pasado dicen otra cosa.',
      'En mi barrio pasó exactamente lo mismo y nadie hizo nada.',
      '¿Alguien sabe si la biblioteca vuelve a abrir en enero?',
      'El ayuntamiento debería invertir más en transporte público y menos en rotondas.',
      'Lo leí esta mañana y me parece muy preocupante para los jóvenes.',
      'Mi abuela vivió la misma situación en los años sesenta.',
      'Lo leí esta mañana en {news}.',
      'Aquí tienen el informe completo: {src}',
    ],
    src: ['https://es.wikipedia.org/wiki/Inflaci%C3%B3n', 'https://www.ine.es/prensa/ipc_tabla.htm'],
    news: ['elpais.com', 'elmundo.es', 'clarin.com'],
  },
  pt: {
    spam: [
      'Cassino online com bônus de boas-vindas e rodadas grátis, saque rápido via Pix: {d}',
      'Empréstimo rápido para negativados, aprovação na hora. Chame no WhatsApp {p}',
      'Apostas esportivas com as melhores odds do Brasil, cadastre-se em {d}',
      'Ganhe seguidores reais no Instagram a partir de R$9,90 em {d}',
      'Emagreça 10 kg em 30 dias com o nosso chá natural, compre em {d}',
      'Renda extra trabalhando de casa, vagas limitadas: {d}',
    ],
    hostWords: ['cassino', 'apostas', 'emprestimo', 'seguidores', 'bet', 'rendaextra', 'emagrecer'],
    tlds: ['com.br', 'com', 'net', 'bet'],
    ham: [
      'Ótima matéria, parabéns pela apuração.',
      'Discordo do colunista, os números do IBGE mostram outra realidade.',
      'Na minha cidade aconteceu a mesma coisa no ano passado.',
      'Alguém sabe quando começa a vacinação para idosos?',
      'A prefeitura precisa cuidar melhor das escolas públicas.',
      'Li o relatório inteiro e vale a pena: {src}',
      'Meu pai trabalhou nessa fábrica por trinta anos.',
      'Que tristeza ver o rio nesse estado.',
      'Li sobre isso no {news}.',
    ],
    src: ['https://pt.wikipedia.org/wiki/Infla%C3%A7%C3%A3o', 'https://www.ibge.gov.br/estatisticas/'],
    news: ['publico.pt', 'estadao.com.br', 'uol.com.br'],
  },
  de: {
    spam: [
      'Online Casino mit 500 Euro Bonus und Freispielen ohne Einzahlung: {d}',
      'Potenzmittel ohne Rezept, diskreter Versand, günstiger als in der Apotheke: {d}',
      'Kredit ohne Schufa, Auszahlung in 24 Stunden. Jetzt anfragen auf {d}',
      'Echte Follower und Likes für Instagram kaufen, sofortige Lieferung: {d}',
      'Sportwetten mit den besten Quoten, jetzt registrieren unter {d}',
      'Professionelle SEO für Ihre Website, Platz 1 bei Google garantiert: {d}',
    ],
    hostWords: ['casino', 'apotheke', 'kredit', 'follower', 'wetten', 'bonus', 'potenz'],
    tlds: ['de', 'com', 'net', 'at'],
    ham: [
      'Sehr guter Artikel, danke für die ausführliche Recherche.',
      'Ich sehe das anders, die Zahlen vom letzten Jahr sagen etwas anderes.',
      'Bei uns im Dorf ist genau das Gleiche passiert.',
      'Weiß jemand, wann die Brücke wieder geöffnet wird?',
      'Die Stadt sollte mehr in Radwege investieren.',
      'Mein Großvater hat in diesem Werk gearbeitet.',
      'Die Quelle steht hier: {src}',
      'Schade, dass darüber so wenig berichtet wird.',
      'Stand heute auch auf {news}.',
    ],
    src: ['https://de.wikipedia.org/wiki/Inflation', 'https://www.destatis.de/DE/Themen/'],
    news: ['spiegel.de', 'zeit.de', 'sueddeutsche.de'],
  },
  fr: {
    spam: [
      'Casino en ligne avec bonus de 300 euros et tours gratuits, inscription sur {d}',
      'Crédit rapide sans justificatif, réponse immédiate: {d}',
      'Achetez des abonnés Instagram réels à petit prix sur {d}',
      'Viagra sans ordonnance, livraison discrète en 48h: {d}',
      'Paris sportifs avec les meilleures cotes, contactez-nous sur Telegram {h}',
      'Référencement SEO garanti en première page de Google: {d}',
    ],
    hostWords: ['casino', 'credit', 'abonnes', 'pharmacie', 'paris', 'bonus', 'pret'],
    tlds: ['fr', 'com', 'net', 'be'],
    ham: [
      'Très bon article, merci pour ces explications claires.',
      "Je ne suis pas d'accord avec l'auteur, les chiffres de l'Insee disent autre chose.",
      'Dans mon quartier, on vit la même chose depuis des années.',
      "Quelqu'un sait quand la piscine municipale rouvre?",
      'La mairie devrait investir dans les transports.',
      'Mon père était cheminot, il dirait la même chose.',
      'Le rapport complet est ici: {src}',
      'Triste de voir ce qui arrive à la forêt.',
      'Lu ce matin sur {news}.',
    ],
    src: ['https://fr.wikipedia.org/wiki/Inflation', 'https://www.insee.fr/fr/statistiques'],
    news: ['lemonde.fr', 'liberation.fr', 'lefigaro.fr'],
  },
  it: {
    spam: [
      'Casinò online con bonus senza deposito e giri gratis: {d}',
      'Prestiti veloci senza busta paga, risposta in 24 ore su {d}',
      'Compra follower veri per Instagram al miglior prezzo: {d}',
      'Farmaci senza ricetta, spedizione discreta in tutta Italia: {d}',
      'Scommesse sportive con quote maggiorate, scrivici su WhatsApp {p}',
      'Posizionamento SEO garantito su Google, preventivo gratuito: {d}',
    ],
    hostWords: ['casino', 'prestiti', 'follower', 'farmacia', 'scommesse', 'bonus'],
    tlds: ['it', 'com', 'net'],
    ham: [
      'Ottimo articolo, grazie per la chiarezza.',
      "Non sono d'accordo, i dati Istat dicono altro.",
      'Nel mio paese è successa la stessa cosa.',
      'Qualcuno sa quando riapre la stazione?',
      'Il comune dovrebbe pensare di più ai giovani.',
      'Ecco la fonte: {src}',
      'Ne parlava anche {news} ieri.',
      'Mia nonna raccontava storie simili.',
    ],
    src: ['https://it.wikipedia.org/wiki/Inflazione', 'https://www.istat.it/it/archivio/'],
    news: ['corriere.it', 'repubblica.it', 'lastampa.it'],
  },
  pl: {
    spam: [
      'Najlepsze kasyno online, bonus bez depozytu i darmowe spiny: {d}',
      'Szybka pożyczka bez BIK, pieniądze na koncie w 15 minut: {d}',
      'Kup prawdziwych obserwujących na Instagram tanio: {d}',
      'Zakłady bukmacherskie z najwyższym kursem, zarejestruj się na {d}',
      'Pozycjonowanie stron w Google, pierwsza strona gwarantowana: {d}',
    ],
    hostWords: ['kasyno', 'pozyczka', 'obserwujacy', 'zaklady', 'bonus', 'kredyt'],
    tlds: ['pl', 'com', 'net'],
    ham: [
      'Bardzo dobry artykuł, dziękuję.',
      'Nie zgadzam się z autorem, dane GUS pokazują coś innego.',
      'U nas w mieście było dokładnie tak samo.',
      'Czy ktoś wie, kiedy otworzą nowy most?',
      'Pełny raport jest tutaj: {src}',
      'Mój dziadek pracował w tej kopalni.',
      'Czytałem o tym na {news}.',
    ],
    src: ['https://pl.wikipedia.org/wiki/Inflacja', 'https://stat.gov.pl/'],
    news: ['gazeta.pl', 'onet.pl', 'wp.pl'],
  },
  ru: {
    spam: [
      'Лучшее онлайн казино, бонус за регистрацию и фриспины: {d}',
      'Займы на карту без отказа и проверок, деньги за 5 минут: {d}',
      'Накрутка подписчиков и лайков в Инстаграм, дешево и быстро: {d}',
      'Продвижение сайтов в Яндексе и Google, пишите в Телеграм {h}',
      'Ставки на спорт с лучшими коэффициентами, рабочее зеркало: {d}',
      'Дипломы любых вузов с доставкой, звоните {p}',
    ],
    hostWords: ['kazino', 'zaim', 'nakrutka', 'seo', 'stavki', 'vulkan', 'diplom'],
    tlds: ['ru', 'com', 'net', 'su'],
    ham: [
      'Отличная статья, спасибо автору.',
      'Читал об этом на {news}.',
      'Не согласен с автором, статистика говорит об обратном.',
      'У нас во дворе было то же самое.',
      'Кто-нибудь знает, когда откроют новую станцию метро?',
      'Полный отчёт можно прочитать здесь: {src}',
      'Мой дед работал на этом заводе всю жизнь.',
      'Грустно видеть, что происходит с рекой.',
    ],
    src: ['https://ru.wikipedia.org/wiki/Инфляция', 'https://rosstat.gov.ru/'],
    news: ['rbc.ru', 'kommersant.ru', 'meduza.io'],
  },
  id: {
    spam: [
      'Situs slot gacor hari ini, deposit pulsa tanpa potongan. Daftar di {d}',
      'Pinjaman online cepat cair tanpa jaminan, hubungi WA {p}',
      'Jual followers Instagram aktif dan murah, proses cepat: {d}',
      'Obat kuat pria herbal asli, kirim ke seluruh Indonesia: {d}',
      'Agen judi bola terpercaya, bonus member baru 100%: {d}',
    ],
    hostWords: ['slot', 'gacor', 'pinjaman', 'followers', 'judi', 'obat', 'togel'],
    tlds: ['id', 'com', 'xyz', 'net'],
    ham: [
      'Artikel yang bagus, terima kasih atas penjelasannya.',
      'Saya tidak setuju, data BPS menunjukkan hal yang berbeda.',
      'Di kampung saya juga terjadi hal yang sama.',
      'Ada yang tahu kapan jalan tol ini dibuka?',
      'Laporan lengkapnya ada di sini: {src}',
      'Semoga pemerintah segera memperbaiki jembatan itu.',
      'Saya baca beritanya di {news}.',
    ],
    src: ['https://id.wikipedia.org/wiki/Inflasi', 'https://www.bps.go.id/'],
    news: ['kompas.com', 'detik.com', 'tempo.co'],
  },
  tr: {
    spam: [
      'Deneme bonusu veren siteler, güvenilir bahis ve casino: {d}',
      'Instagram takipçi satın al, gerçek ve aktif, anında teslimat: {d}',
      'Hızlı kredi, evrak istemeden onay, WhatsApp {p}',
      'Canlı bahis ve yüksek oranlar için hemen üye ol: {d}',
    ],
    hostWords: ['bahis', 'casino', 'takipci', 'bonus', 'kredi', 'bet'],
    tlds: ['com', 'net', 'xyz', 'com.tr'],
    ham: [
      'Çok güzel bir yazı, emeğinize sağlık.',
      'Haberi {news} sitesinde okudum.',
      'Belediye bu konuda daha hızlı davranmalı.',
      'Dedem de bu fabrikada çalışmıştı.',
      'Fiyatlar her ay artıyor, emekliler zor durumda.',
      'Yazara katılmıyorum, TÜİK verileri farklı bir şey söylüyor.',
      'Bizim mahallede de aynısı oldu.',
      'Yeni köprü ne zaman açılacak, bilen var mı?',
      'Raporun tamamı burada: {src}',
    ],
    src: ['https://tr.wikipedia.org/wiki/Enflasyon', 'https://data.tuik.gov.tr/'],
    news: ['hurriyet.com.tr', 'sozcu.com.tr', 'cumhuriyet.com.tr'],
  },
  vi: {
    spam: [
      'Nhà cái uy tín, cá cược bóng đá, tặng 100% tiền nạp đầu: {d}',
      'Vay tiền nhanh online, không cần thế chấp, liên hệ Zalo {p}',
      'Bán follow Facebook và Instagram giá rẻ: {d}',
      'Thuốc tăng cường sinh lý chính hãng, giao hàng toàn quốc: {d}',
    ],
    hostWords: ['nhacai', 'cacuoc', 'vaytien', 'follow', 'bet', 'thuoc'],
    tlds: ['com', 'vn', 'net', 'xyz'],
    ham: [
      'Bài viết rất hay, cảm ơn tác giả.',
      'Tôi đọc tin này trên {news}.',
      'Chính quyền nên sửa con đường này sớm.',
      'Ông tôi từng làm việc ở nhà máy này.',
      'Giá cả tăng quá nhanh, người về hưu rất khó khăn.',
      'Tôi không đồng ý, số liệu năm ngoái cho thấy điều khác.',
      'Ở quê tôi cũng xảy ra chuyện tương tự.',
      'Có ai biết khi nào cây cầu mở lại không?',
      'Báo cáo đầy đủ ở đây: {src}',
    ],
    src: ['https://vi.wikipedia.org/wiki/L%E1%BA%A1m_ph%C3%A1t', 'https://www.gso.gov.vn/'],
    news: ['tuoitre.vn', 'thanhnien.vn', 'dantri.com.vn'],
  },
};

/** Spam offers in other languages (1) beside ordinary comments in the same languages (0). */
export function foreignRows(count: number, seed: number): SyntheticRow[] {
  const random = seededRandom(seed);
  const langs = Object.values(LANGUAGES);
  return balanced(count, random, (spam) => {
    const lang = pick(langs, random);
    const host = `${pick(lang.hostWords, random)}${pick(['', '-', ''], random)}${pick([...lang.hostWords, 'online', 'vip', '24', '88', 'pro', 'top', 'club'], random)}`;
    const scheme = random();
    const d = `${scheme < 0.5 ? '' : scheme < 0.75 ? 'www.' : 'https://'}${host}.${pick(lang.tlds, random)}`;
    const phone = `+${pick(['34', '55', '49', '7', '62', '90', '84', '48', '39', '33'], random)} ${100 + Math.floor(random() * 900)} ${100 + Math.floor(random() * 900)} ${1000 + Math.floor(random() * 9000)}`;
    // Genuine comments are one or two sentences, so they vary as much as the spam's sites do.
    const ham = (): string => {
      const first = pick(lang.ham, random);
      const second = pick(lang.ham, random);
      return random() < 0.6 && second !== first ? `${first} ${second}` : first;
    };
    const text = (spam ? pick(lang.spam, random) : ham())
      .replaceAll('{d}', d)
      .replaceAll('{p}', phone)
      .replaceAll('{h}', `@${host.replace(/-/g, '_')}`)
      .replaceAll('{src}', pick(lang.src, random))
      .replaceAll('{news}', pick(lang.news, random));
    return { text, label: spam ? 1 : 0, kind: 'foreign' };
  });
}
