// "Why?" for RBAC: a chosen question lists each verb asked with its verdict and the binding, role and rule behind
// it; a chosen ServiceAccount, user, group or pod shows what it may do (kubectl's `can-i --list` table); a chosen
// role its rules and who is bound to it. Object names jump to their line in the editor.
import { useMemo } from 'react';
import { useLab, EDITOR_FILE } from '../../store/lab-store';
import { selectLang, selectSelectedItem, selectStale } from '../../store/selectors';
import { useStrings } from '../i18n/useStrings';
import { Sentence } from '../../ui/Sentence';
import { cellRequest, explainDecision, findRisks, findRole, formatRulesTable, parseIdentity, risksForSubject, rulesFor, describeRule, type Risk } from '../../topics/rbac/index';
import type { Language } from '../../core/index';
import type { ObjectRef } from '../../core/index';
import { useRbacView } from './useRbacView';

const linkable = (ref: ObjectRef): boolean => ref.location?.file === EDITOR_FILE;

/** The dangerous permissions among these, each with why it matters. */
function RiskList({ risks, lang, title }: { risks: readonly Risk[]; lang: Language; title: string }) {
  if (risks.length === 0) return null;
  // One line per kind of risk and role: a role with `*` would otherwise repeat itself per rule.
  const seen = new Set<string>();
  const shown = risks.filter((r) => {
    const key = `${r.id} ${r.role.kind}/${r.role.namespace}/${r.role.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return (
    <div className="risk-list" data-testid="risks">
      <h3>⚠ {title}</h3>
      <ul>
        {shown.map((r) => (
          <li key={`${r.id} ${r.role.kind}/${r.role.namespace}/${r.role.name}`} data-risk={r.id}>
            <strong>{r.role.kind} {r.role.namespace ? `${r.role.namespace}/` : ''}{r.role.name}</strong>: {r.why[lang]}
          </li>
        ))}
      </ul>
    </div>
  );
}
const reveal = (ref: ObjectRef): void => {
  if (ref.location) useLab.getState().revealLine(ref.location.line, ref.location.col);
};

export function RbacExplain({ quiet = false }: { quiet?: boolean }) {
  const t = useStrings();
  const lang = useLab(selectLang);
  const selected = useLab(selectSelectedItem);
  const stale = useLab(selectStale);
  const view = useRbacView();

  const content = useMemo(() => {
    if (!view || !selected) return null;
    const { result } = view;
    const question = view.questions.find((q) => q.id === selected);
    if (question) {
      const identity = parseIdentity(question.identity, result.model);
      if ('error' in identity) return null;
      const where = question.resource.namespaced ? ` · namespace ${question.namespace}` : '';
      return {
        title: `${question.identity} → ${question.resource.text}${where}`,
        body: (
          <>
            {question.cells.map((cell) => {
              const request = cellRequest(cell.verb, question.resource, question.namespace || '*', cell.name);
              const decision = result.decide(identity, request);
              const sentences = explainDecision(decision, request);
              const verdict = decision.allowed ? 'allowed' : 'denied';
              return (
                <div key={`${cell.verb}/${cell.name}`} className={`explain-item ${verdict}`} data-verdict={verdict}>
                  <p className="explain-verdict">
                    <strong>{cell.verb}{cell.name ? ` "${cell.name}"` : ''}</strong>: {decision.allowed ? t.rbacCellAllowed : t.rbacCellDenied}
                  </p>
                  <ul>
                    {sentences.map((s, i) => (
                      <li key={i}>
                        <Sentence segments={s[lang]} onRef={reveal} linkable={linkable} />
                      </li>
                    ))}
                  </ul>
                  {cell.expected !== verdict && <p className="explain-expected">⚠ {t.rbacExpected(cell.expected === 'allowed' ? t.rbacCellAllowed : t.rbacCellDenied)}</p>}
                </div>
              );
            })}
          </>
        ),
      };
    }
    // A node: who it is, or which object.
    const identityRef = /^(sa|user|group|pod):/.test(selected) ? selected : null;
    if (identityRef) {
      const identity = parseIdentity(identityRef, result.model);
      if ('error' in identity) return null;
      const namespace = identity.kind === 'ServiceAccount' || identity.kind === 'Pod' ? identityRef.slice(identityRef.indexOf(':') + 1).split('/')[0]! : '';
      const rules = rulesFor(result.index, identity.user, namespace);
      const title = `${t.rbacWhatCanItDo(identity.ref)} ${t.rbacRulesIn(namespace)}`;
      return {
        title,
        body: (
          <>
            {/* Muted words only: muted text on the code background falls below 4.5:1 in the light theme. */}
            <p>
              <span className="muted">user</span> <code>{identity.user.name}</code><span className="muted">, groups</span> <code>{identity.user.groups.join(', ')}</code>
            </p>
            {/* It scrolls sideways when wide, so it takes focus for keyboard users. */}
            <pre className="rules-table" data-testid="rules-table" tabIndex={0} role="region" aria-label={title}>
              {formatRulesTable(rules)}
            </pre>
            <RiskList risks={risksForSubject(result.index, identity.user, namespace || undefined).filter((r) => !r.builtIn)} lang={lang} title={t.rbacRisks} />
          </>
        ),
      };
    }
    const role = result.model.roles.find((r) => `${r.kind}:${r.namespace}/${r.name}` === selected);
    if (role) {
      const indexed = findRole(result.index, role.kind, role.namespace, role.name);
      const rules = indexed?.rules ?? role.rules;
      const bound = result.model.bindings.filter((b) => b.roleRef.kind === role.kind && b.roleRef.name === role.name && (role.kind === 'ClusterRole' || b.namespace === role.namespace));
      return {
        title: `${role.kind} ${role.namespace ? `${role.namespace}/` : ''}${role.name}${role.builtIn ? ` · ${t.rbacDefaultObject}` : ''}`,
        body: (
          <>
            <h3>{t.rbacRole}</h3>
            <ol className="rule-list">
              {rules.map((r, i) => (
                <li key={i}>
                  {r.location && linkable({ kind: role.kind, namespace: role.namespace, name: role.name, location: r.location }) ? (
                    <button type="button" className="linklike policy-link" onClick={() => useLab.getState().revealLine(r.location!.line, r.location!.col)}>
                      {describeRule(r, lang)}
                    </button>
                  ) : (
                    describeRule(r, lang)
                  )}
                </li>
              ))}
            </ol>
            <RiskList risks={findRisks(result.index).filter((r) => r.role.kind === role.kind && r.role.name === role.name && r.role.namespace === role.namespace)} lang={lang} title={t.rbacRisks} />
            <h3>{t.rbacBoundBy}</h3>
            <ul>
              {bound.map((b) => (
                <li key={`${b.kind}/${b.namespace}/${b.name}`}>
                  {b.kind} {b.namespace ? `${b.namespace}/` : ''}
                  {b.name}: {b.subjects.map((s) => `${s.kind} ${s.kind === 'ServiceAccount' ? `${s.namespace || b.namespace}/` : ''}${s.name}`).join(', ')}
                </li>
              ))}
            </ul>
          </>
        ),
      };
    }
    const binding = result.model.bindings.find((b) => `${b.kind}:${b.namespace}/${b.name}` === selected);
    if (binding) {
      return {
        title: `${binding.kind} ${binding.namespace ? `${binding.namespace}/` : ''}${binding.name}`,
        body: (
          <ul>
            <li>
              roleRef: {binding.roleRef.kind} {binding.roleRef.name}
            </li>
            {binding.subjects.map((s, i) => (
              <li key={i}>
                {s.kind} {s.kind === 'ServiceAccount' ? `${s.namespace || binding.namespace}/` : ''}
                {s.name}
              </li>
            ))}
          </ul>
        ),
      };
    }
    return null;
  }, [view, selected, lang, t]);

  if (!content) {
    if (quiet) return null;
    return (
      <aside className="explain-panel" data-testid="explanation" aria-label={t.explanation}>
        <p className="muted">{t.rbacExplainEmpty}</p>
      </aside>
    );
  }
  return (
    <aside className={`explain-panel${stale ? ' is-stale' : ''}`} data-testid="explanation" aria-label={t.explanation} aria-live="polite">
      <div className="explain-head">
        <h2>
          {t.explanation} <span className="explain-subject">{content.title}</span>
        </h2>
        <button type="button" className="ghost" onClick={() => useLab.getState().selectItem(null)} title={t.close}>
          <span aria-hidden="true">×</span>
          <span className="visually-hidden">{t.close}</span>
        </button>
      </div>
      {content.body}
    </aside>
  );
}
