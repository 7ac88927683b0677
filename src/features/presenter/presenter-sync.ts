// Keeps every projector view in step with the presenter's console, in the same browser, with no server:
// the console broadcasts its state (step, text, guesses) and the projectors apply it; guesses flow back.
import { useLab, type PresenterState } from '../../store/lab-store';

const CHANNEL = 'cks-lab-presenter';

type Message =
  | { type: 'state'; lesson: string; presenter: PresenterState; text: string }
  | { type: 'hello'; lesson: string }
  | { type: 'guess'; lesson: string; edge: string };

/** The console side: broadcast on every change, answer projectors that join late, take the room's guesses. */
export function startConsoleSync(lesson: string): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  const send = (): void => {
    const s = useLab.getState();
    channel.postMessage({ type: 'state', lesson, presenter: s.presenter, text: s.doc?.text ?? '' } satisfies Message);
  };
  channel.onmessage = (e: MessageEvent<Message>) => {
    if (e.data.lesson !== lesson) return;
    if (e.data.type === 'hello') send();
    if (e.data.type === 'guess') useLab.getState().guess(e.data.edge);
  };
  // A step change sets the step and then its YAML: send them as one message, so a projector renders once.
  let queued = false;
  let stopped = false;
  const unsubscribe = useLab.subscribe((s, prev) => {
    if ((s.presenter === prev.presenter && s.doc?.text === prev.doc?.text) || queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      if (!stopped) send();
    });
  });
  send();
  return () => {
    stopped = true;
    unsubscribe();
    channel.close();
  };
}

/** The projector side: ask for the state, then follow it. Returns a function that sends a guess. */
export function startProjectorSync(lesson: string): { stop: () => void; sendGuess: (edge: string) => void } {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e: MessageEvent<Message>) => {
    if (e.data.type === 'state' && e.data.lesson === lesson) useLab.getState().receivePresenter(e.data.presenter, e.data.text);
  };
  channel.postMessage({ type: 'hello', lesson } satisfies Message);
  return {
    stop: () => channel.close(),
    sendGuess: (edge) => channel.postMessage({ type: 'guess', lesson, edge } satisfies Message),
  };
}
