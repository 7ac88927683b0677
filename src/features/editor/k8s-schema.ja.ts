// Japanese hover docs for the editor schema, keyed by the English text they replace.
export const SCHEMA_JA: Readonly<Record<string, string>> = {
  'networking.k8s.io/v1 for NetworkPolicy, v1 for Pod and Namespace, cks-lab/v1 for ExternalEndpoint.':
    'NetworkPolicy は networking.k8s.io/v1、Pod と Namespace は v1、ExternalEndpoint は cks-lab/v1 です。',
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
  "Run in the node's network namespace. Such a pod acts as its node: policies never isolate or select it.":
    'ノードのネットワーク namespace で動かします。このような Pod はノードとして扱われ、ポリシーに隔離も選択もされません。',
  "The pod's IP address; ipBlock peers match it.": 'Pod の IP アドレスです。ipBlock の相手はこれに一致します。',
  'Something outside the cluster (cks-lab only): the internet, a database VM.': 'クラスタの外部にあるもの (cks-lab 独自): インターネット、データベースの VM など。',
  'Its IPv4 or IPv6 address; ipBlock peers match it.': 'その IPv4 または IPv6 アドレスです。ipBlock の相手はこれに一致します。',
};
