/**
 * The colours of `styles.css`, for the charts drawn by ngx-charts: it writes colours into SVG
 * attributes, where CSS variables do not apply. Keep the two in step.
 */
export const PALETTE = {
  brand: '#1d3a6e',
  /** The chosen-threshold marks, also told apart by their dashes. */
  threshold: '#b35c00',
  /** Reference lines such as the ROC diagonal, also dotted. */
  reference: '#59626e',
  repaid: '#2166ac',
  /** Bars of defaulted clients: a hatch pattern each chart defines, so they differ by more than colour. */
  defaultedHatch: 'url(#hatch-defaulted)',
  /** The client among many points: a large yellow disc with a black outline (see `.ngx-frame` styles). */
  client: '#ffd000',
  /** The referral band (`--referred`), named in each chart's legend and table as well. */
  referred: '#5b3b8c',
  /** Fairness bars: clients granted, defaults refused, good clients refused (`.swatch.approved` …). */
  approved: '#1b6e37',
  defaultsRefused: '#1d3a6e',
  goodRefused: '#a3192a',
  /** Everything outside what a chart points at. */
  muted: '#9aa3ae',
} as const;
