// Texts in every UI language: lessons, check messages and explanations are written in English and Japanese.

export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in every UI language. */
export type Localized = Readonly<Record<Language, string>>;

/** The same text in every language (names, YAML). */
export const same = (text: string): Localized => ({ en: text, ja: text });

/** A localized text in one language. */
export const inLanguage = (text: Localized, lang: Language): string => text[lang];
