import type { Language } from '../../../platform/i18n/i18n.js';
import type { Logger } from '../../../platform/log.js';
import { createEspeakProcessProvider, programAvailable } from './espeak-process.provider.js';
import { createEspeakWasmProvider, wasmVoiceAvailable } from './espeak-wasm.provider.js';
import { createHttpProvider } from './http.provider.js';
import type { SpeechProvider } from './speech-provider.js';

export interface SpeechSettings {
  provider: 'auto' | 'espeak' | 'wasm' | 'http' | 'off';
  httpUrl?: string | undefined;
  httpVoices?: Partial<Record<Language, string>>;
}

/**
 * The provider AUDIO_PROVIDER names. auto: the espeak-ng and ffmpeg programs when both are installed,
 * else the same voice built to WebAssembly (slower, no install). Undefined means no audio is made (off,
 * or nothing available), and says why in the log.
 */
export function createSpeechProvider(settings: SpeechSettings, log: Logger): SpeechProvider | undefined {
  if (settings.provider === 'off') return undefined;
  if (settings.provider === 'http') return createHttpProvider(settings.httpUrl!, settings.httpVoices ?? {});
  if (settings.provider !== 'wasm' && programAvailable('espeak-ng') && programAvailable('ffmpeg', '-version')) return createEspeakProcessProvider();
  if (settings.provider === 'espeak') log.warn('AUDIO_PROVIDER=espeak but the espeak-ng or ffmpeg program is missing: using the WebAssembly voice');
  if (wasmVoiceAvailable()) return createEspeakWasmProvider();
  log.warn({ provider: settings.provider }, 'article audio is off: install the espeak-ng and ffmpeg programs, or the optional packages espeak-ng and @breezystack/lamejs, or set AUDIO_PROVIDER=http');
  return undefined;
}
