// Monaco, its YAML language and the monaco-yaml worker, all bundled and loaded on the first editor mount.
import 'monaco-editor/esm/vs/editor/edcore.main';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution';
import { configureMonacoYaml } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import YamlWorker from './yaml.worker?worker';
import { k8sSchema } from './k8s-schema';
import { SCHEMA_JA } from './k8s-schema.ja';

self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string): Worker {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

const schemas = (lang: 'en' | 'ja') => [
  { uri: `cks-lab://schemas/kubernetes.${lang}.json`, fileMatch: ['*'], schema: k8sSchema(lang, SCHEMA_JA) as never },
];

// The schema gives hover docs and completion only. Problems come from the engine alone: it already reports every
// syntax error and unknown field, located and in the UI language, so the worker's own markers (English, a second
// squiggle for the same mistake, none of them in the problem list) would only repeat it. The hover names no
// schema file either: "Source: kubernetes.ja.json" means nothing to a learner.
const yaml = configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  validate: false,
  hover: true,
  hoverSchemaSource: false,
  completion: true,
  format: {},
  schemas: schemas('en'),
});

let schemaLang: 'en' | 'ja' = 'en';

/** Switches the hover docs and completion details to the UI language (this restarts the YAML worker, so only on
 * a real change). */
export async function setSchemaLanguage(lang: 'en' | 'ja'): Promise<void> {
  if (lang === schemaLang) return;
  schemaLang = lang;
  await yaml.update({ schemas: schemas(lang) });
}

export { monaco };
