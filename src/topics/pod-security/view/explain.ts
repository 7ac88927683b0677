// Explanations as data for the Pod Security views and the CLI: what each upstream check forbids and how to fix
// it (en and ja), and an object's verdict broken down by mode, each failed check with the lines at fault.
import type { Localized } from '../../../core/index';
import type { SourceLocation } from '../../../kube/index';
import { levelVersionString } from '../levels';
import type { AdmissionVerdict } from '../admission';
import { locateField, type PsaObject } from '../build';
import type { PodSecurityResult } from '../evaluate';

/** What a check is about, in a sentence a learner can act on. */
export const CHECK_DOCS: Readonly<Record<string, Localized>> = {
  allowPrivilegeEscalation: { en: 'Every container must set securityContext.allowPrivilegeEscalation: false (no setuid gains).', ja: 'すべてのコンテナで securityContext.allowPrivilegeEscalation: false を設定します（setuid などによる権限昇格を防ぐ）。' },
  appArmorProfile: { en: 'AppArmor may be RuntimeDefault or Localhost, never Unconfined.', ja: 'AppArmor プロファイルは RuntimeDefault か Localhost に限られ、Unconfined は使えません。' },
  capabilities_baseline: { en: 'Containers may add only the runtime\'s default capabilities (not NET_RAW, SYS_ADMIN, NET_ADMIN, ...).', ja: '追加できる capability はランタイムのデフォルト集合のみです（NET_RAW、SYS_ADMIN、NET_ADMIN などは不可）。' },
  capabilities_restricted: { en: 'Containers must drop ALL capabilities and may add back only NET_BIND_SERVICE.', ja: 'コンテナは capability を ALL で drop し、追加できるのは NET_BIND_SERVICE だけです。' },
  hostNamespaces: { en: 'hostNetwork, hostPID and hostIPC must be unset or false.', ja: 'hostNetwork、hostPID、hostIPC は未設定か false にします。' },
  hostPathVolumes: { en: 'hostPath volumes are forbidden: they expose the node\'s files.', ja: 'hostPath ボリュームは禁止です（ノードのファイルが見えてしまう）。' },
  hostPorts: { en: 'Container ports must not use hostPort (a Pod with hostNetwork uses every container port as a host port).', ja: 'コンテナのポートで hostPort は使えません（hostNetwork の Pod ではすべての containerPort が hostPort になります）。' },
  hostProbesAndHostLifecycle: { en: 'Probes and lifecycle handlers must not set host (it could reach other hosts from the kubelet).', ja: 'プローブとライフサイクルハンドラーに host を設定できません（kubelet から他のホストへ通信できてしまう）。' },
  privileged: { en: 'Containers must not be privileged.', ja: 'privileged なコンテナは禁止です。' },
  procMount: { en: 'procMount must be Default (Unmasked exposes /proc); from v1.35 a pod with hostUsers: false may unmask at baseline.', ja: 'procMount は Default にします（Unmasked は /proc を露出します）。v1.35 以降の baseline では hostUsers: false の Pod は例外です。' },
  procMount_restricted: { en: 'procMount must be Default, with or without user namespaces.', ja: 'ユーザー名前空間の有無にかかわらず procMount は Default にします。' },
  restrictedVolumes: { en: 'Volumes may only be configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected or secret.', ja: 'ボリュームは configMap、csi、downwardAPI、emptyDir、ephemeral、image、persistentVolumeClaim、projected、secret に限られます。' },
  runAsNonRoot: { en: 'The pod or every container must set securityContext.runAsNonRoot: true (and none may set it false).', ja: 'Pod かすべてのコンテナで securityContext.runAsNonRoot: true を設定します（false はどこにも書けません）。' },
  runAsUser: { en: 'runAsUser must not be 0 (root), on the pod or any container.', ja: 'Pod でもコンテナでも runAsUser に 0（root）は使えません。' },
  seLinuxOptions: { en: 'SELinux type must be empty or a container_* type; user and role must not be set.', ja: 'SELinux の type は空か container_* の型に限られ、user と role は設定できません。' },
  seccompProfile_baseline: { en: 'A seccomp profile, if set, must be RuntimeDefault or Localhost (not Unconfined).', ja: 'seccomp プロファイルを設定するなら RuntimeDefault か Localhost にします（Unconfined は不可）。' },
  seccompProfile_restricted: { en: 'The pod or every container must set seccompProfile.type RuntimeDefault or Localhost.', ja: 'Pod かすべてのコンテナで seccompProfile.type に RuntimeDefault か Localhost を設定します。' },
  sysctls: { en: 'Only the safe, namespaced sysctls are allowed (the list grows with the version).', ja: '許可される sysctl は安全で名前空間化されたものだけです（一覧はバージョンとともに増えます）。' },
  windowsHostProcess: { en: 'Windows HostProcess containers are forbidden.', ja: 'Windows の HostProcess コンテナは禁止です。' },
};

export type VerdictKind = 'admitted' | 'warned' | 'rejected' | 'exempt';

/** The colour of an object: rejected (enforce), warned (admitted with warnings), admitted, or exempt. */
export function verdictKind(v: AdmissionVerdict): VerdictKind {
  if (v.exempt) return 'exempt';
  if (!v.allowed) return 'rejected';
  return v.warnings.length > 0 ? 'warned' : 'admitted';
}

export interface FailedCheck {
  check: string;
  reason: string;
  detail: string;
  doc: Localized;
  /** Where the learner should look (deduplicated, in order). */
  faults: readonly SourceLocation[];
}

export interface ModeExplanation {
  mode: 'enforce' | 'warn' | 'audit';
  /** `baseline:latest` */
  policy: string;
  failed: readonly FailedCheck[];
  /** The mode judged the object (enforce judges Pods only; warn is skipped after a rejection). */
  evaluated: boolean;
}

export interface ObjectExplanation {
  object: PsaObject;
  kind: VerdictKind;
  verdict: AdmissionVerdict;
  modes: readonly ModeExplanation[];
}

export function explainObject(result: PodSecurityResult, obj: PsaObject): ObjectExplanation {
  const v = result.verdicts.get(obj)!;
  const explainMode = (mode: 'enforce' | 'warn' | 'audit'): ModeExplanation => {
    const m = v[mode];
    const policy = levelVersionString(v.policy[mode]);
    if (!m) return { mode, policy, failed: [], evaluated: false };
    return {
      mode,
      policy,
      evaluated: true,
      failed: m.failed.map((f) => {
        const seen = new Set<string>();
        const faults = f.faults
          .map((path) => locateField(obj, path))
          .filter((l) => {
            const key = `${l.file}:${l.line}:${l.col}`;
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
          });
        return { check: f.check, reason: f.reason, detail: f.detail, doc: CHECK_DOCS[f.check] ?? { en: f.reason, ja: f.reason }, faults };
      }),
    };
  };
  return { object: obj, kind: verdictKind(v), verdict: v, modes: [explainMode('enforce'), explainMode('warn'), explainMode('audit')] };
}
