// The store's types: what each slice holds, and the state they make together.
import type { Diagnostic } from '../kube/index';
import type { Cluster, Connectivity } from '../topics/netpol/index';
import type { RbacResult } from '../topics/rbac/index';
import type { PodSecurityResult } from '../topics/pod-security/index';
import type { Grade, Language, Lesson } from '../lessons/index';

export type Route =
  | { page: 'list' }
  | { page: 'lesson'; id: string }
  | { page: 'playground' }
  | { page: 'missing'; id: string }
  | { page: 'present'; id: string }
  | { page: 'presenter'; id: string };

/** Workshop state, shared by the presenter's console and every projector view (BroadcastChannel). */
export interface PresenterState {
  step: number;
  /** The verdicts of a predict step are shown. */
  revealed: boolean;
  /** The room's guesses on a predict step, by edge (`from->to` for NetworkPolicy, the question's id for RBAC). */
  guesses: Readonly<Record<string, 'allowed' | 'denied'>>;
  startedAt: number;
}

export type LessonStatus = 'pending' | 'passed' | 'failed';

export type TopicId = 'netpol' | 'rbac' | 'pod-security';

/** The NetworkPolicy topic's part of a result: the cluster, every verdict, and the lesson's grade. */
export interface NetpolResult {
  cluster: Cluster;
  connectivity: Connectivity;
  grade: Grade | null;
  /** Milliseconds the last evaluation took (parse, evaluate, grade). */
  evalMs: number;
}

/** The last good evaluation: each topic's result (null when the page does not evaluate it) and the grade. */
export interface LabResult {
  /** The topic the page shows: the lesson's, or the one chosen in the playground. */
  topic: TopicId;
  netpol: NetpolResult | null;
  rbac: RbacResult | null;
  podSecurity: PodSecurityResult | null;
  grade: Grade | null;
  evalMs: number;
}

export interface Doc {
  key: string;
  lesson: Lesson | null;
  text: string;
  hintsShown: number;
  /** The lesson was passed at some point (kept when the text later changes). */
  passed: boolean;
  /** "Show solution" was used: the lesson list says so rather than claim the learner solved it. */
  solutionShown: boolean;
  /** "Predict first" lessons: the learner's answer to each question, by its index. */
  answers: Readonly<Record<string, Answer>>;
  /** The answers were checked: the graph and the checks' messages show. */
  answersChecked: boolean;
}

export type Answer = 'allowed' | 'denied';

/** Something the lab tells the learner above the page; rendered in the current language. */
export type Notice =
  | { kind: 'corrupt'; key: string }
  | { kind: 'shared'; backup: string | null }
  | { kind: 'bad-share' };

export interface EdgeRef {
  from: string;
  to: string;
}

/** Route, language and notices: which page is open. */
export interface RouteSlice {
  route: Route;
  lang: Language;
  notice: Notice | null;
  navigate(route: Route): void;
  setLang(lang: Language): void;
  dismissNotice(): void;
}

/** The document in the editor and what the learner does with it. */
export interface DocSlice {
  doc: Doc | null;
  /** Bumps when the text is replaced from outside the editor (reset, solution, route). */
  textEpoch: number;
  setText(text: string): void;
  replaceText(text: string): void;
  showNextHint(): void;
  /** The learner's "Show solution": the solution as an undoable edit, remembered as shown. */
  showSolution(): void;
  /** Opens a text from a share link; the learner's own text is kept as a backup they can restore. */
  openShared(text: string | null): void;
  restoreBackup(): void;
  /** "Predict first": the learner's answer to question `index` (until the answers are checked). */
  answerQuestion(index: number, answer: Answer): void;
  /** Shows how the answers went, and the graph. */
  checkAnswers(): void;
  /** Clears the answers and hides the graph again, to try once more. */
  answerAgain(): void;
}

/** The last evaluation. Its status and whether it is stale are selectors, not state. */
export interface EvaluationSlice {
  diagnostics: readonly Diagnostic[];
  /** The last good result: kept while the editor holds errors. */
  result: LabResult | null;
  /** The topic the playground shows (a lesson shows its own). */
  playgroundTopic: TopicId;
  evaluateNow(): void;
  setPlaygroundTopic(topic: TopicId): void;
}

/** What is chosen and shown: selections, the cursor, the tab, a line to reveal. */
export interface SelectionSlice {
  selectedEdge: EdgeRef | null;
  selectedPod: string | null;
  /** The chosen node or edge of a topic graph other than NetworkPolicy's (RBAC), by element id. */
  selectedItem: string | null;
  /** 1-based line of the editor cursor, for "the policy under the cursor". */
  cursorLine: number | null;
  view: 'graph' | 'table';
  /** A request for the editor to show a line (from a policy link); nonce makes repeats count. */
  reveal: { line: number; column: number; nonce: number } | null;
  selectEdge(edge: EdgeRef | null): void;
  selectPod(id: string | null): void;
  selectItem(id: string | null): void;
  setCursorLine(line: number | null): void;
  setView(view: 'graph' | 'table'): void;
  revealLine(line: number, column?: number): void;
}

/** Workshops: the console's steps, predictions and reveals. */
export interface PresenterSlice {
  presenter: PresenterState;
  /** Presenter: go to a step (0-based) and apply its YAML; the console broadcasts the result. */
  goToStep(step: number): void;
  applyStepYaml(): void;
  revealSolution(): void;
  revealVerdicts(): void;
  guess(edge: string): void;
  /** Presenter: the timer starts again at 00:00. */
  restartTimer(): void;
  /** The base URL of share links and the QR code ('' = the page's own address), kept in localStorage. */
  shareBase: string;
  setShareBase(base: string): void;
  /** Projector: take the console's state (text and step) as it arrives. */
  receivePresenter(state: PresenterState, text: string): void;
}

export type LabState = RouteSlice & DocSlice & EvaluationSlice & SelectionSlice & PresenterSlice;

/** A slice creator, zustand's way: set and get see the whole state. */
export type SliceCreator<T> = (set: (partial: Partial<LabState>) => void, get: () => LabState) => T;
