/**
 * The site's square emblem (the masthead red with a sound wave, 1400 px, drawn by the podcast feature
 * at this path): the publisher logo search engines ask for in an article's structured data.
 */
export const SITE_LOGO = { path: '/podcast-cover.png', width: 1400, height: 1400 } as const;
