import { harassmentCues, swearingAtSomeone, threatCues, toxicityFeatures, toxicitySignals, toxicityTokens } from './toxicity-features';
import { FeatureBuffer } from './features';

const cues = (text: string): string[] => threatCues(toxicityTokens(text));

describe('threat cues', () => {
  it.each([
    ['I will kill you.', ['threat', 'threat:you']],
    ["I'm gonna shoot u", ['threat', 'threat:you']],
    ['I hope you die.', ['threat', 'threat:you']],
    ['You deserve to die.', ['threat', 'threat:you']],
    ['Go kill yourself', ['threat', 'threat:you']],
    ['k y s', ['threat', 'threat:you']],
    ['I know where you live.', ['threat', 'threat:you']],
    ['Someone should shoot him.', ['threat']],
    ['Someone needs to shoot that mayor.', ['threat']],
    ['All Muslims should DIE', ['threat', 'threat:group']],
    ['Kill all the immigrants.', ['threat', 'threat:group']],
    ['They should all be shot.', ['threat']],
    ['These people need to be hanged.', ['threat', 'threat:group']],
    ['I hope your kids get cancer.', ['threat', 'threat:you']],
    ['hope u rot', ['threat', 'threat:you']],
    // Groups that are not identities, and people named by a word before "people".
    ['Boomers should all die.', ['threat', 'threat:group']],
    ['Fat people deserve to die.', ['threat', 'threat:group']],
    ['The elderly should be euthanized.', ['threat', 'threat:group']],
    ['Poor people should starve.', ['threat', 'threat:group']],
    // The subject before the wish, the death word more than five words after the subject.
    ['Old people should just hurry up and die.', ['threat', 'threat:group']],
    ['Immigrants should go back home or die.', ['threat', 'threat:group']],
    // One subject for two predicates joined by "and"; "death to …"; more violent verbs and passives.
    ['Refugees are vermin and should be gassed.', ['threat', 'threat:group']],
    ['Death to every Somali in this city.', ['threat', 'threat:group']],
    ['Gays should be flogged.', ['threat', 'threat:group']],
    // Violent idioms against an identity group (a second review found the first fix had dropped them).
    ['Wipe out the Muslims.', ['threat', 'threat:group']],
    ['Burn all the Jews.', ['threat', 'threat:group']],
    ['Gays should be beaten.', ['threat', 'threat:group']],
    ['Muslims should be wiped off the map.', ['threat', 'threat:group']],
    ['Gays should be stoned to death.', ['threat', 'threat:group']],
    ['Not a joke, death to all Jews.', ['threat', 'threat:group']],
    ['Roma should be sterilised.', ['threat', 'threat:group']],
    // Veiled threats, violence deserved, places of worship.
    ['You better hope I never see you in town.', ['threat', 'threat:you']],
    ['That journalist better hope I never bump into her.', ['threat']],
    ['People like that councillor should be careful walking home.', ['threat']],
    ['Someone should shoot that councillor.', ['threat']],
    ['He deserves a beating.', ['threat']],
    ['That judge should be taken round the back.', ['threat']],
    ["If he walks free we'll sort him out ourselves.", ['threat']],
    ['Their MPs are legitimate targets now.', ['threat']],
    ['Jewish schools are fair targets now.', ['threat', 'threat:group']],
    ['Someone should put a bullet in that man.', ['threat']],
    ['I will dance on your grave.', ['threat', 'threat:you']],
    ['Shame if his shop caught fire one night.', ['threat']],
    ['He deserves a good kicking for this.', ['threat']],
    ['Burn down the mosque.', ['threat', 'threat:group']],
    ['Mosques should be burned down with them inside.', ['threat', 'threat:group']],
    ['Muslims are a cancer and should be wiped out.', ['threat', 'threat:group']],
    ['Burn every one of those hotels with them inside.', ['threat']],
  ])('finds a threat in %j', (text, expected) => {
    expect(cues(text)).toEqual(expected);
  });

  it.each([
    'The attack killed 12 people in Kabul.',
    'My grandfather died last year.',
    'Police shot a suspect in the chest on Tuesday.',
    'This band kills it every time!',
    'I would die for this cake.',
    'The death penalty should be abolished.',
    'Guns do not kill people, people kill people.',
    'People will die if this bill passes.',
    'I will shoot you an email tomorrow.',
    'Kill them with kindness, my gran always said.',
    'It would be a shame if the library closed.',
    // A review's false holds: reports, idioms and sport around the veiled-threat phrases.
    'Hamas said soldiers are legitimate targets.',
    'MPs expenses are fair targets for scrutiny.',
    'It would be a shame if the old mill caught fire again.',
    'Thousands turned out to dance on the grave of the old regime.',
    'He deserves a slap on the wrist at most.',
    'He deserves a good kicking at the ballot box.',
    'The minister needs a bullet point summary.',
    'They deserved a good hiding after that performance.',
    'If the council will not fill the potholes we will sort them out ourselves.',
    'Please be careful walking home in the snow.',
    'Kids should be careful walking home after dark.',
    'Fans better hope we never see a performance like that again.',
    'The patient was taken round the back to the ambulance bay.',
    'Arsonists tried to burn the house down with them inside, jurors heard.',
    'Put a bullet through the middle of the target at 100 yards.',
    "We're going to smash the Germans on Saturday!",
    'They want to smash the church roof appeal target by Christmas.',
    'Someone tried to burn down the mosque in 2015.',
    'The landlord should be hung out to dry by the tribunal.',
    'The MP should get shot of that second job.',
    'They will bomb the minister with questions at PMQs.',
    "They should execute the landlord's eviction notice properly.",
    'I shoot church weddings most weekends.',
    'The house burned down with them inside, a terrible tragedy.',
    'Nobody deserves a beating, whatever he did.',
    'No one here thinks he deserves a beating.',
    'The mosque burned down in 1987.',
    'Smash the patriarchy!',
    'You should be careful walking on the ice.',
    'We should kill this bill before it passes.',
    'I will kill this process and restart the server.',
    'Want to hang out with you this weekend.',
    'He was shot in 1968 and died in hospital.',
    'I am a gay Muslim woman.',
    'I hope you never get cancer.',
    'You should get screened for cancer every year.',
    'I hope the new policy will make sure no one has to suffer.',
    'Smoking will kill you.',
    'That virus can kill you within days.',
    'Terminally ill people should be allowed to die with dignity.',
    'Elderly people deserve to die at home, surrounded by family.',
    'Republicans should suffer at the polls in November.',
    'Liberals must be shot down in the debate.',
    'He should rot in prison for what he did.',
    'Many people die of heart disease every year.',
    'Homeless people should get housing first.',
    'Innocent people should not die because of this law.',
    'Sick people should never die alone.',
    'No one should die waiting for a transplant.',
    // The subject right before a wish far from the death word, but negated or in another clause.
    'Nobody thinks old people should just hurry up and die.',
    'Homeless people must be housed before more die in the cold.',
    'She wants to go home and die.',
    "I don't believe that old people should just give up and die.",
    'Death to tyranny.',
    'Wipe out the debt first.',
    'The team should be beaten easily on Sunday.',
    'We beat them 3-0.',
    'I burned the toast and should be ashamed.',
    'They killed 12 Israelis and should be punished.',
    'The house was burned down by the mob.',
    'Immigrants work hard and should never be beaten or abused.',
    // Found by a review: deaths brought or unwanted, idioms of politics and money, and "out".
    'Nobody wants death to Palestinians or Israelis.',
    'I would never wish death to any Russian soldier or his family.',
    'Russian bombs brought death to the Ukrainian civilians of Mariupol.',
    'Fentanyl brings death to homeless people every single week.',
    'The debts of poor African countries should be wiped.',
    'Republicans can and should be beaten in November.',
    'Democrats must be whipped into line before the vote.',
    'We will wipe out the Republicans in the midterms.',
    "We'll drown out the protesters with music and singing.",
    'Protesters said they would burn the Israeli flag outside the embassy.',
    'Seniors should be allowed to get stoned if it helps their arthritis.',
  ])('finds none in %j', (text) => {
    expect(cues(text)).toEqual([]);
  });
});

describe('harassment cues', () => {
  const found = (text: string): string[] => harassmentCues(toxicityTokens(text));

  it.each([
    ['send n u d e s', ['sexual']],
    ['Show us your b00bs', ['sexual', 'sexual:you']],
    ['bet u look good naked', ['sexual', 'sexual:you']],
    ['The Jews run Hollywood.', ['group+conspiracy']],
    ['Congress is owned by immigrants.', ['group+conspiracy']],
    ['Let\'s dox him.', ['dox']],
    ['Somebody find this guy\'s address.', ['dox']],
    ['go post her home address', ['dox']],
    ['Someone find out where she lives.', ['dox']],
    ['Your mother should have aborted you.', ['degrade']],
    ['He should\'ve been aborted.', ['degrade']],
    ['You are a waste of oxygen.', ['degrade']],
  ])('finds %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    'The nude painting at the museum is beautiful.',
    'You can see it with the naked eye.',
    'My nipples hurt while breastfeeding, any advice?',
    'The banks control interest rates.',
    'Women control their own bodies.',
    'Muslim journalists work in the media too.',
    'Find the address of the town hall on the website.',
    'She found his address in the phone book.',
    'Can you post your address so I can send the prize?',
    'Doxxing is illegal and should be punished.',
    'This stadium is a waste of space.',
    'This bill should have been aborted.',
    'Nobody likes paying taxes.',
    'Can you make me a sandwich recipe without bread?',
    "I can't wait to get back in the kitchen after my surgery.",
    "Get back in the kitchen and make this again, it's that good!",
  ])('finds none in %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe(`${toxicityFeatures.name}: group cues`, () => {
  const groupCues = (text: string): readonly string[] => toxicityFeatures(new FeatureBuffer(18), text, undefined).cues;

  it.each([
    ['Islam is a cancer on the west.', 'group+dehum:weak'],
    ['Muslims are a cancer spreading through Europe.', 'group+dehum:weak'],
    ['Immigrants are the disease.', 'group+dehum:weak'],
    ['Muslims should not be allowed to vote in our elections.', 'group+deny'],
    ["Refugees don't belong here and never will.", 'group+deny'],
    ['Women shouldnt be allowed near a cockpit.', 'group+deny'],
    // Any nationality or ethnicity is a group, not only those the training threads discussed.
    ['Kurds are dishonest.', 'group+contempt'],
    ['Romanians are thieves.', 'group+dehum:weak'],
    // A slur the profanity lexicon lacks is a group and contempt in one word.
    ['get lost spic', 'group+contempt'],
    ['Gay people are mentally ill.', 'group+contempt'],
    // Rights and place denied: lost, not had, no place.
    ['Women should lose the right to vote.', 'group+deny'],
    ["Gay people shouldn't have equal rights.", 'group+deny'],
    ['Sikhs and their turbans have no place in our police force.', 'group+deny'],
    ['I say immigrants have no place in our country.', 'group+deny'],
    ['Not gonna lie, blacks have no place in this town.', 'group+deny'],
    ['Muslims have no place.', 'group+deny'],
    // A capacity denied; a disease brought "and nothing but"; "its" for "it's"; more words near a group.
    ['Women are not capable of leading a country.', 'group+contempt'],
    ['Migrants bring nothing but drugs, disease and crime.', 'group+dehum:weak'],
    ['Islam isnt a religion its a disease and Europe has caught it.', 'group+dehum:weak'],
    ['Nigerians = scammers.', 'group+dehum:weak'],
  ])('finds %j', (text, cue) => {
    expect(groupCues(text)).toContain(cue);
  });

  // Each has a group word and the word a cue looks for, so each would fire if the cue's conditions slipped.
  it.each([
    'My Muslim friend is a cancer survivor.',
    'Black women are more likely to die of breast cancer.',
    'Heart disease kills more women than any other illness.',
    'Lung cancer is the cancer that kills the most women.',
    'Muslims are not allowed to eat pork.',
    'Women were not allowed to vote until 1920.',
    'Nobody should be allowed to insult Muslims.',
    "Muslims don't belong to the Catholic church.",
    'The telephone poles are filthy.',
    'Americans are sick of this government.',
    'My car needs new tranny fluid, it is filthy.',
    'Mentally ill Muslims need better care.',
    'Deaf children are mentally as capable as any other kids.',
    'Cancer is a disease on the rise among young women.',
    'Malaria is a plague on sub-Saharan Africa and kills African children.',
    'The Chinese government brought the virus under control.',
    'Refugees should not be allowed to drown while governments argue.',
    'Black voters should not be allowed to be turned away from the polls.',
    "Catholic schools say politics doesn't belong in the classroom.",
    'Women should never lose the right to vote.',
    "Gay people shouldn't have to fight for equal rights.",
    'Women should have the right to choose.',
    'Violence against women has no place in our society.',
    'Racism against Jews has no place here.',
    'Muslims have no place to pray in this town.',
    // Found by a review: the subject after a negation or a reported claim, "no place" that is no place.
    'No one here believes women should lose the right to vote.',
    'The article claims immigrants have no place in our economy, which is nonsense.',
    'Refugees have no place left to sleep after the camp was cleared.',
    'Disabled people have no place nearby to park since the car park shut.',
    'Violence against trans and gay people has no place in our society.',
    'Women were not considered capable of voting in 1900.',
    'Refugees are not fit to work when they arrive, they need support first.',
    'Immigrants bring skills, and disease screening at the border is routine.',
    'Chinese travellers brought the virus to Italy in 2020, the study found.',
    'The Indian restaurant on the corner was dirt cheap and lovely.',
  ])('finds no group cue in %j', (text) => {
    expect(groupCues(text).filter((c) => c.startsWith('group'))).toEqual([]);
  });
});

describe('violent commands at the start of a clause', () => {
  const threatSignals = (text: string): string[] =>
    toxicitySignals(toxicityFeatures(new FeatureBuffer(18), text, undefined).cues).filter((c) => c.startsWith('threat'));

  it.each([
    ['I say it loud and proud: "gas the Jews".', ['threat', 'threat-to-group']],
    ['Enough. Kill all the Muslims.', ['threat', 'threat-to-group']],
    ['Enough \u2014 kill the Jews.', ['threat', 'threat-to-group']],
    ['Protesters shouted: kill the Jews!', ['threat', 'threat-to-group']],
  ])('finds one in %j, where the tokens alone show no one who threatens', (text, expected) => {
    expect(threatSignals(text)).toEqual(expected);
  });

  it.each(['Execute the plan. Kill the bill.', "Wipe out the Republicans in the midterms. Let's go.", 'Burn the Israeli flag? No.', 'The bill: kill it now.', "Shoot them a message if you're late.",
    // Found by a review: clause-start imperatives in gardens, code, homes and sport.
    'Aphids on my roses. Kill them with soapy water.', 'Cold feet at night? Wipe your feet and wear socks.', 'Zombie processes: kill them from the parent.',
    'Great goalie. Shoot him low.', 'A bad draft? Kill your darlings.', 'Quiz night. Slaughter the Democrats at trivia.'])(
    'finds none in %j',
    (text) => {
      expect(threatSignals(text)).toEqual([]);
    },
  );
});

describe('toxicity signals', () => {
  const signalsOf = (text: string): string[] => toxicitySignals(toxicityFeatures(new FeatureBuffer(18), text, undefined).cues);

  it('names what the cue features saw, each once', () => {
    expect(signalsOf('You moron, I will kill you.')).toEqual(['insult', 'insult-to-reader', 'threat', 'threat-to-reader']);
    expect(signalsOf('Kill all the immigrants.')).toEqual(['threat', 'threat-to-group']);
    expect(signalsOf('Muslims are lazy and filthy.')).toEqual(['contempt-for-group']);
    expect(signalsOf('Immigrants should not be allowed to vote.')).toEqual(['denies-group-rights']);
  });

  it('has none for an ordinary comment', () => {
    expect(signalsOf('Thanks for the article, the council budget finally makes sense to me.')).toEqual([]);
  });
});

describe(swearingAtSomeone.name, () => {
  it.each([
    ['Fuck you and your article', 'fuck you'],
    ['...what? Fuck you.', 'fuck you'],
    ['F**k off', 'f**k off'],
    ['fuk u', 'fuk u'],
    ['Fuuuuck youuu', 'fuuuuck youuu'],
    ['Screw you guys, I am out.', 'screw you'],
    ['Get fucked', 'get fucked'],
    ['You can fuck right off with that.', 'fuck right off'],
  ])('finds %j', (text, expected) => {
    expect(swearingAtSomeone(text)).toBe(expected);
  });

  it.each([
    'the wood screw you buy at B&Q',
    'Ryanair will screw you on baggage fees',
    'Screw you over, the banks will.',
    'Thank fuck you got home safe',
    'the driver shouted fuck you at the cyclist',
    'a big fuck-off 4x4',
    'Students get fucked by this policy',
  ])('finds none in %j', (text) => {
    expect(swearingAtSomeone(text)).toBeUndefined();
  });
});
