// Shared by the partner-admin's and ops' pages (issue 27): whole lists read page by page, names by id.
import { get, getAll as getEvery, path } from './api.js';

/**
 * Every item of a paged list as { items, total } (api.js' getAll: every page of 100 until X-Total-Count, cancelled with
 * the running load). `max` is kept for the callers' intent; api.js stops at 50 pages.
 */
export async function getAll(listPath) {
  const items = await getEvery(listPath);
  return { items, total: items.length };
}

const certificationNames = new Map();
/** A certification's name by id (cached for the page's life); the id itself when it cannot be read. */
export async function certificationName(id) {
  if (id.startsWith('assessment:')) return `assessment ${id.slice(11)}`;
  if (!certificationNames.has(id)) {
    certificationNames.set(id, get(path`/certifications/${id}`).then((c) => c.name, () => id));
  }
  return certificationNames.get(id);
}

/** Names for a list of certification ids: { id: name }. */
export async function certificationNamesOf(ids) {
  const unique = [...new Set(ids)];
  const names = await Promise.all(unique.map(certificationName));
  return Object.fromEntries(unique.map((id, i) => [id, names[i]]));
}

/** The organisation's competency names by id (the catalogue, every page). */
export async function competencyNames() {
  const { items } = await getAll('/competencies');
  return Object.fromEntries(items.map((c) => [c.id, c.name]));
}

export const LEVEL_WORDS = { NONE: 'None', SILVER: 'Silver', GOLD: 'Gold' };
