// The playground's topic switch: the same text seen as NetworkPolicy (connections) or RBAC (who may do what).
import { useLab } from '../../store/lab-store';
import { selectPlaygroundTopic, selectRoute } from '../../store/selectors';
import { useStrings } from '../i18n/useStrings';

export function TopicSwitch() {
  const t = useStrings();
  const route = useLab(selectRoute);
  const topic = useLab(selectPlaygroundTopic);
  if (route.page !== 'playground') return null;
  return (
    <label className="topic-switch">
      {t.topicSwitch}{' '}
      <select value={topic} data-testid="topic-switch" onChange={(e) => useLab.getState().setPlaygroundTopic(e.target.value as 'netpol' | 'rbac')}>
        <option value="netpol">{t.topicNetpol}</option>
        <option value="rbac">{t.topicRbac}</option>
      </select>
    </label>
  );
}
