import { SITE_LANGUAGES, type FieldViolation, type SiteLanguage } from '@replyguard/contracts';

/** What can go wrong with a WordPress comment form post, in the words WordPress uses where it has them. */
export type WpProblem =
  | 'required'
  | 'email'
  | 'content'
  | 'contentTooLong'
  | 'nameTooLong'
  | 'emailTooLong'
  | 'urlTooLong'
  | 'url'
  | 'badText'
  | 'parent'
  | 'article'
  | 'closed'
  | 'origin'
  | 'tooFast'
  | 'unavailable'
  | 'invalid'
  | 'internal';

export interface WpPageText {
  lang: SiteLanguage;
  failureTitle: string;
  error: string;
  back: string;
  backHint: string;
  thanksTitle: string;
  awaitingModeration: string;
  reference: string;
  problems: Record<WpProblem, string>;
}

const en: WpPageText = {
  lang: 'en',
  failureTitle: 'Comment Submission Failure',
  error: 'Error:',
  back: '« Back',
  backHint: "Use your browser's Back button to return to the form.",
  thanksTitle: 'Thank you',
  awaitingModeration: 'Your comment is awaiting moderation.',
  reference: 'Reference:',
  problems: {
    required: 'Please fill the required fields.',
    email: 'Please enter a valid email address.',
    content: 'Please type your comment text.',
    contentTooLong: 'Your comment is too long.',
    nameTooLong: 'Your name is too long.',
    emailTooLong: 'Your email address is too long.',
    urlTooLong: 'Your URL is too long.',
    url: 'Please enter a valid website address, starting with http:// or https://.',
    badText: 'Your comment contains characters that cannot be saved.',
    parent: 'The comment you are replying to could not be found.',
    article: 'The form does not say which article the comment is for.',
    closed: 'Sorry, comments are closed for this item.',
    origin: 'This page may not post comments to this site.',
    tooFast: 'You are posting comments too quickly. Slow down.',
    unavailable: 'Your comment could not be saved right now. Nothing was saved; please try again.',
    invalid: 'Please check the form and try again.',
    internal: 'Something went wrong on our side. Please try again.',
  },
};

const de: WpPageText = {
  lang: 'de',
  failureTitle: 'Fehler beim Absenden des Kommentars',
  error: 'Fehler:',
  back: '« Zurück',
  backHint: 'Mit der Zurück-Taste des Browsers kommst du zum Formular zurück.',
  thanksTitle: 'Danke',
  awaitingModeration: 'Dein Kommentar wartet auf die Freischaltung.',
  reference: 'Referenz:',
  problems: {
    required: 'Bitte fülle die erforderlichen Felder aus.',
    email: 'Bitte gib eine gültige E-Mail-Adresse ein.',
    content: 'Bitte gib deinen Kommentar ein.',
    contentTooLong: 'Dein Kommentar ist zu lang.',
    nameTooLong: 'Dein Name ist zu lang.',
    emailTooLong: 'Deine E-Mail-Adresse ist zu lang.',
    urlTooLong: 'Deine URL ist zu lang.',
    url: 'Bitte gib eine gültige Website-Adresse ein, beginnend mit http:// oder https://.',
    badText: 'Dein Kommentar enthält Zeichen, die nicht gespeichert werden können.',
    parent: 'Der Kommentar, auf den du antwortest, wurde nicht gefunden.',
    article: 'Das Formular gibt nicht an, zu welchem Artikel der Kommentar gehört.',
    closed: 'Die Kommentarfunktion ist hier leider geschlossen.',
    origin: 'Diese Seite darf keine Kommentare an diese Website senden.',
    tooFast: 'Du schreibst Kommentare zu schnell. Bitte etwas langsamer.',
    unavailable:
      'Dein Kommentar konnte gerade nicht gespeichert werden. Es wurde nichts gespeichert; bitte versuche es noch einmal.',
    invalid: 'Bitte prüfe das Formular und versuche es noch einmal.',
    internal: 'Bei uns ist etwas schiefgegangen. Bitte versuche es noch einmal.',
  },
};

const fr: WpPageText = {
  lang: 'fr',
  failureTitle: 'Échec de l’envoi du commentaire',
  error: 'Erreur :',
  back: '« Retour',
  backHint: 'Utilisez le bouton Retour de votre navigateur pour revenir au formulaire.',
  thanksTitle: 'Merci',
  awaitingModeration: 'Votre commentaire est en attente de modération.',
  reference: 'Référence :',
  problems: {
    required: 'Veuillez remplir les champs obligatoires.',
    email: 'Veuillez saisir une adresse e-mail valide.',
    content: 'Veuillez saisir votre commentaire.',
    contentTooLong: 'Votre commentaire est trop long.',
    nameTooLong: 'Votre nom est trop long.',
    emailTooLong: 'Votre adresse e-mail est trop longue.',
    urlTooLong: 'Votre URL est trop longue.',
    url: 'Veuillez saisir une adresse de site valide, commençant par http:// ou https://.',
    badText: 'Votre commentaire contient des caractères qui ne peuvent pas être enregistrés.',
    parent: 'Le commentaire auquel vous répondez est introuvable.',
    article: 'Le formulaire n’indique pas l’article auquel le commentaire se rapporte.',
    closed: 'Désolé, les commentaires sont fermés pour cet élément.',
    origin: 'Cette page ne peut pas envoyer de commentaires à ce site.',
    tooFast: 'Vous publiez des commentaires trop rapidement. Ralentissez.',
    unavailable:
      'Votre commentaire n’a pas pu être enregistré pour le moment. Rien n’a été enregistré ; veuillez réessayer.',
    invalid: 'Veuillez vérifier le formulaire et réessayer.',
    internal: 'Une erreur s’est produite de notre côté. Veuillez réessayer.',
  },
};

const TEXTS: Record<SiteLanguage, WpPageText> = { en, de, fr };

/** The site's language, or English when it has none (or one we do not know). */
export function pageText(language: string | null | undefined): WpPageText {
  return (SITE_LANGUAGES as readonly string[]).includes(language ?? '')
    ? TEXTS[language as SiteLanguage]
    : en;
}

/** Which rule of which field maps to which problem; anything unlisted is `invalid`. */
const BY_FIELD: Record<string, Partial<Record<string, WpProblem>> & { default: WpProblem }> = {
  authorName: { maxLength: 'nameTooLong', isWellFormed: 'badText', default: 'required' },
  authorEmail: { maxLength: 'emailTooLong', isEmail: 'email', default: 'required' },
  authorUrl: { maxLength: 'urlTooLong', default: 'url' },
  content: { maxLength: 'contentTooLong', isWellFormed: 'badText', default: 'content' },
  parentId: { default: 'parent' },
  articleId: { default: 'article' },
  siteId: { default: 'closed' },
};

/** WordPress asks for the required fields first, then a valid address, then the text. */
const ORDER: WpProblem[] = [
  'closed',
  'article',
  'required',
  'email',
  'content',
  'nameTooLong',
  'emailTooLong',
  'urlTooLong',
  'url',
  'contentTooLong',
  'badText',
  'parent',
  'invalid',
];

/** The problems a contract violation names, each once, in WordPress's order. */
export function problemsOf(violations: FieldViolation[]): WpProblem[] {
  const found = new Set<WpProblem>();
  for (const v of violations) {
    const map = BY_FIELD[v.field];
    if (!map) {
      found.add('invalid');
      continue;
    }
    // An empty field breaks every rule of it; that it is missing is what the reader needs to know.
    const missing = v.rules.includes('isNotEmpty') || v.rules.includes('isString');
    const specific = v.rules.map((rule) => map[rule]).find((p): p is WpProblem => p !== undefined);
    found.add(missing ? map.default : (specific ?? map.default));
  }
  return ORDER.filter((p) => found.has(p));
}
