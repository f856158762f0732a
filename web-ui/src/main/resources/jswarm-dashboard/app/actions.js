// Everyday actions, each one call of the public API. Destructive ones ask first.

import { del, post } from './api.js';
import { replace } from './dom.js';

/** Asks in a modal dialog (keyboard reachable, Escape cancels); resolves to true on Confirm. */
export function confirmAction(text) {
  const dialog = document.getElementById('confirm-dialog');
  replace(document.getElementById('confirm-text'), text);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    document.getElementById('confirm-cancel').focus();
  });
}

export function notify(text, isError = false) {
  const notice = document.getElementById('notice');
  notice.hidden = false;
  notice.classList.toggle('error', isError);
  replace(notice, text);
}

const path = (id) => `/v1/services/${encodeURIComponent(id)}`;

export function scale(service, replicas) {
  return post(`${path(service.id)}/scale`, { replicas });
}

function update(service, change) {
  const spec = structuredClone(service.spec);
  change(spec);
  return post(`${path(service.id)}/update?version=${service.meta.version}`, spec);
}

export function setImage(service, image) {
  return update(service, (spec) => { spec.task.container.image = image; });
}

/** A restart is an update that only bumps forceUpdate: every task is replaced (update --force). */
export async function restart(service) {
  if (!(await confirmAction(`Restart every task of ${service.spec.name}?`))) return false;
  await update(service, (spec) => { spec.task.forceUpdate = (spec.task.forceUpdate || 0) + 1; });
  return true;
}

export async function removeService(service) {
  if (!(await confirmAction(`Remove service ${service.spec.name} and all its tasks?`))) return false;
  await del(path(service.id));
  return true;
}

export async function setAvailability(node, availability) {
  const name = (node.description && node.description.hostname) || node.id;
  if (availability === 'DRAIN'
      && !(await confirmAction(`Drain node ${name}? Its tasks will be moved to other nodes.`))) return false;
  await post(`/v1/nodes/${encodeURIComponent(node.id)}/update`, { availability });
  return true;
}

export async function removeStack(name, services) {
  if (!(await confirmAction(`Remove stack ${name} (${services.length} services)?`))) return false;
  for (const s of services) await del(path(s.id));
  return true;
}
