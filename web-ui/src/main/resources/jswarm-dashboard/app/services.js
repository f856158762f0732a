// Services: mode, replicas running/desired with a bar, image, ports, stack.

import { el, replace } from './dom.js';
import { desired, modeName, running, stackOf, state } from './store.js';

let root = null;

export function mount(container) {
  root = el('div');
  replace(container, el('h1', null, 'Services'), root);
  render();
}

export function unmount() { root = null; }

export function update(changes) {
  if (root && (changes.all || changes.service.size || changes.task.size || changes.node.size)) render();
}

export function ports(spec) {
  const list = (spec.endpoint && spec.endpoint.ports) || [];
  return list.map((p) => `${p.publishedPort ?? '*'}:${p.targetPort}/${(p.protocol || 'TCP').toLowerCase()}`).join(', ');
}

export function replicaBar(run, want) {
  const pct = want > 0 ? Math.min(100, Math.round((run / want) * 100)) : (run > 0 ? 100 : 0);
  const bar = el('span', { class: `bar ${run >= want ? 'full' : 'partial'}`, role: 'img',
    'aria-label': `${run} of ${want} running` }, el('span', { class: 'fill' }));
  bar.firstChild.style.width = `${pct}%`;
  return el('span', { class: 'replicas' }, bar, ` ${run}/${want}`);
}

function render() {
  const services = [...state.service.values()].sort((a, b) => a.spec.name.localeCompare(b.spec.name));
  if (!services.length) {
    replace(root, el('p', { class: 'empty' }, 'No services yet.'));
    return;
  }
  const rows = services.map((s) => el('tr', { dataset: { serviceId: s.id } },
    el('td', null, el('a', { href: `#/services/${encodeURIComponent(s.id)}`, class: 'service-name' }, s.spec.name)),
    el('td', null, modeName(s.spec.mode)),
    el('td', null, replicaBar(running(s.id), desired(s))),
    el('td', { class: 'image' }, s.spec.task.container.image),
    el('td', null, ports(s.spec)),
    el('td', null, stackOf(s) || '')));
  replace(root, el('div', { class: 'table-wrap' }, el('table', { id: 'services-table' },
    el('thead', null, el('tr', null, ...['Name', 'Mode', 'Replicas', 'Image', 'Ports', 'Stack'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', null, rows))));
}
