// kubectl reads a text that starts with "{" as a stream of JSON values with Go's encoding/json decoder
// (apimachinery util/yaml YAMLOrJSONDecoder: GuessJSONStream, then json.NewDecoder), not as YAML: a trailing
// comma, a comment, a single-quoted string or an unquoted key is an error there, though YAML would take it.

/** Where a JSON stream first breaks Go's decoder, and why (in its words, with a hint for the common slips). */
export interface JsonProblem {
  offset: number;
  message: string;
  /** The same in Japanese. */
  messageJa: string;
}

const END = { message: 'unexpected end of JSON input', messageJa: 'JSON が途中で終わっています（閉じ括弧や引用符が足りません）' };
const CONTEXT_JA: Readonly<Record<string, string>> = {
  'looking for beginning of object key string': 'オブジェクトのキー（"key"）があるべき位置に',
  'after object key': 'キーのあと（: があるべき位置）に',
  'in numeric literal': '数値の中に',
  'looking for beginning of value': '値があるべき位置に',
  'after object key:value pair': 'キーと値の組のあと（, か } があるべき位置）に',
  'after array element': '配列の要素のあと（, か ] があるべき位置）に',
  'after top-level value': 'JSON の値のあとに',
};

/** Does kubectl read this text as JSON? (hasJSONPrefix: the first non-space character is "{".) */
export function isJsonText(text: string): boolean {
  return /^\s*\{/u.test(text);
}

const WS = new Set([' ', '\t', '\n', '\r']);

/** Checks a stream of JSON values (`{...}{...}` or one per line) as encoding/json's Decoder reads it; null if valid. */
export function jsonStreamProblem(text: string): JsonProblem | null {
  let i = 0;
  const skip = (): void => {
    while (i < text.length && WS.has(text[i]!)) i++;
  };
  const quoted = (c: string): string => (c === "'" ? "'\\''" : `'${c}'`);
  const fail = (context: string): JsonProblem => {
    const c = text[i];
    if (c === undefined) return { offset: text.length, ...END };
    let hint = '';
    let hintJa = '';
    if (c === '/' || c === '#') [hint, hintJa] = [' (JSON has no comments)', '（JSON にコメントは書けません）'];
    else if (c === "'") [hint, hintJa] = [' (JSON strings take double quotes)', '（JSON の文字列は二重引用符で囲みます）'];
    else if ((c === '}' || c === ']') && /,\s*$/.test(text.slice(0, i))) [hint, hintJa] = [' (a trailing comma before it)', '（直前に余分なカンマがあります）'];
    else if (context === 'looking for beginning of object key string' && /[A-Za-z_]/.test(c)) [hint, hintJa] = [' (JSON keys are quoted: "key")', '（JSON のキーは "key" のように引用符で囲みます）'];
    return {
      offset: i,
      message: `invalid character ${quoted(c)} ${context}${hint}`,
      messageJa: `${CONTEXT_JA[context] ?? ''}使えない文字「${c}」があります${hintJa}`,
    };
  };
  /** A string at i (which is '"'); null when valid, else the problem. */
  const string = (): JsonProblem | null => {
    i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return null;
      }
      if (c < 0x20) return { offset: i, message: 'invalid character in string literal (a control character or a line break inside quotes)', messageJa: '文字列の中に使えない文字があります（引用符の中の制御文字や改行）' };
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { offset: i, message: 'invalid character in \\u hexadecimal character escape', messageJa: '\\u の後は 16 進数 4 桁でなければなりません' };
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) return { offset: i + 1, message: `invalid character ${quoted(e ?? '')} in string escape code`, messageJa: `文字列のエスケープ「\\${e ?? ''}」は JSON にありません` };
        i += 2;
        continue;
      }
      i++;
    }
    return { offset: text.length, ...END };
  };
  // One value, iteratively: a stack of open containers ('{' or '[').
  const value = (): JsonProblem | null => {
    /** An object member's key and its colon, at i (spaces before the key already skipped). */
    const key = (): JsonProblem | null => {
      if (text[i] !== '"') return fail('looking for beginning of object key string');
      const p = string();
      if (p) return p;
      skip();
      if (text[i] !== ':') return fail('after object key');
      i++;
      return null;
    };
    const stack: string[] = [];
    for (;;) {
      skip();
      const c = text[i];
      // A value.
      if (c === '{' || c === '[') {
        i++;
        skip();
        const close = c === '{' ? '}' : ']';
        if (text[i] === close) i++;
        else {
          stack.push(c);
          if (c === '{') {
            const p = key();
            if (p) return p;
          }
          continue;
        }
      } else if (c === '"') {
        const p = string();
        if (p) return p;
      } else if (c !== undefined && (c === '-' || (c >= '0' && c <= '9'))) {
        const m = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/.exec(text.slice(i, i + 400));
        if (!m) {
          i++;
          return fail('in numeric literal');
        }
        i += m[0].length;
      } else if (c !== undefined && /^(true|false|null)/.test(text.slice(i, i + 5))) {
        i += text.startsWith('false', i) ? 5 : 4;
      } else {
        return fail('looking for beginning of value');
      }
      // After a value: close containers, or a comma and the next member.
      for (;;) {
        if (stack.length === 0) return null;
        skip();
        const open = stack[stack.length - 1]!;
        const close = open === '{' ? '}' : ']';
        if (text[i] === close) {
          stack.pop();
          i++;
          continue;
        }
        if (text[i] !== ',') return fail(open === '{' ? 'after object key:value pair' : 'after array element');
        i++;
        if (open === '{') {
          skip();
          const p = key();
          if (p) return p;
        }
        break;
      }
    }
  };
  for (;;) {
    skip();
    if (i >= text.length) return null;
    const p = value();
    if (p) return p;
  }
}
