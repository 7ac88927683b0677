// Renders lesson Markdown safely: raw HTML is escaped (markdown-it with html disabled), links are checked.
import MarkdownIt from 'markdown-it';
import { useMemo } from 'react';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

export function Markdown({ text, className, testId }: { text: string; className?: string; testId?: string }) {
  const html = useMemo(() => md.render(text), [text]);
  // Safe: markdown-it escapes every HTML tag in the source when html is false.
  return <div className={className} data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** Inline Markdown (hints, check titles): code spans and emphasis, no paragraphs. */
export function InlineMarkdown({ text }: { text: string }) {
  const html = useMemo(() => md.renderInline(text), [text]);
  return <span dangerouslySetInnerHTML={{ __html: html }} />;
}
