// Lesson Markdown: safe HTML, and Japanese sentences that wrap in the source do not get stray spaces.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './Markdown';

describe('lesson Markdown', () => {
  it('joins a Japanese sentence broken across source lines without a space', () => {
    expect(renderMarkdown('app=pod1 の Pod だけに\nしてください。')).toBe('<p>app=pod1 の Pod だけにしてください。</p>\n');
    expect(renderMarkdown('隔離されます。\n（送信）')).toBe('<p>隔離されます。（送信）</p>\n');
  });
  it('keeps the break next to Latin text (a space there is how the sentence reads)', () => {
    expect(renderMarkdown('namespace\nの Pod')).toBe('<p>namespace\nの Pod</p>\n');
    expect(renderMarkdown('allowed and\ndenied')).toBe('<p>allowed and\ndenied</p>\n');
    expect(renderMarkdown('Pod の `podSelector`\nです')).toBe('<p>Pod の <code>podSelector</code>\nです</p>\n');
  });
  it('escapes raw HTML', () => {
    expect(renderMarkdown('<img src=x onerror=alert(1)>')).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>\n');
  });
});
