import { normaliseHttpUrl } from '@replyguard/contracts';
import { emailDomain, hostOf } from '@replyguard/moderation-engine';
import { normaliseEmail } from '@replyguard/platform';

/**
 * The domains a domain ban is looked up by: the e-mail address's domain and the website's host, each with
 * its parent domains down to two labels, so a ban on `spam.example` covers `x@mail.spam.example` and
 * `https://www.spam.example/page` as well as `x@spam.example`. Lower case, without duplicates, an
 * internationalised domain in its ASCII form (as a ban names it, and as ingest keeps a website).
 */
export function banDomains(email: string | null | undefined, url: string | null | undefined): string[] {
  const out = new Set<string>();
  const emailHost = emailDomain(email ? normaliseEmail(email) : undefined);
  for (const host of [emailHost, url ? hostOf(normaliseHttpUrl(url.trim())) : '']) {
    const labels = host.split('.');
    for (let i = 0; i + 2 <= labels.length; i++) out.add(labels.slice(i).join('.'));
  }
  return [...out];
}

/** A domain as a ban stores it: lower case, without a leading `www.` (a ban on www.spam.example means the site). */
export function banDomainValue(domain: string): string {
  const d = domain.trim().toLowerCase();
  return d.startsWith('www.') ? d.slice(4) : d;
}
