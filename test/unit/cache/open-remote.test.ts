import { describe, expect, it } from 'vitest';
import { parseRemoteCacheOptions } from '../../../src/cache/remote/open-remote.js';

const names = { url: '--cache-url', mode: '--cache-mode' };
const parse = (url: string): ReturnType<typeof parseRemoteCacheOptions> =>
  parseRemoteCacheOptions({ kind: 'http', url }, names, {}, 'read-write');

describe('a cache URL that cannot be used', () => {
  it('is quoted without its user information, whatever the password holds', () => {
    for (const url of [
      'http://ci:pa/ss-SECRET@127.0.0.1:1/',
      'http://ci:pa?ss-SECRET@127.0.0.1:1/',
      'http://ci:pa#ss-SECRET@127.0.0.1:1/',
      'ftp://ci:SECRET@127.0.0.1/',
    ]) {
      const r = parse(url);
      expect(r.ok, url).toBe(false);
      if (r.ok) continue;
      expect(r.error).not.toContain('SECRET');
      expect(r.error).toMatch(
        /^--cache-url must be an http or https URL, got "[a-z]+:\/\/\*\*\*@127\.0\.0\.1/,
      );
    }
  });

  it('is refused when a password of digits made it parse as a port, the rest of it a path, query or fragment', () => {
    for (const url of [
      'http://ci:4242#S3cretTail@127.0.0.1:9/',
      'http://ci:4242/S3cretTail@127.0.0.1:9/',
      'http://ci:4242?S3cretTail@127.0.0.1:9/',
    ]) {
      const r = parse(url);
      expect(r.ok, url).toBe(false);
      if (r.ok) continue;
      expect(r.error).not.toContain('S3cret');
      expect(r.error).toMatch(/percent-encode/);
    }
    expect(parse('http://ci:p%23w%2Fd@127.0.0.1:9/cache').ok).toBe(true);
  });
});
