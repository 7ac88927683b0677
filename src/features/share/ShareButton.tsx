// "Share": puts the editor text into a link (and the clipboard) that opens this lesson with it anywhere. The link
// starts with the address set in the presenter's console, if any (the lab's LAN address), else this page's.
import { useEffect, useState } from 'react';
import { useLab } from '../../store/lab-store';
import { selectRoute } from '../../store/selectors';
import { routePath } from '../../store/routes';
import { shareUrl } from './share-link';
import { effectiveBase } from './share-base';
import { useStrings } from '../i18n/useStrings';

export function ShareButton() {
  const t = useStrings();
  const route = useLab(selectRoute);
  const [url, setUrl] = useState('');
  // What to say, kept as a kind (not text) so it follows the language switcher.
  const [status, setStatus] = useState<{ kind: 'copied' } | { kind: 'too-long'; chars: number } | null>(null);
  // "Copied" fades after a moment; the link itself stays to be copied by hand.
  useEffect(() => {
    if (status?.kind !== 'copied') return;
    const timer = setTimeout(() => setStatus(null), 4000);
    return () => clearTimeout(timer);
  }, [status]);
  const message = status === null ? '' : status.kind === 'copied' ? t.shareCopied : t.shareTooLong(status.chars);

  const share = async () => {
    const text = useLab.getState().doc?.text ?? '';
    const result = await shareUrl(effectiveBase(useLab.getState().shareBase, location), routePath(route), text);
    if ('tooLong' in result) {
      setUrl('');
      setStatus({ kind: 'too-long', chars: result.tooLong });
      return;
    }
    setUrl(result.url);
    try {
      await navigator.clipboard.writeText(result.url);
      setStatus({ kind: 'copied' });
    } catch {
      setStatus(null);
    }
  };

  return (
    <div className="share">
      <button type="button" className="ghost" data-testid="share-button" onClick={() => void share()}>
        {t.share}
      </button>
      {(url || message) && (
        <div className="share-result" role="status">
          {url && (
            <input
              data-testid="share-url"
              aria-label={t.shareLabel}
              readOnly
              value={url}
              onFocus={(e) => e.currentTarget.select()}
            />
          )}
          <span className="muted">{message}</span>
        </div>
      )}
    </div>
  );
}
