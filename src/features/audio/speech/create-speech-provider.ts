import type { Language } from '../../../platform/i18n/i18n.js';
import type { Logger } from '../../../platform/log.js';
import { createEspeakProcessProvider, programAvailable } from './espeak-process.provider.js';
import { createHttpProvider } from './http.provider.js';
import type { SpeechProvider } from './speech-provider.js';

export interface SpeechSettings {
  provider: 'auto' | 'espeak' | 'wasm' | 'http' | 'off';
  httpUrl?: string | undefined;
  httpVoices?: Partial<Record<Language, string>>;
}

/**
 * The provider AUDIO_PROVIDER names. auto: the espeak-ng and ffmpeg programs when both are installed.
 * Undefined means no audio is made (off, or nothing available), and says why in the log.
 */
export function createSpeechProvider(settings: SpeechSettings, log: Logger): SpeechProvider | undefined {
  if (settings.provider === 'off') return undefined;
  if (settings.provider === 'http') return createHttpProvider(settings.httpUrl!, settings.httpVoices ?? {});
  const programs = programAvailable('espeak-ng') && programAvailable('ffmpeg', '-version');
  if (programs) return createEspeakProcessProvider();
  // The WebAssembly voice for machines without the programs is not built yet (see the audio README).
  log.warn({ provider: settings.provider }, 'article audio is off: install the espeak-ng and ffmpeg programs, or set AUDIO_PROVIDER=http');
  return undefined;
}
