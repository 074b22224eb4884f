/**
 * Peoples named by nationality or ethnicity, folded (lower case, no accents), singular and plural. Hate in
 * comments names whichever people a story is about, so the group cues need every one, not only those the
 * training threads discussed; a word here adds nothing by itself (see GROUP_WORDS in toxicity-features).
 * Left out: words that are mostly something else in a comment: "turkey", "china", "english" (the language),
 * "french" fries, "swiss" cheese, "danish" pastries ("turks", "frenchmen", "danes" are in). "polish" is in: as a verb it is rare in comments.
 */
const NATIONALITIES = `
afghan afghans albanian albanians algerian algerians american americans angolan angolans argentine argentines argentinian argentinians
armenian armenians australian australians austrian austrians azerbaijani azerbaijanis bangladeshi bangladeshis belarusian belarusians
belgian belgians bolivian bolivians bosnian bosnians brazilian brazilians british brits bulgarian bulgarians burmese cambodian cambodians
cameroonian cameroonians canadian canadians chilean chileans chinese colombian colombians congolese croatian croatians cuban cubans czech czechs
danes dominican dominicans dutch ecuadorian ecuadorians egyptian egyptians emirati emiratis eritrean eritreans estonian estonians
ethiopian ethiopians filipino filipinos filipina filipinas finn finns frenchman frenchmen georgian georgians german germans ghanaian ghanaians
greeks guatemalan guatemalans haitian haitians honduran hondurans hungarian hungarians icelander icelanders indian indians indonesian indonesians
iranian iranians iraqi iraqis irish irishman israeli israelis italian italians ivorian ivorians jamaican jamaicans japanese jordanian jordanians
kazakh kazakhs kenyan kenyans korean koreans kosovar kosovars kuwaiti kuwaitis laotian laotians latvian latvians lebanese liberian liberians
libyan libyans lithuanian lithuanians macedonian macedonians malaysian malaysians malian malians mexican mexicans moldovan moldovans
mongolian mongolians montenegrin moroccan moroccans mozambican nepalese nepali nepalis nicaraguan nicaraguans nigerian nigerians norwegian
norwegians pakistani pakistanis palestinian palestinians panamanian panamanians paraguayan paraguayans persian persians peruvian peruvians
poles polish portuguese ricans qatari qataris romanian romanians russian russians rwandan rwandans salvadoran salvadorans saudi
saudis scot scots scottish senegalese serb serbs serbian serbians leoneans singaporean singaporeans slovak slovaks slovenian slovenians somali
somalis spaniard spaniards lankan lankans sudanese swede swedes syrian syrians taiwanese tajik tajiks tanzanian tanzanians thai thais tunisian tunisians
turk turks turkish ugandan ugandans ukrainian ukrainians uruguayan uruguayans uzbek uzbeks venezuelan venezuelans vietnamese welsh yemeni
yemenis zambian zambians zimbabwean zimbabweans
`;
const ETHNIC_GROUPS = `
aboriginal aboriginals arab arabs ashkenazi bedouin bedouins berber berbers chechen chechens copt copts coptic druze gypsy gypsies hmong
hutu hutus inuit kurd kurds kurdish maori pashtun pashtuns roma romani rohingya sami sikh sikhs tamil tamils tibetan tibetans
tutsi tutsis uighur uighurs uyghur uyghurs yazidi yazidis zulu zulus slav slavs caucasians latinx
`;

export const PEOPLES: readonly string[] = `${NATIONALITIES} ${ETHNIC_GROUPS}`
  .split(/\s+/)
  .filter((w) => w !== '');
