// A button that asks first, in an accessible modal <dialog>, before it does something that replaces text.
import { useRef, type ReactNode } from 'react';

export function ConfirmButton(props: { label: ReactNode; question: string; confirm: string; cancel: string; onConfirm: () => void; testId?: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" className="secondary" data-testid={props.testId} onClick={() => dialog.current?.showModal()}>
        {props.label}
      </button>
      <dialog ref={dialog} className="confirm-dialog" aria-label={props.question}>
        <p>{props.question}</p>
        <form method="dialog" className="dialog-actions">
          <button type="submit" value="cancel" className="secondary" autoFocus>
            {props.cancel}
          </button>
          <button type="submit" value="ok" className="primary" data-testid={props.testId ? `${props.testId}-confirm` : undefined} onClick={props.onConfirm}>
            {props.confirm}
          </button>
        </form>
      </dialog>
    </>
  );
}
