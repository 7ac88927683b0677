// The playground's topic switch: the same text seen as NetworkPolicy (connections), RBAC (who may do what) or
// Pod Security (what admission and the kubelet say of each pod).
import { useLab } from '../../store/lab-store';
import { selectPlaygroundTopic, selectRoute } from '../../store/selectors';
import { useStrings } from '../i18n/useStrings';
import type { TopicId } from '../../store/types';

export function TopicSwitch() {
  const t = useStrings();
  const route = useLab(selectRoute);
  const topic = useLab(selectPlaygroundTopic);
  if (route.page !== 'playground') return null;
  return (
    <label className="topic-switch">
      {t.topicSwitch}{' '}
      <select value={topic} data-testid="topic-switch" onChange={(e) => useLab.getState().setPlaygroundTopic(e.target.value as TopicId)}>
        <option value="netpol">{t.topicNetpol}</option>
        <option value="rbac">{t.topicRbac}</option>
        <option value="pod-security">{t.topicPodSecurity}</option>
      </select>
    </label>
  );
}
