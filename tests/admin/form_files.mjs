// Runs the form editor's own reading and writing (content/admin/) in Node.js, for tests/admin/.
// Input on stdin, JSON: {"config": "<path of config.yml>", "files": [{"text": "...", "edits": [[path, value]...]}]}.
// Output, JSON: for each file, the text as the editor saves it unchanged, as it writes it new, and
// after the edits; and every young-people fingerprint it computes.
import * as YAML from '../../hooks/admin/node_modules/yaml/dist/index.js';
import fs from 'node:fs';
import { fromFile, toFile, SOURCE } from '../../content/admin/plan-yaml.mjs';
import { fingerprints } from '../../content/admin/fingerprint.mjs';

const input = JSON.parse(fs.readFileSync(0, 'utf8'));
const config = YAML.parse(fs.readFileSync(input.config, 'utf8'));

function setIn(value, path, inner) {
  const [head, ...rest] = path;
  const copy = Array.isArray(value) ? [...value] : { ...value };
  copy[head] = rest.length ? setIn(value[head] ?? (typeof rest[0] === 'number' ? [] : {}), rest, inner) : inner;
  return copy;
}

const results = [];
for (const file of input.files) {
  const value = fromFile(YAML, config, file.text);
  let edited = value;
  for (const [path, inner] of file.edits || []) edited = setIn(edited, path, inner);
  const fresh = { ...value };
  delete fresh[SOURCE];
  results.push({
    unchanged: toFile(YAML, config, value),
    fresh: toFile(YAML, config, fresh),
    edited: toFile(YAML, config, edited),
    fingerprints: await fingerprints(config, value),
  });
}
process.stdout.write(JSON.stringify(results));
