// The dashboard page: a hash router over the views, the connection indicator, and the render
// loop fed by live.js (one render per animation frame, only of the view on screen).

import { loadSession, logout } from './api.js';
import * as live from './live.js';
import * as visualizer from './visualizer.js';
import * as services from './services.js';
import * as service from './service.js';
import * as nodes from './nodes.js';
import * as stacks from './stacks.js';
import * as events from './events.js';
import { state } from './store.js';
import { age } from './dom.js';

const VIEWS = { visualizer, services, nodes, stacks, events };
const main = document.getElementById('view');
let current = null;
let started = performance.now();

function route() {
  const [, name = 'visualizer', id] = location.hash.split('/');
  if (current) current.unmount();
  current = name === 'services' && id ? service : (VIEWS[name] || visualizer);
  document.querySelectorAll('nav a').forEach((a) => {
    if (a.dataset.view === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  document.getElementById('notice').hidden = true;
  current.mount(main, id ? decodeURIComponent(id) : undefined);
}

function render(changes) {
  if (current) current.update(changes);
  // First render with data: recorded for the browser test's report (not a pass/fail threshold).
  if (changes.all && state.node.size && !document.body.dataset.firstRenderMs) {
    document.body.dataset.firstRenderMs = String(Math.round(performance.now() - started));
  }
}

function connection(up) {
  document.getElementById('disconnected').hidden = up;
  const badge = document.getElementById('connection');
  badge.textContent = up ? 'live' : 'disconnected';
  badge.classList.toggle('up', up);
}

async function boot() {
  await loadSession();
  document.getElementById('logout').addEventListener('click', () => logout());
  window.addEventListener('hashchange', route);
  route();
  started = performance.now();
  live.start(render, connection);
}

// Ages ("12s", "3m") move on without any event; only their text is touched.
setInterval(() => {
  for (const e of document.querySelectorAll('[data-since]')) e.textContent = age(e.dataset.since);
}, 15000);

boot().catch((err) => console.error('dashboard failed to start', err));
