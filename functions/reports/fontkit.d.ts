// fontkit (pdfkit's font engine) ships no typings; only what render-pdf.ts uses.
declare module 'fontkit' {
  /**
   * A parsed font. pdfkit accepts one wherever it accepts a font file, but its typings know only file
   * names: declared as a branded string so that it passes where pdfkit takes one, and nowhere else.
   */
  export type Font = string & { readonly parsedFont: true };
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
