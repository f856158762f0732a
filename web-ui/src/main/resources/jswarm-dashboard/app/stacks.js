// Stacks: services grouped by the com.docker.stack.namespace label (what `stack deploy` sets),
// removing a stack, and deploying one from a pasted or uploaded compose file.

import { send } from './api.js';
import { el, replace } from './dom.js';
import { notify, removeStack } from './actions.js';
import { replicaBar } from './services.js';
import { desired, running, stackOf, state } from './store.js';

let list = null;
let errors = null;

export function mount(container) {
  list = el('div', { id: 'stacks-list' });
  errors = el('ul', { class: 'errors', id: 'deploy-errors', role: 'alert' });
  const name = el('input', { type: 'text', id: 'stack-name', required: true, pattern: '[a-zA-Z0-9][a-zA-Z0-9_.-]*',
    'aria-label': 'stack name' });
  const compose = el('textarea', { id: 'compose-text', rows: 12, spellcheck: 'false', 'aria-label': 'compose file' });
  const file = el('input', { type: 'file', id: 'compose-file', accept: '.yml,.yaml,text/yaml', onchange: async (e) => {
    const f = e.target.files[0];
    if (f) compose.value = await f.text();
  } });
  const form = el('form', { id: 'deploy-form', onsubmit: (e) => { e.preventDefault(); deploy(name.value.trim(), compose.value); } },
    el('h2', null, 'Deploy a stack'),
    el('label', { for: 'stack-name' }, 'Name'), name,
    el('label', { for: 'compose-text' }, 'Compose file (paste, or choose a file)'), compose, file,
    el('button', { type: 'submit', id: 'deploy-button' }, 'Deploy'), errors);
  replace(container, el('h1', null, 'Stacks'), list, form);
  render();
}

export function unmount() { list = null; }

export function update(changes) {
  if (list && (changes.all || changes.service.size || changes.task.size)) render();
}

export function stacks() {
  const byName = new Map();
  for (const s of state.service.values()) {
    const name = stackOf(s);
    if (!name) continue;
    if (!byName.has(name)) byName.set(name, []);
    byName.get(name).push(s);
  }
  return [...byName.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function render() {
  const all = stacks();
  if (!all.length) {
    replace(list, el('p', { class: 'empty' }, 'No stacks. Services deployed from a compose file appear here.'));
    return;
  }
  replace(list, ...all.map(([name, services]) => el('section', { class: 'stack', dataset: { stack: name } },
    el('h2', null, name, ' ', el('button', { type: 'button', class: 'danger', onclick: async () => {
      try {
        if (await removeStack(name, services)) notify(`Removed stack ${name}.`);
      } catch (err) {
        notify(err.message, true);
      }
    } }, 'Remove stack')),
    el('ul', null, services.sort((a, b) => a.spec.name.localeCompare(b.spec.name)).map((s) => el('li', null,
      el('a', { href: `#/services/${encodeURIComponent(s.id)}` }, s.spec.name), ' ',
      replicaBar(running(s.id), desired(s))))))));
}

async function deploy(name, text) {
  replace(errors);
  if (!name) { replace(errors, el('li', null, 'name: give the stack a name')); return; }
  if (!text.trim()) { replace(errors, el('li', null, 'compose file: paste or choose one')); return; }
  let res;
  try {
    res = await send('POST', `/v1/stacks/${encodeURIComponent(name)}`, text, 'application/yaml');
  } catch (err) {
    replace(errors, el('li', null, err.message));
    return;
  }
  if (res.ok) {
    notify(`Deploying stack ${name}.`);
    return;
  }
  if (res.status === 404 && !(res.json && res.json.field)) {
    replace(errors, el('li', null, 'Deploying stacks is not available on this manager yet.'));
    return;
  }
  // The compose work reports one problem per entry: {pos: {file, line, column}, path, message}
  // (ComposeProblem), or a flat {line, path, message}; otherwise the error text, line by line.
  const body = res.json || {};
  const where = (p) => {
    const line = p.line ?? (p.pos && p.pos.line);
    return line ? `line ${line}: ` : '';
  };
  const problems = Array.isArray(body.problems)
    ? body.problems.map((p) => `${where(p)}${p.path ? `${p.path}: ` : ''}${p.message}`)
    : String(body.error || res.text || `HTTP ${res.status}`).split('\n');
  replace(errors, ...problems.map((p) => el('li', null, body.field && !body.problems ? `${body.field}: ${p}` : p)));
}
