export type DemoBlock =
  | { type: 'p'; text: string }          // text may contain [label](/path) links and **bold** / *italic*
  | { type: 'h2'; text: string }
  | { type: 'quote'; text: string; cite: string }
  | { type: 'embed'; provider: 'youtube'; url: string }; // shown on the site as a click-to-load placeholder
export interface DemoArticle {
  key: string;            // stable unique id, kebab-case, e.g. 'gulf-rail-capacity'
  section: 'politics' | 'economy' | 'technology' | 'defense' | 'tourism' | 'world';
  headline: string;
  standfirst: string;     // one or two sentences, NOT repeated as the first paragraph
  body: DemoBlock[];
  tags: string[];         // tag slugs from the list below
  bylines: string[];      // person slugs from the list below, or an agency name: 'Arab Press Wire', 'Reuters', 'AFP'
  daysAgo: number;        // 0..40, how long ago it was published
  hour: number;           // 6..22 local hour of publication
  imageCaption: string;   // caption for the generated featured image
  imageAlt: string;       // alt text describing the image
  translationKey?: string;// only on Arabic articles
}
