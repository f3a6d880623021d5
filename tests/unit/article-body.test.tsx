import { render, screen, within } from '@testing-library/react';
import { articleBlockSchema, articleSchema, type ArticleBlock } from '../../src/contract/articles';
import { ArticleBody } from '../../src/features/article/article-body';
import { articleWordCount } from '../../src/features/article/reading-time';
import { putinMeetsChinaDefenseMinister as seed } from '../../mocks/fixtures/articles/putin-meets-china-defense-minister';

const image = { src: '/media/a.jpg', alt: 'A harbour at dawn' };

const blocks: ArticleBlock[] = [
  {
    type: 'paragraph',
    text: [
      'Read ',
      { type: 'link', href: 'https://example.com/report', children: ['the report'] },
      ', ',
      { type: 'em', children: ['really'] },
      ' ',
      { type: 'strong', children: [{ type: 'em', children: ['now'] }] },
      { type: 'break' },
      'or run ',
      { type: 'code', text: 'npm start' },
      ' or write to ',
      { type: 'link', href: 'mailto:desk@example.com', children: ['the desk'] },
    ],
  },
  { type: 'heading', level: 3, text: 'What happened' },
  { type: 'list', ordered: true, items: ['First', [{ type: 'strong', children: ['Second'] }]] },
  { type: 'list', ordered: false, items: ['Apples'] },
  { type: 'quote', text: [{ type: 'em', children: ['Never again.'] }], attribution: 'A minister' },
  {
    type: 'figure',
    image,
    images: [{ src: '/media/b.jpg', alt: 'The same harbour at noon', width: 800, height: 600 }],
    caption: ['Two views, ', { type: 'link', href: 'https://example.com/', children: ['source'] }],
    credit: 'Photo: Desk',
  },
  { type: 'preformatted', text: 'line 1\n  line 2' },
];

describe('article body', () => {
  it('renders inline marks, headings, lists, quotes, galleries and preformatted text as elements', () => {
    render(<ArticleBody blocks={blocks} />);
    const report = screen.getByRole('link', { name: 'the report' });
    expect(report).toHaveAttribute('href', 'https://example.com/report');
    expect(report).toHaveAttribute('rel', 'noopener');
    expect(screen.getByRole('link', { name: 'the desk' })).not.toHaveAttribute('rel');
    expect(screen.getByText('really').tagName).toBe('EM');
    expect(screen.getByText('now').closest('strong')).not.toBeNull();
    expect(screen.getByText('npm start').tagName).toBe('CODE');
    expect(screen.getByRole('heading', { level: 3, name: 'What happened' })).toBeInTheDocument();
    const [ordered, unordered] = screen.getAllByRole('list');
    expect(ordered?.tagName).toBe('OL');
    expect(
      within(ordered as HTMLElement)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['First', 'Second']);
    expect(unordered?.tagName).toBe('UL');
    expect(screen.getByText('Never again.').closest('blockquote')).not.toBeNull();
    expect(screen.getByText('— A minister')).toBeInTheDocument();
    const figure = screen
      .getByText('Two views,', { exact: false })
      .closest('figure') as HTMLElement;
    expect(
      within(figure)
        .getAllByRole('img')
        .map((i) => i.getAttribute('alt')),
    ).toEqual(['A harbour at dawn', 'The same harbour at noon']);
    expect(screen.getByText(/line 1/).tagName).toBe('PRE');
    expect(screen.getByText(/line 1/).textContent).toBe('line 1\n  line 2');
  });

  it('counts the words of rich text for the reading time', () => {
    expect(articleWordCount(blocks.slice(0, 2))).toBe(
      'Read the report, really now or run npm start or write to the desk What happened'.split(' ')
        .length,
    );
  });

  it('refuses links that are not http(s) or mailto, however they are written', () => {
    for (const href of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,x',
      '/relative',
      'mailto:',
    ]) {
      const result = articleBlockSchema.safeParse({
        type: 'paragraph',
        text: [{ type: 'link', href, children: ['x'] }],
      });
      expect(result.success, href).toBe(false);
    }
  });

  it('still reads articles stored before marks existed (plain-string paragraphs)', () => {
    expect(articleSchema.safeParse(seed).success).toBe(true);
    expect(
      seed.body.every((block) => block.type !== 'paragraph' || typeof block.text === 'string'),
    ).toBe(true);
  });

  it('refuses a heading level the page does not use and an empty list', () => {
    expect(articleBlockSchema.safeParse({ type: 'heading', level: 1, text: 'x' }).success).toBe(
      false,
    );
    expect(articleBlockSchema.safeParse({ type: 'list', ordered: false, items: [] }).success).toBe(
      false,
    );
  });
});
