/**
 * Text the product accepts in a request body. A lone surrogate cannot be encoded as UTF-8 (DynamoDB,
 * S3 and the PDF would each treat it their own way), and control characters other than tab, line feed
 * and carriage return have no place in what people type and make the DOCX report invalid XML.
 */
const UNACCEPTABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused.
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const WHY = 'Use plain text: no control characters and no broken characters (lone surrogates).';

/**
 * The first string (key or value) in a parsed JSON body that is not acceptable text, as the field
 * path the error body names (`post.city`, `(body)` for the body itself). Iterative: a body nested
 * thousands deep must not overflow the stack.
 */
export function unacceptableText(body: unknown): { field: string; why: string } | undefined {
  // Each node points to its parent, so a deep body costs no copied paths; the path is built once, if found.
  interface Node {
    value: unknown;
    key?: string;
    parent?: Node;
  }
  const fieldOf = (node: Node, key?: string) => {
    const path = key === undefined ? [] : [key];
    for (let at: Node | undefined = node; at?.key !== undefined; at = at.parent) path.unshift(at.key);
    return path.join('.') || '(body)';
  };
  const stack: Node[] = [{ value: body }];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    const { value } = node;
    if (typeof value === 'string') {
      if (UNACCEPTABLE.test(value)) return { field: fieldOf(node), why: WHY };
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        stack.push({ value: item, key: String(i), parent: node });
      });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (UNACCEPTABLE.test(key)) return { field: fieldOf(node, key), why: WHY };
        stack.push({ value: item, key, parent: node });
      }
    }
  }
  return undefined;
}
