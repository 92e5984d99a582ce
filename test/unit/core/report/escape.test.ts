import * as assert from 'node:assert/strict';
import { mdCell, mdInline, mdLinkTarget, mdQuoteLines, xmlText } from '../../../../src/core/report/escape';
import { brokenTables, elementCounts, renderHtml } from './markdownHarness';

/**
 * A bare web address still becomes a link, as the preview's linkify makes it for any text; that is
 * what the person wrote. What must never appear is another scheme, or an image that loads by itself.
 */
function assertOnlyWebLinks(doc: Document): void {
  for (const a of doc.querySelectorAll('a'))
    assert.match(a.getAttribute('href') ?? '', /^https?:\/\//, `link ${a.outerHTML}`);
}

/** What a paragraph, a table cell or a quote shows once rendered: tags and text. */
const paragraph = (text: string) => renderHtml(`Before ${mdInline(text)} after`);

describe('escaping user text for the report', () => {
  describe('inline text', () => {
    const cases: Array<[string, string]> = [
      ['`code` and ``` fences', 'a code span'],
      ['<script>alert(1)</script>', 'a script tag'],
      ['<img src=x onerror=alert(1)>', 'an img tag with onerror'],
      ['[click](javascript:alert(1))', 'a javascript: link'],
      ['![pixel](http://tracker.example/p.png)', 'a tracking image'],
      ['**bold** _em_ ~~gone~~', 'emphasis'],
      ['<https://example.com>', 'an autolink'],
      ['<!-- open comment', 'an HTML comment'],
    ];
    for (const [text, what] of cases) {
      it(`renders ${what} as the literal text`, () => {
        const doc = paragraph(text);
        assert.deepEqual(
          [...elementCounts(doc).keys()].filter((name) => name !== 'a'),
          ['p'],
          `only a paragraph for: ${text}`,
        );
        assertOnlyWebLinks(doc);
        assert.equal(doc.body.textContent.trim(), `Before ${text} after`);
      });
    }

    it('keeps HTML entities literal instead of decoding them', () => {
      assert.equal(
        paragraph('&lt;script&gt; &amp; &#x3C;').body.textContent.trim(),
        'Before &lt;script&gt; &amp; &#x3C; after',
      );
    });

    it('puts a multi-line text on one line, so it cannot start a heading or a list', () => {
      const doc = renderHtml(`- ${mdInline('first\n# heading\n- item\n1. one')}`);
      assert.deepEqual([...elementCounts(doc).keys()], ['ul', 'li']);
    });

    it('does not let the text open a nested list or heading right after a list marker', () => {
      for (const text of ['1. one', '- dash', '+ plus', '# hash', '> quote', '=== setext']) {
        assert.deepEqual([...elementCounts(renderHtml(`- ${mdInline(text)}`)).keys()], ['ul', 'li'], text);
      }
    });

    it('leaves a version number such as 1.0.0 untouched', () => {
      assert.equal(mdInline('1.0.0'), '1.0.0');
    });

    it('drops control characters and bidi overrides that could disguise the text', () => {
      assert.equal(mdInline('ab\u0000c\u202Ed\u2066e'), 'abcde');
    });
  });

  describe('table cells', () => {
    it('keeps a pipe inside its cell and the author’s line breaks as <br>', () => {
      const cell = mdCell('a | b\nsecond line');
      const doc = renderHtml(['| One | Two |', '| --- | --- |', `| ${cell} | x |`].join('\n'));
      assert.deepEqual(brokenTables(doc), []);
      assert.equal(doc.querySelector('td')?.innerHTML, 'a | b<br>second line');
    });

    it('cannot inject HTML through a cell', () => {
      const doc = renderHtml(['| One |', '| --- |', `| ${mdCell('<img src=x onerror=alert(1)>')} |`].join('\n'));
      assert.equal(doc.querySelectorAll('img').length, 0);
    });
  });

  describe('notes as a block quote', () => {
    const hostile = [
      '```',
      'fenced?',
      '```',
      '# heading',
      '    indented code',
      '---',
      '- list',
      '1) ordered',
      '<div>block html</div>',
      '[ref]: http://evil.example',
      'text\\',
      '~~~',
    ].join('\n');

    it('renders every line as quoted text and nothing else', () => {
      const doc = renderHtml(mdQuoteLines(hostile).join('\n'));
      assert.deepEqual([...elementCounts(doc).keys()].filter((name) => name !== 'a').sort(), ['blockquote', 'p']);
      assertOnlyWebLinks(doc);
      for (const line of hostile.split('\n'))
        assert.ok(doc.body.textContent.includes(line.trim()), `shows "${line.trim()}"`);
    });

    it('keeps blank lines inside the quote and trims blank lines around it', () => {
      assert.deepEqual(mdQuoteLines('\n\nfirst\n\nsecond\n\n'), ['> first', '>', '> second']);
    });
  });

  describe('SVG text', () => {
    it('escapes the five XML specials', () => {
      assert.equal(xmlText(`<a href="x">'&'</a>`), '&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
    });
  });

  describe('link targets', () => {
    it('percent-encodes spaces and parentheses so the link does not end early', () => {
      assert.equal(mdLinkTarget('my report (v2).svg'), 'my%20report%20%28v2%29.svg');
      assert.equal(
        renderHtml(`![chart](${mdLinkTarget('a (b) <c>.svg')})`)
          .querySelector('img')
          ?.getAttribute('src'),
        'a%20%28b%29%20%3Cc%3E.svg',
      );
    });
  });
});
