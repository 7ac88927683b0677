// The PodSecurity admission plugin's configuration: a PodSecurityConfiguration (defaults and exemptions), given
// alone or inside the API server's AdmissionConfiguration, read and validated as admission/api does (defaults
// filled with privileged/latest; levels, versions, namespace and runtime class names checked; no duplicates).
import { checkDnsLabel, checkDnsSubdomain, isNull, msg, shape, type KindReader, type Message, type ObjectReader, type PMap, type PNode, type SourceLocation } from '../../kube/index';
import { LATEST, LEVEL_ERROR_JA, VERSION_ERROR_JA, goQuote, parseLevel, parseVersion, type Level, type Policy, type Version } from './levels';

export interface PodSecurityConfig {
  defaults: Policy;
  exemptions: { usernames: readonly string[]; namespaces: readonly string[]; runtimeClasses: readonly string[] };
  /** Where it was written; null for the built-in default (everything privileged, nothing exempt). */
  location: SourceLocation | null;
}

export const DEFAULT_CONFIG: PodSecurityConfig = {
  defaults: {
    enforce: { level: 'privileged', version: LATEST },
    audit: { level: 'privileged', version: LATEST },
    warn: { level: 'privileged', version: LATEST },
  },
  exemptions: { usernames: [], namespaces: [], runtimeClasses: [] },
  location: null,
};

// k8s.io/pod-security-admission/admission/api/v1 and k8s.io/apiserver/pkg/apis/apiserver/v1: config types have
// no metadata, and the API server reads them strictly.
const POD_SECURITY_CONFIGURATION = shape('PodSecurityConfiguration', {
  apiVersion: '',
  kind: '',
  defaults: shape('PodSecurityDefaults', { enforce: '', 'enforce-version': '', audit: '', 'audit-version': '', warn: '', 'warn-version': '' }),
  exemptions: shape('PodSecurityExemptions', { usernames: '', namespaces: '', runtimeClasses: '' }),
});
const ADMISSION_CONFIGURATION = shape('AdmissionConfiguration', {
  apiVersion: '',
  kind: '',
  // The plugin's configuration is read by its plugin (below), not by this type.
  plugins: [shape('AdmissionPluginConfiguration', { name: '', path: '', configuration: '' })],
});

/** field.Invalid's text, `PATH: Invalid value: "TEXT": REASON`, and its Japanese. */
function invalidValue(path: string, text: string, reason: Message): Message {
  return msg(`${path}: Invalid value: ${goQuote(text)}: ${reason.en}`, `${path}: 値 ${goQuote(text)} は正しくありません。${reason.ja}`);
}

function readPodSecurityConfiguration(r: ObjectReader, node: PMap, path: string): PodSecurityConfig {
  // At the top level readObjects has checked the fields; inside an AdmissionConfiguration they are checked here.
  if (path) r.fields(node, POD_SECURITY_CONFIGURATION, path.slice(0, -1));
  const defaultsNode = r.map(node.entries.get('defaults')?.value, `${path}defaults`);
  const level = (key: string): Level => {
    const valueNode = defaultsNode?.entries.get(key)?.value;
    const text = r.string(valueNode, `${path}defaults.${key}`) || 'privileged';
    const parsed = parseLevel(text);
    if (parsed.error) r.report(valueNode!, 'invalid-value', invalidValue(`${path}defaults.${key}`, text, msg(parsed.error, LEVEL_ERROR_JA)));
    return parsed.level;
  };
  const version = (key: string): Version => {
    const valueNode = defaultsNode?.entries.get(key)?.value;
    const text = r.string(valueNode, `${path}defaults.${key}`) || 'latest';
    const parsed = parseVersion(text);
    if (parsed.error) r.report(valueNode!, 'invalid-value', invalidValue(`${path}defaults.${key}`, text, msg(parsed.error, VERSION_ERROR_JA)));
    return parsed.version;
  };
  const defaults: Policy = {
    enforce: { level: level('enforce'), version: version('enforce-version') },
    audit: { level: level('audit'), version: version('audit-version') },
    warn: { level: level('warn'), version: version('warn-version') },
  };
  const exemptionsNode = r.map(node.entries.get('exemptions')?.value, `${path}exemptions`);
  const list = (key: string, check: (s: string) => Message | null): string[] => {
    const at = `${path}exemptions.${key}`;
    const items = r.list(exemptionsNode?.entries.get(key)?.value, at) ?? [];
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const text = isNull(item) ? '' : r.string(item, `${at}[${i}]`);
      if (text === null) return;
      const problem = check(text);
      if (problem) r.report(item, 'invalid-value', invalidValue(`${at}[${i}]`, text, problem));
      else if (seen.has(text)) r.report(item, 'duplicate', msg(`${at}[${i}]: Duplicate value: ${goQuote(text)}`, `${at}[${i}]: ${goQuote(text)} が重複しています`));
      else seen.add(text);
    });
    return [...seen];
  };
  return {
    defaults,
    exemptions: {
      usernames: list('usernames', (s) => (s === '' ? msg('username must not be empty', 'ユーザー名は空にできません') : null)),
      namespaces: list('namespaces', checkDnsLabel),
      runtimeClasses: list('runtimeClasses', checkDnsSubdomain),
    },
    location: r.at(node),
  };
}

export const PodSecurityConfigurationKind: KindReader<PodSecurityConfig> = {
  apiVersion: 'pod-security.admission.config.k8s.io/v1',
  kind: 'PodSecurityConfiguration',
  namespaced: false,
  nameOptional: true,
  shape: POD_SECURITY_CONFIGURATION,
  read: (r, node) => readPodSecurityConfiguration(r, node, ''),
};

/** The API server's admission configuration; only its PodSecurity plugin matters here. */
export const AdmissionConfigurationKind: KindReader<PodSecurityConfig | null> = {
  apiVersion: 'apiserver.config.k8s.io/v1',
  kind: 'AdmissionConfiguration',
  namespaced: false,
  nameOptional: true,
  shape: ADMISSION_CONFIGURATION,
  read(r, node) {
    let found: PodSecurityConfig | null = null;
    (r.list(node.entries.get('plugins')?.value, 'plugins') ?? []).forEach((p: PNode, i) => {
      const plugin = r.map(p, `plugins[${i}]`);
      if (!plugin) return;
      if (r.string(plugin.entries.get('name')?.value, `plugins[${i}].name`) !== 'PodSecurity') return;
      const pathNode = plugin.entries.get('path')?.value;
      if (pathNode && !isNull(pathNode)) r.report(pathNode, 'unsupported-kind', msg(`plugins[${i}].path: the lab reads the configuration inline; put it under configuration:`, `plugins[${i}].path: ラボは設定ファイルを読みません。設定は configuration: の下に直接書きます`), 'warning');
      const config = r.map(plugin.entries.get('configuration')?.value, `plugins[${i}].configuration`);
      if (!config) return;
      const kind = r.string(config.entries.get('kind')?.value, `plugins[${i}].configuration.kind`);
      const apiVersion = r.string(config.entries.get('apiVersion')?.value, `plugins[${i}].configuration.apiVersion`);
      if (kind !== 'PodSecurityConfiguration' || !apiVersion?.startsWith('pod-security.admission.config.k8s.io/')) {
        r.report(config, 'invalid-value', msg(`plugins[${i}].configuration must be a pod-security.admission.config.k8s.io/v1 PodSecurityConfiguration`, `plugins[${i}].configuration には pod-security.admission.config.k8s.io/v1 の PodSecurityConfiguration を書きます`));
        return;
      }
      found = readPodSecurityConfiguration(r, config, `plugins[${i}].configuration.`);
    });
    return found;
  },
};
