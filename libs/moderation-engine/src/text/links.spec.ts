import { extractLinks, hostOf, isInstitutionHost } from './links';

describe(extractLinks.name, () => {
  it('counts URLs, www hosts and anchors, an anchor and its URL once', () => {
    const l = extractLinks(
      'a http://a.example/x b www.b.example <a href="https://c.example/">cheap meds</a> [url=http://d.example]d[/url]',
    );
    expect(l).toMatchObject({ count: 4, markup: 2 });
    expect(l.domains.sort()).toEqual(['a.example', 'b.example', 'c.example', 'd.example']);
    expect(l.anchorText).toContain('cheap meds');
  });

  it('finds shorteners and bare domains, also spaced out', () => {
    const l = extractLinks('go to bit.ly/abc or kidsmediausa . com or adf.ly / KlD3Y');
    expect(l.count).toBe(0);
    expect(l.bareDomains).toBe(3);
    expect(l.barePaths).toBe(2);
    expect(l.shorteners.sort()).toEqual(['adf.ly', 'bit.ly']);
  });

  it("knows the top-level domains spam registers under and more countries' ones", () => {
    const l = extractLinks(
      'photos at datemia.love/profile, bonus at 1xwin-india.bet, or seguidores.mx and zaim.kz',
    );
    expect(l.domains).toEqual(['datemia.love', '1xwin-india.bet', 'seguidores.mx']);
    // Two-letter words stay words when spaced: "home . At noon", "be . No".
    expect(extractLinks('I was home . At noon we left. Let it be . No way.').bareDomains).toBe(0);
    // Found by a review: a missing space after a full stop, and abbreviations, are no domains.
    for (const sloppy of [
      'I was at home.No one came.',
      'Cheap, e.g.in the sales.',
      'Ask Mr.No about it.',
      'The U.S.it seems agrees.',
      'I was at work.It was fun.',
      'p.s.no thanks',
    ]) {
      expect([sloppy, extractLinks(sloppy).bareDomains]).toEqual([sloppy, 0]);
    }
  });

  it('does not mistake sentences for domains', () => {
    expect(extractLinks('I agree. Come on. The end.').bareDomains).toBe(0);
    expect(extractLinks("See you. It's late. In June, tell me. Us too.").bareDomains).toBe(0);
    expect(extractLinks('cheap pills at pills4u . com and my blog.it').bareDomains).toBe(2);
  });

  it('stays bounded on unclosed and nested markup', () => {
    const l = extractLinks('<a <a href="'.repeat(2000));
    expect(l.markup).toBeGreaterThan(0);
    expect(l.anchorText.length).toBeLessThanOrEqual(700);
  });
});

describe(isInstitutionHost.name, () => {
  it.each([
    'ocw.mit.edu',
    'www.gov.uk',
    'camden.gov.uk',
    'irs.gov',
    'who.int',
    'ox.ac.uk',
    'data.gouv.fr',
    'en.wikipedia.org',
    'github.com',
    'ec.europa.eu',
  ])('knows %s as an institution or a reference work', (host) => expect(isInstitutionHost(host)).toBe(true));

  it.each([
    'cheap-pills.com',
    'spam.ac.me',
    'edu.co',
    'gov.tv',
    'jgm.github.io',
    'sites.google.com',
    'governor.com',
    'myedu.com',
    'wikipedia.org.evil.ru',
    'bbc.co.uk',
  ])('does not know %s', (host) => expect(isInstitutionHost(host)).toBe(false));
});

describe(hostOf.name, () => {
  it.each([
    ['https://www.example.co.uk/path', 'example.co.uk'],
    ['admin@kamagra-uk-pharmacy.com', 'kamagra-uk-pharmacy.com'],
    ['http://user@example.com/', 'example.com'],
    ['http:/example.com', 'example.com'],
    ['https://medium.com/@sarahb', 'medium.com'],
    ['not a url', ''],
  ])('reads %j as %j', (url, host) => {
    expect(hostOf(url)).toBe(host);
  });
});
