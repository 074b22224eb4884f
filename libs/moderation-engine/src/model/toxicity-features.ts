import { collapseRepeats, collapseToTwo, foldTokens } from '../text/fold';
import { PEOPLES } from './peoples';

export { collapseToTwo };
import { addCharNgrams, addMeta, addWordNgrams, bucket, type FeatureBuffer } from './features';
import type { Lexicon } from './lexicon';

export const TOXICITY_BITS = 18;
export const TOX_SEED_WORD = 21;
const SEED_CHAR = 22;
const SEED_META = 23;
const SEED_CUE = 24;
const CUE_WEIGHT = 2;

/**
 * Hate toward a group in news comments rarely uses a slur: it names a group and generalises ("these
 * people", "they all"), dehumanises ("animals", "vermin") or wants them gone ("go back", "deport"). A word
 * list shares one weight between all its words, so a comment about a group or topic the training threads
 * never discussed still lands on the same features. A group word alone adds nothing (neutral sentences
 * naming an identity must score like their twins); only its co-occurrence with a cue does.
 */
const GROUP_WORDS = new Set([
  'gay', 'gays', 'lesbian', 'lesbians', 'bisexual', 'transgender', 'transgenders', 'trans', 'queer', 'queers', 'homosexual', 'homosexuals', 'lgbt',
  'muslim', 'muslims', 'islam', 'islamic', 'jew', 'jews', 'jewish', 'christian', 'christians', 'catholic', 'catholics', 'hindu', 'hindus', 'sikh', 'sikhs',
  'black', 'blacks', 'white', 'whites', 'asian', 'asians', 'latino', 'latinos', 'latina', 'latinas', 'hispanic', 'hispanics', 'african', 'africans',
  'mexican', 'mexicans', 'arab', 'arabs', 'chinese', 'indian', 'indians', 'immigrant', 'immigrants', 'migrant', 'migrants', 'refugee', 'refugees',
  'foreigner', 'foreigners', 'minority', 'minorities', 'race', 'women', 'woman', 'females', 'feminist', 'feminists', 'disabled', 'deaf', 'blind',
  'indigenous', 'natives', 'autistic', 'atheist', 'atheists', 'buddhist', 'buddhists', 'mormon', 'mormons', 'nonbinary', 'bisexuals', 'lgbtq',
  ...PEOPLES,
]);
/** Dehumanising words that rarely mean anything else in a comment. */
const DEHUMANISING = new Set([
  'vermin', 'savage', 'savages', 'ape', 'apes', 'monkey', 'monkeys', 'silverback', 'parasite', 'parasites', 'cockroach', 'cockroaches',
  'subhuman', 'subhumans', 'invader', 'invaders', 'infestation', 'scum', 'filth', 'thug', 'thugs', 'illegals', 'moocher', 'moochers',
  'leech', 'leeches', 'freeloader', 'freeloaders', 'barbarian', 'barbarians', 'uncivilized',
]);
/** Words that dehumanise only next to a group ("Muslims are invaders breeding like rats"), and are literal on their own ("heart disease"). */
const DEHUMANISING_NEAR_GROUP = new Set([
  'animal', 'animals', 'rat', 'rats', 'breed', 'breeding', 'invasion', 'trash', 'criminals', 'terrorist', 'terrorists',
  'primitive', 'ghetto', 'gorilla', 'gorillas', 'dogs', 'pigs', 'rapists', 'thieves', 'groomers', 'pickpockets', 'drunks', 'beggars',
  'menace', 'predator', 'predators', 'scammers', 'gangsters', 'spies', 'fraudsters', 'crooks',
]);
/**
 * A group called a disease: "Islam is a cancer on the West", "they are a plague". Only after a form of
 * "be" (or "like") and "a" / "the", and before the end or a preposition ("on", "in", "to", "spreading",
 * …), so "a cancer survivor", "Heart disease kills more women" and "the cancer that kills most women" stay
 * literal. ("disease" and "plague" counted near any group word before 28 November 2026.)
 */
const DISEASE_METAPHORS = new Set(['cancer', 'plague', 'disease', 'diseases', 'virus', 'tumor', 'tumour', 'infection', 'pestilence', 'blight']);
/** ("its" as comments spell "it's": "Islam isnt a religion its a disease") */
const METAPHOR_BE = new Set(['is', 'are', 'was', 'were', 'be', 's', 're', 'like', 'its']);
const METAPHOR_NEXT = new Set(['on', 'upon', 'to', 'in', 'spreading', 'eating', 'for', 'among', 'across', 'within', 'and']);
/**
 * A group denied a capacity: "some races just aren't capable of running a country", "women are not
 * intelligent enough to lead" (not "fit": "not fit to work" is a doctor's note). With a negation right before, a group word as the subject a few words before that, and not
 * reported ("women were not considered capable of voting in 1900").
 */
const CAPACITIES = new Set(['capable', 'intelligent', 'smart', 'competent', 'civilised', 'civilized']);
const REPORTED_VIEW = new Set(['considered', 'deemed', 'thought', 'believed', 'claimed', 'said', 'told', 'seen', 'regarded']);
const CARRIERS = new Set(['bring', 'brings', 'bringing', 'brought', 'spread', 'spreads', 'spreading']);
const MENTAL_SLIGHTS = new Set(['ill', 'sick', 'disturbed', 'deranged', 'unstable', 'defective', 'unfit', 'deficient', 'retarded']);
/**
 * "should not be allowed to …", "don't belong here", "should lose the right to vote", "shouldn't have equal
 * rights", "have no place in our army": with a group word, denying a group its place or rights.
 */
const DENIALS = new Set(['allowed', 'belong', 'right', 'rights', 'place']);
/** Losing a right, in "should lose the right to …". */
const LOSE = new Set(['lose', 'lost', 'losing', 'forfeit', 'stripped']);
/** What may stand between "have" or "lose" and "right(s)": "the", "equal", "their civil", … */
const RIGHT_QUALIFIERS = new Set(['the', 'their', 'any', 'equal', 'same', 'full', 'basic', 'civil', 'human', 'legal', 'voting', 'his', 'her']);
/** Words that attribute what follows to someone else. */
const ATTRIBUTIONS = new Set(['claims', 'claimed', 'says', 'said', 'argues', 'argued', 'suggests', 'suggested', 'writes', 'wrote', 'reports', 'reported', 'alleges', 'alleged']);
/** Words a negation governs when it denies what follows: "no one believes …", "nobody is saying …". */
const BELIEFS = new Set(['believe', 'believes', 'think', 'thinks', 'say', 'says', 'saying', 'said', 'claim', 'claims', 'suggest', 'suggests', 'suggesting', 'want', 'wants', 'agree', 'agrees']);
/** After "no place": where a group has no place ("in our army", "here"), not "no place to sleep / left / nearby". */
const PLACE_NEXT = new Set(['in', 'on', 'among', 'here', 'within', 'at', 'anywhere', '']);
/** Before a group word, a preposition makes it no subject: "Violence against women has no place here". */
const NOT_SUBJECT_AFTER = new Set(['against', 'toward', 'towards', 'of', 'on', 'for', 'at', 'to', 'about']);
const ALLOWED_NEXT = new Set(['to', 'in', 'into', 'near', 'around', 'here']);
/** Two-word cues, looked up only after one of these first words. */
const GENERALISING = new Set(['these people', 'those people', 'you people', 'they all', 'all of them', 'your kind', 'their kind', 'these animals', 'those animals']);
const EXPELLING = new Set(['go back', 'send them', 'kick them', 'get rid', 'deport them', 'ship them', 'back where']);
const CUE_STARTS = new Set(['these', 'those', 'you', 'they', 'all', 'your', 'their', 'go', 'send', 'kick', 'get', 'deport', 'ship', 'back']);
/** Contempt and stereotype words: with a group word, the comment is about what "they" are. */
const CONTEMPT = new Set([
  'lazy', 'stupid', 'ignorant', 'disgusting', 'dirty', 'filthy', 'violent', 'criminal', 'dangerous', 'evil', 'sick', 'worthless', 'useless',
  'hate', 'hates', 'inferior', 'welfare', 'handouts', 'entitled', 'ugly', 'retarded', 'perverts', 'perverted', 'pedophiles', 'degenerate', 'degenerates',
  'ruining', 'ruin', 'ruined', 'destroying', 'destroy', 'destroyed', 'invading', 'infesting', 'leeching', 'mooching', 'sponging',
  'greedy', 'inbred', 'barbaric', 'immoral', 'sneaky', 'dishonest', 'defective', 'brainwashed', 'unclean', 'deranged', 'delusional',
  'unnatural', 'mentally',
]);
/**
 * Ethnic and other slurs that the profanity lexicon lacks: a slur names a group and holds it in contempt
 * in one word, so it counts as both ("dumb paki", "get lost spic"). Only words that rarely mean anything
 * else ("chink", "coon", "dyke" and "tranny", car slang for a gearbox, do, and are left to the n-grams).
 */
const SLURS = [
  'paki', 'pakis', 'jap', 'japs', 'spic', 'spics', 'wetback', 'wetbacks', 'beaner', 'beaners', 'raghead', 'ragheads', 'towelhead',
  'towelheads', 'kike', 'kikes', 'gook', 'gooks', 'gyppo', 'gyppos', 'pikey', 'pikeys', 'trannies', 'shemale', 'shemales',
  'zipperhead', 'zipperheads', 'sandnigger', 'sandniggers', 'darkie', 'darkies', 'golliwog', 'wog', 'wogs',
];
/** A quantifier right before a group word generalises over all its members ("all muslims", "these immigrants"). */
const QUANTIFIERS = new Set(['all', 'every', 'most', 'these', 'those', 'typical', 'them', 'such']);
const EXPELLING_WORDS = new Set(['deport', 'deported', 'deportation', 'deporting', 'expel', 'ban']);

/**
 * Insults and rude words aimed at a person (Wikipedia talk and other discussion comments: "that idiot",
 * "what a couple of jerks", "this bunch of crap"). One list, so they share a weight, counted (1, 2+) and
 * flagged when a second-person word is within three words before or right after ("you moron", "shut up
 * you"); not length-normalised, so a long comment does not dilute them as it dilutes its n-grams.
 * Profanity is the lexicon's feature, not this one (counting it here too cost news comments ranking on
 * the validation folds).
 */
const INSULTS = new Set([
  'idiot', 'idiots', 'idiotic', 'moron', 'morons', 'moronic', 'stupid', 'stupidity', 'dumb', 'dumbass', 'dumbest', 'jerk', 'jerks', 'loser', 'losers',
  'scum', 'scumbag', 'scumbags', 'troll', 'trolls', 'fool', 'fools', 'foolish', 'pathetic', 'imbecile', 'imbeciles', 'cretin', 'cretins',
  'retard', 'retards', 'retarded', 'coward', 'cowards', 'cowardly', 'clown', 'clowns', 'bigot', 'bigots', 'bigoted', 'hypocrite', 'hypocrites',
  'liar', 'liars', 'ignorant', 'dimwit', 'nitwit', 'halfwit', 'twit', 'twits', 'douche', 'douchebag', 'prick', 'pricks', 'creep', 'creepy',
  'crap', 'crappy', 'bullshit', 'sucks', 'garbage', 'worthless', 'useless', 'incompetent', 'lunatic', 'lunatics', 'nutjob', 'freak', 'freaks',
  'disgusting', 'ugly', 'lame', 'silly', 'ridiculous', 'shut', 'damn', 'damned', 'dammit', 'damnit', 'pig', 'pigs', 'rude', 'arrogant', 'psycho',
  // British and Australian insults the list lacked (the lexicon has the profane ones)
  // (not "plank", "prat" or "muppets": wood, pratfalls and the Muppets)
  'wanker', 'wankers', 'tosser', 'tossers', 'drongo', 'drongos', 'grifter', 'grifters', 'muppet', 'numpty', 'pillock', 'manchild',
  'bellend', 'knobhead', 'dickhead', 'dickheads', 'gobshite',
]);
const SECOND_PERSON = new Set(['you', 'your', 'youre', 'you’re', 'yourself', 'ur', 'u', 'ya', 'yours', 'ye', 'thou']);

/**
 * Threats: violence wished on or promised to someone. A violent verb counts only with someone who
 * threatens (see `AGENTS`) and a target right after it (past "all", "the", …): a reader ("I will kill
 * you"), a group ("kill all the immigrants"), a person ("someone should shoot him"). A death wish or a
 * violent passive counts with a wish and a target before it ("you should die", "all muslims should
 * die", "they should be shot"), and so does harm hoped for someone ("I hope your kids get cancer"; not
 * "I hope you never get cancer"). A few phrases are threats by themselves ("I know where you live",
 * "kys"). Talk of violence has no such target ("the attack killed 12", "this band kills it", "I would
 * die for this cake", "hang out with you", "guns don't kill people").
 */
const VIOLENT_VERBS = new Set([
  'kill', 'murder', 'shoot', 'stab', 'hang', 'lynch', 'gas', 'rape', 'slaughter', 'exterminate', 'behead', 'strangle', 'bomb', 'execute',
  'torture', 'punch', 'drown', 'butcher', 'massacre', 'nuke', 'eradicate', 'sterilize', 'sterilise', 'castrate',
]);
const VIOLENT_PASSIVES = new Set([
  'killed', 'murdered', 'shot', 'stabbed', 'hanged', 'hung', 'lynched', 'gassed', 'raped', 'slaughtered', 'exterminated', 'beheaded',
  'strangled', 'executed', 'tortured', 'drowned', 'butchered', 'massacred', 'nuked', 'euthanized', 'euthanised', 'burned', 'burnt',
  // Not "beaten" (at the polls), "wiped" (debts), "whipped" (into line) or "stoned" (cannabis): idioms first.
  'eradicated', 'sterilized', 'sterilised', 'castrated', 'flogged', 'culled',
]);
/**
 * Violent words that are idioms as often as not ("burn the flag", "wipe out the Republicans", "beaten in
 * November", "debts should be wiped", "whipped into line", "get stoned"): they count only against an
 * identity group named as the target ("Burn all the Jews", "Wipe out the Muslims") or as the subject right
 * before the wish ("Gays should be beaten", "Muslims should be wiped off the map"), and "wiped" only with
 * "out" or "off", "stoned" only "to death".
 */
const IDIOM_VERBS = new Set(['burn', 'wipe', 'torch', 'firebomb', 'smash']);
/** Idiom verbs that threaten only a place of worship, never people ("smash the Germans on Saturday", "torch the Aussies"). */
const PLACE_ONLY_VERBS = new Set(['torch', 'firebomb', 'smash']);
/**
 * A place of worship attacked stands for the faith's people: "burn down the mosque", "torch every
 * synagogue". Only as the head of its phrase: not "the church roof appeal", "the church hall", "the
 * church's plans" (see `isPlaceHead`).
 */
const WORSHIP_PLACES = new Set(['mosque', 'mosques', 'synagogue', 'synagogues', 'church', 'churches', 'temple', 'temples', 'gurdwara', 'gurdwaras']);
/** What may follow a place that heads its phrase: the end, a preposition, a conjunction, a time. */
const AFTER_PLACE_HEAD = new Set([
  'in', 'on', 'at', 'with', 'and', 'or', 'tonight', 'now', 'today', 'tomorrow', 'down', 'to', 'then', 'next', 'too', 'before', 'after',
  'while', 'when', 'there', 'here', 'for', 'again', 'already', 'so', 'if', 'until', 'first', 'instead', 'as', 'like',
  // as a subject, before its verb: "Mosques should be burned down"
  'should', 'must', 'will', 'would', 'are', 'is', 'were', 'was', 'need', 'needs', 'deserve', 'deserves', 'ought', 'can', 'could',
]);
/**
 * Violence as a thing deserved: "deserves a beating", "deserves a good kicking", "deserves a brick through
 * his window", with a person, the reader or a group named in the six words before; not negated, and not
 * an idiom the next word makes ("a slap on the wrist", "a good kicking at the ballot box", "a bullet
 * point"). "Needs" is left out ("they need a brick wall"), and so are sport's "hiding" and "thrashing".
 */
const VIOLENT_NOUNS = new Set(['beating', 'kicking', 'bullet', 'brick', 'slap', 'noose', 'shoeing']);
const DESERVES = new Set(['deserve', 'deserves', 'deserved', 'earned']);
const NOT_AFTER_VIOLENT_NOUN = new Set(['point', 'points', 'place', 'wall', 'walls', 'on', 'at', 'in', 'after', 'from', 'up', 'down', 'by']);
const IDIOM_PASSIVES = new Set(['beaten', 'wiped', 'whipped', 'stoned']);
const DEATH_WORDS = new Set(['die', 'dies']);
/** Harm wished on someone with "hope" or "wish" ("I hope your kids get cancer"), unless negated. */
const HARM_WORDS = new Set(['cancer', 'aids', 'suffer', 'suffers', 'starve', 'starves', 'raped', 'rot']);
const HOPES = new Set(['hope', 'wish', 'hoping', 'wishing']);
/** Harm words that count after a mere wish ("should", "deserve") as well as after a hope. */
const WISHED_HARM = new Set(['starve', 'starves']);
const NEGATIONS = new Set([
  'not', 'never', 'no', 'don', 'dont', 'nobody', 't', 'shouldnt', 'cant', 'wont', 'isnt', 'arent', 'doesnt', 'didnt', 'wouldnt', 'couldnt', 'mustnt', 'aint',
]);
const BE_WORDS = new Set(['be', 'get']);
/**
 * Wishes before a death word or a violent passive ("should", "deserve to", "hope", "go die"); not "will",
 * which mostly predicts ("people will die if this passes").
 */
const WISHES = new Set(['should', 'must', 'deserve', 'deserves', 'hope', 'wish', 'go', 'need', 'needs', 'ought', 'better']);
/**
 * Who can threaten: a violent verb counts with one of these within four words before it ("I will kill
 * you", "someone should shoot him"), or as a command ("kill them all", "go kill yourself"); "smoking will
 * kill you" and "that virus can kill you" threaten nobody.
 */
const AGENTS = new Set(['i', 'im', 'ima', 'imma', 'we', 'someone', 'somebody', 'they', 'he', 'she', 'you', 'u', 'ya', 'let', 'lets']);
const COMMANDS = new Set(['go', 'just', 'please', 'pls', 'plz']);
/** Words before "people" that name no kind of people ("the people", "to people"). */
const FUNCTION_WORDS = new Set(['the', 'to', 'of', 'for', 'and', 'or', 'with', 'that', 'other', 'many', 'more', 'most', 'some', 'no', 'good', 'real']);
const PERMISSIONS = new Set(['allowed', 'right', 'able', 'free', 'chance', 'permitted', 'choose']);
/** Words that start another clause: a death after one is not the one wished ("housed before more die"). */
const CLAUSE_BREAKS = new Set(['before', 'after', 'until', 'when', 'while', 'if', 'because', 'since', 'than', 'more', 'that', 'so', 'unless', 'once']);
/** After a death word, a peaceful death: "die with dignity", "die at home", "die peacefully". */
const PEACEFUL = new Set(['with', 'at', 'peacefully', 'naturally', 'comfortably', 'happy', 'old', 'of']);
/** "Kill them with kindness", "kill 'em with facts": the weapon named is no weapon. */
const GENTLE = new Set(['kindness', 'love', 'compassion', 'politeness', 'compliments', 'charm', 'smiles', 'generosity', 'facts', 'logic', 'laughter', 'success']);
/** "bomb the minister with questions", "drown the councillor in letters": words, not weapons. */
const WORDY = new Set(['questions', 'letters', 'emails', 'messages', 'requests', 'complaints', 'calls', 'petitions', 'paperwork']);
/** Skipped between a violent verb and its target. */
const TARGET_SKIP = new Set(['all', 'the', 'every', 'each', 'those', 'these', 'that', 'this', 'of', 'some', 'more', 'few']);
/** "Nobody wants death to …", "I would never wish death to …": a negated want governs it. */
const WANTS = new Set(['want', 'wants', 'wanted', 'wish', 'wishes', 'wished', 'wishing', 'like']);
/** Before "death to", a death brought or caused, not wished: "the war brought death to the Rohingya". */
const DEATH_BRINGERS = new Set([
  'bring', 'brings', 'brought', 'bringing', 'cause', 'causes', 'caused', 'causing', 'spell', 'spells', 'spelled', 'spelt', 'mean', 'means',
  'meant', 'deal', 'deals', 'dealt', 'sentenced', 'sentence', 'condemned', 'doomed', 'led', 'lead', 'leads',
]);
/**
 * Groups that are not identities, as targets of a threat or a death wish only ("all liberals should be
 * hanged", "boomers should die"); they are no group word for the hate cues, where politics is fair game.
 */
const SOCIAL_TARGETS = new Set([
  'liberals', 'conservatives', 'democrats', 'republicans', 'dems', 'libs', 'leftists', 'boomers', 'millennials', 'elderly', 'seniors',
  'homeless', 'addicts', 'junkies', 'atheists', 'vegans', 'voters', 'supporters', 'protesters', 'rioters',
]);
/** Persons as targets, besides the second person and the group words: pronouns, and people by role. */
const PERSON_TARGETS = new Set([
  'him', 'her', 'them', 'they', 'he', 'she', 'yourself', 'urself', 'yourselves', 'themselves', 'man', 'woman', 'guy', 'guys', 'bitch',
  'bastard', 'mayor', 'president', 'senator', 'governor', 'judge', 'cop', 'cops', 'officer', 'reporter', 'reporters', 'journalist',
  'journalists', 'author', 'writer', 'politician', 'politicians', 'traitor', 'traitors', 'moderator', 'admin', 'idiot', 'idiots',
  'councillor', 'councillors', 'councilor', 'councilors', 'mp', 'mps', 'minister', 'commentator', 'columnist', 'presenter', 'landlord',
  'landlords', 'juror', 'jurors', 'foreman', 'lawyer', 'barrister', 'nonce', 'nonces', 'paedo', 'paedos', 'pedo', 'pedos', 'ministers',
]);
const THREAT_PHRASES: readonly (readonly string[])[] = [
  ['know', 'where', 'you', 'live'], ['watch', 'your', 'back'], ['coming', 'for', 'you'], ['you', 're', 'dead'], ['youre', 'dead'],
  ['you', 'are', 'dead'], ['ur', 'dead'], ['drop', 'dead'], ['rot', 'in', 'hell'], ['burn', 'in', 'hell'], ['kys'],
  // Veiled threats: what a reader says instead of "I will hurt him" ("better hope I never bump into her", "should be
  // careful walking home at night", "taken round the back and dealt with", "we'll sort him out ourselves").
  // Each is checked for who is meant in `veiledThreat`.
  ['better', 'hope', 'i', 'never'], ['better', 'hope', 'we', 'never'], ['better', 'hope', 'i', 'don', 't'], ['better', 'hope', 'i', 'dont'],
  ['be', 'careful', 'walking', 'home'], ['taken', 'round', 'the', 'back'], ['taken', 'out', 'back'], ['taken', 'behind', 'the', 'shed'],
  ['sort', 'him', 'out', 'ourselves'], ['sort', 'her', 'out', 'ourselves'], ['deal', 'with', 'him', 'ourselves'], ['deal', 'with', 'her', 'ourselves'],
  ['legitimate', 'targets'], ['legitimate', 'target'], ['fair', 'targets'], ['put', 'a', 'bullet', 'in'], ['put', 'a', 'bullet', 'through'],
  ['bullet', 'between', 'his', 'eyes'], ['bullet', 'between', 'her', 'eyes'], ['bullet', 'between', 'your', 'eyes'], ['with', 'them', 'inside'],
  ['with', 'them', 'still', 'inside'],
];
/** Body parts after "put a bullet in/through his …": the phrase names a person. */
const BODY_PARTS = new Set(['head', 'heads', 'skull', 'brain', 'brains', 'face', 'back', 'chest', 'heart', 'neck']);
const POSSESSIVES = new Set(['his', 'her', 'their', 'your', 'ur', 's']);
/** Who reports a declared target: "Hamas said soldiers are legitimate targets", "Russia claims …". */
const DECLARING = new Set([
  'say', 'says', 'said', 'claim', 'claims', 'claimed', 'declared', 'declares', 'considers', 'considered', 'deems', 'deemed', 'called', 'calls',
  'insists', 'insisted', 'argues', 'argued', 'warned', 'warns', 'according',
]);
/**
 * "dance on <his / this commentator's / …> grave" (a death wished), and "shame if <it> caught fire / burned
 * down" (the mobster's line): a start word, then the end within a few words. Checked in `threatTargets`.
 */
const DANCE_GRAVE = 4;
const SHAME_FIRE = 8;
const FIRE_ENDS = new Set(['fire', 'burned', 'burnt', 'flames', 'accident']);
/** "… with them inside" threatens after a command to burn ("burn those hotels with them inside"), not in news of a fire. */
const BURN_COMMANDS = new Set(['burn', 'torch']);
/**
 * Each phrase is looked up from its longest word (its anchor, the first of the longest), rarer than its
 * first word: "you", "be", "with" and "put" would wake the threat scan for most comments.
 */
interface AnchoredPhrase {
  words: readonly string[];
  anchor: number;
}
const THREAT_ANCHORS: ReadonlyMap<string, readonly AnchoredPhrase[]> = (() => {
  const anchors = new Map<string, AnchoredPhrase[]>();
  for (const words of THREAT_PHRASES) {
    let anchor = 0;
    for (let k = 1; k < words.length; k++) if (words[k].length > words[anchor].length) anchor = k;
    anchors.set(words[anchor], [...(anchors.get(words[anchor]) ?? []), { words, anchor }]);
  }
  return anchors;
})();

/**
 * Harassment that is neither an insult word nor violence:
 * - sexual: a sexual word asked for or aimed at someone ("send nudes", "show us your boobs", "I want to
 *   see you naked"), not a body named in passing ("breast cancer", "the nude painting", "the naked eye");
 * - conspiracy about a group: a group that "controls", "runs" or "owns" the media, the banks, the world;
 * - doxxing: someone asked to find or post a person's address or where they live, or to "dox" them;
 * - degrading wishes aimed at someone: "your mother should have aborted you", "waste of oxygen",
 *   "nobody would miss you".
 */
const SEXUAL_WORDS = new Set([
  'tits', 'titties', 'tiddies', 'boobs', 'boobies', 'nudes', 'nipples', 'horny', 'blowjob', 'bj', 'handjob', 'cock', 'dick', 'pussy',
  'cum', 'booty', 'naked', 'topless', 'sexting', 'panties', 'thong',
]);
/** Asking for or aiming a sexual word: "send nudes", "nice tits", "see you naked". */
const SEXUAL_TOWARD = new Set(['send', 'show', 'flash', 'sit', 'suck', 'lick', 'touch', 'grab', 'spread', 'bend', 'ride', 'nice', 'hot', 'sexy', 'want', 'wanna', 'see', 'pics', 'pic']);
const CONTROL_WORDS = new Set(['control', 'controls', 'controlled', 'controlling', 'run', 'runs', 'own', 'owns', 'owned', 'puppets', 'puppet']);
const POWER_WORDS = new Set(['media', 'banks', 'banking', 'world', 'government', 'governments', 'hollywood', 'money', 'finance', 'press', 'congress', 'economy', 'everything', 'news']);
const DOX_WORDS = new Set(['dox', 'doxx', 'doxxed', 'doxed', 'doxing', 'doxxing']);
/** Finding or spreading: with a third person's address or where they live ("post his address", "find out where she lives"); not a phone number, which friends find for each other. */
const EXPOSE_VERBS = new Set(['find', 'post', 'publish', 'leak', 'share', 'dig', 'track', 'spread', 'get']);
const ADDRESS_WORDS = new Set(['address', 'addresses', 'workplace', 'employer']);
const THIRD_POSSESSIVES = new Set(['his', 'her', 'their', 's']);
const ADDRESS_KINDS = new Set(['home', 'house', 'email', 'work', 'real']);
const LIVES = new Set(['lives', 'live', 'works', 'work', 'sleeps']);
const DEGRADING_PHRASES: readonly (readonly string[])[] = [
  ['should', 'have', 'aborted'], ['should', 've', 'aborted'], ['shoulda', 'aborted'], ['should', 'have', 'been', 'aborted'],
  ['should', 've', 'been', 'aborted'], ['waste', 'of', 'oxygen'], ['waste', 'of', 'air'], ['waste', 'of', 'skin'], ['waste', 'of', 'space'],
  ['waste', 'of', 'sperm'], ['nobody', 'would', 'miss'], ['no', 'one', 'would', 'miss'], ['nobody', 'loves'], ['nobody', 'likes'],
  ['world', 'would', 'be', 'better', 'without'], ['do', 'the', 'world', 'a', 'favor'], ['do', 'the', 'world', 'a', 'favour'],
];
const DEGRADING_STARTS: ReadonlyMap<string, readonly (readonly string[])[]> = (() => {
  const starts = new Map<string, (readonly string[])[]>();
  for (const phrase of DEGRADING_PHRASES) starts.set(phrase[0], [...(starts.get(phrase[0]) ?? []), phrase]);
  return starts;
})();

// Linear: each alternative starts with a fixed literal and `\S+` / `\w+` never backtrack into a retry.
const URL_RE = /https?:\/\/\S+|www\.\S+/gi;
const MENTION_RE = /@\w+/g;

/** Folded words for the toxicity model: URLs, @mentions and a leading retweet marker removed. */
export function toxicityTokens(content: string): string[] {
  let cleaned = content;
  if (cleaned.includes('http') || cleaned.includes('www.')) cleaned = cleaned.replace(URL_RE, ' ');
  if (cleaned.includes('@')) cleaned = cleaned.replace(MENTION_RE, ' ');
  const tokens = foldTokens(cleaned).map(collapseToTwo);
  let start = 0;
  while (start < tokens.length && tokens[start] === 'rt') start++;
  return start > 0 ? tokens.slice(start) : tokens;
}

/** What the toxicity features saw, for the evidence a moderator reads. */
export interface ToxicityEvidence {
  /** Profanity-lexicon terms hit. */
  lexiconHits: string[];
  /** The cue features that fired (`threat:you`, `group+contempt`, …); see `toxicitySignals`. */
  cues: readonly string[];
}

/** Fills `buf` with the toxicity model's features; returns what they saw (evidence). */
export function toxicityFeatures(buf: FeatureBuffer, content: string, lexicon: Lexicon | undefined): ToxicityEvidence {
  buf.reset();
  const tokens = toxicityTokens(content);
  addWordNgrams(buf, tokens, TOX_SEED_WORD, 1);
  addCharNgrams(buf, ` ${tokens.join(' ')} `, 3, 4, SEED_CHAR, 1);
  const hits: string[] = [];
  if (lexicon) {
    for (const t of tokens) {
      const hit = lexicon.hit(collapseRepeats(t));
      if (hit) hits.push(hit);
    }
  }
  const meta = [`lex:${bucket(hits.length, [1, 2, 4])}`];
  let upper = 0;
  let letters = 0;
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
  }
  if (letters >= 10) meta.push(`caps:${bucket(upper / letters, [0.3, 0.7])}`);
  addMeta(buf, meta, SEED_META, 0.5);
  return { lexiconHits: hits, cues: addCues(buf, tokens, content) };
}

const NO_CUES: readonly string[] = Object.freeze([]);

/** Cue features as the signals a moderator reads in a toxicity or hate reason's evidence. */
const SIGNALS: Readonly<Record<string, string>> = {
  'dehum:1': 'dehumanising', 'dehum:2': 'dehumanising', 'group+dehum': 'dehumanising', 'group+dehum:weak': 'dehumanising',
  general: 'generalising', 'group+gener': 'generalising', 'group:quantified': 'generalising',
  expel: 'wants-group-gone', 'group+expel': 'wants-group-gone', 'group+contempt': 'contempt-for-group', 'group+deny': 'denies-group-rights',
  'insult:1': 'insult', 'insult:2': 'insult', 'insult:you': 'insult-to-reader',
  threat: 'threat', 'threat:you': 'threat-to-reader', 'threat:group': 'threat-to-group',
  sexual: 'sexual-harassment', 'sexual:you': 'sexual-harassment', dox: 'doxxing', 'group+conspiracy': 'conspiracy-about-group',
  degrade: 'degrading',
};

/** Every signal a toxicity or hate reason's evidence can carry: a fixed vocabulary, e.g. for metric labels. */
export const TOXICITY_SIGNALS: ReadonlySet<string> = new Set(Object.values(SIGNALS));

/** `threat-to-reader`, `contempt-for-group`, `insult`, …: each once, in the order the cues fired. */
export function toxicitySignals(cues: readonly string[]): string[] {
  return [...new Set(cues.map((c) => SIGNALS[c]).filter((s): s is string => s !== undefined))];
}

/** What a word can be for the group cues and insult features, as bits: one map lookup per token. */
const GROUP = 1;
const CONTEMPT_WORD = 2;
const DEHUM = 4;
const DEHUM_NEAR = 8;
const EXPEL_WORD = 16;
const CUE_START = 32;
const QUANTIFIER = 64;
const INSULT = 128;
const YOU = 256;
const VIOLENT = 512;
const PASSIVE = 1024;
const DEATH = 2048;
const WISH = 4096;
const PERSON = 8192;
const THREAT_START = 16384;
const SKIP = 32768;
const BE = 65536;
const AGENT = 131072;
const COMMAND = 262144;
const HARM = 524288;
const HOPE = 1048576;
const NEGATION = 2097152;
/** A word that can start a harassment cue (see `harassmentCues`). */
const HARASS = 4194304;
const SOCIAL = 8388608;
const METAPHOR = 16777216;
const DENIAL = 33554432;
/** A capacity a group may be denied (see `CAPACITIES`). */
const CAPACITY = 67108864;
const WORD_CLASS: ReadonlyMap<string, number> = (() => {
  const classes = new Map<string, number>();
  const mark = (words: Iterable<string>, bit: number): void => {
    for (const w of words) classes.set(w, (classes.get(w) ?? 0) | bit);
  };
  mark(GROUP_WORDS, GROUP);
  mark(CONTEMPT, CONTEMPT_WORD);
  mark(SLURS, GROUP | CONTEMPT_WORD);
  mark(DEHUMANISING, DEHUM);
  mark(DEHUMANISING_NEAR_GROUP, DEHUM_NEAR);
  mark(EXPELLING_WORDS, EXPEL_WORD);
  mark(CUE_STARTS, CUE_START);
  mark(QUANTIFIERS, QUANTIFIER);
  mark(INSULTS, INSULT);
  mark(SECOND_PERSON, YOU);
  mark(VIOLENT_VERBS, VIOLENT);
  mark(VIOLENT_PASSIVES, PASSIVE);
  mark(DEATH_WORDS, DEATH);
  mark(WISHES, WISH);
  mark(PERSON_TARGETS, PERSON);
  mark(SOCIAL_TARGETS, SOCIAL);
  mark(THREAT_ANCHORS.keys(), THREAT_START);
  mark(['death'], THREAT_START); // "death to …" (see `threatTargets`)
  mark(['dance', 'shame', ...VIOLENT_NOUNS], THREAT_START); // "dance on … grave", "shame if … caught fire", "deserves a beating" (see `threatTargets`)
  mark([...IDIOM_VERBS, ...IDIOM_PASSIVES], THREAT_START); // checked in `threatTargets`
  mark(TARGET_SKIP, SKIP);
  mark(BE_WORDS, BE);
  mark(AGENTS, AGENT);
  mark(COMMANDS, COMMAND);
  mark(HARM_WORDS, HARM);
  mark(HOPES, HOPE);
  mark(NEGATIONS, NEGATION);
  mark(DISEASE_METAPHORS, METAPHOR);
  mark(DENIALS, DENIAL);
  mark(CAPACITIES, CAPACITY);
  for (const words of [SEXUAL_WORDS, POWER_WORDS, DOX_WORDS, ADDRESS_WORDS, LIVES, DEGRADING_STARTS.keys()]) mark(words, HARASS);
  return classes;
})();

/** The word class of every token, looked up once and shared by the cue functions. */
function wordClasses(tokens: readonly string[]): Int32Array {
  const classes = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) classes[i] = WORD_CLASS.get(tokens[i]) ?? 0;
  return classes;
}

const TARGET_YOU = 1;
const TARGET_GROUP = 2;
const TARGET_PERSON = 4;

/**
 * The targets of the threats in the tokens (TARGET_* bits; 0: no threat). `classes[i]` is the word class
 * of token i. `addCues` calls it only when some token is violent, a death or harm word, a passive or
 * the start of a threat phrase; every window it looks at is at most five tokens, so it stays linear.
 */
function threatTargets(tokens: readonly string[], classes: Int32Array): number {
  const classOf = (i: number): number => classes[i] ?? 0;
  const n = tokens.length;
  // Who token j names: the reader, a group ("muslims", "these people"), another person, or nobody.
  const targetAt = (j: number): number => {
    const f = classOf(j);
    if (f & YOU) return TARGET_YOU;
    if (f & GROUP) return TARGET_GROUP;
    if (f & PERSON) return TARGET_PERSON;
    if (f & SOCIAL) return TARGET_GROUP;
    if (isPlaceHead(tokens, j)) return TARGET_GROUP;
    // "these people", and people named by a word before them ("old people", "fat people")
    return tokens[j] === 'people' && j > 0 && (classOf(j - 1) & QUANTIFIER || !FUNCTION_WORDS.has(tokens[j - 1])) ? TARGET_GROUP : 0;
  };
  // "should be allowed to die", "have the right to die", "deserve to die with dignity": no wish of harm.
  const permitted = (i: number): boolean => (tokens[i - 1] === 'to' && PERMISSIONS.has(tokens[i - 2])) || PEACEFUL.has(tokens[i + 1]);
  const hasAgentBefore = (i: number): boolean => {
    for (let j = i - 1; j >= 0 && j >= i - 4; j--) if (classOf(j) & AGENT) return true;
    return false;
  };
  // "tried to burn down the mosque", "attempted to torch": an attempt reported, not a command.
  const attempted = (i: number): boolean => tokens[i - 1] === 'to' && /ed$/.test(tokens[i - 2] ?? '');
  // A command or a wish at `i`: the first word, after "just", "please", "should", "let's", or "need to".
  const urged = (i: number): boolean =>
    i === 0 || (classOf(i - 1) & (COMMAND | WISH)) !== 0 || tokens[i - 1] === 'lets' || tokens[i - 2] === 'let' || (tokens[i - 1] === 'to' && (classOf(i - 2) & WISH) !== 0);
  // Someone named within `span` words after index `from` (a target, or a possessive before a body part).
  const namedAfter = (from: number, span: number): number => {
    let found = 0;
    for (let j = from; j < n && j < from + span; j++) {
      found |= targetAt(j);
      if (POSSESSIVES.has(tokens[j]) && BODY_PARTS.has(tokens[j + 1] ?? '')) found |= TARGET_PERSON;
    }
    return found;
  };
  /**
   * Who a veiled threat phrase at [start, end) names, or 0 when it names no one or is said of something
   * else: "taken round the back" only wished ("should be taken …"), not reported ("the patient was taken
   * …"); "be careful walking home" wished on a person ("that councillor should be careful …", not "Please
   * be careful …" nor "Kids should …"); "better hope I never" with someone after it ("… bump into her");
   * "legitimate targets" not declared by another ("Hamas said …") nor "fair targets for scrutiny", and said
   * of someone; "put a bullet in" someone; "with them inside" after a command to burn.
   */
  const veiledThreat = (phrase: readonly string[], start: number, end: number): number => {
    const first = phrase[0];
    if (first === 'taken') return tokens[start - 1] === 'be' && anyBetween(start - 4, start - 1, (j) => (classOf(j) & WISH) !== 0) ? TARGET_PERSON : 0;
    if (first === 'be') {
      if ((classOf(start - 1) & WISH) === 0) return 0;
      let who = 0;
      for (let j = start - 2; j >= 0 && j >= start - 5; j--) who |= targetAt(j);
      return who & (TARGET_YOU | TARGET_PERSON);
    }
    if (first === 'better') return namedAfter(end, 4) & (TARGET_YOU | TARGET_PERSON);
    if (phrase[1] === 'targets' || phrase[1] === 'target') {
      if (tokens[end] === 'for' || anyBetween(start - 8, start, (j) => DECLARING.has(tokens[j]))) return 0;
      let who = 0;
      for (let j = start - 1; j >= 0 && j >= start - 4; j--) who |= targetAt(j) | (isPlaceHead(tokens, j) ? TARGET_GROUP : 0);
      return who;
    }
    if (first === 'put') return namedAfter(end, 3) === 0 ? 0 : TARGET_PERSON;
    if (first === 'with') {
      for (let j = start - 1; j >= 0 && j >= start - 8; j--) if (BURN_COMMANDS.has(tokens[j])) return urged(j) && !attempted(j) ? TARGET_PERSON : 0;
      return 0;
    }
    return phrase[0] === 'kys' || phrase.includes('you') || phrase.includes('your') ? TARGET_YOU : TARGET_PERSON;
  };
  let targets = 0;
  for (let i = 0; i < n; i++) {
    const f = classOf(i);
    if (IDIOM_VERBS.has(tokens[i]) && (i === 0 || classOf(i - 1) & COMMAND || hasAgentBefore(i)) && !attempted(i)) {
      let j = i + 1;
      while (j < n && j <= i + 4 && (classOf(j) & SKIP || tokens[j] === 'out' || tokens[j] === 'down' || tokens[j] === 'up')) j++;
      // A plural identity, not an adjective ("burn the Israeli flag"), or its place of worship.
      if (j < n && ((isPluralGroup(tokens[j]) && !PLACE_ONLY_VERBS.has(tokens[i])) || isPlaceHead(tokens, j))) targets |= TARGET_GROUP;
    }
    if (IDIOM_PASSIVES.has(tokens[i]) && i > 1 && classOf(i - 1) & BE) {
      const next = tokens[i + 1] ?? '';
      const literal = tokens[i] === 'wiped' ? next === 'out' || next === 'off' : tokens[i] === 'stoned' ? next === 'to' && tokens[i + 2] === 'death' : true;
      let wish = -1;
      for (let j = i - 2; j >= 0 && j >= i - 4; j--) if (classOf(j) & WISH) wish = j;
      // The group right before the wish, or before "… and should be wiped out" ("Muslims are a cancer and …").
      let subject = wish > 0 && (classOf(wish - 1) & GROUP) !== 0;
      for (let j = wish - 2; !subject && wish > 1 && tokens[wish - 1] === 'and' && j >= 0 && j >= wish - 7; j--) {
        if (classOf(j) & NEGATION || CLAUSE_BREAKS.has(tokens[j])) break;
        subject = (classOf(j) & GROUP) !== 0;
      }
      if (literal && subject && !anyBetween(wish - 4, i, (j) => (classOf(j) & NEGATION) !== 0)) targets |= TARGET_GROUP;
    }
    if (f & VIOLENT && (i === 0 || classOf(i - 1) & COMMAND || hasAgentBefore(i))) {
      let j = i + 1;
      while (j < n && j <= i + 3 && classOf(j) & SKIP) j++;
      // "shoot you an email" gives, it does not threaten; "kill them with kindness", "bomb the minister with
      // questions" and "execute the landlord's notice" neither.
      const after = tokens[j + 1];
      if (j < n && after !== 'a' && after !== 'an' && after !== 's' && !(after === 'with' && (GENTLE.has(tokens[j + 2]) || WORDY.has(tokens[j + 2])))) targets |= targetAt(j);
    }
    // "shot down in the debate", "hung out to dry", "get shot of his advisers" are idioms
    if ((f & DEATH && !permitted(i)) || (f & PASSIVE && i > 0 && classOf(i - 1) & BE && !(tokens[i] === 'shot' && tokens[i + 1] === 'down') && tokens[i + 1] !== 'out' && tokens[i + 1] !== 'of')) {
      let wish = -1;
      let negated = false;
      let subject = 0;
      for (let j = i - 1; j >= 0 && j >= i - 5; j--) {
        const g = classOf(j);
        if (g & WISH) wish = j;
        // "innocent people should not die", "no one should die waiting"
        if (g & NEGATION) negated = true;
        subject |= targetAt(j);
      }
      // "Old people should just hurry up and die": the subject right before the wish, out of the window; not
      // negated ("Nobody thinks old people should …") nor in another clause ("… must be housed before more die").
      if (wish > 0 && subject === 0 && !anyBetween(wish - 7, wish - 1, (j) => (classOf(j) & NEGATION) !== 0) && !anyBetween(wish + 1, i, (j) => CLAUSE_BREAKS.has(tokens[j]))) {
        subject = targetAt(wish - 1);
      }
      // "Refugees are vermin and should be gassed": one subject for two predicates, joined by "and".
      if (wish > 1 && subject === 0 && tokens[wish - 1] === 'and') {
        for (let j = wish - 2; j >= 0 && j >= wish - 7 && subject === 0; j--) {
          if (classOf(j) & NEGATION || CLAUSE_BREAKS.has(tokens[j])) break;
          subject = targetAt(j);
        }
      }
      if (wish >= 0 && !negated) targets |= subject;
    }
    if (f & HARM && !permitted(i)) {
      let hoped = false;
      let negated = false;
      let subject = 0;
      for (let j = i - 1; j >= 0 && j >= i - 5; j--) {
        const g = classOf(j);
        // hoped for ("I hope your kids get cancer") or wished ("poor people should starve"; not "should
        // suffer", "should rot" or "should get cancer", as often "suffer at the polls", "rot in prison"
        // and "should get screened for cancer")
        if (g & HOPE || (g & WISH && WISHED_HARM.has(tokens[i]))) hoped = true;
        if (g & NEGATION) negated = true;
        subject |= targetAt(j);
      }
      if (hoped && !negated) targets |= subject;
    }
    // "Death to every Somali", "death to the traitors"; not "death to tyranny", which names no one, a death
    // brought ("bombs brought death to the civilians") or one nobody wants ("nobody wants death to …").
    if (tokens[i] === 'death' && tokens[i + 1] === 'to' && !DEATH_BRINGERS.has(tokens[i - 1] ?? '') && !(WANTS.has(tokens[i - 1] ?? '') && anyBetween(i - 4, i - 1, (j) => (classOf(j) & NEGATION) !== 0))) {
      let j = i + 2;
      while (j < n && j <= i + 4 && classOf(j) & SKIP) j++;
      targets |= targetAt(j);
    }
    if (f & THREAT_START) {
      for (const { words: phrase, anchor } of THREAT_ANCHORS.get(tokens[i]) ?? []) {
        const start = i - anchor;
        if (start < 0) continue;
        let k = 0;
        while (k < phrase.length && tokens[start + k] === phrase[k]) k++;
        if (k < phrase.length) continue;
        targets |= veiledThreat(phrase, start, start + phrase.length);
      }
      if (VIOLENT_NOUNS.has(tokens[i]) && !NOT_AFTER_VIOLENT_NOUN.has(tokens[i + 1] ?? '')) {
        const d = tokens[i - 1] === 'a' ? i - 2 : tokens[i - 1] === 'good' && tokens[i - 2] === 'a' ? i - 3 : -1;
        if (d > 0 && DESERVES.has(tokens[d]) && !anyBetween(d - 6, d, (j) => (classOf(j) & NEGATION) !== 0)) {
          for (let j = d - 1; j >= 0 && j >= d - 6; j--) targets |= targetAt(j);
        }
      }
      // "dance on his / your / this commentator's grave"; not "the grave of the old regime".
      if ((tokens[i] === 'dance' || tokens[i] === 'dancing') && tokens[i + 1] === 'on') {
        for (let j = i + 2; j < n && j <= i + 1 + DANCE_GRAVE; j++) {
          if (tokens[j] !== 'grave' || tokens[j + 1] === 'of') continue;
          if (anyBetween(i + 2, j, (k) => (classOf(k) & YOU) !== 0 || tokens[k] === 'your')) targets |= TARGET_YOU;
          else if (anyBetween(i + 2, j, (k) => POSSESSIVES.has(tokens[k]) || (classOf(k) & PERSON) !== 0)) targets |= TARGET_PERSON;
        }
      }
      // "shame if his shop caught fire", "… if that mosque burned down", "… if he had an accident": someone's.
      if (tokens[i] === 'shame' && tokens[i + 1] === 'if') {
        const whose = anyBetween(i + 2, Math.min(n, i + 2 + SHAME_FIRE), (k) => POSSESSIVES.has(tokens[k]) || targetAt(k) !== 0 || isPlaceHead(tokens, k));
        for (let j = i + 2; whose && j < n && j <= i + SHAME_FIRE; j++) {
          const t = tokens[j];
          if (!FIRE_ENDS.has(t)) continue;
          const fired =
            t === 'fire' ? tokens[j - 1] === 'caught' || tokens[j - 1] === 'on'
            : t === 'burned' || t === 'burnt' ? tokens[j + 1] === 'down'
            : t === 'accident' ? tokens[j - 1] === 'an' && (tokens[j - 2] === 'had' || tokens[j - 2] === 'has' || tokens[j - 2] === 'have')
            : true;
          if (fired) targets |= TARGET_PERSON;
        }
      }
    }
  }
  return targets;
}

/** What a group may be "not allowed to" suffer: a wish that protects it. */
const HARMS_SUFFERED = new Set(['drown', 'die', 'starve', 'suffer', 'go', 'feel', 'fall', 'slip', 'freeze', 'languish', 'sleep', 'wait']);
/** Verbs that report another clause: "… say politics doesn't belong …". */
const REPORTING = new Set(['say', 'says', 'said', 'think', 'thinks', 'believe', 'believes', 'argue', 'argues', 'claim', 'claims']);
/** "shouldn't" and "mustn't" as folded ("shouldn" + "t", or "shouldnt"): wishes the WISHES list spells whole. */
const NEGATED_MODALS = new Set(['shouldn', 'shouldnt', 'mustn', 'mustnt']);

/**
 * Whether the "allowed" or "belong" at `i` denies a group its place: negated ("not", "don't"; not
 * "nobody should be allowed to insult Muslims"), with the group as its subject, before the negation; and
 * for "allowed", wished ("should not be allowed to vote"), since "Muslims are not allowed to eat pork"
 * and "Women were not allowed to vote until 1920" state a rule or a fact.
 */
function deniesGroup(tokens: readonly string[], classes: Int32Array, i: number): boolean {
  let negation = -1;
  let wished = tokens[i] === 'belong';
  for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
    if (classes[j] & NEGATION && tokens[j] !== 'nobody' && tokens[j] !== 'no') negation = j;
    if (classes[j] & WISH || NEGATED_MODALS.has(tokens[j])) wished = true;
  }
  if (negation < 0 || !wished) return false;
  // Protecting the group, not denying it: "should not be allowed to drown / go hungry / be turned away".
  const next = tokens[i + 2] ?? '';
  if (tokens[i + 1] === 'to' && (HARMS_SUFFERED.has(next) || (next === 'be' && /(?:ed|en)$/.test(tokens[i + 3] ?? '')))) return false;
  // The subject may carry a few words ("Sikhs with their turbans don't belong", "Atheists have no morals and
  // should not …"), but not another clause ("Catholic schools say politics doesn't belong in the classroom").
  for (let j = negation - 1; j >= 0 && j >= negation - 6; j--) {
    if (CLAUSE_BREAKS.has(tokens[j]) || REPORTING.has(tokens[j])) return false;
    if (classes[j] & GROUP) return true;
  }
  return false;
}

/**
 * Whether the "right(s)" or "place" at `i` denies a group its rights or place: "<group> should lose the
 * right to vote", "<group> shouldn't have equal rights", "<group> (and their turbans) have no place in …",
 * with the group as the subject, a few words before. Not protected ("should never lose the right"), not
 * "have no place to pray", and not a group after a preposition ("Violence against women has no place").
 */
function deniesGroupRight(tokens: readonly string[], classes: Int32Array, i: number): boolean {
  let head: number; // where the predicate starts: the subject is before it
  if (tokens[i] === 'place') {
    const v = tokens[i - 2] ?? '';
    if (tokens[i - 1] !== 'no' || (v !== 'have' && v !== 'has') || !PLACE_NEXT.has(tokens[i + 1] ?? '')) return false;
    head = i - 2;
  } else {
    let verb = i - 1;
    while (verb >= 0 && verb >= i - 3 && RIGHT_QUALIFIERS.has(tokens[verb])) verb--;
    if (verb < 0) return false;
    const v = tokens[verb];
    let wish = -1;
    let negation = -1;
    for (let j = verb - 1; j >= 0 && j >= verb - 3; j--) {
      if (classes[j] & WISH || NEGATED_MODALS.has(tokens[j])) wish = j;
      if (classes[j] & NEGATION || NEGATED_MODALS.has(tokens[j])) negation = j;
    }
    if (wish < 0) return false;
    // "should lose the right", not negated; "shouldn't have / should not have the right", negated.
    if (LOSE.has(v) ? negation >= 0 : v !== 'have' || negation < 0) return false;
    head = Math.min(wish, negation < 0 ? wish : negation);
  }
  for (let j = head - 1; j >= 0 && j >= head - 4; j--) {
    if (CLAUSE_BREAKS.has(tokens[j]) || REPORTING.has(tokens[j])) return false;
    if (classes[j] & GROUP || (tokens[j] === 'people' && j > 0 && !FUNCTION_WORDS.has(tokens[j - 1]))) return isSubject(tokens, classes, j);
  }
  return false;
}

/**
 * Whether the group word at `j` is what the sentence says something of: not after a preposition within
 * four words ("Violence against trans and gay people has no place …"), nor after a negation of a belief or a
 * saying ("No one here believes women should …", "Nobody is saying …"; not "Not gonna lie, …"), nor after
 * a claim reported ("The article claims immigrants have no place …"; not "I say" or "I think", which are
 * the writer's own).
 */
function isSubject(tokens: readonly string[], classes: Int32Array, j: number): boolean {
  let belief = false;
  for (let k = j - 1; k >= 0 && k >= j - 5; k--) {
    if (BELIEFS.has(tokens[k])) belief = true;
    if ((k >= j - 4 && NOT_SUBJECT_AFTER.has(tokens[k])) || ATTRIBUTIONS.has(tokens[k]) || (classes[k] & NEGATION && belief)) return false;
  }
  return true;
}

/**
 * Group cues, then insults, then threats (in that order, as the model was trained), from the tokens.
 * Returns the names of the cues added.
 */
function addCues(buf: FeatureBuffer, tokens: readonly string[], content: string): readonly string[] {
  const classes = wordClasses(tokens);
  let group = false;
  let dehumanising = 0;
  let generalising = false;
  let expelling = false;
  let contempt = false;
  let quantified = false;
  let nearGroup = false;
  let denying = false;
  let insults = 0;
  let aimed = false;
  let lastYou = -10;
  let violent = false;
  let harass = false;
  const n = tokens.length;
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const f = classes[i];
    const before = previous;
    previous = f;
    if (f === 0) continue;
    if (f & GROUP) {
      group = true;
      if (before & QUANTIFIER) quantified = true;
    }
    // "mentally" only as "… are mentally ill / unstable", not "Mentally ill Muslims need better care" nor
    // "Deaf children are mentally as capable …".
    if (f & CONTEMPT_WORD && (t !== 'mentally' || (METAPHOR_BE.has(tokens[i - 1] ?? '') && MENTAL_SLIGHTS.has(tokens[i + 1] ?? '')))) contempt = true;
    if (f & CAPACITY && deniesCapacity(tokens, classes, i)) contempt = true;
    if (f & DEHUM) dehumanising++;
    else if (f & DEHUM_NEAR) nearGroup = true;
    if (f & EXPEL_WORD) expelling = true;
    if (f & METAPHOR) {
      // "<group> are a plague on …", with a group as the subject (not "Cancer is a disease on the rise among
      // young women"); or brought and spread ("brings disease", "spreading their diseases").
      if (i >= 3 && (tokens[i - 1] === 'a' || tokens[i - 1] === 'the') && METAPHOR_BE.has(tokens[i - 2])) {
        // The group a few words before: "Islam isnt a religion its a disease and …".
        if ((i + 1 === n || METAPHOR_NEXT.has(tokens[i + 1])) && anyBetween(i - 6, i - 2, (j) => (classes[j] & GROUP) !== 0)) nearGroup = true;
      } else {
        // Brought or spread: "bring disease", "spreading their diseases", "bring nothing but drugs, disease";
        // not "bring skills, and disease screening …".
        if (CARRIERS.has(tokens[i - 1] ?? '') || (tokens[i - 1] === 'their' && CARRIERS.has(tokens[i - 2] ?? ''))) nearGroup = true;
        else for (let j = i - 2; j >= 0 && j >= i - 5; j--) if (tokens[j] === 'but' && tokens[j - 1] === 'nothing' && CARRIERS.has(tokens[j - 2] ?? '')) nearGroup = true;
      }
    }
    if (f & DENIAL) {
      if (t === 'allowed' || t === 'belong') {
        if (t === 'allowed' ? ALLOWED_NEXT.has(tokens[i + 1]) : tokens[i + 1] !== 'to') denying ||= deniesGroup(tokens, classes, i);
      } else denying ||= deniesGroupRight(tokens, classes, i);
    }
    if (f & CUE_START && i + 1 < n) {
      const pair = `${t} ${tokens[i + 1]}`;
      if (GENERALISING.has(pair)) generalising = true;
      else if (EXPELLING.has(pair)) expelling = true;
    }
    if (f & (VIOLENT | PASSIVE | DEATH | HARM | THREAT_START)) violent = true;
    if (f & HARASS) harass = true;
    if (f & YOU) lastYou = i;
    if (f & INSULT) {
      insults++;
      if (i - lastYou <= 3 || (i + 1 < n && (classes[i + 1] & YOU) !== 0)) aimed = true;
    }
  }
  const cues: string[] = [];
  if (dehumanising > 0) cues.push(`dehum:${dehumanising > 1 ? 2 : 1}`);
  if (generalising) cues.push('general');
  if (expelling) cues.push('expel');
  if (group) for (let i = 0, k = cues.length; i < k; i++) cues.push(`group+${cues[i].slice(0, 5)}`);
  if ((group || generalising) && nearGroup) cues.push('group+dehum:weak');
  if ((group || generalising) && contempt) cues.push('group+contempt');
  if ((group || generalising) && denying) cues.push('group+deny');
  if (quantified && (contempt || nearGroup || dehumanising > 0)) cues.push('group:quantified');
  if (cues.length > 0) addMeta(buf, cues, SEED_CUE, CUE_WEIGHT);
  let all = cues;
  if (insults > 0) {
    const names = [`insult:${insults > 1 ? 2 : 1}`];
    if (aimed) names.push('insult:you');
    addMeta(buf, names, SEED_CUE, CUE_WEIGHT);
    all = all.concat(names);
  }
  // Every verb `CLAUSE_COMMAND` matches is a violent or threat-start word, so the text is scanned only then.
  if (violent) {
    const threats = threatCues(tokens, classes, clauseCommandTargets(content));
    if (threats.length > 0) addMeta(buf, threats, SEED_CUE, CUE_WEIGHT);
    all = all.concat(threats);
  }
  if (harass) {
    const found = harassmentCues(tokens, group, classes);
    if (found.length > 0) addMeta(buf, found, SEED_CUE, CUE_WEIGHT);
    all = all.concat(found);
  }
  return all.length > 0 ? all : NO_CUES;
}

/**
 * A violent command at the start of a clause, right after a full stop, a colon, a quotation mark or a
 * bracket: "I say it loud and proud: "gas the Jews"", "Enough. Kill them all." The tokens keep no
 * punctuation, so the agent rule of `threatTargets` sees "proud gas the jews" and no one who threatens.
 * Matched on the text, past "all", "the", "of" and "out", and only against an identity group named in the
 * plural (a review found pronouns and roles made pests, code and photography threats). Quoted and
 * reported ("They chanted "gas the Jews"") it is still a threat, and the quotation rule of the engine
 * holds it rather than rejects it.
 */
const CLAUSE_COMMAND =
  /(?:^|[.!?:;"“”‘’«»(\n–—-])[ \t]{0,3}(kill|gas|shoot|hang|lynch|exterminate|nuke|slaughter|behead|execute|massacre|butcher|burn|wipe)(?:[ \t]+(?:all|the|every|those|these|of|out)){0,4}[ \t]+([^\s.,!?:;"“”‘’«»()—–-]{1,40})(?:[ \t]+(an?)\b)?/gi;

/** A place of worship heading its phrase ("burn down the mosque", "that new mosque on Carlton Road"), not a modifier ("the church hall"). */
function isPlaceHead(tokens: readonly string[], j: number): boolean {
  return WORSHIP_PLACES.has(tokens[j]) && (j + 1 >= tokens.length || AFTER_PLACE_HEAD.has(tokens[j + 1]));
}

/** Whether `test` holds for some token index in [from, to) (`from` clamped at 0). */
function anyBetween(from: number, to: number, test: (j: number) => boolean): boolean {
  for (let j = Math.max(0, from); j < to; j++) if (test(j)) return true;
  return false;
}

/** "<group> (just) aren't capable / are not fit …": see `CAPACITIES`. */
function deniesCapacity(tokens: readonly string[], classes: Int32Array, i: number): boolean {
  let negation = -1;
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) if (classes[j] & NEGATION) negation = j;
  if (negation < 0) return false;
  for (let j = negation + 1; j < i; j++) if (REPORTED_VIEW.has(tokens[j])) return false;
  for (let j = negation - 1; j >= 0 && j >= negation - 5; j--) {
    if (REPORTED_VIEW.has(tokens[j]) || REPORTING.has(tokens[j]) || CLAUSE_BREAKS.has(tokens[j])) return false;
    if (classes[j] & GROUP) return isSubject(tokens, classes, j);
  }
  return false;
}

/** An identity group named in the plural ("jews", "muslims"): not an adjective ("the Israeli flag"). */
function isPluralGroup(word: string): boolean {
  return ((WORD_CLASS.get(word) ?? 0) & GROUP) !== 0 && word.endsWith('s');
}

function clauseCommandTargets(content: string): number {
  let targets = 0;
  CLAUSE_COMMAND.lastIndex = 0;
  for (let m = CLAUSE_COMMAND.exec(content); m; m = CLAUSE_COMMAND.exec(content)) {
    // "Shoot them a message" gives, it does not threaten.
    if (m[3] !== undefined) continue;
    // Only against an identity group, in the plural ("the Jews", "all Muslims"): pronouns and people by
    // role are what clause-start imperatives name in recipes, gardens, code and sport ("Aphids? Kill them
    // with soapy water.", "Wipe your feet.", "Zombie processes: kill them from the parent.").
    if (isPluralGroup(m[2].toLowerCase())) targets |= TARGET_GROUP;
  }
  return targets;
}

/**
 * The threat features of folded tokens: `threat` when violence is wished on or promised to someone, with
 * `threat:you` when that is the reader and `threat:group` when it is a group. Empty for talk of violence.
 */
export function threatCues(tokens: readonly string[], classes = wordClasses(tokens), commandTargets = 0): string[] {
  const targets = threatTargets(tokens, classes) | commandTargets;
  if (targets === 0) return [];
  const names = ['threat'];
  if (targets & TARGET_YOU) names.push('threat:you');
  if (targets & TARGET_GROUP) names.push('threat:group');
  return names;
}

/**
 * The harassment features of folded tokens (see `SEXUAL_WORDS` and below): `sexual` (with `sexual:you`
 * when aimed at the reader), `group+conspiracy` (only when `group`: the comment names a group), `dox`
 * and `degrade`. Every window it looks at is at most ten tokens, so it stays linear.
 */
export function harassmentCues(tokens: readonly string[], group = tokens.some((t) => ((WORD_CLASS.get(t) ?? 0) & GROUP) !== 0), classes = wordClasses(tokens)): string[] {
  const n = tokens.length;
  const classOf = (i: number): number => classes[i] ?? 0;
  const near = (i: number, before: number, after: number, test: (j: number) => boolean): boolean => {
    for (let j = Math.max(0, i - before); j <= Math.min(n - 1, i + after); j++) if (j !== i && test(j)) return true;
    return false;
  };
  const commanded = (i: number): boolean => i === 0 || (classOf(i - 1) & COMMAND) !== 0 || near(i, 4, -1, (j) => (classOf(j) & AGENT) !== 0);
  let sexual = false;
  let aimed = false;
  let conspiracy = false;
  let dox = false;
  let degrade = false;
  for (let i = 0; i < n; i++) {
    // Every branch below starts at a word marked HARASS.
    if ((classes[i] & HARASS) === 0) continue;
    const t = tokens[i];
    if (SEXUAL_WORDS.has(t) && tokens[i + 1] !== 'eye' && tokens[i + 1] !== 'truth') {
      const you = near(i, 4, 2, (j) => (classOf(j) & YOU) !== 0);
      if (you || near(i, 4, 2, (j) => SEXUAL_TOWARD.has(tokens[j]))) sexual = true;
      if (you) aimed = true;
    }
    if (group && POWER_WORDS.has(t) && near(i, 3, 3, (j) => CONTROL_WORDS.has(tokens[j]))) conspiracy = true;
    if (DOX_WORDS.has(t) && near(i, -1, 3, (j) => (classOf(j) & (YOU | PERSON | GROUP)) !== 0)) dox = true;
    // "post his address", "find this guy's workplace", "post her home address"
    if (ADDRESS_WORDS.has(t)) {
      const owner = THIRD_POSSESSIVES.has(tokens[i - 1]) ? i - 1 : ADDRESS_KINDS.has(tokens[i - 1]) && THIRD_POSSESSIVES.has(tokens[i - 2]) ? i - 2 : -1;
      for (let j = owner - 1; owner > 0 && j >= 0 && j >= owner - 4; j--) if (EXPOSE_VERBS.has(tokens[j]) && commanded(j)) dox = true;
    }
    // "find out where she lives"
    if (LIVES.has(t) && i >= 2 && tokens[i - 2] === 'where' && (classOf(i - 1) & PERSON) !== 0) {
      for (let j = i - 3; j >= 0 && j >= i - 5; j--) if (EXPOSE_VERBS.has(tokens[j]) && commanded(j)) dox = true;
    }
    for (const phrase of DEGRADING_STARTS.get(t) ?? []) {
      let k = 0;
      while (k < phrase.length && tokens[i + k] === phrase[k]) k++;
      // Aimed at someone: the reader or a person within the phrase or the four words before it.
      if (k === phrase.length && near(i, 4, phrase.length, (j) => (classOf(j) & (YOU | PERSON)) !== 0)) degrade = true;
    }
  }
  const names: string[] = [];
  if (sexual) names.push('sexual');
  if (aimed) names.push('sexual:you');
  if (conspiracy) names.push('group+conspiracy');
  if (dox) names.push('dox');
  if (degrade) names.push('degrade');
  return names;
}

/** Rude words of the insult list that insult no one: "crap weekend", "this bill sucks", "damn good". */
const RUDE_NOT_AIMED = new Set(['crap', 'crappy', 'bullshit', 'sucks', 'damn', 'damned', 'dammit', 'damnit', 'silly', 'ridiculous', 'lame']);
/**
 * The swearing a site may allow, as folded tokens: expletives, never a slur, an epithet ("cunt", "twat",
 * "bitch", "motherfucker", "shithead") or a sexual word, all of which the profanity lexicon also holds.
 */
const EXPLETIVES = new Set([
  'fuck', 'fucking', 'fucked', 'fuckin', 'fucks', 'feck', 'fecking', 'shit', 'shite', 'shitty', 'shitting', 'bollocks', 'bloody', 'bugger',
  'hell', 'damn', 'damned', 'dammit', 'damnit', 'crap', 'crappy', 'arse', 'piss', 'pissing', 'pissed', 'bullshit', 'goddamn', 'goddamned',
  'effing', 'frigging', 'friggin', 'wtf', 'omfg',
]);
/** After a swear word, these aim it: "fuck the council", "fuck off", "screw them" (not "fuck it", "fuck all"). */
const AIMING_NEXT = new Set(['the', 'that', 'this', 'these', 'those', 'off', 'him', 'her', 'them', 'em', 'everyone', 'out']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they']);
const RUNNING_DOWN = new Set([
  'disgusts', 'disgust', 'sickens', 'sicken', 'stinks', 'stink', 'ruined', 'ruins', 'ruin', 'lies', 'lied', 'lying', 'hate', 'hates',
  'cheats', 'cheated', 'deserve', 'deserves', 'should', 'must', 'needs', 'need', 'ought', 'make', 'makes', 'annoy', 'annoys',
]);

/** Before a swear word, these make it a command to someone: "eat shit", "get fucked", "go fuck …". */
const AIMING_BEFORE: ReadonlyMap<string, string> = new Map([['shit', 'eat'], ['fucked', 'get'], ['fuck', 'go']]);
const CALLED_A = new Set(['sack', 'piece', 'bag', 'pile', 'lump']);
const THE_FUCK_NEXT = new Set(['up', 'out', 'off', 'away', 'down']);
/** Cues that mean the comment is aimed at someone, whatever its swearing. */
const AIMED_CUE = /^(?:threat|group|general|dehum|expel|sexual|dox|degrade|insult:you)/;
/** "fuck Trump", "screw the Tories": a name after the swear word, in the text as written. */
const SWORN_AT_NAME_RE = /\b(?:fuck|f\*ck|screw)\s+(?:the\s+|that\s+|all\s+)?[A-Z]/;
const CHUNK_RE = /\S+/g;

/**
 * The text without its swearing, when the swearing is aimed at no one ("holy shit what a result", "this is
 * fucking brilliant news", "Bollocks. Was hoping the pool would stay open."), for sites whose policy
 * allows it (`allowUnaimedProfanity`). Only expletives count (`EXPLETIVES`): any other profane word (a
 * slur, an epithet, a sexual word) makes the comment more than swearing, and so does anything that aims
 * it: an @mention; a second-person, person or group word within four words of a swear word ("fuck
 * you", "fucking immigrants", "a fucking joke of a writer"); a word pointing it ("fuck the council",
 * "piss off", "the shit out of"); a command ("eat shit", "get fucked", "wake the fuck up"); a name after
 * it ("fuck Trump"); a name for someone ("sack of shit", "X is a fucking disgrace"); any insult word
 * but mere rudeness; any cue of insult, threat, harassment or hate (`cues`). The text keeps its case and
 * punctuation: whitespace-separated chunks made only of expletives are cut. Linear in the length.
 */
export function withoutUnaimedProfanity(content: string, lexicon: Lexicon, cues: readonly string[]): string | undefined {
  if (cues.some((c) => AIMED_CUE.test(c)) || content.includes('@') || SWORN_AT_NAME_RE.test(content) || swearingAtSomeone(content)) return undefined;
  const tokens = toxicityTokens(content);
  const classes = wordClasses(tokens);
  let profane = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if ((classes[i] & INSULT) !== 0 && !RUDE_NOT_AIMED.has(t)) return undefined;
    const expletive = EXPLETIVES.has(t);
    if (!expletive) {
      if (lexicon.hit(collapseRepeats(t))) return undefined;
      continue;
    }
    profane++;
    for (let j = Math.max(0, i - 4); j <= Math.min(tokens.length - 1, i + 4); j++) {
      // A subject pronoun does the deed, it is not sworn at ("he fucking did it", "they fucking nailed it"),
      // unless what follows runs them down ("she fucking disgusts me", "he fucking lied").
      if (j === i || (classes[j] & (YOU | PERSON | GROUP | SOCIAL)) === 0) continue;
      if (!SUBJECT_PRONOUNS.has(tokens[j]) || anyBetween(i + 1, Math.min(tokens.length, i + 4), (k) => RUNNING_DOWN.has(tokens[k]))) return undefined;
    }
    // "holy fuck that was a great save" exclaims; "fuck that, I'm not paying" and "fuck this weather" point at
    // a thing (a person near it is caught above); "fuck the council" points at someone.
    const next = tokens[i + 1] ?? '';
    if ((AIMING_NEXT.has(next) && tokens[i - 1] !== 'holy' && next !== 'this' && next !== 'that') || (i > 0 && AIMING_BEFORE.get(t) === tokens[i - 1])) return undefined;
    // "a spineless sack of shit", "piece of shit", "X is a fucking disgrace": someone called it.
    if (tokens[i - 1] === 'of' && CALLED_A.has(tokens[i - 2] ?? '')) return undefined;
    if (tokens[i - 1] === 'a' && METAPHOR_BE.has(tokens[i - 2] ?? '')) return undefined;
    // "wake the fuck up", "get the fuck out": a command.
    if (tokens[i - 1] === 'the' && THE_FUCK_NEXT.has(tokens[i + 1] ?? '')) return undefined;
  }
  if (profane === 0) return undefined;
  return content.slice(0, 20_000).replace(CHUNK_RE, (chunk) => {
    const folded = toxicityTokens(chunk);
    return folded.length > 0 && folded.every((w) => EXPLETIVES.has(w)) ? '' : chunk;
  });
}

/**
 * Swearing aimed at someone in so many words, at the start of a clause (after punctuation, an interjection,
 * "and", "so", "just", "go" or "you can"): "Fuck you and your article", "…what? Fuck you.", "F*** off",
 * "Oh fuck you, Dave", "you can fuck right off", "Screw you guys", "Get fucked". Not inside a sentence,
 * where the same words are reported, self-directed or an idiom ("the driver shouted fuck you at …",
 * "Thank fuck you got home", "cold as fuck you could see your breath", "Ryanair will screw you on fees",
 * "the screw you need", "will piss off voters", "I will bugger off to the pub"). Each alternative starts
 * with a fixed prefix and its repetitions are of distinct letters, so the scan is linear.
 */
const CLAUSE_START = String.raw`(?:^|[.!?;:,\n"“”(…]\s*|(?:^|\s)(?:oh|ah|aw|ugh|och|and|so|just|go|now|well|(?:you|u) can(?: just)?)\s+)`;
const F_WORD = String.raw`(?:f+u+c*k+|f\*+c?k?|fuk+|fuq|phuck|fck|feck|fook|fack|eff)`;
const SWORN_AT_RE = new RegExp(
  String.raw`${CLAUSE_START}(${F_WORD}\s+(?:right\s+)?(?:you+|u|ya|yourself|yourselves|thee|youse|yous|off)\b|screw\s+(?:you|u)(?=\s*(?:[.!?,;]|$|guys\b|all\b|lot\b|people\b|mate\b))|get\s+fucked\b|fuck(?:you|off)\b)`,
  'i',
);

/** The words of swearing aimed at someone (see `SWORN_AT_RE`), lower case, or undefined. */
export function swearingAtSomeone(content: string): string | undefined {
  const m = SWORN_AT_RE.exec(content.slice(0, 20_000));
  return m ? m[1].toLowerCase().replace(/\s+/g, ' ') : undefined;
}
