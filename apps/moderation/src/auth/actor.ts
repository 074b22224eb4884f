/** Who is acting: the built-in administrator, or a moderator signed in with their token. */
export interface Actor {
  id: string;
  name: string;
  role: 'moderator' | 'admin';
  /** Site ids the actor may act on; admins act on every site. */
  sites: string[];
}

export function canActOn(actor: Actor, siteId: string): boolean {
  return actor.role === 'admin' || actor.sites.includes(siteId);
}
