/**
 * Who may call a route, declared on every route (`config.access`) and read back by the route table,
 * so the authorization tests walk every route the server has instead of a hand-picked list.
 * - public: anyone (health, login, enrol — each throttled)
 * - device: a laptop's device token; business and device come from the token
 * - admin-read: a console session of either role
 * - admin-write: a console session of a super admin (support is read-only)
 */
export type Access = 'public' | 'device' | 'admin-read' | 'admin-write';

export interface RouteInfo {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}
