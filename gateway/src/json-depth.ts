/**
 * The deepest nesting of objects and arrays a request body may have. The deepest request Octroi reads is five
 * levels (a batch, its applications, a history table, its rows); anything far deeper is an attack on the parser or
 * on whatever walks the value after it (validators, logs, the bus), and is refused before it is parsed.
 */
export const MAX_JSON_DEPTH = 16;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** Whether JSON text nests objects and arrays deeper than `limit`, brackets inside strings left out: one pass, no parse. */
export function nestsDeeperThan(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
  }
  return false;
}

export const TOO_DEEP = `The body nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep`;
