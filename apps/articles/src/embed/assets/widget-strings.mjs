// The widget's words in the languages sites have (`en`, `de`, `fr`: a site's `language`, as the
// WordPress form's answers use it): German in the informal "du" and French in "vous", as WordPress's
// own translations and ingest's form pages. Counts take their plural form from Intl.PluralRules and
// their digits from Intl.NumberFormat in the widget's locale (dates: comment-dom.mjs's formatDate).

/** @typedef {'en' | 'de' | 'fr'} Language */
/**
 * A word with a number, by plural category (`{n}` is the number); `other` is every category a
 * language has no form of its own for.
 * @typedef {Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }} PluralForms
 */
/**
 * @typedef {object} FieldTexts
 * @property {string} missing
 * @property {string} tooLong
 * @property {string} invalid
 */
/**
 * @typedef {object} Strings
 * @property {string} title
 * @property {string} loading
 * @property {string} noComments
 * @property {PluralForms} commentCount
 * @property {string} showMore
 * @property {string} moreFailed
 * @property {string} loadFailed
 * @property {string} tryAgain
 * @property {string} noIds
 * @property {string} leaveReply
 * @property {string} replyTo "Reply to {name}": the form's title and the Reply button's name
 * @property {string} cancelReply
 * @property {string} emailNotes
 * @property {[string, string]} requiredNote the words before and after the red `*`
 * @property {{ comment: string, author: string, email: string, url: string }} labels
 * @property {string} honeypot
 * @property {string} postComment
 * @property {string} says
 * @property {string} reply
 * @property {string} removed
 * @property {string} awaiting
 * @property {string} notPublished
 * @property {string} published
 * @property {string} cannotPostYet
 * @property {string} sending
 * @property {string} thanks
 * @property {string} notPostedFields
 * @property {string} notPosted
 * @property {string} noAnswer
 * @property {string} originNotAllowed
 * @property {string} refused
 * @property {string} closed
 * @property {string} tooLong
 * @property {string} tooFastWait "… wait {wait} …"
 * @property {string} tooFast
 * @property {string} unavailable
 * @property {string} failed
 * @property {PluralForms} seconds
 * @property {PluralForms} minutes
 * @property {{ content: FieldTexts, authorName: FieldTexts, authorEmail: Omit<FieldTexts, 'tooLong'>, authorUrl: Omit<FieldTexts, 'missing'> }} fields
 */

/** @type {Strings} */
const en = {
  title: 'Comments',
  loading: 'Loading comments…',
  noComments: 'No comments yet',
  commentCount: { one: '{n} Comment', other: '{n} Comments' },
  showMore: 'Show more comments',
  moreFailed: 'More comments could not be loaded. Please try again.',
  loadFailed: 'Comments could not be loaded.',
  tryAgain: 'Try again',
  noIds: 'Comments cannot be shown: the page gives no data-site-id or data-article-id.',
  leaveReply: 'Leave a Reply',
  replyTo: 'Reply to {name}',
  cancelReply: 'Cancel reply',
  emailNotes: 'Your email address will not be published.',
  requiredNote: ['Required fields are marked ', ''],
  labels: { comment: 'Comment', author: 'Name', email: 'Email', url: 'Website' },
  honeypot: 'Leave this field empty',
  postComment: 'Post Comment',
  says: 'says:',
  reply: 'Reply',
  removed: 'This comment was removed.',
  awaiting: 'Your comment is awaiting moderation.',
  notPublished: 'Your comment was not published.',
  published: 'Your comment has been published.',
  cannotPostYet: 'Comments cannot be posted just now. Please try again in a moment.',
  sending: 'Sending…',
  thanks: 'Thank you.',
  notPostedFields: 'Your comment was not posted. Please correct the fields marked below.',
  notPosted: 'Your comment was not posted.',
  noAnswer:
    'Your comment could not be sent: the comment service did not answer. Check your connection and try again.',
  originNotAllowed:
    'Comments cannot be posted from this page: the site does not allow it yet (ORIGIN_NOT_ALLOWED).',
  refused: 'Your comment was refused.',
  closed: 'Comments are not open on this site.',
  tooLong: 'Your comment is too long.',
  tooFastWait: 'You are posting comments too quickly. Please wait {wait} and try again.',
  tooFast: 'You are posting comments too quickly. Please wait a minute and try again.',
  unavailable: 'Your comment could not be saved just now. Please try again in a moment.',
  failed: 'Your comment could not be sent just now. Please try again in a moment.',
  seconds: { one: '{n} second', other: '{n} seconds' },
  minutes: { one: '{n} minute', other: '{n} minutes' },
  fields: {
    content: {
      missing: 'Please type your comment text.',
      tooLong: 'Your comment is too long.',
      invalid: 'Please check your comment.',
    },
    authorName: {
      missing: 'Please enter your name.',
      tooLong: 'Your name is too long.',
      invalid: 'Please check your name.',
    },
    authorEmail: {
      missing: 'Please enter your email address.',
      invalid: 'Please enter a valid email address.',
    },
    authorUrl: {
      tooLong: 'Your website address is too long.',
      invalid: 'Please enter a website address starting with http:// or https://.',
    },
  },
};

/** @type {Strings} */
const de = {
  title: 'Kommentare',
  loading: 'Kommentare werden geladen …',
  noComments: 'Noch keine Kommentare',
  commentCount: { one: '{n} Kommentar', other: '{n} Kommentare' },
  showMore: 'Weitere Kommentare anzeigen',
  moreFailed: 'Weitere Kommentare konnten nicht geladen werden. Bitte versuche es noch einmal.',
  loadFailed: 'Die Kommentare konnten nicht geladen werden.',
  tryAgain: 'Erneut versuchen',
  noIds:
    'Die Kommentare können nicht angezeigt werden: Die Seite gibt kein data-site-id oder data-article-id an.',
  leaveReply: 'Schreibe einen Kommentar',
  replyTo: 'Auf {name} antworten',
  cancelReply: 'Antworten abbrechen',
  emailNotes: 'Deine E-Mail-Adresse wird nicht veröffentlicht.',
  requiredNote: ['Erforderliche Felder sind mit ', ' markiert.'],
  labels: { comment: 'Kommentar', author: 'Name', email: 'E-Mail', url: 'Website' },
  honeypot: 'Dieses Feld leer lassen',
  postComment: 'Kommentar abschicken',
  says: 'sagt:',
  reply: 'Antworten',
  removed: 'Dieser Kommentar wurde entfernt.',
  awaiting: 'Dein Kommentar wartet auf die Freischaltung.',
  notPublished: 'Dein Kommentar wurde nicht veröffentlicht.',
  published: 'Dein Kommentar wurde veröffentlicht.',
  cannotPostYet: 'Kommentare können gerade nicht gesendet werden. Bitte versuche es gleich noch einmal.',
  sending: 'Wird gesendet …',
  thanks: 'Danke.',
  notPostedFields: 'Dein Kommentar wurde nicht gesendet. Bitte korrigiere die unten markierten Felder.',
  notPosted: 'Dein Kommentar wurde nicht gesendet.',
  noAnswer:
    'Dein Kommentar konnte nicht gesendet werden: Der Kommentardienst hat nicht geantwortet. Prüfe deine Verbindung und versuche es noch einmal.',
  originNotAllowed:
    'Von dieser Seite können keine Kommentare gesendet werden: Die Website erlaubt es noch nicht (ORIGIN_NOT_ALLOWED).',
  refused: 'Dein Kommentar wurde abgelehnt.',
  closed: 'Die Kommentarfunktion ist auf dieser Website nicht freigeschaltet.',
  tooLong: 'Dein Kommentar ist zu lang.',
  tooFastWait: 'Du schreibst Kommentare zu schnell. Bitte warte {wait} und versuche es dann noch einmal.',
  tooFast: 'Du schreibst Kommentare zu schnell. Bitte warte eine Minute und versuche es dann noch einmal.',
  unavailable: 'Dein Kommentar konnte gerade nicht gespeichert werden. Bitte versuche es gleich noch einmal.',
  failed: 'Dein Kommentar konnte gerade nicht gesendet werden. Bitte versuche es gleich noch einmal.',
  seconds: { one: '{n} Sekunde', other: '{n} Sekunden' },
  minutes: { one: '{n} Minute', other: '{n} Minuten' },
  fields: {
    content: {
      missing: 'Bitte gib deinen Kommentar ein.',
      tooLong: 'Dein Kommentar ist zu lang.',
      invalid: 'Bitte prüfe deinen Kommentar.',
    },
    authorName: {
      missing: 'Bitte gib deinen Namen ein.',
      tooLong: 'Dein Name ist zu lang.',
      invalid: 'Bitte prüfe deinen Namen.',
    },
    authorEmail: {
      missing: 'Bitte gib deine E-Mail-Adresse ein.',
      invalid: 'Bitte gib eine gültige E-Mail-Adresse ein.',
    },
    authorUrl: {
      tooLong: 'Deine Website-Adresse ist zu lang.',
      invalid: 'Bitte gib eine Website-Adresse ein, die mit http:// oder https:// beginnt.',
    },
  },
};

// French puts a no-break space before ":" (U+00A0), as WordPress's French does.
/** @type {Strings} */
const fr = {
  title: 'Commentaires',
  loading: 'Chargement des commentaires…',
  noComments: 'Aucun commentaire pour le moment',
  // "many": a million and more, "1 000 000 de commentaires".
  commentCount: { one: '{n} commentaire', many: '{n} de commentaires', other: '{n} commentaires' },
  showMore: 'Afficher plus de commentaires',
  moreFailed: 'Les commentaires suivants n’ont pas pu être chargés. Veuillez réessayer.',
  loadFailed: 'Les commentaires n’ont pas pu être chargés.',
  tryAgain: 'Réessayer',
  noIds:
    'Les commentaires ne peuvent pas être affichés\u00a0: la page n’indique ni data-site-id ni data-article-id.',
  leaveReply: 'Laisser un commentaire',
  replyTo: 'Répondre à {name}',
  cancelReply: 'Annuler la réponse',
  emailNotes: 'Votre adresse e-mail ne sera pas publiée.',
  requiredNote: ['Les champs obligatoires sont indiqués avec ', ''],
  labels: { comment: 'Commentaire', author: 'Nom', email: 'E-mail', url: 'Site web' },
  honeypot: 'Laissez ce champ vide',
  postComment: 'Envoyer le commentaire',
  says: 'dit\u00a0:',
  reply: 'Répondre',
  removed: 'Ce commentaire a été supprimé.',
  awaiting: 'Votre commentaire est en attente de modération.',
  notPublished: 'Votre commentaire n’a pas été publié.',
  published: 'Votre commentaire a été publié.',
  cannotPostYet:
    'Les commentaires ne peuvent pas être envoyés pour le moment. Veuillez réessayer dans un instant.',
  sending: 'Envoi en cours…',
  thanks: 'Merci.',
  notPostedFields: 'Votre commentaire n’a pas été envoyé. Veuillez corriger les champs indiqués ci-dessous.',
  notPosted: 'Votre commentaire n’a pas été envoyé.',
  noAnswer:
    'Votre commentaire n’a pas pu être envoyé\u00a0: le service de commentaires n’a pas répondu. Vérifiez votre connexion et réessayez.',
  originNotAllowed:
    'Les commentaires ne peuvent pas être envoyés depuis cette page\u00a0: le site ne l’autorise pas encore (ORIGIN_NOT_ALLOWED).',
  refused: 'Votre commentaire a été refusé.',
  closed: 'Les commentaires ne sont pas ouverts sur ce site.',
  tooLong: 'Votre commentaire est trop long.',
  tooFastWait: 'Vous publiez des commentaires trop rapidement. Veuillez patienter {wait} et réessayer.',
  tooFast: 'Vous publiez des commentaires trop rapidement. Veuillez patienter une minute et réessayer.',
  unavailable:
    'Votre commentaire n’a pas pu être enregistré pour le moment. Veuillez réessayer dans un instant.',
  failed: 'Votre commentaire n’a pas pu être envoyé pour le moment. Veuillez réessayer dans un instant.',
  seconds: { one: '{n} seconde', many: '{n} de secondes', other: '{n} secondes' },
  minutes: { one: '{n} minute', many: '{n} de minutes', other: '{n} minutes' },
  fields: {
    content: {
      missing: 'Veuillez saisir votre commentaire.',
      tooLong: 'Votre commentaire est trop long.',
      invalid: 'Veuillez vérifier votre commentaire.',
    },
    authorName: {
      missing: 'Veuillez saisir votre nom.',
      tooLong: 'Votre nom est trop long.',
      invalid: 'Veuillez vérifier votre nom.',
    },
    authorEmail: {
      missing: 'Veuillez saisir votre adresse e-mail.',
      invalid: 'Veuillez saisir une adresse e-mail valide.',
    },
    authorUrl: {
      tooLong: 'L’adresse de votre site est trop longue.',
      invalid: 'Veuillez saisir une adresse de site commençant par http:// ou https://.',
    },
  },
};

/** @type {Readonly<Record<Language, Strings>>} */
export const STRINGS = { en, de, fr };

/**
 * The locale of each language's dates and numbers when the page names no region: `en-US` keeps the
 * dates the demo page shows ("November 29, 2026 at 4:51 AM UTC").
 * @type {Readonly<Record<Language, string>>}
 */
const DEFAULT_LOCALES = { en: 'en-US', de: 'de-DE', fr: 'fr-FR' };

/**
 * @param {string} value
 * @returns {value is Language}
 */
const isLanguage = (value) => Object.prototype.hasOwnProperty.call(STRINGS, value);

/**
 * The widget's language: the first of the container's `data-lang` and the language the container
 * is in (its nearest `lang` attribute, normally `<html lang>`) that is given at all decides, by its
 * primary subtag (`de-AT` is German); a language we have no words for, or none, is English. The
 * locale keeps the page's region for dates and numbers (`de-CH`), when it is a valid tag.
 * @param {string | null | undefined} requested the container's `data-lang`
 * @param {string | null | undefined} inherited the container's language by HTML's rules
 * @returns {{ language: Language, locale: string }}
 */
export function chooseLanguage(requested, inherited) {
  const tag = [requested, inherited].map((t) => (t ?? '').trim()).find((t) => t !== '') ?? '';
  const primary = tag.split(/[-_]/)[0].toLowerCase();
  if (!isLanguage(primary)) return { language: 'en', locale: DEFAULT_LOCALES.en };
  let locale = DEFAULT_LOCALES[primary];
  if (/[-_]/.test(tag)) {
    try {
      locale = Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0] ?? locale;
    } catch {
      // Not a valid language tag ("de-"): the language's own default.
    }
  }
  return { language: primary, locale };
}

/**
 * Fills `{name}`-style placeholders.
 * @param {string} template
 * @param {Record<string, string>} values
 */
export const fill = (template, values) =>
  template.replace(/\{(\w+)\}/g, (whole, key) => values[/** @type {string} */ (key)] ?? whole);

/**
 * A number with the word for it in the locale's plural form: "1 Kommentar", "4 Kommentare",
 * "1,234 Comments", "0 commentaire" (French counts 0 as one).
 * @param {string} locale
 * @param {PluralForms} forms
 * @param {number} n
 */
export function plural(locale, forms, n) {
  const category = new Intl.PluralRules(locale).select(n);
  return fill(forms[category] ?? forms.other, { n: new Intl.NumberFormat(locale).format(n) });
}

/**
 * "45 seconds", "1 Minute", "3 minutes": how long ingest's Retry-After says to wait.
 * @param {Strings} strings
 * @param {string} locale
 * @param {number} seconds
 */
export function waitText(strings, locale, seconds) {
  if (seconds < 60) return plural(locale, strings.seconds, Math.ceil(seconds));
  return plural(locale, strings.minutes, Math.ceil(seconds / 60));
}
