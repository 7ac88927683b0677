// `cks-lab grade --links FILE`: a class's answers collected as share links (one per line, as a form or chat
// exports them), each decoded to the learner's text. No server: the text travels inside the link.
import { decodeShare, readShareLink } from '../core/index';
import type { Diagnostic, SourceText } from '../topics/netpol/index';

export interface LinkEntry {
  /** 1-based line of the links file. */
  line: number;
  /** The learner: the name before a tab, else `line N`. */
  name: string;
  link: string;
}

/**
 * The learners of a links file: each non-empty line is `URL` or `NAME<TAB>URL` (two columns pasted from a
 * spreadsheet); lines starting with `#` are comments.
 */
export function parseLinks(text: string): LinkEntry[] {
  const entries: LinkEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const tab = raw.lastIndexOf('\t');
    const name = tab >= 0 ? raw.slice(0, tab).trim() : '';
    entries.push({ line: i + 1, name: name || `line ${i + 1}`, link: (tab >= 0 ? raw.slice(tab + 1) : raw).trim() });
  });
  return entries;
}

/** The text a link carries, as one input named after the links file and line; a problem when it carries none
 * for this lesson (not a share link, another lesson, a broken payload). */
export async function readLinkEntry(entry: LinkEntry, lesson: string, file: string): Promise<{ inputs: SourceText[]; problems: Diagnostic[] }> {
  const at = `${file}#L${entry.line}`;
  const fail = (message: string) => ({ inputs: [], problems: [{ file, line: entry.line, col: 1, severity: 'error' as const, code: 'bad-share-link', message }] });
  const target = readShareLink(entry.link);
  if (!target) return fail('not a share link (expected …#/lessons/<id>?share=1.…)');
  if (target.page !== 'lesson') return fail(`a link to the playground, not to lesson ${lesson}`);
  if (target.id !== lesson) return fail(`a link to lesson ${target.id}, not to ${lesson}`);
  const text = await decodeShare(target.payload);
  if (text === null) return fail('the share link is broken or incomplete (its text cannot be decoded)');
  return { inputs: [{ file: at, text }], problems: [] };
}
