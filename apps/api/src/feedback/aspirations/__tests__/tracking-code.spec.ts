import { newTrackingCode, normalizeTrackingCode } from '../tracking-code';

describe('tracking codes as people type them', () => {
  it('accepts lower case, spaces and missing dashes, and refuses anything else', () => {
    const code = newTrackingCode();
    expect(code).toMatch(/^MDN-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(normalizeTrackingCode(code)).toBe(code);
    expect(normalizeTrackingCode(` ${code.toLowerCase().replace(/-/g, '')} `)).toBe(code);
    expect(normalizeTrackingCode(code.slice(4))).toBe(code);
    for (const bad of ['', 'MDN-1234', 'MDN-ABCD-EFGH-IJ', "MDN-ABCD-EF'H", 'DEMO-12345', 'DEMO-12345678']) expect(normalizeTrackingCode(bad)).toBeNull();
  });

  it('accepts the demo city codes, so demo aspirations can be followed too', () => {
    expect(normalizeTrackingCode('DEMO-0001234')).toBe('DEMO-0001234');
    expect(normalizeTrackingCode('demo 0001234')).toBe('DEMO-0001234');
  });
});
