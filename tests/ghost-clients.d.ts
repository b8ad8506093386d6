// Ghost's official client libraries ship no types; the tests use them as Ghost's own users do.
declare module '@tryghost/content-api' {
  type Browsed = Record<string, unknown>[] & { meta: { pagination: Record<string, number | string | null> } };
  interface Resource {
    browse(options?: object): Promise<Browsed>;
    read(data: object, options?: object): Promise<Record<string, unknown>>;
  }
  const GhostContentAPI: (options: { url: string; key: string; version: string }) => { posts: Resource; pages: Resource; tags: Resource; authors: Resource; settings: { browse(): Promise<Record<string, unknown>> } };
  export default GhostContentAPI;
}
declare module '@tryghost/admin-api' {
  interface Resource {
    browse(options?: object): Promise<Record<string, unknown>[]>;
    read(data: object, options?: object): Promise<Record<string, unknown>>;
    add(data: object, options?: object): Promise<Record<string, unknown>>;
    edit(data: object, options?: object): Promise<Record<string, unknown>>;
    delete(data: object): Promise<unknown>;
  }
  const GhostAdminAPI: (options: { url: string; key: string; version: string }) => { posts: Resource; pages: Resource; tags: Resource; webhooks: Pick<Resource, 'add' | 'edit' | 'delete'>; images: { upload(data: object): Promise<{ url: string }> } };
  export default GhostAdminAPI;
}
