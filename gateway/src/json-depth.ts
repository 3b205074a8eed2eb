/**
 * The deepest nesting of objects and arrays a request body may have. The deepest request Octroi reads is five
 * levels (a batch, its applications, a history table, its rows); anything far deeper is an attack on the parser or
 * on whatever walks the value after it (validators, logs, the bus), and is refused before it is parsed.
 */
export const MAX_JSON_DEPTH = 16;

/** Outside strings, only these characters matter: brackets, and the quote that opens a string. */
const STRUCTURE = /[[\]{}"]/g;
/** Inside a string: its closing quote, or an escape (whose next character is skipped). */
const STRING_END = /["\\]/g;

/**
 * Whether JSON text nests objects and arrays deeper than `limit`, brackets inside strings left out: one pass, no
 * parse. The regular expressions jump over numbers and the text of strings, most of a large body.
 */
export function nestsDeeperThan(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  STRUCTURE.lastIndex = 0;
  for (let found = STRUCTURE.exec(text); found; found = STRUCTURE.exec(text)) {
    const c = found[0];
    if (c === '"') {
      STRING_END.lastIndex = STRUCTURE.lastIndex;
      let end = STRING_END.exec(text);
      while (end?.[0] === '\\') {
        STRING_END.lastIndex = end.index + 2;
        end = STRING_END.exec(text);
      }
      if (!end) return false; // an unterminated string: not JSON, which the parser says
      STRUCTURE.lastIndex = end.index + 1;
    } else if (c === '[' || c === '{') {
      if (++depth > limit) return true;
    } else depth--;
  }
  return false;
}

export const TOO_DEEP = `The body nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep`;
