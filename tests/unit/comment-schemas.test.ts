import { commentFieldsSchema } from '../../src/contract/comment-fields';
import { safeHttpUrl } from '../../src/contract/safe-url';

const valid = { comment: 'Hello', name: 'Ada', email: 'ada@example.com', website: '' };

function errorFor(field: keyof typeof valid, value: string): string | undefined {
  const result = commentFieldsSchema.safeParse({ ...valid, [field]: value });
  return result.success ? undefined : result.error.issues.find((i) => i.path[0] === field)?.message;
}

describe('comment fields', () => {
  it('trims every field', () => {
    expect(
      commentFieldsSchema.parse({
        comment: '  Hi there \n',
        name: ' Ada ',
        email: ' ada@example.com ',
        website: ' https://example.com ',
      }),
    ).toEqual({
      comment: 'Hi there',
      name: 'Ada',
      email: 'ada@example.com',
      website: 'https://example.com/',
    });
  });

  it('treats whitespace alone as an empty comment', () => {
    expect(errorFor('comment', ' \n\t ')).toBe('Please type your comment text.');
  });

  it('requires a name and an email, saying how to fix it', () => {
    expect(errorFor('name', '   ')).toBe('Please enter your name.');
    expect(errorFor('email', '')).toMatch(/^Please enter your email address/);
    expect(errorFor('email', 'ada@')).toBe(
      'Please enter a valid email address, like name@example.com.',
    );
  });

  it.each([
    ['name', 245, 'a', 'é'],
    ['comment', 65525, 'a', 'é'],
  ] as const)(
    'counts the %s limit of %i in UTF-8 bytes, not characters',
    (field, limit, one, two) => {
      expect(errorFor(field, one.repeat(limit))).toBeUndefined();
      expect(errorFor(field, one.repeat(limit + 1))).toMatch(/too long/);
      // Half as many two-byte letters fill the limit; one more goes over.
      const half = Math.floor(limit / 2);
      expect(errorFor(field, two.repeat(half) + one.repeat(limit - half * 2))).toBeUndefined();
      expect(errorFor(field, two.repeat(half + 1))).toMatch(/too long/);
    },
  );

  it('counts emoji as four bytes', () => {
    expect(errorFor('name', '😀'.repeat(61))).toBeUndefined(); // 244 bytes
    expect(errorFor('name', '😀'.repeat(62))).toMatch(/^Your name is too long/); // 248 bytes
  });

  it('limits email to 100 bytes and website to 200', () => {
    expect(errorFor('email', `${'a'.repeat(88)}@example.com`)).toBeUndefined(); // 100
    expect(errorFor('email', `${'a'.repeat(89)}@example.com`)).toMatch(
      /^Your email address is too long/,
    );
    expect(errorFor('website', `https://example.com/${'a'.repeat(180)}`)).toBeUndefined(); // 200
    expect(errorFor('website', `https://example.com/${'a'.repeat(181)}`)).toMatch(
      /^Your URL is too long/,
    );
  });

  it.each([
    'https://example.com',
    'http://example.com/path?q=1#top',
    'HTTPS://EXAMPLE.COM',
    'https://例え.jp/',
  ])('accepts the website %s', (url) => {
    expect(errorFor('website', url)).toBeUndefined();
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    '&#106;avascript:alert(1)',
    '%6Aavascript:alert(1)',
    'javascript://example.com/%0Aalert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'ftp://example.com',
    'file:///etc/passwd',
    '//example.com',
    'example.com',
    '/relative/path',
    'https://user:secret@example.com',
    'http://',
  ])('refuses the website %j', (url) => {
    expect(errorFor('website', url)).toMatch(
      /^Enter a full web address starting with http:\/\/ or https:\/\//,
    );
  });
});

describe('safeHttpUrl', () => {
  it('normalises what it accepts and refuses the rest', () => {
    expect(safeHttpUrl('https://Example.com')).toBe('https://example.com/');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
  });
});
