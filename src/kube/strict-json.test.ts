// kubectl reads a text starting with "{" with Go's strict JSON decoder (apimachinery util/yaml
// YAMLOrJSONDecoder), anything else as YAML: YAML's leniency (trailing commas, comments, single quotes, bare
// keys) is an error in JSON, located where the decoder stops.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSources } from './yaml-source';
import { jsonStreamProblem } from './strict-json';

const POD = '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a", "labels": {"app": "web"}}}';

function problems(text: string): string[] {
  return parseSources([{ file: 'x.json', text }]).diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`);
}

describe('JSON is read strictly', () => {
  it('valid JSON streams, one object per line or back to back, read as before', () => {
    for (const text of [POD, `${POD}\n${POD.replace('"a"', '"b"')}\n`, `  \n${POD}${POD.replace('"a"', '"b"')}`, '{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n\\"", {}, []]}']) {
      expect(problems(text), text).toEqual([]);
    }
    expect(parseSources([{ file: 'x.json', text: `${POD}\n${POD.replace('"a"', '"b"')}` }]).documents).toHaveLength(2);
  });

  it('a trailing comma, a comment, single quotes and bare keys are errors where the decoder stops', () => {
    expect(problems('{"kind": "Pod",\n "metadata": {"name": "a",}}')).toEqual([
      "2:27 json-syntax invalid character '}' looking for beginning of object key string (a trailing comma before it)",
    ]);
    expect(problems('{"items": [1, 2,]}')).toEqual(["1:17 json-syntax invalid character ']' looking for beginning of value (a trailing comma before it)"]);
    expect(problems('{\n  // a pod\n  "kind": "Pod"\n}')).toEqual(["2:3 json-syntax invalid character '/' looking for beginning of object key string (JSON has no comments)"]);
    expect(problems('{"kind": "Pod"} # a pod')).toEqual(["1:17 json-syntax invalid character '#' looking for beginning of value (JSON has no comments)"]);
    expect(problems("{'kind': 'Pod'}")).toEqual(["1:2 json-syntax invalid character '\\'' looking for beginning of object key string (JSON strings take double quotes)"]);
    expect(problems('{kind: Pod}')).toEqual(['1:2 json-syntax invalid character \'k\' looking for beginning of object key string (JSON keys are quoted: "key")']);
    expect(problems('{"kind": Pod}')).toEqual(["1:10 json-syntax invalid character 'P' looking for beginning of value"]);
    expect(problems('{"kind": "Pod"')).toEqual(['1:15 json-syntax unexpected end of JSON input']);
    expect(problems('{"a": 01}')).toEqual(["1:8 json-syntax invalid character '1' after object key:value pair"]);
    expect(problems('{"a": "\\x41"}')).toEqual(["1:9 json-syntax invalid character 'x' in string escape code"]);
  });

  it('objects before the problem are read; nothing from the problem on', () => {
    const r = parseSources([{ file: 'x.json', text: `${POD}\n{"kind": "Pod",}\n${POD}` }]);
    expect(r.documents).toHaveLength(1);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['json-syntax']);
  });

  it('a text that does not start with "{" is YAML, with its leniency (a flow list, comments)', () => {
    expect(problems('# a pod\n{"kind": "Pod", "metadata": {"name": "a",},}')).toEqual([]);
    expect(problems('[{"kind": "Pod"},]')).toEqual([]);
  });

  it('agrees with JSON.parse (the same grammar as Go\'s decoder) on JSON and on JSON with a character inserted', () => {
    const valid = (text: string): boolean => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    };
    const inserted = fc.tuple(fc.json(), fc.nat(), fc.constantFrom(',', ' ', '}', ']', '{', '[', ':', '"', "'", '/', '#', '0', '-', '.', 'e', 'x', '\\', '\n', '\t'));
    fc.assert(
      fc.property(inserted, ([json, at, c]) => {
        expect(jsonStreamProblem(json)).toBeNull();
        const i = at % (json.length + 1);
        // In brackets the text is one value whatever the insertion did, as JSON.parse wants.
        const text = `[${json.slice(0, i)}${c}${json.slice(i)}]`;
        expect(jsonStreamProblem(text) === null, text).toBe(valid(text));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});
