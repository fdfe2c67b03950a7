// The fingerprint of an item's adult text, as hooks/plansite/model/walk.py computes it, from the form's values.
//
// The texts of the item and of everything inside it are taken field by field in the order of their
// names (a mapping of the plan's own keys, such as a table's columns, in the order typed), leaving out
// the fields the form marks "not-adult" (young-people texts, ids, the fingerprint itself, related
// articles, progress); spacing and line breaks do not count. The first 8 hex digits of the SHA-256
// of those words, joined by spaces, are the fingerprint. A test checks that this and Python agree.

// The characters Python's str.split() splits on.
const SPACE = /[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
const NOT_TEXT = new Set(['number', 'boolean', 'plansite-articles', 'plansite-checked']);

function words(text) {
  return text.split(SPACE).filter(Boolean).join(' ');
}

function modelFields(shape) {
  const fields = [...(shape.fields || [])];
  if (shape.typeKey) fields.push({ name: shape.typeKey, widget: 'string' });
  return fields.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function blockShape(field, item) {
  const typeKey = field.typeKey || 'type';
  const type = field.types.find(t => item && t.name === item[typeKey]);
  return { fields: type ? type.fields : [], typeKey };
}

/** The adult texts of a value of a field, in the order the Python walk takes them. */
function textsOfField(field, value, out) {
  if (value === undefined) value = typeof field.default === 'string' ? field.default : undefined;
  if (value === undefined || value === null || field.plansite === 'not-adult') return;
  if (NOT_TEXT.has(field.widget) || field.plansite === 'date') return;
  if (field.widget === 'plansite-amount') {
    if (value && typeof value === 'object') {
      for (const name of ['as_printed', 'note']) if (typeof value[name] === 'string') out.push(value[name]);
    }
    return;
  }
  if (field.plansite === 'dict') {
    for (const inner of Object.values(value || {})) if (typeof inner === 'string') out.push(inner);
    return;
  }
  if (field.widget === 'plansite-paragraphs') {
    for (const inner of Array.isArray(value) ? value : [value]) if (typeof inner === 'string') out.push(inner);
    return;
  }
  if (field.widget === 'object') {
    textsOfModel({ fields: field.fields }, value, out);
    return;
  }
  if (field.widget === 'list') {
    for (const item of Array.isArray(value) ? value : []) {
      if (field.types) textsOfModel(blockShape(field, item), item, out);
      else if (field.fields) textsOfModel({ fields: field.fields }, item, out);
      else if (field.field) textsOfField(field.field, item, out);
    }
    return;
  }
  if (typeof value === 'string') out.push(value);
}

function textsOfModel(shape, value, out) {
  if (!value || typeof value !== 'object') return;
  for (const field of modelFields(shape)) textsOfField(field, value[field.name], out);
}

async function sha256Hex(text) {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), byte => byte.toString(16).padStart(2, '0')).join('');
}

/** The fingerprint of one item: its form shape ({fields, typeKey?}) and its value. */
export async function fingerprint(shape, value) {
  const texts = [];
  textsOfModel(shape, value, texts);
  return (await sha256Hex(texts.map(words).join(' '))).slice(0, 8);
}

function hasReview(shape) {
  const young = (shape.fields || []).find(field => field.name === 'young_people');
  return Boolean(young && young.fields && young.fields.some(field => field.name === 'matches'));
}

/** Every item of a file that has a young-people text to check: its path, shape and value. */
export function reviewedItems(fields, value) {
  const found = [];
  function visit(shape, item, path) {
    if (!item || typeof item !== 'object') return;
    if (hasReview(shape) && item.young_people && typeof item.young_people === 'object') {
      found.push({ path, shape, value: item });
    }
    for (const field of shape.fields || []) {
      const inner = item[field.name];
      if (field.widget === 'object' && field.fields) visit({ fields: field.fields }, inner, [...path, field.name]);
      if (field.widget === 'list' && Array.isArray(inner) && (field.fields || field.types)) {
        inner.forEach((child, index) =>
          visit(field.types ? blockShape(field, child) : { fields: field.fields }, child, [...path, field.name, index]),
        );
      }
    }
  }
  visit({ fields }, value, []);
  return found;
}

/** Every young-people fingerprint of a file, as [path, fingerprint, recorded]. */
export async function fingerprints(config, value) {
  const { fieldsOf } = await import('./plan-yaml.mjs');
  const results = [];
  for (const item of reviewedItems(fieldsOf(config, value), value)) {
    results.push([item.path, await fingerprint(item.shape, item.value), item.value.young_people.matches ?? null]);
  }
  return results;
}
