// Node-side helper for tests and the CLI: reads lessons/<id>/ folders from disk into LessonFiles.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LessonFiles } from './load';

/** Every lesson folder under `root` (skipping `_clusters`), with the shared clusters. */
export function readLessonFolders(root: string): LessonFiles[] {
  const clustersDir = join(root, '_clusters');
  const clusters: Record<string, string> = {};
  for (const name of readdirSync(clustersDir)) {
    if (name.endsWith('.yaml')) clusters[name.slice(0, -'.yaml'.length)] = readFileSync(join(clustersDir, name), 'utf8');
  }
  return readdirSync(root)
    .filter((name) => !name.startsWith('_') && statSync(join(root, name)).isDirectory())
    .sort()
    .map((name) => {
      const files: Record<string, string> = {};
      for (const file of readdirSync(join(root, name))) files[file] = readFileSync(join(root, name, file), 'utf8');
      return { folder: `lessons/${name}`, files, clusters };
    });
}
