// Japanese summaries of the engine's diagnostic codes, and the Japanese wording of a diagnostic: the engine writes
// each message in both languages where it knows the specifics (paths, values and names stay as written).
import type { Diagnostic, ErrorCode } from '../../kube/index';
import type { RbacErrorCode } from '../../topics/rbac/errors';
import type { PodSecurityCode } from '../../topics/pod-security/codes';

export const DIAGNOSTICS_JA: Readonly<Record<ErrorCode | RbacErrorCode | PodSecurityCode, string>> = {
  'yaml-syntax': 'YAML または JSON として正しくありません',
  'json-syntax': '「{」で始まるので kubectl は JSON として厳密に読みます（末尾のカンマ、コメント、単一引用符は使えません）',
  'too-large': '入力が大きすぎます',
  'alias-limit': 'YAML のエイリアスが展開されすぎます',
  'too-deep': '入れ子が深すぎます',
  'not-an-object': 'ドキュメントは apiVersion と kind を持つマッピングでなければなりません',
  'missing-field': '必須のフィールドがありません',
  'wrong-type': 'フィールドの型が違います',
  'unknown-field': 'この種類にはないフィールドです（綴りを確認しましょう）',
  duplicate: '同じ種類・同じ名前のオブジェクトが 2 つあります',
  'invalid-name': 'Kubernetes が受け付けない名前です',
  'invalid-label': 'Kubernetes が受け付けないラベルのキーまたは値です',
  'label-not-string': 'ラベル（またはセレクター）の値が文字列ではありません。引用符で囲みましょう',
  'invalid-ip': 'IP アドレスとして解釈できません',
  'invalid-cidr': 'CIDR として解釈できません',
  'except-not-subset': 'except は cidr の真部分集合でなければなりません',
  'invalid-port': 'ポート番号が 1-65535 の範囲外か、ポート名が正しくありません',
  'invalid-end-port': 'endPort が port より小さいか、名前付きポートや port なしで指定されています',
  'invalid-protocol': 'プロトコルは TCP、UDP、SCTP のいずれかです',
  'invalid-operator': '演算子は In、NotIn、Exists、DoesNotExist のいずれかです',
  'invalid-values': 'values が演算子に合っていません',
  'invalid-selector': 'ワークロードのセレクターが空か、Pod テンプレートのラベルに一致しません',
  'invalid-policy-type': 'policyTypes に書けるのは Ingress と Egress だけです',
  'empty-peer': 'from/to の項目に podSelector、namespaceSelector、ipBlock のいずれもありません',
  'mixed-peer': 'ipBlock はセレクターと同じ項目に書けません',
  'unsupported-kind': 'ラボが評価しない種類です（読み飛ばします）',
  'unknown-kind': '種類名のつづりが違います（ラボが読む種類によく似ています）',
  'namespace-not-found': 'レッスンのクラスタにない namespace のオブジェクトです（kubectl apply と同じく拒否され、評価されません）',
  'invalid-value': 'API サーバーが受け付けない値です',
  'invalid-flag': 'コマンドラインのフラグまたは値が正しくありません',
  'read-failed': 'ファイルを読み込めません',
  'bad-share-link': 'レッスンへの共有リンクではないか、テキストを復元できない行です',
  'invalid-rule': 'API サーバーが受け付けないルールです（verbs がない、apiGroups や resources がない、Role に URL があるなど）',
  'invalid-role-ref': 'API サーバーが受け付けない roleRef です（kind、apiGroup、name を確認しましょう）',
  'invalid-subject': 'API サーバーが受け付けない subject です（kind、apiGroup、name、ServiceAccount の namespace を確認しましょう）',
  'invalid-aggregation': 'aggregationRule に clusterRoleSelectors がありません',
  'invalid-review': 'API サーバーが受け付けない SubjectAccessReview です',
  'missing-role': 'バインディングが参照するロールが存在しません（受け付けられますが、何も許可しません）',
};

/** A diagnostic as the problem list and the editor marker word it: in Japanese, the engine's Japanese sentence;
 * for the few that have none (the CLI's own), the code's summary. Never the English sentence. */
export function diagnosticText(d: Diagnostic, lang: 'en' | 'ja'): string {
  if (lang !== 'ja') return d.message;
  return d.messageJa ?? DIAGNOSTICS_JA[d.code as ErrorCode | RbacErrorCode | PodSecurityCode] ?? d.message;
}
