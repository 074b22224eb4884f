const NATIONALITIES = `
afghans albanian albanians algerian algerians angolan angolans argentine argentines argentinian argentinians
armenian armenians austrian austrians azerbaijani azerbaijanis bangladeshi bangladeshis belarusian
belarusians belgians bolivian bolivians bosnian bosnians brazilians bulgarian bulgarians burmese cambodian
cambodians cameroonian cameroonians chilean chileans colombians congolese croatian croatians cubans czech
czechs danes dominican dominicans ecuadorian ecuadorians egyptian egyptians emirati emiratis eritrean
eritreans estonian estonians ethiopian ethiopians filipino filipinos filipina filipinas frenchman frenchmen
germans ghanaian ghanaians greeks guatemalan guatemalans haitian haitians honduran hondurans hungarian
hungarians icelander icelanders indonesian indonesians iranian iranians iraqi iraqis israeli israelis
italians ivorian ivorians jamaican jamaicans japanese jordanian jordanians kazakh kazakhs kenyans korean
koreans kosovar kosovars kuwaiti kuwaitis laotian laotians latvian latvians lebanese liberian liberians
libyan libyans lithuanian lithuanians macedonian macedonians malaysian malaysians malian malians moldovan
moldovans mongolian mongolians montenegrin moroccan moroccans mozambican nepalese nepali nepalis nicaraguan
nicaraguans nigerian nigerians norwegian norwegians pakistani pakistanis palestinian palestinians panamanian
panamanians paraguayan paraguayans peruvian peruvians polish portuguese ricans qatari qataris romanian romanians
russian russians rwandan rwandans salvadoran salvadorans saudi saudis senegalese serb serbs serbian serbians
leoneans singaporean singaporeans slovak slovaks slovenian slovenians somali somalis spaniard spaniards
lankan lankans sudanese syrian syrians taiwanese tajik tajiks tanzanian tanzanians tunisian tunisians turk
turks ugandan ugandans ukrainian ukrainians uruguayan uruguayans uzbek uzbeks venezuelan venezuelans
vietnamese yemeni yemenis zambian zambians zimbabwean zimbabweans
`;
const ETHNIC_GROUPS = `
aboriginal aboriginals ashkenazi bedouin bedouins berbers chechen chechens copt copts coptic druze gypsy
gypsies hmong hutu hutus inuit kurd kurds kurdish maori pashtun pashtuns roma romani rohingya tamil tamils
tibetan tibetans tutsi tutsis uighur uighurs uyghur uyghurs yazidi yazidis zulu zulus slav slavs caucasians
latinx dalit dalits
`;

/**
 * Peoples named by nationality or ethnicity, folded (lower case, no accents): hate in comments names
 * whichever people a story is about, so the group cues need every one, not only those the training
 * threads discussed. A word here adds nothing by itself (see GROUP_WORDS in toxicity-features). Plurals,
 * and singulars where they rarely name a thing; for a word left out, its plural went too ("thais",
 * "swedes", "finns", "persians", "georgians", "scots", "brits"). Left out:
 * - words that mostly mean something else: "poles", "turkey", "china", "sami", "finn",
 *   "thai" food, "dutch" treat, "swede", "persian" cats, "afghan" blankets, "berber" carpets, "georgian"
 *   houses, "turkish" coffee, "cuban" cigars, and the singulars "german", "italian", "belgian",
 *   "brazilian", "colombian", "kenyan" (cars, food, waffles, coffee);
 * - the peoples most comments here are written by and about ("american", "british", "canadian",
 *   "australian", "irish", "scottish", "welsh", "english"): "Americans are sick of this government." is
 *   an opinion, not hate, and "sick" is a contempt word;
 * - those already in GROUP_WORDS ("chinese", "indian", "mexican", "arab", "sikh").
 * "polish" and "roma" are in: in comments they name people far more often than shoe polish or a football
 * club. "ricans", "lankans" and "leoneans" are the second words of "Puerto Ricans", "Sri Lankans" and "Sierra
 * Leoneans".
 */
export const PEOPLES: readonly string[] = `${NATIONALITIES} ${ETHNIC_GROUPS}`
  .split(/\s+/)
  .filter((w) => w !== '');
