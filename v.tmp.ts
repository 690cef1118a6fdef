import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { buildOpenApiDocument } from './shared/api/openapi.ts';
const doc = buildOpenApiDocument({ version: 't' }) as any;
const ajv = new Ajv2020({ allErrors: true });
addFormats.default(ajv);
ajv.addVocabulary(['openapi', 'info', 'servers', 'paths', 'components']);
ajv.addSchema(doc, 'contract');
const token = (s: string) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'));
let n = 0;
for (const [p, ops] of Object.entries<any>(doc.paths)) for (const [m, op] of Object.entries<any>(ops)) for (const st of Object.keys(op.responses)) {
  const ptr = ['paths', p, m, 'responses', st, 'content', 'application/json', 'schema'].map(token).join('/');
  ajv.compile({ $ref: `contract#/${ptr}` }); n++;
}
console.log('compiled', n);
const v = ajv.compile({ $ref: 'contract#/' + ['paths','/api/secondments/{id}','put','responses','409','content','application/json','schema'].map(token).join('/') });
console.log(v({ error: { code: 'stale_version', message: 'x' } }), v({ error: { code: 'forbidden', message: 'x' } }), JSON.stringify(v.errors));
