// "Why?" for Pod Security: a chosen pod or workload shows what `kubectl apply` would print, each mode's verdict
// with every failed check (upstream reason and detail, what the check is about, links to the lines at fault), and
// the securityContext each container runs with (value and where it came from, what `id` prints, the kubelet's
// refusal). A chosen namespace shows its levels and what `kubectl label` printed when it was relabelled.
import { useMemo } from 'react';
import { useLab, EDITOR_FILE } from '../../store/lab-store';
import { selectLang, selectSelectedItem, selectStale } from '../../store/selectors';
import { useStrings } from '../i18n/useStrings';
import { applyLines, explainObject, namespaceNodeId, objectNodeId, type EffectiveContext, type NamespaceOutcome } from '../../topics/pod-security/index';
import type { SourceLocation } from '../../kube/index';
import type { Language } from '../../core/index';
import { usePodSecurityView } from './usePodSecurityView';

function FaultLinks({ faults }: { faults: readonly SourceLocation[] }) {
  const t = useStrings();
  // One link per line: `add: [NET_ADMIN, SYS_TIME]` is two faults on one line.
  const lines = faults.filter((l, i) => faults.findIndex((m) => m.file === l.file && m.line === l.line) === i);
  return (
    <>
      {lines.map((l) =>
        l.file === EDITOR_FILE ? (
          <button key={`${l.line}`} type="button" className="linklike policy-link psa-line" onClick={() => useLab.getState().revealLine(l.line, l.col)}>
            {t.psaGoToLine(l.line)}
          </button>
        ) : (
          <span key={`${l.file}:${l.line}:${l.col}`} className="muted">
            {' '}
            {l.file}:{l.line}
          </span>
        ),
      )}
    </>
  );
}

function ContainerTable({ contexts, lang }: { contexts: readonly EffectiveContext[]; lang: Language }) {
  const t = useStrings();
  const show = (v: unknown): string => (v === null ? '—' : Array.isArray(v) ? (v.length === 0 ? '[]' : v.join(', ')) : String(v));
  return (
    <div className="psa-containers" data-testid="psa-containers">
      <h3>{t.psaContainers}</h3>
      {contexts.map((e) => {
        const rows: [string, unknown, string][] = [
          ['runAsUser', e.runAsUser.value ?? (e.imageUserName ? e.imageUserName : t.psaUnknownImageUser), e.runAsUser.source],
          ['runAsGroup', e.runAsGroup.value, e.runAsGroup.source],
          ['runAsNonRoot', e.runAsNonRoot.value, e.runAsNonRoot.source],
          ['fsGroup', e.fsGroup.value, e.fsGroup.source],
          ['supplementalGroups', e.supplementalGroups.value, e.supplementalGroups.source],
          ['allowPrivilegeEscalation', e.allowPrivilegeEscalation.value, e.allowPrivilegeEscalation.source],
          ['privileged', e.privileged.value, e.privileged.source],
          ['capabilities', e.capabilities.value, e.capabilities.source],
          ['readOnlyRootFilesystem', e.readOnlyRootFilesystem.value, e.readOnlyRootFilesystem.source],
          ['seccompProfile', e.seccompProfile.value, e.seccompProfile.source],
          ['appArmorProfile', e.appArmorProfile.value, e.appArmorProfile.source],
          ['seLinuxOptions', e.seLinuxOptions.value, e.seLinuxOptions.source],
          ['procMount', e.procMount.value, e.procMount.source],
        ];
        const group = e.container.group === 'containers' ? '' : ` (${e.container.group})`;
        return (
          <div key={`${e.container.group}/${e.container.name}`} className="psa-container" data-container={e.container.name}>
            <h4>
              {e.container.name}
              <span className="muted">
                {group} · {e.container.image}
              </span>
            </h4>
            {e.startError && (
              <p className="psa-start-error" role="note">
                ✗ {t.psaStartError} <code>{e.startError}</code>
              </p>
            )}
            {e.startUnknown && <p className="muted">{t.psaStartUnknown}</p>}
            <table className="psa-sc">
              <thead>
                <tr>
                  <th scope="col">{t.psaField}</th>
                  <th scope="col">{t.psaValue}</th>
                  <th scope="col">{t.psaFrom}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(([field, value, source]) => (
                  <tr key={field} data-field={field}>
                    <th scope="row">
                      <code>{field}</code>
                    </th>
                    <td>{show(value)}</td>
                    <td className={`psa-source psa-source-${source}`}>{t.psaSource[source as keyof typeof t.psaSource]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {e.id && (
              <p data-testid="psa-id">
                {t.psaIdPrints}: <code>{e.id}</code> <span className="muted">{lang === 'ja' ? t.psaIdNote : t.psaIdNote}</span>
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}

function NamespaceDetails({ outcome }: { outcome: NamespaceOutcome }) {
  const t = useStrings();
  const p = outcome.policy;
  return (
    <div>
      <ul className="psa-modes">
        {(['enforce', 'warn', 'audit'] as const).map((m) => (
          <li key={m}>
            <strong>{t.psaMode[m]}</strong> {p[m].level}:{p[m].version.latest ? 'latest' : `v${p[m].version.major}.${p[m].version.digits ?? p[m].version.minor}`}
          </li>
        ))}
      </ul>
      {outcome.verdict && !outcome.verdict.allowed && (
        <p className="psa-start-error">
          {t.psaNamespaceInvalid} <code>{outcome.verdict.message}</code>
        </p>
      )}
      <RelabelWarnings outcome={outcome} />
    </div>
  );
}

function RelabelWarnings({ outcome }: { outcome: NamespaceOutcome }) {
  const t = useStrings();
  const v = outcome.verdict;
  if (!outcome.namespace.previous || !v || !v.allowed || v.warnings.length === 0) return null;
  return (
    <div className="psa-relabel" data-testid="psa-relabel">
      <p>{t.psaRelabel(outcome.namespace.name)}:</p>
      <pre>{[...v.warnings.map((w) => `Warning: ${w}`), `namespace/${outcome.namespace.name} labeled`].join('\n')}</pre>
    </div>
  );
}

export function PodSecurityExplain({ quiet = false }: { quiet?: boolean }) {
  const t = useStrings();
  const lang = useLab(selectLang);
  const selected = useLab(selectSelectedItem);
  const stale = useLab(selectStale);
  const view = usePodSecurityView();

  const content = useMemo(() => {
    if (!view || !selected) return null;
    const { result } = view;
    const obj = result.model.objects.find((o) => objectNodeId(o) === selected);
    if (obj) {
      // A pod already there when its namespace was relabelled keeps running: kubectl label only warned.
      const ns = result.namespaces.get(obj.namespace);
      const existing = obj.isPod && !!ns?.namespace.previous && obj.order < ns.namespace.order && !result.verdicts.get(obj)!.allowed;
      const explanation = explainObject(result, obj);
      // The lesson expects another verdict (the amber halo in the graph): say which.
      const want = view.expected.get(selected);
      const expected = want && want !== explanation.kind && !(want === 'allowed' && explanation.kind !== 'rejected') ? want : null;
      return { kind: 'object' as const, obj, existing, expected, explanation, lines: applyLines(obj, result.verdicts.get(obj)!), contexts: result.contexts(obj) };
    }
    const ns = [...result.namespaces.values()].find((n) => namespaceNodeId(n.namespace.name) === selected);
    if (ns) return { kind: 'namespace' as const, ns };
    return null;
  }, [view, selected]);

  if (quiet && !content) return null;
  const relabelled = view ? [...view.result.namespaces.values()].filter((n) => n.namespace.previous && n.verdict?.warnings.length) : [];
  return (
    <aside className={`explain-panel psa-explain${content ? ' has-content' : ''}${stale ? ' is-stale' : ''}`} aria-label={t.explanation} aria-live="polite" data-testid="psa-explain">
      {!content && (
        <>
          <p className="muted">{t.psaExplainEmpty}</p>
          {relabelled.map((n) => (
            <RelabelWarnings key={n.namespace.name} outcome={n} />
          ))}
        </>
      )}
      {content?.kind === 'namespace' && (
        <>
          <h2>namespace {content.ns.namespace.name}</h2>
          <NamespaceDetails outcome={content.ns} />
        </>
      )}
      {content?.kind === 'object' && (
        <>
          <h2>
            {content.obj.kind} {content.obj.namespace}/{content.obj.name}: <span className={`psa-verdict psa-${content.explanation.kind}`}>{t.psaVerdict[content.explanation.kind]}</span>
          </h2>
          {content.expected && (
            <p className="explain-expected" data-testid="psa-expected">
              ⚠ {t.psaExpected(t.psaVerdict[content.expected as keyof typeof t.psaVerdict] ?? content.expected)}
            </p>
          )}
          {content.existing && (
            <p className="psa-existing" data-testid="psa-existing">
              {t.psaExisting(content.obj.namespace)}
            </p>
          )}
          {content.explanation.verdict.exempt ? (
            <p>{t.psaExempt(content.explanation.verdict.exempt)}</p>
          ) : (
            <>
              <ul className="psa-modes">
                {content.explanation.modes.map((m) => (
                  <li key={m.mode} data-mode={m.mode}>
                    <strong>{t.psaMode[m.mode]}</strong> {m.policy}:{' '}
                    {!m.evaluated ? (
                      <span className="muted">{m.policy.startsWith('privileged') ? t.psaPrivileged : t.psaModeSkipped[m.mode]}</span>
                    ) : m.failed.length === 0 ? (
                      <span className="psa-pass">✓ {t.psaPasses}</span>
                    ) : (
                      <ul>
                        {m.failed.map((f) => (
                          <li key={f.check} data-check={f.check}>
                            <code>{f.check}</code> ✗ <strong>{f.reason}</strong>
                            {f.detail && <> ({f.detail})</>} <FaultLinks faults={f.faults} />
                            <div className="muted">{f.doc[lang]}</div>
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
              <p className="muted">{t.psaKubectlSays}:</p>
              <pre className="psa-kubectl" data-testid="psa-kubectl">{content.lines.join('\n')}</pre>
            </>
          )}
          {content.contexts.length > 0 && <ContainerTable contexts={content.contexts} lang={lang} />}
        </>
      )}
    </aside>
  );
}
