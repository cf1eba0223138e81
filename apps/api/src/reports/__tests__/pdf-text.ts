import { spawn } from 'node:child_process';

/**
 * Text and document information of a PDF, read with pdf-parse (v2) in a
 * child Node process: pdf.js loads its worker with a dynamic import, which
 * Jest's module sandbox does not allow.
 */
const SCRIPT = `
import { PDFParse } from 'pdf-parse';
const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
const { text } = await parser.getText();
const { info } = await parser.getInfo();
await parser.destroy();
process.stdout.write(JSON.stringify({ text, info }));
`;

export function extractPdf(pdf: Buffer): Promise<{ text: string; info: Record<string, any> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', SCRIPT], { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`pdf-parse exited with ${code}: ${err}`))));
    child.stdin.end(pdf);
  });
}
