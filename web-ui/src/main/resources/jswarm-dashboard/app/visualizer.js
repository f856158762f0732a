// The cluster visualizer: a column per node, a card per task the cluster means to run, coloured
// by service. Updated card by card: a change to one task touches one card, not 3,000.

import { age, bytes, cpus, el, hue, replace } from './dom.js';
import { isCurrent, serviceName, state } from './store.js';

const UNASSIGNED = '';
let root = null;
let columns = new Map(); // node id ('' for unassigned) → {section, header, list}
let cards = new Map(); // task id → li
let runningOnly = false;

export function mount(container) {
  root = el('div', { class: 'columns', id: 'columns' });
  const filter = el('input', { type: 'checkbox', id: 'running-only', checked: runningOnly,
    onchange: (e) => { runningOnly = e.target.checked; renderAll(); } });
  replace(container,
    el('div', { class: 'toolbar' }, el('h1', null, 'Cluster'),
      el('label', { for: 'running-only' }, filter, ' running tasks only')),
    root);
  renderAll();
}

export function unmount() {
  root = null;
  columns = new Map();
  cards = new Map();
}

export function update(changes) {
  if (!root) return;
  const nodesChanged = changes.node.size > 0;
  if (changes.all || (nodesChanged && [...changes.node].some((id) => state.node.has(id) !== columns.has(id)))) {
    renderAll();
    return;
  }
  for (const id of changes.node) {
    const col = columns.get(id);
    if (col) fillHeader(col, state.node.get(id));
  }
  if (changes.service.size > 0) {
    // A renamed or removed service changes the names on its cards; rare, so redraw all.
    renderAll();
    return;
  }
  for (const id of changes.task) placeTask(id);
  for (const col of columns.values()) updateCount(col);
}

function visible(t) {
  return t && isCurrent(t) && (!runningOnly || t.status.state === 'RUNNING');
}

function renderAll() {
  if (!root) return;
  columns = new Map();
  cards = new Map();
  const nodes = [...state.node.values()].sort((a, b) =>
    (a.spec.role === b.spec.role ? 0 : a.spec.role === 'MANAGER' ? -1 : 1)
    || hostname(a).localeCompare(hostname(b)));
  const byNode = new Map();
  for (const t of state.task.values()) {
    if (!visible(t)) continue;
    const key = t.nodeId && state.node.has(t.nodeId) ? t.nodeId : UNASSIGNED;
    if (!byNode.has(key)) byNode.set(key, []);
    byNode.get(key).push(t);
  }
  const fragment = document.createDocumentFragment();
  for (const n of nodes) fragment.appendChild(column(n.id, n, byNode.get(n.id) || []));
  const unassigned = byNode.get(UNASSIGNED);
  if (unassigned && unassigned.length) fragment.appendChild(column(UNASSIGNED, null, unassigned));
  root.replaceChildren(fragment);
}

function hostname(n) {
  return (n.description && n.description.hostname) || n.id;
}

function column(id, node, tasks) {
  const header = el('header');
  const list = el('ul', { class: 'cards' });
  const section = el('section', { class: 'node-col', dataset: { nodeId: id } }, header, list);
  const col = { section, header, list, id };
  columns.set(id, col);
  if (node) fillHeader(col, node);
  else {
    section.classList.add('unassigned');
    replace(header, el('h2', null, 'Not placed'), el('p', { class: 'meta' }, 'tasks waiting for a node'));
  }
  tasks.sort((a, b) => serviceName(a.serviceId).localeCompare(serviceName(b.serviceId)) || a.slot - b.slot);
  for (const t of tasks) list.appendChild(card(t));
  updateCount(col);
  return section;
}

function fillHeader(col, n) {
  col.section.classList.toggle('down', n.status.state === 'DOWN');
  col.section.classList.toggle('unready', n.status.state !== 'READY' && n.status.state !== 'DOWN');
  col.section.classList.toggle('drained', n.spec.availability !== 'ACTIVE');
  const res = n.description && n.description.resources;
  const role = n.spec.role === 'MANAGER' ? (n.managerStatus && n.managerStatus.leader ? 'leader' : 'manager') : 'worker';
  replace(col.header,
    el('h2', null, hostname(n)),
    el('p', { class: 'meta' },
      el('span', { class: `badge role-${role}` }, role), ' ',
      el('span', { class: `badge state-${n.status.state.toLowerCase()}` }, n.status.state), ' ',
      el('span', { class: `badge avail-${n.spec.availability.toLowerCase()}` }, n.spec.availability)),
    el('p', { class: 'meta' }, res ? `${cpus(res.nanoCpus)} · ${bytes(res.memoryBytes)}` : 'resources unknown'),
    el('p', { class: 'meta count' }));
  updateCount(col);
}

function updateCount(col) {
  const count = col.header.querySelector('.count');
  if (count) count.textContent = `${col.list.childElementCount} tasks`;
}

function placeTask(id) {
  const t = state.task.get(id);
  const old = cards.get(id);
  if (!visible(t)) {
    if (old) { old.remove(); cards.delete(id); }
    return;
  }
  const key = t.nodeId && columns.has(t.nodeId) ? t.nodeId : UNASSIGNED;
  let col = columns.get(key);
  if (!col) {
    root.appendChild(column(UNASSIGNED, null, []));
    col = columns.get(UNASSIGNED);
  }
  const fresh = card(t);
  if (old && old.parentNode === col.list) old.replaceWith(fresh);
  else {
    if (old) old.remove();
    col.list.appendChild(fresh);
  }
}

function card(t) {
  const s = t.status;
  const li = el('li', { class: `card task-${s.state.toLowerCase()}`, dataset: { taskId: t.id, serviceId: t.serviceId },
    title: s.error || s.message || '' },
    el('a', { href: `#/services/${encodeURIComponent(t.serviceId)}`, class: 'svc' }, serviceName(t.serviceId)),
    t.slot ? el('span', { class: 'slot' }, `.${t.slot}`) : null,
    el('span', { class: 'state' }, s.state),
    el('span', { class: 'image' }, t.spec && t.spec.container ? t.spec.container.image : ''),
    s.health && s.health !== 'NONE' ? el('span', { class: `health health-${s.health.toLowerCase()}` }, s.health) : null,
    el('span', { class: 'age', dataset: { since: s.timestamp } }, age(s.timestamp)),
    !t.nodeId && s.message ? el('span', { class: 'reason' }, s.message) : null,
    s.error ? el('span', { class: 'reason error' }, s.error) : null);
  li.style.setProperty('--hue', hue(t.serviceId));
  cards.set(t.id, li);
  return li;
}
