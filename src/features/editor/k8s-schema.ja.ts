// Japanese hover docs for the editor schema, keyed by the English text they replace.
import { POD_SECURITY_SCHEMA_JA } from './k8s-schema-pod-security.ja';

export const SCHEMA_JA: Readonly<Record<string, string>> = {
  ...POD_SECURITY_SCHEMA_JA,
  'networking.k8s.io/v1 for NetworkPolicy; v1 for Pod, Namespace and ServiceAccount; rbac.authorization.k8s.io/v1 for Role, ClusterRole, RoleBinding and ClusterRoleBinding; apps/v1 or batch/v1 for workloads; cks-lab/v1 for ExternalEndpoint.':
    'NetworkPolicy は networking.k8s.io/v1、Pod・Namespace・ServiceAccount は v1、Role・ClusterRole・RoleBinding・ClusterRoleBinding は rbac.authorization.k8s.io/v1、ワークロードは apps/v1 または batch/v1、ExternalEndpoint は cks-lab/v1 です。',
  'The kind of object.': 'オブジェクトの種類です。',
  'Standard object metadata.': '標準のオブジェクトメタデータです。',
  'The object name, unique per kind within its namespace.': 'オブジェクト名です。namespace 内で種類ごとに一意です。',
  'The namespace the object lives in. Defaults to `default`.': 'オブジェクトが属する namespace です。省略すると `default` です。',
  'Key/value labels that selectors match.': 'セレクターが一致を判定するキーと値のラベルです。',
  'A label value: a string of at most 63 characters. Quote values such as "yes", "1" or "true".':
    'ラベルの値: 63 文字以内の文字列です。"yes"、"1"、"true" のような値は引用符で囲みます。',
  'What the policy selects and which traffic it allows.': 'ポリシーが選択する対象と、許可する通信です。',
  'The pods of this namespace the policy applies to. `{}` selects every pod in the namespace.':
    'ポリシーを適用する、この namespace の Pod です。`{}` は namespace のすべての Pod を選択します。',
  'Labels a resource must all carry (AND). `{}` or absent: no condition.':
    'リソースがすべて持つべきラベルです (AND)。`{}` または省略: 条件なし。',
  'Conditions that must all hold (AND), each on one label key.': 'すべて満たすべき条件です (AND)。それぞれ 1 つのラベルキーについての条件です。',
  'The label key the condition is about.': '条件の対象となるラベルキーです。',
  'In: the label is one of values. NotIn: the label is missing or not one of values. Exists / DoesNotExist: the key is present / absent (no values).':
    'In: ラベルが values のいずれか。NotIn: ラベルがないか、values のいずれでもない。Exists / DoesNotExist: キーがある / ない (values なし)。',
  'Required and non-empty for In and NotIn; must be empty for Exists and DoesNotExist.':
    'In と NotIn では必須で空にできません。Exists と DoesNotExist では空にします。',
  'The directions this policy isolates. Absent: Ingress, plus Egress if the policy has egress rules. Rules of a direction not listed are ignored.':
    'このポリシーが隔離する方向です。省略すると Ingress (egress ルールがあれば Egress も) になります。列挙しない方向のルールは無視されます。',
  'An ingress rule: traffic from a matching source to a matching port is allowed.':
    'ingress ルール: 一致する送信元から一致するポートへの通信を許可します。',
  "One peer. podSelector alone: matching pods of the policy's namespace. namespaceSelector alone: every pod of matching namespaces. Both in one entry: pods matching podSelector in namespaces matching namespaceSelector (AND). ipBlock: addresses, and cannot be combined with the selectors.":
    '相手 1 つ分です。podSelector だけ: ポリシーと同じ namespace の一致する Pod。namespaceSelector だけ: 一致する namespace のすべての Pod。1 つの項目に両方: 一致する namespace 内の一致する Pod (AND)。ipBlock: アドレスで指定し、セレクターとは組み合わせられません。',
  "Selects pods by label. Alone, it looks only at the policy's own namespace; `{}` means every pod there.":
    'ラベルで Pod を選択します。単独ではポリシーと同じ namespace だけを見ます。`{}` はそこのすべての Pod です。',
  'Selects namespaces by label; every namespace carries kubernetes.io/metadata.name=<its name>. `{}` means every namespace.':
    'ラベルで namespace を選択します。すべての namespace には kubernetes.io/metadata.name=<名前> が付いています。`{}` はすべての namespace です。',
  'A range of IP addresses (IPv4 or IPv6).': 'IP アドレスの範囲です (IPv4 または IPv6)。',
  'An address range such as 10.0.0.0/16 or 192.168.1.1/32.': '10.0.0.0/16 や 192.168.1.1/32 のようなアドレス範囲です。',
  'Ranges inside cidr to leave out; each must be a strict subset of cidr.': 'cidr から除く範囲です。それぞれ cidr の真部分集合でなければなりません。',
  'Sources this rule admits (any one matching is enough). Absent or empty: every source, inside or outside the cluster.':
    'このルールが認める送信元です (いずれか 1 つに一致すれば十分)。省略または空: クラスタ内外のすべての送信元。',
  'A port (or range) and protocol. No port: every port of the protocol.': 'ポート (または範囲) とプロトコルです。port がなければ、そのプロトコルのすべてのポートです。',
  'TCP, UDP or SCTP (upper case). Defaults to TCP.': 'TCP、UDP、SCTP (大文字) のいずれかです。省略すると TCP です。',
  'A port number (1-65535) or a named container port of the destination pod. Absent: every port.':
    'ポート番号 (1-65535)、または宛先 Pod のコンテナポートの名前です。省略: すべてのポート。',
  'With a numeric port: the last port of an inclusive range port..endPort.': '数値の port と組み合わせて、範囲 port..endPort の最後のポートを指定します (両端を含む)。',
  'Ports this rule admits (any one). Absent or empty: every port and protocol.': 'このルールが認めるポートです (いずれか 1 つ)。省略または空: すべてのポートとプロトコル。',
  'Allowed incoming traffic. Absent or empty with Ingress in policyTypes: nothing may come in.':
    '許可する受信通信です。policyTypes に Ingress があり、これが省略または空なら、何も受信できません。',
  'An egress rule: traffic to a matching destination and port is allowed.': 'egress ルール: 一致する宛先とポートへの通信を許可します。',
  'Destinations this rule admits (any one matching is enough). Absent or empty: every destination.':
    'このルールが認める宛先です (いずれか 1 つに一致すれば十分)。省略または空: すべての宛先。',
  'Allowed outgoing traffic. Absent or empty with Egress in policyTypes: nothing may go out.':
    '許可する送信通信です。policyTypes に Egress があり、これが省略または空なら、何も送信できません。',
  'A port name (at most 15 characters) that policies can refer to.': 'ポリシーから参照できるポート名です (15 文字以内)。',
  'The port number the container listens on (1-65535).': 'コンテナが待ち受けるポート番号です (1-65535)。',
  "The pod's IP address; ipBlock peers match it.": 'Pod の IP アドレスです。ipBlock の相手はこれに一致します。',
  'Something outside the cluster (cks-lab only): the internet, a database VM.': 'クラスタの外部にあるもの (cks-lab 独自): インターネット、データベースの VM など。',
  'Its IPv4 or IPv6 address; ipBlock peers match it.': 'その IPv4 または IPv6 アドレスです。ipBlock の相手はこれに一致します。',

  // ServiceAccounts, pods and workloads.
  "The ServiceAccount of the pod's namespace the pod runs as; absent: `default`. The pod's API token, and so its RBAC permissions, are that account's. It cannot be changed on an existing pod.":
    'Pod が使う、Pod と同じ namespace の ServiceAccount です。省略すると `default` です。Pod の API トークン、つまり RBAC の権限はそのアカウントのものになります。既存の Pod では変更できません。',
  'Deprecated alias of serviceAccountName.': 'serviceAccountName の非推奨の別名です。',
  "false: no API token is mounted into the containers. Overrides the ServiceAccount's automountServiceAccountToken; pods that never call the API should carry no token.":
    'false: コンテナに API トークンをマウントしません。ServiceAccount の automountServiceAccountToken より優先されます。API を呼ばない Pod にはトークンを持たせないようにします。',
  "false: pods running as this account get no API token mounted, unless the pod sets its own automountServiceAccountToken (the pod's setting wins). Set it on accounts whose pods never call the API, such as default.":
    'false: このアカウントで動く Pod には API トークンをマウントしません。ただし Pod 自身が automountServiceAccountToken を指定した場合はそちらが優先されます。default のように、Pod が API を呼ばないアカウントに設定します。',
  "Legacy: Secrets the account's pods may use. Since v1.24 no token Secret is made for an account: pods get short-lived tokens, and `kubectl create token` makes one by hand. This list grants no permissions.":
    'レガシー: このアカウントの Pod が使える Secret です。v1.24 以降、アカウント用のトークン Secret は作られません。Pod は短期間有効なトークンを受け取り、手動なら `kubectl create token` で発行します。この一覧は権限を何も与えません。',
  'A reference to a Secret, usually by name alone.': 'Secret への参照です。ふつうは名前だけを書きます。',
  "The name of a Secret in the account's namespace.": 'アカウントと同じ namespace にある Secret の名前です。',
  'Registry credentials (docker-registry Secrets) added to every pod of this account, to pull images from private registries.':
    'このアカウントのすべての Pod に追加されるレジストリの認証情報 (docker-registry 型の Secret) です。プライベートレジストリからイメージを取得するのに使います。',
  'The pods the workload creates: their labels and spec (and so the ServiceAccount they run as).':
    'ワークロードが作成する Pod です。そのラベルと spec (つまり Pod が使う ServiceAccount) を指定します。',
  "The pods' labels: the workload's selector and policies select the pods by them.":
    'Pod のラベルです。ワークロードのセレクターやポリシーは、これで Pod を選択します。',
  'Which pods belong to the workload; it must match template.metadata.labels.':
    'どの Pod がこのワークロードに属するかを示します。template.metadata.labels に一致する必要があります。',
  'The Job each run creates.': '実行のたびに作成される Job です。',
  // RBAC.
  "One rule: verbs allowed on the resources of the API groups named, in the Role's namespace. A request is allowed when any rule of any bound role matches it: rules only add permissions, nothing denies.":
    'ルール 1 つ分です。指定した API グループのリソースに対して許可する動詞を、Role の namespace の中で定めます。バインドされたいずれかのロールのいずれかのルールに一致すればリクエストは許可されます。ルールは権限を追加するだけで、拒否するものはありません。',
  'One rule: verbs allowed on the resources of the API groups named, or on non-resource URLs. A request is allowed when any rule of any bound role matches it: rules only add permissions, nothing denies.':
    'ルール 1 つ分です。指定した API グループのリソース、または非リソース URL に対して許可する動詞を定めます。バインドされたいずれかのロールのいずれかのルールに一致すればリクエストは許可されます。ルールは権限を追加するだけで、拒否するものはありません。',
  "The verbs allowed: get, list, watch, create, update, patch, delete, deletecollection, and special ones such as bind, escalate, impersonate. `*` is every verb, including ones added later. list and watch return whole objects (a Secret's data too), not just names.":
    '許可する動詞です: get、list、watch、create、update、patch、delete、deletecollection、および bind、escalate、impersonate などの特別な動詞。`*` は後から追加されるものも含むすべての動詞です。list と watch は名前だけでなくオブジェクト全体 (Secret ならその data も) を返します。',
  'The API groups of the resources. "" is the core group (pods, secrets, services, configmaps, serviceaccounts, nodes); apps holds deployments, batch holds jobs. `*` is every group. Required for resource rules.':
    'リソースの API グループです。"" はコアグループ (pods、secrets、services、configmaps、serviceaccounts、nodes) です。deployments は apps、jobs は batch にあります。`*` はすべてのグループです。リソースのルールでは必須です。',
  'Resources by their plural, lower-case name. A subresource is written resource/subresource (pods/exec, pods/log, serviceaccounts/token) and is not included in the resource: `pods` does not allow exec. `*` is every resource, `*/scale` every scale subresource.':
    '小文字・複数形の名前で指定するリソースです。サブリソースは resource/subresource と書き (pods/exec、pods/log、serviceaccounts/token)、元のリソースには含まれません: `pods` では exec は許可されません。`*` はすべてのリソース、`*/scale` はすべての scale サブリソースです。',
  'Object names the rule is limited to; absent: every object. It cannot limit create or deletecollection (there is no name to check), and it limits list and watch only to requests for one name (fieldSelector metadata.name).':
    'ルールの対象を限定するオブジェクト名です。省略するとすべてのオブジェクトです。create と deletecollection は限定できず (照合する名前がないため)、list と watch は 1 つの名前を指定したリクエスト (fieldSelector metadata.name) だけに限定されます。',
  'Paths that are not resources, such as /healthz or /metrics (a trailing * matches a prefix). ClusterRoles only, and granted only by a ClusterRoleBinding. A rule has either these or apiGroups and resources.':
    '/healthz や /metrics のような、リソースではないパスです (末尾の * は前方一致)。ClusterRole でだけ使え、ClusterRoleBinding でだけ付与されます。1 つのルールには、これか apiGroups と resources のどちらか一方だけを書きます。',
  'What the Role allows, in its own namespace only (never cluster-scoped resources such as nodes).':
    'Role が許可する内容です。Role 自身の namespace の中だけで有効です (nodes のようなクラスタスコープのリソースは対象になりません)。',
  "What the ClusterRole allows. Bound by a ClusterRoleBinding: everywhere; by a RoleBinding: in that binding's namespace only.":
    'ClusterRole が許可する内容です。ClusterRoleBinding でバインドするとクラスタ全体で、RoleBinding でバインドするとそのバインディングの namespace の中だけで有効です。',
  'Makes this an aggregated ClusterRole: the controller sets its rules to the union of the rules of every ClusterRole a selector matches, overwriting rules written here. admin, edit and view are built this way (labels such as rbac.authorization.k8s.io/aggregate-to-edit: "true").':
    'この ClusterRole を集約 ClusterRole にします。コントローラーが、セレクターに一致するすべての ClusterRole のルールを合わせたものでルールを置き換えます (ここに書いたルールは上書きされます)。admin、edit、view はこの仕組みで作られています (rbac.authorization.k8s.io/aggregate-to-edit: "true" などのラベル)。',
  'Label selectors over ClusterRoles: a ClusterRole matching any of them adds its rules. At least one.':
    'ClusterRole に対するラベルセレクターです。いずれかに一致した ClusterRole のルールが追加されます。1 つ以上必要です。',
  'Selects ClusterRoles by their labels.': 'ラベルで ClusterRole を選択します。',
  "The role this binding grants: a Role of the binding's namespace, or a ClusterRole whose rules are then granted only in this namespace. It cannot be changed: delete and re-create the binding instead.":
    'このバインディングが付与するロールです。バインディングと同じ namespace の Role か、ClusterRole を指定します。ClusterRole の場合、そのルールはこの namespace の中だけで付与されます。変更はできないので、バインディングを削除して作り直します。',
  'The ClusterRole this binding grants, in every namespace and cluster-wide. It cannot be changed: delete and re-create the binding instead.':
    'このバインディングが、すべての namespace とクラスタ全体で付与する ClusterRole です。変更はできないので、バインディングを削除して作り直します。',
  'Always rbac.authorization.k8s.io (the default when left out).': '常に rbac.authorization.k8s.io です (省略するとこの値になります)。',
  'Role (of this namespace) or ClusterRole (granted here only, as a reusable set of rules).':
    'Role (この namespace のもの) または ClusterRole (再利用できるルールの集まりとして、ここでだけ付与されます) です。',
  'ClusterRole: a ClusterRoleBinding cannot name a Role.': 'ClusterRole です。ClusterRoleBinding は Role を指定できません。',
  "The role's name. A role that does not exist is not an error: the binding grants nothing until it does.":
    'ロールの名前です。存在しないロールを指定してもエラーにはならず、ロールができるまでバインディングは何も付与しません。',
  'Someone the role is granted to.': 'ロールを付与する相手です。',
  "User and Group are names the authenticator reports (a client certificate's CN and O, a token's claims); Kubernetes stores neither. ServiceAccount is an account of a namespace, what pods run as.":
    'User と Group は認証の仕組みが報告する名前 (クライアント証明書の CN と O、トークンのクレーム) で、Kubernetes はどちらも保存しません。ServiceAccount は namespace に属するアカウントで、Pod はこれで動きます。',
  'The user, group or ServiceAccount name. Groups include system:serviceaccounts:<namespace> (every ServiceAccount of a namespace), system:authenticated (every signed-in user) and system:unauthenticated (anonymous requests).':
    'ユーザー、グループ、ServiceAccount の名前です。グループには system:serviceaccounts:<namespace> (その namespace のすべての ServiceAccount)、system:authenticated (認証済みのすべてのユーザー)、system:unauthenticated (匿名のリクエスト) もあります。',
  "ServiceAccount subjects only: the account's namespace; left out, the RoleBinding's own. An account of another namespace can be named: it gets the rights in this namespace.":
    'ServiceAccount の場合だけ: アカウントの namespace です。省略すると RoleBinding 自身の namespace です。別の namespace のアカウントも指定でき、そのアカウントはこの namespace での権限を得ます。',
  "ServiceAccount subjects only, and required in a ClusterRoleBinding: the account's namespace.":
    'ServiceAccount の場合だけで、ClusterRoleBinding では必須です: アカウントの namespace です。',
  'rbac.authorization.k8s.io for User and Group (filled in when empty or left out); "" or left out for ServiceAccount.':
    'User と Group では rbac.authorization.k8s.io です (空または省略なら補われます)。ServiceAccount では "" にするか省略します。',
  'Who gets the role, in this namespace only. Absent or empty: nobody.': 'ロールを得る相手です。この namespace の中だけで有効です。省略または空: 誰にも付与しません。',
  'Who gets the ClusterRole, in every namespace and cluster-wide. Absent or empty: nobody.':
    'ClusterRole を得る相手です。すべての namespace とクラスタ全体で有効です。省略または空: 誰にも付与しません。',
};
