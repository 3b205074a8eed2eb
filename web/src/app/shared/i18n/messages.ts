import { fr } from './fr';

/** Turns the French dictionary's literal types into the shape every language must fill. */
type Shape<T> = {
  [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends (...args: infer A) => string
      ? (...args: A) => string
      : Shape<T[K]>;
};

export type Messages = Shape<typeof fr>;
