// SubjectAccessReview (authorization.k8s.io/v1) as the API server reads and validates it
// (pkg/apis/authorization/validation): the user and groups as written, and exactly one of resourceAttributes or
// nonResourceAttributes. The API server answers it with the authorizer; so does `cks-lab can-i --reviews`.
import { Invalid, api, isNull, msg, type KindReader, type PMap, type PNode } from '../../kube/index';
import type { Request, UserInfo } from './model';

export interface ReviewValue {
  /** spec.user and spec.groups as written: no groups are added, as the API server adds none. */
  user: UserInfo;
  request: Request;
}

export const SubjectAccessReviewKind: KindReader<ReviewValue> = {
  apiVersion: 'authorization.k8s.io/v1',
  kind: 'SubjectAccessReview',
  namespaced: false,
  nameOptional: true,
  shape: api.SubjectAccessReview,
  read(r, node) {
    // ValidateSubjectAccessReview: metadata must be empty (a review is never stored).
    const meta = node.entries.get('metadata')?.value;
    if (meta && !(meta.type === 'map' && meta.entries.size === 0) && !isNull(meta)) r.report(meta, 'invalid-review', msg('metadata: Invalid value: must be empty', 'SubjectAccessReview の metadata は空でなければなりません'));
    const spec = r.map(node.entries.get('spec')?.value, 'spec');
    if (!spec) {
      r.report(node, 'missing-field', msg('spec is required', 'spec は必須です'));
      throw new Invalid();
    }
    const user = r.string(spec.entries.get('user')?.value, 'spec.user') ?? '';
    const groups = r.strings(spec.entries.get('groups')?.value, 'spec.groups');
    const resNode = spec.entries.get('resourceAttributes')?.value;
    const nonResNode = spec.entries.get('nonResourceAttributes')?.value;
    const res = present(resNode) ? r.map(resNode, 'spec.resourceAttributes') : null;
    const nonRes = present(nonResNode) ? r.map(nonResNode, 'spec.nonResourceAttributes') : null;
    if (res && nonRes) r.report(nonResNode!, 'invalid-review', msg('spec.nonResourceAttributes: Invalid value: cannot be specified in combination with resourceAttributes', 'spec.nonResourceAttributes は resourceAttributes と一緒に書けません'));
    if (!res && !nonRes) r.report(spec, 'invalid-review', msg('spec.resourceAttributes: Invalid value: exactly one of nonResourceAttributes or resourceAttributes must be specified', 'spec には nonResourceAttributes か resourceAttributes のどちらか 1 つを書きます'));
    if (user === '' && groups.length === 0) r.report(spec.entries.get('user')?.value ?? spec, 'invalid-review', msg('spec.user: Invalid value: at least one of user or group must be specified', 'spec には user か groups を少なくとも 1 つ書きます'));
    const text = (map: PMap, key: string, path: string): string => r.string(map.entries.get(key)?.value, `${path}.${key}`) ?? '';
    let request: Request;
    if (res) {
      const at = 'spec.resourceAttributes';
      request = {
        kind: 'resource',
        namespace: text(res, 'namespace', at),
        verb: text(res, 'verb', at),
        apiGroup: text(res, 'group', at),
        resource: text(res, 'resource', at),
        subresource: text(res, 'subresource', at),
        name: text(res, 'name', at),
      };
    } else {
      const at = 'spec.nonResourceAttributes';
      request = { kind: 'nonResource', verb: nonRes ? text(nonRes, 'verb', at) : '', path: nonRes ? text(nonRes, 'path', at) : '' };
    }
    return { user: { name: user, groups }, request };
  },
};

function present(node: PNode | undefined): node is PNode {
  return node !== undefined && !isNull(node);
}
