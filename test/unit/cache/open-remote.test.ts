import { describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/cache/remote/http-client.js';
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

  it('is refused with a fragment: a password of digits and a #, not encoded, parsed as a port and a fragment', () => {
    const r = parse('http://ci:4242#S3cretTail@127.0.0.1:9/');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).not.toContain('S3cret');
      expect(r.error).toMatch(/percent-encode/);
    }
    expect(parse('http://ci:p%23w%2Fd@127.0.0.1:9/cache').ok).toBe(true);
  });
});

describe('a cache URL with an @ past its host', () => {
  it('is refused, never quoting what precedes the @: a password with / or ? not encoded ends where its host seems to be', () => {
    for (const url of [
      'http://ci:4242/S3cretTail@127.0.0.1:9/',
      'http://ci:4242?S3cretTail@127.0.0.1:9/',
      'http://ghp_S3cret/Tail@127.0.0.1:9/',
      'https://cache.example.com/artifacts/@myorg/',
      'https://h/c?sig=abc@def',
    ]) {
      const r = parse(url);
      expect(r.ok, url).toBe(false);
      if (!r.ok) {
        expect(r.error, url).not.toMatch(/S3cret|4242|ci:|ghp_/);
        expect(r.error, url).toMatch(/has an '@' after its host: percent-encode/);
      }
    }
    // Encoded, each is what it says.
    for (const url of [
      'http://ci:4242%2FS3cretTail@127.0.0.1:9/',
      'https://cache.example.com/artifacts/%40myorg/',
      'https://h/c?sig=abc%40def',
    ]) {
      expect(parse(url).ok, url).toBe(true);
    }
    expect(new HttpClient({ url: 'https://h:8443/cache/', idleTimeoutMs: 1000, maxSockets: 1 }).display).toBe(
      'https://h:8443/cache',
    );
  });
});
