import { InvalidArgumentError } from 'commander';
import ipaddr from 'ipaddr.js';

/** A host name as RFC 1123 allows it: dot-separated labels of letters, digits and hyphens. */
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** Whether `value` is a host name (not a malformed address such as 999.1.1.1). */
export function isHostName(value: string): boolean {
  return HOST_NAME.test(value) && !/^[\d.]+$/.test(value);
}

/** An absolute http(s) URL. */
export function urlOption(value: string): URL {
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw new InvalidArgumentError(`expected a URL such as https://plugboard.example.com, got "${value}".`);
  }
  return new URL(value);
}

/** Comma-separated host names, addresses and CIDR ranges, each checked. */
export function allowListOption(value: string): string[] {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = entries.filter((entry) => !ipaddr.isValidCIDR(entry) && !ipaddr.isValid(entry) && !isHostName(entry));
  if (bad.length) {
    throw new InvalidArgumentError(
      `expected host names, addresses or CIDR ranges such as db.corp.example,10.20.0.0/16; not ${bad.map((entry) => `"${entry}"`).join(', ')}.`,
    );
  }
  return entries;
}

/** A whole number of at least 1. */
export function positiveIntegerOption(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new InvalidArgumentError(`expected a whole number of at least 1, got "${value}".`);
  return number;
}
