// Events: the live stream of changes, newest first.

import { el, replace } from './dom.js';
import { eventLog } from './live.js';
import { serviceName, nodeName } from './store.js';

let root = null;

export function mount(container) {
  root = el('ol', { class: 'events', id: 'events-list' });
  replace(container, el('h1', null, 'Events'), root);
  render();
}

export function unmount() { root = null; }

export function update(changes) {
  if (root && (changes.events.length || changes.all)) render();
}

function describe(e) {
  const o = e.object || {};
  if (e.kind === 'service') return (o.spec && o.spec.name) || o.id;
  if (e.kind === 'node') return (o.description && o.description.hostname) || o.id;
  const where = o.nodeId ? ` on ${nodeName(o.nodeId)}` : '';
  return `${serviceName(o.serviceId || '')}${o.slot ? '.' + o.slot : ''} ${o.status ? o.status.state : ''}${where}`;
}

function render() {
  if (!eventLog.length) {
    replace(root, el('li', { class: 'empty' }, 'Waiting for changes…'));
    return;
  }
  replace(root, ...eventLog.map((e) => el('li', null,
    el('time', null, e.at.toLocaleTimeString()), ' ',
    el('span', { class: `badge kind-${e.kind}` }, e.kind), ' ',
    el('span', { class: 'action' }, e.action), ' ',
    describe(e))));
}
