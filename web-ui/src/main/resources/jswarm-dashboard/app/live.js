// Live updates: the /v1/events stream (server-sent events). On every (re)connect the lists are
// fetched again so nothing missed while disconnected stays stale; events then keep the copy
// current. EventSource gives up on an HTTP error, so reconnecting is done here, with backoff.
// Events only mark objects dirty; rendering happens at most once per animation frame, so a
// burst of a thousand task changes costs one render.

import { get } from './api.js';
import { apply, beginResync, endResync, pending, replaceAll, state, takePending } from './store.js';

const MAX_EVENTS = 200;
let source = null;
let retryMs = 500;
let frameRequested = false;
let onRender = () => {};
let onConnection = () => {};

export const eventLog = [];

export function start(render, connection) {
  onRender = render;
  onConnection = connection;
  connect();
}

function connect() {
  onConnection(false);
  source = new EventSource('/v1/events');
  source.onopen = () => {
    retryMs = 500;
    onConnection(true);
    resync();
  };
  const handle = (e) => receive(e.type === 'snapshot', e.data);
  source.onmessage = handle;
  source.addEventListener('snapshot', handle);
  source.onerror = () => {
    // Our own reconnect: the browser's stops for good after an HTTP error (e.g. 502).
    source.close();
    onConnection(false);
    setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 10000);
  };
}

/** Test and debug hook: drop the stream as if the network had failed. */
export function disconnect() {
  if (source) source.onerror();
}

function receive(isSnapshot, data) {
  let ev;
  try { ev = JSON.parse(data); } catch { return; }
  const action = isSnapshot ? 'snapshot' : ev.action;
  if (apply(ev.kind, action === 'snapshot' ? 'update' : action, ev.object) && action !== 'snapshot') {
    eventLog.unshift({ at: new Date(), kind: ev.kind, action, object: ev.object });
    if (eventLog.length > MAX_EVENTS) eventLog.length = MAX_EVENTS;
    pending.events.push(ev);
  }
  schedule();
}

async function resync() {
  beginResync();
  try {
    // Each list on its own: a manager that lacks one route (404) still shows the others.
    const [nodes, services, tasks] = await Promise.allSettled([get('/v1/nodes'), get('/v1/services'), get('/v1/tasks')]);
    if (nodes.status === 'fulfilled') replaceAll('node', nodes.value || []);
    if (services.status === 'fulfilled') {
      replaceAll('service', (services.value || []).map((v) => v.service));
      state.desired.clear();
      for (const v of services.value || []) state.desired.set(v.service.id, v.desired);
    }
    if (tasks.status === 'fulfilled') replaceAll('task', tasks.value || []);
    for (const r of [nodes, services, tasks]) if (r.status === 'rejected') console.warn('resync', r.reason);
  } finally {
    endResync();
    schedule();
    // How many times the lists were loaded: tells a watcher (and the browser tests) the page is in sync.
    document.body.dataset.syncs = String(Number(document.body.dataset.syncs || 0) + 1);
  }
}

export function schedule() {
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(() => {
    frameRequested = false;
    onRender(takePending());
  });
}
