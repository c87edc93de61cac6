import { hostname } from 'node:os';
import { InvalidArgumentError } from 'commander';
import ipaddr from 'ipaddr.js';
import { AGENT_NAME_PATTERN } from '../relay/relay.protocol';

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

/** A relay agent's name: letters, digits, dots, hyphens and underscores, up to 64. */
export function agentNameOption(value: string): string {
  if (!AGENT_NAME_PATTERN.test(value)) {
    throw new InvalidArgumentError(
      `expected up to 64 letters, digits, dots, hyphens and underscores, starting with a letter or digit; got "${value}".`,
    );
  }
  return value;
}

/** The host name, made into a valid agent name. */
export function defaultAgentName(): string {
  const name = hostname()
    .replace(/[^A-Za-z0-9._-]/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 64);
  return name || 'agent';
}
