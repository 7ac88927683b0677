// Renders lesson Markdown safely: raw HTML is escaped (markdown-it with html disabled), links are checked.
import MarkdownIt from 'markdown-it';
import { useMemo } from 'react';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** Hiragana, katakana, CJK ideographs and their punctuation and full-width forms. */
const CJK = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

// A line break inside a Japanese sentence is not a space: drop soft breaks between two CJK characters, so
// "…Pod だけに⏎してください" reads "…Pod だけにしてください". Breaks next to Latin text stay spaces.
md.core.ruler.push('cjk_soft_breaks', (state) => {
  for (const block of state.tokens) {
    const children = block.children;
    if (block.type !== 'inline' || !children) continue;
    for (let i = 1; i < children.length - 1; i++) {
      const before = children[i - 1]!;
      const after = children[i + 1]!;
      if (children[i]!.type !== 'softbreak' || before.type !== 'text' || after.type !== 'text') continue;
      if (CJK.test(before.content.slice(-1)) && CJK.test(after.content.charAt(0))) {
        children[i]!.type = 'text';
        children[i]!.content = '';
      }
    }
  }
});

/** Lesson Markdown as HTML: raw HTML escaped, soft breaks inside Japanese sentences dropped. */
export const renderMarkdown = (text: string): string => md.render(text);

export function Markdown({ text, className, testId }: { text: string; className?: string; testId?: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  // Safe: markdown-it escapes every HTML tag in the source when html is false.
  return <div className={className} data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** Inline Markdown (hints, check titles): code spans and emphasis, no paragraphs. */
export function InlineMarkdown({ text }: { text: string }) {
  const html = useMemo(() => md.renderInline(text), [text]);
  return <span dangerouslySetInnerHTML={{ __html: html }} />;
}
