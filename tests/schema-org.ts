import { readFileSync } from 'node:fs';

/**
 * The schema.org vocabulary (the shared fixtures' release graph), for checking a page's JSON-LD the
 * way a validator does: every @type is a schema.org class, every property is a schema.org property
 * whose domain includes that class or one of its ancestors. Returns the problems found, none if valid.
 */
export function schemaOrgChecker(vocabularyFile: string): (data: unknown) => string[] {
  const graph = (JSON.parse(readFileSync(vocabularyFile, 'utf8')) as { '@graph': Record<string, unknown>[] })['@graph'];
  const ids = (v: unknown): string[] => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => String((x as { '@id': string })['@id']).replace(/^schema:/, '')));
  const parents = new Map<string, string[]>();
  const domains = new Map<string, string[]>();
  for (const node of graph) {
    const id = String(node['@id']).replace(/^schema:/, '');
    const types = ([] as unknown[]).concat(node['@type']);
    if (types.includes('rdfs:Class')) parents.set(id, ids(node['rdfs:subClassOf']));
    if (types.includes('rdf:Property')) domains.set(id, ids(node['schema:domainIncludes']));
  }
  const ancestors = (type: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(type)) return seen;
    seen.add(type);
    for (const p of parents.get(type) ?? []) ancestors(p, seen);
    return seen;
  };
  const check = (value: unknown, path: string, problems: string[]): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => check(v, `${path}[${i}]`, problems));
    if (!value || typeof value !== 'object') return;
    const node = value as Record<string, unknown>;
    const type = node['@type'];
    if (typeof type !== 'string') return void problems.push(`${path}: no @type`);
    if (!parents.has(type)) problems.push(`${path}: unknown type ${type}`);
    const lineage = ancestors(type);
    for (const [key, v] of Object.entries(node)) {
      if (key.startsWith('@')) continue;
      // "query-input" and the like: schema.org's annotation of an action's input (Potential Actions).
      const property = key.replace(/-(input|output)$/, '');
      const domain = domains.get(property);
      if (!domain) problems.push(`${path}.${key}: not a schema.org property`);
      else if (!domain.some((d) => lineage.has(d))) problems.push(`${path}.${key}: not a property of ${type}`);
      check(v, `${path}.${key}`, problems);
    }
  };
  return (data) => {
    const problems: string[] = [];
    check(data, '$', problems);
    return problems;
  };
}
