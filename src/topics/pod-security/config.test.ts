// The PodSecurityConfiguration as admission/api reads it: defaults filled with privileged/latest
// (v1/defaults.go), levels, versions and exemptions validated (validation/validation.go).
import { describe, expect, it } from 'vitest';
import { LATEST, majorMinor } from './levels';
import { readModel } from './test-builders';

const HEADER = 'apiVersion: pod-security.admission.config.k8s.io/v1\nkind: PodSecurityConfiguration\n';

describe('PodSecurityConfiguration', () => {
  it('fills missing defaults with privileged and latest', () => {
    const { model, diagnostics } = readModel(`${HEADER}defaults:\n  enforce: baseline\n  warn-version: v1.30\n`);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.config.defaults).toEqual({
      enforce: { level: 'baseline', version: LATEST },
      audit: { level: 'privileged', version: LATEST },
      warn: { level: 'privileged', version: majorMinor(1, 30) },
    });
    expect(model.config.exemptions).toEqual({ usernames: [], namespaces: [], runtimeClasses: [] });
  });

  it('an empty value is defaulted, not an error', () => {
    const { model, diagnostics } = readModel(`${HEADER}defaults:\n  enforce: ""\n  audit-version: ""\n`);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.config.defaults.enforce.level).toBe('privileged');
    expect(model.config.defaults.audit.version).toEqual(LATEST);
  });

  it('rejects invalid levels and versions with field.Invalid text (values quoted as Go %q)', () => {
    const { diagnostics } = readModel(`${HEADER}defaults:\n  enforce: strict\n  warn-version: v1.05\n  audit: 'a"b'\n`);
    const messages = diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    expect(messages).toHaveLength(3);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('defaults.enforce: Invalid value: "strict": must be one of privileged, baseline, restricted'),
        expect.stringContaining('defaults.warn-version: Invalid value: "v1.05": must be "latest" or "v1.x"'),
        expect.stringContaining('defaults.audit: Invalid value: "a\\"b": must be one of privileged, baseline, restricted'),
      ]),
    );
  });

  it('rejects empty usernames, bad namespace and runtime class names, and duplicates', () => {
    const { diagnostics } = readModel(
      `${HEADER}exemptions:\n  usernames: [alice, "", alice]\n  namespaces: [kube-system, Bad_NS, kube-system]\n  runtimeClasses: [kata.example, kata.example]\n`,
    );
    const messages = diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('exemptions.usernames[1]: Invalid value: "": username must not be empty'),
        expect.stringContaining('exemptions.usernames[2]: Duplicate value: "alice"'),
        expect.stringContaining('exemptions.namespaces[1]: Invalid value: "Bad_NS": '),
        expect.stringContaining('exemptions.namespaces[2]: Duplicate value: "kube-system"'),
        expect.stringContaining('exemptions.runtimeClasses[1]: Duplicate value: "kata.example"'),
      ]),
    );
    expect(messages).toHaveLength(5);
  });

  it('is read from an AdmissionConfiguration too', () => {
    const text = `apiVersion: apiserver.config.k8s.io/v1
kind: AdmissionConfiguration
plugins:
- name: PodSecurity
  configuration:
    apiVersion: pod-security.admission.config.k8s.io/v1
    kind: PodSecurityConfiguration
    defaults:
      enforce: restricted
      enforce-version: v1.29
    exemptions:
      namespaces: [kube-system]
`;
    const { model, diagnostics } = readModel(text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.config.defaults.enforce).toEqual({ level: 'restricted', version: majorMinor(1, 29) });
    expect(model.config.exemptions.namespaces).toEqual(['kube-system']);
  });
});
