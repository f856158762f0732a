// Nodes: role, leader and manager reachability, status, availability (with the actions to
// change it), labels, and resources reserved by current tasks against capacity.

import { ApiError } from './api.js';
import { bytes, cpus, el, replace } from './dom.js';
import { notify, setAvailability } from './actions.js';
import { isCurrent, state } from './store.js';

let root = null;

export function mount(container) {
  root = el('div');
  replace(container, el('h1', null, 'Nodes'), root);
  render();
}

export function unmount() { root = null; }

export function update(changes) {
  if (root && (changes.all || changes.node.size || changes.task.size)) render();
}

function reserved(nodeId) {
  let cpu = 0;
  let mem = 0;
  for (const t of state.task.values()) {
    if (t.nodeId !== nodeId || !isCurrent(t) || !t.spec || !t.spec.resources) continue;
    const r = t.spec.resources.reservations || {};
    cpu += r.nanoCpus || 0;
    mem += r.memoryBytes || 0;
  }
  return { cpu, mem };
}

function render() {
  const nodes = [...state.node.values()].sort((a, b) => hostname(a).localeCompare(hostname(b)));
  const rows = nodes.map((n) => {
    const res = (n.description && n.description.resources) || {};
    const r = reserved(n.id);
    const m = n.managerStatus;
    const labels = Object.entries(n.spec.labels || {}).map(([k, v]) => el('span', { class: 'label' }, `${k}=${v}`));
    const button = (availability, text) => el('button', {
      type: 'button', class: `avail-${availability.toLowerCase()}`, disabled: n.spec.availability === availability,
      dataset: { action: availability }, onclick: async () => {
        try {
          if (await setAvailability(n, availability)) notify(`${hostname(n)}: availability set to ${availability.toLowerCase()}.`);
        } catch (err) {
          notify(err instanceof ApiError && err.field ? `${err.field}: ${err.message}` : err.message, true);
        }
      } }, text);
    return el('tr', { dataset: { nodeId: n.id }, class: n.status.state === 'READY' ? '' : 'down' },
      el('td', null, hostname(n)),
      el('td', { class: 'mono' }, n.id.slice(0, 12)),
      el('td', null, n.spec.role === 'MANAGER' ? (m && m.leader ? 'manager (leader)' : 'manager') : 'worker'),
      el('td', null, m ? m.reachability : '—'),
      el('td', null, el('span', { class: `badge state-${n.status.state.toLowerCase()}` }, n.status.state)),
      el('td', null, n.spec.availability),
      el('td', null, `${cpus(r.cpu)} / ${cpus(res.nanoCpus)}`),
      el('td', null, `${bytes(r.mem)} / ${bytes(res.memoryBytes)}`),
      el('td', null, labels.length ? labels : '—'),
      el('td', null, el('div', { class: 'actions' },
        button('ACTIVE', 'Activate'), button('PAUSE', 'Pause'), button('DRAIN', 'Drain'))));
  });
  replace(root, el('div', { class: 'table-wrap' }, el('table', { id: 'nodes-table' },
    el('thead', null, el('tr', null, ...['Host', 'ID', 'Role', 'Reachability', 'Status', 'Availability',
      'CPU reserved', 'Memory reserved', 'Labels', 'Actions'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', null, rows))));
}

function hostname(n) {
  return (n.description && n.description.hostname) || n.id;
}
