// Monaco, its YAML language and the monaco-yaml worker, all bundled and loaded on the first editor mount.
import 'monaco-editor/esm/vs/editor/edcore.main';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution';
import { configureMonacoYaml } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import YamlWorker from './yaml.worker?worker';
import { K8S_SCHEMA } from './k8s-schema';

self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string): Worker {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  validate: true,
  hover: true,
  completion: true,
  format: {},
  schemas: [{ uri: 'cks-lab://schemas/kubernetes.json', fileMatch: ['*'], schema: K8S_SCHEMA as never }],
});

export { monaco };
