// esbuild bundles stylesheets imported from client code as text (see scripts/build-client.mjs).
declare module '*.css' {
  const text: string;
  export default text;
}
