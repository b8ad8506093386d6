import { createHash } from 'node:crypto';

/**
 * A featured image drawn locally as SVG: a sky in the section's colour, a sun, and layered dunes or a
 * skyline, varied by the story key. No stock photos, nothing fetched, a few hundred bytes each.
 */
export function demoImageSvg(key: string, color: string, width = 1200, height = 675): string {
  const seed = createHash('sha256').update(key).digest();
  let i = 0;
  const rnd = () => seed[i++ % seed.length]! / 255;
  const sunX = Math.round(width * (0.15 + rnd() * 0.7));
  const sunY = Math.round(height * (0.18 + rnd() * 0.25));
  const sunR = Math.round(height * (0.07 + rnd() * 0.07));
  const layers: string[] = [];
  const skyline = rnd() > 0.5;
  for (let l = 0; l < 3; l++) {
    const base = height * (0.55 + l * 0.14);
    const opacity = (0.35 + l * 0.25).toFixed(2);
    if (skyline && l === 1) {
      let x = 0;
      let d = `M0 ${height}`;
      while (x < width) {
        const w = 40 + rnd() * 90;
        const h = 60 + rnd() * 220;
        d += ` L${x.toFixed(0)} ${(base - h).toFixed(0)} L${(x + w).toFixed(0)} ${(base - h).toFixed(0)}`;
        x += w + rnd() * 20;
      }
      layers.push(`<path d="${d} L${width} ${height} Z" fill="#000" fill-opacity="${opacity}"/>`);
    } else {
      const a = 30 + rnd() * 60;
      const c1 = rnd() * width;
      const c2 = rnd() * width;
      layers.push(
        `<path d="M0 ${base.toFixed(0)} C${c1.toFixed(0)} ${(base - a).toFixed(0)} ${c2.toFixed(0)} ${(base + a).toFixed(0)} ${width} ${(base - a / 2).toFixed(0)} L${width} ${height} L0 ${height} Z" fill="#000" fill-opacity="${opacity}"/>`,
      );
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${color}"/><stop offset="1" stop-color="#f4e4c1"/></linearGradient></defs>` +
    `<rect width="${width}" height="${height}" fill="url(#s)"/>` +
    `<circle cx="${sunX}" cy="${sunY}" r="${sunR}" fill="#fff7d6" fill-opacity="0.9"/>` +
    layers.join('') +
    `</svg>`
  );
}
