/** The languages every citizen-facing text is written in; Turkish is the default. */
export type Locale = 'tr' | 'en';
