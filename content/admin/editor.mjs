// The form editor: Decap CMS with the site's own file format, widgets, sign-in and review fingerprints.
//
// Loaded after decap-cms.js (which waits for CMS.init, see manual-init.js), from the site itself.
import * as YAML from './yaml/index.js';
import { fromFile, toFile, fieldsOf } from './plan-yaml.mjs';
import { fingerprint, reviewedItems } from './fingerprint.mjs';

const { CMS, h, createClass } = window;
const config = YAML.parse(await (await fetch('config.yml', { credentials: 'same-origin' })).text());

// --- The file format: plan files changed only where a value changed (plan-yaml.mjs) ------------

CMS.registerCustomFormat('plansite-yaml', 'yml', {
  fromFile: text => fromFile(YAML, config, text),
  toFile: value => toFile(YAML, config, value),
});

// --- Small helpers for widgets -----------------------------------------------------------------

function plain(value) {
  return value && typeof value.toJS === 'function' ? value.toJS() : value;
}

function emptyList(props) {
  return props.field.toList().clear();
}

function emptyMap(props) {
  return props.field.clear();
}

function fieldLabel(props) {
  return props.field.get('label') || props.field.get('name');
}

function isRequired(props) {
  return props.field.get('required') !== false;
}

// --- One or more paragraphs: one text, or a list of texts (model: Paragraphs) -------------------

const Paragraphs = createClass({
  paragraphs() {
    const value = plain(this.props.value);
    if (value === undefined || value === null || value === '') return [''];
    return typeof value === 'string' ? [value] : value.length ? value : [''];
  },
  change(paragraphs) {
    const wasText = typeof plain(this.props.value) === 'string' || this.props.value == null;
    const kept = paragraphs;
    if (kept.length === 1 && wasText) this.props.onChange(kept[0]);
    else this.props.onChange(emptyList(this.props).push(...kept));
  },
  isValid() {
    const paragraphs = this.paragraphs().filter(text => text.trim() !== '');
    if (isRequired(this.props) && !paragraphs.length) return { error: { message: `${fieldLabel(this.props)}: write at least one paragraph.` } };
    return true;
  },
  render() {
    const paragraphs = this.paragraphs();
    const id = this.props.forID;
    return h(
      'div',
      { className: `${this.props.classNameWrapper} plansite-paragraphs`, id },
      paragraphs.map((text, index) =>
        h(
          'div',
          { key: index, className: 'plansite-paragraph' },
          h('label', { htmlFor: `${id}-${index}` }, `Paragraph ${index + 1}`),
          h('textarea', {
            id: `${id}-${index}`,
            value: text,
            rows: Math.min(12, Math.max(2, text.split('\n').length + 1)),
            onChange: event => this.change(paragraphs.map((old, i) => (i === index ? event.target.value : old))),
          }),
          paragraphs.length > 1 &&
            h(
              'button',
              { type: 'button', onClick: () => this.change(paragraphs.filter((_, i) => i !== index)) },
              `Remove paragraph ${index + 1}`,
            ),
        ),
      ),
      h('button', { type: 'button', onClick: () => this.change([...paragraphs, '']) }, 'Add a paragraph'),
    );
  },
});

// --- An amount of money: pounds, and how the source printed it (model: Amount) ------------------

const AmountWidget = createClass({
  parts() {
    const value = plain(this.props.value);
    if (value && typeof value === 'object') return { amount: value.amount, as_printed: value.as_printed || '', note: value.note || '' };
    return { amount: value, as_printed: '', note: '' };
  },
  change(name, text) {
    const parts = { ...this.parts(), [name]: text };
    const amount = /^-?[0-9]{1,15}$/.test(String(parts.amount).trim()) ? Number(String(parts.amount).trim()) : parts.amount;
    const wasMapping = plain(this.props.value) && typeof plain(this.props.value) === 'object';
    if (!parts.as_printed && !parts.note && !wasMapping) {
      this.props.onChange(amount);
      return;
    }
    let value = emptyMap(this.props).set('amount', amount);
    if (parts.as_printed) value = value.set('as_printed', parts.as_printed);
    if (parts.note) value = value.set('note', parts.note);
    this.props.onChange(value);
  },
  isValid() {
    const { amount } = this.parts();
    if (amount === undefined || amount === null || amount === '') {
      return isRequired(this.props) ? { error: { message: `${fieldLabel(this.props)}: write the amount in pounds.` } } : true;
    }
    if (!/^-?[0-9]{1,15}$/.test(String(amount).trim())) {
      return { error: { message: `${fieldLabel(this.props)}: write a whole number of pounds, without commas or £, e.g. 25000.` } };
    }
    return true;
  },
  render() {
    const parts = this.parts();
    const id = this.props.forID;
    const input = (name, labelText, element, extra) =>
      h(
        'div',
        { className: 'plansite-part' },
        h('label', { htmlFor: `${id}-${name}` }, labelText),
        h(element, {
          id: `${id}-${name}`,
          value: parts[name] ?? '',
          onChange: event => this.change(name, event.target.value),
          ...extra,
        }),
      );
    return h(
      'div',
      { className: `${this.props.classNameWrapper} plansite-amount`, id },
      input('amount', 'Amount in pounds (digits only)', 'input', { inputMode: 'numeric' }),
      input('as_printed', 'As printed in the source, if different (e.g. £460K)', 'input', {}),
      input('note', 'Note from the website editors on this amount', 'textarea', { rows: 2 }),
    );
  },
});

// --- UNCRC articles: the 54 choices given once in the configuration ----------------------------

let articleOptions = null;

const Articles = createClass({
  render() {
    const Select = CMS.getWidget('select').control;
    // The select widget takes its options as immutable values, made here from the field's own kind.
    articleOptions ??= emptyList(this.props).push(
      ...config.plansite.articles.map(option => emptyMap(this.props).set('label', option.label).set('value', option.value)),
    );
    const field = this.props.field.set('multiple', true).set('options', articleOptions);
    return h(Select, { ...this.props, field });
  },
});

// --- A mapping of codes to titles, one 'CODE: title' a line (model: dict[str, Line]) -----------

const Pairs = createClass({
  text() {
    const value = plain(this.props.value) || {};
    return Object.entries(value).map(([key, title]) => `${key}: ${title}`).join('\n');
  },
  getInitialState() {
    return { text: this.text() };
  },
  change(text) {
    this.setState({ text });
    let value = emptyMap(this.props);
    for (const line of text.split('\n')) {
      const at = line.indexOf(':');
      if (at > 0) value = value.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
    }
    this.props.onChange(value);
  },
  isValid() {
    const bad = this.state.text.split('\n').filter(line => line.trim() && !/^[^:]+:\s*\S/.test(line));
    return bad.length ? { error: { message: `Write each line as CODE: title, e.g. SP1: Tackling inequality ('${bad[0]}')` } } : true;
  },
  render() {
    return h('textarea', {
      id: this.props.forID,
      className: this.props.classNameWrapper,
      value: this.state.text,
      rows: 4,
      onChange: event => this.change(event.target.value),
    });
  },
});

// --- The review fingerprint of a young-people text ---------------------------------------------

const CHECKED = 'checked-in-the-form';
// Every fingerprint of the entry being edited, worked out once for each version of it.
const current = { data: null, fingerprints: Promise.resolve(new Set()) };

function entryFingerprints(entry) {
  const data = entry && entry.get('data');
  if (data && data !== current.data) {
    current.data = data;
    const value = data.toJS();
    const items = reviewedItems(fieldsOf(config, value), value);
    current.fingerprints = Promise.all(items.map(item => fingerprint(item.shape, item.value))).then(list => new Set(list));
  }
  return current.fingerprints;
}

const Checked = createClass({
  getInitialState() {
    return { recorded: this.props.value, upToDate: null };
  },
  componentDidMount() {
    this.look();
  },
  componentDidUpdate() {
    this.look();
  },
  look() {
    const recorded = this.state.recorded;
    entryFingerprints(this.props.getEntry && this.props.getEntry()).then(set => {
      const upToDate = recorded ? set.has(String(recorded)) : false;
      if (upToDate !== this.state.upToDate) this.setState({ upToDate });
    });
  },
  isValid() {
    const value = this.props.value;
    if (value === undefined || value === null || value === '' || value === CHECKED || /^[0-9a-f]{8}$/.test(String(value))) return true;
    return { error: { message: 'The fingerprint is eight characters from 0-9 and a-f: tick the box instead of typing it.' } };
  },
  render() {
    const ticked = this.props.value === CHECKED;
    const recorded = this.state.recorded;
    let status;
    if (ticked) status = 'Will be recorded as checked against the adult text when you save.';
    else if (!recorded) status = 'Not yet checked against the adult text.';
    else if (this.state.upToDate) status = `Checked against the adult text, which has not changed since (${recorded}).`;
    else if (this.state.upToDate === false) status = `The adult text has changed since it was checked (${recorded}): read both texts, update this one, then tick the box.`;
    else status = `Recorded as checked (${recorded}).`;
    const id = this.props.forID;
    return h(
      'div',
      { className: `${this.props.classNameWrapper} plansite-checked` },
      h('p', { id: `${id}-status`, className: 'plansite-status' }, status),
      h(
        'div',
        { className: 'plansite-tick' },
        h('input', {
          type: 'checkbox',
          id,
          checked: ticked,
          'aria-describedby': `${id}-status`,
          onChange: event => this.props.onChange(event.target.checked ? CHECKED : recorded),
        }),
        h('label', { htmlFor: id }, 'I have read this young-people text beside its adult text, and they say the same'),
      ),
    );
  },
});

// --- Fields required once the object they belong to is filled in -------------------------------

function blank(value) {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length) ||
    (typeof value === 'object' && !Array.isArray(value) && !Object.values(value).some(inner => !blank(inner)));
}

/** 'Young-people version: Text' for each required field left empty in an object that is filled in. */
export function missingFields(fields, value, trail = []) {
  const missing = [];
  for (const field of fields || []) {
    const inner = value ? value[field.name] : undefined;
    const here = [...trail, field.label || field.name];
    if (field.plansite_required && blank(inner) && !blank(value)) missing.push(here.join(': '));
    if (field.widget === 'object' && field.fields && !blank(inner)) missing.push(...missingFields(field.fields, inner, here));
    if (field.widget === 'list' && Array.isArray(inner)) {
      inner.forEach((item, index) => {
        const shape = field.types ? field.types.find(type => item && type.name === item[field.typeKey || 'type']) : field;
        if (shape && shape.fields) missing.push(...missingFields(shape.fields, item, [...here, String(index + 1)]));
      });
    }
  }
  return missing;
}

// A ticked box becomes the adult text's fingerprint as the entry is saved, worked out from the
// values being saved (adult text included), at the same place the Python check looks.
CMS.registerEventListener({
  name: 'preSave',
  handler: async ({ entry }) => {
    let data = entry.get('data');
    const value = data.toJS();
    const missing = missingFields(fieldsOf(config, value), value);
    if (missing.length) throw new Error(`Fill in these fields, or empty the part they belong to: ${missing.join('; ')}`);
    for (const item of reviewedItems(fieldsOf(config, value), value)) {
      if (item.value.young_people.matches === CHECKED) {
        data = data.setIn([...item.path, 'young_people', 'matches'], await fingerprint(item.shape, item.value));
      }
    }
    return data;
  },
});

CMS.registerWidget('plansite-paragraphs', Paragraphs);
CMS.registerWidget('plansite-amount', AmountWidget);
CMS.registerWidget('plansite-articles', Articles);
CMS.registerWidget('plansite-pairs', Pairs);
CMS.registerWidget('plansite-checked', Checked);

// --- Signing in with a GitHub token: no server of the site's is needed ----------------------------

const TokenSignIn = createClass({
  getInitialState() {
    return { token: '', error: '' };
  },
  submit(event) {
    event.preventDefault();
    const token = this.state.token.trim();
    if (!token) {
      this.setState({ error: 'Paste your GitHub token first.' });
      return;
    }
    this.props.onLogin({ token });
  },
  render() {
    const error = this.state.error || this.props.error;
    return h(
      'main',
      { className: 'plansite-sign-in' },
      h('h1', null, 'Sign in to the form editor'),
      h(
        'p',
        null,
        'Paste a GitHub token that may write to the site\u2019s repository. It stays in this browser. ',
        h('a', { href: '../editors-guide/#sign-in-to-the-form-editor' }, 'How to make a token (editors\u2019 guide)'),
      ),
      h(
        'form',
        { onSubmit: this.submit },
        h('label', { htmlFor: 'plansite-token' }, 'GitHub token'),
        h('input', {
          id: 'plansite-token',
          type: 'password',
          autoComplete: 'off',
          value: this.state.token,
          'aria-describedby': error ? 'plansite-token-error' : undefined,
          onChange: event => this.setState({ token: event.target.value, error: '' }),
        }),
        error && h('p', { id: 'plansite-token-error', role: 'alert' }, String(error)),
        h('button', { type: 'submit', disabled: this.props.inProgress }, this.props.inProgress ? 'Signing in\u2026' : 'Sign in'),
      ),
    );
  },
});

function TokenBackend(backendConfig, options) {
  const backend = CMS.getBackend('github').init(backendConfig, options);
  backend.authComponent = () => TokenSignIn;
  return backend;
}

CMS.registerBackend('github-token', TokenBackend);

CMS.init({ config: { ...config, load_config_file: false } });
