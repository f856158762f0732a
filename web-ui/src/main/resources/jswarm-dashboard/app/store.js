// The page's copy of the cluster: nodes, services and tasks by id. Changes arrive from list calls
// and from the event stream in any order; an object's meta.version (the Raft index of its last
// write) decides which copy is newer, so an older copy never overwrites a newer one.
// Every change is recorded in `pending` and rendered once per animation frame (live.js).

const KINDS = ['node', 'service', 'task'];

export const state = {
  node: new Map(),
  service: new Map(),
  task: new Map(),
  desired: new Map(), // service id → desired count from the last GET /v1/services (global services)
};

const tombstones = { node: new Map(), service: new Map(), task: new Map() };
let touchedSinceResync = null;
export const pending = { node: new Set(), service: new Set(), task: new Set(), all: true, events: [] };

function version(obj) {
  return (obj && obj.meta && obj.meta.version) || 0;
}

/** Applies one object from the event stream; returns whether it changed anything. */
export function apply(kind, action, obj) {
  if (!KINDS.includes(kind) || !obj || !obj.id) return false;
  const map = state[kind];
  const current = map.get(obj.id);
  if (touchedSinceResync) touchedSinceResync.add(`${kind}:${obj.id}`);
  if (action === 'remove') {
    map.delete(obj.id);
    tombstones[kind].set(obj.id, version(obj));
    if (tombstones[kind].size > 20000) tombstones[kind].clear();
  } else {
    if (current && version(current) > version(obj)) return false;
    const dead = tombstones[kind].get(obj.id);
    if (dead !== undefined && dead >= version(obj)) return false;
    map.set(obj.id, obj);
  }
  pending[kind].add(obj.id);
  return true;
}

/** Starts a resync: objects touched by events from now on are not dropped by replaceAll. */
export function beginResync() {
  touchedSinceResync = new Set();
}

/** Replaces a kind's objects with a freshly listed set, keeping newer copies from events. */
export function replaceAll(kind, list) {
  const map = state[kind];
  const listed = new Set();
  for (const obj of list) {
    listed.add(obj.id);
    const current = map.get(obj.id);
    const dead = tombstones[kind].get(obj.id);
    if (dead !== undefined && dead >= version(obj)) continue;
    if (!current || version(current) <= version(obj)) map.set(obj.id, obj);
  }
  for (const id of [...map.keys()]) {
    if (!listed.has(id) && !(touchedSinceResync && touchedSinceResync.has(`${kind}:${id}`))) map.delete(id);
  }
  pending.all = true;
}

export function endResync() {
  touchedSinceResync = null;
}

export function takePending() {
  const taken = {
    node: new Set(pending.node), service: new Set(pending.service), task: new Set(pending.task),
    all: pending.all, events: pending.events.splice(0),
  };
  pending.node.clear(); pending.service.clear(); pending.task.clear(); pending.all = false;
  return taken;
}

// ---- derived views ----

export function serviceName(id) {
  const s = state.service.get(id);
  return s ? s.spec.name : id.slice(0, 12);
}

export function nodeName(id) {
  if (!id) return 'unassigned';
  const n = state.node.get(id);
  return (n && n.description && n.description.hostname) || id.slice(0, 12);
}

/** Tasks the cluster means to run now (desired RUNNING), the ones the visualizer shows. */
export function isCurrent(task) {
  return task.desiredState === 'RUNNING' || task.desiredState === 'READY';
}

export function running(serviceId) {
  let n = 0;
  for (const t of state.task.values()) {
    if (t.serviceId === serviceId && t.status.state === 'RUNNING' && isCurrent(t)) n++;
  }
  return n;
}

export function desired(service) {
  const mode = service.spec.mode || {};
  if (mode.type === 'replicated') return mode.replicas;
  if (mode.type === 'replicated-job') return mode.totalCompletions;
  const listed = state.desired.get(service.id);
  if (listed !== undefined) return listed;
  let eligible = 0;
  for (const n of state.node.values()) {
    if (n.spec.availability === 'ACTIVE' && n.status.state === 'READY') eligible++;
  }
  return eligible;
}

export function modeName(mode) {
  if (!mode) return 'replicated';
  return mode.type.replace('-', ' ');
}

export function stackOf(service) {
  return (service.spec.labels || {})['com.docker.stack.namespace'] || null;
}

export function tasksOf(serviceId) {
  const list = [];
  for (const t of state.task.values()) if (t.serviceId === serviceId) list.push(t);
  // By slot (global tasks by node), newest first within a slot: the history reads top-down.
  list.sort((a, b) => (a.slot - b.slot) || String(a.nodeId).localeCompare(String(b.nodeId))
    || (version(b) - version(a)));
  return list;
}
