// Who asks: the identities lessons and the lab name (`sa:NS/NAME`, `user:NAME`, `pod:NS/NAME`), turned into the
// user the API server would see, with the groups its authenticator (or kubectl --as) gives it.
import type { PodIdentity, RbacModel, UserInfo } from './model';
import { userFor } from './authorize';

/** An identity as a lesson or the lab names it, and the user it is. */
export interface Identity {
  /** As written: `sa:ci/deployer`, `user:jane`, `pod:prod/web`, `group:devs`. */
  ref: string;
  kind: 'ServiceAccount' | 'User' | 'Pod' | 'Group';
  /** The user the API server sees; for a pod, its ServiceAccount's user. */
  user: UserInfo;
  /** Short text for the graph and the table: `ci/deployer`, `jane`, `pod prod/web`. */
  label: string;
}

const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/**
 * Parses an identity reference. `sa:NS/NAME` is `system:serviceaccount:NS:NAME` with its ServiceAccount groups;
 * `user:NAME` a user with `system:authenticated`; `group:NAME` a user `group:NAME` in that group only (to ask what a
 * group's members may do); `pod:NS/NAME` the ServiceAccount the pod runs as (so the model must know the pod).
 */
export function parseIdentity(ref: string, model?: RbacModel): Identity | { error: string } {
  const colon = ref.indexOf(':');
  const kind = colon < 0 ? '' : ref.slice(0, colon);
  const rest = colon < 0 ? ref : ref.slice(colon + 1);
  const nsName = (): [string, string] | null => {
    const parts = rest.split('/');
    return parts.length === 2 && NAME.test(parts[0]!) && NAME.test(parts[1]!) ? [parts[0]!, parts[1]!] : null;
  };
  switch (kind) {
    case 'sa': {
      const p = nsName();
      if (!p) return { error: `"${ref}": write a ServiceAccount as sa:NAMESPACE/NAME` };
      return { ref, kind: 'ServiceAccount', user: userFor(`system:serviceaccount:${p[0]}:${p[1]}`, []), label: `${p[0]}/${p[1]}` };
    }
    case 'user':
      if (rest === '') return { error: `"${ref}": write a user as user:NAME` };
      return { ref, kind: 'User', user: userFor(rest, []), label: rest };
    case 'group':
      if (rest === '') return { error: `"${ref}": write a group as group:NAME` };
      return { ref, kind: 'Group', user: userFor(`group:${rest}`, [rest]), label: rest };
    case 'pod': {
      const p = nsName();
      if (!p) return { error: `"${ref}": write a pod as pod:NAMESPACE/NAME` };
      const pod = model?.pods.find((x) => x.namespace === p[0] && x.name === p[1]);
      if (model && !pod) return { error: `"${ref}": no pod or workload ${p[0]}/${p[1]} in the cluster` };
      const sa = pod?.serviceAccountName ?? 'default';
      return { ref, kind: 'Pod', user: userFor(`system:serviceaccount:${p[0]}:${sa}`, []), label: `pod ${p[0]}/${p[1]}` };
    }
    default:
      return { error: `"${ref}" is not an identity; use sa:NS/NAME, user:NAME, group:NAME or pod:NS/NAME` };
  }
}

/** The identity of a pod: the ServiceAccount it runs as. */
export function podIdentity(pod: PodIdentity): Identity {
  return {
    ref: `pod:${pod.namespace}/${pod.name}`,
    kind: 'Pod',
    user: userFor(`system:serviceaccount:${pod.namespace}:${pod.serviceAccountName}`, []),
    label: `pod ${pod.namespace}/${pod.name}`,
  };
}
