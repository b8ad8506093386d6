// @tryghost/nql-lang ships no types: its parser turns an NQL filter into Mongo-style JSON.
declare module '@tryghost/nql-lang' {
  export function parse(filter: string): Record<string, unknown>;
}
