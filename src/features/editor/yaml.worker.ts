// The monaco-yaml language worker, bundled locally (no CDN).
import 'monaco-yaml/yaml.worker.js';
