import { banDomains, banDomainValue } from './ban-domains';

describe(banDomains.name, () => {
  it('looks a ban up by the e-mail domain, the website host and their parent domains', () => {
    expect(banDomains('x@mail.spam.example', 'https://www.Spam.Example/page?a=1')).toEqual([
      'mail.spam.example',
      'spam.example',
    ]);
    expect(banDomains('reader@gmail.com', 'https://shop.tomsbikes.co.uk')).toEqual([
      'gmail.com',
      'shop.tomsbikes.co.uk',
      'tomsbikes.co.uk',
      'co.uk',
    ]);
  });

  it('looks an internationalised domain up in its ASCII form, as a ban names it', () => {
    expect(banDomains('Jürgen@Bücher.example', 'https://www.Bücher.example/straße')).toEqual([
      'xn--bcher-kva.example',
    ]);
  });

  it('reads what people type into a website field, and nothing from what is no host', () => {
    expect(banDomains(undefined, 'http:/kamagra.example')).toEqual(['kamagra.example']);
    expect(banDomains(undefined, 'admin@spam.example')).toEqual(['spam.example']);
    expect(banDomains(null, 'not a url')).toEqual([]);
    expect(banDomains('no-at-sign', null)).toEqual([]);
    expect(banDomains('', '')).toEqual([]);
  });
});

describe(banDomainValue.name, () => {
  it('stores a domain in lower case without a leading www.', () => {
    expect(banDomainValue(' WWW.Spam.Example ')).toBe('spam.example');
    expect(banDomainValue('wwwspam.example')).toBe('wwwspam.example');
  });
});
