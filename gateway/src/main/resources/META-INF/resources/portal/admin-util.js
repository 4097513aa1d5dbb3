// Shared by the partner-admin's and ops' pages (issue 27): whole lists read page by page, names by id.
import { api, get, path } from './api.js';

/** Every item of a paged list (X-Total-Count), 100 a page, at most `max` items (the rest is said, never cut silently). */
export async function getAll(listPath, max = 1000) {
  const items = [];
  const joiner = listPath.includes('?') ? '&' : '?';
  for (let page = 0; ; page++) {
    const { data, total } = await api(`${listPath}${joiner}page=${page}&size=100`);
    items.push(...data);
    if (data.length === 0 || items.length >= total || items.length >= max) return { items, total: Math.max(total, items.length) };
  }
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
