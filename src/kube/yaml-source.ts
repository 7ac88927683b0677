// Turns input texts (YAML, multi-document, or JSON) into plain trees that remember their offsets.
// Aliases are expanded under a budget and nesting is capped, so hostile input fails fast and small.
import { Composer, Parser, isAlias, isMap, isScalar, isSeq, type Document, type Node as YamlNode, type Scalar } from 'yaml';
import type { Diagnostic, SourceLocation } from './types';
import type { ErrorCode } from './errors';
import { msg, type Message } from './message';
import { isJsonText, jsonStreamProblem } from './strict-json';

/** The largest input text accepted, in characters. */
export const MAX_INPUT_CHARS = 4 * 1024 * 1024;
/** Nodes one document may expand to, aliases counted at their expanded size. */
export const MAX_EXPANDED_NODES = 1_000_000;
/** Deepest nesting accepted. */
export const MAX_DEPTH = 64;
/** Syntax errors reported per input before the rest are summarised and parsing stops. */
const MAX_SYNTAX_ERRORS = 20;
/** Errors the YAML composer may raise per input before it is stopped (junk can raise one per byte). */
const MAX_COMPOSER_ERRORS = 1000;

class TooManyErrors extends Error {}

/**
 * Documents of a text, composed one at a time so the caller can stop early, and with the composer's
 * error callback capped: binary junk can raise an error per byte, each costly to build.
 */
function* composeDocuments(text: string): Generator<Document.Parsed> {
  // uniqueKeys is checked in Converter: the library's own check is quadratic in a mapping's size.
  const composer = new Composer({ version: '1.1', uniqueKeys: false, prettyErrors: false });
  const hook = composer as unknown as { onError?: (...args: unknown[]) => void };
  const original = hook.onError;
  if (typeof original === 'function') {
    let count = 0;
    hook.onError = (...args: unknown[]) => {
      if (++count > MAX_COMPOSER_ERRORS) throw new TooManyErrors();
      original(...args);
    };
  }
  yield* composer.compose(capErrorTokens(new Parser().parse(text)), false, text.length);
}

/** Passes the parser's tokens on, stopping once too many are errors (the composer builds each one dearly). */
function* capErrorTokens<T extends { type: string }>(tokens: Iterable<T>): Generator<T> {
  let errors = 0;
  for (const token of tokens) {
    if (token.type === 'error' && ++errors > MAX_COMPOSER_ERRORS) throw new TooManyErrors();
    yield token;
  }
}

export interface SourceText {
  file: string;
  text: string;
}

export interface PMap {
  type: 'map';
  offset: number;
  entries: ReadonlyMap<string, PEntry>;
}
export interface PEntry {
  key: string;
  keyOffset: number;
  value: PNode;
}
export interface PSeq {
  type: 'seq';
  offset: number;
  items: readonly PNode[];
}
export interface PScalar {
  type: 'scalar';
  offset: number;
  value: unknown;
  /** The source text of a plain scalar read as a number or boolean (`08`, `yes`), for "quote it" advice. */
  text?: string;
}
export type PNode = PMap | PSeq | PScalar;

/** One document of one input, with a way to turn offsets into line and column. */
export interface SourceDocument {
  file: string;
  root: PNode;
  locate(offset: number): SourceLocation;
}

class BudgetError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly words: Message,
    readonly offset: number,
  ) {
    super(words.en);
  }
}

function diag(file: string, loc: { line: number; col: number }, code: ErrorCode, message: Message): Diagnostic {
  return { severity: 'error', file, line: loc.line, col: loc.col, code, message: message.en, messageJa: message.ja };
}

/**
 * The YAML parser's commonest complaints, in a learner's words (and Japanese). The parser's own wording is kept
 * for anything else.
 */
const SYNTAX_WORDS: readonly [RegExp, string, string][] = [
  [/^Implicit keys need to be on a single line/, 'a key must fit on one line and end with ": " (a colon and a space); is the space after a colon missing here or above?', 'キーは 1 行で書き「: 」（コロンと空白）で終えます。ここか上の行で、コロンの後の空白が抜けていませんか'],
  [/^All mapping items must start at the same column/, 'the keys of one mapping must start in the same column; check the indentation of this line', '同じマッピングのキーは同じ列から書き始めます。この行のインデントを確認してください'],
  [/^All sequence items must start at the same column/, 'the items of one list must start in the same column; check the indentation of this "- "', '同じリストの項目は同じ列から書き始めます。この「- 」のインデントを確認してください'],
  [/^Flow map in block collection must be sufficiently indented and end with a \}/, 'a "{" above is not closed with "}" (or this line is not indented enough)', '上の行の「{」が「}」で閉じられていません（または、この行のインデントが足りません）'],
  [/^Flow sequence in block collection must be sufficiently indented and end with a \]/, 'a "[" above is not closed with "]" (or this line is not indented enough)', '上の行の「[」が「]」で閉じられていません（または、この行のインデントが足りません）'],
  [/^Tabs are not allowed as indentation/, 'a tab indents this line; YAML indents with spaces only', 'この行はタブでインデントされています。YAML のインデントはスペースだけです'],
  [/^Nested mappings are not allowed in compact mappings/, 'this value holds ": " as if another key followed (like "a: b: c", or a key indented too far on the next line); give each key its own line, in line with its siblings', 'この値の中に、別のキーのような「: 」があります（「a: b: c」や、次の行のキーのインデントが深すぎる場合）。キーは 1 つずつ別の行に、同じ階層のキーと揃えて書きます'],
  [/^Missing closing "?quote/, 'a quoted text is not closed: its closing quote is missing', '引用符で始めた文字列が閉じられていません'],
  [/^Map keys must be unique/, 'this key appears twice in the same mapping', '同じマッピングに同じキーが 2 回あります'],
  [/^Sequence item without - indicator/, 'a list item must start with "- " (a dash and a space)', 'リストの項目は「- 」（ハイフンと空白）で始めます'],
  [/^Unexpected flow-map-end/, 'a "}" without its "{"', '対応する「{」のない「}」があります'],
  [/^Unexpected flow-seq-end/, 'a "]" without its "["', '対応する「[」のない「]」があります'],
];

const TOO_DEEP_TO_PARSE = msg('the text nests too deeply to parse', 'テキストの入れ子が深すぎて読めません');

/** A YAML syntax problem at `offset`, worded for a learner where the parser's message is a common one (else the
 * parser's English, and in Japanese a general pointer at what usually breaks). */
function syntaxProblem(offset: number, libMessage: string): ChunkProblem {
  for (const [pattern, message, messageJa] of SYNTAX_WORDS) {
    if (pattern.test(libMessage)) return { offset, code: 'yaml-syntax', message: msg(message, messageJa) };
  }
  return { offset, code: 'yaml-syntax', message: msg(libMessage, 'YAML として読めません。この位置の前後のインデント、「: 」、引用符、括弧を確認してください') };
}

/** A problem found while parsing one chunk; offsets are relative to the chunk. */
interface ChunkProblem {
  offset: number;
  code: ErrorCode;
  message: Message;
}

/** What one chunk of text (one `---` document, usually) parses to; offsets relative to the chunk. */
interface ChunkResult {
  roots: PNode[];
  problems: ChunkProblem[];
  /** Parsing stopped early (an error flood); nothing after this chunk is read. */
  flood: boolean;
}

/**
 * Parsed chunks by their text. Pass the same cache to successive parses of an edited text and only the
 * documents that changed are parsed again (the yaml parser runs at under 1 MB/s).
 */
export interface ParseCache {
  chunks: Map<string, ChunkResult>;
}

export const createParseCache = (): ParseCache => ({ chunks: new Map() });

/** Start offsets of the text's chunks: one per `---` document marker at the start of a line. */
function chunkStarts(text: string): number[] {
  // Directives (%YAML) belong to the document after them; such rare texts are parsed whole.
  if (/^%/m.test(text)) return [0];
  if (/^\s*\{/.test(text)) return jsonStreamStarts(text);
  const starts = [0];
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  for (let m = marker.exec(text); m; m = marker.exec(text)) if (m.index > 0) starts.push(m.index);
  return starts;
}

/**
 * A JSON stream (`{...}{...}` or one object per line, as kubectl accepts): the start of each top-level
 * object, so each is parsed as a document of its own.
 */
function jsonStreamStarts(text: string): number[] {
  const starts: number[] = [];
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash escape
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (depth++ === 0) starts.push(i);
    } else if (c === 125 || c === 93) {
      if (depth > 0) depth--;
    }
  }
  if (starts.length === 0 || starts[0] !== text.search(/\S/)) return [0];
  starts[0] = 0;
  return starts;
}

/** What go-yaml v2 resolves without a table lookup miss: YAML 1.1 booleans, nulls and the special floats. */
const GO_YAML_WORDS = new Map<string, unknown>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((w) => [w, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((w) => [w, false] as const),
  ...['', '~', 'null', 'Null', 'NULL'].map((w) => [w, null] as const),
  ...['.nan', '.NaN', '.NAN'].map((w) => [w, NaN] as const),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((w) => [w, Infinity] as const),
  ...['-.inf', '-.Inf', '-.INF'].map((w) => [w, -Infinity] as const),
]);
/** Go's strconv.ParseInt(s, 0, 64) / ParseUint syntax: sign, then 0x / 0o / 0b / leading-0 octal / decimal. */
const GO_INT = /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[oO]([0-7]+)|0[bB]([01]+)|0([0-7]+)|([1-9][0-9]*|0))$/;
/** go-yaml v2's yamlStyleFloat: a digit before or after the point; `e1` or `.` alone are not numbers. */
const GO_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const UINT64_MAX = 2n ** 64n - 1n;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * A plain (unquoted, untagged) scalar as kubectl's YAML reader (go-yaml v2, through sigs.k8s.io/yaml) resolves
 * it: only a text starting with a sign, a digit, a point or one of `yYnNtTfFoO~` can be anything but a string;
 * timestamps and base-60 numbers stay strings; 0o17 and 017 are octal; 08 is the float 8; `e1` is a string.
 */
export function resolvePlainScalar(text: string): unknown {
  if (GO_YAML_WORDS.has(text)) return GO_YAML_WORDS.get(text);
  const first = text[0]!;
  if (first === '.') {
    // strconv.ParseFloat on the whole text: underscores only between digits; an overflow is an error, so the
    // text stays a string.
    if (!/^\.[0-9]+(_[0-9]+)*([eE][-+]?[0-9]+(_[0-9]+)*)?$/.test(text)) return text;
    const value = Number(text.replace(/_/g, ''));
    return Number.isFinite(value) ? value : text;
  }
  if (!/[-+0-9]/.test(first)) return text;
  const plain = text.replace(/_/g, '');
  const int = GO_INT.exec(plain);
  if (int) {
    const [, sign, hex, oct, bin, oct0, dec] = int;
    const digits = hex !== undefined ? `0x${hex}` : oct !== undefined ? `0o${oct}` : bin !== undefined ? `0b${bin}` : oct0 !== undefined ? `0o${oct0}` : dec!;
    const magnitude = BigInt(digits);
    const value = sign === '-' ? -magnitude : magnitude;
    // ParseInt's int64, else ParseUint's uint64 (which takes no sign); beyond both, a decimal is still a float.
    if ((value >= INT64_MIN && value <= INT64_MAX) || (sign === '' && value <= UINT64_MAX)) return Number(value);
  }
  if (GO_FLOAT.test(plain)) {
    const value = Number(plain);
    if (Number.isFinite(value)) return value;
  }
  return text;
}
/** A scalar's value: plain untagged scalars resolved as kubectl does, others (quoted, block, tagged) as parsed. */
function scalarValue(node: Scalar): unknown {
  if (node.type !== 'PLAIN') return node.value;
  const text = node.source ?? String(node.value ?? '');
  switch (node.tag) {
    case undefined:
      return resolvePlainScalar(text);
    case 'tag:yaml.org,2002:timestamp':
      return text; // go-yaml v2 decodes a timestamp into interface{} as its text
    case 'tag:yaml.org,2002:int':
    case 'tag:yaml.org,2002:float': {
      const value = resolvePlainScalar(text); // Go reads 0o17 under !!int too
      return typeof value === 'number' ? value : node.value;
    }
    default:
      return node.value;
  }
}

function parseChunk(text: string): ChunkResult {
  const roots: PNode[] = [];
  const problems: ChunkProblem[] = [];
  try {
    for (const doc of composeDocuments(text)) {
      if (doc.errors.length > 0) {
        for (const error of doc.errors) {
          const overflow = /call stack/i.test(error.message);
          if (overflow) {
            problems.push({ offset: error.pos[0], code: 'too-deep', message: TOO_DEEP_TO_PARSE });
            continue;
          }
          const message = firstLine(error.message);
          // An unclosed quote is found at the end of the text; the learner needs the line where it opens.
          const quote = /^Missing closing ("|')quote/.exec(message)?.[1];
          const opened = quote ? text.lastIndexOf(quote, Math.max(0, error.pos[0] - 1)) : -1;
          problems.push(syntaxProblem(opened >= 0 ? opened : error.pos[0], message));
        }
        continue;
      }
      // An empty document (between `---` markers, or only comments) parses as an empty plain scalar; kubectl
      // also skips documents that are just null (`~`, `null`).
      const contents = doc.contents;
      if (contents === null || (isScalar(contents) && contents.value === null)) continue;
      try {
        const converter = new Converter(doc);
        const root = converter.convert(doc.contents as YamlNode, 0);
        if (converter.duplicateKeys.length > 0) {
          for (const at of converter.duplicateKeys) problems.push(syntaxProblem(at, 'Map keys must be unique'));
          continue;
        }
        roots.push(root);
      } catch (err) {
        if (err instanceof BudgetError) problems.push({ offset: err.offset, code: err.code, message: err.words });
        else if (err instanceof RangeError) problems.push({ offset: 0, code: 'too-deep', message: msg('the document nests too deeply', 'ドキュメントの入れ子が深すぎます') });
        else throw err;
      }
    }
  } catch (err) {
    if (err instanceof TooManyErrors) {
      return { roots, problems: [{ offset: 0, code: 'yaml-syntax', message: msg(`not YAML: more than ${MAX_COMPOSER_ERRORS} syntax errors (is it a binary file?)`, `YAML ではありません。構文エラーが ${MAX_COMPOSER_ERRORS} を超えます（バイナリファイルではありませんか）`) }], flood: true };
    }
    if (err instanceof RangeError) return { roots, problems: [{ offset: 0, code: 'too-deep', message: TOO_DEEP_TO_PARSE }], flood: true };
    throw err;
  }
  return { roots, problems, flood: false };
}

/** Parses every input into documents; problems come back as diagnostics, never as exceptions. */
export function parseSources(inputs: readonly SourceText[], cache?: ParseCache): { documents: SourceDocument[]; diagnostics: Diagnostic[] } {
  const documents: SourceDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const used = new Map<string, ChunkResult>();
  for (const input of inputs) {
    const { file, text } = input;
    if (text.length > MAX_INPUT_CHARS) {
      diagnostics.push(
        diag(file, { line: 1, col: 1 }, 'too-large', msg(`input is ${text.length} characters; the limit is ${MAX_INPUT_CHARS}`, `入力が ${text.length} 文字あります。上限は ${MAX_INPUT_CHARS} 文字です`)),
      );
      continue;
    }
    const { deepAt, crowdedAt } = scanFlow(text, MAX_DEPTH);
    if (deepAt >= 0) {
      diagnostics.push(diag(file, positionOf(lineStarts(text), deepAt), 'too-deep', msg(`brackets nest deeper than ${MAX_DEPTH} levels`, `括弧の入れ子が ${MAX_DEPTH} 段を超えます`)));
      continue;
    }
    if (crowdedAt >= 0) {
      diagnostics.push(diag(file, positionOf(lineStarts(text), crowdedAt), 'too-large', msg(`more than ${MAX_FLOW_ITEMS} items in [...] and {...} lists`, `[...] と {...} の項目が ${MAX_FLOW_ITEMS} を超えます`)));
      continue;
    }
    const lines = lineStarts(text);
    const locate = (offset: number): SourceLocation => ({ file, ...positionOf(lines, Math.max(0, Math.min(offset, text.length))) });
    const seen = new Set<string>();
    const starts = chunkStarts(text);
    // JSON is read as kubectl reads it, strictly; the decoder stops at the first problem, and so does the lab.
    const json = starts.length > 0 && !/^%/m.test(text) && isJsonText(text) ? jsonStreamProblem(text) : null;
    if (json) diagnostics.push(diag(file, locate(json.offset), 'json-syntax', msg(json.message, json.messageJa)));
    chunks: for (let i = 0; i < starts.length; i++) {
      const base = starts[i]!;
      if (json && (starts[i + 1] ?? Infinity) > json.offset) break; // the chunk holding the problem, and all after it
      const chunk = text.slice(base, starts[i + 1] ?? text.length);
      let result = used.get(chunk) ?? cache?.chunks.get(chunk);
      if (!result) result = parseChunk(chunk);
      used.set(chunk, result);
      const at = (offset: number): SourceLocation => locate(base + offset);
      for (const problem of result.problems) {
        const d = diag(file, at(problem.offset), problem.code, problem.message);
        const key = `${d.line}:${d.col}:${d.code}`;
        if (seen.has(key)) continue; // one report per place: a broken bracket can echo thousands of times
        seen.add(key);
        if (seen.size > MAX_SYNTAX_ERRORS) {
          diagnostics.push({ ...d, message: 'more syntax errors follow; fix the ones above first', messageJa: 'ほかにも構文エラーがあります。まず上のものを直してください' });
          break chunks;
        }
        diagnostics.push(d);
      }
      if (result.flood) break;
      for (const root of result.roots) documents.push({ file, root, locate: at });
    }
  }
  if (cache) cache.chunks = used;
  return { documents, diagnostics };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function positionOf(starts: readonly number[], offset: number): { line: number; col: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - starts[lo]! + 1 };
}

/** Flow-collection items (commas inside brackets) accepted per input: the parser is slowest on these. */
export const MAX_FLOW_ITEMS = 100_000;

/**
 * One cheap pass before the real parser: where brackets first nest deeper than `limit` (or -1; the parser's
 * recursion would overflow on 100,000 '['), and where flow items first pass MAX_FLOW_ITEMS (or -1). Quotes and
 * comments are skipped roughly: it only has to catch hostile input, never reject a real manifest.
 */
function scanFlow(text: string, limit: number): { deepAt: number; crowdedAt: number } {
  let items = 0;
  let depth = 0;
  let quote = 0;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (comment) {
      if (c === 10) comment = false;
      continue;
    }
    if (quote !== 0) {
      if (c === quote) quote = 0;
      else if (c === 92 && quote === 34) i++; // backslash escape inside "..."
      continue;
    }
    if (c === 91 || c === 123) {
      if ((depth > 0 || startsBlockNode(text, i)) && ++depth > limit) return { deepAt: i, crowdedAt: -1 };
    } else if (c === 44 && depth > 0) {
      if (++items > MAX_FLOW_ITEMS) return { deepAt: -1, crowdedAt: i };
    } else if (c === 93 || c === 125) {
      if (depth > 0) depth--;
    } else if ((c === 34 || c === 39) && (depth > 0 ? startsFlowNode(text, i) : startsBlockNode(text, i))) {
      quote = c;
    } else if (c === 35 && (i === 0 || text.charCodeAt(i - 1) <= 32)) {
      comment = true;
    }
  }
  return { deepAt: -1, crowdedAt: -1 };
}

/**
 * Outside brackets, `[`, `{` and quotes start a node only at a line start or after `key:`, `-`, `?`, an
 * anchor or a tag; elsewhere (`\033[0m` in a script, `don't`, `see [1`) they are text.
 */
function startsBlockNode(text: string, i: number): boolean {
  let j = i - 1;
  for (;;) {
    if (j < 0 || text.charCodeAt(j) === 10) return true;
    if (text.charCodeAt(j) > 32) return false;
    while (j >= 0 && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j--;
    if (j < 0 || text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13) return true;
    const end = j;
    while (j >= 0 && text.charCodeAt(j) > 32) j--;
    const first = text.charCodeAt(j + 1);
    if (text.charCodeAt(end) === 58 || (end === j + 1 && (first === 45 || first === 63))) return true;
    if (first !== 38 && first !== 33) return false; // not an anchor (&) or tag (!): plain text
  }
}

/** Inside brackets, a quote starts a scalar only after a space or an indicator. */
function startsFlowNode(text: string, i: number): boolean {
  const prev = i === 0 ? 10 : text.charCodeAt(i - 1);
  return prev <= 32 || prev === 91 || prev === 123 || prev === 44 || prev === 58;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

interface Sized {
  node: PNode;
  size: number;
}

/** Converts one yaml Document into a PNode tree, counting expanded size so alias bombs stop early. */
class Converter {
  private readonly anchors = new Map<YamlNode, Sized>();
  private total = 0;
  /** Offsets of keys that repeat an earlier key of the same mapping. */
  readonly duplicateKeys: number[] = [];

  constructor(private readonly doc: Document.Parsed) {}

  convert(node: YamlNode, depth: number): PNode {
    return this.visit(node, depth).node;
  }

  private charge(size: number, offset: number): void {
    this.total += size;
    if (this.total > MAX_EXPANDED_NODES) {
      throw new BudgetError('alias-limit', msg(`the document expands to more than ${MAX_EXPANDED_NODES} nodes`, `エイリアスを展開すると ${MAX_EXPANDED_NODES} ノードを超えます`), offset);
    }
  }

  private visit(node: YamlNode, depth: number): Sized {
    const offset = node.range?.[0] ?? 0;
    if (depth > MAX_DEPTH) throw new BudgetError('too-deep', msg(`the document nests deeper than ${MAX_DEPTH} levels`, `ドキュメントの入れ子が ${MAX_DEPTH} 段を超えます`), offset);
    if (isAlias(node)) {
      const target = node.resolve(this.doc) as YamlNode | undefined;
      if (!target) throw new BudgetError('yaml-syntax', msg(`unresolved alias *${node.source}`, `エイリアス *${node.source} に対応するアンカーがありません`), offset);
      let sized = this.anchors.get(target);
      if (!sized) {
        sized = this.visit(target, depth);
        this.anchors.set(target, sized);
      } else {
        this.charge(sized.size, offset);
      }
      return sized;
    }
    if (isMap(node)) {
      const entries = new Map<string, PEntry>();
      const merges: PNode[] = [];
      let size = 1;
      for (const pair of node.items) {
        const key = pair.key as YamlNode | null;
        const keyOffset = key?.range?.[0] ?? offset;
        const valueNode = pair.value as YamlNode | null;
        const value: Sized = valueNode
          ? this.visit(valueNode, depth + 1)
          : { node: { type: 'scalar', offset: keyOffset, value: null }, size: 1 };
        size += value.size;
        if (isScalar(key) && (typeof key.value === 'symbol' || key.source === '<<')) {
          merges.push(value.node);
          continue;
        }
        if (key !== null && !isScalar(key)) {
          throw new BudgetError('wrong-type', msg('a mapping key must be a plain value', 'マッピングのキーには単純な値（文字列や数値）を書きます'), keyOffset);
        }
        const keyValue = key === null ? null : scalarValue(key);
        const keyText = keyValue === null ? '' : String(keyValue);
        if (entries.has(keyText)) this.duplicateKeys.push(keyOffset);
        entries.set(keyText, { key: keyText, keyOffset, value: value.node });
      }
      // YAML 1.1 merge keys (`<<: *base`): explicit keys win, earlier merged maps win over later ones.
      for (const merge of merges) {
        const sources = merge.type === 'seq' ? merge.items : [merge];
        for (const source of sources) {
          if (source.type !== 'map') throw new BudgetError('wrong-type', msg('a merge key (<<) must name a mapping', 'マージキー（<<）にはマッピングを指定します'), merge.offset);
          for (const [k, entry] of source.entries) if (!entries.has(k)) entries.set(k, entry);
        }
      }
      this.charge(1, offset);
      return { node: { type: 'map', offset, entries }, size };
    }
    if (isSeq(node)) {
      const items: PNode[] = [];
      let size = 1;
      for (const item of node.items) {
        const child = item ? this.visit(item as YamlNode, depth + 1) : { node: { type: 'scalar', offset, value: null } as PNode, size: 1 };
        items.push(child.node);
        size += child.size;
      }
      this.charge(1, offset);
      return { node: { type: 'seq', offset, items }, size };
    }
    if (isScalar(node)) {
      this.charge(1, offset);
      const value = scalarValue(node);
      // A plain scalar that is not a string keeps its text, so an error can say how to quote it.
      const text = node.type === 'PLAIN' && node.tag === undefined && typeof value !== 'string' && value !== null ? node.source : undefined;
      return { node: text === undefined ? { type: 'scalar', offset, value } : { type: 'scalar', offset, value, text }, size: 1 };
    }
    throw new BudgetError('yaml-syntax', msg('unsupported YAML node', 'ラボが扱えない YAML の要素です'), offset);
  }
}
