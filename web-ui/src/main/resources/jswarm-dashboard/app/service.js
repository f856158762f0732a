// One service: its spec, the everyday actions, every task with its history and errors (the
// scheduler's "no suitable node (…)" included), and its logs, followed live.

import { ApiError } from './api.js';
import { age, el, replace } from './dom.js';
import { notify, removeService, restart, scale, setImage } from './actions.js';
import { ports, replicaBar } from './services.js';
import { desired, modeName, nodeName, running, serviceName, stackOf, state, tasksOf } from './store.js';

const MAX_LOG_LINES = 2000;
let serviceId = null;
let summary = null;
let taskTable = null;
let logs = null;
let logAbort = null;

export function mount(container, id) {
  serviceId = id;
  summary = el('div', { class: 'service-summary' });
  taskTable = el('div', { class: 'table-wrap' });
  logs = el('pre', { class: 'logs', id: 'service-logs', tabindex: 0, 'aria-label': 'service logs' });
  replace(container, summary, el('h2', null, 'Tasks'), taskTable, el('h2', null, 'Logs'), logs);
  render(true);
  followLogs();
}

export function unmount() {
  if (logAbort) logAbort.abort();
  logAbort = null;
  serviceId = null;
}

export function update(changes) {
  if (!serviceId) return;
  const mine = changes.all || changes.service.has(serviceId) || [...changes.task].some((id) => {
    const t = state.task.get(id);
    return !t || t.serviceId === serviceId;
  });
  if (mine) render(changes.all || changes.service.has(serviceId));
}

function render(withSummary) {
  const s = state.service.get(serviceId);
  if (!s) {
    replace(summary, el('h1', null, 'Service not found'), el('p', null, 'It may have been removed.'),
      el('a', { href: '#/services' }, 'All services'));
    replace(taskTable);
    return;
  }
  if (withSummary || !summary.firstChild) renderSummary(s);
  else summary.querySelector('.replicas').replaceWith(replicaBar(running(s.id), desired(s)));
  renderTasks(s);
}

function renderSummary(s) {
  const spec = s.spec;
  const c = spec.task.container;
  const labels = Object.entries(spec.labels || {}).map(([k, v]) => `${k}=${v}`).join(', ');
  const replicasInput = el('input', { type: 'number', min: 0, id: 'scale-input', 'aria-label': 'replicas',
    value: spec.mode && spec.mode.type === 'replicated' ? spec.mode.replicas : '' });
  const imageInput = el('input', { type: 'text', id: 'image-input', 'aria-label': 'image', value: c.image });
  const act = (fn, done) => async () => {
    try {
      if (await fn() !== false) notify(done);
    } catch (err) {
      notify(err instanceof ApiError && err.field ? `${err.field}: ${err.message}` : err.message, true);
    }
  };
  replace(summary,
    el('h1', null, spec.name),
    el('dl', { class: 'spec' },
      el('dt', null, 'Mode'), el('dd', null, modeName(spec.mode)),
      el('dt', null, 'Replicas'), el('dd', null, replicaBar(running(s.id), desired(s))),
      el('dt', null, 'Image'), el('dd', { class: 'image' }, c.image),
      el('dt', null, 'Command'), el('dd', null, [...(c.command || []), ...(c.args || [])].join(' ') || '(image default)'),
      el('dt', null, 'Ports'), el('dd', null, ports(spec) || 'none'),
      el('dt', null, 'Stack'), el('dd', null, stackOf(s) || '—'),
      el('dt', null, 'Labels'), el('dd', null, labels || 'none'),
      el('dt', null, 'Version'), el('dd', null, String(s.meta.version))),
    el('div', { class: 'actions' },
      spec.mode && spec.mode.type === 'replicated' ? el('form', { class: 'inline', id: 'scale-form', onsubmit: (e) => {
        e.preventDefault();
        act(() => scale(s, Number(replicasInput.value)), `Scaled ${spec.name} to ${replicasInput.value}.`)();
      } }, replicasInput, el('button', { type: 'submit', id: 'scale-button' }, 'Scale')) : null,
      el('form', { class: 'inline', onsubmit: (e) => {
        e.preventDefault();
        act(() => setImage(state.service.get(s.id), imageInput.value.trim()), `Updating ${spec.name} to ${imageInput.value}.`)();
      } }, imageInput, el('button', { type: 'submit', id: 'image-button' }, 'Update image')),
      el('button', { type: 'button', id: 'restart-button',
        onclick: act(() => restart(state.service.get(s.id)), `Restarting every task of ${spec.name}.`) }, 'Restart'),
      el('button', { type: 'button', class: 'danger', id: 'remove-button', onclick: act(async () => {
        const removed = await removeService(s);
        if (removed) location.hash = '#/services';
        return removed;
      }, `Removed ${spec.name}.`) }, 'Remove')));
}

function renderTasks(s) {
  const rows = tasksOf(s.id).map((t) => el('tr', { class: t.desiredState === 'RUNNING' ? 'current' : 'history',
    dataset: { taskId: t.id } },
    el('td', null, t.slot ? `${s.spec.name}.${t.slot}` : `${s.spec.name}@${nodeName(t.nodeId)}`),
    el('td', { class: 'mono' }, t.id.slice(0, 12)),
    el('td', null, nodeName(t.nodeId)),
    el('td', null, t.desiredState),
    el('td', null, el('span', { class: `state task-${t.status.state.toLowerCase()}` }, t.status.state)),
    el('td', { class: 'task-message' }, t.status.error ? el('span', { class: 'error' }, t.status.error) : null,
      t.status.error && t.status.message ? ' — ' : null, t.status.message || ''),
    el('td', { dataset: { since: t.status.timestamp } }, age(t.status.timestamp))));
  replace(taskTable, el('table', { id: 'tasks-table' },
    el('thead', null, el('tr', null, ...['Task', 'ID', 'Node', 'Desired', 'State', 'Message', 'Since']
      .map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', null, rows)));
}

/** Streams `GET …/logs?follow=true` into the page as text, keeping the last MAX_LOG_LINES. */
async function followLogs() {
  const controller = new AbortController();
  logAbort = controller;
  replace(logs);
  try {
    const res = await fetch(`/v1/services/${encodeURIComponent(serviceId)}/logs?tail=200&follow=true&timestamps=true`,
      { signal: controller.signal, credentials: 'same-origin' });
    if (!res.ok) {
      const body = await res.json().catch(() => ({}));
      appendLines([`(logs unavailable: ${body.error || res.status})`]);
      return;
    }
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let rest = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const parts = (rest + value).split('\n');
      rest = parts.pop();
      appendLines(parts);
    }
    if (rest) appendLines([rest]);
  } catch (err) {
    if (err.name !== 'AbortError') appendLines([`(log stream ended: ${err.message})`]);
  }
}

/** "<task-id> <line>" (the API's format) shown as "web.2 <line>", the name a user knows. */
function label(line) {
  const space = line.indexOf(' ');
  const t = space > 0 ? state.task.get(line.slice(0, space)) : null;
  if (!t) return line;
  const name = serviceName(t.serviceId);
  return `${t.slot ? `${name}.${t.slot}` : `${name}@${nodeName(t.nodeId)}`}${line.slice(space)}`;
}

function appendLines(raw) {
  if (!logs || !raw.length) return;
  const lines = raw.map(label);
  const stick = logs.scrollTop + logs.clientHeight >= logs.scrollHeight - 4;
  logs.appendChild(document.createTextNode(lines.join('\n') + '\n'));
  // Text nodes, one per batch: drop the oldest batches past the limit.
  while (logs.childNodes.length > 1 && logs.textContent.length > MAX_LOG_LINES * 200) logs.firstChild.remove();
  if (stick) logs.scrollTop = logs.scrollHeight;
}
