/**
 * Where the article's "Listen" player goes. Until an article has audio (the audio feature) it renders
 * nothing at all: no empty player, no layout shift.
 */
export function AudioSlot(_props: { audio: null }) {
  return null;
}
