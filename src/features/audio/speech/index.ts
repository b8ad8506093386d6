export { articleSpeechText, speechTextHash, wordCount } from './article-speech-text.js';
export { createSpeechProvider, type SpeechSettings } from './create-speech-provider.js';
export { createEspeakProcessProvider, programAvailable } from './espeak-process.provider.js';
export { createHttpProvider } from './http.provider.js';
export { speakable } from './speakable.js';
export { SpeechError, type SpeechProvider, type SpeechResult, type SpeechText } from './speech-provider.js';
