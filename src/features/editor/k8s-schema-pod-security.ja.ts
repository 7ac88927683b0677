// Japanese hover docs for the Pod Security parts of the editor schema, keyed by the English text they replace.
export const POD_SECURITY_SCHEMA_JA: Readonly<Record<string, string>> = {
  "RuntimeDefault: the container runtime's default profile. Localhost: a profile file on the node (set localhostProfile). Unconfined: no profile (forbidden at baseline).":
    'RuntimeDefault: コンテナランタイムのデフォルトプロファイル。Localhost: ノード上のプロファイルファイル（localhostProfile を指定）。Unconfined: プロファイルなし（baseline で禁止）。',
  "With type Localhost: the profile's name or path on the node.": 'type が Localhost のとき: ノード上のプロファイルの名前またはパスです。',
  'SELinux labels. baseline allows only the type (empty or a container_* type) and forbids user and role.':
    'SELinux のラベルです。baseline では type（空か container_* の型）だけを許可し、user と role は禁止します。',
  'SELinux user: forbidden at baseline.': 'SELinux の user: baseline で禁止です。',
  'SELinux role: forbidden at baseline.': 'SELinux の role: baseline で禁止です。',
  'SELinux type: baseline allows container_t, container_init_t, container_kvm_t and (from v1.31) container_engine_t.':
    'SELinux の type: baseline は container_t、container_init_t、container_kvm_t と（v1.31 以降）container_engine_t を許可します。',
  'SELinux level (MCS), such as s0:c123,c456.': 'SELinux の level（MCS）です。例: s0:c123,c456。',
  'Windows-only options.': 'Windows 専用のオプションです。',
  'A Windows HostProcess container: forbidden at baseline.': 'Windows の HostProcess コンテナ: baseline で禁止です。',
  'The Windows user the process runs as.': 'プロセスを実行する Windows ユーザーです。',
  'The GMSA credential spec to use.': '使用する GMSA 資格情報仕様です。',
  'The GMSA credential spec, inline.': 'GMSA 資格情報仕様（インライン）です。',
  "How this container runs. A field set here wins over the same field of the pod's securityContext.":
    'このコンテナの実行方法です。ここで設定したフィールドは、Pod の securityContext の同じフィールドより優先されます。',
  'true: the kubelet refuses to start the container if it would run as UID 0 (CreateContainerConfigError). restricted requires true here or on the pod.':
    'true: UID 0 で実行されることになるコンテナを kubelet は起動しません（CreateContainerConfigError）。restricted ではここか Pod で true が必要です。',
  'false sets no_new_privs: setuid binaries cannot gain privileges. restricted requires false on every container.':
    'false にすると no_new_privs が設定され、setuid バイナリで権限を得られなくなります。restricted ではすべてのコンテナで false が必要です。',
  "Runs with every capability and the host's devices: nearly root on the node. Forbidden at baseline.":
    'すべての capability とホストのデバイスを持って動きます。ノード上の root とほぼ同じです。baseline で禁止です。',
  "Mounts the image's filesystem read-only; write to volumes (an emptyDir for /tmp) instead.":
    'イメージのファイルシステムを読み取り専用でマウントします。書き込みはボリューム（/tmp には emptyDir）に行います。',
  'Unmasked exposes /proc paths the runtime hides: forbidden at baseline (v1.35+: allowed for hostUsers: false pods) and restricted.':
    'Unmasked はランタイムが隠す /proc のパスを露出します。baseline（v1.35 以降は hostUsers: false の Pod を除く）と restricted で禁止です。',
  "Linux capabilities to add to or drop from the runtime's default set.": 'ランタイムのデフォルト集合に追加、または削除する Linux capability です。',
  'Capabilities to add. baseline allows only the default set (not NET_RAW, SYS_ADMIN, ...); restricted only NET_BIND_SERVICE.':
    '追加する capability です。baseline はデフォルト集合のみ（NET_RAW、SYS_ADMIN などは不可）、restricted は NET_BIND_SERVICE のみ許可します。',
  'Capabilities to drop. restricted requires ALL.': '削除する capability です。restricted では ALL が必要です。',
  "Security settings for every container of the pod; a container's own securityContext wins field by field.":
    'Pod のすべてのコンテナに対するセキュリティ設定です。コンテナ自身の securityContext がフィールドごとに優先されます。',
  'true: the kubelet refuses to start a container that would run as UID 0. restricted requires true here or on every container.':
    'true: UID 0 で実行されることになるコンテナを kubelet は起動しません。restricted ではここかすべてのコンテナで true が必要です。',
  'When the kubelet changes volume ownership to fsGroup.': 'kubelet がボリュームの所有者を fsGroup に変更するタイミングです。',
  'More supplementary group IDs of every container.': 'すべてのコンテナに追加する補助グループ ID です。',
  'Merge: also the groups /etc/group in the image gives the user. Strict: only these.':
    'Merge: イメージの /etc/group がユーザーに与えるグループも加えます。Strict: ここに書いたものだけです。',
  'Kernel parameters for the pod. baseline allows only the safe, namespaced ones (such as net.ipv4.ip_unprivileged_port_start).':
    'Pod のカーネルパラメーターです。baseline は安全で名前空間化されたもの（net.ipv4.ip_unprivileged_port_start など）だけを許可します。',
  'The sysctl name.': 'sysctl の名前です。',
  'The sysctl value.': 'sysctl の値です。',
  'How volumes get their SELinux label.': 'ボリュームに SELinux ラベルを付ける方法です。',
  "Share the node's process namespace: the pod sees every process on the node. Forbidden at baseline.":
    'ノードのプロセス名前空間を共有します。Pod からノードのすべてのプロセスが見えます。baseline で禁止です。',
  "Share the node's IPC namespace. Forbidden at baseline.": 'ノードの IPC 名前空間を共有します。baseline で禁止です。',
  'false: run in a user namespace (root in the container is not root on the node). From v1.35 Pod Security relaxes runAsNonRoot, runAsUser and (baseline) procMount for such pods.':
    'false: ユーザー名前空間で実行します（コンテナ内の root はノードの root ではありません）。v1.35 以降、Pod Security はこの Pod について runAsNonRoot、runAsUser、（baseline の）procMount を緩和します。',
  "The pod's operating system.": 'Pod のオペレーティングシステムです。',
  'linux or windows; restricted skips the Linux-only checks for windows pods (v1.25+).': 'linux または windows です。restricted は windows の Pod では Linux 専用のチェックを省きます（v1.25 以降）。',
  'The RuntimeClass (sandbox such as gVisor or Kata) the pod runs with. A PodSecurityConfiguration may exempt runtime classes.':
    'Pod を実行する RuntimeClass（gVisor や Kata などのサンドボックス）です。PodSecurityConfiguration で RuntimeClass を適用除外にできます。',
  'Volumes the containers can mount. restricted allows only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret.':
    'コンテナがマウントできるボリュームです。restricted では configMap、csi、downwardAPI、emptyDir、ephemeral、image、persistentVolumeClaim、projected、secret だけが使えます。',
  'The volume name that volumeMounts refer to.': 'volumeMounts が参照するボリューム名です。',
  "An empty directory for the pod's lifetime: the writable place for a read-only root filesystem. A volume with no source is an emptyDir.":
    'Pod の存続期間中だけの空ディレクトリです。読み取り専用のルートファイルシステムでの書き込み先になります。ソースのないボリュームは emptyDir です。',
  'A file or directory of the node: forbidden at baseline.': 'ノードのファイルまたはディレクトリです。baseline で禁止です。',
  'The path on the node.': 'ノード上のパスです。',
  'What must exist there (Directory, File, ...).': 'そこに存在すべきもの（Directory、File など）です。',
  'Files from a ConfigMap.': 'ConfigMap のファイルです。',
  'Files from a Secret.': 'Secret のファイルです。',
  'A PersistentVolumeClaim.': 'PersistentVolumeClaim です。',
  'Several sources (tokens, ConfigMaps, Secrets) in one directory.': '複数のソース（トークン、ConfigMap、Secret）を 1 つのディレクトリにまとめます。',
  "The pod's own fields as files.": 'Pod 自身のフィールドをファイルとして提供します。',
  'The container name, unique in the pod; Pod Security messages name containers by it.': 'Pod 内で一意なコンテナ名です。Pod Security のメッセージはこの名前でコンテナを示します。',
  'The image. Its USER decides the user when runAsUser is unset (nginx, busybox, ubuntu run as root).':
    'イメージです。runAsUser が未設定なら、イメージの USER が実行ユーザーを決めます（nginx、busybox、ubuntu は root で動きます）。',
  'A port on the node forwarded to the container: forbidden at baseline. A Pod with hostNetwork uses every containerPort as a hostPort.':
    'コンテナに転送されるノードのポートです。baseline で禁止です。hostNetwork の Pod ではすべての containerPort が hostPort になります。',
  'The volume to mount.': 'マウントするボリュームです。',
  'Where in the container.': 'コンテナ内のマウント先です。',
  'Mount read-only.': '読み取り専用でマウントします。',
  "The pod's containers.": 'Pod のコンテナです。',
  'Containers that run to completion before the others start; Pod Security checks them too.': 'ほかのコンテナより先に完了まで実行されるコンテナです。Pod Security はこれも検査します。',
  'Debugging containers (kubectl debug); Pod Security checks them too.': 'デバッグ用のコンテナ（kubectl debug）です。Pod Security はこれも検査します。',
  'Pods that violate this level are refused (privileged, baseline or restricted). Workloads are not refused.':
    'このレベルに違反する Pod は拒否されます（privileged、baseline、restricted）。ワークロードは拒否されません。',
  "The version of the level's checks to enforce: latest (default) or v1.N, to pin the rules when the cluster is upgraded.":
    '強制するチェックのバージョンです。latest（デフォルト）または v1.N で、クラスタをアップグレードしてもルールを固定できます。',
  'Pods and workloads that violate this level are admitted with a warning that kubectl prints.': 'このレベルに違反する Pod とワークロードは受け入れられ、kubectl が警告を表示します。',
  "The version of the warn level's checks: latest or v1.N.": 'warn レベルのチェックのバージョンです。latest または v1.N です。',
  'Violations of this level are recorded in the audit log (the request is admitted).': 'このレベルへの違反は監査ログに記録されます（リクエストは受け入れられます）。',
  "The version of the audit level's checks: latest or v1.N.": 'audit レベルのチェックのバージョンです。latest または v1.N です。',
  'The seccomp profile (system calls the process may make). restricted requires RuntimeDefault or Localhost on the pod or every container.':
    'seccomp プロファイル（プロセスが呼べるシステムコール）です。restricted では Pod かすべてのコンテナで RuntimeDefault か Localhost が必要です。',
  "The AppArmor profile. baseline forbids Unconfined; unset means the runtime's default on nodes with AppArmor.":
    'AppArmor プロファイルです。baseline は Unconfined を禁止します。未設定なら AppArmor のあるノードではランタイムのデフォルトです。',
  "The user ID the process runs as (wins over the pod's). Unset: the pod's, else the image's USER. restricted forbids 0.":
    'プロセスを実行するユーザー ID です（Pod の値より優先）。未設定なら Pod の値、それもなければイメージの USER です。restricted は 0 を禁止します。',
  "The primary group ID (wins over the pod's). Unset with runAsUser set: 0 (root).": 'プライマリグループ ID です（Pod の値より優先）。runAsUser だけ設定すると 0（root）です。',
  'The user ID every container runs as, unless a container sets its own. restricted forbids 0.': 'コンテナが自分で設定しない限り、すべてのコンテナを実行するユーザー ID です。restricted は 0 を禁止します。',
  'The primary group ID of every container, unless a container sets its own.': 'コンテナが自分で設定しない限り、すべてのコンテナのプライマリグループ ID です。',
  'A supplementary group of every container; volumes that support it are owned by this group.': 'すべてのコンテナの補助グループです。対応するボリュームはこのグループの所有になります。',
  "Key/value labels. The pod-security.kubernetes.io labels choose the Pod Security level for the namespace's pods.":
    'キーと値のラベルです。pod-security.kubernetes.io のラベルで、この namespace の Pod に適用する Pod Security レベルを選びます。',
  "Run in the node's network namespace. Such a pod acts as its node: policies never isolate or select it. Forbidden at baseline.":
    'ノードのネットワーク名前空間で実行します。このような Pod はノードとして振る舞い、ポリシーで隔離も選択もされません。baseline で禁止です。',
};
