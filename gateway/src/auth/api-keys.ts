import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * API keys of machine clients, kept only as SHA-256 digests: from OCTROI_API_KEYS (plain keys, comma-separated)
 * and from a file of `name:sha256hex` lines (OCTROI_API_KEYS_FILE), so the file can be shared without the keys.
 */
export class ApiKeys {
  private readonly owners = new Map<string, string>();

  constructor(plainKeys: string[], file?: string) {
    plainKeys.forEach((key, index) => this.owners.set(sha256(key), `key-${index + 1}`));
    if (file && existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        const [name, digest] = line.trim().split(':');
        if (name && digest && /^[0-9a-f]{64}$/.test(digest)) this.owners.set(digest, name);
      }
    }
  }

  /** The key's name, or undefined when the key is not one of ours. */
  owner(key: string): string | undefined {
    return this.owners.get(sha256(key));
  }

  get size() {
    return this.owners.size;
  }
}

export const apiKeyDigest = sha256;
