import { jsonDepth, MAX_JSON_DEPTH } from '../json-body.parser';

describe('jsonDepth', () => {
  it('counts nesting of arrays and objects', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('{"a":[1,{"b":[]}]}')).toBe(4);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDepth('{"text":"[[[{{{ \\" ]]] {"}')).toBe(1);
  });

  it('stops counting once past the limit, however deep the input', () => {
    const deep = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
    expect(jsonDepth(deep)).toBe(MAX_JSON_DEPTH + 1);
  });
});
