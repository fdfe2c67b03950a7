// Plan files read and written for the form editor, as the site's loader reads them.
//
// Reading: every value is kept as the text typed, and the form's fields decide what becomes a number
// or true/false (as hooks/plansite/read/ does with the model): `ref: 1.1`, `matches: 00123456` and
// `period: 2012-13` stay texts. Writing: a file that was opened is changed only where its values
// changed, by editing its text in place; comments, quoting, blank lines and key order elsewhere stay
// as they were. A new file is written whole. The same module runs in Node.js for the tests
// (tests/admin/), with the same yaml library at the same version (hooks/admin/package.json).

export const SOURCE = '__plansite_source';
const NULL_WORDS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUE_WORDS = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const FALSE_WORDS = new Set(['0', 'off', 'f', 'false', 'n', 'no']);
const WHOLE_NUMBER = /^\s*-?[0-9]{1,15}\s*$/;

// --- Which form fields a file has -----------------------------------------------------------

/** The fields of the collection file a parsed file belongs to, told by its top keys. */
export function fieldsOf(config, value) {
  const files = new Map();
  for (const collection of config.collections) {
    if (collection.folder) files.set(collection.name, collection.fields);
    for (const file of collection.files || []) files.set(file.name, file.fields);
  }
  const keys = value && typeof value === 'object' ? Object.keys(value) : [];
  if (keys.includes('organisations')) return files.get('organisations');
  if (keys.includes('terms')) return files.get('glossary');
  if (keys.includes('articles') && keys.includes('clusters')) return files.get('articles');
  return files.get('plans');
}

function fieldNamed(fields, name) {
  return (fields || []).find(field => field.name === name);
}

/** What an item of a field holds: its `field`, its `fields`, or the fields of its block type. */
function itemShape(field, item) {
  if (!field) return {};
  if (field.types) {
    const type = field.types.find(t => item && t.name === item[field.typeKey || 'type']);
    return type ? { fields: type.fields, typeKey: field.typeKey || 'type' } : {};
  }
  if (field.field) return { field: field.field };
  if (field.fields) return { fields: field.fields };
  return {};
}

// --- Reading --------------------------------------------------------------------------------

function typed(text, field) {
  const widget = field && field.widget;
  if (widget === 'number' || widget === 'plansite-amount' || (widget === 'plansite-articles')) {
    return WHOLE_NUMBER.test(text) ? Number(text.trim()) : text;
  }
  if (widget === 'boolean') {
    const word = text.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  return text;
}

/** The plain value of a YAML node, typed by the form field it fills (texts stay as typed). */
export function nodeValue(YAML, node, field) {
  if (node == null) return null;
  if (YAML.isScalar(node)) {
    const text = String(node.value);
    if (node.type === 'PLAIN' && NULL_WORDS.has(text)) return null;
    return typed(text, field);
  }
  if (YAML.isSeq(node)) {
    return node.items.map(item => {
      const shape = itemShape(field, null);
      if (field && field.types) {
        const plain = nodeValue(YAML, item, {});
        const typedShape = itemShape(field, plain);
        return nodeValue(YAML, item, { fields: typedShape.fields, widget: 'object' });
      }
      return nodeValue(YAML, item, shape.field || (shape.fields ? { fields: shape.fields, widget: 'object' } : field));
    });
  }
  if (YAML.isMap(node)) {
    const result = {};
    for (const pair of node.items) {
      const key = String(YAML.isScalar(pair.key) ? pair.key.value : pair.key);
      const inner = field && field.fields ? fieldNamed(field.fields, key) : field && field.widget === 'plansite-amount' ? { widget: key === 'amount' ? 'number' : 'string' } : undefined;
      result[key] = nodeValue(YAML, pair.value, inner);
    }
    return result;
  }
  return null;
}

const READ_OPTIONS = { schema: 'failsafe', uniqueKeys: true, merge: false, keepSourceTokens: false };

export function parse(YAML, text) {
  const document = YAML.parseDocument(text, READ_OPTIONS);
  if (document.errors.length) throw new Error(document.errors.map(error => error.message).join('\n'));
  return document;
}

/** A file's values for the form, with its text kept to write changes into. */
export function fromFile(YAML, config, text) {
  const document = parse(YAML, text);
  const plain = nodeValue(YAML, document.contents, {});
  const value = nodeValue(YAML, document.contents, { widget: 'object', fields: fieldsOf(config, plain) }) || {};
  return { ...value, [SOURCE]: text };
}

// --- Writing --------------------------------------------------------------------------------

const WRITE_OPTIONS = { lineWidth: 0, minContentWidth: 0, indent: 2, indentSeq: true, aliasDuplicateObjects: false };

function isEmpty(value) {
  return (
    value === undefined || value === null || value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
  );
}

/** The value without what the form leaves behind when a field is cleared: '' or nothing, and objects
 * left with nothing else in them. Empty lists stay: a file may need `items: []`. */
export function cleaned(value) {
  if (Array.isArray(value)) return value.map(cleaned);
  if (value && typeof value === 'object') {
    const result = {};
    for (const [key, inner] of Object.entries(value)) {
      if (key === SOURCE || inner === undefined || inner === null || inner === '') continue;
      const kept = cleaned(inner);
      const emptied = kept && typeof kept === 'object' && !Array.isArray(kept) && !Object.keys(kept).length;
      if (!(emptied && Object.keys(inner).length)) result[key] = kept;
    }
    return result;
  }
  return value;
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function indented(text, indent) {
  return text.split('\n').map((line, index) => (index === 0 || line === '' ? line : ' '.repeat(indent) + line)).join('\n');
}

/** What follows `key:` for a value of a key at column `indent`: ' value' or a newline and lines below. */
function afterKey(YAML, value, indent, style) {
  const document = new YAML.Document({ k: value }, { aliasDuplicateObjects: false });
  const node = document.get('k', true);
  if (style && YAML.isScalar(node)) node.type = style;
  const text = document.toString(WRITE_OPTIONS).replace(/^k:/, '').replace(/\n$/, '');
  return indented(text, indent);
}

/** A list item's text after its '- ', for a list whose '-' is at column `indent`. */
function afterDash(YAML, value, indent) {
  const text = new YAML.Document([value], { aliasDuplicateObjects: false }).toString(WRITE_OPTIONS);
  return indented(text.replace(/^- ?/, '').replace(/\n$/, ''), indent);
}

class Edits {
  constructor(source) {
    this.source = source;
    this.edits = [];
  }

  column(offset) {
    return offset - this.source.lastIndexOf('\n', offset - 1) - 1;
  }

  lineStart(offset) {
    return this.source.lastIndexOf('\n', offset - 1) + 1;
  }

  lineEnd(offset) {
    if (offset > 0 && this.source[offset - 1] === '\n') return offset;
    const end = this.source.indexOf('\n', offset);
    return end < 0 ? this.source.length : end + 1;
  }

  replace(start, end, text) {
    this.edits.push({ start, end, text });
  }

  result() {
    const edits = [...this.edits].sort((a, b) => b.start - a.start || b.end - a.end);
    let text = this.source;
    for (const { start, end, text: inserted } of edits) text = text.slice(0, start) + inserted + text.slice(end);
    return text;
  }
}

class Unsupported extends Error {}

function endOf(node) {
  return node.range[1];
}

/** Write the changes from `before` to `after` into the text of `node` (a value whose parent starts at `indent`). */
function patchValue(YAML, edits, node, before, after, indent) {
  if (same(before, after)) return;
  if (YAML.isScalar(node) && !(after && typeof after === 'object')) {
    const multiLine = typeof after === 'string' && after.includes('\n');
    const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
    const style = multiLine && !block ? 'BLOCK_LITERAL' : typeof after === 'string' ? node.type : undefined;
    let text = afterKey(YAML, after, indent, style).replace(/^ /, '');
    const [start, end] = node.range;
    if (edits.source.slice(start, end).endsWith('\n') && !text.endsWith('\n')) text += '\n';
    edits.replace(start, end, text);
    return;
  }
  if (YAML.isMap(node) && !node.flow && after && typeof after === 'object' && !Array.isArray(after)) {
    patchMap(YAML, edits, node, before || {}, after);
    return;
  }
  if (YAML.isSeq(node) && !node.flow && Array.isArray(after) && after.length > 0) {
    patchSeq(YAML, edits, node, before || [], after);
    return;
  }
  throw new Unsupported('a value changed its shape');
}

function patchMap(YAML, edits, map, before, after) {
  const pairs = new Map(map.items.map(pair => [String(pair.key.value), pair]));
  if (!map.items.length) throw new Unsupported('an empty mapping');
  const indent = edits.column(map.items[0].key.range[0]);
  for (const [key, pair] of pairs) {
    if (!(key in after) || isEmpty(after[key])) {
      if (!isEmpty(before[key])) removePair(edits, map, pair);
    } else if (pair.value == null) {
      throw new Unsupported('a key without a value');
    } else {
      patchValue(YAML, edits, pair.value, before[key], after[key], indent);
    }
  }
  const added = Object.keys(after).filter(key => !pairs.has(key) && !isEmpty(after[key]));
  if (added.length) {
    const last = map.items[map.items.length - 1];
    const at = edits.lineEnd(endOf(last.value || last.key));
    const text = added.map(key => ' '.repeat(indent) + `${key}:` + afterKey(YAML, after[key], indent)).join('\n') + '\n';
    edits.replace(at, at, (edits.source[at - 1] === '\n' || at === 0 ? '' : '\n') + text);
  }
}

function removePair(edits, map, pair) {
  const start = pair.key.range[0];
  const end = edits.lineEnd(endOf(pair.value || pair.key));
  const lineStart = edits.lineStart(start);
  if (edits.source.slice(lineStart, start).trim() === '') {
    edits.replace(lineStart, end, '');
    return;
  }
  // The first key of a list item ("- key: value"): the next key moves up beside the "- ".
  const index = map.items.indexOf(pair);
  const next = map.items[index + 1];
  if (!next) throw new Unsupported('the only key of a list item was removed');
  edits.replace(start, next.key.range[0], '');
}

function patchSeq(YAML, edits, seq, before, after) {
  const indent = edits.column(seq.range[0]);
  const common = Math.min(seq.items.length, after.length);
  for (let index = 0; index < common; index += 1) {
    patchValue(YAML, edits, seq.items[index], before[index], after[index], indent);
  }
  for (let index = common; index < seq.items.length; index += 1) {
    const item = seq.items[index];
    const start = edits.lineStart(item.range[0]);
    if (edits.source.slice(start, item.range[0]).trim() !== '-') throw new Unsupported('a list item shares its line');
    edits.replace(start, edits.lineEnd(endOf(item)), '');
  }
  if (after.length > seq.items.length) {
    const last = seq.items[seq.items.length - 1];
    const at = edits.lineEnd(endOf(last));
    const text = after
      .slice(seq.items.length)
      .map(item => ' '.repeat(indent) + '- ' + afterDash(YAML, item, indent))
      .join('\n');
    edits.replace(at, at, (edits.source[at - 1] === '\n' ? '' : '\n') + text + '\n');
  }
}

/** The file text for the form's values: the opened file with its changed values written in, or a new file. */
export function toFile(YAML, config, value) {
  const source = value[SOURCE];
  const after = cleaned(value);
  if (typeof source === 'string') {
    try {
      const document = parse(YAML, source);
      const fields = fieldsOf(config, after);
      const before = cleaned(nodeValue(YAML, document.contents, { widget: 'object', fields }) || {});
      if (YAML.isMap(document.contents) && !document.contents.flow) {
        const edits = new Edits(source);
        patchMap(YAML, edits, document.contents, before, after);
        return edits.result();
      }
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      // A change this writer cannot make in place: the file is written whole, as a new one is.
    }
  }
  return new YAML.Document(after, { aliasDuplicateObjects: false }).toString(WRITE_OPTIONS);
}
