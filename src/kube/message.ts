// A diagnostic's sentence in both UI languages. Each is written where the specifics are known, so the Japanese
// view never has to parse the English back; the CLI prints `en` only.

/** One sentence in English (the CLI's and the default UI's) and Japanese; paths, values and names are the same. */
export interface Message {
  readonly en: string;
  readonly ja: string;
}

export function msg(en: string, ja: string): Message {
  return { en, ja };
}
