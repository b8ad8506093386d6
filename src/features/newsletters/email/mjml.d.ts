// mjml ships no TypeScript types. This declares the one call we make (mjml2html, async since v5) and the
// options we pass; see node_modules/mjml-core/lib/index.js for the full list.
declare module 'mjml' {
  namespace mjml2html {
    interface Options {
      /** 'strict' throws on invalid MJML; 'soft' (the default) reports in `errors`; 'skip' does not check. */
      validationLevel?: 'strict' | 'soft' | 'skip';
      /** Web fonts to link when their family is used; `{}` links none. */
      fonts?: Record<string, string>;
      minify?: boolean;
      beautify?: boolean;
      keepComments?: boolean;
      filePath?: string;
    }
    interface ValidationIssue {
      line: number;
      message: string;
      tagName: string;
      formattedMessage: string;
    }
    interface Result {
      html: string;
      errors: ValidationIssue[];
    }
  }
  function mjml2html(input: string, options?: mjml2html.Options): Promise<mjml2html.Result>;
  export = mjml2html;
}
