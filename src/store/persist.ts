// Saves editor text and lesson progress in localStorage, per document, versioned.
// A corrupt or unknown entry is set aside (never thrown away, never a crash) and reported as a notice.

const PREFIX = 'cks-lab:v1:';
const VERSION = 1;

export interface SavedDoc {
  v: 1;
  text: string;
  hintsShown: number;
  passed: boolean;
  /** Absent in entries saved before it existed. */
  solutionShown?: boolean;
  /** "Predict first" answers by question index, and whether they were checked; absent in older entries. */
  answers?: Record<string, 'allowed' | 'denied'>;
  answersChecked?: boolean;
}

export interface Loaded {
  doc: SavedDoc | null;
  /** Set when an entry could not be read: the key it was set aside under (or left at, when storage is full). */
  corrupt: string | null;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled (private mode, sandboxed frame)
  }
}

function isSavedDoc(value: unknown): value is SavedDoc {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.v === VERSION &&
    typeof v.text === 'string' &&
    typeof v.hintsShown === 'number' &&
    typeof v.passed === 'boolean' &&
    (v.solutionShown === undefined || typeof v.solutionShown === 'boolean') &&
    (v.answersChecked === undefined || typeof v.answersChecked === 'boolean') &&
    (v.answers === undefined || (typeof v.answers === 'object' && v.answers !== null && Object.values(v.answers).every((a) => a === 'allowed' || a === 'denied')))
  );
}

/** Reads the saved state of a document (`lesson:<id>` or `playground`). */
export function loadDoc(key: string): Loaded {
  const store = storage();
  const raw = store?.getItem(PREFIX + key) ?? null;
  if (raw === null || !store) return { doc: null, corrupt: null };
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isSavedDoc(parsed)) return { doc: parsed, corrupt: null };
  } catch {
    // fall through: set it aside below
  }
  const aside = `cks-lab:corrupt:${key}:${Date.now()}`;
  try {
    store.setItem(aside, raw);
  } catch {
    // storage full: keep the original where it is rather than lose it
    return { doc: null, corrupt: PREFIX + key };
  }
  store.removeItem(PREFIX + key);
  return { doc: null, corrupt: aside };
}

/** Writes the state of a document; quietly does nothing when storage is unavailable or full. */
export function saveDoc(key: string, doc: Omit<SavedDoc, 'v'>): void {
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify({ v: VERSION, ...doc }));
  } catch {
    // quota exceeded: the editor still holds the text
  }
}

export type Progress = 'passed' | 'solution-shown' | 'started';

/** How far the learner got in each lesson, for the lesson list; `untouched` texts are the starting ones. */
export function lessonProgress(ids: readonly string[], untouched: (id: string, text: string) => boolean): Map<string, Progress> {
  const progress = new Map<string, Progress>();
  const store = storage();
  for (const id of ids) {
    try {
      const raw = store?.getItem(`${PREFIX}lesson:${id}`);
      const parsed: unknown = raw ? JSON.parse(raw) : null;
      if (!isSavedDoc(parsed)) continue;
      if (parsed.solutionShown) progress.set(id, 'solution-shown');
      else if (parsed.passed) progress.set(id, 'passed');
      else if (parsed.hintsShown > 0 || !untouched(id, parsed.text)) progress.set(id, 'started');
    } catch {
      // a corrupt entry is handled when the lesson opens
    }
  }
  return progress;
}

const LANG_KEY = 'cks-lab:lang';
export const loadLang = (): string | null => {
  try {
    return storage()?.getItem(LANG_KEY) ?? null;
  } catch {
    return null;
  }
};
export const saveLang = (lang: string): void => {
  try {
    storage()?.setItem(LANG_KEY, lang);
  } catch {
    // ignore
  }
};

/** Keeps the learner's own text when a share link replaces it. */
export function saveBackup(key: string, text: string): void {
  try {
    storage()?.setItem(`${PREFIX}${key}:before-share`, text);
  } catch {
    // storage full: the notice still offers the text through the store
  }
}

const SHARE_BASE_KEY = 'cks-lab:share-base';
/** The base URL the presenter set for share links and the QR code ('' when none: the page's own address). */
export const loadShareBase = (): string => {
  try {
    return storage()?.getItem(SHARE_BASE_KEY) ?? '';
  } catch {
    return '';
  }
};
export const saveShareBase = (base: string): void => {
  try {
    if (base) storage()?.setItem(SHARE_BASE_KEY, base);
    else storage()?.removeItem(SHARE_BASE_KEY);
  } catch {
    // ignore: the setting lasts for this page
  }
};

/** What the presenter's console keeps across a reload, per lesson: the step, the timer, the room's guesses. */
export interface SavedPresenter {
  v: 1;
  step: number;
  startedAt: number;
  revealed: boolean;
  guesses: Record<string, 'allowed' | 'denied'>;
}

const presenterKey = (lesson: string): string => `${PREFIX}presenter:${lesson}`;

function isSavedPresenter(value: unknown): value is SavedPresenter {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.v === 1 &&
    Number.isInteger(v.step) &&
    (v.step as number) >= 0 &&
    typeof v.startedAt === 'number' &&
    Number.isFinite(v.startedAt) &&
    typeof v.revealed === 'boolean' &&
    typeof v.guesses === 'object' &&
    v.guesses !== null &&
    Object.values(v.guesses).every((g) => g === 'allowed' || g === 'denied')
  );
}

/** The console's saved state for a lesson, or null (none, or unreadable: a workshop then starts afresh). */
export function loadPresenter(lesson: string): SavedPresenter | null {
  try {
    const raw = storage()?.getItem(presenterKey(lesson));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return isSavedPresenter(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function savePresenter(lesson: string, state: Omit<SavedPresenter, 'v'>): void {
  try {
    storage()?.setItem(presenterKey(lesson), JSON.stringify({ v: 1, step: state.step, startedAt: state.startedAt, revealed: state.revealed, guesses: state.guesses }));
  } catch {
    // storage full: the console still runs
  }
}
