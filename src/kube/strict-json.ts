// kubectl reads a text that starts with "{" as a stream of JSON values with Go's encoding/json decoder
// (apimachinery util/yaml YAMLOrJSONDecoder: GuessJSONStream, then json.NewDecoder), not as YAML: a trailing
// comma, a comment, a single-quoted string or an unquoted key is an error there, though YAML would take it.

/** Where a JSON stream first breaks Go's decoder, and why (in its words, with a hint for the common slips). */
export interface JsonProblem {
  offset: number;
  message: string;
}

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
    if (c === undefined) return { offset: text.length, message: 'unexpected end of JSON input' };
    let hint = '';
    if (c === '/' || c === '#') hint = ' (JSON has no comments)';
    else if (c === "'") hint = ' (JSON strings take double quotes)';
    else if ((c === '}' || c === ']') && /,\s*$/.test(text.slice(0, i))) hint = ' (a trailing comma before it)';
    else if (context === 'looking for beginning of object key string' && /[A-Za-z_]/.test(c)) hint = ' (JSON keys are quoted: "key")';
    return { offset: i, message: `invalid character ${quoted(c)} ${context}${hint}` };
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
      if (c < 0x20) return { offset: i, message: 'invalid character in string literal (a control character or a line break inside quotes)' };
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { offset: i, message: 'invalid character in \\u hexadecimal character escape' };
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) return { offset: i + 1, message: `invalid character ${quoted(e ?? '')} in string escape code` };
        i += 2;
        continue;
      }
      i++;
    }
    return { offset: text.length, message: 'unexpected end of JSON input' };
  };
  // One value, iteratively: a stack of open containers ('{' or '[').
  const value = (): JsonProblem | null => {
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
            if (text[i] !== '"') return fail('looking for beginning of object key string');
            const p = string();
            if (p) return p;
            skip();
            if (text[i] !== ':') return fail('after object key');
            i++;
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
          if (text[i] !== '"') return fail('looking for beginning of object key string');
          const p = string();
          if (p) return p;
          skip();
          if (text[i] !== ':') return fail('after object key');
          i++;
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
