// A links file: one learner a line, named by a tab-separated first column or by the line; comments and blanks skipped.
import { describe, expect, it } from 'vitest';
import { encodeShare } from '../core/index';
import { parseLinks, readLinkEntry } from './share-links';

describe('parseLinks', () => {
  it('takes URL or NAME<TAB>URL lines, numbering learners by line', () => {
    const text = '# answers from the form\nhttp://h/#/lessons/a?share=1.x\n\n  alice  \thttp://h/#/lessons/a?share=1.y\r\nLast, First\tsome\thttp://h/#/lessons/a?share=1.z\n\t http://h/#/lessons/a?share=1.w \n';
    expect(parseLinks(text)).toEqual([
      { line: 2, name: 'line 2', link: 'http://h/#/lessons/a?share=1.x' },
      { line: 4, name: 'alice', link: 'http://h/#/lessons/a?share=1.y' },
      { line: 5, name: 'Last, First\tsome', link: 'http://h/#/lessons/a?share=1.z' },
      { line: 6, name: 'line 6', link: 'http://h/#/lessons/a?share=1.w' },
    ]);
    expect(parseLinks('')).toEqual([]);
  });
});

describe('readLinkEntry', () => {
  const entry = (link: string) => ({ line: 3, name: 'bob', link });
  it('decodes the text of a link to the lesson, named after the file and line', async () => {
    const link = `http://10.0.0.5:4173/#/lessons/netpol-deny-all?share=${await encodeShare('kind: List\n')}`;
    expect(await readLinkEntry(entry(link), 'netpol-deny-all', 'answers.txt')).toEqual({ inputs: [{ file: 'answers.txt#L3', text: 'kind: List\n' }], problems: [] });
  });

  it('fails with bad-share-link for no link, another lesson, the playground or a broken payload', async () => {
    const other = `http://h/#/lessons/netpol-ip-block?share=${await encodeShare('x')}`;
    const cases: [string, RegExp][] = [
      ['not a link', /not a share link/],
      [other, /lesson netpol-ip-block, not to netpol-deny-all/],
      ['http://h/#/playground?share=1.abc', /playground/],
      ['http://h/#/lessons/netpol-deny-all?share=1.not-really-deflate', /broken or incomplete/],
    ];
    for (const [link, message] of cases) {
      const { inputs, problems } = await readLinkEntry(entry(link), 'netpol-deny-all', 'answers.txt');
      expect(inputs).toEqual([]);
      expect(problems).toEqual([{ file: 'answers.txt', line: 3, col: 1, severity: 'error', code: 'bad-share-link', message: expect.stringMatching(message) }]);
    }
  });
});
